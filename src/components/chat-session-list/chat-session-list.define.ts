import { defineElement } from '../../utils/define-element.js';
import { ChatSessionList } from './chat-session-list.js';
import './chat-session-row.define.js';
import { ChatVirtualRows } from './chat-virtual-rows.js';

defineElement('chat-virtual-rows', ChatVirtualRows);

defineElement('chat-session-list', ChatSessionList);

declare global {
  interface HTMLElementTagNameMap {
    'chat-session-list': ChatSessionList;
    'chat-virtual-rows': ChatVirtualRows;
  }
}
