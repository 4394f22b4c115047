/**
 * chat-screen: the agent-side Chat screen of a CRM as web components.
 * This entry has no side effects; `chat-screen/define.js` registers the elements.
 */
export * from './api.js';
export { CHAT_COMMANDS, withFaults } from './backend/fault-injection.js';
export { InMemoryChatBackend } from './backend/in-memory/index.js';
export { ChatScreen } from './components/chat-screen/chat-screen.js';
export { ChatDashboard } from './components/chat-dashboard/chat-dashboard.js';
export { ChatSessionList } from './components/chat-session-list/chat-session-list.js';
export { ChatConversation } from './components/chat-conversation/chat-conversation.js';
export { ChatPersonPanel } from './components/chat-person-panel/chat-person-panel.js';
