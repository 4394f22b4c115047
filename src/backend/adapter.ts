import type { Observable } from 'rxjs';
import type { Agent, Presence } from '../model/agent.js';
import type { Channel } from '../model/channel.js';
import type { Bytes, IsoDateTime } from '../model/common.js';
import type {
  Company,
  Faq,
  Person,
  PersonCandidate,
  PersonDetails,
  QuickReply,
  ReplyTemplate,
  RequestPriority,
  SupportRequest,
} from '../model/crm.js';
import type { Attachment, ChatMessage, MessagePage } from '../model/message.js';
import type { ChatCustomer, ChatSession } from '../model/session.js';

/** What the backend allows; checked by the service before any upload. */
export interface BackendCapabilities {
  /** Largest file the backend accepts, in bytes (shown to agents in decimal SI units: 1 MB = 1,000,000 bytes). */
  readonly maxFileSize: Bytes;
  /**
   * Allowed file types: MIME types (`image/png`), wildcards (`image/*`) or extensions (`.pdf`).
   * Empty means every type.
   */
  readonly allowedFileTypes: readonly string[];
}

/** Everything the agent's screen starts from. */
export interface BackendSnapshot {
  /** The agent this adapter acts for. */
  readonly agent: Agent;
  /** All agents, including the current one. */
  readonly agents: readonly Agent[];
  readonly channels: readonly Channel[];
  /**
   * Sessions the agent can see: every queued and ongoing session of the agent's channels, and
   * sessions that ended or were missed in the last 24 hours.
   */
  readonly sessions: readonly ChatSession[];
  readonly capabilities: BackendCapabilities;
  /** The backend's clock at the time of the snapshot. */
  readonly serverTime: IsoDateTime;
}

/**
 * A push event from the backend. Every event a backend emits is one of these.
 * - `session-updated`: a session was created or changed (full new state).
 * - `message`: a message was stored (also the agent's own, echoed with its `clientId`).
 * - `agent-updated`: an agent changed (presence, rights).
 * - `channel-updated`: a channel changed (e.g. opened / closed).
 * - `connection`: the push stream's connection changed; after `online` following `offline` the
 *   service re-synchronises from `getSnapshot()`.
 */
export type BackendEvent =
  | { readonly type: 'session-updated'; readonly session: ChatSession }
  | { readonly type: 'message'; readonly message: ChatMessage }
  | { readonly type: 'agent-updated'; readonly agent: Agent }
  | { readonly type: 'channel-updated'; readonly channel: Channel }
  | { readonly type: 'connection'; readonly status: 'online' | 'offline' };

/** Input of {@link ChatBackendAdapter.sendMessage}. */
export interface SendMessageInput {
  /** Id the client made for the message; the backend stores at most one message per client id. */
  readonly clientId: string;
  readonly text: string;
  readonly attachmentIds?: readonly string[];
}

/** Input of {@link ChatBackendAdapter.createRequest}. */
export interface CreateRequestInput {
  readonly title: string;
  readonly category: string;
  readonly priority: RequestPriority;
  readonly text?: string;
}

/** Input of {@link ChatBackendAdapter.createPerson}. */
export interface CreatePersonInput {
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly companyId?: string;
}

/** Input of {@link ChatBackendAdapter.createCompany}. */
export interface CreateCompanyInput {
  readonly name: string;
  readonly city?: string;
  readonly country?: string;
  readonly phone?: string;
}

/** Options of {@link ChatBackendAdapter.uploadFile}. */
export interface UploadOptions {
  /** Called with bytes sent so far and the total, in bytes. */
  readonly onProgress?: (sent: Bytes, total: Bytes) => void;
  /** Aborts the upload; the promise then rejects. */
  readonly signal?: AbortSignal;
}

/**
 * The only way from the chat service to a chat backend. One adapter acts for one agent.
 *
 * Every command returns a promise that rejects with a {@link ChatBackendError} (codes such as
 * `already-taken`, `not-permitted`, `not-found`, `invalid-state` for a chat whose state does not
 * allow the command, e.g. ending an ended chat or sending to one that is not ongoing,
 * `invalid-input`, `file-too-large`, `network`, `timeout`; all codes: {@link ChatErrorCode}).
 * `events$` is the push stream; it may be subscribed to more than once and must stop all work
 * for a subscriber when it unsubscribes. Make it cold (or otherwise re-subscribable): a new
 * subscription must deliver the events from then on. If it errors or completes, the service
 * treats that as a lost connection (state `connection: 'offline'`, an `events` error on
 * `errors$` / `chat-error`), subscribes again after `retryDelayMs` (doubling while it keeps
 * ending before an event, at most 16×) and then re-synchronises as after a reconnect.
 *
 * Promises to keep for the service's guarantees: `sendMessage` is idempotent per `clientId`
 * (a repeat returns the stored message); message `seq` increases per session; every change to a
 * session is pushed as a `session-updated` event with the whole session.
 */
export interface ChatBackendAdapter {
  /** Id of the agent this adapter acts for. */
  readonly agentId: string;
  /**
   * Push stream of backend events. Cold / re-subscribable; an error or completion counts as a lost
   * connection and is followed by a new subscription (see the interface docs).
   */
  readonly events$: Observable<BackendEvent>;

  /** Load the agent's starting state. */
  getSnapshot(): Promise<BackendSnapshot>;
  /**
   * Load one page of a session's history, oldest first. Rejects `not-permitted` for a chat that
   * another agent handles (or handled) unless this agent took part in it or has the listen-in
   * right on its channel.
   * @param options.beforeSeq only messages with a smaller seq (omit for the newest page)
   * @param options.afterSeq only messages with a larger seq (catch-up after a reconnect)
   * @param options.limit at most this many messages (default 50)
   */
  getMessages(
    sessionId: string,
    options?: { beforeSeq?: number; afterSeq?: number; limit?: number },
  ): Promise<MessagePage>;

  /**
   * Live feed of one session for listening in (read-only): the `session-updated` and `message`
   * events of that session only, from subscription on (load the history with `getMessages`, which
   * the listen-in right also permits). The backend checks the listen-in right on the session's
   * channel when the feed is subscribed: without it the observable errors with `ChatBackendError`
   * `not-permitted` (`not-found` for an unknown session). The agent being listened to is not
   * notified. Unsubscribing ends the feed.
   */
  listenIn(sessionId: string): Observable<BackendEvent>;
  /** Answer a queued chat; rejects `already-taken` when another agent was first. */
  answer(sessionId: string): Promise<ChatSession>;
  /** Answer the oldest queued chat of the agent's channels; resolves `null` when the queue is empty. */
  takeNextInQueue(): Promise<ChatSession | null>;
  /** Send a message to the customer; idempotent per `input.clientId`. */
  sendMessage(sessionId: string, input: SendMessageInput): Promise<ChatMessage>;
  /** Mark the customer's messages up to `seq` as read by the agent. */
  markRead(sessionId: string, seq: number): Promise<void>;
  /** End an ongoing chat. */
  endSession(sessionId: string): Promise<ChatSession>;
  /** Report the agent's typing state to the customer. */
  setTyping(sessionId: string, isTyping: boolean): Promise<void>;
  /** Set the agent's presence. */
  setPresence(presence: Presence): Promise<Agent>;

  /** Ask a present agent to take over the session. */
  requestTransfer(sessionId: string, toAgentId: string, note?: string): Promise<ChatSession>;
  /** Accept a transfer addressed to this agent. */
  acceptTransfer(sessionId: string): Promise<ChatSession>;
  /** Reject a transfer addressed to this agent. */
  rejectTransfer(sessionId: string): Promise<ChatSession>;
  /** Cancel a transfer this agent requested. */
  cancelTransfer(sessionId: string): Promise<ChatSession>;

  /** Persons that may be the chat customer (by e-mail, name, phone). */
  findPersonCandidates(customer: ChatCustomer): Promise<readonly PersonCandidate[]>;
  /** Search persons by name, e-mail, phone or company name; at most `limit` (default 20). */
  searchPersons(query: string, limit?: number): Promise<readonly Person[]>;
  /** A person with company, requests, sales, follow-ups and previous chat sessions. */
  getPersonDetails(personId: string): Promise<PersonDetails>;
  /** Link the session's customer to a person, or unlink with `null`. */
  linkPerson(sessionId: string, personId: string | null): Promise<ChatSession>;
  /**
   * The whole transcript of a previous chat of a person (a chat in `PersonDetails.chatSessions`,
   * live or archived), oldest first, for reading only. Rejects `not-found` (unknown chat),
   * `not-permitted` (the agent may not read it).
   */
  getChatTranscript(sessionId: string): Promise<readonly ChatMessage[]>;
  createPerson(input: CreatePersonInput): Promise<Person>;
  createCompany(input: CreateCompanyInput): Promise<Company>;
  /** Create a request from the chat; the backend attaches the chat log. */
  createRequest(sessionId: string, input: CreateRequestInput): Promise<SupportRequest>;

  listFaqs(): Promise<readonly Faq[]>;
  listReplyTemplates(): Promise<readonly ReplyTemplate[]>;
  /** The agent's own quick replies. */
  listQuickReplies(): Promise<readonly QuickReply[]>;
  createQuickReply(input: { name: string; text: string }): Promise<QuickReply>;
  updateQuickReply(id: string, input: { name: string; text: string }): Promise<QuickReply>;
  deleteQuickReply(id: string): Promise<void>;

  /** Upload a file for a session; resolves with the stored attachment. */
  uploadFile(sessionId: string, file: Blob & { name: string }, options?: UploadOptions): Promise<Attachment>;
}
