import { expect } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { BackendEvent } from '../../src/backend/adapter.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import { ChatService } from '../../src/service/chat-service.js';
import { LocalStorageChannelSelection, MemoryChannelSelection } from '../../src/service/channel-selection.js';
import { FakeClock } from '../../src/service/clock.js';
import { transferTargets } from '../../src/service/transfer-targets.js';
import type { ChatWarning } from '../../src/service/warnings.js';

const MIN = 60_000;
const tick = () => new Promise((r) => setTimeout(r, 0));

async function make(agentId?: string) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const service = new ChatService({
    backend: agentId ? backend.forAgent(agentId) : backend,
    clock,
    selectionStorage: new MemoryChannelSelection(),
  });
  await service.ready;
  return { clock, backend, service };
}

async function rejection(promise: Promise<unknown>): Promise<ChatBackendError> {
  try {
    await promise;
  } catch (error) {
    return error as ChatBackendError;
  }
  throw new Error('expected a rejection');
}

describe('ChatService: listen in', () => {
  it('refuses an agent without the listen-in right with not-permitted, even when called directly', async () => {
    const { backend, service: ben } = await make('ben'); // guest rights: respond and notify, no listen-in
    const id = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
    backend.script.agentAnswers('a2', id);
    await tick();
    expect(ben.canListenIn(id)).to.equal(false);
    const refused = await rejection(ben.listenIn(id));
    expect(refused).to.be.instanceOf(ChatBackendError);
    expect(refused.code).to.equal('not-permitted');
    // The adapter refuses too, so a service that skipped its own check would still be stopped.
    const adapter = backend.forAgent('ben');
    let feedError: unknown;
    adapter.listenIn(id).subscribe({ error: (e) => (feedError = e) });
    expect((feedError as ChatBackendError).code).to.equal('not-permitted');
    expect((await rejection(adapter.getMessages(id))).code).to.equal('not-permitted');
    expect(backend.openSubscriptions).to.equal(1); // only ben's service stream
    ben.dispose();
  });

  it('shows another agent\'s chat live and read-only, without telling that agent, and stops the feed on stop()', async () => {
    const { backend, service } = await make();
    const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira', text: 'Hi, my parcel is late' });
    backend.script.agentAnswers('a2', id);
    await tick();
    const sanne = backend.forAgent('a2');
    const toSanne: BackendEvent[] = [];
    const sanneEvents = sanne.events$.subscribe((e) => toSanne.push(e));
    const baseline = backend.openSubscriptions;

    expect(service.canListenIn(id)).to.equal(true);
    const listen = await service.listenIn(id);
    expect(backend.openSubscriptions).to.equal(baseline + 1);
    expect(listen.view.messages.map((m) => m.text)).to.deep.equal([
      'Hi, my parcel is late',
      'Hi, thanks for reaching out to support. I am reading your message now.',
    ]);
    expect(toSanne, 'the listened agent gets no event').to.deep.equal([]);

    backend.script.agentWrites('a2', id, 'Let me look it up.');
    backend.script.customerWrites(id, 'Thanks!');
    await tick();
    expect(listen.view.messages.map((m) => m.text).slice(-2)).to.deep.equal(['Let me look it up.', 'Thanks!']);
    expect(listen.view.status).to.equal('live');
    // Read-only: the service refuses to write in a chat the agent only listens to.
    expect(await service.sendMessage(id, 'hello').catch((e: unknown) => e)).to.be.instanceOf(ChatBackendError).with.property('code', 'not-permitted');

    listen.stop();
    expect(backend.openSubscriptions).to.equal(baseline);
    backend.script.customerWrites(id, 'After the listener left');
    await tick();
    expect(listen.view.messages.map((m) => m.text)).to.not.include('After the listener left');
    sanneEvents.unsubscribe();
    service.dispose();
  });

  it('refuses the agent\'s own chat and chats that are not ongoing with invalid-state, unknown ones with not-found', async () => {
    const { backend, service } = await make();
    const queued = backend.script.customerArrives({ channelId: 'sales' });
    const mine = backend.script.customerArrives({ channelId: 'sales' });
    await tick();
    await service.answer(mine);
    expect((await rejection(service.listenIn(queued))).code).to.equal('invalid-state');
    expect((await rejection(service.listenIn(mine))).code).to.equal('invalid-state');
    expect((await rejection(service.listenIn('S999'))).code).to.equal('not-found');
    service.dispose();
  });

  it('marks the view ended when the listened chat ends, with the closing line', async () => {
    const { backend, service } = await make();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.script.agentAnswers('a2', id);
    await tick();
    const listen = await service.listenIn(id);
    backend.script.agentEnds('a2', id);
    await tick();
    expect(listen.view.status).to.equal('ended');
    expect(listen.view.messages.at(-1)!.kind).to.equal('system');
    listen.stop();
    service.dispose();
  });

  it('closes every listen-in feed on dispose', async () => {
    const { backend, service } = await make();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.script.agentAnswers('a2', id);
    await tick();
    const before = backend.openSubscriptions;
    await service.listenIn(id);
    expect(backend.openSubscriptions).to.equal(before + 1);
    service.dispose();
    expect(backend.openSubscriptions).to.equal(before - 1); // the service's own stream closed too
  });
});

describe('ChatService: warnings and presence', () => {
  it('warns once when a queued chat passes its channel\'s waiting limit, at that moment and not before', async () => {
    const { backend, service, clock } = await make();
    const seen: ChatWarning[] = [];
    const sub = service.warning$.subscribe((w) => seen.push(w));
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' }); // limit 2 min
    await tick();
    await clock.advance(2 * MIN);
    expect(service.state && seen).to.deep.equal([]);
    await clock.advance(1);
    expect(seen.map((w) => [w.sessionId, w.kind, w.limitMinutes])).to.deep.equal([[id, 'waiting', 2]]);
    await clock.advance(5 * MIN);
    expect(seen).to.have.length(1);
    sub.unsubscribe();
    service.dispose();
  });

  it('warns when the customer\'s newest message stays unanswered past the limit, and clears when the agent answers', async () => {
    const { backend, service, clock } = await make();
    const id = backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
    backend.script.agentAnswers('a2', id);
    backend.script.customerWrites(id, 'Anyone?'); // limit 3 min
    await tick();
    let current: readonly ChatWarning[] = [];
    const sub = service.warnings$.subscribe((w) => (current = w));
    await clock.advance(3 * MIN + 1);
    expect(current.map((w) => [w.sessionId, w.kind])).to.deep.equal([[id, 'unanswered']]);
    backend.script.agentWrites('a2', id, 'Yes, here!');
    await tick();
    expect(current).to.deep.equal([]);
    sub.unsubscribe();
    service.dispose();
  });

  it('gives an away agent no warnings, and warns again after switching back to present (reported through the adapter)', async () => {
    const { backend, service, clock } = await make();
    backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    await service.setPresence('away');
    expect(backend.inspect.agents().find((a) => a.id === 'a1')!.presence).to.equal('away');
    let current: readonly ChatWarning[] = [];
    const sub = service.warnings$.subscribe((w) => (current = w));
    await clock.advance(10 * MIN);
    expect(current).to.deep.equal([]);
    await service.setPresence('present');
    expect(backend.inspect.agents().find((a) => a.id === 'a1')!.presence).to.equal('present');
    expect(current).to.have.length(1);
    sub.unsubscribe();
    service.dispose();
  });

  it('gives no warnings on channels where the agent lacks the notify right', async () => {
    const { backend, clock } = await make();
    backend.script.setPresence('a4', 'present'); // Priya: respond on sales, no notify
    const priya = new ChatService({ backend: backend.forAgent('a4'), clock, selectionStorage: new MemoryChannelSelection() });
    await priya.ready;
    backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    let current: readonly ChatWarning[] = [];
    const sub = priya.warnings$.subscribe((w) => (current = w));
    await clock.advance(10 * MIN);
    expect(current).to.deep.equal([]);
    sub.unsubscribe();
    priya.dispose();
  });

  it('offers only present agents with the respond right as transfer targets; away agents are refused', async () => {
    const { backend, service } = await make();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    await tick();
    await service.answer(id);
    // Sales: Sanne (a2, present), Priya (a4, away), Emily (a6, away).
    expect(transferTargets(service.state, id).map((t) => t.agent.id)).to.deep.equal(['a2']);
    backend.script.setPresence('a6', 'present');
    await tick();
    expect(transferTargets(service.state, id).map((t) => t.agent.id)).to.deep.equal(['a6', 'a2']); // by name: Emily, Sanne
    backend.script.setPresence('a2', 'away');
    await tick();
    expect(transferTargets(service.state, id).map((t) => t.agent.id)).to.deep.equal(['a6']);
    expect((await rejection(service.requestTransfer(id, 'a2'))).code).to.equal('not-permitted');
    service.dispose();
  });
});

describe('Channel selection storage', () => {
  it('keeps the selection per agent in localStorage and reads nothing back from a broken value', () => {
    const prefix = `test-${Math.random().toString(36).slice(2)}:`;
    const storage = new LocalStorageChannelSelection(prefix);
    expect(storage.load('a1')).to.equal(null);
    storage.save('a1', ['sales']);
    storage.save('a2', ['support', 'webshop-nl']);
    expect(new LocalStorageChannelSelection(prefix).load('a1')).to.deep.equal(['sales']);
    expect(storage.load('a2')).to.deep.equal(['support', 'webshop-nl']);
    storage.save('a1', null);
    expect(localStorage.getItem(`${prefix}a1`)).to.equal(null);
    localStorage.setItem(`${prefix}a3`, '{not json');
    expect(storage.load('a3')).to.equal(null);
    localStorage.removeItem(`${prefix}a2`);
    localStorage.removeItem(`${prefix}a3`);
  });

  it('drops channels that no longer exist from a stored selection', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const storage = new MemoryChannelSelection();
    storage.save('a1', ['gone', 'sales']);
    const service = new ChatService({ backend, clock, selectionStorage: storage });
    await service.ready;
    expect(service.state.channelSelection).to.deep.equal(['sales']);
    service.dispose();
  });
});
