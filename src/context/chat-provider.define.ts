import { defineElement } from '../utils/define-element.js';
import { ChatProvider } from './chat-provider.js';

defineElement('chat-provider', ChatProvider);

declare global {
  interface HTMLElementTagNameMap {
    'chat-provider': ChatProvider;
  }
}
