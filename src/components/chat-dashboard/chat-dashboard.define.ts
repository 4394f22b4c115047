import { defineElement } from '../../utils/define-element.js';
import { ChatDashboard } from './chat-dashboard.js';

defineElement('chat-dashboard', ChatDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'chat-dashboard': ChatDashboard;
  }
}
