/**
 * The chat service under injected faults (no DOM): timeouts, lost answers, outages with replay,
 * dropped, repeated and late events, commands while offline. Everything runs on a FakeClock.
 */
import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import type { SendMessageInput } from '../../src/backend/adapter.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import { type FaultOptions, withFaults } from '../../src/backend/fault-injection.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService, type ChatServiceError } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { compareMessages, handlingCount, incomingCount } from '../../src/service/selectors.js';
import { startSend } from '../service/send.js';



async function make(faults: FaultOptions = {}, options: { sendTimeoutMs?: number; retryDelayMs?: number } = {}) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 3, clock, autoplay: false });
  const faulty = withFaults(backend, { clock, seed: 1, ...faults });
  /** Every send the service made (through the faulty network). */
  const sent: SendMessageInput[] = [];
  const send = faulty.sendMessage.bind(faulty);
  faulty.sendMessage = (sessionId, input) => {
    sent.push(input);
    return send(sessionId, input);
  };
  const service = new ChatService({ backend: faulty, clock, ...options });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  await service.ready.catch(() => undefined);
  return { clock, backend, faulty, service, sent, errors };
}

type Ctx = Awaited<ReturnType<typeof make>>;

/** A customer arrives and the service's agent answers (faults paused meanwhile). */
async function ongoing(ctx: Ctx, text = 'Hi, my parcel is late'): Promise<string> {
  const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text });
  await ctx.clock.advance(1000);
  await ctx.service.answer(id);
  await ctx.clock.advance(1000);
  return id;
}

/** The service's view of a session's history equals the backend's messages: none lost, none twice, in order. */
function expectHistoryMatches(ctx: Ctx, sessionId: string): void {
  const truth = ctx.backend.inspect.messages(sessionId);
  const items = ctx.service.state.histories[sessionId]?.items ?? [];
  expect(items.map((m) => m.id), 'message ids in order').to.deep.equal(truth.map((m) => m.id));
  expect(items.every((m) => m.status === 'sent')).to.equal(true);
}

function expectSessionsMatch(ctx: Ctx): void {
  for (const truth of ctx.backend.inspect.sessions()) {
    const held = ctx.service.state.sessions[truth.id];
    expect(held, `session ${truth.id}`).to.deep.equal(truth);
  }
  const truthState = { ...ctx.service.state, sessions: Object.fromEntries(ctx.backend.inspect.sessions().map((s) => [s.id, s])) };
  expect(incomingCount(ctx.service.state)).to.equal(incomingCount(truthState));
  expect(handlingCount(ctx.service.state)).to.equal(handlingCount(truthState));
}

describe('ChatService under injected faults', () => {
  describe('sending', () => {
    it('B04: a send that never settles turns failed after the send timeout; Retry reuses the client id and ends with one sent message', async () => {
      const ctx = await make({}, { sendTimeoutMs: 15_000 });
      const id = await ongoing(ctx);
      const release = ctx.service.watchSession(id);
      await ctx.clock.advance(100);
      // A hang before the request reaches the backend: nothing stored.
      ctx.faulty.faults.configure({ hangRate: { sendMessage: 1 }, lostResponseShare: 0 });
      const { clientId, outcome } = startSend(ctx.service, id, 'Could you share the order number?');
      const view = () => ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!;
      await ctx.clock.advance(14_999);
      expect(view().status).to.equal('sending');
      await ctx.clock.advance(1);
      expect(view().status).to.equal('failed');
      expect(view().errorCode).to.equal('timeout');
      expect(view().text).to.equal('Could you share the order number?');
      const { error } = await outcome;
      expect(error?.code).to.equal('timeout');
      expect(error?.details.clientId).to.equal(clientId);
      ctx.faulty.faults.configure({ hangRate: 0 });
      const retried = ctx.service.retrySend(id, clientId);
      await ctx.clock.advance(100);
      expect(await retried).to.equal(clientId);
      expect(ctx.sent.map((s) => s.clientId)).to.deep.equal([clientId, clientId]);
      expect(view().status).to.equal('sent');
      expect(ctx.backend.inspect.messages(id).filter((m) => m.clientId === clientId)).to.have.length(1);
      expectHistoryMatches(ctx, id);
      release();
    });

    it('B04: a send whose answer never comes turns failed, and the stored message\'s echo confirms it', async () => {
      const ctx = await make({}, { sendTimeoutMs: 15_000 });
      const id = await ongoing(ctx);
      const release = ctx.service.watchSession(id);
      await ctx.clock.advance(100);
      ctx.faulty.faults.configure({ hangRate: { sendMessage: 1 }, lostResponseShare: 1, reorderRate: 1, maxHoldMs: 20_000 });
      const { clientId } = startSend(ctx.service, id, 'Stored, but the answer is lost');
      await ctx.clock.advance(15_000);
      const view = () => ctx.service.state.histories[id]!.items.filter((m) => m.clientId === clientId);
      expect(view().map((m) => m.status)).to.deep.equal(['failed']);
      await ctx.clock.advance(5_000);
      expect(view().map((m) => m.status)).to.deep.equal(['sent']);
      expectHistoryMatches(ctx, id);
      release();
    });

    it('B03: a lost answer marks the message failed; the echo of the stored message confirms it, never a second copy', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      const release = ctx.service.watchSession(id);
      await ctx.clock.advance(100);
      ctx.faulty.faults.configure({ failureRate: { sendMessage: 1 }, lostResponseShare: 1, reorderRate: 1 });
      const { clientId } = startSend(ctx.service, id, 'Thanks, Mira – checking now');
      await ctx.clock.advance(1000);
      const items = ctx.service.state.histories[id]!.items.filter((m) => m.clientId === clientId);
      expect(items).to.have.length(1);
      expect(items[0]!.status).to.equal('sent');
      expect(ctx.sent).to.have.length(1);
      expect(ctx.errors.some((e) => e.command === 'sendMessage' && e.code === 'network')).to.equal(true);
      expectHistoryMatches(ctx, id);
      release();
    });

    it('B03: a retry after a lost answer stores nothing twice and shows one sent bubble', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      ctx.faulty.faults.configure({ failureRate: { sendMessage: 1 }, lostResponseShare: 1, dropRate: 1 });
      const { clientId } = startSend(ctx.service, id, 'One message only');
      await ctx.clock.advance(100);
      const view = () => ctx.service.state.histories[id]!.items.filter((m) => m.clientId === clientId);
      expect(view().map((m) => m.status)).to.deep.equal(['failed']);
      ctx.faulty.faults.configure({ failureRate: 0, dropRate: 0 });
      void ctx.service.retrySend(id, clientId);
      await ctx.clock.advance(100);
      expect(view().map((m) => m.status)).to.deep.equal(['sent']);
      expect(ctx.sent.map((s) => s.clientId)).to.deep.equal([clientId, clientId]);
      expect(ctx.backend.inspect.messages(id).filter((m) => m.clientId === clientId)).to.have.length(1);
    });
  });

  describe('reconnecting', () => {
    it('re-synchronises sessions and catches up every loaded history after an outage, without duplicates', async () => {
      const ctx = await make({ replayOnReconnect: 8 });
      const id = await ongoing(ctx);
      const release = ctx.service.watchSession(id);
      await ctx.clock.advance(100);
      ctx.faulty.faults.disconnect(false);
      await ctx.clock.advance(10);
      expect(ctx.service.state.connection).to.equal('offline');
      for (let i = 0; i < 60; i++) ctx.backend.script.customerWrites(id, `While you were away ${i}`);
      const newcomer = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello?' });
      const other = ctx.backend.script.customerArrives({ channelId: 'sales', name: 'Ines', text: 'Anyone?' });
      ctx.backend.script.agentAnswers('a2', other);
      await ctx.clock.advance(100);
      expect(ctx.service.state.sessions[newcomer]).to.equal(undefined);
      ctx.faulty.faults.reconnect();
      await ctx.clock.advance(1000);
      expect(ctx.service.state.connection).to.equal('online');
      expectHistoryMatches(ctx, id);
      expectSessionsMatch(ctx);
      expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(0);
      release();
    });

    it('ignores replayed and late session updates that are older than what it holds', async () => {
      const ctx = await make({ replayOnReconnect: 50 });
      const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira', text: 'Hi' });
      await ctx.clock.advance(100);
      await ctx.service.answer(id);
      await ctx.service.endSession(id);
      await ctx.clock.advance(100);
      // The replay repeats "queued" and "ongoing" for this session after it ended.
      ctx.faulty.faults.disconnect(false);
      ctx.faulty.faults.reconnect();
      await ctx.clock.advance(100);
      expect(ctx.service.state.sessions[id]!.status).to.equal('ended');
      expectSessionsMatch(ctx);
    });

    it('a late update never undoes a newer one (the older revision is ignored)', async () => {
      const ctx = await make();
      ctx.faulty.faults.configure({ reorderRate: 1, reorderDepth: 1, maxHoldMs: 60_000 });
      const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Late', text: 'Hi' });
      ctx.faulty.faults.configure({ reorderRate: 0 });
      await ctx.clock.advance(10);
      ctx.backend.script.agentAnswers('a2', id);
      await ctx.clock.advance(10);
      // The "queued" update was held back and came after the newer ones.
      expect(ctx.faulty.faults.stats.reordered).to.equal(2);
      expect(ctx.service.state.sessions[id]!.status).to.equal('ongoing');
      expect(ctx.service.state.sessions[id]!.agentId).to.equal('a2');
      expectSessionsMatch(ctx);
    });

    it('fills a gap in a loaded history when a message event was dropped', async () => {
      const ctx = await make({}, { retryDelayMs: 2000 });
      const id = await ongoing(ctx);
      const release = ctx.service.watchSession(id);
      await ctx.clock.advance(100);
      ctx.faulty.faults.configure({ dropRate: 1 });
      ctx.backend.script.customerWrites(id, 'This one is dropped');
      await ctx.clock.advance(10);
      ctx.faulty.faults.configure({ dropRate: 0 });
      ctx.backend.script.customerWrites(id, 'This one arrives');
      await ctx.clock.advance(10);
      expect(ctx.service.state.histories[id]!.items.map((m) => m.text)).not.to.include('This one is dropped');
      await ctx.clock.advance(2000);
      expectHistoryMatches(ctx, id);
      release();
    });

    it('a first load that fails with a network error is tried again until the service is ready', async () => {
      const ctx = await make({ failureRate: { getSnapshot: 1 }, lostResponseShare: 0 }, { retryDelayMs: 1000 });
      expect(ctx.service.state.status).to.equal('error');
      expect(ctx.service.state.loadError?.code).to.equal('network');
      ctx.faulty.faults.configure({ failureRate: 0 });
      await ctx.clock.advance(1000);
      expect(ctx.service.state.status).to.equal('ready');
      expectSessionsMatch(ctx);
    });

    it('a re-synchronisation that fails keeps the screen usable and is tried again', async () => {
      const ctx = await make({}, { retryDelayMs: 1000 });
      const id = await ongoing(ctx);
      ctx.faulty.faults.disconnect(false);
      ctx.backend.script.customerWrites(id, 'Missed');
      ctx.faulty.faults.configure({ failureRate: { getSnapshot: 1 }, lostResponseShare: 0 });
      ctx.faulty.faults.reconnect();
      await ctx.clock.advance(10);
      expect(ctx.service.state.status).to.equal('ready');
      ctx.faulty.faults.configure({ failureRate: 0 });
      await ctx.clock.advance(1000);
      expectSessionsMatch(ctx);
    });
  });

  describe('order and counts', () => {
    it('B06: keeps messages in server-time order with a stable tie-break whatever the delivery order', async () => {
      const ctx = await make({ seed: 5, reorderRate: 0.5, duplicateRate: 0.3, reorderDepth: 4 });
      const id = await ongoing(ctx);
      const release = ctx.service.watchSession(id);
      await ctx.clock.advance(100);
      ctx.backend.script.customerWrites(id, 'm3', { at: '2026-11-30T08:55:00Z' });
      ctx.backend.script.customerWrites(id, 'm1', { at: '2026-11-30T08:43:00Z' });
      ctx.backend.script.customerWrites(id, 'm2', { at: '2026-11-30T08:50:00Z' });
      for (let i = 0; i < 20; i++) ctx.backend.script.customerWrites(id, `same-${i}`, { at: '2026-11-30T09:00:05Z' });
      await ctx.clock.advance(5000);
      const items = ctx.service.state.histories[id]!.items;
      const sorted = [...items].sort(compareMessages);
      expect(items.map((m) => m.id)).to.deep.equal(sorted.map((m) => m.id));
      const texts = items.map((m) => m.text);
      expect(texts.indexOf('m1')).to.be.below(texts.indexOf('m2'));
      expect(texts.indexOf('m2')).to.be.below(texts.indexOf('m3'));
      const same = texts.filter((t) => t.startsWith('same-'));
      expect(same).to.deep.equal(Array.from({ length: 20 }, (_, i) => `same-${i}`));
      expect(new Set(items.map((m) => m.id)).size).to.equal(items.length);
      release();
    });

    it('unread counts and badges converge to the backend\'s values under duplicated and reordered events', async () => {
      const ctx = await make({ seed: 9, reorderRate: 0.3, duplicateRate: 0.3, reorderDepth: 5 });
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        ids.push(ctx.backend.script.customerArrives({ channelId: 'support', name: `C${i}`, text: 'Hello' }));
      }
      await ctx.clock.advance(500);
      for (const id of ids.slice(0, 6)) await ctx.service.answer(id).catch(() => undefined);
      for (let round = 0; round < 5; round++) {
        for (const id of ids) ctx.backend.script.customerWrites(id, `round ${round}`);
        await ctx.clock.advance(50);
      }
      ctx.backend.script.agentAnswers('a2', ids[7]!);
      ctx.backend.script.customerLeaves(ids[8]!);
      await ctx.service.endSession(ids[0]!);
      await ctx.clock.advance(5000);
      expectSessionsMatch(ctx);
      expect(ctx.service.state.sessions[ids[1]!]!.unreadCount).to.equal(6);
    });
  });

  describe('drafts', () => {
    it('keeps a draft per session and sending in one session leaves the others alone', async () => {
      const ctx = await make();
      const a = await ongoing(ctx);
      const b = await ongoing(ctx, 'Second customer');
      ctx.service.setDraft(a, 'Draft for A');
      ctx.service.setDraft(b, 'Draft for B');
      ctx.service.sendMessage(a, 'Sent in A');
      expect(await firstValueFrom(ctx.service.draft$(a))).to.equal('');
      expect(await firstValueFrom(ctx.service.draft$(b))).to.equal('Draft for B');
    });
  });

  describe('commands while disconnected', () => {
    it('reject at once with a typed disconnected error and never reach the adapter', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      const queued = ctx.backend.script.customerArrives({ channelId: 'support', text: 'Waiting' });
      await ctx.clock.advance(100);
      ctx.faulty.faults.disconnect(false);
      await ctx.clock.advance(10);
      const before = ctx.faulty.faults.stats.commands;
      const codes = await Promise.all(
        [
          () => ctx.service.answer(queued),
          () => ctx.service.takeNextInQueue(),
          () => ctx.service.endSession(id),
          () => ctx.service.requestTransfer(id, 'a2'),
          () => ctx.service.setPresence('away'),
        ].map(async (command) => {
          try {
            await command();
            return 'resolved';
          } catch (error) {
            return error instanceof ChatBackendError ? error.code : String(error);
          }
        }),
      );
      expect(codes).to.deep.equal(Array(5).fill('disconnected'));
      expect(ctx.faulty.faults.stats.commands).to.equal(before);
      expect(ctx.errors.filter((e) => e.code === 'disconnected')).to.have.length(5);
    });

    it('a message written while disconnected shows as failed with its text, and Retry sends it once the connection is back', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      ctx.faulty.faults.disconnect(false);
      await ctx.clock.advance(10);
      const { clientId, outcome } = startSend(ctx.service, id, 'Written offline');
      expect((await outcome).error?.code).to.equal('disconnected');
      const view = () => ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!;
      expect(view().status).to.equal('failed');
      expect(view().errorCode).to.equal('disconnected');
      expect(ctx.errors.at(-1)?.code).to.equal('disconnected');
      const offline = await ctx.service.retrySend(id, clientId).catch((e: unknown) => e);
      expect(offline).to.be.instanceOf(ChatBackendError).and.have.property('code', 'disconnected');
      expect((offline as ChatBackendError).message).to.match(/Not connected/);
      expect((offline as ChatBackendError).details.clientId).to.equal(clientId);
      expect(view().status).to.equal('failed');
      ctx.faulty.faults.reconnect();
      await ctx.clock.advance(100);
      const retried = ctx.service.retrySend(id, clientId);
      await ctx.clock.advance(100);
      expect(await retried).to.equal(clientId);
      expect(view().status).to.equal('sent');
      expect(ctx.sent.map((s) => s.clientId)).to.deep.equal([clientId]);
    });

    it('a read mark that fails while a session is watched is tried again until the backend has it', async () => {
      const ctx = await make({}, { retryDelayMs: 1000 });
      const id = await ongoing(ctx);
      const release = ctx.service.watchSession(id);
      await ctx.clock.advance(100);
      ctx.faulty.faults.configure({ failureRate: { markRead: 1 }, lostResponseShare: 0 });
      ctx.backend.script.customerWrites(id, 'Are you there?');
      await ctx.clock.advance(100);
      expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(0);
      expect(ctx.backend.inspect.session(id).unreadCount).to.equal(1);
      ctx.faulty.faults.configure({ failureRate: 0 });
      await ctx.clock.advance(1000);
      expect(ctx.backend.inspect.session(id).unreadCount).to.equal(0);
      expectSessionsMatch(ctx);
      release();
    });
  });
});


