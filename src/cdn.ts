/**
 * The CDN build: every export, and every element registered, in `dist/cdn/chat-screen.js`.
 *
 * The in-memory demo backend is not in that file: `<chat-screen demo>` loads it on first use
 * from a separate file beside it (`dist/cdn/chat-screen-demo-*.js`), so hosts with their own
 * backend never download it. A host that wants the demo class itself calls `loadDemoBackend()`.
 */
import './define.js';

export * from './index.js';

/**
 * Load the in-memory demo backend (a separate file of the CDN build, fetched on first call).
 * @returns the `InMemoryChatBackend` class
 */
export async function loadDemoBackend(): Promise<typeof import('./backend/in-memory/index.js').InMemoryChatBackend> {
  return (await import('./backend/in-memory/index.js')).InMemoryChatBackend;
}

/**
 * Not in the CDN file (this local export hides the library's): use `await loadDemoBackend()`,
 * or `<chat-screen demo>`.
 */
export const InMemoryChatBackend = undefined;
