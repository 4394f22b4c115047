/**
 * The key of the function a host gives `ModalController` (modal.ts) to tell which chat it shows
 * (`ChatSession.id`, or null): a dialog opened for one chat closes, as if cancelled, once the host
 * shows another (e.g. `ChatService.selectSession()` or a notification click), so nothing done in
 * it lands in the other chat.
 */
export const shownChat: unique symbol = Symbol('shownChat');

/** A host whose dialogs belong to the chat it shows (see {@link shownChat}). */
export interface ChatScopedHost {
  [shownChat](): string | null;
}
