import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import { ChatService } from '../../src/service/chat-service.js';
import { RECENT_WINDOW_MS } from '../../src/service/selectors.js';
import {
  allByRole,
  byRole,
  deepActiveElement,
  deepAll,
  deepQuery,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

const MINUTE = 60_000;

describe('<chat-session-list>', () => {
  it('renders an explanation instead of failing when no service is provided', async () => {
    const el = await fixture<ChatSessionList>(html`<chat-session-list></chat-session-list>`);
    expect(deepText(el)).to.contain('No chat service');
    expect(queryByRole(el, 'listbox', 'Chat sessions')).to.equal(null);
  });

  it('shows the empty state and a disabled "Get next in queue" with its reason when nothing is waiting', async () => {
    const { service } = await setup();
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    expect(deepText(el)).to.contain('No customers waiting');
    expect(deepText(el)).to.contain('No chats yet');
    const button = byRole<HTMLButtonElement>(el, 'button', 'Get next in queue');
    expect(button.getAttribute('aria-disabled') === 'true', 'unavailable, yet focusable (aria-disabled)').to.equal(true);
    const reason = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!);
    expect(reason?.textContent).to.match(/queue is empty/);
    await expect(el).to.be.accessible();
  });

  it('counts the queue and takes the oldest waiting chat with "Get next in queue"', async () => {
    const { backend, service, clock } = await setup();
    const first = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    await clock.advance(MINUTE);
    backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Price question' });
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    expect(deepText(el)).to.contain('2 waiting');
    const selects: string[] = [];
    el.addEventListener('chat-session-select', (e) => selects.push(e.detail.sessionId));
    byRole(el, 'button', 'Get next in queue').click();
    await waitUntil(() => service.state.selectedSessionId === first, 'first chat taken');
    await settle(el);
    expect(selects).to.deep.equal([first]);
    expect(deepText(el)).to.contain('1 waiting');
    const option = byRole(el, 'option', /Mira Okafor/);
    expect(option.getAttribute('aria-selected')).to.equal('true');
  });

  it('tells screen readers of a new waiting chat in a polite live region, and says nothing more once it is answered', async () => {
    const { backend, service } = await setup();
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    const region = deepQuery<HTMLElement>(el, '.arrival')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(deepText(region), 'silent before any arrival').to.equal('');
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
    await settle(el);
    expect(deepText(region)).to.equal('New chat waiting: Mira Okafor, Sales website');
    expect(deepQuery(el, '.arrival'), 'the same region (only its text changes)').to.equal(region);
    expect(region.getBoundingClientRect().width, 'visually hidden').to.be.at.most(1);
    await service.answer(id);
    await settle(el);
    expect(deepText(region)).to.equal('');
  });

  it('shows each row with name, channel, time, preview with author and an unread badge', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hello' });
    await service.answer(id);
    backend.script.customerWrites(id, 'Are you there?');
    backend.script.customerWrites(id, 'My order is 1234');
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`, 'en');
    await settle(el);
    const row = byRole(el, 'option', /Mira Okafor/);
    const text = deepText(row);
    expect(text).to.contain('Support portal');
    expect(text).to.contain('My order is 1234');
    expect(text).to.contain('3 unread messages');
    const name = row.querySelector('bdi.name')!;
    expect(name.getAttribute('title')).to.equal('Mira Okafor');
    expect(row.querySelector('time')!.textContent).to.match(/\d{1,2}:\d{2}/);
    await service.sendMessage(id, 'We are looking into it');
    await waitUntil(() => deepText(byRole(el, 'option', /Mira Okafor/)).includes('You: We are looking into it'), 'agent preview');
  });

  it('starts a right-to-left customer name at the same edge as a left-to-right one', async () => {
    const { backend, service } = await setup();
    const rtl = backend.script.customerArrives({ name: 'דנה לוי', text: 'שלום' });
    const ltr = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hello' });
    await service.answer(rtl);
    await service.answer(ltr);
    const el = await mount<ChatSessionList>(service, html`<chat-session-list style="width: 300px"></chat-session-list>`);
    // Where the name's text is drawn (the element box and the text inside it).
    const nameOf = (pattern: RegExp) => {
      const bdi = byRole(el, 'option', pattern).querySelector('bdi.name')!;
      const range = document.createRange();
      range.selectNodeContents(bdi);
      const text = range.getBoundingClientRect();
      const box = bdi.getBoundingClientRect();
      expect(Math.abs(text.left - box.left), 'the text starts at the element start').to.be.at.most(1);
      return text;
    };
    const hebrew = nameOf(/דנה לוי/);
    const latin = nameOf(/Mira Okafor/);
    expect(Math.abs(hebrew.left - latin.left)).to.be.at.most(1);
    const time = byRole(el, 'option', /דנה לוי/).querySelector('time')!.getBoundingClientRect();
    expect(hebrew.right).to.be.lessThan(time.left - 4);
  });

  it('shows times in the agent\'s time zone', async () => {
    const { backend, service } = await setup({ start: '2026-11-30T09:00:00Z' });
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hello' });
    await service.answer(id);
    const provider = await fixture<HTMLElement>(
      html`<chat-provider .service=${service} time-zone="Asia/Tokyo"><chat-session-list></chat-session-list></chat-provider>`,
    );
    const el = provider.firstElementChild as ChatSessionList;
    await settle(el);
    // 09:00 UTC is 18:00 in Tokyo.
    expect(byRole(el, 'option', /Mira Okafor/).querySelector('time')!.textContent).to.match(/6:00\s?PM/);
  });

  it('marks a chat being transferred to the agent with "Transfer to you"', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hello' });
    backend.script.agentAnswers('a2', id);
    backend.script.transfer(id, 'a2', 'a1', 'Can you take this one?');
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    await waitUntil(() => queryByRole(el, 'option', /Mira Okafor/), 'transferred row');
    const text = deepText(byRole(el, 'option', /Mira Okafor/));
    expect(text).to.contain('Transfer to you');
    // The colleague's welcome line is credited to them, not to this agent.
    expect(text).to.contain('Sanne Bakker:');
    expect(text).to.not.contain('You:');
  });

  it('marks a chat the agent is transferring away with "Transfer pending"', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hello' });
    await service.answer(id);
    await service.requestTransfer(id, 'a2');
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    expect(deepText(byRole(el, 'option', /Mira Okafor/))).to.contain('Transfer pending');
    await expect(el).to.be.accessible();
  });

  it('selects a clicked row in the service and fires chat-session-select', async () => {
    const { backend, service } = await setup();
    const a = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hello' });
    const b = backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Hi' });
    await service.answer(a);
    await service.answer(b);
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    const events: CustomEvent[] = [];
    el.addEventListener('chat-session-select', (e) => events.push(e));
    byRole(el, 'option', /Mira Okafor/).click();
    await settle(el);
    expect(service.state.selectedSessionId).to.equal(a);
    expect(events.map((e) => e.detail)).to.deep.equal([{ sessionId: a }]);
    expect(byRole(el, 'option', /Mira Okafor/).getAttribute('aria-selected')).to.equal('true');
    expect(byRole(el, 'option', /Tomasz Weber/).getAttribute('aria-selected')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('moves between rows with the arrow keys and selects with Enter', async () => {
    const { backend, service } = await setup();
    const a = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hello' });
    const b = backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Hi' });
    await service.answer(a);
    await service.answer(b);
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    const options = allByRole(el, 'option');
    expect(options.map((o) => o.tabIndex)).to.deep.equal([0, -1]);
    options[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(deepActiveElement()).to.equal(allByRole(el, 'option')[1]);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const selected = service.state.selectedSessionId;
    expect(selected).to.equal(allByRole(el, 'option')[1]!.dataset.id);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: ' ' });
    await settle(el);
    expect(service.state.selectedSessionId).to.equal(allByRole(el, 'option')[0]!.dataset.id);
  });

  it('moves an ended chat to Recent and drops it live after 8 hours', async () => {
    const { backend, service, clock } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hello' });
    await service.answer(id);
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    await service.endSession(id);
    await settle(el);
    const recent = byRole(el, 'group', /Recent/);
    expect(deepText(recent)).to.contain('Mira Okafor');
    expect(deepText(recent)).to.contain('Ended');
    await clock.advance(RECENT_WINDOW_MS - MINUTE);
    await settle(el);
    expect(queryByRole(el, 'option', /Mira Okafor/)).to.not.equal(null);
    await clock.advance(2 * MINUTE);
    await settle(el);
    expect(queryByRole(el, 'option', /Mira Okafor/)).to.equal(null);
    expect(deepText(el)).to.contain('No chats yet');
  });

  it('shows the "queue-empty" notice and removes it on dismiss', async () => {
    const { service } = await setup();
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    await service.takeNextInQueue();
    await settle(el);
    const status = byRole(el, 'status');
    expect(deepText(status)).to.contain('No customers are waiting in the queue');
    byRole(el, 'button', 'Dismiss').click();
    await settle(el);
    expect(deepText(byRole(el, 'status'))).to.equal('');
    expect(service.state.notices).to.have.length(0);
  });

  it('B15: renders a customer name and message with markup as literal text', async () => {
    const { backend, service } = await setup();
    delete (window as { __xss?: unknown }).__xss;
    const name = '<img src=x onerror="window.__xss=1">Mira';
    const text = '<script>window.__xss=1</script><b>bold?</b>';
    const id = backend.script.customerArrives({ name, text });
    await service.answer(id);
    backend.script.customerWrites(id, text);
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    await new Promise((r) => setTimeout(r, 200));
    expect(deepAll(el, 'img, script, b')).to.have.length(0);
    expect(deepText(el)).to.contain('<img src=x');
    expect(deepText(el)).to.contain('<script>window.__xss=1</script><b>bold?</b>');
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('row previews show markdown as plain text (markers dropped, link text kept), HTML still literal', async () => {
    const { backend, service } = await setup();
    delete (window as { __xss?: unknown }).__xss;
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    await service.answer(id);
    backend.script.customerWrites(id, 'Zie **dit** en [link](https://example.com/x) <img src=x onerror="window.__xss=1"> `<b>code</b>`');
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
    const preview = await waitUntil(() => deepQuery(byRole(el, 'option', /Mira Okafor/), '.preview'), 'the preview');
    await waitUntil(() => deepText(preview).startsWith('Zie'), 'the latest preview');
    expect(deepText(preview)).to.equal('Zie dit en link <img src=x onerror="window.__xss=1"> <b>code</b>');
    expect(deepAll(el, 'img, b, strong, a[href="https://example.com/x"]')).to.have.length(0);
    // The agent's own reply, after "You:".
    await service.sendMessage(id, '**Done**, see _this_');
    await waitUntil(() => deepText(byRole(el, 'option', /Mira Okafor/)).includes('You: Done, see this'), 'the agent preview');
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  describe('B01: two agents answer the same queued chat', () => {
    async function twoAgents() {
      const anna = await setup();
      const benBackend = anna.backend.forAgent('ben');
      const ben = new ChatService({ backend: benBackend, clock: anna.clock });
      await ben.ready;
      const q1 = anna.backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
      await anna.clock.advance(MINUTE);
      const q2 = anna.backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Hello' });
      // Two fixtures side by side on one page (Lit roots: fixture() then needs no animation frame).
      const annaList = await mount<ChatSessionList>(anna.service, html`<chat-session-list></chat-session-list>`);
      const benList = await mount<ChatSessionList>(ben, html`<chat-session-list></chat-session-list>`);
      const annaChat = await mount<ChatConversation>(anna.service, html`<chat-conversation></chat-conversation>`);
      const benChat = await mount<ChatConversation>(ben, html`<chat-conversation></chat-conversation>`);
      const container = document.body;
      await settle(annaList);
      return { anna, ben, q1, q2, annaList, benList, annaChat, benChat, container };
    }

    /** The conversation's "Message" textbox when it is there and can be typed in, else null. */
    function enabledComposer(chat: ChatConversation): HTMLTextAreaElement | null {
      const box = queryByRole<HTMLTextAreaElement>(chat, 'textbox', 'Message');
      return box && !box.disabled && !box.readOnly ? box : null;
    }

    /** The "N waiting" / "No customers waiting" text of a list's queue count. */
    function queueCount(list: ChatSessionList): string {
      const match = /\d+ waiting|No customers waiting/.exec(deepText(list));
      expect(match, 'a queue count in the list').to.not.equal(null);
      return match![0];
    }

    it('B01 — lets exactly one agent win; the other gets already-taken, a notice, no enabled composer, and both lists count 1 waiting', async () => {
      const { anna, ben, q1, annaList, benList, annaChat, benChat, container } = await twoAgents();
      expect(deepText(annaList)).to.contain('2 waiting');
      expect(deepText(benList)).to.contain('2 waiting');
      // Both agents look at Q1 in their conversation before they answer it.
      anna.service.selectSession(q1);
      ben.selectSession(q1);
      await settle(container);
      expect(enabledComposer(annaChat)).to.equal(null);
      expect(enabledComposer(benChat)).to.equal(null);
      const results = await Promise.allSettled([anna.service.answer(q1), ben.answer(q1)]);
      await settle(container);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).to.have.length(1);
      expect(rejected).to.have.length(1);
      expect(rejected[0]!.reason.code).to.equal('already-taken');
      const annaWon = results[0]!.status === 'fulfilled';
      const [winner, loser] = annaWon ? [annaList, benList] : [benList, annaList];
      expect(queryByRole(winner, 'option', /Mira Okafor/)).to.not.equal(null);
      expect(queryByRole(loser, 'option', /Mira Okafor/)).to.equal(null);
      expect(deepText(annaList)).to.contain('1 waiting');
      expect(deepText(benList)).to.contain('1 waiting');
      expect(deepText(byRole(loser, 'status'))).to.contain('Another agent answered this chat first');
      expect(deepText(byRole(winner, 'status'))).to.equal('');
      const [winnerChat, loserChat] = annaWon ? [annaChat, benChat] : [benChat, annaChat];
      expect(enabledComposer(winnerChat), 'the winner can write').to.not.equal(null);
      expect(enabledComposer(loserChat), 'the loser has no enabled composer').to.equal(null);
      expect(deepAll(loserChat, 'textarea').filter((t) => !(t as HTMLTextAreaElement).disabled)).to.have.length(0);
      expect(queueCount(annaList)).to.equal(queueCount(benList));
      expect(queueCount(annaList)).to.equal('1 waiting');
    });

    it('B01 — gives two agents who both take next at once different chats (or an empty queue); only an owner gets an enabled composer', async () => {
      const { anna, ben, q1, q2, annaList, benList, annaChat, benChat, container } = await twoAgents();
      const results = await Promise.allSettled([anna.service.takeNextInQueue(), ben.takeNextInQueue()]);
      await settle(container);
      // Whoever has an enabled composer owns the chat shown, and no chat has two enabled composers.
      const writers: string[] = [];
      for (const [service, chat] of [[anna.service, annaChat], [ben, benChat]] as const) {
        if (!enabledComposer(chat)) continue;
        const shown = service.state.selectedSessionId!;
        expect(service.state.sessions[shown]!.agentId).to.equal(service.agentId);
        writers.push(shown);
      }
      expect(new Set(writers).size).to.equal(writers.length);
      expect(queueCount(annaList)).to.equal(queueCount(benList));
      const taken = results.map((r) => (r.status === 'fulfilled' ? (r.value?.id ?? null) : null));
      const ids = taken.filter((x): x is string => !!x);
      expect(new Set(ids).size).to.equal(ids.length);
      expect([...writers].sort()).to.deep.equal([...ids].sort());
      expect(ids.every((id) => id === q1 || id === q2)).to.equal(true);
      for (const r of results) if (r.status === 'rejected') expect(r.reason.code).to.equal('already-taken');
      const waiting = 2 - ids.length;
      const label = waiting === 0 ? 'No customers waiting' : `${waiting} waiting`;
      expect(deepText(annaList)).to.contain(label);
      expect(deepText(benList)).to.contain(label);
      ben.dispose();
    });

    it('B01 — both agents press "Get next in queue" at once: different chats, no enabled composer for a chat the agent does not own, the same queue count', async () => {
      const { anna, ben, q1, q2, annaList, benList, annaChat, benChat, container } = await twoAgents();
      // Record the calls the buttons make, to wait for them.
      const calls: Promise<unknown>[] = [];
      for (const service of [anna.service, ben]) {
        const real = service.takeNextInQueue.bind(service);
        service.takeNextInQueue = () => {
          const call = real();
          calls.push(call);
          return call;
        };
      }
      byRole<HTMLButtonElement>(annaList, 'button', 'Get next in queue').click();
      byRole<HTMLButtonElement>(benList, 'button', 'Get next in queue').click();
      expect(calls).to.have.length(2);
      await Promise.allSettled(calls);
      await settle(container);
      const owned = (service: ChatService) => [q1, q2].filter((id) => service.state.sessions[id]?.agentId === service.agentId);
      const annaOwns = owned(anna.service);
      const benOwns = owned(ben);
      expect(annaOwns.filter((id) => benOwns.includes(id))).to.deep.equal([]);
      expect(annaOwns.length + benOwns.length).to.be.greaterThan(0);
      for (const [service, chat, mine] of [[anna.service, annaChat, annaOwns], [ben, benChat, benOwns]] as const) {
        const shown = service.state.selectedSessionId;
        if (enabledComposer(chat)) expect(mine).to.include(shown);
        else expect(mine).to.not.include(shown);
      }
      expect(queueCount(annaList)).to.equal(queueCount(benList));
      ben.dispose();
    });
  });
});
