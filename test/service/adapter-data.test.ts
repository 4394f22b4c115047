/**
 * Malformed adapter data: the service checks what comes from the adapter (snapshot, sessions,
 * messages, events), fills safe defaults for optional collections and reports records it cannot
 * show on `errors$` instead of crashing or dropping them silently.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatBackendAdapter } from '../../src/backend/adapter.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import type { ChatMessage } from '../../src/model/message.js';
import type { ChatSession } from '../../src/model/session.js';
import { checkEvent, checkMessage, checkSession, checkSnapshot } from '../../src/service/adapter-data.js';
import { ChatService, type ChatServiceError } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { Subject, merge } from 'rxjs';
import { deepText, mount, waitUntil, tampered } from '../helpers.js';
import { rawMessage } from './raw-records.js';

const message = rawMessage;
const session = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 's1',
  channelId: 'support',
  status: 'queued',
  customer: { name: 'Mira' },
  agentId: null,
  createdAt: '2026-11-30T09:00:00Z',
  unreadCount: 0,
  lastSeq: 0,
  requestIds: [],
  customerTyping: false,
  ...over,
});
const { attachments: _a, ...noAttachments } = message();

describe('adapter data checks (no DOM)', () => {
  it('a valid message or session is returned as is (no copy)', () => {
    const m = message();
    const s = session();
    expect(checkMessage(m)).to.equal(m);
    expect(checkSession(s)).to.equal(s);
  });

  it('fills safe defaults for optional collections and counters', () => {
    const m = checkMessage(noAttachments) as ChatMessage;
    expect(m.attachments).to.deep.equal([]);
    expect(m.text).to.equal('Hello');
    const { requestIds: _r, unreadCount: _u, agentId: _g, customerTyping: _t, ...bare } = session();
    const s = checkSession(bare) as ChatSession;
    expect([s.requestIds, s.unreadCount, s.agentId, s.customerTyping]).to.deep.equal([[], 0, null, false]);
  });

  it('rejects a record that cannot be shown with invalid-input naming the field', () => {
    const cases: [unknown, string][] = [
      [checkMessage(message({ id: undefined })), "'id' is missing"],
      [checkMessage(message({ kind: 'shout' })), "'kind' is unknown: 'shout'"],
      [checkMessage(message({ sentAt: 'yesterday' })), "'sentAt'"],
      [checkMessage(message({ attachments: [{ name: 'a.png' }] })), "'attachments[0].id' is missing"],
      [checkSession(session({ status: 'paused' })), "session 's1': 'status' is unknown: 'paused'"],
      [checkSession(session({ id: '' })), "'id' is missing"],
      [checkSession(session({ customer: undefined })), "'customer' is missing"],
      [checkEvent({ type: 'typing' }), "'type' is unknown: 'typing'"],
      [checkEvent({ type: 'message', message: message({ seq: 'one' }) }), "'seq'"],
    ];
    for (const [result, text] of cases) {
      expect(result, text).to.be.instanceOf(Error);
      expect((result as { code: string }).code).to.equal('invalid-input');
      expect((result as Error).message).to.contain(text);
    }
  });

  it('a snapshot leaves invalid sessions out and reports them once, with the count', () => {
    const checked = checkSnapshot({
      agent: { id: 'a1', name: 'A', rights: {} },
      agents: [{ id: 'a1', name: 'A', rights: {} }],
      channels: [{ id: 'support', name: 'Support' }],
      sessions: [session(), session({ id: 's2', status: 'paused' }), session({ id: 's3', status: 'nope' })],
      capabilities: { maxFileSize: 1, allowedFileTypes: [] },
      serverTime: '2026-11-30T09:00:00Z',
    });
    if (checked instanceof Error) throw checked;
    expect(checked.snapshot.sessions.map((s) => s.id)).to.deep.equal(['s1']);
    expect(checked.errors).to.have.length(1);
    expect(checked.errors[0]!.message).to.contain('2 records').and.contain("session 's2': 'status'");
    expect(checkSnapshot(null)).to.be.instanceOf(Error);
  });
});

describe("the adapter's agentId", () => {
  const snapshot = (agentId: string) => ({
    agent: { id: agentId, name: 'A', rights: {} },
    agents: [{ id: agentId, name: 'A', rights: {} }],
    channels: [{ id: 'support', name: 'Support' }],
    sessions: [],
    capabilities: { maxFileSize: 1, allowedFileTypes: [] },
    serverTime: '2026-11-30T09:00:00Z',
  });

  it('a missing or empty agentId fails the snapshot with invalid-input naming agentId', () => {
    for (const adapter of [{}, { agentId: '' }, { agentId: 7 }]) {
      const result = checkSnapshot(snapshot('a1'), adapter);
      expect(result, JSON.stringify(adapter)).to.be.instanceOf(Error);
      expect((result as { code: string }).code).to.equal('invalid-input');
      expect((result as Error).message).to.contain("'agentId'").and.contain('id of the agent it acts for');
    }
  });

  it("a snapshot agent other than the adapter's agentId fails naming both ids", () => {
    const result = checkSnapshot(snapshot('a2'), { agentId: 'a1' });
    expect(result).to.be.instanceOf(Error);
    expect((result as Error).message).to.contain("'agent'").and.contain("'a2'").and.contain("'a1'");
    expect(checkSnapshot(snapshot('a1'), { agentId: 'a1' })).not.to.be.instanceOf(Error);
  });

  it('a service on an adapter without agentId reports it: the first load fails with that error', async () => {
    const backend = new InMemoryChatBackend({ autoplay: false });
    const service = new ChatService({ backend: tampered(backend, { agentId: undefined }) });
    const errors: ChatServiceError[] = [];
    service.errors$.subscribe((e) => errors.push(e));
    await service.ready.catch(() => undefined);
    expect(errors.find((e) => e.command === 'load'), 'the load error').to.include({ code: 'invalid-input' });
    expect(errors.map((e) => e.message).join('\n')).to.contain("'agentId'");
    service.dispose();
  });
});

async function make(override: (backend: InMemoryChatBackend) => Partial<Record<keyof ChatBackendAdapter, unknown>>) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const service = new ChatService({ backend: tampered(backend, override(backend)), clock });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  return { clock, backend, service, errors };
}

describe('the service with a malformed adapter', () => {
  it('a history with a message without attachments loads (attachments []), one without id is reported, not shown', async () => {
    const ctx = await make((backend) => ({
      getMessages: async (id: string, options: object) => {
        const page = await backend.getMessages(id, options);
        const [first, ...rest] = page.messages.map(({ attachments: _x, ...m }) => m);
        return { ...page, messages: [{ ...first, id: undefined }, ...rest] };
      },
    }));
    await ctx.service.ready;
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi there' });
    ctx.backend.script.customerWrites(id, 'Is anyone there?');
    await ctx.clock.advance(100);
    await ctx.service.loadHistory(id);
    const history = ctx.service.state.histories[id]!;
    expect(history.loaded).to.equal(true);
    expect(history.items.map((m) => m.text)).to.deep.equal(['Is anyone there?']);
    expect(history.items[0]!.attachments).to.deep.equal([]);
    expect(ctx.errors).to.have.length(1);
    expect(ctx.errors[0]).to.include({ command: 'getMessages', code: 'invalid-input' });
    expect(ctx.errors[0]!.message).to.contain("'id' is missing");
    ctx.service.dispose();
  });

  it('a snapshot session with an unknown status is reported, the others show', async () => {
    const ctx = await make((backend) => ({
      getSnapshot: async () => {
        const snap = await backend.getSnapshot();
        return { ...snap, sessions: [...snap.sessions, session({ id: 'odd', status: 'paused' })] };
      },
    }));
    await ctx.service.ready;
    expect(ctx.service.state.status).to.equal('ready');
    expect(ctx.service.state.sessions['odd']).to.equal(undefined);
    expect(Object.keys(ctx.service.state.sessions).length).to.equal(ctx.backend.inspect.sessions().length);
    expect(ctx.errors.map((e) => [e.command, e.code])).to.deep.equal([['getSnapshot', 'invalid-input']]);
    expect(ctx.errors[0]!.message).to.contain("session 'odd': 'status' is unknown: 'paused'");
    ctx.service.dispose();
  });

  it('a malformed event is reported and skipped; the stream goes on', async () => {
    const extra = new Subject<unknown>();
    const ctx = await make((backend) => ({ events$: merge(backend.events$, extra) }));
    await ctx.service.ready;
    extra.next({ type: 'session-updated', session: { id: 'x', status: 'paused' } });
    expect(ctx.errors.map((e) => [e.command, e.code])).to.deep.equal([['events', 'invalid-input']]);
    expect(ctx.service.state.sessions['x']).to.equal(undefined);
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Ada', text: 'Hi' });
    await ctx.clock.advance(100);
    expect(ctx.service.state.sessions[id]?.status).to.equal('queued');
    // A message event without attachments is fine (defaults), no error.
    extra.next({ type: 'message', message: { ...noAttachments, sessionId: id, seq: 99 } });
    expect(ctx.errors).to.have.length(1);
    ctx.service.dispose();
  });

  it('the conversation shows messages without attachments instead of hanging on "Loading messages…"', async () => {
    const ctx = await make((backend) => ({
      getMessages: async (id: string, options: object) => {
        const page = await backend.getMessages(id, options);
        return { ...page, messages: page.messages.map(({ attachments: _x, ...m }) => m) };
      },
    }));
    await ctx.service.ready;
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi there, parcel late' });
    await ctx.clock.advance(100);
    const el = await mount<ChatConversation>(ctx.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
    await waitUntil(() => deepText(el).includes('Hi there, parcel late'), 'the message');
    expect(deepText(el)).not.to.contain('Loading messages');
    expect(ctx.errors).to.deep.equal([]);
  });
});
