/**
 * The in-memory demo backend (`chat-screen/demo.js`): a simulated chat backend with customers,
 * colleagues and a CRM, deterministic under a seed and a clock.
 */
export { InMemoryChatBackend } from './in-memory-backend.js';
export type { InMemoryBackendOptions, BackendInspector } from './in-memory-backend.js';
export { InMemoryAgentAdapter, UPLOAD_STEP_MS } from './agent-adapter.js';
export { ChatScript } from './script.js';
export type { CustomerArrival } from './script.js';
export { DEFAULT_CAPABILITIES } from './store.js';
export type { FileFacts } from './store.js';
export { Random } from './random.js';
export { DIALOGUES, AGENT_LINES } from './data/dialogues.js';
export type { Dialogue } from './data/dialogues.js';
