import { expect } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { Agent } from '../../src/model/agent.js';
import type { Channel, ChannelRights } from '../../src/model/channel.js';
import type { ChatSession } from '../../src/model/session.js';
import { ChatService } from '../../src/service/chat-service.js';
import { MemoryChannelSelection } from '../../src/service/channel-selection.js';
import { FakeClock } from '../../src/service/clock.js';
import { type DashboardStats, computeDashboardStats, nextDayStart, startOfDay } from '../../src/service/stats.js';

const SEC = 1000;
const MIN = 60 * SEC;
const AMS = 'Europe/Amsterdam';

const rights = (respond = true): ChannelRights => ({ respond, notify: true, listenIn: false, manage: false });
const channel = (id: string): Channel => ({
  id,
  name: id,
  language: 'en',
  welcomeMessage: '',
  waitWarningMinutes: 2,
  unansweredWarningMinutes: 3,
  open: true,
});
const CHANNELS = [channel('sales'), channel('support')];
const agent = (id: string, presence: Agent['presence'], channels: string[]): Agent => ({
  id,
  name: id,
  presence,
  rights: Object.fromEntries(channels.map((c) => [c, rights()])),
});

let counter = 0;
/** A session with the given status and times (ISO strings). */
function session(fields: Partial<ChatSession> & Pick<ChatSession, 'status' | 'createdAt'>): ChatSession {
  counter++;
  return {
    id: `S${counter}`,
    channelId: 'sales',
    customer: { name: `Customer ${counter}` },
    agentId: fields.status === 'queued' || fields.status === 'missed' ? null : 'a1',
    unreadCount: 0,
    lastSeq: 0,
    requestIds: [],
    customerTyping: false,
    ...fields,
  };
}

function stats(clock: FakeClock, sessions: ChatSession[], extra: { agents?: Agent[]; channelIds?: string[]; timeZone?: string } = {}): DashboardStats {
  return computeDashboardStats({
    sessions,
    agents: extra.agents ?? [],
    channels: CHANNELS,
    now: clock.now(),
    timeZone: extra.timeZone ?? AMS,
    channelIds: extra.channelIds,
  });
}

describe('Dashboard statistics (pure functions)', () => {
  it('an empty day has no waits, no counts and no averages', () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const s = stats(clock, []);
    expect(s).to.deep.include({
      waiting: 0,
      longestWaitMs: 0,
      averageWaitMs: 0,
      ongoing: 0,
      agentsPresent: 0,
      answeredToday: 0,
      missedToday: 0,
      endedToday: 0,
      averageAnswerMs: null,
      averageFirstResponseMs: null,
    });
    // 09:00 UTC is 10:00 in Amsterdam (UTC+1 in November): today began at 23:00 UTC the day before.
    expect(new Date(s.dayStart).toISOString()).to.equal('2026-11-29T23:00:00.000Z');
  });

  it('a day where every customer left the queue counts them all as missed and nothing as answered', () => {
    const clock = new FakeClock('2026-11-30T12:00:00Z');
    const sessions = ['08:00', '09:30', '11:59'].map((t) =>
      session({ status: 'missed', createdAt: `2026-11-30T${t}:00Z`, endedAt: `2026-11-30T${t}:30Z`, endedBy: 'customer' }),
    );
    const s = stats(clock, sessions);
    expect([s.missedToday, s.answeredToday, s.endedToday, s.waiting]).to.deep.equal([3, 0, 0, 0]);
    expect(s.averageAnswerMs).to.equal(null);
  });

  it('longest and average wait over a queue of mixed channels, and ongoing chats of every agent', () => {
    const clock = new FakeClock('2026-11-30T10:00:00Z');
    const sessions = [
      session({ status: 'queued', channelId: 'sales', createdAt: '2026-11-30T09:54:00Z' }), // 6 min
      session({ status: 'queued', channelId: 'support', createdAt: '2026-11-30T09:58:00Z' }), // 2 min
      session({ status: 'queued', channelId: 'support', createdAt: '2026-11-30T09:59:00Z' }), // 1 min
      session({ status: 'ongoing', channelId: 'sales', createdAt: '2026-11-30T09:00:00Z', answeredAt: '2026-11-30T09:01:00Z', agentId: 'a2' }),
      session({ status: 'ongoing', channelId: 'support', createdAt: '2026-11-30T09:10:00Z', answeredAt: '2026-11-30T09:10:30Z' }),
    ];
    const s = stats(clock, sessions);
    expect(s.waiting).to.equal(3);
    expect(s.longestWaitMs).to.equal(6 * MIN);
    expect(s.averageWaitMs).to.equal(3 * MIN); // (6 + 2 + 1) / 3
    expect(s.ongoing).to.equal(2);
    expect(s.answeredToday).to.equal(2);
    expect(s.averageAnswerMs).to.equal(45 * SEC); // (60 s + 30 s) / 2
  });

  it('a selection of one channel counts only that channel', () => {
    const clock = new FakeClock('2026-11-30T10:00:00Z');
    const sessions = [
      session({ status: 'queued', channelId: 'sales', createdAt: '2026-11-30T09:54:00Z' }),
      session({ status: 'queued', channelId: 'support', createdAt: '2026-11-30T09:58:00Z' }),
      session({ status: 'ended', channelId: 'sales', createdAt: '2026-11-30T08:00:00Z', answeredAt: '2026-11-30T08:02:00Z', endedAt: '2026-11-30T08:20:00Z' }),
      session({ status: 'missed', channelId: 'support', createdAt: '2026-11-30T08:00:00Z', endedAt: '2026-11-30T08:05:00Z' }),
    ];
    const agents = [agent('a1', 'present', ['sales', 'support']), agent('a2', 'present', ['support'])];
    const s = stats(clock, sessions, { agents, channelIds: ['support'] });
    expect(s).to.deep.include({ waiting: 1, longestWaitMs: 2 * MIN, averageWaitMs: 2 * MIN, answeredToday: 0, endedToday: 0, missedToday: 1, agentsPresent: 2 });
    expect(s.presentByChannel).to.deep.equal([{ channelId: 'support', present: 2 }]);
    const sales = stats(clock, sessions, { agents, channelIds: ['sales'] });
    expect(sales).to.deep.include({ waiting: 1, longestWaitMs: 6 * MIN, answeredToday: 1, endedToday: 1, missedToday: 0, agentsPresent: 1, averageAnswerMs: 2 * MIN });
  });

  it('counts present agents per channel and once in the total; away agents do not count', () => {
    const clock = new FakeClock('2026-11-30T10:00:00Z');
    const agents = [
      agent('a1', 'present', ['sales', 'support']),
      agent('a2', 'present', ['support']),
      agent('a3', 'away', ['sales', 'support']),
      { ...agent('a4', 'present', []), rights: { sales: rights(false) } }, // no respond right
    ];
    const s = stats(clock, [], { agents });
    expect(s.agentsPresent).to.equal(2);
    expect(s.presentByChannel).to.deep.equal([
      { channelId: 'sales', present: 1 },
      { channelId: 'support', present: 2 },
    ]);
  });

  it('"today" starts at midnight in the agent\'s time zone, not in UTC', () => {
    // 23:30 UTC on 30 November is already 00:30 on 1 December in Amsterdam.
    const clock = new FakeClock('2026-12-01T04:00:00Z'); // 05:00 in Amsterdam, 23:00 (30 Nov) in New York
    const sessions = [
      session({ status: 'ended', createdAt: '2026-11-30T22:40:00Z', answeredAt: '2026-11-30T22:50:00Z', endedAt: '2026-11-30T22:59:00Z' }), // 23:59 Amsterdam, yesterday
      session({ status: 'ended', createdAt: '2026-11-30T23:20:00Z', answeredAt: '2026-11-30T23:30:00Z', endedAt: '2026-11-30T23:45:00Z' }), // 00:45 Amsterdam, today
    ];
    expect(stats(clock, sessions, { timeZone: AMS })).to.deep.include({ answeredToday: 1, endedToday: 1, averageAnswerMs: 10 * MIN });
    expect(stats(clock, sessions, { timeZone: 'UTC' })).to.deep.include({ answeredToday: 0, endedToday: 0, averageAnswerMs: null });
    // In New York (UTC−5) both happened on 30 November, which is still "today" there.
    expect(stats(clock, sessions, { timeZone: 'America/New_York' })).to.deep.include({ answeredToday: 2, endedToday: 2 });
  });

  it('rolls over at midnight: yesterday\'s answered, missed and ended chats stop counting', async () => {
    const clock = new FakeClock('2026-11-30T22:30:00Z'); // 23:30 in Amsterdam
    const sessions = [
      session({ status: 'ended', createdAt: '2026-11-30T20:00:00Z', answeredAt: '2026-11-30T20:01:00Z', endedAt: '2026-11-30T20:30:00Z' }),
      session({ status: 'missed', createdAt: '2026-11-30T21:00:00Z', endedAt: '2026-11-30T21:05:00Z' }),
    ];
    expect(stats(clock, sessions)).to.deep.include({ answeredToday: 1, endedToday: 1, missedToday: 1 });
    await clock.advance(31 * MIN); // 00:01 in Amsterdam
    expect(stats(clock, sessions)).to.deep.include({ answeredToday: 0, endedToday: 0, missedToday: 0, averageAnswerMs: null });
  });

  it('average first response time runs from pick-up to the agent\'s first own message', () => {
    const clock = new FakeClock('2026-11-30T12:00:00Z');
    const sessions = [
      session({ status: 'ongoing', createdAt: '2026-11-30T11:00:00Z', answeredAt: '2026-11-30T11:01:00Z', firstResponseAt: '2026-11-30T11:01:20Z' }), // 20 s
      session({ status: 'ended', createdAt: '2026-11-30T10:00:00Z', answeredAt: '2026-11-30T10:00:30Z', firstResponseAt: '2026-11-30T10:02:10Z', endedAt: '2026-11-30T10:10:00Z' }), // 100 s
      session({ status: 'ongoing', createdAt: '2026-11-30T11:50:00Z', answeredAt: '2026-11-30T11:55:00Z' }), // not answered in words yet
    ];
    const s = stats(clock, sessions);
    expect(s.averageFirstResponseMs).to.equal(60 * SEC);
    expect(s.averageAnswerMs).to.equal(Math.round((60 + 30 + 300) * SEC / 3)); // 130 s
    expect(s.answeredToday).to.equal(3);
  });

  it('a chat answered yesterday and ended today counts as ended today but not as answered today', () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const sessions = [
      session({ status: 'ended', createdAt: '2026-11-29T22:00:00Z', answeredAt: '2026-11-29T22:10:00Z', endedAt: '2026-11-29T23:30:00Z' }),
    ];
    expect(stats(clock, sessions)).to.deep.include({ answeredToday: 0, endedToday: 1, averageAnswerMs: null });
  });

  it('finds midnight in the agent\'s zone across a daylight-saving change', () => {
    // Amsterdam moves from UTC+1 to UTC+2 at 02:00 on 29 March 2026: that day lasts 23 hours.
    const noon = Date.parse('2026-03-29T12:00:00Z');
    expect(new Date(startOfDay(noon, AMS)).toISOString()).to.equal('2026-03-28T23:00:00.000Z');
    expect(new Date(nextDayStart(noon, AMS)).toISOString()).to.equal('2026-03-29T22:00:00.000Z');
    expect(new Date(startOfDay(noon, 'Asia/Tokyo')).toISOString()).to.equal('2026-03-28T15:00:00.000Z');
    expect(new Date(startOfDay(noon, 'UTC')).toISOString()).to.equal('2026-03-29T00:00:00.000Z');
  });

  it('does not count a future wait as negative when a session was created after now', () => {
    const clock = new FakeClock('2026-11-30T10:00:00Z');
    const s = stats(clock, [
      session({ status: 'queued', createdAt: '2026-11-30T10:00:30Z' }),
      session({ status: 'queued', createdAt: '2026-11-30T09:59:00Z' }),
    ]);
    expect(s.longestWaitMs).to.equal(MIN);
    expect(s.averageWaitMs).to.equal(30 * SEC); // (0 + 60 s) / 2
  });
});

describe('Dashboard statistics in the service', () => {
  async function make(start = '2026-11-30T09:00:00Z') {
    const clock = new FakeClock(start);
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const service = new ChatService({
      backend,
      clock,
      display: { timeZone: AMS },
      selectionStorage: new MemoryChannelSelection(),
    });
    await service.ready;
    const seen: DashboardStats[] = [];
    const subscription = service.dashboardStats$.subscribe((s) => seen.push(s));
    return { clock, backend, service, seen, done: () => (subscription.unsubscribe(), service.dispose()) };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('recomputes the figures from backend events as they arrive, without asking the backend', async () => {
    const { backend, clock, seen, done } = await make();
    let snapshots = 0;
    const original = backend.getSnapshot.bind(backend);
    backend.getSnapshot = () => (snapshots++, original());
    const id = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
    await tick();
    expect(seen.at(-1)).to.deep.include({ waiting: 1, answeredToday: 0 });
    await clock.advance(90 * SEC);
    backend.script.agentAnswers('a2', id);
    await tick();
    expect(seen.at(-1)).to.deep.include({ waiting: 0, ongoing: 1, answeredToday: 1, averageAnswerMs: 90 * SEC, averageFirstResponseMs: null });
    await clock.advance(40 * SEC);
    backend.script.agentWrites('a2', id, 'Let me check that for you.');
    await tick();
    // The welcome message on pick-up does not count as a response; the agent's own words do.
    expect(seen.at(-1)!.averageFirstResponseMs).to.equal(40 * SEC);
    backend.script.agentEnds('a2', id);
    await tick();
    expect(seen.at(-1)).to.deep.include({ ongoing: 0, endedToday: 1 });
    expect(snapshots).to.equal(0);
    done();
  });

  it('restarts today\'s counts at midnight in the agent\'s time zone with no event from the backend', async () => {
    const { backend, clock, seen, done } = await make('2026-11-30T22:00:00Z'); // 23:00 in Amsterdam
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.script.customerLeaves(id);
    await tick();
    expect(seen.at(-1)!.missedToday).to.equal(1);
    const before = seen.length;
    await clock.advance(59 * MIN);
    expect(seen.length).to.equal(before); // nothing changes before midnight
    await clock.advance(1 * MIN);
    expect(seen.at(-1)!.missedToday).to.equal(0);
    expect(new Date(seen.at(-1)!.dayStart).toISOString()).to.equal('2026-11-30T23:00:00.000Z');
    done();
  });

  it('follows the channel selection and keeps it per agent in the selection storage', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const storage = new MemoryChannelSelection();
    const first = new ChatService({ backend, clock, selectionStorage: storage });
    await first.ready;
    backend.script.customerArrives({ channelId: 'sales' });
    backend.script.customerArrives({ channelId: 'support' });
    backend.script.customerArrives({ channelId: 'support' });
    await tick();
    const seen: DashboardStats[] = [];
    const sub = first.dashboardStats$.subscribe((s) => seen.push(s));
    expect(seen.at(-1)!.waiting).to.equal(3);
    first.setChannelSelection(['support', 'nope']);
    expect(first.state.channelSelection).to.deep.equal(['support']);
    expect(seen.at(-1)!.waiting).to.equal(2);
    sub.unsubscribe();
    first.dispose();
    await tick();
    expect(storage.load('a1')).to.deep.equal(['support']);
    // A reload (a new service on the same storage) starts with the agent's selection.
    const second = new ChatService({ backend, clock, selectionStorage: storage });
    await second.ready;
    expect(second.state.channelSelection).to.deep.equal(['support']);
    // Choosing every channel is stored as "all channels".
    second.setChannelSelection(['sales', 'support', 'webshop-nl']);
    expect(second.state.channelSelection).to.equal(null);
    await tick();
    expect(storage.load('a1')).to.equal(null);
    second.dispose();
    // Another agent's selection is separate.
    const other = new ChatService({ backend: backend.forAgent('a2'), clock, selectionStorage: storage });
    await other.ready;
    expect(other.state.channelSelection).to.equal(null);
    other.dispose();
  });
});
