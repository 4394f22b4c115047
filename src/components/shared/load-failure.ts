import { msg } from '@lit/localize';
import { type TemplateResult, html } from 'lit';
import type { ChatErrorCode } from '../../backend/errors.js';

/**
 * The localised sentence for a failed load of the chats, by the failure's code (the adapter's own
 * message is English and for logs; elements show it at most as secondary detail).
 * @param code the {@link ChatErrorCode} of the failure (`undefined`: not known)
 */
export function loadFailureText(code: ChatErrorCode | undefined): string {
  switch (code) {
    case 'network':
    case 'timeout':
    case 'disconnected':
      return msg('Check the connection, then try again.');
    case 'not-permitted':
      return msg('You are not allowed to use the chat. Ask your administrator for access.');
    case 'invalid-input':
      return msg('The chat server sent data that cannot be shown. Try again, or tell your administrator if it keeps happening.');
    default:
      return msg('Something went wrong while loading. Try again.');
  }
}

/**
 * What a view that needs the chats shows when the service's first load failed (state `status`
 * `error`), instead of claiming that its chat does not exist or is empty: "The chats could not be
 * loaded", the sentence by the error's code ({@link loadFailureText}) and "Try again".
 * An `alert` with part `empty` (style it with the element's `.empty`).
 * @param code the load error's code (state `loadError.code`)
 * @param retry called by "Try again" (the service's `reload()`)
 */
export function renderChatsLoadFailure(code: ChatErrorCode | undefined, retry: () => void): TemplateResult {
  return html`<div class="empty load-failed" part="empty" role="alert">
    <p class="empty-title">${msg('The chats could not be loaded')}</p>
    <p class="empty-text">${loadFailureText(code)}</p>
    <button type="button" class="btn" @click=${retry}>${msg('Try again')}</button>
  </div>`;
}
