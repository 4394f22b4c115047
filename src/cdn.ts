/**
 * The CDN build's entry, `dist/cdn/chat-screen.js`: the public API (service, adapter contract,
 * errors, `<chat-provider>`, context, events, localization) and an autoloader. The elements are
 * separate files beside it, each fetched the first time its tag appears in the page (see
 * `autoloader.ts`); `<chat-screen>` fetches its tabs' elements when it first shows each tab.
 *
 * Also separate files, fetched on first use:
 * - the in-memory demo backend: `<chat-screen demo>` / `<chat-provider demo>` load it themselves;
 *   a host that wants the class calls `loadDemoBackend()`;
 * - the fault injector (`withFaults`, a testing tool): `loadFaultInjection()`.
 *
 * The element classes are not exported here: `await loadAll()` and then
 * `customElements.get('chat-screen')` give them.
 */
import './context/chat-provider.define.js';
import { startAutoloader } from './autoloader.js';

export * from './api.js';
export { discover, loadAll } from './autoloader.js';

/**
 * RxJS for a page without a build step that writes its own `ChatBackendAdapter`: `events$` and
 * `listenIn()` return an `Observable`; a `Subject` (or `BehaviorSubject` for a current value) is the
 * usual way to push a backend's events into one. The same RxJS copy the service uses (already in
 * this file, so exporting them costs nothing); a bundler user imports them from `rxjs` instead.
 */
export { Observable, Subject, BehaviorSubject } from 'rxjs';

/**
 * Load the in-memory demo backend (a separate file of the CDN build, fetched on first call).
 * @returns the `InMemoryChatBackend` class
 */
export async function loadDemoBackend(): Promise<typeof import('./backend/in-memory/index.js').InMemoryChatBackend> {
  return (await import('./backend/in-memory/index.js')).InMemoryChatBackend;
}

/**
 * Load the fault injector, a testing tool that wraps an adapter with delays, failures and drops
 * (a separate file of the CDN build, fetched on first call; the npm entry exports it directly).
 * @returns the module's `withFaults(adapter, options)` and `CHAT_COMMANDS` (the adapter commands it can fault)
 */
export async function loadFaultInjection(): Promise<typeof import('./backend/fault-injection.js')> {
  return import('./backend/fault-injection.js');
}

/**
 * Not in the CDN file (the npm entry exports the real class): the demo backend loads on first use.
 * Get it with `const InMemoryChatBackend = await loadDemoBackend()`, or use `<chat-screen demo>`.
 * @throws TypeError always, saying that
 */
export class InMemoryChatBackend {
  constructor() {
    throw new TypeError(
      'InMemoryChatBackend is not in the CDN file: use "const InMemoryChatBackend = await loadDemoBackend()" or <chat-screen demo>.',
    );
  }
}

startAutoloader();
