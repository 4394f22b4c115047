/**
 * Soak: two agents on one demo backend, each behind the fault-injecting wrapper (10 % of commands
 * fail, 5 % of events duplicated, 5 % reordered, an outage after every 100 events), play
 * customers, answers, messages in both directions and endings on the FakeClock. Afterwards each
 * agent's state must equal the backend's truth. Prints its figures.
 *
 * Size: the size (200 sessions, 1,200 customer and agent lines) runs in CI; `SOAK=full`
 * (e.g. `SOAK=full NO_COVERAGE=1 npx web-test-runner --files test/reliability/soak.test.ts`) runs
 * 400 sessions with 5 lines each way per session (4,000 lines).
 */
import { expect } from '@open-wc/testing';
import type { ChatBackendAdapter } from '../../src/backend/adapter.js';
import { isChatError } from '../../src/backend/errors.js';
import { type FaultyAdapter, withFaults } from '../../src/backend/fault-injection.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { handlingCount, incomingCount } from '../../src/service/selectors.js';

/**
 * Send as the composer does: a refusal (the chat is not the agent's, or not ongoing) throws at
 * once; a failed delivery stays in the history as failed, for the agent's Retry (retryFailed()).
 */
function composerSend(service: ChatService, id: string, text: string): void {
  const refusal = service.sendRefusal(id, text);
  if (refusal) throw refusal;
  service.sendMessage(id, text).catch(() => undefined);
}

const FULL = (globalThis as { __SOAK__?: string }).__SOAK__ === 'full';
const SIZE = FULL
  ? { sessions: 400, batch: 20, linesEach: 5 }
  : { sessions: 200, batch: 20, linesEach: 3 };

const FAULTS = { failureRate: 0.1, duplicateRate: 0.05, reorderRate: 0.05, disconnectEvery: 100, reconnectAfterMs: 500, replayOnReconnect: 10 };

interface Agent {
  readonly name: string;
  readonly inner: ChatBackendAdapter;
  readonly faulty: FaultyAdapter;
  readonly service: ChatService;
  readonly watched: Set<string>;
  customerLines: number;
  agentLines: number;
  commandErrors: Record<string, number>;
}

describe('Soak under injected faults', () => {
  it(`two agents, ${SIZE.sessions} sessions, messages both ways: nothing lost, doubled or out of order; badges exact`, async function () {
    this.timeout(FULL ? 300_000 : 60_000);
    const started = performance.now();
    const clock = new FakeClock('2026-11-30T08:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 11, clock, autoplay: false });
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);

    const makeAgent = (name: string, inner: ChatBackendAdapter, seed: number): Agent => {
      const faulty = withFaults(inner, { clock, seed, ...FAULTS });
      const service = new ChatService({ backend: faulty, clock, sendTimeoutMs: 5_000, retryDelayMs: 1_000 });
      return { name, inner, faulty, service, watched: new Set(), customerLines: 0, agentLines: 0, commandErrors: {} };
    };
    const anna = makeAgent('anna', backend, 101);
    const ben = makeAgent('ben', backend.forAgent('ben'), 202);
    const agents = [anna, ben];
    const rest = (ms = 50) => clock.advance(ms);
    const countError = (agent: Agent, error: unknown) => {
      const code = isChatError(error) ? error.code : 'other';
      agent.commandErrors[code] = (agent.commandErrors[code] ?? 0) + 1;
      return code;
    };

    /** Run a command the way an agent does: again after a network failure, or once the connection is back. */
    async function attempt(agent: Agent, command: () => unknown, tries = 40): Promise<string | null> {
      for (let i = 0; ; i++) {
        try {
          await command();
          return null;
        } catch (error) {
          const code = countError(agent, error);
          if (!['network', 'disconnected', 'timeout', 'not-permitted'].includes(code) || i >= tries) return code;
          await rest(300);
        }
      }
    }

    // Both services load (a failed first load is retried by the service).
    for (let i = 0; i < 100 && agents.some((a) => a.service.state.status !== 'ready'); i++) await rest(500);
    expect(agents.map((a) => a.service.state.status)).to.deep.equal(['ready', 'ready']);

    const sessionIds: string[] = [];
    let transfers = 0;
    for (let start = 0; start < SIZE.sessions; start += SIZE.batch) {
      const batch: string[] = [];
      for (let i = start; i < Math.min(SIZE.sessions, start + SIZE.batch); i++) {
        batch.push(backend.script.customerArrives({ channelId: 'support', name: `Customer ${i}`, text: `Hello, I am customer ${i}` }));
        await rest(20);
      }
      sessionIds.push(...batch);
      // Both agents press "Get next in queue" at once until the batch is taken.
      for (let round = 0; round < 200 && batch.some((id) => backend.inspect.session(id).status === 'queued'); round++) {
        await Promise.all(agents.map((a) => a.service.takeNextInQueue().catch((e) => countError(a, e))));
        await rest(100);
      }
      await rest(1000);
      // Each owner opens its chats, and both sides write.
      for (const id of batch) {
        const owner = agents.find((a) => a.inner.agentId === backend.inspect.session(id).agentId)!;
        if (!owner.watched.has(id)) {
          owner.watched.add(id);
          owner.service.watchSession(id);
        }
      }
      for (let line = 0; line < SIZE.linesEach; line++) {
        for (const id of batch) {
          const owner = agents.find((a) => a.inner.agentId === backend.inspect.session(id).agentId)!;
          backend.script.customerWrites(id, `Customer line ${line} in ${id}`);
          owner.customerLines++;
          const refused = await attempt(owner, () => composerSend(owner.service, id, `Agent line ${line} in ${id}`));
          if (refused) throw new Error(`send in ${id} refused: ${refused}`);
          owner.agentLines++;
          await rest(30);
        }
      }
      // Failed sends are retried by the agent (same client id) until the backend has them.
      await retryFailed();
      // Every fourth chat is handed to the other agent: a transfer request, accepted.
      for (const [i, id] of batch.entries()) {
        if (i % 4 !== 3) continue;
        const from = agents.find((a) => a.inner.agentId === backend.inspect.session(id).agentId)!;
        const to = agents.find((a) => a !== from)!;
        await attempt(from, () => from.service.requestTransfer(id, to.inner.agentId));
        await rest(300);
        if (backend.inspect.session(id).transferTo?.toAgentId !== to.inner.agentId) continue;
        await attempt(to, () => to.service.acceptTransfer(id));
        await rest(300);
        if (backend.inspect.session(id).agentId === to.inner.agentId) {
          transfers++;
          if (!to.watched.has(id)) {
            to.watched.add(id);
            to.service.watchSession(id);
          }
          backend.script.customerWrites(id, `After the transfer of ${id}`);
          to.customerLines++;
          const refused = await attempt(to, () => composerSend(to.service, id, `Taking over ${id}`));
          if (refused) throw new Error(`send after transfer in ${id} refused: ${refused}`);
          to.agentLines++;
        }
      }
      await retryFailed();
      // Half the chats end by the agent, a quarter by the customer leaving; the rest stay open.
      for (const [i, id] of batch.entries()) {
        const owner = agents.find((a) => a.inner.agentId === backend.inspect.session(id).agentId)!;
        if (i % 4 < 2) await attempt(owner, () => owner.service.endSession(id));
        else if (i % 4 === 2) backend.script.customerLeaves(id);
        await rest(30);
      }
    }

    async function retryFailed(): Promise<void> {
      for (let round = 0; round < 100; round++) {
        await rest(6_000);
        let failed = 0;
        for (const agent of agents) {
          for (const [sessionId, history] of Object.entries(agent.service.state.histories)) {
            for (const m of history.items.filter((item) => item.status === 'failed')) {
              failed++;
              agent.service.retrySend(sessionId, m.clientId!).catch((error: unknown) => countError(agent, error));
            }
          }
        }
        if (failed === 0 && agents.every((a) => !Object.values(a.service.state.histories).some((h) => h.items.some((m) => m.status === 'sending')))) return;
      }
    }

    // Let everything settle: retries, held events, reconnects (the faults stay on).
    await retryFailed();
    await rest(30_000);
    await retryFailed();

    // ---- compare each agent's state with the backend's truth
    const figures: Record<string, unknown>[] = [];
    for (const agent of agents) {
      const state = agent.service.state;
      const snapshot = await agent.inner.getSnapshot();
      const truthSessions = Object.fromEntries(snapshot.sessions.map((s) => [s.id, s]));
      let sessionsWrong = 0;
      for (const id of new Set([...Object.keys(truthSessions), ...Object.keys(state.sessions)])) {
        if (JSON.stringify(state.sessions[id]) !== JSON.stringify(truthSessions[id])) sessionsWrong++;
      }
      let lost = 0;
      let duplicated = 0;
      let outOfOrder = 0;
      let unconfirmed = 0;
      let checked = 0;
      for (const id of agent.watched) {
        const truth = backend.inspect.messages(id);
        const items = state.histories[id]?.items ?? [];
        const index = new Map(truth.map((m, i) => [m.id, i]));
        const seen = new Map<string, number>();
        for (const m of items) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
        lost += truth.filter((m) => !seen.has(m.id)).length;
        duplicated += [...seen.values()].reduce((n, c) => n + c - 1, 0) + items.filter((m) => !index.has(m.id)).length;
        unconfirmed += items.filter((m) => m.status !== 'sent').length;
        for (let i = 1; i < items.length; i++) if ((index.get(items[i]!.id) ?? -1) < (index.get(items[i - 1]!.id) ?? -1)) outOfOrder++;
        checked += truth.length;
      }
      const truthState = { ...state, sessions: truthSessions };
      figures.push({
        agent: agent.name,
        sessionsHeld: Object.keys(state.sessions).length,
        sessionsWrong,
        messagesChecked: checked,
        lost,
        duplicated,
        outOfOrder,
        unconfirmed,
        handlingBadge: `${handlingCount(state)}/${handlingCount(truthState)}`,
        queueBadge: `${incomingCount(state)}/${incomingCount(truthState)}`,
        unreadWrong: Object.values(truthSessions).filter((s) => state.sessions[s.id]?.unreadCount !== s.unreadCount).length,
        customerLines: agent.customerLines,
        agentLines: agent.agentLines,
        commandErrors: agent.commandErrors,
        faults: { ...agent.faulty.faults.stats },
      });
    }
    let doubleOwned = 0;
    for (const id of sessionIds) {
      const owners = agents.filter((a) => {
        const s = a.service.state.sessions[id];
        return s?.status === 'ongoing' && s.agentId === a.inner.agentId;
      });
      if (owners.length > 1) doubleOwned++;
    }
    const totalMessages = sessionIds.reduce((n, id) => n + backend.inspect.messages(id).length, 0);
    console.log(
      `SOAK ${FULL ? 'full' : 'CI'}: ${sessionIds.length} sessions, ${totalMessages} stored messages, ` +
        `${anna.customerLines + ben.customerLines} customer + ${anna.agentLines + ben.agentLines} agent lines, ` +
        `${transfers} transfers, ${doubleOwned} chats owned twice, ${unhandled.length} unhandled rejections, ${Math.round(performance.now() - started)} ms\n` +
        figures.map((f) => JSON.stringify(f)).join('\n'),
    );
    window.removeEventListener('unhandledrejection', onUnhandled);
    for (const agent of agents) agent.service.dispose();
    backend.dispose();

    for (const f of figures) {
      expect(f, String(f.agent)).to.include({ sessionsWrong: 0, lost: 0, duplicated: 0, outOfOrder: 0, unconfirmed: 0, unreadWrong: 0 });
      const [shown, truth] = String(f.handlingBadge).split('/');
      expect(shown, 'handling badge').to.equal(truth);
      const [queued, queuedTruth] = String(f.queueBadge).split('/');
      expect(queued, 'queue badge').to.equal(queuedTruth);
      const faults = f.faults as { disconnects: number; lostResponses: number; failedBefore: number; duplicated: number; reordered: number };
      expect(faults.disconnects, 'outages happened').to.be.greaterThan(5);
      expect(faults.failedBefore + faults.lostResponses, 'failures happened').to.be.greaterThan(20);
      expect(faults.duplicated + faults.reordered, 'event faults happened').to.be.greaterThan(20);
    }
    expect(doubleOwned).to.equal(0);
    expect(transfers, 'transfers accepted').to.be.greaterThan(SIZE.sessions / 8);
    expect(unhandled).to.deep.equal([]);
    expect(anna.customerLines + ben.customerLines + anna.agentLines + ben.agentLines).to.be.at.least(1000);
    expect(sessionIds.length).to.be.at.least(200);
  });
});
