/**
 * Registers every chat element: `import 'chat-screen/define.js'`. Safe to load twice.
 */
import './context/chat-provider.define.js';
import './components/chat-screen/chat-screen.define.js';
import './components/chat-dashboard/chat-dashboard.define.js';
import './components/chat-session-list/chat-session-list.define.js';
import './components/chat-conversation/chat-conversation.define.js';
import './components/chat-person-panel/chat-person-panel.define.js';
