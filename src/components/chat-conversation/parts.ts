/**
 * The on-demand parts of `<chat-conversation>`, each in its own lazily imported module (a separate
 * chunk of the CDN build): the conversation's first render carries none of them. The element
 * starts loading a part when the agent shows intent (pointer over or focus on its opener, `/`
 * typed at the start of the composer, files dragged over the conversation) and awaits it on use.
 *
 * Not part of the public API: tests replace a loader to see what happens when a chunk fails.
 */
export const conversationParts = {
  /** The Transfer dialog. */
  transfer: () => import('./transfer-dialog.js'),
  /** The Insert picker with its quick-reply dialog. */
  picker: () => import('./insert-picker.js'),
  /** The Create request dialog. */
  request: () => import('./request-dialog.js'),
  /** The End-chat confirmation. */
  endChat: () => import('./end-chat-dialog.js'),
  /** The list of the session's uploading, refused and failed files. */
  uploads: () => import('./upload-list.js'),
};

/**
 * The message history of `<chat-conversation>` (with the virtualizer and the message text
 * renderer), loaded when the conversation first shows a chat: its first render without a chat does
 * not carry it. Not part of the public API: tests replace the loader to see what happens when the
 * chunk fails.
 */
export const historyPart = {
  /** The module of `MessageHistoryController`. */
  load: (): Promise<HistoryModule> => import('./message-history.js'),
  /** The module once a conversation has loaded it: later conversations render their history at once. */
  loaded: undefined as HistoryModule | undefined,
};

/** The module of the message history. */
export type HistoryModule = typeof import('./message-history.js');
