import { defineElement } from '../../utils/define-element.js';
import { ChatSessionList } from './chat-session-list.js';
import './chat-session-row.define.js';

defineElement('chat-session-list', ChatSessionList);

declare global {
  interface HTMLElementTagNameMap {
    'chat-session-list': ChatSessionList;
  }
}
