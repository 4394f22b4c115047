/**
 * A history page that fails is kept in service state (`histories[id].error`, `historyStatus`), so
 * views can say why and offer "Try again"; a reconnect loads a failed first page of a watched
 * session again.
 */
import { expect } from '@open-wc/testing';
import { ChatBackendError } from '../../src/backend/errors.js';
import { historyStatus } from '../../src/service/state.js';
import { setup } from '../helpers.js';

/** Make `backend.getMessages` reject once with `code` (only pages matching `older`, when given). */
function failOnce(
  backend: { getMessages: (id: string, o?: { beforeSeq?: number; limit?: number }) => Promise<unknown> },
  code: ChatBackendError['code'],
  older?: boolean,
): { readonly calls: number } {
  const real = backend.getMessages.bind(backend);
  const state = { calls: 0, failed: false };
  backend.getMessages = (id, options) => {
    state.calls++;
    if (!state.failed && (older === undefined || older === (options?.beforeSeq !== undefined))) {
      state.failed = true;
      return Promise.reject(new ChatBackendError(code, `${code} (test)`));
    }
    return real(id, options);
  };
  return state;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(check(), what).to.equal(true);
}

describe('ChatService: failed history pages', () => {
  it('a failed first page is `failed` with its code (not loading forever); loadHistory again loads it', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    await service.answer(id);
    failOnce(backend as never, 'network');
    const errors: string[] = [];
    service.errors$.subscribe((e) => errors.push(`${e.command}:${e.code}`));
    const stop = service.watchSession(id);
    expect(historyStatus(service.state.histories[id])).to.equal('loading');
    await until(() => !service.state.histories[id]!.loading, 'the page settles');
    const failed = service.state.histories[id]!;
    expect(historyStatus(failed)).to.equal('failed');
    expect(failed.loaded).to.equal(false);
    expect(failed.error?.code).to.equal('network');
    expect(errors).to.deep.equal(['loadHistory:network']);

    const retry = service.loadHistory(id);
    expect(historyStatus(service.state.histories[id]), 'the error goes while trying again').to.equal('loading');
    expect(service.state.histories[id]!.error).to.equal(undefined);
    await retry;
    expect(historyStatus(service.state.histories[id])).to.equal('loaded');
    expect(service.state.histories[id]!.items.map((m) => m.text)).to.include('Hi');
    stop();
  });

  it('a failed older page keeps what is loaded, is `failed` with its code, and loads on the next try', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', text: 'm1' });
    await service.answer(id);
    backend.script.addMessages(id, 120);
    await service.loadHistory(id);
    const before = service.state.histories[id]!.items;
    expect(service.state.histories[id]!.hasMore).to.equal(true);
    failOnce(backend as never, 'timeout', true);
    await service.loadHistory(id, true).then(
      () => expect.fail('resolved'),
      (e: ChatBackendError) => expect(e.code).to.equal('timeout'),
    );
    const failed = service.state.histories[id]!;
    expect(historyStatus(failed)).to.equal('failed');
    expect(failed.loaded).to.equal(true);
    expect(failed.error?.code).to.equal('timeout');
    expect(failed.items, 'nothing loaded goes').to.equal(before);
    await service.loadHistory(id, true);
    expect(historyStatus(service.state.histories[id])).to.equal('loaded');
    expect(service.state.histories[id]!.items.length).to.be.greaterThan(before.length);
  });

  it('a reconnect loads a failed first page of a watched session again (not of an unwatched one)', async () => {
    const { backend, service, clock } = await setup();
    const watched = backend.script.customerArrives({ channelId: 'sales', text: 'Watched' });
    const other = backend.script.customerArrives({ channelId: 'sales', text: 'Other' });
    await service.answer(watched);
    await service.answer(other);
    backend.script.disconnect();
    await until(() => service.state.connection === 'offline', 'offline');
    const stop = service.watchSession(watched);
    await service.loadHistory(other).catch(() => undefined);
    await until(() => historyStatus(service.state.histories[watched]) === 'failed', 'the watched page fails');
    expect(service.state.histories[watched]!.error?.code).to.equal('disconnected');
    expect(historyStatus(service.state.histories[other])).to.equal('failed');

    backend.script.reconnect();
    await clock.advance(5_000);
    await until(() => historyStatus(service.state.histories[watched]) === 'loaded', 'the watched page loads after the reconnect');
    expect(service.state.histories[watched]!.items.map((m) => m.text)).to.include('Watched');
    expect(historyStatus(service.state.histories[other]), 'an unwatched history waits for a view').to.equal('failed');
    stop();
  });
});
