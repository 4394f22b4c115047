/**
 * Adapter mistakes that used to get through without a word (DOM-free except where a failed first
 * load must show): a snapshot without the agent (or its rights, or with sessions on unlisted
 * channels), records of another chat, pages that do not page as asked, two different records
 * with one id in one response, and an adapter that lacks a method of ChatBackendAdapter.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { Subject, filter, merge } from 'rxjs';
import type { BackendSnapshot, ChatBackendAdapter } from '../../src/backend/adapter.js';
import { ADAPTER_METHODS } from '../../src/backend/adapter-methods.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatMessage } from '../../src/model/message.js';
import { checkAdapter, checkList, checkMessage, checkPage } from '../../src/service/adapter-data.js';
import { ChatService, type ChatServiceError } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { deepText, mount, tampered, waitUntil } from '../helpers.js';
import { rawMessage } from './raw-records.js';

type Override = Partial<Record<keyof ChatBackendAdapter, unknown>>;

async function make(override: (backend: InMemoryChatBackend) => Override, before?: (backend: InMemoryChatBackend) => void) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  before?.(backend);
  const service = new ChatService({ backend: tampered(backend, override(backend)), clock });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  await service.ready.catch(() => undefined);
  return { clock, backend, service, errors };
}

/** A snapshot of the backend changed by `change`. */
const snapshotWith = (backend: InMemoryChatBackend, change: (snap: BackendSnapshot) => object) => ({
  getSnapshot: async () => change(await backend.getSnapshot()),
});

const message = rawMessage;

describe('the snapshot must carry the agent the adapter acts for', () => {
  it('a snapshot without agent fails the first load with invalid-input naming agent, and the screen says so', async () => {
    const ctx = await make((backend) => snapshotWith(backend, ({ agent: _a, ...rest }) => rest));
    expect(ctx.service.state.status).to.equal('error');
    expect(ctx.service.state.loadError?.code).to.equal('invalid-input');
    expect(ctx.service.state.loadError?.message).to.contain("'agent' is missing");
    expect(ctx.errors.find((e) => e.command === 'load')).to.include({ code: 'invalid-input' });
    const el = await mount<ChatScreen>(ctx.service, html`<chat-screen></chat-screen>`);
    await waitUntil(() => deepText(el).includes('The chats could not be loaded'), 'the load failure');
    expect(deepText(el)).to.contain('The chat server sent data that cannot be shown');
    ctx.service.dispose();
  });

  it("a snapshot agent without rights fails the first load naming agent.rights (every rights rule reads them)", async () => {
    const ctx = await make((backend) =>
      snapshotWith(backend, (snap) => {
        const { rights: _r, ...agent } = snap.agent;
        return { ...snap, agent, agents: snap.agents.map((a) => (a.id === agent.id ? agent : a)) };
      }),
    );
    expect(ctx.service.state.status).to.equal('error');
    expect(ctx.service.state.loadError).to.include({ code: 'invalid-input' });
    expect(ctx.service.state.loadError?.message).to.contain("'agent.rights' is missing");
    ctx.service.dispose();
  });

  it('agents without the snapshot agent: it is added (reported), so the header has it and Answer still checks the respond right', async () => {
    let answers = 0;
    const ctx = await make((backend) => ({
      ...snapshotWith(backend, (snap) => ({
        ...snap,
        agent: { ...snap.agent, rights: {} },
        agents: snap.agents.filter((a) => a.id !== snap.agent.id),
      })),
      answer: async (id: string) => {
        answers++;
        return backend.answer(id);
      },
    }));
    expect(ctx.service.state.status).to.equal('ready');
    expect(ctx.service.state.agents[ctx.service.agentId]?.name).to.equal(ctx.backend.inspect.agents().find((a) => a.id === ctx.service.agentId)?.name);
    expect(ctx.errors.map((e) => [e.command, e.code, e.cause.details['field']])).to.deep.equal([['getSnapshot', 'invalid-input', 'agents']]);
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
    await ctx.clock.advance(100);
    let refused: unknown;
    await ctx.service.answer(id).catch((e) => (refused = e));
    expect((refused as { code?: string } | undefined)?.code).to.equal('not-permitted');
    expect(answers, 'the adapter was not asked').to.equal(0);
    ctx.service.dispose();
  });

  it('a session on a channel the snapshot does not list is shown and reported naming channelId', async () => {
    const ctx = await make(
      (backend) => snapshotWith(backend, (snap) => ({ ...snap, channels: snap.channels.filter((c) => c.id !== 'support') })),
      (backend) => backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' }),
    );
    const strays = ctx.backend.inspect.sessions().filter((s) => s.channelId === 'support');
    expect(strays.length, 'the demo has support chats').to.be.greaterThan(0);
    expect(ctx.service.state.status).to.equal('ready');
    for (const s of strays) expect(ctx.service.state.sessions[s.id], s.id).not.to.equal(undefined);
    expect(ctx.errors.map((e) => [e.command, e.code, e.cause.details['field']])).to.deep.equal([['getSnapshot', 'invalid-input', 'channelId']]);
    expect(ctx.errors[0]!.message).to.contain("'channelId' is 'support'");
    ctx.service.dispose();
  });
});

describe('records of another chat are refused', () => {
  /** A support chat the agent answered, with two customer messages, and another one. */
  async function twoChats(ctx: Awaited<ReturnType<typeof make>>) {
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Parcel late' });
    ctx.backend.script.customerWrites(id, 'Order 1234');
    const other = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Ada', text: 'Other chat' });
    await ctx.clock.advance(100);
    return { id, other };
  }

  it("getMessages('s1') returning a message of another session: left out, reported as invalid-input naming sessionId", async () => {
    let foreign: ChatMessage | undefined;
    const ctx = await make((backend) => ({
      getMessages: async (id: string, options: object) => {
        const page = await backend.getMessages(id, options);
        return foreign ? { ...page, messages: [...page.messages, foreign] } : page;
      },
    }));
    const { id, other } = await twoChats(ctx);
    foreign = (await ctx.backend.getMessages(other)).messages[0]!;
    await ctx.service.loadHistory(id);
    const items = ctx.service.state.histories[id]!.items;
    expect(items.map((m) => m.text)).to.deep.equal(['Parcel late', 'Order 1234']);
    expect(ctx.errors.map((e) => [e.command, e.code, e.cause.details['field']])).to.deep.equal([['getMessages', 'invalid-input', 'sessionId']]);
    expect(ctx.errors[0]!.message).to.contain(`'sessionId' is '${other}', not the chat it was asked for ('${id}')`);
    ctx.service.dispose();
  });

  it('getChatTranscript and sendMessage answering with a message of another chat: left out; the sent message fails (Retry) with invalid-input', async () => {
    let foreign: ChatMessage | undefined;
    const ctx = await make((backend) => ({
      // No echo of the agent's own messages: the response alone confirms a send.
      events$: backend.events$.pipe(filter((e) => e.type !== 'message' || e.message.kind !== 'to-customer')),
      getChatTranscript: async (id: string) => [...(await backend.getChatTranscript(id)), foreign],
      sendMessage: async (id: string, input: { clientId: string; text: string }) => ({ ...(await backend.sendMessage(id, input)), sessionId: 'elsewhere' }),
    }));
    const { id, other } = await twoChats(ctx);
    foreign = (await ctx.backend.getMessages(other)).messages[0]!;
    await ctx.service.loadTranscript(id);
    expect(ctx.service.state.transcripts[id]!.messages.map((m) => m.sessionId)).to.deep.equal([id, id]);
    expect(ctx.errors.map((e) => [e.command, e.cause.details['field']])).to.deep.equal([['getChatTranscript', 'sessionId']]);
    await ctx.service.answer(id);
    await ctx.service.loadHistory(id);
    let failure: unknown;
    const sending = ctx.service.sendMessage(id, 'On its way').catch((e) => (failure = e));
    await ctx.clock.advance(100);
    await sending;
    expect((failure as { code?: string }).code).to.equal('invalid-input');
    const sent = ctx.service.state.histories[id]!.items.find((m) => m.text === 'On its way');
    expect(sent?.status, 'kept, failed, with Retry').to.equal('failed');
    expect(ctx.errors.at(-1)).to.include({ command: 'sendMessage', code: 'invalid-input' });
    expect(ctx.errors.at(-1)!.message).to.contain("'sessionId' is 'elsewhere'");
    ctx.service.dispose();
  });

  it("a listen-in feed event of another chat is left out and reported naming sessionId", async () => {
    const extra = new Subject<unknown>();
    const ctx = await make((backend) => ({ listenIn: (id: string) => merge(backend.listenIn(id), extra) }));
    const { id, other } = await twoChats(ctx);
    ctx.backend.script.agentAnswers('a2', id);
    await ctx.clock.advance(100);
    const listen = await ctx.service.listenIn(id);
    const view = listen.view;
    extra.next({ type: 'message', message: message({ id: 'x1', sessionId: other, seq: 40 }) });
    expect(listen.view).to.equal(view);
    expect(ctx.errors.map((e) => [e.command, e.code, e.cause.details['field']])).to.deep.equal([['listenIn', 'invalid-input', 'sessionId']]);
    listen.stop();
    ctx.service.dispose();
  });

  it('a page that is not oldest first or has a seq outside the asked range is reported naming seq; its messages are kept in seq order', async () => {
    let shuffle = false;
    const ctx = await make((backend) => ({
      getMessages: async (id: string, options: object) => {
        const page = await backend.getMessages(id, options);
        return shuffle ? { ...page, messages: [...page.messages].reverse() } : page;
      },
    }));
    const { id } = await twoChats(ctx);
    shuffle = true;
    await ctx.service.loadHistory(id);
    expect(ctx.service.state.histories[id]!.items.map((m) => m.text)).to.deep.equal(['Parcel late', 'Order 1234']);
    expect(ctx.errors.map((e) => [e.command, e.code, e.cause.details['field']])).to.deep.equal([['getMessages', 'invalid-input', 'seq']]);
    expect(ctx.errors[0]!.message).to.contain('oldest first');
    const pages: [unknown[], object][] = [
      [[message({ seq: 5 })], { beforeSeq: 5 }],
      [[message({ seq: 2 })], { afterSeq: 3 }],
      [[message({ id: 'a', seq: 1 }), message({ id: 'b', seq: 2 })], { limit: 1 }],
    ];
    const fields = pages.map(([raw, asked]) => checkPage(checkList('getMessages', raw, checkMessage).items, asked)?.details['field']);
    expect(fields).to.deep.equal(['seq', 'seq', 'limit']);
    expect(checkPage([message({ id: 'a', seq: 3 }), message({ id: 'b', seq: 4 })] as unknown as ChatMessage[], { beforeSeq: 5, afterSeq: 2, limit: 2 })).to.equal(null);
    ctx.service.dispose();
  });
});

describe('two different records with one id in one response', () => {
  it('the first is shown, the second reported as invalid-input naming the id; the same record twice is merged quietly', async () => {
    let extra: (messages: readonly ChatMessage[]) => ChatMessage[] = (m) => [...m];
    const ctx = await make((backend) => ({
      getMessages: async (id: string, options: object) => {
        const page = await backend.getMessages(id, options);
        return { ...page, messages: extra(page.messages) };
      },
    }));
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Parcel late' });
    const other = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Ada', text: 'Hello' });
    await ctx.clock.advance(100);
    // A repeated delivery: the same record twice (another key order) is one message, no error.
    extra = (m) => [...m, { ...m[0]! }, Object.fromEntries(Object.entries(m[0]!).reverse()) as unknown as ChatMessage];
    await ctx.service.loadHistory(other);
    expect(ctx.service.state.histories[other]!.items.map((m) => m.text)).to.deep.equal(['Hello']);
    expect(ctx.errors).to.deep.equal([]);
    // Corrupt data: a second, different record with the same id.
    extra = (m) => [...m, { ...m[0]!, text: 'Something else' }];
    await ctx.service.loadHistory(id);
    const first = (await ctx.backend.getMessages(id)).messages[0]!;
    expect(ctx.service.state.histories[id]!.items.map((m) => m.text)).to.deep.equal(['Parcel late']);
    expect(ctx.errors.map((e) => [e.command, e.code, e.cause.details['field']])).to.deep.equal([['getMessages', 'invalid-input', 'id']]);
    expect(ctx.errors[0]!.message).to.contain(`'${first.id}'`).and.contain('given twice with different content');
    ctx.service.dispose();
  });

  it('a later update of a message (another response) is not reported', async () => {
    const events = new Subject<unknown>();
    const ctx = await make((backend) => ({ events$: merge(backend.events$, events) }));
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Parcel late' });
    await ctx.clock.advance(100);
    await ctx.service.loadHistory(id);
    const first = ctx.service.state.histories[id]!.items[0]!;
    const { status: _s, ...stored } = first;
    events.next({ type: 'message', message: { ...stored, text: 'Parcel late (edited)' } });
    expect(ctx.errors).to.deep.equal([]);
    ctx.service.dispose();
  });

  it('snapshot sessions and transcripts follow the same rule (one list check)', () => {
    const { items, error } = checkList('getChatTranscript', [message(), message(), message({ text: 'Other' })], checkMessage);
    expect(items.map((m) => m.text)).to.deep.equal(['Hello']);
    expect(error?.details).to.deep.include({ field: 'id', count: 1 });
    expect(error?.message).to.contain("record 'm1'");
  });
});

describe('an adapter must have every method of ChatBackendAdapter', () => {
  it('a missing method fails the first load with invalid-input naming it (not "is not a function" on first use)', async () => {
    const ctx = await make(() => ({ findPersonCandidates: undefined, listFaqs: 'nope' }));
    expect(ctx.service.state.status).to.equal('error');
    expect(ctx.service.state.loadError).to.include({ code: 'invalid-input' });
    expect(ctx.service.state.loadError?.message).to.contain('findPersonCandidates, listFaqs');
    const load = ctx.errors.find((e) => e.command === 'load')!;
    expect(load.cause.details['missing']).to.deep.equal(['findPersonCandidates', 'listFaqs']);
    await ctx.service.reload().catch(() => undefined);
    expect(ctx.service.state.loadError?.message, 'a reload fails the same way').to.contain('findPersonCandidates');
    ctx.service.dispose();
  });

  it('the check reads the one list derived from the interface, including events$', () => {
    const backend = new InMemoryChatBackend({ autoplay: false });
    expect(checkAdapter(backend)).to.equal(null);
    expect(ADAPTER_METHODS).to.include.members(['getSnapshot', 'findPersonCandidates', 'uploadFile', 'listenIn']);
    const bare = Object.fromEntries(ADAPTER_METHODS.map((name) => [name, () => undefined]));
    expect(checkAdapter(bare)?.details).to.deep.equal({ field: 'methods', missing: ['events$'] });
    expect(checkAdapter({})?.details['missing']).to.have.length(ADAPTER_METHODS.length + 1);
    backend.dispose();
  });
});
