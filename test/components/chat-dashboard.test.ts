import { expect, fixture, html } from '@open-wc/testing';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import { ChatService } from '../../src/service/chat-service.js';
import { allByRole, byRole, deepAll, deepText, mount, queryByRole, settle, setup, waitUntil } from '../helpers.js';

const MINUTE = 60_000;

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

  it('describes each "Answer" button with the customer name', async () => {
    const { backend, service } = await setup();
    backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    backend.script.customerArrives({ name: 'Tomasz Weber', text: 'Hello' });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const buttons = allByRole<HTMLButtonElement>(el, 'button', 'Answer');
    const described = buttons.map((b) => el.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!)?.textContent);
    expect(described).to.deep.equal(['Mira Okafor', 'Tomasz Weber']);
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
});
