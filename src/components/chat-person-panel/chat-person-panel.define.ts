import { defineElement } from '../../utils/define-element.js';
import { ChatPersonPanel } from './chat-person-panel.js';

defineElement('chat-person-panel', ChatPersonPanel);

declare global {
  interface HTMLElementTagNameMap {
    'chat-person-panel': ChatPersonPanel;
  }
}
