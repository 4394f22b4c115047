import { msg } from '@lit/localize';
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
