/**
 * Rights in the service (no DOM): answer, end, transfer (request and accept), listen-in and send are
 * checked by ChatService against the agent's channel rights and session ownership before the adapter
 * is asked, whatever an element shows; and when the service's view is stale the backend's own check
 * still answers with a typed error.
 */
import { expect } from '@open-wc/testing';
import type { ChatBackendAdapter } from '../../src/backend/adapter.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import { withFaults } from '../../src/backend/fault-injection.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChannelRights } from '../../src/model/channel.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';

async function make(agentId = 'a1', rights?: Record<string, ChannelRights>) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 4, clock, autoplay: false });
  const inner: ChatBackendAdapter = agentId === 'a1' ? backend : backend.forAgent(agentId);
  if (rights) {
    // The adapter reports narrower rights than the demo's agent has: only the service can refuse.
    const getSnapshot = inner.getSnapshot.bind(inner);
    inner.getSnapshot = async () => {
      const snapshot = await getSnapshot();
      const agents = snapshot.agents.map((a) => (a.id === agentId ? { ...a, rights: { ...a.rights, ...rights } } : a));
      return { ...snapshot, agents, agent: agents.find((a) => a.id === agentId)! };
    };
  }
  const faulty = withFaults(inner, { clock });
  const service = new ChatService({ backend: faulty, clock });
  await service.ready;
  const calls = () => faulty.faults.stats.commands;
  return { clock, backend, faulty, service, calls };
}

async function code(call: () => unknown): Promise<string> {
  try {
    await call();
    return 'resolved';
  } catch (error) {
    return error instanceof ChatBackendError ? error.code : `untyped: ${String(error)}`;
  }
}

describe('Rights checked by the service', () => {
  it('answer needs the respond right on the chat\'s channel; the adapter is not asked without it', async () => {
    const ctx = await make('a1', { sales: { respond: false, notify: true, listenIn: true, manage: false } });
    const id = ctx.backend.script.customerArrives({ channelId: 'sales', name: 'Mira', text: 'Hi' });
    await ctx.clock.advance(10);
    const before = ctx.calls();
    expect(await code(() => ctx.service.answer(id))).to.equal('not-permitted');
    expect(ctx.calls()).to.equal(before);
    expect(ctx.backend.inspect.session(id).status).to.equal('queued');
  });

  it('end, send and transfer refuse a chat another agent handles, without asking the adapter', async () => {
    const ctx = await make();
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira', text: 'Hi' });
    ctx.backend.script.agentAnswers('a2', id);
    await ctx.clock.advance(10);
    const before = ctx.calls();
    expect(await code(() => ctx.service.endSession(id))).to.equal('not-permitted');
    expect(await code(() => ctx.service.sendMessage(id, 'Not my chat'))).to.equal('not-permitted');
    expect(await code(() => ctx.service.requestTransfer(id, 'a3'))).to.equal('not-permitted');
    expect(ctx.calls()).to.equal(before);
    expect(ctx.backend.inspect.session(id).agentId).to.equal('a2');
  });

  it('a transfer goes only to another present agent with a right on the chat\'s channel', async () => {
    const ctx = await make();
    const id = ctx.backend.script.customerArrives({ channelId: 'sales', name: 'Mira', text: 'Hi' });
    await ctx.clock.advance(10);
    await ctx.service.answer(id);
    await ctx.clock.advance(10);
    const before = ctx.calls();
    expect(await code(() => ctx.service.requestTransfer(id, 'a1')), 'to oneself').to.equal('not-permitted');
    expect(await code(() => ctx.service.requestTransfer(id, 'a3')), 'no right on sales').to.equal('not-permitted');
    expect(await code(() => ctx.service.requestTransfer(id, 'a4')), 'away').to.equal('not-permitted');
    expect(ctx.calls()).to.equal(before);
    expect(await code(() => ctx.service.requestTransfer(id, 'a2'))).to.equal('resolved');
  });

  it('only the addressed agent may accept a transfer', async () => {
    const ctx = await make('a3');
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira', text: 'Hi' });
    ctx.backend.script.agentAnswers('a2', id);
    ctx.backend.script.transfer(id, 'a2', 'a5');
    await ctx.clock.advance(10);
    expect(ctx.service.state.sessions[id]?.transferTo?.toAgentId).to.equal('a5');
    const before = ctx.calls();
    expect(await code(() => ctx.service.acceptTransfer(id))).to.equal('not-permitted');
    expect(ctx.calls()).to.equal(before);
    expect(ctx.backend.inspect.session(id).agentId).to.equal('a2');
  });

  it('listen-in needs the listen-in right and a colleague\'s ongoing chat', async () => {
    const withRight = await make('a1');
    const id = withRight.backend.script.customerArrives({ channelId: 'support', name: 'Mira', text: 'Hi' });
    withRight.backend.script.agentAnswers('a2', id);
    await withRight.clock.advance(10);
    expect(await code(() => withRight.service.listenIn(id).then((l) => l.stop()))).to.equal('resolved');

    const without = await make('a2');
    const other = without.backend.script.customerArrives({ channelId: 'support', name: 'Tomasz', text: 'Hi' });
    without.backend.script.agentAnswers('a3', other);
    await without.clock.advance(10);
    const before = without.calls();
    expect(await code(() => without.service.listenIn(other))).to.equal('not-permitted');
    expect(without.calls()).to.equal(before);

    const own = withRight.backend.script.customerArrives({ channelId: 'support', name: 'Own', text: 'Hi' });
    await withRight.clock.advance(10);
    await withRight.service.answer(own);
    expect(await code(() => withRight.service.listenIn(own))).to.equal('invalid-state');
  });

  it('when the service\'s view is stale the backend still refuses with a typed error', async () => {
    const ctx = await make();
    const id = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira', text: 'Hi' });
    await ctx.clock.advance(10);
    await ctx.service.answer(id);
    await ctx.clock.advance(10);
    // The chat moves to a colleague while every event is lost: the service still thinks it is ours.
    ctx.faulty.faults.configure({ dropRate: 1 });
    ctx.backend.script.transfer(id, 'a1', 'a2');
    ctx.backend.script.acceptTransfer('a2', id);
    await ctx.clock.advance(10);
    expect(ctx.service.state.sessions[id]!.agentId).to.equal('a1');
    expect(await code(() => ctx.service.endSession(id))).to.equal('not-permitted');
    expect(ctx.backend.inspect.session(id)).to.include({ status: 'ongoing', agentId: 'a2' });
  });
});
