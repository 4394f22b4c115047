import type { ChatErrorCode } from './backend/errors.js';

/**
 * Details of the public events. Every event is a `CustomEvent` with `bubbles: true` and
 * `composed: true`, so a listener on `document` hears it from inside any shadow root. Events tell
 * the host what the agent did; the elements do not talk to each other through them.
 */
export interface ChatEventDetails {
  /** The agent selected a session (list row, dashboard answer, next in queue). */
  'chat-session-select': { sessionId: string };
  /** The agent sends a message; cancelable: `preventDefault()` stops the send and keeps the text. */
  'chat-message-send': { sessionId: string; clientId: string; text: string; attachmentIds: readonly string[] };
  /** A request (ticket) was created from a chat. */
  'chat-request-create': { sessionId: string; requestId: string };
  /** The chat customer was linked to a person (`personId` null when unlinked). */
  'chat-person-link': { sessionId: string; personId: string | null };
  /** The agent asks to open a CRM person; the host navigates. */
  'chat-person-open': { id: string };
  /** The agent asks to open a CRM company; the host navigates. */
  'chat-company-open': { id: string };
  /** The agent asks to open a CRM request; the host navigates. */
  'chat-request-open': { id: string };
  /** The agent asks to open a CRM sale; the host navigates. */
  'chat-sale-open': { id: string };
  /** The agent asks to open a CRM follow-up activity; the host navigates. */
  'chat-follow-up-open': { id: string };
  /** A new chat entered the queue (for host notifications). */
  'chat-incoming': { sessionId: string; channelId: string };
  /**
   * A chat passed its channel's warning limit, for the current agent (present, with the notify
   * right on the channel): `waiting` — queued longer than the channel's `waitWarningMinutes`;
   * `unanswered` — the customer's newest message is older than `unansweredWarningMinutes`.
   * `limitMinutes` is that limit in minutes; `since` (ISO 8601 UTC) is when the customer's wait
   * began (queue entry or the unanswered message). Fired once per warning, by the element that
   * provides the service (`<chat-provider>`, or `<chat-screen>` with its own inputs).
   */
  'chat-warning': {
    sessionId: string;
    channelId: string;
    kind: 'waiting' | 'unanswered';
    limitMinutes: number;
    since: string;
  };
  /**
   * Another agent offers the current agent a chat (a transfer addressed to them), for host
   * notifications. `fromAgentId` is the sending agent; `note` their note for the receiver, when
   * they wrote one. Fired once per offer that appears after the first load (a chat offered again
   * after a reject fires again), by the element that provides the service (`<chat-provider>`, or
   * `<chat-screen>` with its own inputs). The agent answers in the conversation (Accept transfer /
   * Reject transfer).
   */
  'chat-transfer-offered': { sessionId: string; fromAgentId: string; note?: string };
  /** A command failed; for the host's log. */
  'chat-error': { code: ChatErrorCode; message: string; cause?: unknown };
  /** The agent ended a chat (fired once it has ended; not when ending failed). */
  'chat-session-end': { sessionId: string };
}

/** Name of a public chat event. */
export type ChatEventName = keyof ChatEventDetails;

/** A public chat event of the given name. */
export type ChatEvent<K extends ChatEventName> = CustomEvent<ChatEventDetails[K]>;

/**
 * Dispatch a public chat event from `target`.
 * @returns false when a listener cancelled it (only cancelable events can be)
 */
export function dispatchChatEvent<K extends ChatEventName>(
  target: EventTarget,
  name: K,
  detail: ChatEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-session-select': ChatEvent<'chat-session-select'>;
    'chat-message-send': ChatEvent<'chat-message-send'>;
    'chat-request-create': ChatEvent<'chat-request-create'>;
    'chat-person-link': ChatEvent<'chat-person-link'>;
    'chat-person-open': ChatEvent<'chat-person-open'>;
    'chat-company-open': ChatEvent<'chat-company-open'>;
    'chat-request-open': ChatEvent<'chat-request-open'>;
    'chat-sale-open': ChatEvent<'chat-sale-open'>;
    'chat-follow-up-open': ChatEvent<'chat-follow-up-open'>;
    'chat-incoming': ChatEvent<'chat-incoming'>;
    'chat-error': ChatEvent<'chat-error'>;
    'chat-warning': ChatEvent<'chat-warning'>;
    'chat-transfer-offered': ChatEvent<'chat-transfer-offered'>;
    'chat-session-end': ChatEvent<'chat-session-end'>;
  }
}
