import { defineElement } from '../../utils/define-element.js';
import { ChatScreen } from './chat-screen.js';

defineElement('chat-screen', ChatScreen);

declare global {
  interface HTMLElementTagNameMap {
    'chat-screen': ChatScreen;
  }
}
