import { expect } from '@open-wc/testing';
import type { BackendEvent } from '../../src/backend/adapter.js';
import { runAdapterConformance } from '../../src/backend/conformance.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import { type FaultOptions, type FaultyAdapter, withFaults } from '../../src/backend/fault-injection.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { FakeClock } from '../../src/service/clock.js';

runAdapterConformance('withFaults with no faults around InMemoryChatBackend', async () => {
  const backend = new InMemoryChatBackend({ seed: 7, clock: new FakeClock(), autoplay: false });
  return {
    adapter: withFaults(backend, { seed: 3 }),
    secondAgent: withFaults(backend.forAgent('ben'), { seed: 4 }),
    queueCustomer: async (input = {}) => backend.script.customerArrives({ channelId: 'support', ...input }),
    customerWrites: async (sessionId, text) => {
      backend.script.customerWrites(sessionId, text);
    },
    dispose: () => backend.dispose(),
  };
});

const tick = () => new Promise((r) => setTimeout(r, 0));

function world(options: FaultOptions = {}) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 5, clock, autoplay: false });
  const faulty = withFaults(backend, { clock, ...options });
  return { clock, backend, faulty };
}

/** Outcome of `n` sequential `listFaqs` calls: 'ok', or the error code. */
async function callOutcomes(faulty: FaultyAdapter, n: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < n; i++) {
    outcomes.push(
      await faulty.listFaqs().then(
        () => 'ok',
        (error: ChatBackendError) => error.code,
      ),
    );
  }
  return outcomes;
}

/**
 * Play `sessions` customers who each write `lines` messages, and record, for every inner event
 * (by its position in the inner stream), where and how often the wrapper delivered it.
 */
async function playEvents(options: FaultOptions, sessions = 40, lines = 12) {
  const { clock, backend, faulty } = world(options);
  const inner: BackendEvent[] = [];
  const delivered: BackendEvent[] = [];
  const innerSub = backend.events$.subscribe((e) => inner.push(e));
  const outerSub = faulty.events$.subscribe((e) => delivered.push(e));
  for (let s = 0; s < sessions; s++) {
    const id = backend.script.customerArrives({ channelId: 'support', name: `C${s}`, text: 'Hello' });
    for (let l = 0; l < lines; l++) backend.script.customerWrites(id, `line ${l}`);
    await clock.advance(100);
  }
  await clock.advance(10_000);
  faulty.faults.flush();
  innerSub.unsubscribe();
  outerSub.unsubscribe();
  const index = new Map(inner.map((e, i) => [e, i]));
  const order = delivered.filter((e) => e.type !== 'connection').map((e) => index.get(e)!);
  const counts = new Map<number, number>();
  for (const i of order) counts.set(i, (counts.get(i) ?? 0) + 1);
  let maxSeen = -1;
  let late = 0;
  const first = new Set<number>();
  for (const i of order) {
    if (first.has(i)) continue;
    first.add(i);
    if (i < maxSeen) late++;
    maxSeen = Math.max(maxSeen, i);
  }
  return {
    inner,
    delivered,
    order,
    missing: inner.length - counts.size,
    copies: [...counts.values()].reduce((sum, c) => sum + c - 1, 0),
    late,
    stats: { ...faulty.faults.stats },
    backend,
    clock,
  };
}

/** `actual` is within `tolerance` (absolute, as a share) of `rate`. */
function expectRate(count: number, total: number, rate: number, tolerance = 0.025): void {
  expect(total).to.be.greaterThan(0);
  expect(Math.abs(count / total - rate), `${count} of ${total} for a rate of ${rate}`).to.be.at.most(tolerance);
}

describe('withFaults', () => {
  describe('commands', () => {
    it('rejects about the configured share of calls with a typed network error', async () => {
      const { faulty } = world({ seed: 11, failureRate: 0.1 });
      const outcomes = await callOutcomes(faulty, 2000);
      const failed = outcomes.filter((o) => o === 'network').length;
      expectRate(failed, 2000, 0.1);
      expect(outcomes.every((o) => o === 'ok' || o === 'network')).to.equal(true);
      expect(faulty.faults.stats.failedBefore + faulty.faults.stats.lostResponses).to.equal(failed);
      expect(faulty.faults.stats.commands).to.equal(2000);
    });

    it('fails the same calls again with the same seed, and other calls with another seed', async () => {
      const a = await callOutcomes(world({ seed: 21, failureRate: 0.2 }).faulty, 300);
      const b = await callOutcomes(world({ seed: 21, failureRate: 0.2 }).faulty, 300);
      const c = await callOutcomes(world({ seed: 22, failureRate: 0.2 }).faulty, 300);
      expect(a).to.deep.equal(b);
      expect(a).not.to.deep.equal(c);
    });

    it('takes failure rates per command, with a default for the rest', async () => {
      const { faulty, backend } = world({ seed: 2, failureRate: { default: 0, listFaqs: 1 } });
      expect(await callOutcomes(faulty, 20)).to.deep.equal(Array(20).fill('network'));
      const id = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      await tick();
      expect((await faulty.answer(id)).agentId).to.equal(backend.agentId);
    });

    it('a lost answer has still reached the backend, so a retry with the same client id stores one message', async () => {
      const { faulty, backend } = world({ seed: 5, failureRate: { sendMessage: 1 }, lostResponseShare: 1 });
      const id = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      await faulty.answer(id);
      const error = await faulty.sendMessage(id, { clientId: 'c-1', text: 'Checking now' }).catch((e) => e);
      expect(error).to.be.instanceOf(ChatBackendError);
      expect(error.code).to.equal('network');
      expect(backend.inspect.messages(id).filter((m) => m.clientId === 'c-1')).to.have.length(1);
      faulty.faults.configure({ failureRate: 0 });
      const stored = await faulty.sendMessage(id, { clientId: 'c-1', text: 'Checking now' });
      expect(stored.clientId).to.equal('c-1');
      expect(backend.inspect.messages(id).filter((m) => m.clientId === 'c-1')).to.have.length(1);
      expect(faulty.faults.stats.lostResponses).to.equal(1);
    });

    it('a failure before the request never reaches the backend', async () => {
      const { faulty, backend } = world({ seed: 5, failureRate: { sendMessage: 1 }, lostResponseShare: 0 });
      const id = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      await faulty.answer(id);
      await faulty.sendMessage(id, { clientId: 'c-2', text: 'Never stored' }).catch(() => undefined);
      expect(backend.inspect.messages(id).some((m) => m.clientId === 'c-2')).to.equal(false);
      expect(faulty.faults.stats.failedBefore).to.equal(1);
    });

    it('adds latency on the injected clock: nothing settles before it has passed', async () => {
      const { faulty, clock } = world({ latencyMs: 500 });
      let settled = false;
      const call = faulty.listFaqs().then(() => (settled = true));
      await clock.advance(499);
      expect(settled).to.equal(false);
      await clock.advance(1);
      await call;
      expect(settled).to.equal(true);
      expect(faulty.faults.stats.latencyMs).to.equal(500);
    });

    it('draws latency from a range in whole ms, reproducibly', async () => {
      const draw = async (seed: number) => {
        const { faulty, clock } = world({ seed, latencyMs: [100, 300] });
        const start = clock.now();
        const waited = Array.from({ length: 50 }, () => faulty.listFaqs().then(() => clock.now() - start));
        await clock.advance(400);
        return Promise.all(waited);
      };
      const a = await draw(8);
      expect(Math.min(...a)).to.be.at.least(100);
      expect(Math.max(...a)).to.be.at.most(300);
      expect(new Set(a).size).to.be.greaterThan(10);
      expect(await draw(8)).to.deep.equal(a);
    });

    it('leaves about the configured share of calls unsettled for good', async () => {
      const { faulty, clock } = world({ seed: 9, hangRate: 0.2 });
      let settled = 0;
      for (let i = 0; i < 1000; i++) void faulty.listFaqs().then(() => settled++);
      await clock.advance(60_000);
      expectRate(1000 - settled, 1000, 0.2, 0.04);
      expect(faulty.faults.stats.hung).to.equal(1000 - settled);
    });
  });

  describe('push events', () => {
    it('drops about the configured share of events', async () => {
      const run = await playEvents({ seed: 3, dropRate: 0.05 });
      expectRate(run.missing, run.inner.length, 0.05);
      expect(run.stats.dropped).to.equal(run.missing);
      expect(run.copies).to.equal(0);
      expect(run.late).to.equal(0);
    });

    it('duplicates about the configured share of events, the copy arriving later', async () => {
      const run = await playEvents({ seed: 3, duplicateRate: 0.05 });
      expectRate(run.copies, run.inner.length, 0.05);
      expect(run.stats.duplicated).to.equal(run.copies);
      expect(run.missing).to.equal(0);
    });

    it('delivers about the configured share of events out of order, none lost', async () => {
      const run = await playEvents({ seed: 3, reorderRate: 0.05 });
      expectRate(run.late, run.inner.length, 0.05);
      expect(run.stats.reordered).to.be.at.least(run.late);
      expect(run.missing).to.equal(0);
      expect(run.copies).to.equal(0);
    });

    it('delivers a held-back event after maxHoldMs at the latest when nothing follows it', async () => {
      const { faulty, backend, clock } = world({ reorderRate: 1, maxHoldMs: 200 });
      const got: BackendEvent[] = [];
      const sub = faulty.events$.subscribe((e) => got.push(e));
      backend.script.customerArrives({ channelId: 'support', name: 'Alone' });
      await clock.advance(199);
      expect(got).to.have.length(0);
      await clock.advance(1);
      expect(got.map((e) => e.type)).to.deep.equal(['session-updated']);
      sub.unsubscribe();
    });

    it('delivers the same events in the same order again with the same seed', async () => {
      const options = { seed: 17, dropRate: 0.05, duplicateRate: 0.05, reorderRate: 0.05, disconnectEvery: 100 };
      const a = await playEvents(options, 20, 10);
      const b = await playEvents(options, 20, 10);
      const c = await playEvents({ ...options, seed: 18 }, 20, 10);
      expect(a.order).to.deep.equal(b.order);
      expect(a.stats).to.deep.equal(b.stats);
      expect(a.order).not.to.deep.equal(c.order);
    });
  });

  describe('disconnects', () => {
    it('goes offline after every N inner events, misses events meanwhile, reconnects and replays the recent ones', async () => {
      const run = await playEvents({ seed: 4, disconnectEvery: 100, reconnectAfterMs: 50, replayOnReconnect: 5 }, 40, 12);
      const connection = run.delivered.filter((e): e is Extract<BackendEvent, { type: 'connection' }> => e.type === 'connection');
      const expected = Math.floor((run.inner.length - run.stats.missedOffline) / 100);
      expect(run.stats.disconnects).to.be.within(expected, expected + 1);
      expect(connection.map((e) => e.status)).to.deep.equal(
        Array.from({ length: run.stats.disconnects }, () => ['offline', 'online']).flat().slice(0, connection.length),
      );
      expect(run.stats.missedOffline).to.be.greaterThan(0);
      expect(run.stats.replayed).to.equal(5 * run.stats.disconnects);
      // The replay brings back some of what the outage hid.
      expect(run.missing).to.be.below(run.stats.missedOffline);
    });

    it('rejects commands with a typed disconnected error during an outage, and serves them after', async () => {
      const { faulty, clock } = world({ reconnectAfterMs: 1000 });
      const got: BackendEvent[] = [];
      const sub = faulty.events$.subscribe((e) => got.push(e));
      faulty.faults.disconnect();
      expect(faulty.faults.offline).to.equal(true);
      const error = await faulty.listFaqs().catch((e) => e);
      expect(error).to.be.instanceOf(ChatBackendError);
      expect(error.code).to.equal('disconnected');
      await clock.advance(1000);
      expect(faulty.faults.offline).to.equal(false);
      expect((await faulty.listFaqs()).length).to.be.greaterThan(0);
      expect(got).to.deep.equal([
        { type: 'connection', status: 'offline' },
        { type: 'connection', status: 'online' },
      ]);
      expect(faulty.faults.stats.rejectedOffline).to.equal(1);
      sub.unsubscribe();
    });

    it('passes the inner adapter\'s own connection events through', async () => {
      const { faulty, backend } = world();
      const got: BackendEvent[] = [];
      const sub = faulty.events$.subscribe((e) => got.push(e));
      backend.script.disconnect();
      backend.script.reconnect();
      expect(got.map((e) => e.type === 'connection' && e.status)).to.deep.equal(['offline', 'online']);
      sub.unsubscribe();
    });
  });

  it('wraps every command the demo adapter has', () => {
    const { faulty } = world();
    const proto = Object.getPrototypeOf(InMemoryChatBackend.prototype) as object;
    const privateHelpers = ['constructor', 'objectUrl'];
    const methods = Object.getOwnPropertyNames(proto).filter(
      (name) => !privateHelpers.includes(name) && typeof (proto as Record<string, unknown>)[name] === 'function',
    );
    expect(methods.length).to.be.greaterThan(20);
    for (const name of methods) expect(typeof (faulty as unknown as Record<string, unknown>)[name], name).to.equal('function');
  });

  describe('subscriptions', () => {
    it('keeps one inner subscription for any number of subscribers and closes it, and its timers, with the last', async () => {
      const { faulty, backend, clock } = world({ reorderRate: 1, disconnectEvery: 1, reconnectAfterMs: 5000 });
      const baseline = backend.openSubscriptions;
      const timers = clock.pendingTimers;
      const subs = Array.from({ length: 5 }, () => faulty.events$.subscribe(() => undefined));
      expect(backend.openSubscriptions).to.equal(baseline + 1);
      backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      expect(clock.pendingTimers).to.be.greaterThan(timers);
      for (const s of subs) s.unsubscribe();
      expect(backend.openSubscriptions).to.equal(baseline);
      expect(clock.pendingTimers).to.equal(timers);
    });
  });
});
