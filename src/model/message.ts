import type { Bytes, IsoDateTime } from './common.js';

/**
 * Who a message is from / for: `to-customer` (written by an agent), `from-customer`, or a
 * `system` line (transfer outcomes, closing, reopening, refused files).
 */
export type MessageKind = 'to-customer' | 'from-customer' | 'system';

/** What a system line records. */
export type SystemEvent =
  | 'welcome'
  | 'answered'
  | 'transfer-requested'
  | 'transferred'
  | 'transfer-rejected'
  | 'transfer-cancelled'
  | 'closed-by-agent'
  | 'closed-by-customer'
  | 'closed-by-idle'
  | 'reopened'
  | 'file-type-refused';

/** The transfer a system line is about (see {@link ChatMessage.transfer}). Source: the backend adapter. */
export interface MessageTransfer {
  /** The agent who handed the chat over. */
  readonly fromAgentId: string;
  /** The receiving agent. */
  readonly toAgentId: string;
  /** The sender's note to the receiver (untrusted text), if any. */
  readonly note?: string;
}

/** A file sent in a chat. Source: the backend adapter. */
export interface Attachment {
  /** Stable id of the uploaded file. */
  readonly id: string;
  /** File name as given by the sender (untrusted text). */
  readonly name: string;
  /** Size in bytes. */
  readonly size: Bytes;
  /** MIME type, e.g. `image/png`. */
  readonly type: string;
  /** Download URL (http, https or blob). */
  readonly url: string;
}

/**
 * One message of a chat session as the backend stores it. Source: the backend adapter.
 * Messages sort by `sentAt`, then `seq` (the backend's per-session sequence number).
 *
 * Required from an adapter: `id`, `sessionId`, `seq` (≥ 0), `kind` (one of {@link MessageKind}),
 * `sentAt` (ISO 8601), and each attachment's `id`. The service fills `text` / `authorName` `''`
 * and `attachments` [] when missing, and leaves out a message lacking a required field with an
 * `invalid-input` error on `errors$` (see `src/service/adapter-data.ts`).
 */
export interface ChatMessage {
  /** Server id, unique across sessions. */
  readonly id: string;
  /** The client id given by the sender when the message was created by an agent's client. */
  readonly clientId?: string;
  /** The session this message belongs to. */
  readonly sessionId: string;
  /** Sequence number within the session, increasing in server order (1, 2, 3, ...). */
  readonly seq: number;
  readonly kind: MessageKind;
  /** For `system` lines: what happened. */
  readonly systemEvent?: SystemEvent;
  /** Message text (untrusted; rendered as text with safe links only). */
  readonly text: string;
  /** Display name of the author: the customer's name or the agent's name; empty for system lines. */
  readonly authorName: string;
  /** The writing agent's id for `to-customer` messages. */
  readonly agentId?: string;
  /**
   * For the transfer `system` lines (`transfer-requested`, `transferred`, `transfer-rejected`,
   * `transfer-cancelled`): who handed the chat to whom, with the sender's note. Optional: without
   * it the line reads "Chat transferred" etc. without names.
   */
  readonly transfer?: MessageTransfer;
  /** Server time of the message (ISO 8601 UTC). */
  readonly sentAt: IsoDateTime;
  /** Files sent with the message. */
  readonly attachments: readonly Attachment[];
}

/** Delivery state of a message in the agent's view. */
export type DeliveryStatus = 'sending' | 'sent' | 'failed';

/**
 * A message as the service shows it: the stored message plus its local delivery state.
 * Optimistic messages (not yet confirmed) have `id === clientId` and `status: 'sending'`.
 */
export interface MessageView extends ChatMessage {
  readonly status: DeliveryStatus;
  /** Why the send failed (an error code, see {@link ChatErrorCode}). */
  readonly errorCode?: string;
}

/** What an agent sends: text plus optional ids of already uploaded files. */
export interface MessageDraft {
  readonly text: string;
  readonly attachmentIds?: readonly string[];
  /**
   * Client id to send the message under (default: a new one). Lets an element announce the id
   * in a cancelable event before it sends.
   */
  readonly clientId?: string;
}

/** One page of a session's history, oldest first. */
export interface MessagePage {
  readonly messages: readonly ChatMessage[];
  /** Whether older messages exist before the first one of this page. */
  readonly hasMore: boolean;
}
