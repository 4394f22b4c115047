/**
 * A failed first load is never a dead end: every failure (plain Error, any ChatBackendError code)
 * gets a localised sentence by code, the adapter's message only as detail, and a working
 * "Try again" (the service's reload()).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ChatBackendAdapter } from '../../src/backend/adapter.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService, type ChatServiceError } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, mount, waitUntil } from '../helpers.js';

/** The demo backend whose getSnapshot rejects with `failure` while `failing` is true. */
function make(failure: unknown) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const control = { failing: true, calls: 0 };
  const adapter = new Proxy(backend, {
    get(target, key) {
      if (key === 'getSnapshot') {
        return () => {
          control.calls++;
          return control.failing ? Promise.reject(failure) : target.getSnapshot();
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as ChatBackendAdapter;
  const service = new ChatService({ backend: adapter, clock });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  return { clock, backend, service, control, errors };
}

describe('a failed first load', () => {
  it('reload() (no DOM) loads again: loading, then ready; a second failure is error again with the code', async () => {
    const ctx = make(new ChatBackendError('not-permitted', 'Agent has no chat licence'));
    await ctx.service.ready.catch(() => undefined);
    expect(ctx.service.state.status).to.equal('error');
    expect(ctx.service.state.loadError).to.deep.equal({ code: 'not-permitted', message: 'Agent has no chat licence' });

    let failed: unknown;
    await ctx.service.reload().catch((e) => (failed = e));
    expect((failed as ChatBackendError).code).to.equal('not-permitted');
    expect(ctx.service.state.status).to.equal('error');
    expect(ctx.errors.map((e) => e.command)).to.deep.equal(['load', 'load']);

    ctx.control.failing = false;
    const reloading = ctx.service.reload();
    expect(ctx.service.state.status).to.equal('loading');
    await reloading;
    expect(ctx.service.state.status).to.equal('ready');
    expect(ctx.service.state.loadError).to.equal(undefined);
    expect(Object.keys(ctx.service.state.channels).length).to.be.greaterThan(0);
    ctx.service.dispose();
  });

  for (const [what, failure, sentence] of [
    ['a plain Error', new Error('HTTP 500 from /chat/snapshot'), 'Something went wrong while loading. Try again.'],
    ['not-permitted', new ChatBackendError('not-permitted', 'HTTP 403'), 'You are not allowed to use the chat. Ask your administrator for access.'],
  ] as const) {
    it(`${what}: a localised sentence by code, the raw message only under Details, and "Try again" that loads the chats`, async () => {
      const ctx = make(failure);
      await ctx.service.ready.catch(() => undefined);
      const screen = await fixture<HTMLElement>(html`<chat-screen .service=${ctx.service} style="display:block;width:1200px;height:600px"></chat-screen>`);
      const root = screen.shadowRoot!;
      const alert = await waitUntil(() => root.querySelector<HTMLElement>('[part="error"]'), 'the error state');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.querySelector('.state-title')!.textContent).to.equal('The chats could not be loaded');
      expect(alert.querySelector('.state-text')!.textContent).to.equal(sentence);
      const details = alert.querySelector('details')!;
      expect(details.querySelector('summary')!.textContent).to.equal('Details');
      expect(details.textContent).to.contain((failure as Error).message);
      expect(details.open).to.equal(false);
      await expect(screen).to.be.accessible();

      ctx.control.failing = false;
      byRole<HTMLButtonElement>(screen, 'button', 'Try again').click();
      await waitUntil(() => !root.querySelector('[part="error"]') && root.querySelector('[role="tablist"]'), 'the chats to load');
      expect(ctx.control.calls).to.equal(2);
      ctx.service.dispose();
    });
  }

  it('shows the sentence and "Try again" in Dutch', async () => {
    const ctx = make(new Error('boom'));
    await ctx.service.ready.catch(() => undefined);
    const screen = await fixture<HTMLElement>(html`<chat-screen .service=${ctx.service} lang="nl"></chat-screen>`);
    const root = screen.shadowRoot!;
    const alert = await waitUntil(() => {
      const el = root.querySelector<HTMLElement>('[part="error"]');
      return el?.querySelector('.state-text')?.textContent === 'Er ging iets mis bij het laden. Probeer het opnieuw.' ? el : null;
    }, 'the Dutch error state');
    expect(alert.querySelector('summary')!.textContent).to.equal('Details');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('Opnieuw proberen');
    ctx.service.dispose();
  });

  it('a standalone <chat-session-list> says so too (not "No chats yet"), with "Try again"', async () => {
    const ctx = make(new Error('boom'));
    await ctx.service.ready.catch(() => undefined);
    const list = await mount<HTMLElement>(ctx.service, html`<chat-session-list></chat-session-list>`);
    const alert = await waitUntil(() => list.shadowRoot!.querySelector<HTMLElement>('[part="empty"][role="alert"]'), 'the error state');
    expect(alert.textContent).to.contain('The chats could not be loaded').and.contain('Something went wrong while loading. Try again.');
    expect(alert.textContent).not.to.contain('No chats yet');
    ctx.control.failing = false;
    byRole<HTMLButtonElement>(list, 'button', 'Try again').click();
    await waitUntil(() => ctx.service.state.status === 'ready', 'the reload');
    await waitUntil(() => !list.shadowRoot!.querySelector('[role="alert"][part="empty"]'), 'the alert to go');
    ctx.service.dispose();
  });
});
