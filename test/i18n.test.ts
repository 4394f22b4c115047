import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setChatLocale } from '../src/i18n/localization.js';
import { byRole, queryByRole, settle, setup, waitUntil } from './helpers.js';

describe('Localisation', () => {
  afterEach(async () => {
    await setChatLocale('en');
  });

  it('shows the Chat screen in Dutch with the source product wording', async function () {
    // Inherently heavy: the axe check of the whole <chat-screen> (every shadow root, colour contrast
    // of every text) is ~2.1 s of this test's ~2.9 s on an idle machine (profiled; no real timers,
    // no 10,000-message demo chat: setup() uses the small seeded demo). On a loaded machine that
    // passes mocha's 10 s default.
    this.timeout(30_000);
    const { backend, service } = await setup();
    backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hallo, mijn pakket is laat' });
    const el = await fixture<HTMLElement>(html`<chat-screen .service=${service} lang="nl" tab="chats"></chat-screen>`);
    await waitUntil(() => queryByRole(el, 'button', 'Volgende in wachtrij ophalen'), 'the Dutch take-next button');
    expect(byRole(el, 'tab', 'Dashboard')).to.exist;
    expect(byRole(el, 'tab', 'Chats')).to.exist;
    byRole<HTMLButtonElement>(el, 'button', 'Volgende in wachtrij ophalen').click();
    const composer = await waitUntil(() => queryByRole<HTMLTextAreaElement>(el, 'textbox', 'Bericht'), 'the Dutch composer');
    composer.focus();
    await sendKeys({ type: 'Goedemorgen!' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(byRole(el, 'button', 'Chat beëindigen')).to.exist;
    expect(byRole(el, 'listbox', 'Chatsessies')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('maps regional and unknown codes to a shipped locale', async () => {
    const { resolveChatLocale } = await import('../src/i18n/localization.js');
    expect(resolveChatLocale('nl-BE')).to.equal('nl');
    expect(resolveChatLocale('NL')).to.equal('nl');
    expect(resolveChatLocale('de')).to.equal('en');
    expect(resolveChatLocale(undefined)).to.equal('en');
  });

  it('switches back to English when the lang attribute changes', async () => {
    const { service } = await setup();
    const el = await fixture<HTMLElement>(html`<chat-screen .service=${service} lang="nl" tab="chats"></chat-screen>`);
    await waitUntil(() => queryByRole(el, 'button', 'Volgende in wachtrij ophalen'), 'Dutch');
    el.setAttribute('lang', 'en');
    await waitUntil(() => queryByRole(el, 'button', 'Get next in queue'), 'English again');
  });
});
