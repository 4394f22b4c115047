/**
 * The conformance suite fails, with a message that says what is wrong, on adapters that make the
 * mistakes the service refuses: a missing method, a snapshot without the agent, messages of
 * another chat in a page, two different messages with one id in a page, a page out of order, a
 * command that resolves with another chat, an `answer` that loses a race with a plain `Error`, a
 * `lastMessage` that names the wrong author.
 */
import { expect } from '@open-wc/testing';
import type { ChatBackendAdapter } from '../../src/backend/adapter.js';
import { type AdapterFixture, runAdapterConformance } from '../../src/backend/conformance.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { MessagePage } from '../../src/model/message.js';
import type { BackendEvent } from '../../src/backend/adapter.js';
import { FakeClock } from '../../src/service/clock.js';
import { map } from 'rxjs';
import { tampered } from '../helpers.js';

type Override = Partial<Record<keyof ChatBackendAdapter, unknown>>;
type Body = () => Promise<void>;

/**
 * Run the conformance test whose title starts with `title` against the in-memory backend with
 * `override` on agent one; resolves with the test's failure (`undefined` when it passed).
 */
async function conformance(title: string, override: (backend: InMemoryChatBackend) => Override = () => ({})): Promise<Error | undefined> {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { describe: g['describe'], it: g['it'], beforeEach: g['beforeEach'], afterEach: g['afterEach'] };
  const tests = new Map<string, Body>();
  const before: Body[] = [];
  const after: Body[] = [];
  Object.assign(g, {
    describe: (_: string, body: () => void) => body(),
    it: (name: string, body: Body) => tests.set(name, body),
    beforeEach: (body: Body) => before.push(body),
    afterEach: (body: Body) => after.push(body),
  });
  try {
    runAdapterConformance('faulty', async (): Promise<AdapterFixture> => {
      const backend = new InMemoryChatBackend({ seed: 7, clock: new FakeClock(), autoplay: false });
      return {
        adapter: tampered(backend, override(backend)),
        secondAgent: backend.forAgent('ben'),
        queueCustomer: async (input = {}) => backend.script.customerArrives({ channelId: 'support', ...input }),
        customerWrites: async (sessionId, text) => void backend.script.customerWrites(sessionId, text),
        dispose: () => backend.dispose(),
      };
    });
  } finally {
    Object.assign(g, saved);
  }
  const body = [...tests].find(([name]) => name.startsWith(title))?.[1];
  if (!body) throw new Error(`no conformance test '${title}'`);
  for (const hook of before) await hook();
  try {
    await body();
    return undefined;
  } catch (error) {
    return error as Error;
  } finally {
    for (const hook of after) await hook();
  }
}

const pageOf = (backend: InMemoryChatBackend, change: (page: MessagePage, sessionId: string) => Promise<MessagePage> | MessagePage) => ({
  getMessages: async (id: string, options: object) => change(await backend.getMessages(id, options), id),
});

describe('the conformance suite catches adapter data mistakes', () => {
  it('the in-memory backend passes the new checks', async () => {
    expect(await conformance('has every method')).to.equal(undefined);
    expect(await conformance('getSnapshot returns')).to.equal(undefined);
    expect(await conformance('getMessages returns only')).to.equal(undefined);
  });

  it('a missing method: named', async () => {
    const failure = await conformance('has every method', () => ({ findPersonCandidates: undefined }));
    expect(failure?.message).to.contain('Conformance: adapter').and.contain('missing: findPersonCandidates');
  });

  it('a snapshot without agent, or without its rights: named', async () => {
    const noAgent = await conformance('getSnapshot returns', (backend) => ({
      getSnapshot: async () => ({ ...(await backend.getSnapshot()), agent: undefined }),
    }));
    expect(noAgent?.message).to.contain('snapshot.agent');
    const noRights = await conformance('getSnapshot returns', (backend) => ({
      getSnapshot: async () => {
        const snap = await backend.getSnapshot();
        return { ...snap, agent: { ...snap.agent, rights: undefined } };
      },
    }));
    expect(noRights?.message).to.contain("'agent.rights' is missing");
  });

  it('messages of another chat in a page: named with both session ids', async () => {
    let foreign: unknown;
    const failure = await conformance('getMessages returns only', (backend) =>
      pageOf(backend, async (page, id) => {
        foreign ??= { ...page.messages[0]!, id: 'foreign-1', sessionId: 'someone-else' };
        return { ...page, messages: [...page.messages, { ...(foreign as object), sessionId: `not-${id}` }] as MessagePage['messages'] };
      }),
    );
    expect(failure?.message).to.contain('Conformance: getMessages(').and.contain("'sessionId' is 'not-");
  });

  it('two different messages with one id in a page: named; a page out of order: named', async () => {
    const twice = await conformance('getMessages returns only', (backend) =>
      pageOf(backend, (page) => ({ ...page, messages: [...page.messages, { ...page.messages[0]!, text: 'Changed' }] })),
    );
    expect(twice?.message).to.contain('given twice with different content');
    const reversed = await conformance('getMessages returns only', (backend) =>
      pageOf(backend, (page) => ({ ...page, messages: [...page.messages].reverse() })),
    );
    expect(reversed?.message).to.contain('does not page as asked').and.contain('oldest first');
  });

  it('a command that resolves with another chat, or takeNextInQueue with no session: named with the command and both ids', async () => {
    expect(await conformance('answer, takeNextInQueue, transfer commands')).to.equal(undefined);
    const otherChat = (backend: InMemoryChatBackend) => backend.script.customerArrives({ channelId: 'support', text: 'Someone else' });
    const answer = await conformance('answer, takeNextInQueue, transfer commands', (backend) => ({
      answer: async (id: string) => ({ ...(await backend.answer(id)), id: otherChat(backend) }),
    }));
    expect(answer?.message).to.contain("Conformance: Adapter answer('").and.contain('resolved with another chat session');
    const next = await conformance('answer, takeNextInQueue, transfer commands', () => ({ takeNextInQueue: async () => ({ ok: true }) }));
    expect(next?.message).to.contain('takeNextInQueue() resolved with no valid chat session');
    const transfer = await conformance('answer, takeNextInQueue, transfer commands', (backend) => ({
      requestTransfer: async (id: string, to: string) => ({ ...(await backend.requestTransfer(id, to)), id: 'elsewhere' }),
    }));
    expect(transfer?.message).to.contain("requestTransfer('").and.contain("'id' is 'elsewhere'");
  });

  it('an adapter whose lost answer race throws a plain Error (not ChatBackendError already-taken): fails the race test', async () => {
    expect(await conformance('lets exactly one of two agents answer')).to.equal(undefined);
    const plain = await conformance('lets exactly one of two agents answer', (backend) => ({
      answer: async (id: string) => {
        try {
          return await backend.answer(id);
        } catch (error) {
          throw new Error(`could not answer: ${(error as Error).message}`);
        }
      },
    }));
    expect(plain?.message)
      .to.contain('Conformance: the adapter under test answering a chat another agent took first')
      .and.contain("should reject with ChatBackendError 'already-taken'");
  });

  it('a lastMessage that names another agent as its author: named', async () => {
    expect(await conformance("a session's lastMessage")).to.equal(undefined);
    const wrong = await conformance("a session's lastMessage", (backend) => ({
      events$: backend.events$.pipe(
        map((event: BackendEvent): BackendEvent =>
          event.type === 'session-updated' && event.session.lastMessage
            ? { ...event, session: { ...event.session, lastMessage: { ...event.session.lastMessage, agentId: 'someone-else' } } }
            : event,
        ),
      ),
    }));
    expect(wrong?.message).to.contain('lastMessage.agentId is the writer').and.contain("got 'someone-else'");
  });
});
