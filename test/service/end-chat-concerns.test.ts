/**
 * When "End chat" asks before ending (DOM-free): the customer wrote last and has had no answer,
 * the agent's composer holds a reply that was not sent, or files the agent attached were not sent.
 */
import { expect } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { type ChatSession, endChatConcerns } from '../../src/model/session.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';

function session(patch: Partial<ChatSession>): ChatSession {
  return {
    id: 'S1',
    channelId: 'sales',
    status: 'ongoing',
    customer: { name: 'Mira Okafor' },
    agentId: 'a1',
    createdAt: '2026-11-30T08:00:00Z',
    unreadCount: 0,
    lastSeq: 2,
    requestIds: [],
    customerTyping: false,
    ...patch,
  } as ChatSession;
}

const agentLast = session({ lastMessage: { kind: 'to-customer', text: 'It arrives today.', sentAt: '2026-11-30T08:05:00Z' } });
const customerLast = session({ lastMessage: { kind: 'from-customer', text: 'Are you there?', sentAt: '2026-11-30T08:06:00Z' } });

describe('endChatConcerns', () => {
  it('nothing to ask when the agent wrote last and the composer is empty or blank', () => {
    expect(endChatConcerns(agentLast)).to.deep.equal([]);
    expect(endChatConcerns(agentLast, '')).to.deep.equal([]);
    expect(endChatConcerns(agentLast, '  \n\t ')).to.deep.equal([]);
  });

  it('asks when the customer wrote last', () => {
    expect(endChatConcerns(customerLast)).to.deep.equal(['unanswered']);
  });

  it('asks when the composer holds a reply that was not sent, also after the agent wrote last', () => {
    expect(endChatConcerns(agentLast, 'One more thing')).to.deep.equal(['unsent-reply']);
  });

  it('names both when the customer wrote last and a reply was not sent, the unanswered customer first', () => {
    expect(endChatConcerns(customerLast, 'I am checking')).to.deep.equal(['unanswered', 'unsent-reply']);
  });

  it('asks when attached files were not sent, also after the agent wrote last and with an empty composer', () => {
    expect(endChatConcerns(agentLast, '', 0)).to.deep.equal([]);
    expect(endChatConcerns(agentLast, '', 1)).to.deep.equal(['unsent-files']);
    expect(endChatConcerns(agentLast, '  ', 2)).to.deep.equal(['unsent-files']);
  });

  it('names all three in order: the unanswered customer, the reply, the files', () => {
    expect(endChatConcerns(customerLast, 'I am checking', 3)).to.deep.equal(['unanswered', 'unsent-reply', 'unsent-files']);
  });
});

describe('ChatService.unsentFiles (what counts as attached but not sent)', () => {
  async function make() {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const service = new ChatService({ backend, clock });
    await service.ready;
    const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi' });
    await service.answer(id);
    return { clock, backend, service, id };
  }
  /** The session's upload list now (uploads$ emits the current one at once). */
  function statuses(service: ChatService, id: string): string[] {
    let list: readonly { status: string }[] = [];
    service.uploads$(id).subscribe((l) => (list = l)).unsubscribe();
    return list.map((u) => u.status);
  }
  const pdf = (name: string) => new File([new Uint8Array(2048)], name, { type: 'application/pdf' });

  it('counts files while they upload; a file that uploaded is sent and no longer counts', async () => {
    const { clock, service, id } = await make();
    expect(service.unsentFiles(id)).to.equal(0);
    const done = service.attachFiles(id, [pdf('invoice.pdf'), pdf('label.pdf')]);
    expect(statuses(service, id)).to.deep.equal(['uploading', 'uploading']);
    expect(service.unsentFiles(id)).to.equal(2);
    expect(endChatConcerns(service.state.sessions[id]!, '', service.unsentFiles(id))).to.include('unsent-files');
    await clock.advance(60_000);
    await done;
    expect(statuses(service, id)).to.deep.equal([]);
    expect(service.unsentFiles(id)).to.equal(0);
  });

  it('counts a file whose upload failed, not a refused one (never sendable, refused before any upload)', async () => {
    const { backend, service, id } = await make();
    await service.attachFiles(id, [new File([], 'empty.txt', { type: 'text/plain' })]);
    expect(statuses(service, id)).to.deep.equal(['refused']);
    expect(service.unsentFiles(id)).to.equal(0);
    backend.uploadFile = () => Promise.reject(new Error('network'));
    await service.attachFiles(id, [pdf('invoice.pdf')]);
    expect(statuses(service, id)).to.deep.equal(['refused', 'failed']);
    expect(service.unsentFiles(id)).to.equal(1);
  });

  it('keeps the count per session: another chat has its own, and the first keeps its files', async () => {
    const { backend, service, id } = await make();
    const other = backend.script.customerArrives({ channelId: 'support', name: 'Tom Berg', text: 'Hello?' });
    await service.answer(other);
    void service.attachFiles(id, [pdf('invoice.pdf')]);
    service.selectSession(other);
    expect(service.unsentFiles(other)).to.equal(0);
    service.selectSession(id);
    expect(service.unsentFiles(id)).to.equal(1);
    expect(service.unsentFiles('S-unknown')).to.equal(0);
  });

  it('ending the chat stops its files: the upload is aborted, nothing is sent or reported afterwards', async () => {
    const { clock, backend, service, id } = await make();
    const errors: unknown[] = [];
    service.errors$.subscribe((e) => errors.push(e));
    let aborted = false;
    const upload = backend.uploadFile.bind(backend);
    backend.uploadFile = (sessionId, file, options = {}) => {
      options.signal?.addEventListener('abort', () => (aborted = true));
      return upload(sessionId, file, options);
    };
    const done = service.attachFiles(id, [pdf('invoice.pdf')]);
    expect(service.unsentFiles(id)).to.equal(1);
    await service.endSession(id);
    expect(aborted, 'the upload was aborted').to.equal(true);
    expect(statuses(service, id)).to.deep.equal([]);
    await clock.advance(60_000);
    await done;
    expect(statuses(service, id)).to.deep.equal([]);
    expect(service.state.histories[id]?.items.some((m) => m.attachments.length) ?? false, 'no file sent').to.equal(false);
    expect(errors).to.deep.equal([]);
  });
});
