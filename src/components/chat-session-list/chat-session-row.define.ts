import { defineElement } from '../../utils/define-element.js';
import { ChatSessionRow } from './chat-session-row.js';

defineElement('chat-session-row', ChatSessionRow);

declare global {
  interface HTMLElementTagNameMap {
    'chat-session-row': ChatSessionRow;
  }
}
