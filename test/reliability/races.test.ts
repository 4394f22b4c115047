/**
 * Races: two agents press "Get next in queue", "Answer" and "Accept transfer" on the same chats at
 * the same moment, 100 rounds, with a little random latency (withFaults, FakeClock) so the calls
 * really interleave. Each chat ends with one owner, the loser gets `already-taken`, and no promise
 * rejection goes unhandled.
 */
import { expect } from '@open-wc/testing';
import { isChatError } from '../../src/backend/errors.js';
import { withFaults } from '../../src/backend/fault-injection.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';

type Outcome = { ok: true; value: unknown } | { ok: false; code: string };

/** Await a command whose latency runs on the fake clock. */
async function done<T>(clock: FakeClock, call: Promise<T>): Promise<T> {
  const [outcome] = await settleAll(clock, [call]);
  if (!outcome!.ok) throw new Error(`unexpected ${outcome!.code}`);
  return outcome!.value as T;
}

async function settleAll(clock: FakeClock, calls: Promise<unknown>[]): Promise<Outcome[]> {
  const outcomes = Promise.all(
    calls.map((p) =>
      p.then(
        (value): Outcome => ({ ok: true, value }),
        (error): Outcome => ({ ok: false, code: isChatError(error) ? error.code : String(error) }),
      ),
    ),
  );
  await clock.advance(100);
  return outcomes;
}

describe('Races between two agents', () => {
  let unhandled: unknown[];
  const onUnhandled = (event: PromiseRejectionEvent) => {
    unhandled.push(event.reason);
  };
  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => window.removeEventListener('unhandledrejection', onUnhandled));

  async function world(seed: number) {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed, clock, autoplay: false });
    const anna = new ChatService({ backend: withFaults(backend, { clock, seed: seed + 1, latencyMs: [0, 20] }), clock });
    const ben = new ChatService({ backend: withFaults(backend.forAgent('ben'), { clock, seed: seed + 2, latencyMs: [0, 20] }), clock });
    await clock.advance(100);
    await Promise.all([anna.ready, ben.ready]);
    return { clock, backend, anna, ben, agents: [anna, ben] };
  }

  /** Both services agree with the backend on who owns the session. */
  function expectOneOwner(ctx: Awaited<ReturnType<typeof world>>, id: string): string {
    const truth = ctx.backend.inspect.session(id);
    expect(truth.status).to.equal('ongoing');
    for (const service of ctx.agents) {
      expect(service.state.sessions[id]?.agentId, `${service.agentId}'s view of ${id}`).to.equal(truth.agentId);
    }
    const owners = ctx.agents.filter((s) => s.state.sessions[id]?.agentId === s.agentId);
    expect(owners).to.have.length(1);
    return truth.agentId!;
  }

  it('B01: 100 rounds of Answer / Get next / Accept transfer pressed at once: one owner each, the loser gets already-taken, nothing unhandled', async () => {
    const ctx = await world(31);
    const tally = { answer: 0, takeNext: 0, mixed: 0, transfer: 0, alreadyTaken: 0, queueEmpty: 0 };
    for (let round = 0; round < 100; round++) {
      const kind = round % 4;
      if (kind === 0) {
        // Both press "Answer" on the same queued chat.
        const id = ctx.backend.script.customerArrives({ channelId: 'support', name: `Q${round}`, text: 'Hi, my parcel is late' });
        await ctx.clock.advance(10);
        const outcomes = await settleAll(ctx.clock, ctx.agents.map((s) => s.answer(id)));
        expect(outcomes.filter((o) => o.ok)).to.have.length(1);
        expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.code)).to.deep.equal(['already-taken']);
        const loser = ctx.agents[outcomes.findIndex((o) => !o.ok)]!;
        expect(loser.state.notices.some((n) => n.code === 'taken' && n.sessionId === id)).to.equal(true);
        expect(loser.state.selectedSessionId).not.to.equal(id);
        expectOneOwner(ctx, id);
        tally.answer++;
        tally.alreadyTaken++;
      } else if (kind === 1) {
        // Both press "Get next in queue" with one or two chats waiting.
        const waiting = round % 8 === 1 ? 1 : 2;
        const ids = Array.from({ length: waiting }, (_, i) =>
          ctx.backend.script.customerArrives({ channelId: 'support', name: `N${round}-${i}`, text: 'Hello?' }),
        );
        await ctx.clock.advance(10);
        const outcomes = await settleAll(ctx.clock, ctx.agents.map((s) => s.takeNextInQueue()));
        const taken = outcomes.filter((o) => o.ok && o.value).map((o) => (o.ok ? (o.value as { id: string }).id : ''));
        expect(new Set(taken).size, 'never the same chat twice').to.equal(taken.length);
        expect(taken.length).to.equal(waiting);
        for (const o of outcomes) {
          if (!o.ok) expect(o.code).to.equal('already-taken');
          else if (!o.value) tally.queueEmpty++;
        }
        for (const id of ids) expectOneOwner(ctx, id);
        tally.takeNext++;
      } else if (kind === 2) {
        // One presses "Answer" on the oldest chat while the other presses "Get next in queue".
        const id = ctx.backend.script.customerArrives({ channelId: 'support', name: `M${round}`, text: 'Anyone?' });
        await ctx.clock.advance(10);
        const [a, b] = round % 8 === 2 ? [ctx.anna, ctx.ben] : [ctx.ben, ctx.anna];
        const outcomes = await settleAll(ctx.clock, [a.answer(id), b.takeNextInQueue()]);
        const winners = outcomes.filter((o) => o.ok && o.value);
        expect(winners).to.have.length(1);
        const loser = outcomes.find((o) => !(o.ok && o.value))!;
        if (!loser.ok) {
          expect(loser.code).to.equal('already-taken');
          tally.alreadyTaken++;
        } else {
          tally.queueEmpty++; // Get next found the queue empty: not a double answer either.
        }
        expectOneOwner(ctx, id);
        tally.mixed++;
      } else {
        // The owner asks the other to take over; the receiver presses Accept while the sender cancels.
        const id = ctx.backend.script.customerArrives({ channelId: 'support', name: `T${round}`, text: 'Transfer me' });
        await ctx.clock.advance(10);
        const [from, to] = round % 8 === 3 ? [ctx.anna, ctx.ben] : [ctx.ben, ctx.anna];
        await done(ctx.clock, from.answer(id));
        await ctx.clock.advance(50);
        await done(ctx.clock, from.requestTransfer(id, to.agentId));
        await ctx.clock.advance(50);
        const outcomes = await settleAll(ctx.clock, [to.acceptTransfer(id), from.cancelTransfer(id)]);
        expect(outcomes.filter((o) => o.ok)).to.have.length(1);
        const lost = outcomes.find((o) => !o.ok)!;
        expect(!lost.ok && lost.code).to.equal('already-taken');
        const owner = expectOneOwner(ctx, id);
        expect(owner).to.equal(outcomes[0]!.ok ? to.agentId : from.agentId);
        expect(ctx.backend.inspect.session(id).transferTo).to.equal(undefined);
        tally.transfer++;
        tally.alreadyTaken++;
      }
    }
    await ctx.clock.advance(10_000);
    console.log(`RACES: ${JSON.stringify(tally)}, unhandled rejections: ${unhandled.length}`);
    expect(unhandled).to.deep.equal([]);
    expect(tally.answer + tally.takeNext + tally.mixed + tally.transfer).to.equal(100);
    // Every chat of the test has at most one owner in every view.
    for (const session of ctx.backend.inspect.sessions()) {
      const owners = ctx.agents.filter((s) => s.state.sessions[session.id]?.status === 'ongoing' && s.state.sessions[session.id]?.agentId === s.agentId);
      expect(owners.length).to.be.at.most(1);
    }
    for (const s of ctx.agents) s.dispose();
    ctx.backend.dispose();
  });

  it('B01: a repeated Accept after winning resolves the same session (a retry after a lost answer is safe)', async () => {
    const ctx = await world(41);
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
    await ctx.clock.advance(10);
    await done(ctx.clock, ctx.anna.answer(id));
    await done(ctx.clock, ctx.anna.requestTransfer(id, 'ben'));
    await ctx.clock.advance(50);
    const outcomes = await settleAll(ctx.clock, [ctx.ben.acceptTransfer(id), ctx.ben.acceptTransfer(id)]);
    expect(outcomes.every((o) => o.ok)).to.equal(true);
    expect(expectOneOwner(ctx, id)).to.equal('ben');
    expect(ctx.backend.inspect.messages(id).filter((m) => m.systemEvent === 'transferred')).to.have.length(1);
    expect(unhandled).to.deep.equal([]);
  });
});
