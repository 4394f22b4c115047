/**
 * The kind behind B26 (events lost at a shadow root) and drafts that leak between sessions, in the
 * full screen: every `chat-*` event any element dispatches is composed and bubbling and reaches
 * document exactly once; other custom events stay inside; a composer draft belongs to its session.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { byRole, deepQuery, mount, queryByRole, settle, setup, waitUntil } from '../helpers.js';

/** Library protocol events that cross shadow roots by design (Lit context). */
const PROTOCOL = new Set(['context-request', 'context-provider']);

describe('Events and drafts in the full screen', () => {
  it('B26: every chat-* event dispatched during a working session is composed, bubbles and reaches document once; no other custom event leaves its shadow root', async () => {
    const { backend, service } = await setup();
    const person = backend.inspect.persons()[0]!;
    const mine = backend.script.customerArrives({ channelId: 'support', name: `${person.firstName} ${person.lastName}`, email: person.email, text: 'Hi, my parcel is late' });
    const colleague = backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello?' });
    backend.script.agentAnswers('a2', colleague);
    await service.answer(mine);
    // Choosing the chat already selected fires nothing: start with none selected, so the row's click selects it.
    service.selectSession(null);
    const dispatched: CustomEvent[] = [];
    const original = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      if (event instanceof CustomEvent) dispatched.push(event);
      return original.call(this, event);
    };
    const heardAtDocument = new Map<CustomEvent, number>();
    const types = new Set<string>();
    const listener = (e: Event) => heardAtDocument.set(e as CustomEvent, (heardAtDocument.get(e as CustomEvent) ?? 0) + 1);
    const listen = (type: string) => {
      if (types.has(type)) return;
      types.add(type);
      document.addEventListener(type, listener);
    };
    // Listen for every type as soon as anything dispatches it (types are learnt from the first dispatch).
    const known = ['chat-session-select', 'chat-message-send', 'chat-person-link', 'chat-person-open', 'chat-session-end', 'chat-error', 'chat-incoming', 'chat-warning', 'chat-request-create', 'chat-company-open', 'chat-request-open', 'chat-sale-open', 'chat-follow-up-open'];
    for (const type of known) listen(type);
    try {
      const el = await mount<ChatScreen>(service, html`<chat-screen style="height: 720px"></chat-screen>`);
      // Dashboard: listen in on the colleague's chat and close it.
      byRole(el, 'button', 'Listen in').click();
      const dialog = await waitUntil(() => deepQuery<HTMLDialogElement>(el, 'dialog[open]'), 'the listen-in dialog');
      byRole(dialog, 'button', 'Close').click();
      await settle(el);
      // Chats: select, write, transfer dialog, link the person, open it, end.
      byRole(el, 'tab', 'Chats').click();
      await settle(el);
      byRole(el, 'option', new RegExp(person.lastName)).click();
      await settle(el);
      byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').focus();
      await sendKeys({ type: 'Let me check that for you' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      byRole(el, 'button', 'Transfer').click();
      const transfer = await waitUntil(() => deepQuery<HTMLDialogElement>(el, 'dialog[open]'), 'the transfer dialog');
      byRole(transfer, 'button', 'Cancel').click();
      await settle(el);
      // Below 900 px (the runner's window) the person panel is a drawer behind "Person".
      queryByRole(el, 'button', 'Person')?.click();
      await settle(el);
      (await waitUntil(() => byRole(el, 'button', 'Link'), 'a Link button')).click();
      await waitUntil(() => service.state.sessions[mine]?.personId === person.id, 'the link');
      (await waitUntil(() => byRole(el, 'button', 'Open in CRM'), 'Open in CRM')).click();
      byRole(el, 'button', 'End chat').click();
      await waitUntil(() => service.state.sessions[mine]?.status === 'ended', 'the end');
      backend.script.customerArrives({ channelId: 'support', name: 'New Customer', text: 'Hi' });
      await settle(el);
    } finally {
      EventTarget.prototype.dispatchEvent = original;
      for (const type of types) document.removeEventListener(type, listener);
    }
    const publicEvents = dispatched.filter((e) => e.type.startsWith('chat-'));
    const seenTypes = [...new Set(publicEvents.map((e) => e.type))].sort();
    expect(seenTypes).to.include.members(['chat-incoming', 'chat-message-send', 'chat-person-link', 'chat-person-open', 'chat-session-end', 'chat-session-select']);
    for (const e of publicEvents) {
      expect(known, `${e.type} is declared in the test's list`).to.include(e.type);
      expect(e.composed, `${e.type} composed`).to.equal(true);
      expect(e.bubbles, `${e.type} bubbles`).to.equal(true);
      expect(heardAtDocument.get(e), `${e.type} reaches document once`).to.equal(1);
      expect(e.detail, `${e.type} carries a detail`).to.be.an('object');
    }
    const escaping = dispatched.filter((e) => !e.type.startsWith('chat-') && !PROTOCOL.has(e.type) && e.composed);
    expect(escaping.map((e) => e.type)).to.deep.equal([]);
  });

  it('keeps a composer draft per session: switching chats never carries text into another chat', async () => {
    const { backend, service } = await setup();
    const first = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
    const second = backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
    await service.answer(first);
    await service.answer(second);
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="height: 720px"></chat-screen>`);
    const composer = () => byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    const open = async (name: RegExp) => {
      byRole(el, 'option', name).click();
      await settle(el);
    };
    await open(/Mira Okafor/);
    composer().focus();
    await sendKeys({ type: 'Draft for Mira' });
    // Switch in the same breath as the last key press.
    await open(/Tomasz Weber/);
    expect(composer().value).to.equal('');
    composer().focus();
    await sendKeys({ type: 'For Tomasz' });
    await open(/Mira Okafor/);
    expect(composer().value).to.equal('Draft for Mira');
    await open(/Tomasz Weber/);
    expect(composer().value).to.equal('For Tomasz');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(composer().value).to.equal('');
    await open(/Mira Okafor/);
    expect(composer().value).to.equal('Draft for Mira');
    expect(service.state.drafts).to.deep.include({ [first]: 'Draft for Mira', [second]: '' });
  });
});
