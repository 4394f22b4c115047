import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import type { ChatService } from '../../src/service/chat-service.js';
import {
  byRole,
  deepActiveElement,
  deepQuery,
  deepText,
  mount,
  openConversation,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

/** Count the calls of `service.selectSession` from now on. */
function countSelects(service: ChatService): string[] {
  const calls: string[] = [];
  const original = service.selectSession.bind(service);
  service.selectSession = (id) => {
    calls.push(String(id));
    original(id);
  };
  return calls;
}

/** The `chat-session-select` events reaching the document from now on (call `stop()` when done). */
function listenSelects(): { ids: string[]; stop(): void } {
  const ids: string[] = [];
  const listener = (e: Event) => ids.push((e as CustomEvent<{ sessionId: string }>).detail.sessionId);
  document.addEventListener('chat-session-select', listener);
  return { ids, stop: () => document.removeEventListener('chat-session-select', listener) };
}

/** A second click of a double-click at the same spot (the browser's click count in `detail`). */
function secondClick(target: Element): void {
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 2 }));
}

const isComposer = (el: Element) => deepActiveElement() === queryByRole(el, 'textbox', 'Message');

describe('agent flow', () => {
  describe('1. typing right after "Answer" / "Get next in queue"', () => {
    for (const width of [1280, 800]) {
      it(`at ${width} px: Skip to incoming chats, Enter, Tab, Enter on "Answer", then typing goes into the answered chat's composer`, async () => {
        const { backend, service } = await setup();
        const id = backend.script.customerArrives({ name: 'Chiara Rossi', text: 'Hi, is the blue sofa in stock?' });
        const el = await mount<ChatScreen>(service, html`<chat-screen style="width: ${width}px; height: 720px"></chat-screen>`);
        const skip = await waitUntil(() => queryByRole(el, 'button', 'Skip to incoming chats'), 'the skip link');
        skip.focus();
        await sendKeys({ press: 'Enter' });
        await sendKeys({ press: 'Tab' });
        expect(deepActiveElement() === byRole(el, 'button', 'Answer'), 'focus on "Answer"').to.equal(true);
        const selects = listenSelects();
        try {
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => el.tab === 'chats' && service.state.sessions[id]!.agentId === 'a1', 'the chat answered');
          await waitUntil(() => isComposer(el), 'focus in the composer');
          await sendKeys({ type: 'Hello there, the sofa is in stock.' });
          await settle(el);
          expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').value).to.equal('Hello there, the sofa is in stock.');
          expect(service.state.drafts[id]).to.equal('Hello there, the sofa is in stock.');
          expect(selects.ids, 'one chat-session-select: the answer').to.deep.equal([id]);
        } finally {
          selects.stop();
        }
      });
    }

    it('"Get next in queue" from the keyboard puts focus in the taken chat\'s composer', async () => {
      const { backend, service } = await setup();
      const id = backend.script.customerArrives({ name: 'Chiara Rossi', text: 'Hi' });
      const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="width: 1280px; height: 720px"></chat-screen>`);
      const take = await waitUntil(() => queryByRole<HTMLButtonElement>(el, 'button', 'Get next in queue'), 'the button');
      await waitUntil(() => !(take.getAttribute('aria-disabled') === 'true'), 'a chat to take');
      take.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => service.state.selectedSessionId === id, 'the chat taken');
      await waitUntil(() => isComposer(el), 'focus in the composer');
      await sendKeys({ type: 'Good morning' });
      expect(service.state.drafts[id]).to.equal('Good morning');
    });

    it('an answer does not take the focus from a composer the agent is typing in', async () => {
      const { backend, service } = await setup();
      const mira = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const jonas = backend.script.customerArrives({ name: 'Jonas Veldman', text: 'Hello' });
      await service.answer(mira);
      const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="width: 1280px; height: 720px"></chat-screen>`);
      const composer = await waitUntil(() => queryByRole<HTMLTextAreaElement>(el, 'textbox', 'Message'), 'the composer');
      composer.focus();
      await sendKeys({ type: 'Half a' });
      // Another chat is answered (e.g. by the host): Mira's composer keeps the focus.
      await service.answer(jonas);
      await waitUntil(() => queryByRole(el, 'heading', 'Jonas Veldman'), "Jonas's conversation");
      await settle(el);
      expect(isComposer(el), 'focus stays in the composer').to.equal(true);
      expect(service.state.drafts[mira]).to.equal('Half a');
    });

    it('Space, letters or Enter on the row of the selected chat do not select it again (no event, no service call)', async () => {
      const { backend, service } = await setup();
      const mira = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const jonas = backend.script.customerArrives({ name: 'Jonas Veldman', text: 'Hello' });
      await service.answer(jonas);
      await service.answer(mira);
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
      await settle(el);
      const calls = countSelects(service);
      const selects = listenSelects();
      try {
        byRole(el, 'option', /Mira Okafor/).focus();
        await sendKeys({ type: 'Hello there friend' });
        await sendKeys({ press: 'Space' });
        await sendKeys({ press: 'Enter' });
        byRole(el, 'option', /Mira Okafor/).click();
        await settle(el);
        expect(selects.ids, 'events').to.deep.equal([]);
        expect(calls, 'service calls').to.deep.equal([]);
        // Another chat's row still selects.
        byRole(el, 'option', /Jonas Veldman/).focus();
        await sendKeys({ press: 'Enter' });
        await settle(el);
        expect(selects.ids).to.deep.equal([jonas]);
        expect(calls).to.deep.equal([jonas]);
      } finally {
        selects.stop();
      }
    });
  });

  describe('1. printable keys on a session row', () => {
    it('search the customers\' names (type-ahead) and move focus there, selecting nothing', async () => {
      const { backend, service } = await setup();
      const mira = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const jonas = backend.script.customerArrives({ name: 'Jonas Veldman', text: 'Hello' });
      const tomasz = backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Hey' });
      for (const id of [mira, jonas, tomasz]) await service.answer(id);
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
      await settle(el);
      const selects = listenSelects();
      try {
        byRole(el, 'option', /Tomasz Weber/).focus();
        await sendKeys({ press: 'j' });
        expect(deepActiveElement() === byRole(el, 'option', /Jonas Veldman/), 'focus on Jonas').to.equal(true);
        await sendKeys({ press: 'm' });
        expect(deepActiveElement() === byRole(el, 'option', /Mira Okafor/), 'focus on Mira').to.equal(true);
        await settle(el);
        expect(selects.ids).to.deep.equal([]);
        expect(service.state.selectedSessionId).to.equal(tomasz);
        // Enter chooses the row found.
        await sendKeys({ press: 'Enter' });
        expect(selects.ids).to.deep.equal([mira]);
      } finally {
        selects.stop();
      }
    });
  });

  describe('2. a double-click does the action once', () => {
    it('"Get next in queue" takes one customer for a double-click', async () => {
      const { backend, service } = await setup();
      const first = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const second = backend.script.customerArrives({ name: 'Jonas Veldman', text: 'Hello' });
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
      const take = byRole<HTMLButtonElement>(el, 'button', 'Get next in queue');
      take.click(); // the first click (detail 1)
      await waitUntil(() => service.state.sessions[first]!.agentId === 'a1', 'the first chat taken');
      await settle(el);
      expect(take.getAttribute('aria-disabled') === 'true', 'the first take has finished').to.equal(false);
      secondClick(take);
      await settle(el);
      expect(service.state.sessions[second]!.status, 'the next customer still waits').to.equal('queued');
      // A later single click (or Enter: detail 0) takes the next one.
      take.click();
      await waitUntil(() => service.state.sessions[second]!.agentId === 'a1', 'the second chat taken');
    });

    it('the second press of that double-click cannot move focus (from the composer the action focused) or select text', async () => {
      const { backend, service } = await setup();
      backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
      const press = (detail: number) => {
        const event = new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true, detail });
        document.body.dispatchEvent(event);
        return event.defaultPrevented;
      };
      // A mouse click (detail 1; element.click() gives 0, as the keyboard does).
      byRole(el, 'button', 'Get next in queue').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 }));
      await settle(el);
      expect(press(2), 'the double-click\'s second press, where the button was').to.equal(true);
      expect(press(1), 'a new single press').to.equal(false);
    });

    it('"Answer": the second click of a double-click, landing on the next row\'s "Answer", answers nothing', async () => {
      const { backend, service } = await setup();
      const first = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const second = backend.script.customerArrives({ name: 'Jonas Veldman', text: 'Hello' });
      const el = await mount(service, html`<chat-dashboard></chat-dashboard>`);
      const answer = (id: string) => deepQuery<HTMLButtonElement>(el, `[data-id="${id}"] button`)!;
      answer(first).click();
      await waitUntil(() => service.state.sessions[first]!.agentId === 'a1', 'the first chat answered');
      await settle(el);
      secondClick(answer(second));
      await settle(el);
      expect(service.state.sessions[second]!.status).to.equal('queued');
    });

    it('"Accept transfer" ignores the second click of a double-click', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello?' });
      s.backend.script.agentAnswers('a2', id);
      s.backend.script.transfer(id, 'a2', 'a1');
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
      await settle(el);
      secondClick(byRole(el, 'button', 'Accept transfer'));
      await settle(el);
      expect(s.service.state.sessions[id]!.agentId, 'not accepted by a second click alone').to.equal('a2');
      byRole(el, 'button', 'Accept transfer').click();
      await waitUntil(() => queryByRole<HTMLTextAreaElement>(el, 'textbox', 'Message'), 'the composer');
      expect(s.service.state.sessions[id]!.agentId).to.equal('a1');
    });

    it('"Send" ignores the second click of a double-click', async () => {
      const { el, backend, id } = await openConversation();
      const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
      composer.focus();
      await sendKeys({ type: 'Thanks, I will check' });
      const sent = () => backend.inspect.messages(id).filter((m) => m.text === 'Thanks, I will check').length;
      secondClick(byRole(el, 'button', 'Send'));
      await settle(el);
      expect(sent(), 'nothing sent by a second click').to.equal(0);
      expect(composer.value).to.equal('Thanks, I will check');
      byRole(el, 'button', 'Send').click();
      await waitUntil(() => sent() === 1, 'sent once');
    });
  });

  describe('3. a customer leaving mid-reply', () => {
    it('keeps the unsent text visible, read-only and selectable, with "Not sent: the customer left.", focus in it', async () => {
      const { el, backend, service, id } = await openConversation({}, { name: 'Mira Okafor', text: 'Where is my order?' });
      const other = backend.script.customerArrives({ channelId: 'sales', name: 'Jonas Veldman', text: 'Hello' });
      await service.answer(other);
      service.selectSession(id);
      await settle(el);
      const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
      composer.focus();
      await sendKeys({ type: 'Your order left our warehouse' });
      backend.script.customerLeaves(id);
      await settle(el);
      expect(queryByRole(el, 'textbox', 'Message')).to.equal(null);
      const unsent = byRole<HTMLTextAreaElement>(el, 'textbox', 'Unsent message');
      expect(unsent.value).to.equal('Your order left our warehouse');
      expect(unsent.readOnly).to.equal(true);
      expect(deepText(el)).to.contain('This chat has ended.');
      expect(deepText(deepQuery(el, '.unsent')!)).to.contain('Not sent: the customer left.');
      expect(deepActiveElement() === unsent, 'focus in the unsent text').to.equal(true);
      expect(unsent.selectionStart, 'the caret where it was').to.equal('Your order left our warehouse'.length);
      // Selectable (to copy) with the keyboard.
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'a' });
      await sendKeys({ up: 'Control' });
      expect(unsent.value.slice(unsent.selectionStart, unsent.selectionEnd)).to.equal('Your order left our warehouse');
      await expect(el).to.be.accessible();
      // It stays with that chat.
      service.selectSession(other);
      await settle(el);
      expect(queryByRole(el, 'textbox', 'Unsent message')).to.equal(null);
      service.selectSession(id);
      await settle(el);
      expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Unsent message').value).to.equal('Your order left our warehouse');
    });

    it('says it in Dutch: "Niet verzonden: de klant is vertrokken."', async () => {
      const { backend, service } = await setup();
      const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hoi' });
      await service.answer(id);
      service.setDraft(id, 'Uw bestelling is');
      const el = await mount<ChatConversation>(service, html`<chat-conversation></chat-conversation>`, 'nl');
      backend.script.customerLeaves(id);
      await waitUntil(() => deepText(el).includes('Niet verzonden: de klant is vertrokken.'), 'the Dutch note');
      expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Niet verzonden bericht').value).to.equal('Uw bestelling is');
    });
  });

  describe('4. Insert', () => {
    it('a quick reply fills {customerName} and {agentName}, and joins an existing draft with one space', async () => {
      const { el, service } = await openConversation({}, { name: 'Chiara Rossi', text: 'Hi' });
      await service.loadSnippets();
      await service.createQuickReply({ name: 'Personal hello', text: 'Hi {customerName}, {agentName} here.' });
      const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
      composer.focus();
      await sendKeys({ type: 'draft of mine' });
      await sendKeys({ press: 'Home' });
      byRole(el, 'button', 'Insert').focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await waitUntil(() => queryByRole(el, 'dialog', 'Insert'), 'the Insert picker');
      await waitUntil(() => queryByRole(dialog, 'option', /Personal hello/), 'the quick reply');
      await sendKeys({ type: 'Personal hello' });
      await settle(el);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !queryByRole(el, 'dialog', 'Insert'), 'the picker to close');
      expect(composer.value).to.equal('Hi Chiara Rossi, Anna de Vries here. draft of mine');
      expect(composer.selectionStart).to.equal('Hi Chiara Rossi, Anna de Vries here.'.length);
    });
  });
});
