import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { byRole, deepActiveElement, deepQuery, mount, queryByRole, settle, setup, waitUntil } from '../helpers.js';

// The window stays at the runner's width (wider than 720 px): the layout follows the element's own
// width (a container query), so a narrow element in a wide page gets the one-pane layout.

/** Whether the element takes up room on the page (not `display: none`, not inside a hidden ancestor). */
function shown(el: Element | null): boolean {
  return !!el && el.getClientRects().length > 0 && el.getBoundingClientRect().width > 0;
}

/** A `<chat-screen>` of `width` × 640 px on the Chats tab, with two chats the agent handles and none selected. */
async function chatsAt(width: number, lang = 'en') {
  const { backend, service } = await setup();
  const mira = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
  const jonas = backend.script.customerArrives({ name: 'Jonas Veldman', text: 'Question about my invoice' });
  await service.answer(mira);
  await service.answer(jonas);
  service.selectSession(null);
  const el = await mount<ChatScreen>(
    service,
    html`<chat-screen tab="chats" style="width: ${width}px; height: 640px"></chat-screen>`,
    lang,
  );
  await waitUntil(() => queryByRole(el, 'option', /Mira Okafor/), 'the session row');
  // The Dutch strings arrive asynchronously (the locale module is loaded on demand).
  if (lang === 'nl') await waitUntil(() => queryByRole(el, 'button', 'Volgende in wachtrij ophalen'), 'the Dutch strings');
  await settle(el);
  return { el, backend, service, mira, jonas };
}

const conversation = (el: Element) => deepQuery(el, 'chat-conversation');
const personPanel = (el: Element) => deepQuery(el, 'chat-person-panel');
const sessionList = (el: Element) => deepQuery(el, 'chat-session-list');

/** Click Mira's row and wait for her conversation. */
async function openMira(el: ChatScreen) {
  byRole(el, 'option', /Mira Okafor/).click();
  await waitUntil(() => queryByRole(el, 'heading', 'Mira Okafor'), 'the conversation heading');
  await settle(el);
}

describe('<chat-screen> at narrow widths (one pane at a time)', () => {
  it('at 360 px shows only the session list, with no back or Person button', async () => {
    const { el } = await chatsAt(360);
    expect(window.innerWidth, 'the window itself is wide').to.be.greaterThan(720);
    expect(shown(sessionList(el))).to.equal(true);
    expect(sessionList(el)!.getBoundingClientRect().width).to.be.closeTo(360, 1);
    expect(shown(conversation(el)), 'conversation').to.equal(false);
    expect(shown(personPanel(el)), 'person panel').to.equal(false);
    expect(!!queryByRole(el, 'button', 'Back to chats')).to.equal(false);
    expect(!!queryByRole(el, 'button', 'Person')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('selecting a row selects it through the service and shows its conversation full size, with focus on "Back to chats"', async () => {
    const { el, service, mira } = await chatsAt(360);
    await openMira(el);
    expect(service.state.selectedSessionId).to.equal(mira);
    expect(shown(sessionList(el)), 'the list is hidden').to.equal(false);
    expect(!!queryByRole(el, 'listbox')).to.equal(false);
    const box = conversation(el)!.getBoundingClientRect();
    expect(box.width).to.be.closeTo(360, 1);
    expect(box.height, 'the conversation fills the height below the header and the pane bar').to.be.greaterThan(450);
    expect(byRole(el, 'log').getBoundingClientRect().height, 'room for the history').to.be.greaterThan(150);
    const back = byRole(el, 'button', 'Back to chats');
    expect(deepActiveElement() === back, 'focus').to.equal(true);
    expect(byRole(el, 'button', 'Person').getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('"Back to chats" returns to the list with focus on the row of that chat', async () => {
    const { el, service, jonas } = await chatsAt(360);
    byRole(el, 'option', /Jonas Veldman/).click();
    await waitUntil(() => queryByRole(el, 'heading', 'Jonas Veldman'), 'Jonas\'s conversation');
    await settle(el);
    byRole(el, 'button', 'Back to chats').click();
    await settle(el);
    expect(shown(sessionList(el))).to.equal(true);
    expect(shown(conversation(el))).to.equal(false);
    expect(!!queryByRole(el, 'button', 'Back to chats')).to.equal(false);
    const row = byRole(el, 'option', /Jonas Veldman/);
    await waitUntil(() => deepActiveElement() === row, 'focus on Jonas\'s row');
    // Going back is view state: the chat stays selected in the service.
    expect(service.state.selectedSessionId).to.equal(jonas);
    expect(row.getAttribute('aria-selected')).to.equal('true');
  });

  it('choosing the already selected chat again after going back shows its conversation again', async () => {
    const { el } = await chatsAt(360);
    await openMira(el);
    byRole(el, 'button', 'Back to chats').click();
    await settle(el);
    byRole(el, 'option', /Mira Okafor/).click();
    await settle(el);
    expect(shown(conversation(el))).to.equal(true);
    expect(deepActiveElement() === byRole(el, 'button', 'Back to chats'), 'focus').to.equal(true);
  });

  it('works with the keyboard alone: Enter on a row opens it, Enter on "Back to chats" returns to the row', async () => {
    const { el, service, mira } = await chatsAt(360);
    const row = byRole(el, 'option', /Mira Okafor/);
    row.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === queryByRole(el, 'button', 'Back to chats'), 'focus on "Back to chats"');
    expect(service.state.selectedSessionId).to.equal(mira);
    // Tab order in the pane bar: "Back to chats", then "Person", then the conversation.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement() === byRole(el, 'button', 'Person'), 'focus').to.equal(true);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement() === byRole(el, 'button', 'Back to chats'), 'focus').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === byRole(el, 'option', /Mira Okafor/), 'focus back on the row');
  });

  it('the "Person" button shows the person panel as the only pane and hides it again, with aria-expanded and aria-controls', async () => {
    const { el } = await chatsAt(360);
    await openMira(el);
    const toggle = byRole(el, 'button', 'Person');
    const controlled = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!);
    expect(controlled === personPanel(el), 'aria-controls names the person panel').to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shown(personPanel(el))).to.equal(false);

    toggle.click();
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(shown(personPanel(el))).to.equal(true);
    expect(personPanel(el)!.getBoundingClientRect().width).to.be.closeTo(360, 1);
    expect(shown(conversation(el)), 'the conversation makes room').to.equal(false);
    expect(shown(sessionList(el))).to.equal(false);
    await expect(el).to.be.accessible();

    toggle.click();
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shown(personPanel(el))).to.equal(false);
    expect(shown(conversation(el))).to.equal(true);
  });

  it('the person pane has its own way back: "Back to conversation" and Escape return to the conversation with focus on "Person"', async () => {
    const { el } = await chatsAt(360);
    await openMira(el);
    byRole(el, 'button', 'Person').click();
    await settle(el);
    byRole(el, 'button', 'Back to conversation').click();
    await settle(el);
    expect(shown(conversation(el))).to.equal(true);
    expect(shown(personPanel(el))).to.equal(false);
    expect(deepActiveElement() === byRole(el, 'button', 'Person'), 'focus').to.equal(true);
    expect(byRole(el, 'button', 'Person').getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(shown(personPanel(el))).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(shown(personPanel(el))).to.equal(false);
    expect(shown(conversation(el))).to.equal(true);
    expect(deepActiveElement() === byRole(el, 'button', 'Person'), 'focus').to.equal(true);
  });

  it('a chat answered on the dashboard opens the Chats tab on its conversation', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatScreen>(service, html`<chat-screen style="width: 360px; height: 640px"></chat-screen>`);
    // With the keyboard, as an agent would: focus stays on "Answer" until its tab is hidden.
    byRole(el, 'button', 'Answer').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.tab === 'chats' && queryByRole(el, 'heading', 'Mira Okafor'), 'the conversation');
    await settle(el);
    expect(service.state.selectedSessionId).to.equal(id);
    expect(shown(conversation(el))).to.equal(true);
    expect(shown(sessionList(el))).to.equal(false);
    // The "Answer" button went with its row; the agent writes next: focus goes to the composer,
    // and typing (spaces included) goes into the reply, not to "Back to chats".
    await waitUntil(() => deepActiveElement() === queryByRole(el, 'textbox', 'Message'), 'focus in the composer');
    await sendKeys({ type: 'Hi there' });
    await settle(el);
    expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').value).to.equal('Hi there');
    expect(shown(conversation(el)), 'still in the chat').to.equal(true);
  });

  it('speaks Dutch: "Terug naar chats", "Persoon", "Terug naar gesprek"', async () => {
    const { el } = await chatsAt(360, 'nl');
    byRole(el, 'option', /Mira Okafor/).click();
    await settle(el);
    expect(deepActiveElement() === byRole(el, 'button', 'Terug naar chats'), 'focus').to.equal(true);
    byRole(el, 'button', 'Persoon').click();
    await settle(el);
    expect(byRole(el, 'button', 'Persoon').getAttribute('aria-expanded')).to.equal('true');
    expect(!!queryByRole(el, 'button', 'Terug naar gesprek')).to.equal(true);
  });

  it('the Dashboard tab at 360 px shows each waiting customer\'s name, channel and "Answer" inside the row', async () => {
    const { backend, service } = await setup();
    backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hi there, the desk lamp arrived with a cracked base.' });
    const el = await mount<ChatScreen>(service, html`<chat-screen style="width: 360px; height: 640px"></chat-screen>`);
    const answer = await waitUntil(() => queryByRole(el, 'button', 'Answer'), 'the Answer button');
    await settle(el);
    const row = deepQuery(el, '.incoming-row')!;
    const rowBox = row.getBoundingClientRect();
    const name = deepQuery(row, '.name')!;
    expect(name.textContent).to.equal('Tomasz Weber');
    expect(name.scrollWidth, 'the whole name shows').to.be.at.most(name.clientWidth + 1);
    for (const part of [name, deepQuery(row, '.channel')!, answer]) {
      const box = part.getBoundingClientRect();
      expect(box.width, part.className).to.be.greaterThan(0);
      expect(box.left >= rowBox.left - 1 && box.right <= rowBox.right + 1, `${part.className} inside the row`).to.equal(true);
    }
  });

  it('between 720 and 900 px keeps the list and the conversation side by side, the person panel behind "Person" in the header', async () => {
    const { el } = await chatsAt(800);
    await openMira(el);
    const list = sessionList(el)!.getBoundingClientRect();
    const talk = conversation(el)!.getBoundingClientRect();
    expect(shown(sessionList(el)) && shown(conversation(el))).to.equal(true);
    expect(talk.left).to.be.at.least(list.right - 1);
    expect(!!queryByRole(el, 'button', 'Back to chats')).to.equal(false);
    const toggle = byRole(el, 'button', 'Person');
    expect(!!toggle.closest('.header'), 'the toggle is in the header').to.equal(true);
    expect(shown(personPanel(el))).to.equal(false);
    toggle.click();
    await settle(el);
    expect(shown(personPanel(el))).to.equal(true);
    expect(shown(conversation(el)), 'the drawer lies over the conversation, which stays').to.equal(true);
    // The drawer takes the focus, so Tab goes on inside it (it comes last in the page order).
    expect(deepActiveElement() === personPanel(el), 'focus on the drawer').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(!!personPanel(el)!.shadowRoot!.contains(deepActiveElement()), 'Tab moves into the person panel').to.equal(true);
  });

  it('between 720 and 900 px, a chat answered on the dashboard puts focus in its composer, where the agent writes next', async () => {
    const { backend, service } = await setup();
    backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatScreen>(service, html`<chat-screen style="width: 800px; height: 640px"></chat-screen>`);
    byRole(el, 'button', 'Answer').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.tab === 'chats' && queryByRole(el, 'heading', 'Mira Okafor'), 'the conversation');
    // The "Answer" button went with its row; focus is not left on the page's body.
    await waitUntil(() => deepActiveElement() === queryByRole(el, 'textbox', 'Message'), 'focus in the composer of the answered chat');
  });

  it('at 1440 px shows all three areas side by side and no back or Person button', async () => {
    const { el } = await chatsAt(1440);
    await openMira(el);
    const [list, talk, person] = [sessionList(el)!, conversation(el)!, personPanel(el)!].map((e) => e.getBoundingClientRect());
    expect([list, talk, person].every((r) => r.width > 200)).to.equal(true);
    expect(talk.left).to.be.at.least(list.right - 1);
    expect(person.left).to.be.at.least(talk.right - 1);
    expect(!!queryByRole(el, 'button', 'Back to chats')).to.equal(false);
    expect(!!queryByRole(el, 'button', 'Person')).to.equal(false);
  });

  it('below 720 px, a chat selected by the host while the agent types keeps the focus in the composer', async () => {
    const { el, service, jonas } = await chatsAt(360);
    await openMira(el);
    const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    composer.focus();
    service.selectSession(jonas);
    await waitUntil(() => queryByRole(el, 'heading', 'Jonas Veldman'), "Jonas's conversation");
    await settle(el);
    expect(deepActiveElement() === byRole(el, 'textbox', 'Message'), 'focus stays in the composer').to.equal(true);
  });
});
