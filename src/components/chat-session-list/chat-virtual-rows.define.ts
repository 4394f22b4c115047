import { defineElement } from '../../utils/define-element.js';
import { ChatVirtualRows } from './chat-virtual-rows.js';

// Loaded by <chat-session-list> when one of its groups is long (see `sessionListParts`).
defineElement('chat-virtual-rows', ChatVirtualRows);

declare global {
  interface HTMLElementTagNameMap {
    'chat-virtual-rows': ChatVirtualRows;
  }
}
