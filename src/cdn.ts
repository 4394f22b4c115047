/**
 * The CDN build: every export, and every element registered, in `dist/cdn/chat-screen.js`.
 *
 * Not in that file, each a separate file beside it fetched on first use:
 * - the in-memory demo backend: `<chat-screen demo>` loads it itself; a host that wants the demo
 *   class calls `loadDemoBackend()`;
 * - the fault injector (`withFaults`, a testing tool): `loadFaultInjection()`.
 */
import './define.js';

export * from './api.js';
export { ChatScreen } from './components/chat-screen/chat-screen.js';
export { ChatDashboard } from './components/chat-dashboard/chat-dashboard.js';
export { ChatSessionList } from './components/chat-session-list/chat-session-list.js';
export { ChatConversation } from './components/chat-conversation/chat-conversation.js';
export { ChatPersonPanel } from './components/chat-person-panel/chat-person-panel.js';

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
 * Not in the CDN file (this local export hides the library's): use `await loadDemoBackend()`,
 * or `<chat-screen demo>`.
 */
export const InMemoryChatBackend = undefined;
