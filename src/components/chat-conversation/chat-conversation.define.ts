import { defineElement } from '../../utils/define-element.js';
import { ChatConversation } from './chat-conversation.js';

defineElement('chat-conversation', ChatConversation);

declare global {
  interface HTMLElementTagNameMap {
    'chat-conversation': ChatConversation;
  }
}
