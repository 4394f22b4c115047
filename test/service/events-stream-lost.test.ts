/**
 * The adapter's `events$` ends (errors or completes): the service treats it as a lost connection,
 * says so, subscribes again after `retryDelayMs` (backing off) and re-synchronises. No DOM.
 */
import { expect } from '@open-wc/testing';
import { EMPTY, Observable, Subject, concat, defer, takeUntil, throwError } from 'rxjs';
import type { BackendEvent, ChatBackendAdapter } from '../../src/backend/adapter.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService, type ChatServiceError } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { queuedSessions } from '../../src/service/selectors.js';

/** `backend` with its events$ replaced (every other member delegates to the demo backend). */
function withEvents(backend: InMemoryChatBackend, events$: Observable<BackendEvent>): ChatBackendAdapter {
  return new Proxy(backend, {
    get(target, key) {
      if (key === 'events$') return events$;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as ChatBackendAdapter;
}

async function make(how: 'error' | 'complete') {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const kill = new Subject<void>();
  let subscriptions = 0;
  // The first subscription ends when `kill` fires (with an error or completing); later ones live.
  const events$ = defer(() => {
    subscriptions++;
    if (subscriptions > 1) return backend.events$;
    const live = backend.events$.pipe(takeUntil(kill));
    return how === 'error' ? concat(live, throwError(() => new Error('socket closed'))) : live;
  });
  const service = new ChatService({ backend: withEvents(backend, events$), clock, retryDelayMs: 2_000 });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  await service.ready;
  return { clock, backend, service, errors, kill: () => kill.next(), subscriptions: () => subscriptions };
}

const queuedIds = (service: ChatService) => queuedSessions(service.state).map((s) => s.id);

for (const how of ['error', 'complete'] as const) {
  it(`a dead events$ (${how}) turns the connection offline, reports it, subscribes again after retryDelayMs and catches up`, async () => {
    const ctx = await make(how);
    expect(ctx.service.state.connection).to.equal('online');
    ctx.kill();
    expect(ctx.service.state.connection).to.equal('offline');
    expect(ctx.errors.map((e) => e.command)).to.deep.equal(['events']);
    expect(ctx.errors[0]!.code).to.equal('disconnected');
    if (how === 'error') expect(ctx.errors[0]!.message).to.contain('socket closed');

    // What happens while the stream is dead is missed at first ...
    const missed = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hello?' });
    await ctx.clock.advance(500);
    expect(queuedIds(ctx.service)).not.to.include(missed);
    expect(ctx.subscriptions()).to.equal(1);

    // ... and caught up by the re-synchronisation after the new subscription.
    await ctx.clock.advance(1_500);
    expect(ctx.subscriptions()).to.equal(2);
    expect(ctx.service.state.connection).to.equal('online');
    expect(queuedIds(ctx.service)).to.include(missed);

    // The new subscription delivers events again.
    const next = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Ada Berg', text: 'Hi' });
    await ctx.clock.advance(100);
    expect(queuedIds(ctx.service)).to.include(next);
    ctx.service.dispose();
  });
}

it('an events$ that keeps ending is subscribed again with a growing, capped delay; dispose stops it', async () => {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const at: number[] = [];
  const start = clock.now();
  const events$ = defer(() => {
    at.push(clock.now() - start);
    return EMPTY as Observable<BackendEvent>;
  });
  const service = new ChatService({ backend: withEvents(backend, events$), clock, retryDelayMs: 1_000 });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  await service.ready;
  await clock.advance(100_000);
  // 1, 2, 4, 8, 16 s after each end, then at most 16 s.
  expect(at.slice(0, 8)).to.deep.equal([0, 1_000, 3_000, 7_000, 15_000, 31_000, 47_000, 63_000]);
  expect(errors.every((e) => e.command === 'events')).to.equal(true);
  expect(service.state.connection).to.equal('offline');
  const count = at.length;
  service.dispose();
  await clock.advance(100_000);
  expect(at.length).to.equal(count);
});
