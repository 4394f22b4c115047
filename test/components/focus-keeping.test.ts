import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import {
  allByRole,
  byRole,
  deepActiveElement,
  deepQuery,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

// Keyboard focus never falls to the page's <body> when the control the agent is on goes away or
// turns off with the live state (another agent answers, the customer leaves, the chat ends). The
// screen is driven with the keyboard alone (sendKeys) and the other side through the demo
// backend's script.

async function screen(tab: 'dashboard' | 'chats' = 'dashboard') {
  const world = await setup();
  const el = await mount<ChatScreen>(world.service, html`<chat-screen tab=${tab} style="width: 1280px; height: 720px"></chat-screen>`);
  return { ...world, el };
}

/** Tab (forwards) until `target` has the focus. */
async function tabTo(target: () => Element | null, what: string): Promise<Element> {
  for (let i = 0; i < 80; i++) {
    const el = target();
    if (el && deepActiveElement() === el) return el;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const onBody = () => deepActiveElement() === document.body || deepActiveElement() === null;

/** The dashboard's polite region that says why focus moved. */
function focusNote(el: Element): string {
  const region = deepQuery(el, '[part="incoming"] [aria-live="polite"]');
  return region?.textContent?.trim() ?? '';
}

/** The elements the accessible description of `el` points at, as text. */
function description(el: Element): string {
  const root = el.getRootNode() as ShadowRoot;
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' ');
}

describe('focus stays in the screen when the focused control goes or turns off', () => {
  describe('the dashboard\'s incoming chats', () => {
    it('the only "Answer" the agent is on goes (another agent answered): focus moves to the "Incoming chats" heading, and why is announced politely', async () => {
      const { backend, el } = await screen();
      const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
      const skip = await waitUntil(() => queryByRole(el, 'button', 'Skip to incoming chats'), 'the skip link');
      await waitUntil(() => queryByRole(el, 'button', 'Answer'), 'the waiting chat');
      skip.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement(), 'on the only "Answer"').to.equal(byRole(el, 'button', 'Answer'));

      backend.script.agentAnswers('a2', id);
      await waitUntil(() => !queryByRole(el, 'button', 'Answer'), 'the row gone');
      await settle(el);
      expect(onBody(), 'focus did not fall to the body').to.equal(false);
      expect(deepActiveElement()).to.equal(byRole(el, 'heading', 'Incoming chats'));
      await waitUntil(() => focusNote(el) === 'Mira Okafor was answered by another agent', 'the polite announcement');
      // The next Tab goes on from there, not from the top of the page.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'still inside the screen').to.exist;
    });

    it('the "Answer" the agent is on goes while other chats wait: focus moves to the next row\'s "Answer" (else the previous one), saying why', async () => {
      const { backend, el } = await screen();
      const mira = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const jonas = backend.script.customerArrives({ name: 'Jonas Veldman', text: 'Hello' });
      const tomasz = backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Hey' });
      const answerOf = (id: string) => deepQuery<HTMLButtonElement>(el, `[data-id="${id}"] [part="answer"]`);
      await waitUntil(() => answerOf(tomasz), 'three waiting chats');
      answerOf(jonas)!.focus();

      backend.script.customerLeaves(jonas);
      await waitUntil(() => !answerOf(jonas), "Jonas's row gone");
      await settle(el);
      expect(deepActiveElement(), 'the next row').to.equal(answerOf(tomasz));
      await waitUntil(() => focusNote(el) === 'Jonas Veldman left the queue', 'why');

      backend.script.agentAnswers('a2', tomasz);
      await waitUntil(() => !answerOf(tomasz), "Tomasz's row gone");
      await settle(el);
      expect(deepActiveElement(), 'the last row went: the previous one').to.equal(answerOf(mira));
      await waitUntil(() => focusNote(el) === 'Tomasz Weber was answered by another agent', 'why');
    });

    it('"Listen in" the agent is on goes (the chat ended): focus moves to the "Ongoing chats" heading, saying why', async () => {
      const { backend, el } = await screen();
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      backend.script.agentAnswers('a2', id);
      const listen = () => deepQuery<HTMLButtonElement>(el, `tr[data-id="${id}"] [part="listen-in"]`);
      await waitUntil(listen, 'the "Listen in" button');
      listen()!.focus();
      backend.script.agentEnds('a2', id);
      await waitUntil(() => !listen(), 'the button gone');
      await settle(el);
      expect(onBody()).to.equal(false);
      const active = deepActiveElement()!;
      const heading = byRole(el, 'heading', 'Ongoing chats');
      expect(active === heading || active.getAttribute('part') === 'listen-in', 'the heading or the next "Listen in"').to.equal(true);
      await waitUntil(() => focusNote(el) === 'The chat with Mira Okafor has ended', 'why');
    });
  });

  describe('the incoming row has one Tab stop: its "Answer"', () => {
    it('Tab goes from "Answer" to "Answer", which is described by the customer, channel and waiting time; Enter on the heading answers nothing; axe passes', async () => {
      const { backend, service, el } = await screen();
      const mira = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      const jonas = backend.script.customerArrives({ channelId: 'support', name: 'Jonas Veldman', text: 'Hello' });
      await waitUntil(() => allByRole(el, 'button', 'Answer').length === 2, 'two waiting chats');
      const skip = byRole(el, 'button', 'Skip to incoming chats');
      skip.focus();
      // The reviewer's steps: Skip, Enter, Enter. The second Enter lands on the heading, not on a
      // row that answers the chat unannounced.
      await sendKeys({ press: 'Enter' });
      expect(deepActiveElement()).to.equal(byRole(el, 'heading', 'Incoming chats'));
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(service.state.sessions[mira]!.status, 'nothing answered').to.equal('queued');

      await sendKeys({ press: 'Tab' });
      const first = deepActiveElement() as HTMLElement;
      expect(first.getAttribute('part')).to.equal('answer');
      expect(first.closest('[data-id]')!.getAttribute('data-id')).to.equal(mira);
      expect(first.textContent!.trim(), 'the contract\'s name').to.equal('Answer');
      const said = description(first);
      expect(said).to.contain('Mira Okafor');
      expect(said).to.contain('Sales website');
      expect(said).to.match(/Waiting/);
      await sendKeys({ press: 'Tab' });
      const second = deepActiveElement() as HTMLElement;
      expect(second.getAttribute('part'), 'the next stop is the next "Answer", not a row').to.equal('answer');
      expect(second.closest('[data-id]')!.getAttribute('data-id')).to.equal(jonas);
      for (const row of [mira, jonas]) {
        const li = deepQuery(el, `li[data-id="${row}"]`)!;
        expect(li.hasAttribute('tabindex'), 'the row is no Tab stop').to.equal(false);
      }
      const dashboard = deepQuery(el, 'chat-dashboard')!;
      await expect(dashboard).to.be.accessible();
      // Enter on "Answer" answers, as announced.
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => service.state.sessions[jonas]!.agentId === 'a1', 'answered with its button');
    });
  });

  describe('"Get next in queue" on the Chats tab', () => {
    it('keeps the focus when the only waiting customer leaves: unavailable (aria-disabled) with the reason as text, and usable again when someone arrives', async () => {
      const { backend, service, el } = await screen('chats');
      const first = backend.script.customerArrives({ name: 'Noor Bosman', text: 'Hallo' });
      const take = await waitUntil(() => queryByRole<HTMLButtonElement>(el, 'button', 'Get next in queue'), 'the button');
      await waitUntil(() => take.getAttribute('aria-disabled') !== 'true', 'a chat to take');
      byRole(el, 'tab', 'Chats').focus();
      await tabTo(() => queryByRole(el, 'button', 'Get next in queue'), '"Get next in queue"');

      backend.script.customerLeaves(first);
      await waitUntil(() => take.getAttribute('aria-disabled') === 'true', 'the button off');
      await settle(el);
      expect(onBody(), 'focus did not fall to the body').to.equal(false);
      expect(deepActiveElement(), 'focus stays on the button').to.equal(take);
      expect(description(take)).to.equal('The queue is empty: there is no customer to take.');
      // Enter while off does nothing.
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(service.state.selectedSessionId).to.equal(null);
      expect(deepActiveElement()).to.equal(take);

      const next = backend.script.customerArrives({ name: 'Chiara Rossi', text: 'Hi' });
      await waitUntil(() => take.getAttribute('aria-disabled') === null, 'on again');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => service.state.selectedSessionId === next, 'the chat taken');
    });
  });

  describe('the conversation', () => {
    it('"Transfer" the agent is on goes (a transfer was requested elsewhere): focus moves to the next header action', async () => {
      const world = await setup();
      const { backend, service } = world;
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      await service.answer(id);
      const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="width: 1280px; height: 720px"></chat-screen>`);
      const transfer = await waitUntil(() => queryByRole(el, 'button', 'Transfer'), 'the Transfer button');
      transfer.focus();
      backend.script.transfer(id, 'a1', 'a2');
      await waitUntil(() => !queryByRole(el, 'button', 'Transfer'), 'Transfer gone');
      await settle(el);
      expect(onBody()).to.equal(false);
      expect(deepActiveElement()).to.equal(byRole(el, 'button', 'End chat'));
    });

    it('"Accept transfer" the agent is on goes (the colleague took the transfer back): focus moves to the note that replaced it', async () => {
      const world = await setup();
      const { backend, service } = world;
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      backend.script.agentAnswers('a2', id);
      backend.script.transfer(id, 'a2', 'a1');
      const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="width: 1280px; height: 720px"></chat-screen>`);
      service.selectSession(id);
      const accept = await waitUntil(() => queryByRole(el, 'button', 'Accept transfer'), 'the offer');
      accept.focus();
      backend.script.agentEnds('a2', id);
      await waitUntil(() => !queryByRole(el, 'button', 'Accept transfer'), 'the offer gone');
      await settle(el);
      expect(onBody()).to.equal(false);
      expect(deepText(deepActiveElement()!)).to.contain('This chat has ended.');
    });
  });
});
