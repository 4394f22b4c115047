/**
 * Adapter commands that resolve with another chat than the one asked for (or, for "Get next in
 * queue", with something that is not a chat session): the service refuses the answer with a typed
 * `invalid-input` error naming the command and both ids, changes nothing, and the agent can try
 * again. DOM-free.
 */
import { expect } from '@open-wc/testing';
import type { ChatBackendAdapter } from '../../src/backend/adapter.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatSession } from '../../src/model/session.js';
import { checkCommandSession } from '../../src/service/adapter-data.js';
import { ChatService, type ChatServiceError } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { tampered } from '../helpers.js';

type Command = 'answer' | 'takeNextInQueue' | 'endSession' | 'requestTransfer' | 'acceptTransfer' | 'rejectTransfer' | 'cancelTransfer' | 'linkPerson';

/**
 * A service on a demo backend whose `command` resolves with `wrong()` (without doing anything)
 * while `wrong` is set, and works normally once it is cleared.
 */
async function make(command: Command) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  let wrong: (() => unknown) | null = null;
  const real = (backend[command] as (...args: unknown[]) => Promise<unknown>).bind(backend);
  const adapter: ChatBackendAdapter = tampered(backend, {
    [command]: (...args: unknown[]) => (wrong ? Promise.resolve(wrong()) : real(...args)),
  });
  const service = new ChatService({ backend: adapter, clock });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  await service.ready;
  const chat = (name: string) => backend.script.customerArrives({ channelId: 'support', name, text: `Hello from ${name}` });
  const ctx = {
    clock,
    backend,
    service,
    errors,
    chat,
    /** From now on the command answers with `result` (a function, so it reads the state of that moment). */
    answerWith(result: () => unknown) {
      wrong = result;
    },
    /** The command works again. */
    heal() {
      wrong = null;
    },
    /** The service's record of `id` as the adapter would send it after a change (newer revision). */
    newer(id: string, change: Partial<ChatSession> = {}): ChatSession {
      const held = service.state.sessions[id]!;
      return { ...held, revision: (held.revision ?? 0) + 100, ...change };
    },
    /** `promise` rejects: resolves with the error. */
    async refused(promise: Promise<unknown>): Promise<ChatBackendError> {
      const outcome = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(outcome, 'the command is refused').to.be.instanceOf(ChatBackendError);
      return outcome as ChatBackendError;
    },
  };
  await clock.advance(10);
  return ctx;
}

/** The error names the command and both chat ids, and is reported on `errors$` for that command. */
function expectNamed(ctx: Awaited<ReturnType<typeof make>>, error: ChatBackendError, command: Command, asked: string, returned: string) {
  expect(error.code).to.equal('invalid-input');
  expect(error.message).to.contain(`${command}('${asked}')`).and.contain(`'${returned}'`);
  expect(error.details).to.include({ field: 'id', command, sessionId: asked, returnedId: returned });
  expect(ctx.errors.at(-1)).to.include({ command, code: 'invalid-input' });
}

describe('a command that resolves with another chat is refused and changes nothing', () => {
  it('answer: invalid-input naming answer and both ids; the other chat is not taken or selected; answering again works', async () => {
    const ctx = await make('answer');
    const asked = ctx.chat('Mira');
    const other = ctx.chat('Ada');
    await ctx.clock.advance(10);
    ctx.answerWith(() => ctx.newer(other, { status: 'ongoing', agentId: 'a1' }));
    const before = ctx.service.state;
    const error = await ctx.refused(ctx.service.answer(asked));
    expectNamed(ctx, error, 'answer', asked, other);
    expect(ctx.service.state.sessions).to.equal(before.sessions);
    expect(ctx.service.state.selectedSessionId).to.equal(before.selectedSessionId);
    expect(ctx.service.state.notices.at(-1)).to.include({ level: 'error', code: 'invalid-input', sessionId: asked });
    ctx.heal();
    const answered = await ctx.service.answer(asked);
    expect(answered).to.include({ id: asked, status: 'ongoing', agentId: 'a1' });
    expect(ctx.service.state.selectedSessionId).to.equal(asked);
    expect(ctx.service.state.sessions[other]!.status).to.equal('queued');
    ctx.service.dispose();
  });

  it('takeNextInQueue: a result that is not a chat session is refused with invalid-input naming the command; the queue stays; the next try works', async () => {
    const ctx = await make('takeNextInQueue');
    const waiting = ctx.chat('Mira');
    await ctx.clock.advance(10);
    for (const result of ['ok', {}, { id: waiting }, { type: 'message', message: {} }, undefined]) {
      ctx.answerWith(() => result);
      const before = ctx.service.state;
      const error = await ctx.refused(ctx.service.takeNextInQueue());
      expect(error.code, JSON.stringify(result)).to.equal('invalid-input');
      expect(error.message).to.contain('takeNextInQueue()').and.contain('no valid chat session');
      expect(ctx.service.state.sessions).to.equal(before.sessions);
      expect(ctx.service.state.selectedSessionId).to.equal(before.selectedSessionId);
      expect(ctx.errors.at(-1)).to.include({ command: 'takeNextInQueue', code: 'invalid-input' });
    }
    ctx.heal();
    expect(await ctx.service.takeNextInQueue()).to.include({ id: waiting, status: 'ongoing' });
    ctx.service.dispose();
  });

  it('endSession: invalid-input naming endSession and both ids; the chat stays ongoing with its draft; ending again works', async () => {
    const ctx = await make('endSession');
    const asked = ctx.chat('Mira');
    const other = ctx.chat('Ada');
    await ctx.service.answer(asked);
    await ctx.service.answer(other);
    ctx.service.setDraft(asked, 'One more thing');
    ctx.answerWith(() => ctx.newer(other, { status: 'ended', endedAt: '2026-11-30T09:01:00Z' }));
    const before = ctx.service.state;
    const error = await ctx.refused(ctx.service.endSession(asked));
    expectNamed(ctx, error, 'endSession', asked, other);
    expect(ctx.service.state.sessions).to.equal(before.sessions);
    expect(ctx.service.state.drafts[asked]).to.equal('One more thing');
    ctx.heal();
    expect(await ctx.service.endSession(asked)).to.include({ id: asked, status: 'ended' });
    expect(ctx.service.state.sessions[other]!.status).to.equal('ongoing');
    ctx.service.dispose();
  });

  it('requestTransfer and cancelTransfer: invalid-input naming the command and both ids; no transfer appears or goes; trying again works', async () => {
    for (const command of ['requestTransfer', 'cancelTransfer'] as const) {
      const ctx = await make(command);
      const asked = ctx.chat('Mira');
      const other = ctx.chat('Ada');
      await ctx.service.answer(asked);
      await ctx.service.answer(other);
      if (command === 'cancelTransfer') await ctx.service.requestTransfer(asked, 'a2');
      const pending = ctx.service.state.sessions[asked]!.transferTo;
      ctx.answerWith(() => ctx.newer(other, { transferTo: command === 'requestTransfer' ? { toAgentId: 'a2', at: '2026-11-30T09:01:00Z' } : undefined } as Partial<ChatSession>));
      const before = ctx.service.state;
      const error = await ctx.refused(command === 'requestTransfer' ? ctx.service.requestTransfer(asked, 'a2') : ctx.service.cancelTransfer(asked));
      expectNamed(ctx, error, command, asked, other);
      expect(ctx.service.state.sessions).to.equal(before.sessions);
      expect(ctx.service.state.sessions[asked]!.transferTo).to.deep.equal(pending);
      ctx.heal();
      const done = command === 'requestTransfer' ? await ctx.service.requestTransfer(asked, 'a2') : await ctx.service.cancelTransfer(asked);
      expect(done.id).to.equal(asked);
      expect(Boolean(done.transferTo), command).to.equal(command === 'requestTransfer');
      ctx.service.dispose();
    }
  });

  it('acceptTransfer and rejectTransfer: invalid-input naming the command and both ids; the transfer stays pending; trying again works', async () => {
    for (const command of ['acceptTransfer', 'rejectTransfer'] as const) {
      const ctx = await make(command);
      const asked = ctx.chat('Mira');
      const other = ctx.chat('Ada');
      ctx.backend.script.agentAnswers('a2', asked);
      ctx.backend.script.agentAnswers('a2', other);
      ctx.backend.script.transfer(asked, 'a2', 'a1');
      await ctx.clock.advance(10);
      ctx.answerWith(() => ctx.newer(other, { agentId: 'a1' }));
      const before = ctx.service.state;
      const error = await ctx.refused(command === 'acceptTransfer' ? ctx.service.acceptTransfer(asked) : ctx.service.rejectTransfer(asked));
      expectNamed(ctx, error, command, asked, other);
      expect(ctx.service.state.sessions).to.equal(before.sessions);
      expect(ctx.service.state.sessions[asked]!.transferTo?.toAgentId).to.equal('a1');
      expect(ctx.service.state.notices.at(-1)).to.include({ code: 'invalid-input', sessionId: asked, scope: 'session' });
      ctx.heal();
      const done = command === 'acceptTransfer' ? await ctx.service.acceptTransfer(asked) : await ctx.service.rejectTransfer(asked);
      expect(done).to.include({ id: asked, agentId: command === 'acceptTransfer' ? 'a1' : 'a2' });
      expect(done.transferTo).to.equal(undefined);
      expect(ctx.service.state.sessions[other]!.agentId).to.equal('a2');
      ctx.service.dispose();
    }
  });

  it('linkPerson: invalid-input naming linkPerson and both ids; the other chat is not linked', async () => {
    const ctx = await make('linkPerson');
    const asked = ctx.chat('Mira');
    const other = ctx.chat('Ada');
    await ctx.service.answer(asked);
    await ctx.service.answer(other);
    const person = (await ctx.service.searchPersons('a'))[0]!;
    ctx.answerWith(() => ctx.newer(other, { personId: person.id }));
    const before = ctx.service.state;
    const error = await ctx.refused(ctx.service.linkPerson(asked, person.id));
    expectNamed(ctx, error, 'linkPerson', asked, other);
    expect(ctx.service.state.sessions).to.equal(before.sessions);
    ctx.heal();
    expect(await ctx.service.linkPerson(asked, person.id)).to.include({ id: asked, personId: person.id });
    expect(ctx.service.state.sessions[other]!.personId ?? null).to.equal(null);
    ctx.service.dispose();
  });
});

describe('checkCommandSession', () => {
  const session = { id: 's1', channelId: 'support', status: 'ongoing', customer: { name: 'Mira' }, createdAt: '2026-11-30T09:00:00Z' };

  it('passes the asked chat (defaults filled) and any chat when none was asked', () => {
    expect(checkCommandSession('answer', 's1', session)).to.include({ id: 's1', agentId: null });
    expect(checkCommandSession('takeNextInQueue', null, session)).to.include({ id: 's1' });
  });

  it('names the command, both ids and the field of a record that is not a valid session', () => {
    const other = checkCommandSession('acceptTransfer', 's2', session) as ChatBackendError;
    expect(other.message).to.equal(
      "Adapter acceptTransfer('s2') resolved with another chat session: 'id' is 's1', not the asked 's2' (nothing was changed)",
    );
    const broken = checkCommandSession('takeNextInQueue', null, { ...session, status: 'paused' }) as ChatBackendError;
    expect(broken).to.be.instanceOf(ChatBackendError);
    expect(broken.message).to.contain('takeNextInQueue() resolved with no valid chat session').and.contain("'status' is unknown");
    expect(broken.details).to.include({ field: 'status', command: 'takeNextInQueue' });
  });
});
