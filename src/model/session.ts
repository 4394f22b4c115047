import type { IsoDateTime } from './common.js';
import type { MessageKind } from './message.js';

/**
 * Session status, following the source product: `queued` (waiting for an agent), `ongoing`
 * (being handled), `ended` (finished / closed), `missed` (the customer left while still queued).
 */
export type SessionStatus = 'queued' | 'ongoing' | 'ended' | 'missed';

/** Who ended a chat. */
export type EndedBy = 'agent' | 'customer' | 'idle';

/** What the customer told about themselves when starting the chat (untrusted text). */
export interface ChatCustomer {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly companyName?: string;
}

/** A pending transfer of a session from one agent to another (a field, not a status). */
export interface PendingTransfer {
  readonly fromAgentId: string;
  readonly toAgentId: string;
  readonly note?: string;
  readonly requestedAt: IsoDateTime;
}

/**
 * Short form of the newest message, for lists. Who wrote it: `kind` (customer, an agent, or a
 * system line) and, for `to-customer`, `agentId` and `authorName` copied from the message.
 */
export interface LastMessagePreview {
  readonly kind: MessageKind;
  readonly text: string;
  readonly sentAt: IsoDateTime;
  /**
   * The writing agent's id for `to-customer` previews (the message's `agentId`). Optional: without
   * it the list cannot tell whose message it is and labels it "Agent:", never "You:".
   */
  readonly agentId?: string;
  /**
   * Display name of the writing agent for `to-customer` previews (the message's `authorName`);
   * optional, shown when `agentId` is not among the known agents.
   */
  readonly authorName?: string;
}

/**
 * A chat session. Source: the backend adapter (`getSnapshot()`, `session-updated` events).
 *
 * Required from an adapter: `id`, `channelId`, `status` (one of {@link SessionStatus}), `customer`
 * (an object), `createdAt` (ISO 8601). The service fills `agentId` null, `unreadCount` / `lastSeq`
 * 0, `requestIds` [], `customerTyping` false when missing, and leaves out a session lacking a
 * required field with an `invalid-input` error on `errors$` (see `src/service/adapter-data.ts`).
 */
export interface ChatSession {
  readonly id: string;
  readonly channelId: string;
  readonly status: SessionStatus;
  readonly customer: ChatCustomer;
  /** The agent handling the session; `null` while queued. */
  readonly agentId: string | null;
  /** When the customer started the chat (entered the queue). */
  readonly createdAt: IsoDateTime;
  /** When an agent picked the chat up. */
  readonly answeredAt?: IsoDateTime;
  /**
   * When an agent first wrote to the customer themselves after picking the chat up (the channel's
   * automatic welcome message does not count). Source: the backend; drives "first response time".
   */
  readonly firstResponseAt?: IsoDateTime;
  /** When the chat ended or was missed. */
  readonly endedAt?: IsoDateTime;
  readonly endedBy?: EndedBy;
  /** Newest message, if any. */
  readonly lastMessage?: LastMessagePreview;
  /** Customer messages the handling agent has not read yet. */
  readonly unreadCount: number;
  /** Highest message seq in the session (0 when empty). */
  readonly lastSeq: number;
  /** A transfer waiting for the receiving agent's answer. */
  readonly transferTo?: PendingTransfer;
  /** The CRM person linked to the chat customer. */
  readonly personId?: string;
  /** Ids of CRM requests created from this chat. */
  readonly requestIds: readonly string[];
  /** Whether the customer is typing right now. */
  readonly customerTyping: boolean;
  /**
   * Increases with every change of the session (backend-given). The service ignores a
   * `session-updated` whose revision is lower than or equal to the one it holds, so late,
   * repeated or replayed events never undo newer state. Without it the newest event wins.
   */
  readonly revision?: number;
}

/**
 * How a session is shown, derived from status and who wrote last:
 * `waiting-for-agent` when the customer wrote last, `waiting-for-customer` when the agent did.
 */
export type SessionPhase = 'queued' | 'waiting-for-agent' | 'waiting-for-customer' | 'ended' | 'missed';

/** Derive the shown phase of a session. */
export function sessionPhase(session: ChatSession): SessionPhase {
  if (session.status !== 'ongoing') return session.status;
  return session.lastMessage?.kind === 'to-customer' ? 'waiting-for-customer' : 'waiting-for-agent';
}

/**
 * What the agent is asked about before "End chat" ends a session: `unanswered` when the customer
 * wrote last (phase `waiting-for-agent`), `unsent-reply` when the agent's composer holds a reply
 * that was not sent (non-blank `draft`), `unsent-files` when files the agent attached have not
 * been sent (`unsentFiles` > 0: still uploading, or failed; see `ChatService.unsentFiles`).
 * Empty: the chat ends at once. The order is the order the confirmation names them in.
 * @param session the session to end
 * @param draft the composer's text for the session (the service's draft), `''` when none
 * @param unsentFiles how many attached files have not been sent (a count; 0 when none)
 */
export function endChatConcerns(session: ChatSession, draft = '', unsentFiles = 0): EndChatConcern[] {
  const concerns: EndChatConcern[] = [];
  if (sessionPhase(session) === 'waiting-for-agent') concerns.push('unanswered');
  if (draft.trim()) concerns.push('unsent-reply');
  if (unsentFiles > 0) concerns.push('unsent-files');
  return concerns;
}

/** A reason to confirm before ending a chat (see {@link endChatConcerns}). */
export type EndChatConcern = 'unanswered' | 'unsent-reply' | 'unsent-files';

/**
 * What the agent is asked about before transferring a chat: `unsent-reply` (non-blank `draft`)
 * and `unsent-files` (`unsentFiles` > 0), as for "End chat" (see {@link endChatConcerns}). An
 * unanswered customer is no concern here: the colleague who takes the chat answers them.
 * @param draft the composer's text for the session (the service's draft), `''` when none
 * @param unsentFiles how many attached files have not been sent (a count; 0 when none)
 */
export function transferConcerns(draft = '', unsentFiles = 0): TransferConcern[] {
  const concerns: TransferConcern[] = [];
  if (draft.trim()) concerns.push('unsent-reply');
  if (unsentFiles > 0) concerns.push('unsent-files');
  return concerns;
}

/** A reason to confirm before transferring a chat (see {@link transferConcerns}). */
export type TransferConcern = Exclude<EndChatConcern, 'unanswered'>;
