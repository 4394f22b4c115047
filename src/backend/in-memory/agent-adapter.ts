import { Observable } from 'rxjs';
import type { Agent, Presence } from '../../model/agent.js';
import type {
  Company,
  Faq,
  Person,
  PersonCandidate,
  PersonDetails,
  QuickReply,
  ReplyTemplate,
  SupportRequest,
} from '../../model/crm.js';
import type { Attachment, ChatMessage, MessagePage } from '../../model/message.js';
import type { ChatCustomer, ChatSession } from '../../model/session.js';
import type {
  BackendEvent,
  BackendSnapshot,
  ChatBackendAdapter,
  CreateCompanyInput,
  CreatePersonInput,
  CreateRequestInput,
  SendMessageInput,
  UploadOptions,
} from '../adapter.js';
import { ChatBackendError, toChatError } from '../errors.js';
import type { ChatStore } from './store.js';

/** Clock time one upload progress step takes, in ms (an upload reports 0 %, then 4 steps). */
export const UPLOAD_STEP_MS = 150;
const UPLOAD_STEPS = 4;

/**
 * One agent's adapter on a demo backend's shared state. Get one from
 * `InMemoryChatBackend.forAgent(agentId)`; the backend itself is the adapter of its own agent.
 *
 * Every command resolves asynchronously (a microtask, or `latencyMs` of clock time) and rejects with
 * a {@link ChatBackendError}; while the backend is disconnected every command rejects `disconnected`.
 */
export class InMemoryAgentAdapter implements ChatBackendAdapter {
  /** Id of the agent this adapter acts for. */
  readonly agentId: string;

  /**
   * Push stream for this agent (cold: each subscriber gets the events from its subscription on).
   * Carries `session-updated` and `message` for sessions of channels the agent may respond on or
   * listen in on, and sessions it owns or owned or is a transfer party of; `agent-updated` and
   * `channel-updated` for all; `connection` on disconnect / reconnect. While offline only the
   * `connection` event is delivered. Each subscription counts in `openSubscriptions` until it ends.
   */
  readonly events$: Observable<BackendEvent>;

  /**
   * @param store the shared state
   * @param agentId the agent to act for; an unknown id is registered (see `forAgent`)
   */
  constructor(
    protected readonly store: ChatStore,
    agentId: string,
  ) {
    this.agentId = agentId;
    store.registerClient(agentId);
    this.events$ = new Observable<BackendEvent>((subscriber) => {
      store.openSubscriptions++;
      const inner = store.changes$.subscribe((event) => {
        if (store.deliverable(agentId, event)) subscriber.next(event);
      });
      return () => {
        inner.unsubscribe();
        store.openSubscriptions--;
      };
    });
  }

  /** The agent's starting state: agent, agents, channels, visible sessions (open ones, and closed in the last 24 h), capabilities, server time. */
  getSnapshot(): Promise<BackendSnapshot> {
    return this.store.run(() => this.store.snapshot(this.agentId));
  }

  /**
   * One page of a session's history, oldest first: the newest `limit` (default 50) messages with
   * `afterSeq < seq < beforeSeq`; `hasMore` is true when that range holds older messages too.
   * Rejects `not-found` (session), `not-permitted` (another agent's chat, unless this agent took
   * part in it or has the listen-in right on the channel).
   */
  getMessages(sessionId: string, options?: { beforeSeq?: number; afterSeq?: number; limit?: number }): Promise<MessagePage> {
    return this.store.run(() => this.store.messagePage(this.agentId, sessionId, options));
  }

  /**
   * Live read-only feed of one session (`session-updated` and `message` of it only). On subscribe
   * it errors `not-found` (unknown session), `not-permitted` (no listen-in right on the channel)
   * or `disconnected` (offline). Nobody else is told. Each subscription counts in
   * `openSubscriptions` until it ends; while offline nothing is delivered.
   */
  listenIn(sessionId: string): Observable<BackendEvent> {
    const { store, agentId } = this;
    return new Observable<BackendEvent>((subscriber) => {
      try {
        store.checkListenIn(agentId, sessionId);
      } catch (error) {
        subscriber.error(toChatError(error));
        return undefined;
      }
      store.openSubscriptions++;
      const inner = store.changes$.subscribe((event) => {
        if (!store.online) return;
        if (
          (event.type === 'session-updated' && event.session.id === sessionId) ||
          (event.type === 'message' && event.message.sessionId === sessionId)
        ) {
          subscriber.next(event);
        }
      });
      return () => {
        inner.unsubscribe();
        store.openSubscriptions--;
      };
    });
  }

  /**
   * Answer a queued chat; the channel's welcome message is sent as this agent. Pushes
   * `session-updated` and `message`. Rejects `already-taken` (another agent was first), `not-found`,
   * `invalid-state` (missed or ended), `not-permitted` (no respond right on the channel).
   */
  answer(sessionId: string): Promise<ChatSession> {
    return this.store.run(() => this.store.answer(this.agentId, sessionId));
  }

  /** Answer the oldest queued chat (by `createdAt`, then id order) of the agent's channels; `null` when none waits. */
  takeNextInQueue(): Promise<ChatSession | null> {
    return this.store.run(() => this.store.takeNext(this.agentId));
  }

  /**
   * Send a message; idempotent per `input.clientId` (a repeat resolves the stored message and
   * stores nothing). Pushes `message` (with the `clientId`) and `session-updated`. Rejects
   * `not-found`, `invalid-state` (ended / missed), `not-permitted` (not the owner), `invalid-input`
   * (empty text with no files), `not-found` for an unknown attachment id.
   */
  sendMessage(sessionId: string, input: SendMessageInput): Promise<ChatMessage> {
    return this.store.run(() => this.store.send(this.agentId, sessionId, input));
  }

  /** Mark customer messages up to `seq` read (owner only; ignored for others). Pushes `session-updated` when `unreadCount` changes. */
  markRead(sessionId: string, seq: number): Promise<void> {
    return this.store.run(() => {
      this.store.markRead(this.agentId, sessionId, seq);
    });
  }

  /** End an ongoing chat this agent handles (`closed-by-agent` line). Rejects `not-permitted`, `invalid-state`, `not-found`. */
  endSession(sessionId: string): Promise<ChatSession> {
    return this.store.run(() => this.store.endSession(this.agentId, sessionId));
  }

  /** Report typing; the demo has no real customer, so this only checks the session exists (`not-found`). */
  setTyping(sessionId: string, _isTyping: boolean): Promise<void> {
    return this.store.run(() => this.store.setTyping(sessionId));
  }

  /** Set this agent's presence; pushes `agent-updated` (and `channel-updated` when a channel opens or closes). */
  setPresence(presence: Presence): Promise<Agent> {
    return this.store.run(() => this.store.setPresence(this.agentId, presence));
  }

  /**
   * Ask a present agent with respond rights to take over (`transfer-requested` line). Rejects
   * `not-permitted` (not the owner, target away or without rights), `invalid-state` (not ongoing,
   * or a transfer is already pending), `not-found`, `invalid-input` (to oneself).
   */
  requestTransfer(sessionId: string, toAgentId: string, note?: string): Promise<ChatSession> {
    return this.store.run(() => this.store.requestTransfer(this.agentId, sessionId, toAgentId, note));
  }

  /** Accept a transfer addressed to this agent (`transferred` line; a repeat resolves the session). Rejects `already-taken` (the sender cancelled first), `invalid-state` (none pending), `not-permitted`. */
  acceptTransfer(sessionId: string): Promise<ChatSession> {
    return this.store.run(() => this.store.acceptTransfer(this.agentId, sessionId));
  }

  /** Reject a transfer addressed to this agent (`transfer-rejected` line). Rejects `invalid-state`, `not-permitted`. */
  rejectTransfer(sessionId: string): Promise<ChatSession> {
    return this.store.run(() => this.store.rejectTransfer(this.agentId, sessionId));
  }

  /** Cancel a transfer this agent requested (`transfer-cancelled` line). Rejects `already-taken` (the receiver accepted first), `invalid-state`, `not-permitted`. */
  cancelTransfer(sessionId: string): Promise<ChatSession> {
    return this.store.run(() => this.store.cancelTransfer(this.agentId, sessionId));
  }

  /** Candidates: exact e-mail (`matchedOn: 'email'`), then full name ignoring case and accents, then phone. At most 10. */
  findPersonCandidates(customer: ChatCustomer): Promise<readonly PersonCandidate[]> {
    return this.store.run(() => this.store.personCandidates(customer));
  }

  /** Persons whose name, e-mail, phone or company name contain every word of `query`; at most `limit` (default 20). */
  searchPersons(query: string, limit?: number): Promise<readonly Person[]> {
    return this.store.run(() => this.store.searchPersons(query, limit));
  }

  /** A person with company, requests, sales, follow-ups and previous chats. Rejects `not-found`. */
  getPersonDetails(personId: string): Promise<PersonDetails> {
    return this.store.run(() => this.store.personDetails(personId));
  }

  /** Link the session's customer to a person, or unlink with `null`; pushes `session-updated`. Rejects `not-found`, `not-permitted`. */
  linkPerson(sessionId: string, personId: string | null): Promise<ChatSession> {
    return this.store.run(() => this.store.linkPerson(this.agentId, sessionId, personId));
  }

  /** The transcript of a live or archived chat, oldest first. Rejects `not-found`, `not-permitted`. */
  getChatTranscript(sessionId: string): Promise<readonly ChatMessage[]> {
    return this.store.run(() => this.store.chatTranscript(this.agentId, sessionId));
  }

  /** Create a person. Rejects `invalid-input` (no name, bad e-mail), `not-found` (company). */
  createPerson(input: CreatePersonInput): Promise<Person> {
    return this.store.run(() => this.store.createPerson(input));
  }

  /** Create a company. Rejects `invalid-input` (no name). */
  createCompany(input: CreateCompanyInput): Promise<Company> {
    return this.store.run(() => this.store.createCompany(input));
  }

  /**
   * Create a request (number `R-1xxxx`) from the chat with the chat log attached; adds it to
   * `session.requestIds` and pushes `session-updated`. Rejects `invalid-input` (empty title),
   * `not-found`, `not-permitted`.
   */
  createRequest(sessionId: string, input: CreateRequestInput): Promise<SupportRequest> {
    return this.store.run(() => this.store.createRequest(this.agentId, sessionId, input));
  }

  /** The published FAQs (https URLs, in folders). */
  listFaqs(): Promise<readonly Faq[]> {
    return this.store.run(() => this.store.listFaqs());
  }

  /** Shared reply templates; text may hold `{customerName}`, `{agentName}`, `{channelName}`. */
  listReplyTemplates(): Promise<readonly ReplyTemplate[]> {
    return this.store.run(() => this.store.listTemplates());
  }

  /** This agent's own quick replies. */
  listQuickReplies(): Promise<readonly QuickReply[]> {
    return this.store.run(() => this.store.listQuickReplies(this.agentId));
  }

  /** Create a quick reply of this agent. Rejects `invalid-input` (empty name or text). */
  createQuickReply(input: { name: string; text: string }): Promise<QuickReply> {
    return this.store.run(() => this.store.createQuickReply(this.agentId, input));
  }

  /** Change one of this agent's quick replies. Rejects `not-found`, `not-permitted` (another agent's), `invalid-input`. */
  updateQuickReply(id: string, input: { name: string; text: string }): Promise<QuickReply> {
    return this.store.run(() => this.store.updateQuickReply(this.agentId, id, input));
  }

  /** Delete one of this agent's quick replies. Rejects `not-found`, `not-permitted` (another agent's). */
  deleteQuickReply(id: string): Promise<void> {
    return this.store.run(() => this.store.deleteQuickReply(this.agentId, id));
  }

  /**
   * Upload a file for a session this agent handles. Size (`file-too-large`, details `{ limit }` in
   * bytes), emptiness (`file-empty`) and type (`file-type-not-allowed`, details `{ allowed }`) are
   * checked before any progress is reported. Then `onProgress(sent, total)` (bytes) is called at
   * 0 % and in 4 steps of {@link UPLOAD_STEP_MS} clock ms. Aborting through `signal` rejects with a
   * `ChatBackendError` of code `unknown` and `details.aborted === true`. The attachment's URL is a
   * blob URL (`URL.createObjectURL`) when available.
   */
  uploadFile(sessionId: string, file: Blob & { name: string }, options: UploadOptions = {}): Promise<Attachment> {
    const { store } = this;
    const facts = { name: file.name, size: file.size, type: file.type };
    return store
      .run(() => store.checkUpload(this.agentId, sessionId, facts))
      .then(
        () =>
          new Promise<Attachment>((resolve, reject) => {
            const { signal, onProgress } = options;
            const aborted = () =>
              new ChatBackendError('unknown', `Upload of "${file.name}" was aborted`, {
                cause: signal?.reason,
                details: { aborted: true },
              });
            if (signal?.aborted) return reject(aborted());
            let timer: unknown;
            const finish = () => {
              signal?.removeEventListener('abort', onAbort);
              untrack();
            };
            const onAbort = () => {
              store.timers.clear(timer);
              finish();
              reject(aborted());
            };
            const untrack = store.trackPending((error) => {
              finish();
              reject(error);
            });
            signal?.addEventListener('abort', onAbort, { once: true });
            let step = 0;
            const tick = () => {
              step++;
              onProgress?.(Math.round((file.size * step) / UPLOAD_STEPS), file.size);
              if (step < UPLOAD_STEPS) {
                timer = store.timers.set(tick, UPLOAD_STEP_MS);
                return;
              }
              finish();
              try {
                resolve(store.storeUpload(sessionId, facts, this.objectUrl(file)));
              } catch (error) {
                reject(error);
              }
            };
            onProgress?.(0, file.size);
            timer = store.timers.set(tick, UPLOAD_STEP_MS);
          }),
      );
  }

  private objectUrl(file: Blob): string | undefined {
    if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return undefined;
    const url = URL.createObjectURL(file);
    this.store.trackObjectUrl(url);
    return url;
  }
}
