import { expect } from '@open-wc/testing';
import { ChatBackendError } from '../../src/backend/errors.js';
import { setup } from '../helpers.js';

const fail = (code: 'network' | 'timeout') => () => Promise.reject(new ChatBackendError(code, `${code} (test)`));

describe('ChatService: a failed command the agent started raises a notice', () => {
  it('answer: an error notice with the code, for the session (shown by the dashboard and list)', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.answer = fail('network');
    await service.answer(id).then(() => expect.fail('resolved'), (e: ChatBackendError) => expect(e.code).to.equal('network'));
    expect(service.state.notices.map((n) => [n.level, n.code, n.sessionId, n.scope])).to.deep.equal([['error', 'network', id, undefined]]);
  });

  it('takeNextInQueue: an error notice with the code', async () => {
    const { backend, service } = await setup();
    backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.takeNextInQueue = fail('timeout');
    await service.takeNextInQueue().catch(() => undefined);
    expect(service.state.notices.map((n) => [n.level, n.code])).to.deep.equal([['error', 'timeout']]);
  });

  it('while offline: answer and takeNextInQueue raise a `disconnected` notice', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.script.disconnect();
    await service.answer(id).catch(() => undefined);
    await service.takeNextInQueue().catch(() => undefined);
    expect(service.state.notices.map((n) => n.code)).to.deep.equal(['disconnected', 'disconnected']);
  });

  it('endSession: a session-scoped notice; the chat stays ongoing', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    await service.answer(id);
    backend.endSession = fail('timeout');
    await service.endSession(id).catch(() => undefined);
    expect(service.state.sessions[id]!.status).to.equal('ongoing');
    expect(service.state.notices.map((n) => [n.code, n.sessionId, n.scope])).to.deep.equal([['timeout', id, 'session']]);
  });

  it('setPresence: an error notice; the presence is unchanged', async () => {
    const { backend, service } = await setup();
    backend.setPresence = fail('network');
    await service.setPresence('away').catch(() => undefined);
    expect(service.state.agents[service.agentId]!.presence).to.equal('present');
    expect(service.state.notices.map((n) => n.code)).to.deep.equal(['network']);
  });

  it('the same failure again replaces its notice instead of stacking a second one', async () => {
    const { backend, service } = await setup();
    backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.takeNextInQueue = fail('network');
    await service.takeNextInQueue().catch(() => undefined);
    const first = service.state.notices[0]!.id;
    await service.takeNextInQueue().catch(() => undefined);
    expect(service.state.notices.map((n) => n.code)).to.deep.equal(['network']);
    expect(service.state.notices[0]!.id, 'the newer one').to.not.equal(first);
  });

  it('back online, the notices that said the server could not be reached go; others stay', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    backend.setPresence = () => Promise.reject(new ChatBackendError('not-permitted', 'no (test)'));
    await service.setPresence('away').catch(() => undefined);
    backend.script.disconnect();
    await service.answer(id).catch(() => undefined);
    expect(service.state.notices.map((n) => n.code).sort()).to.deep.equal(['disconnected', 'not-permitted']);
    backend.script.reconnect();
    await new Promise((r) => setTimeout(r, 0));
    expect(service.state.connection).to.equal('online');
    expect(service.state.notices.map((n) => n.code)).to.deep.equal(['not-permitted']);
  });

  it('error notices stay until dismissed (info notices go by themselves)', async () => {
    const { backend, service, clock } = await setup();
    backend.setPresence = fail('network');
    await service.setPresence('away').catch(() => undefined);
    await clock.advance(60_000);
    expect(service.state.notices).to.have.length(1);
    service.dismissNotice(service.state.notices[0]!.id);
    expect(service.state.notices).to.have.length(0);
  });
});
