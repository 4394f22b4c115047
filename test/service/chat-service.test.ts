import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import type { ChatMessage } from '../../src/model/message.js';
import { ChatService, mergeMessages } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { RECENT_WINDOW_MS } from '../../src/service/selectors.js';
import { startSend } from './send.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

async function make(options: { sendTimeoutMs?: number } = {}) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 3, clock, autoplay: false });
  const service = new ChatService({ backend, clock, sendTimeoutMs: options.sendTimeoutMs });
  await service.ready;
  return { clock, backend, service };
}

/** A customer arrives and the current agent answers: an ongoing session of the service's agent. */
async function ongoing(ctx: Awaited<ReturnType<typeof make>>, text = 'Hello, my parcel is late') {
  const id = ctx.backend.script.customerArrives({ name: 'Mira Okafor', email: 'mira@example.org', text });
  await tick();
  await ctx.service.answer(id);
  return id;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ChatService', () => {
  it('loads the agent, channels and capabilities from the adapter snapshot', async () => {
    const { service } = await make();
    expect(service.state.status).to.equal('ready');
    expect(service.state.agents[service.agentId]?.name).to.be.a('string').and.not.be.empty;
    expect(Object.keys(service.state.channels)).to.include.members(['sales', 'support', 'webshop-nl']);
    expect(service.state.capabilities?.maxFileSize).to.equal(10 * 1024 * 1024);
  });

  it('lists queued chats oldest first and takes the oldest with takeNextInQueue', async () => {
    const ctx = await make();
    const first = ctx.backend.script.customerArrives({ name: 'First', text: 'one' });
    await ctx.clock.advance(1000);
    const second = ctx.backend.script.customerArrives({ name: 'Second', text: 'two' });
    await ctx.clock.advance(1000);
    const third = ctx.backend.script.customerArrives({ name: 'Third', text: 'three' });
    await tick();
    const queue = await firstValueFrom(ctx.service.queue$);
    expect(queue.map((s) => s.id)).to.deep.equal([first, second, third]);
    expect(await firstValueFrom(ctx.service.queueCount$)).to.equal(3);

    const taken = await ctx.service.takeNextInQueue();
    expect(taken?.id).to.equal(first);
    expect(ctx.service.state.selectedSessionId).to.equal(first);
    expect(await firstValueFrom(ctx.service.queueCount$)).to.equal(2);
    expect(await firstValueFrom(ctx.service.handlingCount$)).to.equal(1);
  });

  it('resolves null and raises a queue-empty notice when the queue is empty', async () => {
    const { service } = await make();
    expect(await service.takeNextInQueue()).to.equal(null);
    expect(service.state.notices.map((n) => n.code)).to.deep.equal(['queue-empty']);
  });

  it('lets an info notice go by itself after 8 seconds', async () => {
    const { service, clock } = await make();
    await service.takeNextInQueue();
    expect(service.state.notices).to.have.length(1);
    await clock.advance(7_999);
    expect(service.state.notices).to.have.length(1);
    await clock.advance(1);
    expect(service.state.notices).to.have.length(0);
  });

  it('lets exactly one of two agents take the last queued chat; the other gets already-taken', async () => {
    const ctx = await make();
    const ben = new ChatService({ backend: ctx.backend.forAgent('ben'), clock: ctx.clock });
    await ben.ready;
    const id = ctx.backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    await tick();
    const results = await Promise.allSettled([ctx.service.answer(id), ben.answer(id)]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).to.have.length(1);
    expect(rejected).to.have.length(1);
    expect(rejected[0]!.reason).to.be.instanceOf(ChatBackendError);
    expect((rejected[0]!.reason as ChatBackendError).code).to.equal('already-taken');
    await tick();
    const owners = [ctx.service, ben].map((s) => s.state.sessions[id]?.agentId);
    expect(owners[0]).to.equal(owners[1]);
    const loser = results[0]!.status === 'rejected' ? ctx.service : ben;
    expect(loser.state.notices.map((n) => n.code)).to.include('taken');
    expect(await firstValueFrom(loser.queueCount$)).to.equal(0);
    ben.dispose();
  });

  it('never hands the same chat to two agents pressing "Get next in queue" at once', async () => {
    const ctx = await make();
    const ben = new ChatService({ backend: ctx.backend.forAgent('ben'), clock: ctx.clock });
    await ben.ready;
    ctx.backend.script.customerArrives({ name: 'A', text: 'a' });
    ctx.backend.script.customerArrives({ name: 'B', text: 'b' });
    await tick();
    const [mine, bens] = await Promise.all([ctx.service.takeNextInQueue(), ben.takeNextInQueue()]);
    expect(mine).to.not.equal(null);
    expect(bens).to.not.equal(null);
    expect(mine!.id).to.not.equal(bens!.id);
    const [again1, again2] = await Promise.all([ctx.service.takeNextInQueue(), ben.takeNextInQueue()]);
    expect(again1).to.equal(null);
    expect(again2).to.equal(null);
    ben.dispose();
  });

  describe('optimistic send', () => {
    it('shows the message as sending at once and as sent, once, after the adapter confirms', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      ctx.service.watchSession(id);
      await tick();
      const before = ctx.service.state.histories[id]!.items.length;
      const { clientId, outcome } = startSend(ctx.service, id, '  Thanks, Mira – checking now  ');
      const pending = ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!;
      expect(pending.status).to.equal('sending');
      expect(pending.text).to.equal('Thanks, Mira – checking now');
      expect(ctx.service.state.drafts[id]).to.equal('');
      await tick();
      const items = ctx.service.state.histories[id]!.items;
      expect(items).to.have.length(before + 1);
      const sent = items.find((m) => m.clientId === clientId)!;
      expect(sent.status).to.equal('sent');
      expect(sent.id).to.not.equal(clientId);
      expect(await outcome).to.deep.equal({ sent: clientId });
      expect(ctx.backend.inspect.messages(id).filter((m) => m.clientId === clientId)).to.have.length(1);
    });

    it('keeps one bubble when the echo event arrives before the send promise resolves', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      ctx.service.watchSession(id);
      await tick();
      const gate = deferred<ChatMessage>();
      const real = ctx.backend.sendMessage.bind(ctx.backend);
      ctx.backend.sendMessage = async (sessionId, input) => {
        const stored = await real(sessionId, input); // pushes the echo event
        return gate.promise.then(() => stored);
      };
      const { clientId } = startSend(ctx.service, id, 'Echo first');
      await tick();
      expect(ctx.service.state.histories[id]!.items.filter((m) => m.clientId === clientId)).to.have.length(1);
      gate.resolve(undefined as unknown as ChatMessage);
      await tick();
      const copies = ctx.service.state.histories[id]!.items.filter((m) => m.text === 'Echo first');
      expect(copies).to.have.length(1);
      expect(copies[0]!.status).to.equal('sent');
    });

    it('marks a rejected send failed, keeps its text, and retries with the same client id without duplicates', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      ctx.service.watchSession(id);
      await tick();
      const real = ctx.backend.sendMessage.bind(ctx.backend);
      const calls: string[] = [];
      let fail = true;
      ctx.backend.sendMessage = (sessionId, input) => {
        calls.push(input.clientId);
        return fail ? Promise.reject(new ChatBackendError('network', 'offline')) : real(sessionId, input);
      };
      const { clientId, outcome } = startSend(ctx.service, id, 'Could you share the order number?');
      await tick();
      const { error } = await outcome;
      expect(error).to.be.instanceOf(ChatBackendError);
      expect(error?.code).to.equal('network');
      expect(error?.details.clientId).to.equal(clientId);
      let message = ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!;
      expect(message.status).to.equal('failed');
      expect(message.errorCode).to.equal('network');
      expect(message.text).to.equal('Could you share the order number?');

      fail = false;
      const retried = ctx.service.retrySend(id, clientId);
      expect(ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!.status).to.equal('sending');
      expect(await retried).to.equal(clientId);
      message = ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!;
      expect(message.status).to.equal('sent');
      expect(calls).to.deep.equal([clientId, clientId]);
      expect(ctx.service.state.histories[id]!.items.filter((m) => m.text === 'Could you share the order number?')).to.have.length(1);
      expect(ctx.backend.inspect.messages(id).filter((m) => m.clientId === clientId)).to.have.length(1);
    });

    it('turns a send that never settles into failed after the send timeout', async () => {
      const ctx = await make({ sendTimeoutMs: 5000 });
      const id = await ongoing(ctx);
      ctx.service.watchSession(id);
      await tick();
      const gate = deferred<ChatMessage>();
      ctx.backend.sendMessage = () => gate.promise;
      const { clientId } = startSend(ctx.service, id, 'Are you still there?');
      await ctx.clock.advance(4999);
      expect(ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!.status).to.equal('sending');
      await ctx.clock.advance(1);
      const failed = ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!;
      expect(failed.status).to.equal('failed');
      expect(failed.errorCode).to.equal('timeout');
    });

    it('upgrades a timed-out message to sent when the late confirmation arrives, without a copy', async () => {
      const ctx = await make({ sendTimeoutMs: 1000 });
      const id = await ongoing(ctx);
      ctx.service.watchSession(id);
      await tick();
      const real = ctx.backend.sendMessage.bind(ctx.backend);
      const gate = deferred<void>();
      ctx.backend.sendMessage = async (sessionId, input) => {
        await gate.promise;
        return real(sessionId, input);
      };
      const { clientId } = startSend(ctx.service, id, 'Late but delivered');
      await ctx.clock.advance(1000);
      expect(ctx.service.state.histories[id]!.items.find((m) => m.clientId === clientId)!.status).to.equal('failed');
      gate.resolve();
      await tick();
      await tick();
      const copies = ctx.service.state.histories[id]!.items.filter((m) => m.clientId === clientId);
      expect(copies).to.have.length(1);
      expect(copies[0]!.status).to.equal('sent');
    });

    it('refuses empty messages and messages in chats the agent does not handle', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      // Refused before anything is shown or sent: the promise rejects, nothing is thrown at once.
      let empty: Promise<string> | undefined;
      expect(() => (empty = ctx.service.sendMessage(id, '   '))).to.not.throw();
      expect(await empty!.catch((e: unknown) => e)).to.be.instanceOf(ChatBackendError).with.property('code', 'invalid-input');
      expect(ctx.service.sendRefusal(id, '   ')?.code).to.equal('invalid-input');
      expect(ctx.service.sendRefusal(id, 'Fine')).to.equal(null);
      const other = ctx.backend.script.customerArrives({ name: 'Other', text: 'hi' });
      ctx.backend.script.agentAnswers('a2', other);
      await tick();
      expect(await ctx.service.sendMessage(other, 'Hi!').catch((e: unknown) => e)).to.be.instanceOf(ChatBackendError).with.property('code', 'not-permitted');
      expect(ctx.service.sendRefusal(other, 'Hi!')?.code).to.equal('not-permitted');
      expect(ctx.service.state.histories[other]?.items.some((m) => m.text === 'Hi!') ?? false).to.equal(false);
      expect(ctx.backend.inspect.messages(other).some((m) => m.text === 'Hi!')).to.equal(false);
    });

    it('puts the text of a discarded failed message back into an empty composer', async () => {
      const ctx = await make();
      const id = await ongoing(ctx);
      ctx.service.watchSession(id);
      await tick();
      ctx.backend.sendMessage = () => Promise.reject(new ChatBackendError('network', 'offline'));
      const { clientId } = startSend(ctx.service, id, 'Keep me');
      await tick();
      ctx.service.discardFailed(id, clientId);
      expect(ctx.service.state.histories[id]!.items.some((m) => m.clientId === clientId)).to.equal(false);
      expect(ctx.service.state.drafts[id]).to.equal('Keep me');
    });
  });

  it('keeps drafts per session', async () => {
    const ctx = await make();
    const a = await ongoing(ctx);
    const b = await ongoing(ctx, 'Second customer');
    ctx.service.setDraft(a, 'for A');
    ctx.service.setDraft(b, 'for B');
    expect(await firstValueFrom(ctx.service.draft$(a))).to.equal('for A');
    expect(await firstValueFrom(ctx.service.draft$(b))).to.equal('for B');
  });

  it('counts unread customer messages and clears them while the conversation is watched', async () => {
    const ctx = await make();
    const id = await ongoing(ctx);
    ctx.backend.script.customerWrites(id, 'Are you there?');
    ctx.backend.script.customerWrites(id, 'Hello?');
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.be.greaterThan(0);
    const release = ctx.service.watchSession(id);
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(0);
    ctx.backend.script.customerWrites(id, 'Still here');
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(0);
    expect(ctx.backend.inspect.sessions().find((s) => s.id === id)!.unreadCount).to.equal(0);
    release();
    ctx.backend.script.customerWrites(id, 'Bye?');
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(1);
  });

  it('a watch without read (the conversation kept but hidden) loads the history and leaves new messages unread; one that reads marks them', async () => {
    const ctx = await make();
    const id = await ongoing(ctx);
    ctx.backend.script.customerWrites(id, 'Are you there?');
    await tick();
    const unread = ctx.service.state.sessions[id]!.unreadCount;
    expect(unread).to.be.greaterThan(0);
    const hidden = ctx.service.watchSession(id, { read: false });
    await tick();
    expect(ctx.service.state.histories[id]!.loaded, 'history loaded').to.equal(true);
    expect(ctx.service.state.sessions[id]!.unreadCount, 'not marked read').to.equal(unread);
    ctx.backend.script.customerWrites(id, 'Hello?');
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(unread + 1);
    expect(ctx.backend.inspect.sessions().find((s) => s.id === id)!.unreadCount, 'nor at the backend').to.equal(unread + 1);
    // Shown again: read at once and kept read while it reads.
    const seen = ctx.service.watchSession(id);
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(0);
    ctx.backend.script.customerWrites(id, 'Still here');
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(0);
    // Hidden again: unread counts once more.
    seen();
    ctx.backend.script.customerWrites(id, 'Bye?');
    await tick();
    expect(ctx.service.state.sessions[id]!.unreadCount).to.equal(1);
    hidden();
  });

  it('keeps an ended chat in the recent list for exactly 8 hours', async () => {
    const ctx = await make();
    const id = await ongoing(ctx);
    await ctx.service.endSession(id);
    let mine = await firstValueFrom(ctx.service.mySessions$);
    expect(mine.active.map((s) => s.id)).to.not.include(id);
    expect(mine.recent.map((s) => s.id)).to.include(id);
    await ctx.clock.advance(RECENT_WINDOW_MS - 1000);
    mine = await firstValueFrom(ctx.service.mySessions$);
    expect(mine.recent.map((s) => s.id)).to.include(id);
    await ctx.clock.advance(2000);
    mine = await firstValueFrom(ctx.service.mySessions$);
    expect(mine.recent.map((s) => s.id)).to.not.include(id);
  });

  it('refuses to end or transfer a chat the agent does not handle', async () => {
    const ctx = await make();
    const other = ctx.backend.script.customerArrives({ name: 'Other', text: 'hi' });
    ctx.backend.script.agentAnswers('a2', other);
    await tick();
    let error: unknown;
    await ctx.service.endSession(other).catch((e) => (error = e));
    expect((error as ChatBackendError).code).to.equal('not-permitted');
    await ctx.service.requestTransfer(other, 'a3').catch((e) => (error = e));
    expect((error as ChatBackendError).code).to.equal('not-permitted');
  });

  it('refuses a transfer to an away agent', async () => {
    const ctx = await make();
    const id = await ongoing(ctx);
    const away = Object.values(ctx.service.state.agents).find((a) => a.presence === 'away' && a.id !== ctx.service.agentId);
    expect(away, 'the demo has an away agent').to.exist;
    let error: unknown;
    await ctx.service.requestTransfer(id, away!.id).catch((e) => (error = e));
    expect((error as ChatBackendError).code).to.equal('not-permitted');
  });

  it('reports new queued chats on incoming$ and failures on errors$', async () => {
    const ctx = await make();
    const incoming: string[] = [];
    const errors: string[] = [];
    ctx.service.incoming$.subscribe((s) => incoming.push(s.id));
    ctx.service.errors$.subscribe((e) => errors.push(`${e.command}:${e.code}`));
    const id = ctx.backend.script.customerArrives({ name: 'New', text: 'hello' });
    await tick();
    expect(incoming).to.deep.equal([id]);
    await ctx.service.answer('S999').catch(() => undefined);
    expect(errors).to.deep.equal(['answer:not-found']);
  });

  it('catches up on messages written while disconnected, without duplicates', async () => {
    const ctx = await make();
    const id = await ongoing(ctx);
    ctx.service.watchSession(id);
    await tick();
    ctx.backend.script.disconnect();
    await tick();
    expect(ctx.service.state.connection).to.equal('offline');
    ctx.backend.script.customerWrites(id, 'Written while you were away');
    ctx.backend.script.reconnect();
    await tick();
    await tick();
    await tick();
    expect(ctx.service.state.connection).to.equal('online');
    const texts = ctx.service.state.histories[id]!.items.map((m) => m.text);
    expect(texts.filter((t) => t === 'Written while you were away')).to.have.length(1);
    const truth = ctx.backend.inspect.messages(id).map((m) => m.id);
    expect(ctx.service.state.histories[id]!.items.map((m) => m.id)).to.deep.equal(truth);
  });

  it('closes its backend subscription on dispose', async () => {
    const clock = new FakeClock();
    const backend = new InMemoryChatBackend({ seed: 1, clock, autoplay: false });
    const baseline = backend.openSubscriptions;
    const service = new ChatService({ backend, clock });
    await service.ready;
    expect(backend.openSubscriptions).to.equal(baseline + 1);
    service.dispose();
    expect(backend.openSubscriptions).to.equal(baseline);
  });
});

describe('mergeMessages', () => {
  const message = (id: string, seq: number, sentAt: string, clientId?: string): ChatMessage => ({
    id,
    seq,
    sentAt,
    clientId,
    sessionId: 'S1',
    kind: 'from-customer',
    text: id,
    authorName: 'Mira',
    attachments: [],
  });

  it('orders by server time with a stable tie-break, whatever the arrival order (B06)', () => {
    const arrivals = [
      message('m3', 3, '2024-05-21T12:55:00Z'),
      message('m1', 1, '2024-05-17T15:43:00Z'),
      message('m2', 2, '2024-05-20T18:13:00Z'),
      message('m5', 5, '2024-05-21T13:00:00Z'),
      message('m4', 4, '2024-05-21T13:00:00Z'),
    ];
    let items = mergeMessages([], []);
    for (const m of arrivals) items = mergeMessages(items, [m]);
    expect(items.map((m) => m.id)).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(mergeMessages(items, arrivals)).to.equal(items);
  });

  it('appends a newer message to a long history and keeps the earlier views; an older page or a message behind a pending one is sorted in', () => {
    const at = (i: number) => new Date(Date.UTC(2024, 4, 1) + i * 60_000).toISOString();
    let items = mergeMessages([], Array.from({ length: 2000 }, (_, i) => message(`m${i + 1000}`, i + 1000, at(i + 1000))));
    const before = items;
    items = mergeMessages(items, [message('m3000', 3000, at(3000))]);
    expect(items).to.have.length(2001);
    expect(items.at(-1)!.id).to.equal('m3000');
    expect(items.slice(0, 2000).every((m, i) => m === before[i]), 'earlier views kept').to.equal(true);
    // An older page arrives (scrolling up): it goes in front, in order.
    items = mergeMessages(items, Array.from({ length: 3 }, (_, i) => message(`m${997 + i}`, 997 + i, at(997 + i))));
    expect(items.slice(0, 4).map((m) => m.id)).to.deep.equal(['m997', 'm998', 'm999', 'm1000']);
    // A message sent by the agent and not confirmed yet stays last when a customer message arrives.
    const pending = { ...message('c1', 0, at(3001), 'c1'), status: 'sending' as const };
    items = mergeMessages([...items, pending], [message('m3002', 3002, at(3002))]);
    expect(items.slice(-3).map((m) => m.id)).to.deep.equal(['m3000', 'm3002', 'c1']);
  });

  it('replaces an optimistic message by its stored copy, matched by client id', () => {
    const optimistic = { ...message('c1', 0, '2024-05-21T13:00:00Z', 'c1'), status: 'sending' as const };
    const merged = mergeMessages([optimistic], [message('M9', 9, '2024-05-21T13:00:01Z', 'c1')]);
    expect(merged).to.have.length(1);
    expect(merged[0]).to.include({ id: 'M9', status: 'sent', clientId: 'c1' });
  });
});
