import type { Subscription } from 'rxjs';
import type { ChatMessage } from '../model/message.js';
import type { ChatSession } from '../model/session.js';
import {
  checkAdapter,
  checkCommandSession,
  checkEvent,
  checkList,
  checkMessage,
  checkPage,
  checkSnapshot,
  forSession,
} from '../service/adapter-data.js';
import type { BackendEvent, ChatBackendAdapter } from './adapter.js';
import type { ChatErrorCode } from './errors.js';

/**
 * What {@link runAdapterConformance} needs for each test: a fresh backend with two agents who may
 * both respond on the channel `queueCustomer` uses, and a way to play the customer.
 */
export interface AdapterFixture {
  /** The adapter under test (agent one). */
  readonly adapter: ChatBackendAdapter;
  /** A second agent on the same backend, for races. */
  readonly secondAgent: ChatBackendAdapter;
  /**
   * Optional: a third agent with the listen-in right on the channel `queueCustomer` uses (checks
   * that listening in works). `secondAgent`'s listen-in right may be either way: the suite checks
   * that its `listenIn` and `getMessages` agree.
   */
  readonly listener?: ChatBackendAdapter;
  /** Put a new customer in the queue (optionally with a first message); resolves the session id. */
  queueCustomer(input?: { text?: string; name?: string; email?: string }): Promise<string>;
  /** The customer of a session writes a message. */
  customerWrites(sessionId: string, text: string): Promise<void>;
  /** Tear the backend down after the test. */
  dispose?(): void | Promise<void>;
}

/** The mocha globals the suite uses (taken from `globalThis`, so no test-framework import is needed). */
interface MochaLike {
  describe(title: string, body: () => void): void;
  it(title: string, body: () => Promise<void>): void;
  beforeEach(body: () => Promise<void>): void;
  afterEach(body: () => Promise<void>): void;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Conformance: ${message}`);
}

async function rejectsWith(promise: Promise<unknown>, code: ChatErrorCode, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const actual = (error as { code?: unknown } | null)?.code;
    assert(
      error instanceof Error && (error as Error).name === 'ChatBackendError' && actual === code,
      `${what} should reject with ChatBackendError '${code}', got ${String(actual ?? error)}`,
    );
    return;
  }
  throw new Error(`Conformance: ${what} should reject with '${code}' but resolved`);
}

/** Wait (real time, polling every 5 ms) until `condition` holds; fails after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Conformance: timed out waiting for ${what}`);
    await new Promise((resolve) => globalThis.setTimeout(resolve, 5));
  }
}

/** Record the events of one adapter until `stop()`. */
function record(adapter: ChatBackendAdapter): { events: BackendEvent[]; stop(): void } {
  const events: BackendEvent[] = [];
  const subscription: Subscription = adapter.events$.subscribe((event) => events.push(event));
  return { events, stop: () => subscription.unsubscribe() };
}

function latestSession(events: readonly BackendEvent[], sessionId: string): ChatSession | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event.type === 'session-updated' && event.session.id === sessionId) return event.session;
  }
  return undefined;
}

async function allMessages(adapter: ChatBackendAdapter, sessionId: string): Promise<ChatMessage[]> {
  const pages: ChatMessage[][] = [];
  let beforeSeq: number | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await adapter.getMessages(sessionId, { beforeSeq, limit: 50 });
    pages.unshift([...page.messages]);
    if (!page.hasMore || page.messages.length === 0) break;
    beforeSeq = page.messages[0].seq;
  }
  return pages.flat();
}

let clientIdCounter = 0;
function newClientId(): string {
  clientIdCounter += 1;
  return `conformance-${clientIdCounter}-${Date.now().toString(36)}`;
}

/**
 * Declare mocha `describe` / `it` blocks that check the promises of a {@link ChatBackendAdapter}:
 * every method present (the service's `checkAdapter`), snapshot shape (the service's
 * `checkSnapshot`: the agent with its rights, sessions on listed channels), pages of the asked
 * chat only with each id once, commands resolving with the asked chat (`checkCommandSession`), oldest first within the asked range and limit, queue events, the answer race (the adapter under test winning and losing it: `already-taken`), who wrote `lastMessage`, queue order, idempotent send, seq order, paging,
 * read marks, ending, unsubscribing, subscribing again, typed errors, listen-in rights and feed
 * (whose records the service's data checks can show). Call it at the top
 * level of a test file.
 * Assertions throw plain `Error`s, so any assertion library may sit beside it.
 *
 * @param name shown in the suite title, e.g. `'InMemoryChatBackend'`
 * @param makeFixture builds a fresh fixture before every test (and `dispose` runs after it)
 */
export function runAdapterConformance(name: string, makeFixture: () => Promise<AdapterFixture>): void {
  const { describe, it, beforeEach, afterEach } = globalThis as unknown as MochaLike;

  describe(`ChatBackendAdapter conformance: ${name}`, () => {
    let fx: AdapterFixture;
    let recorders: { stop(): void }[] = [];
    const listen = (adapter: ChatBackendAdapter) => {
      const recorder = record(adapter);
      recorders.push(recorder);
      return recorder;
    };
    const answered = async (text = 'Hello, I have a question about my order.') => {
      const id = await fx.queueCustomer({ text });
      await fx.adapter.answer(id);
      return id;
    };

    beforeEach(async () => {
      fx = await makeFixture();
      recorders = [];
    });
    afterEach(async () => {
      for (const recorder of recorders) recorder.stop();
      await fx.dispose?.();
    });

    it('has every method of ChatBackendAdapter and an events$ Observable (the service checks this at construction)', async () => {
      for (const [role, adapter] of [['adapter', fx.adapter], ['secondAgent', fx.secondAgent], ['listener', fx.listener]] as const) {
        if (!adapter) continue;
        const problem = checkAdapter(adapter);
        assert(!problem, `${role}: ${problem?.message ?? ''}`);
      }
    });

    it('getSnapshot returns the agent, agents, channels, sessions, capabilities and server time', async () => {
      const { agentId } = fx.adapter;
      assert(typeof agentId === 'string' && agentId !== '', `adapter.agentId is the id of the agent it acts for (a non-empty string), got ${JSON.stringify(agentId)}`);
      await fx.queueCustomer({ text: 'In the snapshot' });
      const snapshot = await fx.adapter.getSnapshot();
      assert(snapshot.agent?.id === agentId, `snapshot.agent is the adapter's agent (agentId '${agentId}'), got '${String(snapshot.agent?.id)}'`);
      // The service's own check: agent with rights, agents include it, sessions on listed channels, valid records.
      const checked = checkSnapshot(snapshot, fx.adapter);
      assert(!(checked instanceof Error), `the service refuses the snapshot: ${checked instanceof Error ? checked.message : ''}`);
      assert(checked.errors.length === 0, `the service reports the snapshot: ${checked.errors.map((e) => e.message).join('; ')}`);
      assert(Array.isArray(snapshot.agents) && snapshot.agents.some((a) => a.id === fx.adapter.agentId), 'agents include the agent');
      assert(Array.isArray(snapshot.channels) && snapshot.channels.length > 0, 'at least one channel');
      assert(Array.isArray(snapshot.sessions), 'sessions is an array');
      assert(typeof snapshot.capabilities?.maxFileSize === 'number' && snapshot.capabilities.maxFileSize > 0, 'maxFileSize in bytes');
      assert(Array.isArray(snapshot.capabilities.allowedFileTypes), 'allowedFileTypes is an array');
      assert(!Number.isNaN(Date.parse(snapshot.serverTime)) && snapshot.serverTime.endsWith('Z'), 'serverTime is ISO 8601 UTC');
    });

    it('pushes a queued session as session-updated and lists it in the snapshot', async () => {
      const { events } = listen(fx.adapter);
      const id = await fx.queueCustomer({ text: 'Hi, my parcel is late' });
      await until(() => latestSession(events, id)?.status === 'queued', `session-updated for ${id}`);
      const session = latestSession(events, id)!;
      assert(session.agentId === null, 'a queued session has no agent');
      assert(typeof session.createdAt === 'string' && !Number.isNaN(Date.parse(session.createdAt)), 'createdAt is ISO');
      assert(Array.isArray(session.requestIds), 'requestIds is an array');
      const snapshot = await fx.adapter.getSnapshot();
      assert(snapshot.sessions.some((s) => s.id === id && s.status === 'queued'), 'the snapshot lists the queued session');
    });

    it('events$ can be subscribed again after a subscription ended, and the new one gets the events', async () => {
      // The service subscribes again after the stream errors or completes; that needs a cold stream.
      const first = record(fx.adapter);
      first.stop();
      const { events } = listen(fx.adapter);
      const id = await fx.queueCustomer({ text: 'Hello again' });
      await until(() => latestSession(events, id)?.status === 'queued', `session-updated for ${id} on a second subscription`);
      assert(!latestSession(first.events, id), 'the ended subscription gets no events');
    });

    it('lets exactly one of two agents answer the same queued chat; the other gets already-taken', async () => {
      const id = await fx.queueCustomer({ text: 'Hi, my parcel is late' });
      const results = await Promise.allSettled([fx.adapter.answer(id), fx.secondAgent.answer(id)]);
      const won = results.filter((r): r is PromiseFulfilledResult<ChatSession> => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert(won.length === 1 && lost.length === 1, `exactly one answer wins (won ${won.length}, lost ${lost.length})`);
      await rejectsWith(Promise.reject(lost[0].reason), 'already-taken', 'the losing answer');
      const winner = results[0].status === 'fulfilled' ? fx.adapter : fx.secondAgent;
      assert(won[0].value.status === 'ongoing' && won[0].value.agentId === winner.agentId, 'the winner owns the ongoing chat');
      // Started together, the adapter under test usually wins: make it lose one for sure, so its own
      // mapping of "someone else took it" to ChatBackendError 'already-taken' is checked too.
      const lostByAdapter = await fx.queueCustomer({ text: 'Hi, is anyone there?' });
      await fx.secondAgent.answer(lostByAdapter);
      await rejectsWith(
        fx.adapter.answer(lostByAdapter),
        'already-taken',
        'the adapter under test answering a chat another agent took first',
      );
    });

    it('takeNextInQueue takes the oldest queued chat first and resolves null when the queue is empty', async () => {
      const first = await fx.queueCustomer({ text: 'First in line' });
      const second = await fx.queueCustomer({ text: 'Second in line' });
      const taken: string[] = [];
      let last: ChatSession | null = null;
      for (let i = 0; i < 100; i++) {
        last = await fx.adapter.takeNextInQueue();
        if (!last) break;
        assert(last.status === 'ongoing' && last.agentId === fx.adapter.agentId, 'a taken chat is ongoing and ours');
        taken.push(last.id);
      }
      assert(last === null, 'takeNextInQueue resolves null on an empty queue');
      assert(taken.includes(first) && taken.includes(second), 'both queued chats were taken');
      assert(taken.indexOf(first) < taken.indexOf(second), 'the older chat is taken first');
    });

    it('answer, takeNextInQueue, transfer commands and endSession resolve with the chat they were asked for (the service refuses another)', async () => {
      const same = (command: string, asked: string | null, result: unknown): ChatSession => {
        const checked = checkCommandSession(command, asked, result);
        assert(!(checked instanceof Error), checked instanceof Error ? checked.message : '');
        return checked;
      };
      const id = await fx.queueCustomer({ text: 'Answer me' });
      same('answer', id, await fx.adapter.answer(id));
      await fx.queueCustomer({ text: 'Next in line' });
      const next = await fx.adapter.takeNextInQueue();
      assert(next !== null, 'takeNextInQueue resolves a session while a chat waits');
      same('takeNextInQueue', null, next);
      // A transfer to the second agent, when the backend allows it (that agent present with the respond right).
      const to = fx.secondAgent.agentId;
      const requested = await fx.adapter.requestTransfer(id, to).catch(() => null);
      if (requested) {
        same('requestTransfer', id, requested);
        same('cancelTransfer', id, await fx.adapter.cancelTransfer(id));
        await fx.adapter.requestTransfer(id, to);
        same('rejectTransfer', id, await fx.secondAgent.rejectTransfer(id));
        await fx.adapter.requestTransfer(id, to);
        same('acceptTransfer', id, await fx.secondAgent.acceptTransfer(id));
        same('endSession', id, await fx.secondAgent.endSession(id));
      } else {
        same('endSession', id, await fx.adapter.endSession(id));
      }
      same('endSession', next.id, await fx.adapter.endSession(next.id));
    });

    it('a session\'s lastMessage, when it names its author (optional agentId), names the agent who wrote it', async () => {
      const id = await answered();
      const { events } = listen(fx.adapter);
      await fx.adapter.sendMessage(id, { clientId: newClientId(), text: 'Written by agent one' });
      await until(() => latestSession(events, id)?.lastMessage?.text.includes('Written by agent one') === true, 'session-updated with the new lastMessage');
      const mine = latestSession(events, id)!.lastMessage!;
      assert(mine.kind === 'to-customer', `lastMessage.kind of an agent's message is 'to-customer', got '${mine.kind}'`);
      assert(
        mine.agentId === undefined || mine.agentId === fx.adapter.agentId,
        `lastMessage.agentId is the writer '${fx.adapter.agentId}' (or left out), got '${String(mine.agentId)}'`,
      );
      await fx.customerWrites(id, 'Written by the customer');
      await until(() => latestSession(events, id)?.lastMessage?.text.includes('Written by the customer') === true, 'the customer\'s lastMessage');
      const theirs = latestSession(events, id)!.lastMessage!;
      assert(theirs.kind === 'from-customer', `lastMessage.kind of a customer's message is 'from-customer', got '${theirs.kind}'`);
      assert(theirs.agentId === undefined, `a customer's lastMessage names no agent, got '${String(theirs.agentId)}'`);
    });

    it('sendMessage is idempotent per clientId', async () => {
      const id = await answered();
      const { events } = listen(fx.adapter);
      const clientId = newClientId();
      const [a, b] = await Promise.all([
        fx.adapter.sendMessage(id, { clientId, text: 'Checking now' }),
        fx.adapter.sendMessage(id, { clientId, text: 'Checking now' }),
      ]);
      const c = await fx.adapter.sendMessage(id, { clientId, text: 'Checking now' });
      assert(a.id === b.id && b.id === c.id, 'repeats resolve the same stored message');
      assert(a.clientId === clientId, 'the stored message carries the clientId');
      const stored = (await allMessages(fx.adapter, id)).filter((m) => m.clientId === clientId);
      assert(stored.length === 1, `exactly one message stored for the clientId (got ${stored.length})`);
      await until(
        () => events.some((e) => e.type === 'message' && e.message.clientId === clientId),
        'the message event with the clientId',
      );
    });

    it('gives messages increasing seq numbers in a session', async () => {
      const id = await answered();
      await fx.adapter.sendMessage(id, { clientId: newClientId(), text: 'One' });
      await fx.customerWrites(id, 'Two');
      await fx.adapter.sendMessage(id, { clientId: newClientId(), text: 'Three' });
      await fx.customerWrites(id, 'Four');
      const messages = await allMessages(fx.adapter, id);
      assert(messages.length >= 5, 'all messages are stored');
      for (let i = 1; i < messages.length; i++) {
        assert(messages[i].seq > messages[i - 1].seq, `seq increases (${messages[i - 1].seq} then ${messages[i].seq})`);
      }
      assert(new Set(messages.map((m) => m.id)).size === messages.length, 'message ids are unique');
    });

    it('pages history with limit, beforeSeq, afterSeq and hasMore', async () => {
      const id = await answered();
      for (let i = 1; i <= 6; i++) {
        await fx.adapter.sendMessage(id, { clientId: newClientId(), text: `Agent line ${i}` });
        await fx.customerWrites(id, `Customer line ${i}`);
      }
      const all = await allMessages(fx.adapter, id);
      const newest = await fx.adapter.getMessages(id, { limit: 5 });
      assert(newest.messages.length === 5, 'limit caps the page');
      assert(newest.hasMore === true, 'hasMore is true when older messages exist');
      assert(newest.messages[4].seq === all[all.length - 1].seq, 'the first page ends with the newest message');
      const older = await fx.adapter.getMessages(id, { beforeSeq: newest.messages[0].seq, limit: 5 });
      assert(older.messages.every((m) => m.seq < newest.messages[0].seq), 'beforeSeq returns only older messages');
      assert(older.messages[older.messages.length - 1].seq === all[all.length - 6].seq, 'the older page joins the newer one');
      const oldest = await fx.adapter.getMessages(id, { beforeSeq: all[3].seq, limit: 50 });
      assert(oldest.messages.length === 3 && oldest.hasMore === false, 'hasMore is false at the start of the history');
      const after = await fx.adapter.getMessages(id, { afterSeq: all[all.length - 3].seq });
      assert(
        after.messages.length === 2 && after.messages.every((m) => m.seq > all[all.length - 3].seq),
        'afterSeq returns only newer messages',
      );
      for (const page of [newest, older, oldest, after]) {
        for (let i = 1; i < page.messages.length; i++) assert(page.messages[i].seq > page.messages[i - 1].seq, 'pages are oldest first');
      }
    });

    it('getMessages returns only messages of the asked chat, each id once, oldest first within the asked range', async () => {
      const id = await answered('Hello from the first chat');
      const other = await fx.queueCustomer({ text: 'Hello from another chat' });
      for (let i = 1; i <= 3; i++) {
        await fx.adapter.sendMessage(id, { clientId: newClientId(), text: `Agent line ${i}` });
        await fx.customerWrites(id, `Customer line ${i}`);
        await fx.customerWrites(other, `Other line ${i}`);
      }
      const all = await allMessages(fx.adapter, id);
      const middle = all[Math.floor(all.length / 2)].seq;
      const asks: { beforeSeq?: number; afterSeq?: number; limit?: number }[] = [
        { limit: 50 },
        { limit: 3 },
        { beforeSeq: middle, limit: 50 },
        { afterSeq: middle, limit: 50 },
        { afterSeq: all[0].seq, beforeSeq: all[all.length - 1].seq, limit: 2 },
      ];
      for (const asked of asks) {
        const page = await fx.adapter.getMessages(id, asked);
        const call = `getMessages('${id}', ${JSON.stringify(asked)})`;
        // The service's checks: records of another chat and a second different record with one id are refused.
        const { items, error } = checkList('getMessages', page.messages, forSession(id, checkMessage));
        assert(!error, `${call}: ${error?.message ?? ''}`);
        const pageError = checkPage(items, asked);
        assert(!pageError, `${call} does not page as asked: ${pageError?.message ?? ''}`);
      }
    });

    it('counts unread customer messages and markRead resets unreadCount', async () => {
      const id = await answered();
      const { events } = listen(fx.adapter);
      await fx.customerWrites(id, 'Are you there?');
      await fx.customerWrites(id, 'Hello?');
      await until(() => (latestSession(events, id)?.unreadCount ?? 0) >= 2, 'unreadCount of at least 2');
      const lastSeq = latestSession(events, id)!.lastSeq;
      await fx.adapter.markRead(id, lastSeq);
      await until(() => latestSession(events, id)?.unreadCount === 0, 'unreadCount 0 after markRead');
    });

    it('ends a chat with endSession and refuses to end it twice', async () => {
      const id = await answered();
      const ended = await fx.adapter.endSession(id);
      assert(ended.status === 'ended' && typeof ended.endedAt === 'string', 'the session is ended with endedAt');
      await rejectsWith(fx.adapter.endSession(id), 'invalid-state', 'ending an ended chat');
      await rejectsWith(
        fx.adapter.sendMessage(id, { clientId: newClientId(), text: 'Too late' }),
        'invalid-state',
        'sending to an ended chat',
      );
    });

    it('stops delivering events after unsubscribing', async () => {
      const events: BackendEvent[] = [];
      const subscription = fx.adapter.events$.subscribe((event) => events.push(event));
      const first = await fx.queueCustomer({ text: 'Before' });
      await until(() => latestSession(events, first) !== undefined, 'an event before unsubscribing');
      subscription.unsubscribe();
      const count = events.length;
      const second = await fx.queueCustomer({ text: 'After' });
      await fx.customerWrites(second, 'Still here');
      await new Promise((resolve) => globalThis.setTimeout(resolve, 50));
      assert(events.length === count, 'no events arrive after unsubscribe');
    });

    it("getChatTranscript returns a linked chat's whole log, which is among the person's previous chats", async () => {
      const id = await answered('Hello, where is my parcel?');
      await fx.adapter.sendMessage(id, { clientId: newClientId(), text: 'Let me check that for you.' });
      await fx.customerWrites(id, 'Thanks!');
      const person = await fx.adapter.createPerson({ firstName: 'Transcript', lastName: 'Tester', email: 'transcript.tester@example.org' });
      await fx.adapter.linkPerson(id, person.id);
      await fx.adapter.endSession(id);
      const details = await fx.adapter.getPersonDetails(person.id);
      assert(details.chatSessions.some((c) => c.id === id), "the linked chat is among the person's chat sessions");
      const transcript = await fx.adapter.getChatTranscript(id);
      const texts = transcript.map((m) => m.text);
      for (const text of ['Hello, where is my parcel?', 'Let me check that for you.', 'Thanks!']) {
        assert(texts.includes(text), `the transcript holds "${text}"`);
      }
      assert(texts.indexOf('Hello, where is my parcel?') < texts.indexOf('Thanks!'), 'the transcript is oldest first');
      for (let i = 1; i < transcript.length; i++) assert(transcript[i].seq > transcript[i - 1].seq, 'transcript seq increases');
      assert(transcript.every((m) => m.sessionId === id), 'every transcript message belongs to the chat');
    });

    it('getChatTranscript rejects an unknown chat with not-found', async () => {
      await rejectsWith(fx.adapter.getChatTranscript('no-such-chat'), 'not-found', 'getChatTranscript on an unknown chat');
    });

    it('listenIn: refused (not-permitted, also by getMessages) or a live feed of that chat only; the owner is not told', async () => {
      const id = await answered('Hello, anyone listening?');
      const other = await fx.queueCustomer({ text: 'Another chat' });
      const owner = listen(fx.adapter);
      const check = async (agent: ChatBackendAdapter, mustListen: boolean) => {
        const events: BackendEvent[] = [];
        let error: unknown;
        const subscription = agent.listenIn(id).subscribe({ next: (e) => events.push(e), error: (e) => (error = e) });
        try {
          await new Promise((resolve) => globalThis.setTimeout(resolve, 20));
          if (error !== undefined) {
            assert(!mustListen, `an agent with the listen-in right may listen in (got ${String((error as { code?: unknown }).code)})`);
            assert((error as { code?: unknown }).code === 'not-permitted', 'a refused listenIn errors with not-permitted');
            await rejectsWith(agent.getMessages(id), 'not-permitted', "getMessages of another agent's chat without the listen-in right");
            return;
          }
          const page = await agent.getMessages(id);
          assert(page.messages.some((m) => m.text === 'Hello, anyone listening?'), 'a listener can read the history');
          const before = owner.events.length;
          await fx.customerWrites(id, 'Heard this?');
          await fx.customerWrites(other, 'Not in the feed');
          await until(() => events.some((e) => e.type === 'message' && e.message.text === 'Heard this?'), 'the new message in the feed');
          assert(
            events.every((e) => (e.type === 'message' ? e.message.sessionId === id : e.type !== 'session-updated' || e.session.id === id)),
            'the feed carries that chat only',
          );
          const toOwner = owner.events.slice(before);
          assert(
            toOwner.every((e) => e.type === 'message' || e.type === 'session-updated'),
            'the listened agent gets no event about the listener',
          );
          subscription.unsubscribe();
          const count = events.length;
          await fx.customerWrites(id, 'After leaving');
          await new Promise((resolve) => globalThis.setTimeout(resolve, 30));
          assert(events.length === count, 'no feed events after unsubscribing');
        } finally {
          subscription.unsubscribe();
        }
      };
      await check(fx.secondAgent, false);
      if (fx.listener) await check(fx.listener, true);
      let unknown: unknown;
      fx.adapter.listenIn('no-such-session').subscribe({ error: (e) => (unknown = e) });
      await until(() => unknown !== undefined, 'listenIn on an unknown session to fail');
      assert((unknown as { code?: unknown }).code === 'not-found', 'listenIn on an unknown session errors with not-found');
    });

    it('listenIn: the feed and the listener\'s history carry records the service can show (adapter data checks pass)', async () => {
      // Without a listener (fixture option) there is no feed to check: the case above covers the refusal.
      const listener = fx.listener;
      if (!listener) return;
      const id = await answered('Hello, anyone listening?');
      const events: BackendEvent[] = [];
      const subscription = listener.listenIn(id).subscribe((e) => events.push(e));
      try {
        await fx.customerWrites(id, 'Heard this?');
        await fx.adapter.sendMessage(id, { clientId: newClientId(), text: 'Yes, I am here.' });
        await until(
          () => ['Heard this?', 'Yes, I am here.'].every((text) => events.some((e) => e.type === 'message' && e.message.text === text)),
          'both new messages in the feed',
        );
        for (const event of events) {
          const checked = checkEvent(event);
          assert(!(checked instanceof Error), `a listen-in feed event can be shown (${checked instanceof Error ? checked.message : ''})`);
        }
        const page = await listener.getMessages(id);
        for (const message of page.messages) {
          const checked = checkMessage(message);
          assert(!(checked instanceof Error), `a listener's history message can be shown (${checked instanceof Error ? checked.message : ''})`);
        }
        const fed = events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
        for (const m of fed) {
          const stored = page.messages.find((p) => p.id === m.id);
          assert(stored && stored.seq === m.seq && stored.sentAt === m.sentAt, `feed message ${m.id} is the stored one (same seq and sentAt)`);
        }
      } finally {
        subscription.unsubscribe();
      }
    });

    it('rejects commands on unknown sessions with a typed not-found error', async () => {
      await rejectsWith(fx.adapter.answer('no-such-session'), 'not-found', 'answer on an unknown session');
      await rejectsWith(fx.adapter.getMessages('no-such-session'), 'not-found', 'getMessages on an unknown session');
      await rejectsWith(
        fx.adapter.sendMessage('no-such-session', { clientId: newClientId(), text: 'Hi' }),
        'not-found',
        'sendMessage on an unknown session',
      );
    });
  });
}
