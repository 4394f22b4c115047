import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatBackendError } from '../../src/backend/errors.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import type { ChatEventDetails } from '../../src/events.js';
import { ChatService } from '../../src/service/chat-service.js';
import { MemoryAlertPreferences } from '../../src/service/alert-preferences.js';
import { MemoryChannelSelection } from '../../src/service/channel-selection.js';
import { FakeClock } from '../../src/service/clock.js';
import { transferTargets } from '../../src/service/transfer-targets.js';
import {
  allByRole,
  byRole,
  deepActiveElement,
  deepAll,
  deepQuery,
  deepText,
  fakeAudioContext,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

const MINUTE = 60_000;

/** A demo backend on a fake clock and a service of `agentId` whose channel selection lives in memory. */
async function world(options: { agentId?: string; storage?: MemoryChannelSelection } = {}) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const storage = options.storage ?? new MemoryChannelSelection();
  const service = await serviceFor(backend, clock, options.agentId, storage);
  return { clock, backend, service, storage };
}

async function serviceFor(backend: InMemoryChatBackend, clock: FakeClock, agentId?: string, storage = new MemoryChannelSelection()) {
  // Alert options in memory too: nothing a test turns on leaks into the next through localStorage.
  const service = new ChatService({
    backend: agentId ? backend.forAgent(agentId) : backend,
    clock,
    selectionStorage: storage,
    alertStorage: new MemoryAlertPreferences(),
  });
  await service.ready;
  return service;
}

/** Press Tab until `target` has focus (at most 60 times); fails when it never does. */
async function tabTo(target: Element): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (deepActiveElement() === target) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error('Tab never reached the element');
}

function rowOf(el: Element, sessionId: string): HTMLElement {
  const row = deepQuery<HTMLElement>(el, `[data-id="${sessionId}"]`);
  if (!row) throw new Error(`No row for ${sessionId}`);
  return row;
}

function stat(el: Element, label: string): string {
  const dt = deepAll(el, 'dt').find((d) => d.textContent?.trim() === label);
  if (!dt) throw new Error(`No statistic ${label}`);
  const dd = dt.nextElementSibling!;
  return `${deepText(dd.querySelector('.stat-value')!)} ${deepText(dd.querySelector('.stat-unit')!)}`;
}

describe('<chat-dashboard>', () => {
  it('renders an explanation instead of failing when no service is provided', async () => {
    const el = await fixture<ChatDashboard>(html`<chat-dashboard></chat-dashboard>`);
    expect(deepText(el)).to.contain('No chat service');
  });

  it('shows a quiet dashboard with helpful empty states', async () => {
    const { service } = await setup();
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    expect(stat(el, 'Waiting in queue')).to.contain('0');
    expect(stat(el, 'Longest wait')).to.contain('–');
    expect(deepText(el)).to.contain('No customers waiting');
    expect(deepText(el)).to.contain('No chats are going on right now.');
    expect(queryByRole(el, 'button', 'Answer')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the statistics of a busy queue with waiting times in units', async () => {
    const { backend, service, clock } = await setup();
    backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    await clock.advance(4 * MINUTE);
    backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Hello' });
    const ongoing = backend.script.customerArrives({ name: 'Sofia Rossi', text: 'Question' });
    backend.script.agentAnswers('a2', ongoing);
    await clock.advance(2 * MINUTE);
    // Durations count from the service's time, which moves with every change it hears of.
    backend.script.customerWrites(ongoing, 'Are you there?');
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    expect(stat(el, 'Waiting in queue')).to.contain('2');
    expect(stat(el, 'Longest wait')).to.contain('6 min');
    expect(stat(el, 'Average wait')).to.contain('4 min');
    expect(stat(el, 'Ongoing chats')).to.contain('1');
    expect(Number.parseInt(stat(el, 'Agents present'), 10)).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('lists incoming chats with customer, channel, waiting time and message preview', async () => {
    const { backend, service, clock } = await setup();
    const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    await clock.advance(3 * MINUTE);
    backend.script.customerTyping(id, true);
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const section = byRole(el, 'region', 'Incoming chats');
    const text = deepText(section);
    expect(text).to.contain('Mira Okafor');
    expect(text).to.contain('Support portal');
    expect(text).to.contain('Hi, my parcel is late');
    expect(text).to.contain('3 min');
  });

  it("tells screen readers of a new waiting chat in the dashboard's channels (in Dutch too), not of one in a channel it does not show", async () => {
    const { backend, service } = await world();
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard channel-ids="support"></chat-dashboard>`);
    const region = deepQuery<HTMLElement>(el, '.arrival')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hello' });
    await settle(el);
    expect(deepText(region), 'not a channel of this dashboard').to.equal('');
    backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
    await settle(el);
    expect(deepText(region)).to.equal('New chat waiting: Mira Okafor, Support portal');
    await expect(el).to.be.accessible();

    const nl = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`, 'nl');
    await waitUntil(() => deepText(nl).includes('Binnenkomende chats'), 'the Dutch strings');
    backend.script.customerArrives({ channelId: 'sales', name: 'Noor Bosman', text: 'Goedemorgen' });
    await settle(nl);
    expect(deepText(deepQuery(nl, '.arrival')!)).to.equal('Nieuwe chat wacht: Noor Bosman, Sales website');
  });

  it('lists ongoing chats of all agents with agent name, channel and duration', async () => {
    const { backend, service, clock } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Sofia Rossi', text: 'Question' });
    backend.script.agentAnswers('a2', id);
    await clock.advance(5 * MINUTE);
    backend.script.customerWrites(id, 'Still there?');
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const row = byRole(el, 'row', /Sofia Rossi/);
    const text = deepText(row);
    expect(text).to.contain('Sanne Bakker');
    expect(text).to.contain('Sales website');
    expect(text).to.contain('5 min');
  });

  it('answers an incoming chat with "Answer" and tells the host with chat-session-select', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const events: string[] = [];
    el.addEventListener('chat-session-select', (e) => events.push(e.detail.sessionId));
    byRole(el, 'button', 'Answer').click();
    await waitUntil(() => events.length === 1, 'chat-session-select');
    await settle(el);
    expect(events).to.deep.equal([id]);
    expect(service.state.sessions[id]!.agentId).to.equal('a1');
    expect(service.state.selectedSessionId).to.equal(id);
    expect(deepText(byRole(el, 'region', 'Incoming chats'))).to.not.contain('Mira Okafor');
    expect(deepText(byRole(el, 'region', 'Ongoing chats'))).to.contain('Mira Okafor');
  });

  it('describes each "Answer" button with the customer name, the channel and the waiting time', async () => {
    const { backend, clock, service } = await setup();
    backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
    backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
    await clock.advance(60_000);
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const buttons = allByRole<HTMLButtonElement>(el, 'button', 'Answer');
    const described = buttons.map((b) =>
      b
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim())
        .join(' | '),
    );
    expect(described).to.deep.equal(['Mira Okafor | Sales website | Waiting 1 min', 'Tomasz Weber | Support portal | Waiting 1 min']);
  });

  it('removes the row and shows "taken" when another agent answered first', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const ben = new ChatService({ backend: backend.forAgent('ben') });
    await ben.ready;
    const button = byRole(el, 'button', 'Answer');
    const race = ben.answer(id);
    button.click();
    await race;
    await waitUntil(() => deepText(byRole(el, 'status')).includes('Another agent answered this chat first'), 'taken notice');
    await settle(el);
    expect(deepText(byRole(el, 'region', 'Incoming chats'))).to.not.contain('Mira Okafor');
    expect(service.state.sessions[id]!.agentId).to.equal('ben');
    ben.dispose();
  });

  it('keeps waiting times ticking every second on the service clock without asking the backend', async () => {
    const { backend, service, clock } = await setup();
    backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const before = stat(el, 'Longest wait');
    let renders = 0;
    const original = el.requestUpdate.bind(el);
    el.requestUpdate = (...args: Parameters<typeof original>) => {
      renders++;
      return original(...args);
    };
    const calls: string[] = [];
    for (const name of ['getSnapshot', 'getMessages'] as const) {
      const original = backend[name].bind(backend) as (...args: unknown[]) => Promise<never>;
      (backend as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        calls.push(name);
        return original(...args);
      };
    }
    await clock.advance(2 * 60_000);
    await new Promise((r) => setTimeout(r, 1300));
    await settle(el);
    expect(renders).to.be.greaterThan(0);
    expect(before).to.contain('0 sec');
    expect(stat(el, 'Longest wait')).to.contain('2 min');
    expect(calls).to.deep.equal([]);
  });

  it('shows only the channels given in channel-ids', async () => {
    const { backend, service } = await setup();
    backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
    backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard channel-ids="support"></chat-dashboard>`);
    const text = deepText(byRole(el, 'region', 'Incoming chats'));
    expect(text).to.contain('Tomasz Weber');
    expect(text).to.not.contain('Mira Okafor');
    expect(stat(el, 'Waiting in queue')).to.contain('1');
  });

  it('B15: renders a customer name and first message with markup as literal text', async () => {
    const { backend, service } = await setup();
    delete (window as { __xss?: unknown }).__xss;
    backend.script.customerArrives({
      name: '<img src=x onerror="window.__xss=1">Mira',
      text: '<script>window.__xss=1</script><b>bold?</b>',
    });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    await new Promise((r) => setTimeout(r, 200));
    expect(deepAll(el, 'img, script, b')).to.have.length(0);
    const text = deepText(byRole(el, 'region', 'Incoming chats'));
    expect(text).to.contain('<img src=x onerror="window.__xss=1">Mira');
    expect(text).to.contain('<script>window.__xss=1</script><b>bold?</b>');
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('incoming previews show markdown as plain text (markers dropped, link text kept), HTML still literal', async () => {
    const { backend, service } = await setup();
    delete (window as { __xss?: unknown }).__xss;
    backend.script.customerArrives({
      name: 'Mira Okafor',
      text: '# Help\n> **Urgent**: see [my order](https://example.com/o/1) <img src=x onerror="window.__xss=1">',
    });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const preview = await waitUntil(() => deepQuery(byRole(el, 'region', 'Incoming chats'), '.preview'), 'the preview');
    const expected = 'Help Urgent: see my order <img src=x onerror="window.__xss=1">';
    expect(deepText(preview)).to.equal(expected);
    expect(preview.getAttribute('title')).to.equal(expected);
    expect(deepAll(el, 'img, strong, a[href="https://example.com/o/1"]')).to.have.length(0);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  describe('statistics', () => {
    it('shows every figure with a label, a unit and a tooltip that says how it is computed', async () => {
      const { service } = await world();
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const labels = deepAll(el, 'dt').map((d) => d.textContent?.trim());
      expect(labels).to.deep.equal([
        'Waiting in queue',
        'Longest wait',
        'Average wait',
        'Agents present',
        'Ongoing chats',
        'Answered today',
        'Missed today',
        'Ended today',
        'Average time to answer',
        'Average first response',
      ]);
      for (const card of deepAll(el, '.stat')) {
        const tip = el.shadowRoot!.getElementById(card.getAttribute('aria-describedby')!);
        expect(tip?.getAttribute('role')).to.equal('tooltip');
        expect(tip!.textContent!.trim().length, `tooltip of ${card.querySelector('dt')!.textContent}`).to.be.greaterThan(30);
        expect(card.querySelector('.stat-unit')!.textContent!.trim()).to.not.equal('');
      }
      expect(stat(el, 'Agents present')).to.equal('4 Sales website 2, Support portal 4, Webshop NL 3');
      expect(stat(el, 'Average time to answer')).to.equal('– today');
    });

    it('updates today\'s figures as chats are answered, missed and ended', async () => {
      const { backend, service, clock } = await world();
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const a = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      const b = backend.script.customerArrives({ channelId: 'sales', text: 'Hello' });
      await clock.advance(2 * MINUTE);
      backend.script.agentAnswers('a2', a);
      backend.script.customerLeaves(b);
      await clock.advance(30_000);
      backend.script.agentWrites('a2', a, 'How can I help?');
      backend.script.agentEnds('a2', a);
      await settle(el);
      expect(stat(el, 'Answered today')).to.equal('1 chat');
      expect(stat(el, 'Missed today')).to.equal('1 chat');
      expect(stat(el, 'Ended today')).to.equal('1 chat');
      expect(stat(el, 'Average time to answer')).to.equal('2 min today');
      expect(stat(el, 'Average first response')).to.equal('30 sec today');
    });

    it('formats figures and durations for the Dutch locale', async () => {
      const { backend, service, clock } = await world();
      backend.script.customerArrives({ channelId: 'support', text: 'Hallo' });
      await clock.advance(6 * MINUTE);
      backend.script.customerArrives({ channelId: 'support', text: 'Hoi' });
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`, 'nl');
      await waitUntil(() => deepText(el).includes('Langste wachttijd'), 'Dutch labels');
      const minutes = new Intl.NumberFormat('nl', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(6);
      expect(stat(el, 'Langste wachttijd')).to.contain(minutes);
      expect(byRole(el, 'group', 'Kanalen')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('channel selection', () => {
    it('starts with all channels and lets the agent pick any subset, which drives figures and both lists', async () => {
      const { backend, service } = await world();
      backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
      const talk = backend.script.customerArrives({ channelId: 'webshop-nl', name: 'Sanne de Boer', text: 'Hoi' });
      backend.script.agentAnswers('a3', talk);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const group = byRole(el, 'group', 'Channels');
      expect(byRole<HTMLInputElement>(group, 'checkbox', 'All channels').checked).to.equal(true);
      expect(stat(el, 'Waiting in queue')).to.equal('2 customers');

      byRole<HTMLInputElement>(group, 'checkbox', 'Sales website').click();
      await settle(el);
      expect(service.state.channelSelection).to.deep.equal(['support', 'webshop-nl']);
      expect(byRole<HTMLInputElement>(group, 'checkbox', 'All channels').checked).to.equal(false);
      expect(stat(el, 'Waiting in queue')).to.equal('1 customer');
      expect(deepText(byRole(el, 'region', 'Incoming chats'))).to.not.contain('Mira Okafor');
      expect(deepText(byRole(el, 'region', 'Ongoing chats'))).to.contain('Sanne de Boer');

      byRole<HTMLInputElement>(group, 'checkbox', 'Webshop NL').click();
      await settle(el);
      expect(deepText(byRole(el, 'region', 'Ongoing chats'))).to.not.contain('Sanne de Boer');
      // The last channel cannot be unticked: there is always something to show.
      expect(byRole<HTMLInputElement>(group, 'checkbox', 'Support portal').disabled).to.equal(true);

      byRole<HTMLInputElement>(group, 'checkbox', 'All channels').click();
      await settle(el);
      expect(service.state.channelSelection).to.equal(null);
      expect(stat(el, 'Waiting in queue')).to.equal('2 customers');
      await expect(el).to.be.accessible();
    });

    it('remembers the selection per agent across a reload', async () => {
      const { backend, clock, service, storage } = await world();
      const first = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      byRole<HTMLInputElement>(first, 'checkbox', 'Support portal').click();
      await settle(first);
      service.dispose();
      await settle(first);
      // A new page load: a new service on the same storage.
      const again = await serviceFor(backend, clock, undefined, storage);
      const second = await mount<ChatDashboard>(again, html`<chat-dashboard></chat-dashboard>`);
      const group = byRole(second, 'group', 'Channels');
      expect(byRole<HTMLInputElement>(group, 'checkbox', 'Support portal').checked).to.equal(false);
      expect(byRole<HTMLInputElement>(group, 'checkbox', 'Sales website').checked).to.equal(true);
      const other = await serviceFor(backend, clock, 'a5', storage);
      expect(other.state.channelSelection).to.equal(null);
      again.dispose();
      other.dispose();
    });
  });

  describe('incoming chats', () => {
    it('answers a chat with Enter on its "Answer", reached with the keyboard alone (the row itself is no Tab stop)', async () => {
      const { backend, service } = await world();
      const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const selected: string[] = [];
      el.addEventListener('chat-session-select', (e) => selected.push(e.detail.sessionId));
      byRole<HTMLInputElement>(el, 'checkbox', 'Sound').focus();
      await tabTo(byRole(rowOf(el, id), 'button', 'Answer'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => selected.length === 1, 'the chat answered');
      expect(service.state.sessions[id]!.agentId).to.equal('a1');
    });

    it('"Skip to incoming chats" is the first Tab stop, shows only while focused, and leads past the filters and figures to the incoming chats (the next Tab: the first "Answer")', async () => {
      const { backend, service } = await world();
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const before = document.createElement('button');
      before.textContent = 'host control';
      el.before(before);
      try {
        // Nobody waits: it leads to the section's heading.
        before.focus();
        await sendKeys({ press: 'Tab' });
        const skip = byRole<HTMLButtonElement>(el, 'button', 'Skip to incoming chats');
        expect(deepActiveElement(), 'the first stop').to.equal(skip);
        expect(skip.getBoundingClientRect().width, 'shown while focused').to.be.greaterThan(40);
        await expect(el).to.be.accessible();
        await sendKeys({ press: 'Enter' });
        expect(deepActiveElement()).to.equal(byRole(el, 'heading', 'Incoming chats'));

        const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
        await waitUntil(() => deepQuery(el, `[data-id="${id}"]`), 'the waiting chat');
        before.focus();
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Enter' });
        expect(deepActiveElement(), 'the section, one Tab and Enter away').to.equal(byRole(el, 'heading', 'Incoming chats'));
        expect(skip.getBoundingClientRect().width, 'hidden again').to.be.at.most(1);
        await sendKeys({ press: 'Tab' });
        expect(deepActiveElement(), 'then the first waiting chat\'s "Answer"').to.equal(byRole(rowOf(el, id), 'button', 'Answer'));
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => service.state.sessions[id]!.agentId === 'a1', 'the chat answered');
      } finally {
        before.remove();
      }
    });

    it('answers a chat on a double-click on its row', async () => {
      const { backend, service } = await world();
      const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      rowOf(el, id).querySelector('.preview')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      await waitUntil(() => service.state.sessions[id]?.agentId === 'a1', 'answered by a double-click');
    });

    it('two agents on one backend press Answer on the same chat: one wins, the other\'s row goes with a notice', async () => {
      const { backend, clock, service: anna } = await world();
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      const sanne = await serviceFor(backend, clock, 'a2');
      const annaEl = await mount<ChatDashboard>(anna, html`<chat-dashboard></chat-dashboard>`);
      const sanneEl = await mount<ChatDashboard>(sanne, html`<chat-dashboard></chat-dashboard>`);
      const annaButton = byRole<HTMLButtonElement>(annaEl, 'button', 'Answer');
      const sanneButton = byRole<HTMLButtonElement>(sanneEl, 'button', 'Answer');
      sanneButton.click();
      annaButton.click();
      await waitUntil(() => queryByRole(annaEl, 'status') && deepText(byRole(annaEl, 'status')).includes('Another agent answered this chat first'), 'the notice for the loser');
      await settle(annaEl);
      await settle(sanneEl);
      expect(backend.inspect.sessions().find((s) => s.id === id)!.agentId).to.equal('a2');
      expect(deepText(byRole(annaEl, 'region', 'Incoming chats'))).to.not.contain('Mira Okafor');
      expect(deepText(byRole(sanneEl, 'region', 'Incoming chats'))).to.not.contain('Mira Okafor');
      expect(anna.state.selectedSessionId).to.equal(null);
      expect(sanne.state.selectedSessionId).to.equal(id);
      sanne.dispose();
    });
  });

  describe('listen in', () => {
    it('offers "Listen in" only on other agents\' chats of channels with the listen-in right', async () => {
      const { backend, clock, service } = await world();
      const theirs = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      backend.script.agentAnswers('a2', theirs);
      const mine = backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hello' });
      backend.script.agentAnswers('a1', mine);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      expect(queryByRole(rowOf(el, theirs), 'button', 'Listen in')).to.exist;
      expect(queryByRole(rowOf(el, mine), 'button', 'Listen in')).to.equal(null);
      // Sanne (a2) may respond on support but not listen in: no button anywhere.
      const sanne = await serviceFor(backend, clock, 'a2');
      const sanneEl = await mount<ChatDashboard>(sanne, html`<chat-dashboard></chat-dashboard>`);
      expect(deepText(byRole(sanneEl, 'region', 'Ongoing chats'))).to.contain('Tomasz Weber');
      expect(queryByRole(sanneEl, 'button', 'Listen in')).to.equal(null);
      await expect(sanneEl).to.be.accessible();
      sanne.dispose();
    });

    it('says why listening in failed: no connection is not told as a missing right', async () => {
      const { backend, service } = await world();
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
      backend.script.agentAnswers('a2', id);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const realGetMessages = backend.getMessages.bind(backend);
      backend.getMessages = () => Promise.reject(new ChatBackendError('network', 'offline (test)'));
      byRole(el, 'button', 'Listen in').click();
      const alert = await waitUntil(() => deepQuery(el, '.listen-error[role="alert"]'), 'the reason');
      expect(deepText(alert)).to.equal('The chat server could not be reached. Try again.');
      expect(queryByRole(el, 'dialog')).to.equal(null);
      // Back online, the same button works.
      backend.getMessages = realGetMessages;
      byRole(el, 'button', 'Listen in').click();
      await waitUntil(() => queryByRole(el, 'dialog', 'Listening in: Mira Okafor'), 'the listen-in dialog');
      expect(deepQuery(el, '.listen-error')).to.equal(null);
      await sendKeys({ press: 'Escape' });
    });

    it('opens a live read-only view with the keyboard; Escape closes it, stops the feed and returns focus', async () => {
      const { backend, service } = await world();
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
      backend.script.agentAnswers('a2', id);
      const sanne = backend.forAgent('a2');
      const toSanne: unknown[] = [];
      const sanneEvents = sanne.events$.subscribe((e) => toSanne.push(e));
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const baseline = backend.openSubscriptions;
      const button = byRole<HTMLButtonElement>(el, 'button', 'Listen in');
      await tabTo(button);
      await sendKeys({ press: 'Enter' });
      const dialog = await waitUntil(() => queryByRole(el, 'dialog', 'Listening in: Mira Okafor'), 'the listen-in dialog');
      expect((dialog as HTMLDialogElement).open).to.equal(true);
      expect(backend.openSubscriptions).to.equal(baseline + 1);
      const log = byRole(dialog, 'log', 'Conversation');
      expect(deepText(log)).to.contain('My parcel is late');
      expect(deepText(dialog)).to.contain('Sanne Bakker is not notified');
      // Read-only: no composer, no send.
      expect(queryByRole(dialog, 'textbox')).to.equal(null);
      expect(toSanne, 'the listened agent is not told').to.have.length(0);
      backend.script.agentWrites('a2', id, 'I am checking it now.');
      await waitUntil(() => deepText(log).includes('I am checking it now.'), 'a live message');
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !queryByRole(el, 'dialog'), 'the dialog closed');
      expect(backend.openSubscriptions).to.equal(baseline);
      expect(deepActiveElement()).to.equal(byRole(el, 'button', 'Listen in'));
      sanneEvents.unsubscribe();
    });

    it('Close stays closed when the dashboard renders again before the close event arrives', async () => {
      const { backend, service } = await world();
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      backend.script.agentAnswers('a2', id);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const baseline = backend.openSubscriptions;
      byRole(el, 'button', 'Listen in').click();
      const dialog = await waitUntil(() => queryByRole(el, 'dialog', 'Listening in: Mira Okafor'), 'the listen-in dialog');
      byRole(dialog, 'button', 'Close').click();
      // The dialog's close event is queued as a task; a render before it (a new message, a tick)
      // must not open the dialog again.
      el.requestUpdate();
      await el.updateComplete;
      expect((dialog as HTMLDialogElement).open, 'open right after Close').to.equal(false);
      await waitUntil(() => backend.openSubscriptions === baseline, 'the feed stopped');
      await settle(el);
      expect(deepQuery(el, 'dialog[open]')).to.equal(null);
    });

    it('stops the feed when the dashboard leaves the page while listening', async () => {
      const { backend, service } = await world();
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      backend.script.agentAnswers('a2', id);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const baseline = backend.openSubscriptions;
      byRole(el, 'button', 'Listen in').click();
      await waitUntil(() => queryByRole(el, 'dialog'), 'the listen-in dialog');
      expect(backend.openSubscriptions).to.be.greaterThan(baseline);
      el.parentElement!.remove();
      await settle();
      expect(backend.openSubscriptions).to.equal(baseline);
      service.dispose();
      expect(backend.openSubscriptions).to.equal(0);
    });
  });

  describe('lifecycle', () => {
    it('mounting and removing 30 times while listening in leaves no feed open and the page title as it was', async () => {
      const { backend, service } = await world();
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
      backend.script.agentAnswers('a2', id);
      const baseline = backend.openSubscriptions;
      document.title = 'Host CRM';
      const provider = await fixture<HTMLElement>(html`<chat-provider .service=${service}></chat-provider>`);
      for (let i = 0; i < 30; i++) {
        const el = document.createElement('chat-dashboard') as ChatDashboard;
        provider.append(el);
        await settle(el, 1);
        byRole<HTMLInputElement>(el, 'checkbox', 'Count in page title').click();
        byRole(el, 'button', 'Listen in').click();
        await waitUntil(() => queryByRole(el, 'dialog'), 'the listen-in dialog');
        el.remove();
        expect(backend.openSubscriptions).to.equal(baseline);
        expect(document.title).to.equal('Host CRM');
      }
    });
  });

  describe('warnings', () => {
    it('tells the host of new chats (chat-incoming) and of chats past the limit (chat-warning), and highlights them', async () => {
      const { backend, service, clock } = await world();
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const incoming: ChatEventDetails['chat-incoming'][] = [];
      const warnings: ChatEventDetails['chat-warning'][] = [];
      const onIncoming = (e: CustomEvent<ChatEventDetails['chat-incoming']>) => incoming.push(e.detail);
      const onWarning = (e: CustomEvent<ChatEventDetails['chat-warning']>) => warnings.push(e.detail);
      document.addEventListener('chat-incoming', onIncoming);
      document.addEventListener('chat-warning', onWarning);
      try {
        const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
        await settle(el);
        expect(incoming).to.deep.equal([{ sessionId: id, channelId: 'sales' }]);
        expect(rowOf(el, id).getAttribute('part')).to.equal('incoming-row');
        await clock.advance(2 * MINUTE);
        expect(warnings).to.deep.equal([]);
        await clock.advance(1);
        await settle(el);
        expect(warnings).to.deep.equal([
          { sessionId: id, channelId: 'sales', kind: 'waiting', limitMinutes: 2, since: '2026-11-30T09:00:00.000Z' },
        ]);
        expect(rowOf(el, id).getAttribute('part')).to.equal('incoming-row warning');
        expect(deepText(rowOf(el, id))).to.contain('Waiting longer than 2 min:');

        // An ongoing chat whose customer waits for an answer is highlighted in the ongoing list.
        backend.script.agentAnswers('a2', id);
        backend.script.customerWrites(id, 'Hello?');
        await clock.advance(3 * MINUTE + 1);
        await settle(el);
        expect(warnings.map((w) => w.kind)).to.deep.equal(['waiting', 'unanswered']);
        expect(deepText(rowOf(el, id))).to.contain('Customer waiting for an answer longer than 3 min:');
      } finally {
        document.removeEventListener('chat-incoming', onIncoming);
        document.removeEventListener('chat-warning', onWarning);
      }
    });

    it('gives an away agent no highlight and no chat-warning', async () => {
      const { backend, service, clock } = await world();
      await service.setPresence('away');
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      const warnings: unknown[] = [];
      const onWarning = (e: Event) => warnings.push(e);
      document.addEventListener('chat-warning', onWarning);
      const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      await clock.advance(5 * MINUTE);
      await settle(el);
      document.removeEventListener('chat-warning', onWarning);
      expect(warnings).to.have.length(0);
      expect(rowOf(el, id).getAttribute('part')).to.equal('incoming-row');
    });

    it('puts the number of warnings in the page title when asked, and restores the title when the dashboard goes', async () => {
      const { backend, service, clock } = await world();
      const original = document.title;
      document.title = 'Host CRM';
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      byRole<HTMLInputElement>(el, 'checkbox', 'Count in page title').click();
      backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      backend.script.customerArrives({ channelId: 'support', text: 'Hello' });
      await clock.advance(2 * MINUTE + 1);
      await settle(el);
      // The alerts' effects are a chunk loaded once an option is on: wait for them to act.
      await waitUntil(() => document.title !== 'Host CRM', 'the count in the title');
      expect(document.title).to.equal('(2) Host CRM');
      el.parentElement!.remove();
      expect(document.title).to.equal('Host CRM');
      document.title = original;
    });

    it('beeps through Web Audio for each new warning once the agent turned sound on', async () => {
      const { backend, service, clock } = await world();
      const audio = fakeAudioContext();
      try {
        const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
        backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
        await clock.advance(2 * MINUTE + 1);
        expect(audio.beeps, 'no sound before opting in').to.equal(0);
        byRole<HTMLInputElement>(el, 'checkbox', 'Sound').click();
        backend.script.customerArrives({ channelId: 'support', text: 'Hello' });
        await clock.advance(2 * MINUTE + 1);
        // The alerts' effects are a chunk loaded once an option is on: wait for them to act.
        await waitUntil(() => audio.beeps > 0, 'the beep');
        expect(audio.beeps).to.equal(1);
      } finally {
        audio.restore();
      }
    });

    it('asks for desktop notifications only when the agent turns them on, then shows one per new warning', async () => {
      const { backend, service, clock } = await world();
      const win = window as unknown as { Notification: unknown };
      const real = win.Notification;
      const shown: { title: string; body?: string }[] = [];
      let asked = 0;
      class FakeNotification {
        static permission = 'default';
        static requestPermission() {
          asked++;
          FakeNotification.permission = 'granted';
          return Promise.resolve('granted');
        }
        constructor(title: string, options: { body?: string }) {
          shown.push({ title, body: options.body });
        }
      }
      win.Notification = FakeNotification;
      try {
        const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
        backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
        await clock.advance(2 * MINUTE + 1);
        expect(asked).to.equal(0);
        expect(shown).to.have.length(0);
        byRole<HTMLInputElement>(el, 'checkbox', 'Desktop notifications').click();
        await waitUntil(() => asked === 1, 'the permission request');
        backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
        await clock.advance(2 * MINUTE + 1);
        // The alerts' effects are a chunk loaded once an option is on: wait for them to act.
        await waitUntil(() => shown.length > 0, 'the notification');
        expect(shown).to.deep.equal([{ title: 'Tomasz Weber is waiting', body: 'Waiting longer than 2 min in Support portal' }]);
      } finally {
        win.Notification = real;
      }
    });
  });

  describe('presence', () => {
    it('the header switch reports Away through the adapter: no highlight for the agent, no transfer offers from colleagues', async () => {
      const { backend, clock, service: anna } = await world();
      const sanne = await serviceFor(backend, clock, 'a2');
      const waiting = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      const theirs = backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hello' });
      await sanne.answer(theirs);
      await clock.advance(2 * MINUTE + 1);
      const screen = await fixture<HTMLElement>(html`<chat-screen .service=${anna}></chat-screen>`);
      await settle(screen);
      const dashboard = deepQuery(screen, 'chat-dashboard')!;
      expect(rowOf(dashboard, waiting).getAttribute('part')).to.equal('incoming-row warning');
      expect(transferTargets(sanne.state, theirs).map((t) => t.agent.id)).to.include('a1');

      const presence = byRole(screen, 'switch', 'Present');
      presence.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => backend.inspect.agents().find((a) => a.id === 'a1')?.presence === 'away', 'away on the backend');
      await waitUntil(() => sanne.state.agents.a1?.presence === 'away', 'the colleague sees Anna away');
      await settle(screen);
      expect(rowOf(dashboard, waiting).getAttribute('part')).to.equal('incoming-row');
      expect(transferTargets(sanne.state, theirs).map((t) => t.agent.id)).to.not.include('a1');
      // Away agents can still answer.
      expect(byRole<HTMLButtonElement>(dashboard, 'button', 'Answer').hasAttribute('aria-disabled')).to.equal(false);
      sanne.dispose();
    });
  });

  describe('tab badges with two agents', () => {
    function badge(screen: Element, tab: 'Dashboard' | 'Chats'): string {
      return byRole(screen, 'tab', new RegExp(`^${tab}`)).querySelector('.badge')!.textContent!.trim();
    }

    it('stay exact under arrival, answer by another agent, leaving the queue and transfers in and out', async () => {
      const { backend, clock, service: anna } = await world();
      const sanne = await serviceFor(backend, clock, 'a2');
      const screen = await fixture<HTMLElement>(html`<chat-screen .service=${anna}></chat-screen>`);
      await settle(screen);
      const check = async (dashboard: string, chats: string, what: string) => {
        await settle(screen);
        expect([badge(screen, 'Dashboard'), badge(screen, 'Chats')], what).to.deep.equal([dashboard, chats]);
      };
      await check('0', '0', 'empty');
      const a = backend.script.customerArrives({ channelId: 'support', text: 'One' });
      const b = backend.script.customerArrives({ channelId: 'sales', text: 'Two' });
      await check('2', '0', 'two arrivals');
      await sanne.answer(a);
      await check('1', '0', 'answered by another agent');
      backend.script.customerLeaves(b);
      await check('0', '0', 'the customer left the queue');
      // Arrival and answer by another agent before anyone looks: never counted.
      const c = backend.script.customerArrives({ channelId: 'sales', text: 'Three' });
      backend.script.agentAnswers('a2', c);
      await check('0', '0', 'arrived and answered at once');
      const d = backend.script.customerArrives({ channelId: 'support', text: 'Four' });
      await anna.answer(d);
      await check('0', '1', 'answered by this agent');
      await sanne.requestTransfer(a, 'a1');
      // The Chats badge counts chats waiting for this agent's action, an offered transfer too.
      await check('0', '2', 'a transfer to this agent waits for acceptance');
      await anna.acceptTransfer(a);
      await check('0', '2', 'transfer in accepted');
      await anna.requestTransfer(d, 'a2');
      await sanne.rejectTransfer(d);
      await check('0', '2', 'transfer out rejected');
      await anna.requestTransfer(d, 'a2');
      await sanne.acceptTransfer(d);
      await check('0', '1', 'transfer out accepted');
      backend.script.agentEnds('a1', a);
      await check('0', '0', 'ended');
      sanne.dispose();
    });
  });
});
