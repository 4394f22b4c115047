/**
 * Helpers for tests that must not import test/helpers.ts (which defines every element through
 * src/define.js): the tests of what `<chat-screen>` loads by itself. Nothing here defines an element.
 */
import { fixture, html } from '@open-wc/testing';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import type { ChatScreen } from '../src/components/chat-screen/chat-screen.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';
import { type LazyChatTag, chatElementLoaders } from '../src/utils/element-loaders.js';

/**
 * Poll `get` every 10 ms until it returns a truthy value.
 * @param what named in the error on timeout
 * @param timeoutMs how long to wait, in ms
 * @returns the value
 * @throws Error "Timed out waiting for …" after `timeoutMs`
 */
export async function waitFor<T>(get: () => T, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = get();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A demo backend (seed 7, no autoplay) on a fake clock and its ready service; `dispose()` ends both. */
export async function standaloneWorld(): Promise<{ clock: FakeClock; backend: InMemoryChatBackend; service: ChatService; dispose(): void }> {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const service = new ChatService({ backend, clock });
  await service.ready;
  return {
    clock,
    backend,
    service,
    dispose: () => {
      service.dispose();
      backend.dispose();
    },
  };
}

/**
 * Make fetching `tag`'s code fail (as offline) until `restore()`, and collect what is written to
 * `console.error` meanwhile.
 */
export function failingLoad(tag: LazyChatTag): { attempts: () => number; errors: unknown[][]; restore(): void } {
  const real = chatElementLoaders[tag];
  let attempts = 0;
  chatElementLoaders[tag] = () => {
    attempts++;
    return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  };
  const errors: unknown[][] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  return {
    attempts: () => attempts,
    errors,
    restore: () => {
      chatElementLoaders[tag] = real;
      console.error = consoleError;
    },
  };
}

/**
 * Mira Okafor waiting in the queue, and a 1200 × 600 px `<chat-screen>` of `service` on its
 * Dashboard tab once the dashboard (fetched by the screen) shows her. The caller imports
 * `<chat-screen>`'s define module.
 */
export async function screenOnDashboard(world: { backend: InMemoryChatBackend; service: ChatService }): Promise<{ screen: ChatScreen; dashboard: HTMLElement }> {
  world.backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
  const screen = await fixture<ChatScreen>(
    html`<chat-screen .service=${world.service} style="display:block;width:1200px;height:600px"></chat-screen>`,
  );
  await waitFor(() => customElements.get('chat-dashboard'), '<chat-dashboard> to be defined');
  const dashboard = screen.shadowRoot!.querySelector<HTMLElement>('chat-dashboard')!;
  await waitFor(() => !!dashboard.shadowRoot?.textContent?.includes('Mira Okafor'), 'the dashboard to show the waiting customer');
  return { screen, dashboard };
}
