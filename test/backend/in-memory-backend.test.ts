import { expect } from '@open-wc/testing';
import type { BackendEvent } from '../../src/backend/adapter.js';
import { isChatError, type ChatBackendError } from '../../src/backend/errors.js';
import { InMemoryChatBackend, Random, UPLOAD_STEP_MS } from '../../src/backend/in-memory/index.js';
import type { ChatSession } from '../../src/model/session.js';
import { FakeClock } from '../../src/service/clock.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MiB = 1024 * 1024;

/** Let queued microtasks and one macrotask run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function rejection(promise: Promise<unknown>): Promise<ChatBackendError> {
  try {
    await promise;
  } catch (error) {
    if (isChatError(error)) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

function listen(backend: { events$: InMemoryChatBackend['events$'] }) {
  const events: BackendEvent[] = [];
  const subscription = backend.events$.subscribe((e) => events.push(e));
  return { events, stop: () => subscription.unsubscribe() };
}

describe('InMemoryChatBackend', () => {
  let clock: FakeClock;
  let backend: InMemoryChatBackend;

  beforeEach(() => {
    clock = new FakeClock('2026-11-30T09:00:00Z');
    backend = new InMemoryChatBackend({ clock, autoplay: false });
  });
  afterEach(() => backend.dispose());

  describe('random', () => {
    it('repeats the same sequence for the same seed and differs for another', () => {
      const a = new Random(42);
      const b = new Random(42);
      const c = new Random(43);
      const seqA = Array.from({ length: 5 }, () => a.next());
      expect(seqA).to.deep.equal(Array.from({ length: 5 }, () => b.next()));
      expect(seqA).not.to.deep.equal(Array.from({ length: 5 }, () => c.next()));
      expect(seqA.every((n) => n >= 0 && n < 1)).to.equal(true);
    });
  });

  describe('determinism and the simulator', () => {
    it('produces identical snapshots and event sequences for the same seed over 10 simulated minutes', async () => {
      const run = async () => {
        const fake = new FakeClock('2026-11-30T09:00:00Z');
        const demo = new InMemoryChatBackend({ seed: 3, clock: fake });
        const { events, stop } = listen(demo);
        const start = await demo.getSnapshot();
        for (let i = 0; i < 20; i++) await fake.advance(30_000);
        const end = await demo.getSnapshot();
        stop();
        demo.dispose();
        return { start, end, events };
      };
      const one = await run();
      const two = await run();
      expect(JSON.stringify(one.start)).to.equal(JSON.stringify(two.start));
      expect(JSON.stringify(one.events)).to.equal(JSON.stringify(two.events));
      expect(JSON.stringify(one.end)).to.equal(JSON.stringify(two.end));
      // The world moved: customers arrived and wrote.
      expect(one.events.filter((e) => e.type === 'message').length).to.be.greaterThan(3);
      expect(one.end.sessions.length).to.be.greaterThan(one.start.sessions.length);
    });

    it('starts a lived-in world: queue, colleagues, my ongoing chat with 1 unread, recent and missed chats', async () => {
      const demo = new InMemoryChatBackend({ clock });
      const sessions = demo.inspect.sessions();
      const now = clock.now();
      const queued = sessions.filter((s) => s.status === 'queued');
      const colleagues = sessions.filter((s) => s.status === 'ongoing' && s.agentId !== 'a1');
      const mine = sessions.filter((s) => s.status === 'ongoing' && s.agentId === 'a1');
      const ended = sessions.filter((s) => s.status === 'ended' && s.agentId === 'a1');
      const missed = sessions.filter((s) => s.status === 'missed');
      expect(queued).to.have.length(2);
      expect(colleagues.length).to.be.within(3, 4);
      expect(mine).to.have.length(1);
      expect(mine[0].unreadCount).to.equal(1);
      expect(mine[0].lastMessage?.kind).to.equal('from-customer');
      expect(ended.length).to.be.at.least(3);
      const ages = ended.map((s) => now - Date.parse(s.endedAt!));
      expect(ages.every((age) => age < 8 * HOUR)).to.equal(true);
      expect(ages.some((age) => age > 7.5 * HOUR)).to.equal(true);
      expect(missed.length).to.be.at.least(2);
      // Ids are S1, S2, ... in creation order, created oldest first.
      expect(sessions.map((s) => s.id)).to.deep.equal(sessions.map((_, i) => `S${i + 1}`));
      const created = sessions.map((s) => Date.parse(s.createdAt));
      expect([...created].sort((a, b) => a - b)).to.deep.equal(created);
      demo.dispose();
    });

    it('brings a new customer within 6 s and makes customers type before they write', async () => {
      const demo = new InMemoryChatBackend({ clock, seed: 11 });
      const { events, stop } = listen(demo);
      const before = demo.inspect.sessions().length;
      await clock.advance(6_000);
      expect(demo.inspect.sessions().length).to.equal(before + 1);
      await clock.advance(3 * MINUTE);
      const typingIndex = events.findIndex((e) => e.type === 'session-updated' && e.session.customerTyping);
      expect(typingIndex).to.be.greaterThan(-1);
      const typingSession = (events[typingIndex] as { session: ChatSession }).session.id;
      const nextWrite = events
        .slice(typingIndex)
        .find((e) => e.type === 'message' && e.message.sessionId === typingSession && e.message.kind === 'from-customer');
      expect(nextWrite, 'a customer line follows the typing').to.not.equal(undefined);
      stop();
      demo.dispose();
    });

    it('answers my message with the next dialogue line within 4-15 s', async () => {
      const demo = new InMemoryChatBackend({ clock, seed: 5 });
      const mine = demo.inspect.sessions().find((s) => s.status === 'ongoing' && s.agentId === 'a1')!;
      const before = demo.inspect.messages(mine.id).length;
      await demo.sendMessage(mine.id, { clientId: 'c-1', text: 'Let me check that for you.' });
      await clock.advance(3_900);
      expect(demo.inspect.messages(mine.id).filter((m) => m.kind === 'from-customer').length).to.equal(
        demo.inspect.messages(mine.id).slice(0, before).filter((m) => m.kind === 'from-customer').length,
      );
      await clock.advance(11_200);
      const last = demo.inspect.messages(mine.id).at(-1)!;
      expect(last.kind).to.equal('from-customer');
      demo.dispose();
    });

    it('keeps the demo sane over an hour: at most 6 queued, timers bounded, and stops everything on dispose', async () => {
      const demo = new InMemoryChatBackend({ clock, seed: 9 });
      for (let i = 0; i < 60; i++) {
        await clock.advance(MINUTE);
        expect(demo.inspect.sessions().filter((s) => s.status === 'queued').length).to.be.at.most(6);
      }
      const open = demo.inspect.sessions().filter((s) => s.status === 'queued' || s.status === 'ongoing');
      expect(open.length).to.be.at.most(14);
      const transfersToMe = demo.inspect
        .sessions()
        .flatMap((s) => demo.inspect.messages(s.id))
        .filter((m) => m.systemEvent === 'transfer-requested' && m.text.includes('Anna de Vries'));
      expect(transfersToMe.length, 'colleagues transferred chats to me').to.be.at.least(1);
      demo.dispose();
      expect(demo.inspect.pendingTimers()).to.equal(0);
      expect(clock.pendingTimers).to.equal(0);
    });

    it('has no sessions at all with autoplay false, but channels, agents and CRM data', async () => {
      const snapshot = await backend.getSnapshot();
      expect(snapshot.sessions).to.deep.equal([]);
      expect(snapshot.channels.map((c) => c.id)).to.deep.equal(['sales', 'support', 'webshop-nl']);
      expect(snapshot.agents.map((a) => a.id)).to.deep.equal(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
      expect(snapshot.agent.name).to.equal('Anna de Vries');
      expect(snapshot.serverTime).to.equal('2026-11-30T09:00:00.000Z');
      expect(snapshot.capabilities.maxFileSize).to.equal(10 * MiB);
      expect(clock.pendingTimers).to.equal(0);
    });
  });

  describe('channels and agents', () => {
    it('defines three channels with welcome messages in their language and warning limits', async () => {
      const { channels } = await backend.getSnapshot();
      const nl = channels.find((c) => c.id === 'webshop-nl')!;
      expect(nl.name).to.equal('Webshop NL');
      expect(nl.language).to.equal('nl');
      expect(nl.welcomeMessage).to.match(/bedankt/i);
      for (const channel of channels) {
        expect(channel.waitWarningMinutes).to.equal(2);
        expect(channel.unansweredWarningMinutes).to.equal(3);
        expect(channel.open).to.equal(true);
      }
    });

    it('registers an unknown agent on first use with rights on every channel', async () => {
      const { events, stop } = listen(backend);
      const ben = backend.forAgent('ben');
      expect(ben.agentId).to.equal('ben');
      expect(backend.forAgent('ben')).to.equal(ben);
      await tick();
      const snapshot = await ben.getSnapshot();
      expect(snapshot.agent.name).to.equal('Ben');
      expect(snapshot.agent.presence).to.equal('present');
      expect(snapshot.agent.rights.support).to.deep.include({ respond: true, notify: true, listenIn: false });
      expect(events.some((e) => e.type === 'agent-updated' && e.agent.id === 'ben')).to.equal(true);
      stop();
    });

    it('closes a channel when its last present agent goes away', async () => {
      const { events, stop } = listen(backend);
      // webshop-nl: a1, a3, a5 (present) and a6 (away).
      backend.script.setPresence('a3', 'away');
      backend.script.setPresence('a5', 'away');
      await backend.setPresence('away');
      const closed = events.find((e) => e.type === 'channel-updated' && e.channel.id === 'webshop-nl');
      expect(closed && closed.type === 'channel-updated' && closed.channel.open).to.equal(false);
      expect(events.filter((e) => e.type === 'agent-updated').length).to.equal(3);
      stop();
    });

    it('delivers session events only to agents who may see the channel', async () => {
      const a4 = backend.forAgent('a4'); // sales only
      const { events, stop } = listen(a4);
      const support = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      const sales = backend.script.customerArrives({ channelId: 'sales', text: 'Hello' });
      await tick();
      const ids = events.flatMap((e) => (e.type === 'session-updated' ? [e.session.id] : []));
      expect(ids).to.include(sales);
      expect(ids).not.to.include(support);
      expect((await a4.getSnapshot()).sessions.map((s) => s.id)).to.deep.equal([sales]);
      expect((await rejection(a4.getMessages(support))).code).to.equal('not-permitted');
      stop();
    });
  });

  describe('queue and answering', () => {
    it('takes the oldest queued chat of my channels first, by createdAt then id', async () => {
      const late = backend.script.customerArrives({ channelId: 'sales', text: 'late' });
      const early = backend.script.customerArrives({ channelId: 'support', text: 'early', at: '2026-11-30T08:55:00Z' });
      const tie = backend.script.customerArrives({ channelId: 'support', text: 'tie' });
      expect((await backend.takeNextInQueue())?.id).to.equal(early);
      expect((await backend.takeNextInQueue())?.id).to.equal(late);
      expect((await backend.takeNextInQueue())?.id).to.equal(tie);
      expect(await backend.takeNextInQueue()).to.equal(null);
    });

    it('skips chats of channels the agent may not respond on', async () => {
      backend.script.customerArrives({ channelId: 'support', text: 'support question' });
      const a4 = backend.forAgent('a4');
      expect(await a4.takeNextInQueue()).to.equal(null);
    });

    it('B01: two agents answering the same chat: one wins, the other gets already-taken; take-next never doubles', async () => {
      const anna = backend.forAgent('anna');
      const ben = backend.forAgent('ben');
      const q1 = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
      const q2 = backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
      const results = await Promise.allSettled([anna.answer(q1), ben.answer(q1)]);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).to.have.length(1);
      expect(rejected).to.have.length(1);
      expect(isChatError(rejected[0].reason, 'already-taken')).to.equal(true);
      const owner = backend.inspect.session(q1).agentId;
      expect(['anna', 'ben']).to.include(owner);
      for (const agent of [anna, ben]) {
        const snapshot = await agent.getSnapshot();
        expect(snapshot.sessions.filter((s) => s.status === 'queued').map((s) => s.id)).to.deep.equal([q2]);
      }

      const next = await Promise.allSettled([anna.takeNextInQueue(), ben.takeNextInQueue()]);
      const taken = next.map((r) => (r.status === 'fulfilled' ? r.value?.id ?? null : 'error'));
      expect(taken).to.not.include('error');
      expect(taken.filter((id) => id === q2)).to.have.length(1);
      expect(taken).to.include(null);
    });

    it('sends the channel welcome message from the answering agent on pick-up', async () => {
      const id = backend.script.customerArrives({ channelId: 'webshop-nl', text: 'Hoi' });
      const session = await backend.answer(id);
      expect(session.status).to.equal('ongoing');
      expect(session.agentId).to.equal('a1');
      expect(session.answeredAt).to.equal('2026-11-30T09:00:00.000Z');
      const welcome = backend.inspect.messages(id).at(-1)!;
      expect(welcome.kind).to.equal('to-customer');
      expect(welcome.authorName).to.equal('Anna de Vries');
      expect(welcome.text).to.match(/bedankt/i);
      expect(session.lastMessage?.kind).to.equal('to-customer');
    });

    it('rejects answer with not-found, invalid-state and not-permitted', async () => {
      expect((await rejection(backend.answer('S404'))).code).to.equal('not-found');
      const missed = backend.script.customerArrives({ channelId: 'sales' });
      backend.script.customerLeaves(missed);
      expect((await rejection(backend.answer(missed))).code).to.equal('invalid-state');
      const support = backend.script.customerArrives({ channelId: 'support' });
      expect((await rejection(backend.forAgent('a4').answer(support))).code).to.equal('not-permitted');
    });

    it('counts all customer messages of a queued chat as unread', async () => {
      const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hello' });
      backend.script.customerWrites(id, 'Anyone there?');
      expect(backend.inspect.session(id).unreadCount).to.equal(2);
    });

    it('marks a queued chat missed and an ongoing one ended by the customer when they leave', async () => {
      const queued = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      const ongoing = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      backend.script.agentAnswers('a1', ongoing);
      await clock.advance(MINUTE);
      const missed = backend.script.customerLeaves(queued);
      expect(missed.status).to.equal('missed');
      expect(missed.endedAt).to.equal('2026-11-30T09:01:00.000Z');
      const ended = backend.script.customerLeaves(ongoing);
      expect(ended).to.include({ status: 'ended', endedBy: 'customer' });
      expect(() => backend.script.customerLeaves(ongoing)).to.throw(/already ended/);
    });
  });

  describe('messages', () => {
    let id: string;
    beforeEach(async () => {
      id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
      await backend.answer(id);
    });

    it('B03: sends idempotently per clientId and echoes the message with its clientId', async () => {
      const { events, stop } = listen(backend);
      const count = backend.inspect.messages(id).length;
      const [a, b] = await Promise.all([
        backend.sendMessage(id, { clientId: 'c-42', text: 'Thanks, Mira – checking now' }),
        backend.sendMessage(id, { clientId: 'c-42', text: 'Thanks, Mira – checking now' }),
      ]);
      expect(a).to.equal(b);
      expect(a.clientId).to.equal('c-42');
      expect(backend.inspect.messages(id)).to.have.length(count + 1);
      const echoes = events.filter((e) => e.type === 'message' && e.message.clientId === 'c-42');
      expect(echoes).to.have.length(1);
      stop();
    });

    it('rejects sends that break the rules with typed errors', async () => {
      const ben = backend.forAgent('ben');
      expect((await rejection(ben.sendMessage(id, { clientId: 'x1', text: 'Hi' }))).code).to.equal('not-permitted');
      expect((await rejection(backend.sendMessage(id, { clientId: 'x2', text: '   ' }))).code).to.equal('invalid-input');
      expect((await rejection(backend.sendMessage(id, { clientId: 'x3', text: 'a', attachmentIds: ['A999'] }))).code).to.equal('not-found');
      await backend.endSession(id);
      expect((await rejection(backend.sendMessage(id, { clientId: 'x4', text: 'Hi' }))).code).to.equal('invalid-state');
    });

    it('numbers messages 1, 2, 3 per session with ids unique across sessions', async () => {
      const other = backend.script.customerArrives({ channelId: 'sales', text: 'Hello' });
      backend.script.customerWrites(id, 'Order 58213');
      const all = [...backend.inspect.messages(id), ...backend.inspect.messages(other)];
      expect(backend.inspect.messages(id).map((m) => m.seq)).to.deep.equal([1, 2, 3]);
      expect(backend.inspect.messages(other).map((m) => m.seq)).to.deep.equal([1]);
      expect(new Set(all.map((m) => m.id)).size).to.equal(all.length);
    });

    it('B06: stores an out-of-order time as given while seq keeps server order', async () => {
      backend.script.customerWrites(id, 'm3', { at: '2024-05-21T12:55Z' });
      backend.script.customerWrites(id, 'm1', { at: '2024-05-17T15:43Z' });
      const [m3, m1] = backend.inspect.messages(id).slice(-2);
      expect(m3.sentAt).to.equal('2024-05-21T12:55:00.000Z');
      expect(m1.sentAt).to.equal('2024-05-17T15:43:00.000Z');
      expect(m1.seq).to.equal(m3.seq + 1);
      expect(() => backend.script.customerWrites(id, 'x', { at: 'yesterday' })).to.throw(/ISO 8601/);
    });

    it('pages history: newest 50 by default, then older with beforeSeq, catch-up with afterSeq', async () => {
      backend.script.addMessages(id, 98); // 2 + 98 = 100 messages
      const first = await backend.getMessages(id);
      expect(first.messages).to.have.length(50);
      expect(first.messages[0].seq).to.equal(51);
      expect(first.messages[49].seq).to.equal(100);
      expect(first.hasMore).to.equal(true);
      const second = await backend.getMessages(id, { beforeSeq: 51, limit: 20 });
      expect(second.messages.map((m) => m.seq)).to.deep.equal(Array.from({ length: 20 }, (_, i) => 31 + i));
      expect(second.hasMore).to.equal(true);
      const last = await backend.getMessages(id, { beforeSeq: 11, limit: 20 });
      expect(last.messages.map((m) => m.seq)).to.deep.equal(Array.from({ length: 10 }, (_, i) => i + 1));
      expect(last.hasMore).to.equal(false);
      const catchUp = await backend.getMessages(id, { afterSeq: 97 });
      expect(catchUp.messages.map((m) => m.seq)).to.deep.equal([98, 99, 100]);
      expect(catchUp.hasMore).to.equal(false);
    });

    it('keeps unreadCount, lastMessage and lastSeq current and resets unread on markRead', async () => {
      backend.script.customerWrites(id, 'Are you there?');
      backend.script.customerWrites(id, 'Hello?');
      let session = backend.inspect.session(id);
      expect(session.unreadCount).to.equal(3);
      expect(session.lastSeq).to.equal(4);
      expect(session.lastMessage).to.deep.equal({ kind: 'from-customer', text: 'Hello?', sentAt: '2026-11-30T09:00:00.000Z' });
      await backend.markRead(id, 3);
      expect(backend.inspect.session(id).unreadCount).to.equal(1);
      await backend.forAgent('ben').markRead(id, 4); // not the owner: ignored
      expect(backend.inspect.session(id).unreadCount).to.equal(1);
      await backend.markRead(id, 4);
      session = backend.inspect.session(id);
      expect(session.unreadCount).to.equal(0);
    });

    it('pushes customer typing as a whole new session object', async () => {
      const before = backend.inspect.session(id);
      backend.script.customerTyping(id, true);
      const after = backend.inspect.session(id);
      expect(after).to.not.equal(before);
      expect(before.customerTyping).to.equal(false);
      expect(after.customerTyping).to.equal(true);
      backend.script.customerWrites(id, 'Here I am');
      expect(backend.inspect.session(id).customerTyping).to.equal(false);
    });

    it('ends a chat with a closed-by-agent line; a customer writing later reopens it', async () => {
      const ended = await backend.endSession(id);
      expect(ended).to.include({ status: 'ended', endedBy: 'agent' });
      expect(backend.inspect.messages(id).at(-1)?.systemEvent).to.equal('closed-by-agent');
      backend.script.customerWrites(id, 'One more question');
      const reopened = backend.inspect.session(id);
      expect(reopened.status).to.equal('ongoing');
      expect(reopened.agentId).to.equal('a1');
      expect(backend.inspect.messages(id).some((m) => m.systemEvent === 'reopened')).to.equal(true);
    });

    it('turns a customer file of a refused type into a file-type-refused line', () => {
      const ok = backend.script.customerSendsFile(id, { name: 'photo.jpg', size: 2000, type: 'image/jpeg' });
      expect(ok.attachments[0]).to.include({ name: 'photo.jpg', size: 2000, type: 'image/jpeg' });
      expect(ok.attachments[0].url).to.match(/^https:\/\//);
      const refused = backend.script.customerSendsFile(id, { name: 'setup.exe', size: 2000, type: 'application/x-msdownload' });
      expect(refused.kind).to.equal('system');
      expect(refused.systemEvent).to.equal('file-type-refused');
    });
  });

  describe('transfers', () => {
    let id: string;
    let ben: ReturnType<InMemoryChatBackend['forAgent']>;
    beforeEach(async () => {
      ben = backend.forAgent('ben');
      id = backend.script.customerArrives({ channelId: 'support', text: 'Question about an invoice' });
      await backend.answer(id);
    });

    it('accept moves ownership to the receiver with a transferred line', async () => {
      const { events, stop } = listen(ben);
      const pending = await backend.requestTransfer(id, 'ben', 'Billing question');
      expect(pending.transferTo).to.include({ fromAgentId: 'a1', toAgentId: 'ben', note: 'Billing question' });
      expect(backend.inspect.messages(id).at(-1)?.systemEvent).to.equal('transfer-requested');
      const accepted = await ben.acceptTransfer(id);
      expect(accepted.agentId).to.equal('ben');
      expect(accepted.transferTo).to.equal(undefined);
      expect(backend.inspect.messages(id).at(-1)?.systemEvent).to.equal('transferred');
      expect(events.some((e) => e.type === 'session-updated' && e.session.transferTo?.toAgentId === 'ben')).to.equal(true);
      // The sender is now read-only.
      expect((await rejection(backend.sendMessage(id, { clientId: 'late', text: 'hi' }))).code).to.equal('not-permitted');
      await ben.sendMessage(id, { clientId: 'b1', text: 'Hi, I am taking over.' });
      stop();
    });

    it('reject clears the marker and the sender carries on', async () => {
      await backend.requestTransfer(id, 'ben');
      const rejected = await ben.rejectTransfer(id);
      expect(rejected.transferTo).to.equal(undefined);
      expect(rejected.agentId).to.equal('a1');
      expect(backend.inspect.messages(id).at(-1)?.systemEvent).to.equal('transfer-rejected');
    });

    it('cancel by the sender clears the marker; only the sender may cancel', async () => {
      await backend.requestTransfer(id, 'ben');
      expect((await rejection(ben.cancelTransfer(id))).code).to.equal('not-permitted');
      const cancelled = await backend.cancelTransfer(id);
      expect(cancelled.transferTo).to.equal(undefined);
      expect(backend.inspect.messages(id).at(-1)?.systemEvent).to.equal('transfer-cancelled');
      // Accepting after the cancel lost the race: the sender kept the chat.
      expect((await rejection(ben.acceptTransfer(id))).code).to.equal('already-taken');
    });

    it('allows transfers only by the owner, to a present agent, one at a time', async () => {
      expect((await rejection(ben.requestTransfer(id, 'a3'))).code).to.equal('not-permitted');
      expect((await rejection(backend.requestTransfer(id, 'a6'))).code).to.equal('not-permitted'); // away
      expect((await rejection(backend.requestTransfer(id, 'nobody-here'))).code).to.equal('not-found');
      expect((await rejection(backend.requestTransfer(id, 'a1'))).code).to.equal('invalid-input');
      await backend.requestTransfer(id, 'a3');
      expect((await rejection(backend.requestTransfer(id, 'ben'))).code).to.equal('invalid-state');
      expect((await rejection(ben.acceptTransfer(id))).code).to.equal('not-permitted');
    });

    it('lets the script transfer between agents; the receiver sees chats outside its channels', async () => {
      const chat = backend.script.customerArrives({ channelId: 'sales', text: 'Quote please' });
      backend.script.agentAnswers('a2', chat);
      const a4 = backend.forAgent('a4');
      backend.script.setPresence('a4', 'present');
      const support = backend.script.customerArrives({ channelId: 'support', text: 'hi' });
      backend.script.agentAnswers('a2', support);
      expect(() => backend.script.transfer(support, 'a2', 'a4')).to.throw(/may not respond/);
      const session = backend.script.transfer(chat, 'a2', 'a1', 'Can you take this?');
      expect(session.transferTo?.toAgentId).to.equal('a1');
      expect((await a4.getSnapshot()).sessions.map((s) => s.id)).to.include(chat);
    });
  });

  describe('recent history', () => {
    it('lists chats closed in the last 24 hours in the snapshot, not older ones', async () => {
      const old = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      backend.script.customerLeaves(old);
      await clock.advance(16 * HOUR);
      const recent = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      backend.script.customerLeaves(recent);
      await clock.advance(9 * HOUR);
      const ids = (await backend.getSnapshot()).sessions.map((s) => s.id);
      expect(ids).to.deep.equal([recent]);
    });
  });

  describe('CRM', () => {
    it('holds at least 150 persons in 50 companies, 30 dialogues in English and Dutch, FAQs and templates', async () => {
      const persons = backend.inspect.persons();
      const companies = backend.inspect.companies();
      expect(persons.length).to.be.at.least(150);
      expect(companies.length).to.be.at.least(50);
      for (const person of persons) {
        const company = companies.find((c) => c.id === person.companyId)!;
        expect(person.email, person.id).to.match(new RegExp(`@${company.website!.replace('https://www.', '').replace(/\./g, '\\.')}$`));
      }
      expect(new Set(persons.map((p) => `${p.firstName} ${p.lastName}`)).size).to.equal(persons.length);
      const dialogues = backend.inspect.dialogues();
      expect(dialogues.length).to.be.at.least(30);
      expect(dialogues.some((d) => d.language === 'en')).to.equal(true);
      expect(dialogues.some((d) => d.language === 'nl')).to.equal(true);
      expect(backend.inspect.requests()[0].number).to.match(/^R-\d{5}$/);
      expect(backend.inspect.sales().every((s) => s.currency === 'EUR' && s.amount > 0)).to.equal(true);
      expect(backend.inspect.followUps().length).to.be.greaterThan(50);
      const faqs = await backend.listFaqs();
      expect(faqs.length).to.be.at.least(12);
      expect(faqs.every((f) => f.url.startsWith('https://'))).to.equal(true);
      expect(new Set(faqs.map((f) => f.folder)).size).to.be.at.least(3);
      const templates = await backend.listReplyTemplates();
      expect(templates).to.have.length(10);
      for (const variable of ['{customerName}', '{agentName}', '{channelName}']) {
        expect(templates.some((t) => t.text.includes(variable))).to.equal(true);
      }
    });

    it('generates the same CRM for the same seed', () => {
      const again = new InMemoryChatBackend({ clock, autoplay: false });
      expect(JSON.stringify(again.inspect.persons())).to.equal(JSON.stringify(backend.inspect.persons()));
      expect(JSON.stringify(again.inspect.requests())).to.equal(JSON.stringify(backend.inspect.requests()));
      again.dispose();
    });

    it('finds candidates by e-mail first, then by name ignoring case and accents, then by phone', async () => {
      const byEmail = await backend.findPersonCandidates({ name: 'Oliver Bennett', email: 'O.Bennett@brightwave-logistics.co.uk' });
      expect(byEmail).to.have.length(1);
      expect(byEmail[0].matchedOn).to.equal('email');
      expect(byEmail[0].person.lastName).to.equal('Bennett');
      const byName = await backend.findPersonCandidates({ name: 'zoe  BROUWER' });
      expect(byName.map((c) => [c.person.firstName, c.matchedOn])).to.deep.equal([['Zoë', 'name']]);
      const byPhone = await backend.findPersonCandidates({ name: 'Harry P.', phone: '020 7946 0321' });
      expect(byPhone.map((c) => [c.person.lastName, c.matchedOn])).to.deep.equal([['Pearce', 'phone']]);
      expect(await backend.findPersonCandidates({ name: 'Mira Okafor', email: 'mira.okafor@mailbox.example' })).to.deep.equal([]);
    });

    it('searches persons by name, e-mail, phone and company name', async () => {
      const whitfields = await backend.searchPersons('whitfield');
      expect(whitfields.map((p) => p.firstName)).to.include('Grace');
      expect(whitfields.every((p) => p.lastName === 'Whitfield')).to.equal(true);
      expect((await backend.searchPersons('kestrel-analytics.co.uk')).length).to.be.at.least(1);
      expect((await backend.searchPersons('Pinecrest Hotels')).every((p) => p.companyName === 'Pinecrest Hotels')).to.equal(true);
      expect((await backend.searchPersons('+44 20 7946 0321')).map((p) => p.lastName)).to.include('Pearce');
      expect(await backend.searchPersons('   ')).to.deep.equal([]);
      expect((await backend.searchPersons('e', 5)).length).to.equal(5);
    });

    it('links a person, creates a request from the chat and lists the chat in the person details', async () => {
      const id = backend.script.customerArrives({ channelId: 'support', name: 'Grace Whitfield', text: 'Invoice question' });
      await backend.answer(id);
      const [candidate] = await backend.findPersonCandidates(backend.inspect.session(id).customer);
      const { events, stop } = listen(backend);
      const linked = await backend.linkPerson(id, candidate.person.id);
      expect(linked.personId).to.equal(candidate.person.id);
      const request = await backend.createRequest(id, { title: 'Wrong user count', category: 'Billing', priority: 'high' });
      expect(request.number).to.match(/^R-\d{5}$/);
      expect(request).to.include({ personId: candidate.person.id, sessionId: id, status: 'open' });
      expect(backend.inspect.session(id).requestIds).to.deep.equal([request.id]);
      expect(backend.inspect.requestLog(request.id)).to.contain('Invoice question');
      expect(events.filter((e) => e.type === 'session-updated')).to.have.length(2);
      expect((await rejection(backend.createRequest(id, { title: ' ', category: 'x', priority: 'low' }))).code).to.equal('invalid-input');
      const details = await backend.getPersonDetails(candidate.person.id);
      expect(details.company?.name).to.equal('Kestrel Analytics');
      expect(details.chatSessions.map((c) => c.id)).to.include(id);
      expect(details.requests[0].id).to.equal(request.id);
      expect((await backend.linkPerson(id, null)).personId).to.equal(undefined);
      expect((await rejection(backend.getPersonDetails('P0'))).code).to.equal('not-found');
      stop();
    });

    it('creates companies and persons with validation', async () => {
      const company = await backend.createCompany({ name: 'Okafor Trading', city: 'Leiden' });
      const person = await backend.createPerson({ firstName: 'Mira', lastName: 'Okafor', email: 'mira@okafor.example', companyId: company.id });
      expect(person.companyName).to.equal('Okafor Trading');
      expect((await backend.findPersonCandidates({ name: 'Mira Okafor', email: 'mira@okafor.example' }))[0].person.id).to.equal(person.id);
      expect((await rejection(backend.createPerson({ firstName: '', lastName: '' }))).code).to.equal('invalid-input');
      expect((await rejection(backend.createPerson({ firstName: 'A', lastName: 'B', email: 'not-an-email' }))).code).to.equal('invalid-input');
      expect((await rejection(backend.createPerson({ firstName: 'A', lastName: 'B', companyId: 'C999' }))).code).to.equal('not-found');
      expect((await rejection(backend.createCompany({ name: '  ' }))).code).to.equal('invalid-input');
    });

    it('keeps quick replies personal: create, update and delete only your own', async () => {
      const mine = await backend.listQuickReplies();
      expect(mine.length).to.be.at.least(3);
      expect(mine.every((q) => q.agentId === 'a1')).to.equal(true);
      const created = await backend.createQuickReply({ name: 'Hours', text: 'We are open 9–17.' });
      expect((await backend.listQuickReplies()).map((q) => q.id)).to.include(created.id);
      const updated = await backend.updateQuickReply(created.id, { name: 'Hours', text: 'We are open 8–18.' });
      expect(updated.text).to.equal('We are open 8–18.');
      const a3 = backend.forAgent('a3');
      expect((await rejection(a3.updateQuickReply(created.id, { name: 'x', text: 'y' }))).code).to.equal('not-permitted');
      expect((await rejection(a3.deleteQuickReply(created.id))).code).to.equal('not-permitted');
      expect((await rejection(backend.createQuickReply({ name: '', text: 'y' }))).code).to.equal('invalid-input');
      await backend.deleteQuickReply(created.id);
      expect((await rejection(backend.deleteQuickReply(created.id))).code).to.equal('not-found');
    });
  });

  describe('uploads', () => {
    let id: string;
    beforeEach(async () => {
      id = backend.script.customerArrives({ channelId: 'support', text: 'Here is the scan' });
      await backend.answer(id);
    });

    it('B21: refuses 10 MiB + 1 byte before any progress, naming the limit; accepts exactly 10 MiB', async () => {
      const progress: number[] = [];
      const tooBig = new File([new Uint8Array(10 * MiB + 1)], 'scan.pdf', { type: 'application/pdf' });
      const error = await rejection(backend.uploadFile(id, tooBig, { onProgress: (sent) => progress.push(sent) }));
      expect(error.code).to.equal('file-too-large');
      expect(error.details.limit).to.equal(10 * MiB);
      expect(progress).to.deep.equal([]);

      const exact = new File([new Uint8Array(10 * MiB)], 'scan.pdf', { type: 'application/pdf' });
      const upload = backend.uploadFile(id, exact, { onProgress: (sent) => progress.push(sent) });
      await clock.advance(4 * UPLOAD_STEP_MS);
      const attachment = await upload;
      expect(attachment).to.include({ name: 'scan.pdf', size: 10 * MiB, type: 'application/pdf' });
      expect(attachment.url).to.match(/^blob:/);
      expect(progress[0]).to.equal(0);
      expect(progress.at(-1)).to.equal(10 * MiB);
      expect(progress.length).to.be.at.least(3);
      const message = await backend.sendMessage(id, { clientId: 'f1', text: '', attachmentIds: [attachment.id] });
      expect(message.attachments).to.deep.equal([attachment]);
    });

    it('B20: refuses an empty file and a type outside the list with the allowed types', async () => {
      const empty = await rejection(backend.uploadFile(id, new File([], 'empty.txt', { type: 'text/plain' })));
      expect(empty.code).to.equal('file-empty');
      const exe = await rejection(backend.uploadFile(id, new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' })));
      expect(exe.code).to.equal('file-type-not-allowed');
      expect(exe.details.allowed).to.include('application/pdf');
      const docx = backend.uploadFile(id, new File(['x'], 'Offer.DOCX', { type: '' }));
      await clock.advance(4 * UPLOAD_STEP_MS);
      expect((await docx).name).to.equal('Offer.DOCX');
    });

    it('rejects when aborted and stops reporting progress', async () => {
      const controller = new AbortController();
      const progress: number[] = [];
      const upload = backend.uploadFile(id, new File(['hello'], 'a.txt', { type: 'text/plain' }), {
        signal: controller.signal,
        onProgress: (sent) => progress.push(sent),
      });
      await clock.advance(UPLOAD_STEP_MS);
      controller.abort();
      const error = await rejection(upload);
      expect(error.details.aborted).to.equal(true);
      const seen = progress.length;
      await clock.advance(10 * UPLOAD_STEP_MS);
      expect(progress.length).to.equal(seen);
    });

    it('takes its limits from the capabilities option', async () => {
      const small = new InMemoryChatBackend({ clock, autoplay: false, capabilities: { maxFileSize: 100 } });
      const chat = small.script.customerArrives({ channelId: 'sales' });
      await small.answer(chat);
      const error = await rejection(small.uploadFile(chat, new File([new Uint8Array(101)], 'a.pdf', { type: 'application/pdf' })));
      expect(error.details.limit).to.equal(100);
      expect((await small.getSnapshot()).capabilities.allowedFileTypes).to.include('.csv');
      small.dispose();
    });
  });

  describe('subscriptions and connection', () => {
    it('counts open events$ subscriptions over all adapters, up and down', () => {
      expect(backend.openSubscriptions).to.equal(0);
      const a = backend.events$.subscribe();
      const b = backend.forAgent('ben').events$.subscribe();
      const c = backend.events$.subscribe();
      expect(backend.openSubscriptions).to.equal(3);
      expect(backend.activeSubscriptionCount()).to.equal(3);
      b.unsubscribe();
      a.unsubscribe();
      expect(backend.openSubscriptions).to.equal(1);
      c.unsubscribe();
      c.unsubscribe();
      expect(backend.openSubscriptions).to.equal(0);
    });

    it('disconnect pushes offline to every adapter and rejects commands until reconnect', async () => {
      const ben = backend.forAgent('ben');
      const mine = listen(backend);
      const bens = listen(ben);
      backend.script.disconnect();
      expect(mine.events.at(-1)).to.deep.equal({ type: 'connection', status: 'offline' });
      expect(bens.events.at(-1)).to.deep.equal({ type: 'connection', status: 'offline' });
      expect((await rejection(backend.getSnapshot())).code).to.equal('disconnected');
      const id = backend.script.customerArrives({ channelId: 'sales', text: 'Anyone?' });
      expect(mine.events).to.have.length(1); // nothing else is delivered while offline
      backend.script.reconnect();
      expect(mine.events.at(-1)).to.deep.equal({ type: 'connection', status: 'online' });
      expect(bens.events.at(-1)).to.deep.equal({ type: 'connection', status: 'online' });
      expect((await backend.getSnapshot()).sessions.map((s) => s.id)).to.include(id);
      mine.stop();
      bens.stop();
    });

    it('runs commands after latencyMs of clock time', async () => {
      const slow = new InMemoryChatBackend({ clock, autoplay: false, latencyMs: 500 });
      const id = slow.script.customerArrives({ channelId: 'sales' });
      let done = false;
      const answering = slow.answer(id).then(() => (done = true));
      await clock.advance(499);
      expect(done).to.equal(false);
      await clock.advance(1);
      await answering;
      expect(done).to.equal(true);
      slow.dispose();
    });

    it('rejects pending and later commands after dispose', async () => {
      const slow = new InMemoryChatBackend({ clock, autoplay: false, latencyMs: 500 });
      const pending = slow.getSnapshot();
      slow.dispose();
      expect((await rejection(pending)).code).to.equal('disconnected');
      expect((await rejection(slow.listFaqs())).code).to.equal('disconnected');
      expect(clock.pendingTimers).to.equal(0);
    });
  });
});
