import { Subject, type Observable } from 'rxjs';
import type { Agent, Presence } from '../../model/agent.js';
import type { Channel } from '../../model/channel.js';
import type {
  Company,
  Faq,
  FollowUp,
  Person,
  PersonCandidate,
  PersonDetails,
  QuickReply,
  ReplyTemplate,
  Sale,
  SupportRequest,
  ChatSessionSummary,
} from '../../model/crm.js';
import type { Attachment, ChatMessage, MessagePage, SystemEvent } from '../../model/message.js';
import type { ChatCustomer, ChatSession, EndedBy, LastMessagePreview, PendingTransfer, SessionStatus } from '../../model/session.js';
import type { ChatClock } from '../../service/clock.js';
import type {
  BackendCapabilities,
  BackendEvent,
  BackendSnapshot,
  CreateCompanyInput,
  CreatePersonInput,
  CreateRequestInput,
  SendMessageInput,
} from '../adapter.js';
import { ChatBackendError, toChatError } from '../errors.js';
import { generateCrm, FAQS, QUICK_REPLIES, REPLY_TEMPLATES, type ArchivedChat } from './data/crm.js';
import { AGENTS, CHANNELS, GUEST_RIGHTS, nameFromAgentId, type ChannelSeed } from './data/organisation.js';
import { archivedTranscript } from './data/transcripts.js';
import { Random } from './random.js';
import { fold, isEmail, isFileTypeAllowed, phoneKey } from './text.js';
import { TimerBag } from './timers.js';

const HOUR = 60 * 60 * 1000;
const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

/** The default capabilities of the demo backend: 10 MiB, images, PDF, text, Word, Excel, CSV. */
export const DEFAULT_CAPABILITIES: BackendCapabilities = {
  maxFileSize: 10 * 1024 * 1024,
  allowedFileTypes: ['image/*', 'application/pdf', 'text/plain', '.docx', '.xlsx', '.csv'],
};

/** Options the store is built from (see `InMemoryBackendOptions`). */
export interface StoreOptions {
  readonly seed: number;
  readonly clock: ChatClock;
  readonly capabilities: BackendCapabilities;
  readonly latencyMs: number;
}

/** What a customer gives when starting a chat (script and simulator). */
export interface ArrivalInput {
  readonly channelId?: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly companyName?: string;
  readonly text?: string;
}

/** The store's mutable record of one session; the public {@link ChatSession} is `view`. */
interface SessionRecord {
  readonly id: string;
  /** Creation order, to break createdAt ties (S2 after S1, S10 after S9). */
  readonly order: number;
  readonly channelId: string;
  readonly customer: ChatCustomer;
  status: SessionStatus;
  agentId: string | null;
  readonly createdAt: number;
  answeredAt?: number;
  /** When an agent first wrote themselves (the welcome message does not count). */
  firstResponseAt?: number;
  endedAt?: number;
  endedBy?: EndedBy;
  /** Messages in seq order. */
  readonly messages: ChatMessage[];
  lastSeq: number;
  /** Newest non-system message by (sentAt, seq). */
  last?: ChatMessage;
  /** Highest customer-message seq the owner has read. */
  readSeq: number;
  transferTo?: PendingTransfer;
  personId?: string;
  readonly requestIds: string[];
  customerTyping: boolean;
  /** Agents who owned the session or took part in a transfer: they keep seeing it. */
  readonly participants: Set<string>;
  /** Bumped on every commit (the public `revision`). */
  revision: number;
  /** Agent messages by client id (idempotent send). */
  readonly byClientId: Map<string, ChatMessage>;
  /** Files uploaded for this session, by attachment id. */
  readonly uploads: Map<string, Attachment>;
  view: ChatSession;
}

/** A file as the store needs it for checks. */
export interface FileFacts {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

function fail(code: ChatBackendError['code'], message: string, details?: Record<string, unknown>): never {
  throw new ChatBackendError(code, message, details ? { details } : {});
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Parse an ISO 8601 time given by a caller into ms; `invalid-input` when it is not a time. */
export function parseTime(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) fail('invalid-input', `Not an ISO 8601 time: ${at}`);
  return ms;
}

/**
 * The shared state of one demo backend and every rule it enforces. All methods are synchronous and
 * throw {@link ChatBackendError}; adapters wrap them in promises (see {@link ChatStore.run}), the
 * script and the simulator call them directly. Every change is pushed on {@link ChatStore.changes$}.
 */
export class ChatStore {
  readonly clock: ChatClock;
  readonly seed: number;
  readonly capabilities: BackendCapabilities;
  readonly latencyMs: number;
  /** Timers of commands and uploads (the simulator has its own). */
  readonly timers: TimerBag;

  /** Open `events$` subscriptions over all adapters. */
  openSubscriptions = 0;
  /** Whether the push stream and commands are up (see `script.disconnect()`). */
  online = true;
  disposed = false;

  private readonly changes = new Subject<BackendEvent>();
  /** Every change, online or not (the simulator listens here; adapters filter it). */
  readonly changes$: Observable<BackendEvent> = this.changes.asObservable();

  private readonly agents = new Map<string, Agent>();
  /** Agents acting through an adapter (a person or a test); the simulator leaves them alone. */
  private readonly humanAgents = new Set<string>();
  private readonly channelSeeds: ChannelSeed[] = [...CHANNELS];
  private readonly channels = new Map<string, Channel>();
  private readonly sessions = new Map<string, SessionRecord>();

  private readonly companies: Company[];
  private readonly persons: Person[];
  private readonly requests: SupportRequest[];
  private readonly requestLogs = new Map<string, string>();
  private readonly sales: Sale[];
  private readonly followUps: FollowUp[];
  private readonly archivedChats: ArchivedChat[];
  private readonly faqs: readonly Faq[] = FAQS;
  private readonly templates: readonly ReplyTemplate[] = REPLY_TEMPLATES;
  private readonly quickReplies: QuickReply[] = [...QUICK_REPLIES];

  private sessionCounter = 0;
  private messageCounter = 0;
  private attachmentCounter = 0;
  private personCounter: number;
  private companyCounter: number;
  private requestCounter: number;
  private requestNumber: number;
  private quickReplyCounter = QUICK_REPLIES.length;
  private readonly pending = new Set<(error: ChatBackendError) => void>();
  private readonly objectUrls: string[] = [];

  constructor(options: StoreOptions) {
    this.clock = options.clock;
    this.seed = options.seed;
    this.capabilities = options.capabilities;
    this.latencyMs = Math.max(0, options.latencyMs);
    this.timers = new TimerBag(this.clock);
    for (const seed of AGENTS) this.agents.set(seed.id, { ...seed, rights: { ...seed.rights } });
    const crm = generateCrm(new Random(this.seed ^ 0x5eed1e55), this.now());
    this.companies = crm.companies;
    this.persons = crm.persons;
    this.requests = crm.requests;
    this.sales = crm.sales;
    this.followUps = crm.followUps;
    this.archivedChats = crm.archivedChats;
    this.personCounter = this.persons.length;
    this.companyCounter = this.companies.length;
    this.requestCounter = this.requests.length;
    this.requestNumber = crm.nextRequestNumber;
    for (const seed of this.channelSeeds) this.channels.set(seed.id, this.buildChannel(seed));
  }

  // ---------------------------------------------------------------- infrastructure

  /** Current clock time in ms since epoch. */
  now(): number {
    return this.clock.now();
  }

  /**
   * Run a command as the backend would: asynchronously (a microtask, or `latencyMs` of clock time),
   * rejecting `disconnected` while offline and after dispose, and any other failure as a
   * {@link ChatBackendError}.
   */
  run<T>(command: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.disposed) return reject(new ChatBackendError('disconnected', 'The demo backend was disposed'));
      const settle = (error: ChatBackendError) => reject(error);
      this.pending.add(settle);
      const execute = () => {
        this.pending.delete(settle);
        try {
          if (this.disposed) fail('disconnected', 'The demo backend was disposed');
          if (!this.online) fail('disconnected', 'The demo backend is offline');
          resolve(command());
        } catch (error) {
          reject(toChatError(error));
        }
      };
      if (this.latencyMs > 0) this.timers.set(execute, this.latencyMs);
      else queueMicrotask(execute);
    });
  }

  /** Register a reject function to call on dispose; returns the function that unregisters it. */
  trackPending(reject: (error: ChatBackendError) => void): () => void {
    this.pending.add(reject);
    return () => this.pending.delete(reject);
  }

  /** Remember a blob URL to revoke on dispose. */
  trackObjectUrl(url: string): void {
    this.objectUrls.push(url);
  }

  /** Stop all timers, reject pending commands and revoke blob URLs. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.timers.clearAll();
    const error = new ChatBackendError('disconnected', 'The demo backend was disposed');
    for (const reject of [...this.pending]) reject(error);
    this.pending.clear();
    if (typeof URL !== 'undefined' && typeof URL.revokeObjectURL === 'function') {
      for (const url of this.objectUrls) URL.revokeObjectURL(url);
    }
  }

  /** Go offline or online; pushes a `connection` event to every adapter when it changes. */
  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.changes.next({ type: 'connection', status: online ? 'online' : 'offline' });
  }

  /** Whether an event goes to the given agent's `events$` now. */
  deliverable(agentId: string, event: BackendEvent): boolean {
    if (event.type === 'connection') return true;
    if (!this.online) return false;
    if (event.type === 'session-updated') return this.canSee(agentId, this.sessions.get(event.session.id));
    if (event.type === 'message') return this.mayRead(agentId, this.sessions.get(event.message.sessionId));
    return true;
  }

  // ---------------------------------------------------------------- agents and channels

  /**
   * Make sure an agent exists; unknown ids are registered (name from the id, present, respond and
   * notify on every channel). Marks the agent as driven by a client, not by the simulator.
   */
  registerClient(agentId: string): Agent {
    this.humanAgents.add(agentId);
    return this.ensureAgent(agentId);
  }

  /** Whether an agent acts through an adapter (the simulator never acts for it). */
  isClient(agentId: string): boolean {
    return this.humanAgents.has(agentId);
  }

  private ensureAgent(agentId: string): Agent {
    const known = this.agents.get(agentId);
    if (known) return known;
    if (!agentId.trim()) fail('invalid-input', 'Agent id must not be empty');
    const rights = Object.fromEntries(this.channelSeeds.map((c) => [c.id, GUEST_RIGHTS]));
    const agent: Agent = { id: agentId, name: nameFromAgentId(agentId), presence: 'present', rights };
    this.agents.set(agentId, agent);
    this.changes.next({ type: 'agent-updated', agent });
    this.refreshChannels();
    return agent;
  }

  /** One agent; throws `not-found`. */
  agent(agentId: string): Agent {
    return this.agents.get(agentId) ?? fail('not-found', `No agent ${agentId}`);
  }

  /** Every agent, the demo's own first. */
  allAgents(): Agent[] {
    return [...this.agents.values()];
  }

  /** Every channel with its current `open` state. */
  allChannels(): Channel[] {
    return [...this.channels.values()];
  }

  /** One channel; throws `not-found`. */
  channel(channelId: string): Channel {
    return this.channels.get(channelId) ?? fail('not-found', `No channel ${channelId}`);
  }

  /** Set an agent's presence; pushes `agent-updated` and `channel-updated` for channels that open or close. */
  setPresence(agentId: string, presence: Presence): Agent {
    if (presence !== 'present' && presence !== 'away') fail('invalid-input', `Unknown presence ${String(presence)}`);
    const agent = this.agent(agentId);
    if (agent.presence === presence) return agent;
    const updated: Agent = { ...agent, presence };
    this.agents.set(agentId, updated);
    this.changes.next({ type: 'agent-updated', agent: updated });
    this.refreshChannels();
    return updated;
  }

  private buildChannel(seed: ChannelSeed): Channel {
    const open = [...this.agents.values()].some((a) => a.presence === 'present' && a.rights[seed.id]?.respond);
    return { ...seed, open };
  }

  private refreshChannels(): void {
    for (const seed of this.channelSeeds) {
      const before = this.channels.get(seed.id);
      const after = this.buildChannel(seed);
      if (before?.open !== after.open) {
        this.channels.set(seed.id, after);
        this.changes.next({ type: 'channel-updated', channel: after });
      }
    }
  }

  private mayRespond(agentId: string, channelId: string): boolean {
    return this.agents.get(agentId)?.rights[channelId]?.respond === true;
  }

  private canSee(agentId: string, record: SessionRecord | undefined): boolean {
    if (!record) return false;
    const rights = this.agents.get(agentId)?.rights[record.channelId];
    return rights?.respond === true || rights?.listenIn === true || record.participants.has(agentId);
  }

  /**
   * Whether the agent may read a session's messages: a chat it took part in, any chat of a channel
   * it may listen in on, or a chat nobody handles yet (queued or missed) of a channel it may
   * respond on. Others' chats need the listen-in right.
   */
  private mayRead(agentId: string, record: SessionRecord | undefined): boolean {
    if (!record) return false;
    if (record.participants.has(agentId)) return true;
    const rights = this.agents.get(agentId)?.rights[record.channelId];
    if (rights?.listenIn) return true;
    return rights?.respond === true && record.agentId === null;
  }

  /**
   * Check that an agent may listen in on a session: `not-found`, `not-permitted` (no listen-in
   * right on the channel), `disconnected` (offline).
   */
  checkListenIn(agentId: string, sessionId: string): void {
    if (this.disposed) fail('disconnected', 'The demo backend was disposed');
    if (!this.online) fail('disconnected', 'The demo backend is offline');
    const record = this.record(sessionId);
    if (this.agents.get(agentId)?.rights[record.channelId]?.listenIn !== true) {
      fail('not-permitted', `Agent ${agentId} may not listen in on channel ${record.channelId}`);
    }
  }

  // ---------------------------------------------------------------- sessions: reading

  private record(sessionId: string): SessionRecord {
    return this.sessions.get(sessionId) ?? fail('not-found', `No session ${sessionId}`);
  }

  /** The public state of a session. */
  session(sessionId: string): ChatSession {
    return this.record(sessionId).view;
  }

  /** Every session, in creation order. */
  allSessions(): ChatSession[] {
    return [...this.sessions.values()].map((r) => r.view);
  }

  /** Every message of a session, in seq order. */
  messages(sessionId: string): ChatMessage[] {
    return [...this.record(sessionId).messages];
  }

  /** The agent's starting state: see {@link BackendSnapshot}. */
  snapshot(agentId: string): BackendSnapshot {
    const since = this.now() - 24 * HOUR;
    const sessions = [...this.sessions.values()]
      .filter((r) => this.canSee(agentId, r))
      .filter((r) => r.status === 'queued' || r.status === 'ongoing' || (r.endedAt ?? 0) >= since)
      .map((r) => r.view);
    return {
      agent: this.agent(agentId),
      agents: this.allAgents(),
      channels: this.allChannels(),
      sessions,
      capabilities: this.capabilities,
      serverTime: iso(this.now()),
    };
  }

  /**
   * One page of a session's history, oldest first: the newest `limit` messages with
   * `afterSeq < seq < beforeSeq`; `hasMore` tells whether that range holds older ones.
   */
  messagePage(
    agentId: string,
    sessionId: string,
    options: { beforeSeq?: number; afterSeq?: number; limit?: number } = {},
  ): MessagePage {
    const record = this.record(sessionId);
    if (!this.mayRead(agentId, record)) fail('not-permitted', `Agent ${agentId} may not read session ${sessionId}`);
    const limit = Math.max(1, Math.floor(options.limit ?? 50));
    const before = options.beforeSeq ?? Number.POSITIVE_INFINITY;
    const after = options.afterSeq ?? 0;
    const range = record.messages.filter((m) => m.seq < before && m.seq > after);
    const messages = range.slice(Math.max(0, range.length - limit));
    return { messages, hasMore: range.length > messages.length };
  }

  // ---------------------------------------------------------------- sessions: writing

  private buildView(record: SessionRecord): ChatSession {
    let unread = 0;
    for (let i = record.messages.length - 1; i >= 0; i--) {
      const message = record.messages[i];
      if (record.status !== 'queued' && message.seq <= record.readSeq) break;
      if (message.kind === 'from-customer') unread++;
    }
    const last = record.last;
    return {
      id: record.id,
      channelId: record.channelId,
      status: record.status,
      customer: record.customer,
      agentId: record.agentId,
      createdAt: iso(record.createdAt),
      ...(record.answeredAt !== undefined ? { answeredAt: iso(record.answeredAt) } : {}),
      ...(record.firstResponseAt !== undefined ? { firstResponseAt: iso(record.firstResponseAt) } : {}),
      ...(record.endedAt !== undefined ? { endedAt: iso(record.endedAt) } : {}),
      ...(record.endedBy ? { endedBy: record.endedBy } : {}),
      ...(last ? { lastMessage: previewFor(last) } : {}),
      unreadCount: unread,
      lastSeq: record.lastSeq,
      ...(record.transferTo ? { transferTo: record.transferTo } : {}),
      ...(record.personId ? { personId: record.personId } : {}),
      requestIds: [...record.requestIds],
      customerTyping: record.customerTyping,
      revision: record.revision,
    };
  }

  /** Rebuild the session's public object and push it, then push the given new messages. */
  private commit(record: SessionRecord, added: readonly ChatMessage[] = []): ChatSession {
    record.revision++;
    record.view = this.buildView(record);
    this.changes.next({ type: 'session-updated', session: record.view });
    for (const message of added) this.changes.next({ type: 'message', message });
    return record.view;
  }

  private append(
    record: SessionRecord,
    fields: Omit<ChatMessage, 'id' | 'sessionId' | 'seq' | 'sentAt' | 'attachments'> &
      Partial<Pick<ChatMessage, 'attachments'>>,
    at: number,
  ): ChatMessage {
    const message: ChatMessage = {
      id: `M${++this.messageCounter}`,
      sessionId: record.id,
      seq: ++record.lastSeq,
      sentAt: iso(at),
      attachments: [],
      ...fields,
    };
    record.messages.push(message);
    if (message.kind !== 'system') {
      const last = record.last;
      if (!last || message.sentAt > last.sentAt || message.sentAt === last.sentAt) record.last = message;
    }
    return message;
  }

  private system(record: SessionRecord, systemEvent: SystemEvent, text: string, at: number, transfer?: PendingTransfer): ChatMessage {
    const about = transfer
      ? { transfer: { fromAgentId: transfer.fromAgentId, toAgentId: transfer.toAgentId, ...(transfer.note ? { note: transfer.note } : {}) } }
      : {};
    return this.append(record, { kind: 'system', systemEvent, text, authorName: '', ...about }, at);
  }

  /** A customer enters the queue; pushes `session-updated` (and `message` for a first text). */
  arrive(input: ArrivalInput = {}, at = this.now()): ChatSession {
    const channelId = input.channelId ?? this.channelSeeds[0].id;
    this.channel(channelId);
    const order = ++this.sessionCounter;
    const customer: ChatCustomer = {
      name: input.name?.trim() || `Visitor ${order}`,
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.companyName ? { companyName: input.companyName } : {}),
    };
    const record: SessionRecord = {
      id: `S${order}`,
      order,
      channelId,
      customer,
      status: 'queued',
      agentId: null,
      createdAt: at,
      messages: [],
      lastSeq: 0,
      readSeq: 0,
      requestIds: [],
      customerTyping: false,
      participants: new Set(),
      revision: 0,
      byClientId: new Map(),
      uploads: new Map(),
      view: undefined as unknown as ChatSession,
    };
    this.sessions.set(record.id, record);
    const added = input.text ? [this.customerLine(record, input.text, at)] : [];
    return this.commit(record, added);
  }

  private customerLine(record: SessionRecord, text: string, at: number): ChatMessage {
    return this.append(record, { kind: 'from-customer', text, authorName: record.customer.name }, at);
  }

  /**
   * The customer writes. A chat that had ended is reopened (ended → ongoing with the same agent,
   * missed → queued) with a `reopened` system line.
   */
  customerWrites(sessionId: string, text: string, at = this.now()): ChatMessage {
    const record = this.record(sessionId);
    if (!text.trim()) fail('invalid-input', 'A customer message needs text');
    const added = this.reopenIfClosed(record, at);
    const message = this.customerLine(record, text, at);
    record.customerTyping = false;
    this.commit(record, [...added, message]);
    return message;
  }

  private reopenIfClosed(record: SessionRecord, at: number): ChatMessage[] {
    if (record.status !== 'ended' && record.status !== 'missed') return [];
    record.status = record.status === 'ended' ? 'ongoing' : 'queued';
    record.endedAt = undefined;
    record.endedBy = undefined;
    return [this.system(record, 'reopened', 'The customer reopened the chat.', at)];
  }

  /** The customer starts or stops typing; pushes `session-updated` when it changes. */
  customerTyping(sessionId: string, isTyping: boolean): ChatSession {
    const record = this.record(sessionId);
    if (record.customerTyping === isTyping) return record.view;
    record.customerTyping = isTyping;
    return this.commit(record);
  }

  /**
   * The customer sends a file. A type the backend does not allow is refused with a
   * `file-type-refused` system line instead of a message with the file.
   */
  customerSendsFile(sessionId: string, file: FileFacts, at = this.now()): ChatMessage {
    const record = this.record(sessionId);
    const added = this.reopenIfClosed(record, at);
    let message: ChatMessage;
    if (!isFileTypeAllowed(file.name, file.type, this.capabilities.allowedFileTypes)) {
      message = this.system(record, 'file-type-refused', `The customer tried to send "${file.name}", a file type that is not allowed.`, at);
    } else {
      const id = `A${++this.attachmentCounter}`;
      const attachment: Attachment = {
        id,
        name: file.name,
        size: file.size,
        type: file.type,
        url: `https://files.example.com/chat/${id}/${encodeURIComponent(file.name)}`,
      };
      message = this.append(record, { kind: 'from-customer', text: '', authorName: record.customer.name, attachments: [attachment] }, at);
    }
    record.customerTyping = false;
    this.commit(record, [...added, message]);
    return message;
  }

  /** The customer leaves: queued → `missed`, ongoing → `ended` by the customer. */
  customerLeaves(sessionId: string, at = this.now()): ChatSession {
    const record = this.record(sessionId);
    if (record.status !== 'queued' && record.status !== 'ongoing') {
      fail('invalid-state', `Session ${sessionId} is already ${record.status}`);
    }
    record.status = record.status === 'queued' ? 'missed' : 'ended';
    record.endedAt = at;
    record.endedBy = 'customer';
    record.customerTyping = false;
    record.transferTo = undefined;
    const line = this.system(record, 'closed-by-customer', 'The customer left the chat.', at);
    return this.commit(record, [line]);
  }

  /**
   * An agent answers a queued chat and sends the channel's welcome message.
   * Throws `not-found`, `not-permitted` (no respond right), `invalid-state` (missed or ended) or
   * `already-taken` (another agent has it). Answering a chat the agent already owns returns it.
   */
  answer(agentId: string, sessionId: string, at = this.now()): ChatSession {
    const record = this.record(sessionId);
    const agent = this.agent(agentId);
    if (!this.mayRespond(agentId, record.channelId)) {
      fail('not-permitted', `${agent.name} may not respond on channel ${record.channelId}`);
    }
    if (record.status === 'ongoing') {
      if (record.agentId === agentId) return record.view;
      fail('already-taken', `Session ${sessionId} was already answered by another agent`, { agentId: record.agentId });
    }
    if (record.status !== 'queued') fail('invalid-state', `Session ${sessionId} is ${record.status}`);
    record.status = 'ongoing';
    record.agentId = agentId;
    record.answeredAt = at;
    record.participants.add(agentId);
    const welcome = this.channel(record.channelId).welcomeMessage;
    const added = welcome
      ? [this.append(record, { kind: 'to-customer', text: welcome, authorName: agent.name, agentId }, at)]
      : [];
    return this.commit(record, added);
  }

  /** The oldest queued chat (by createdAt, then creation order) of the agent's respond channels, answered; `null` when none. */
  takeNext(agentId: string): ChatSession | null {
    this.agent(agentId);
    const next = [...this.sessions.values()]
      .filter((r) => r.status === 'queued' && this.mayRespond(agentId, r.channelId))
      .sort((a, b) => a.createdAt - b.createdAt || a.order - b.order)[0];
    return next ? this.answer(agentId, next.id) : null;
  }

  private owned(agentId: string, sessionId: string): SessionRecord {
    const record = this.record(sessionId);
    if (record.status === 'ended' || record.status === 'missed') {
      fail('invalid-state', `Session ${sessionId} is ${record.status}`);
    }
    if (record.agentId !== agentId) fail('not-permitted', `Agent ${agentId} does not handle session ${sessionId}`);
    return record;
  }

  /**
   * An agent sends a message to the customer; idempotent per `input.clientId` (a repeat returns the
   * stored message and stores nothing). Throws `not-found`, `invalid-state` (ended or missed),
   * `not-permitted` (not the owner), `invalid-input` (no client id; no text and no files).
   */
  send(agentId: string, sessionId: string, input: SendMessageInput, at = this.now()): ChatMessage {
    const record = this.record(sessionId);
    if (!input.clientId) fail('invalid-input', 'A message needs a client id');
    const repeat = record.byClientId.get(input.clientId);
    if (repeat) return repeat;
    this.owned(agentId, sessionId);
    const ids = input.attachmentIds ?? [];
    if (!input.text.trim() && ids.length === 0) fail('invalid-input', 'A message needs text or files');
    const attachments = ids.map((id) => record.uploads.get(id) ?? fail('not-found', `No uploaded file ${id} in ${sessionId}`));
    const message = this.append(
      record,
      { kind: 'to-customer', clientId: input.clientId, text: input.text, authorName: this.agent(agentId).name, agentId, attachments },
      at,
    );
    record.byClientId.set(input.clientId, message);
    record.firstResponseAt ??= at;
    this.commit(record, [message]);
    return message;
  }

  /** An agent writes without a client id (script and simulator). */
  agentWrites(agentId: string, sessionId: string, text: string, at = this.now()): ChatMessage {
    const record = this.owned(agentId, sessionId);
    if (!text.trim()) fail('invalid-input', 'A message needs text');
    const message = this.append(record, { kind: 'to-customer', text, authorName: this.agent(agentId).name, agentId }, at);
    record.firstResponseAt ??= at;
    this.commit(record, [message]);
    return message;
  }

  /** The owner marks customer messages up to `seq` read; others' marks are ignored. */
  markRead(agentId: string, sessionId: string, seq: number): ChatSession {
    const record = this.record(sessionId);
    if (record.agentId !== agentId) return record.view;
    const mark = Math.min(Math.floor(seq), record.lastSeq);
    if (mark <= record.readSeq) return record.view;
    record.readSeq = mark;
    return this.commit(record);
  }

  /** The owner ends an ongoing chat (`closed-by-agent` line). */
  endSession(agentId: string, sessionId: string, at = this.now()): ChatSession {
    const record = this.owned(agentId, sessionId);
    if (record.status !== 'ongoing') fail('invalid-state', `Session ${sessionId} is ${record.status}`);
    record.status = 'ended';
    record.endedAt = at;
    record.endedBy = 'agent';
    record.transferTo = undefined;
    record.customerTyping = false;
    const line = this.system(record, 'closed-by-agent', `${this.agent(agentId).name} closed the chat.`, at);
    return this.commit(record, [line]);
  }

  /** Agent typing: there is no customer to see it in the demo; only checks that the session exists. */
  setTyping(sessionId: string): void {
    this.record(sessionId);
  }

  // ---------------------------------------------------------------- transfers

  /**
   * The owner asks a present agent with respond rights to take over. Throws `not-permitted` (not the
   * owner; target away or without rights), `invalid-state` (not ongoing, or a transfer is pending),
   * `not-found` (no such agent), `invalid-input` (to oneself).
   */
  requestTransfer(fromAgentId: string, sessionId: string, toAgentId: string, note?: string, at = this.now()): ChatSession {
    const record = this.owned(fromAgentId, sessionId);
    if (record.status !== 'ongoing') fail('invalid-state', `Session ${sessionId} is ${record.status}`);
    if (record.transferTo) fail('invalid-state', `Session ${sessionId} already has a pending transfer`);
    if (toAgentId === fromAgentId) fail('invalid-input', 'Cannot transfer a chat to yourself');
    const target = this.agent(toAgentId);
    if (target.presence !== 'present') fail('not-permitted', `${target.name} is away`);
    if (!this.mayRespond(toAgentId, record.channelId)) {
      fail('not-permitted', `${target.name} may not respond on channel ${record.channelId}`);
    }
    record.transferTo = {
      fromAgentId,
      toAgentId,
      ...(note?.trim() ? { note: note.trim() } : {}),
      requestedAt: iso(at),
    };
    record.participants.add(toAgentId);
    const line = this.system(record, 'transfer-requested', `${this.agent(fromAgentId).name} asked ${target.name} to take over the chat.`, at, record.transferTo);
    return this.commit(record, [line]);
  }

  private pendingFor(sessionId: string): { record: SessionRecord; transfer: PendingTransfer } {
    const record = this.record(sessionId);
    const transfer = record.transferTo;
    if (record.status !== 'ongoing' || !transfer) fail('invalid-state', `Session ${sessionId} has no pending transfer`);
    return { record, transfer };
  }

  /**
   * The receiver accepts: the chat becomes theirs (`transferred` line). A repeat after success returns
   * the session; `already-taken` when the sender cancelled first (they keep the chat).
   */
  acceptTransfer(agentId: string, sessionId: string, at = this.now()): ChatSession {
    const raced = this.record(sessionId);
    if (raced.status === 'ongoing' && !raced.transferTo) {
      // The transfer went while the agent pressed Accept: theirs already (a repeat), or the sender kept it.
      if (raced.agentId === agentId) return raced.view;
      fail('already-taken', `Session ${sessionId} is handled by another agent; the transfer is gone`, { agentId: raced.agentId });
    }
    const { record, transfer } = this.pendingFor(sessionId);
    if (transfer.toAgentId !== agentId) fail('not-permitted', `The transfer of ${sessionId} is not addressed to ${agentId}`);
    const from = this.agent(transfer.fromAgentId).name;
    record.agentId = agentId;
    record.transferTo = undefined;
    const line = this.system(record, 'transferred', `${this.agent(agentId).name} took over the chat from ${from}.`, at, transfer);
    return this.commit(record, [line]);
  }

  /** The receiver rejects: the marker goes and the sender carries on (`transfer-rejected` line). */
  rejectTransfer(agentId: string, sessionId: string, at = this.now()): ChatSession {
    const { record, transfer } = this.pendingFor(sessionId);
    if (transfer.toAgentId !== agentId) fail('not-permitted', `The transfer of ${sessionId} is not addressed to ${agentId}`);
    record.transferTo = undefined;
    const line = this.system(record, 'transfer-rejected', `${this.agent(agentId).name} rejected the transfer.`, at, transfer);
    return this.commit(record, [line]);
  }

  /** The sender cancels a pending transfer (`transfer-cancelled` line); `already-taken` when the receiver accepted first. */
  cancelTransfer(agentId: string, sessionId: string, at = this.now()): ChatSession {
    const raced = this.record(sessionId);
    if (raced.status === 'ongoing' && !raced.transferTo && raced.agentId !== agentId && raced.participants.has(agentId)) {
      fail('already-taken', `Session ${sessionId} was taken over before the cancel`, { agentId: raced.agentId });
    }
    const { record, transfer } = this.pendingFor(sessionId);
    if (transfer.fromAgentId !== agentId) fail('not-permitted', `Only the sender can cancel the transfer of ${sessionId}`);
    record.transferTo = undefined;
    const line = this.system(record, 'transfer-cancelled', `${this.agent(agentId).name} cancelled the transfer.`, at, transfer);
    return this.commit(record, [line]);
  }

  // ---------------------------------------------------------------- files

  /**
   * Check an upload before any byte moves: `not-found`, `invalid-state` / `not-permitted` (the agent
   * must handle the ongoing chat), `file-too-large` (details `{ limit }` in bytes), `file-empty`,
   * `file-type-not-allowed` (details `{ allowed }`).
   */
  checkUpload(agentId: string, sessionId: string, file: FileFacts): void {
    this.owned(agentId, sessionId);
    const { maxFileSize, allowedFileTypes } = this.capabilities;
    if (file.size > maxFileSize) {
      fail('file-too-large', `"${file.name}" is larger than ${maxFileSize} bytes`, { limit: maxFileSize, size: file.size });
    }
    if (file.size === 0) fail('file-empty', `"${file.name}" is empty`);
    if (!isFileTypeAllowed(file.name, file.type, allowedFileTypes)) {
      fail('file-type-not-allowed', `"${file.name}" has a type that is not allowed`, { allowed: [...allowedFileTypes] });
    }
  }

  /** Store a finished upload for the session; its id can then be sent with `send`. */
  storeUpload(sessionId: string, file: FileFacts, url?: string): Attachment {
    const record = this.record(sessionId);
    const id = `A${++this.attachmentCounter}`;
    const attachment: Attachment = {
      id,
      name: file.name,
      size: file.size,
      type: file.type,
      url: url ?? `https://files.example.com/chat/${id}/${encodeURIComponent(file.name)}`,
    };
    record.uploads.set(id, attachment);
    return attachment;
  }

  // ---------------------------------------------------------------- CRM

  /** Persons that may be the customer: e-mail matches first, then full name, then phone. */
  personCandidates(customer: ChatCustomer): PersonCandidate[] {
    const found: PersonCandidate[] = [];
    const seen = new Set<string>();
    const add = (person: Person, matchedOn: PersonCandidate['matchedOn']) => {
      if (seen.has(person.id)) return;
      seen.add(person.id);
      found.push({ person, matchedOn });
    };
    const email = customer.email?.trim().toLowerCase();
    if (email) for (const p of this.persons) if (p.email?.toLowerCase() === email) add(p, 'email');
    const name = fold(customer.name ?? '');
    if (name) for (const p of this.persons) if (fold(`${p.firstName} ${p.lastName}`) === name) add(p, 'name');
    const phone = phoneKey(customer.phone);
    if (phone) {
      for (const p of this.persons) if (phoneKey(p.phone) === phone || phoneKey(p.mobile) === phone) add(p, 'phone');
    }
    return found.slice(0, 10);
  }

  /** Persons whose name, e-mail, phone or company name contain every word of the query. */
  searchPersons(query: string, limit = 20): Person[] {
    const words = fold(query).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    const matches = this.persons.filter((p) => {
      const text = fold(`${p.firstName} ${p.lastName} ${p.email ?? ''} ${p.companyName ?? ''}`);
      const digits = `${p.phone ?? ''} ${p.mobile ?? ''}`.replace(/[^\d ]/g, '').replace(/ /g, '');
      return words.every((w) => text.includes(w) || (/^\+?\d+$/.test(w) && digits.includes(w.replace('+', ''))));
    });
    return matches
      .sort((a, b) => fold(a.lastName).localeCompare(fold(b.lastName)) || fold(a.firstName).localeCompare(fold(b.firstName)))
      .slice(0, Math.max(0, limit));
  }

  /** A person with company, requests, sales, follow-ups and chats (archived and linked live ones), newest first. */
  personDetails(personId: string): PersonDetails {
    const person = this.persons.find((p) => p.id === personId) ?? fail('not-found', `No person ${personId}`);
    const company = person.companyId ? this.companies.find((c) => c.id === person.companyId) : undefined;
    const live: ChatSessionSummary[] = [...this.sessions.values()]
      .filter((r) => r.personId === personId)
      .map((r) => ({
        id: r.id,
        channelId: r.channelId,
        createdAt: iso(r.createdAt),
        ...(r.endedAt !== undefined ? { endedAt: iso(r.endedAt) } : {}),
        agentId: r.agentId,
        ...(r.last ? { lastMessageText: previewOf(r.last) } : {}),
      }));
    const archived = this.archivedChats.filter((c) => c.personId === personId).map(({ personId: _, ...c }) => c);
    const newestFirst = <T>(key: (item: T) => string) => (a: T, b: T) => key(b).localeCompare(key(a));
    return {
      person,
      ...(company ? { company } : {}),
      requests: this.requests.filter((r) => r.personId === personId).sort(newestFirst((r) => r.createdAt)),
      sales: this.sales.filter((s) => s.personId === personId).sort(newestFirst((s) => s.date)),
      followUps: this.followUps.filter((f) => f.personId === personId).sort(newestFirst((f) => f.dueAt)),
      chatSessions: [...live, ...archived].sort(newestFirst((c) => c.createdAt)),
    };
  }

  /**
   * The whole transcript of a previous chat, oldest first: a live session the agent may see (or
   * any ended one linked to a CRM person, whose log the CRM keeps), or an archived chat. Throws
   * `not-found`, `not-permitted`.
   */
  chatTranscript(agentId: string, sessionId: string): ChatMessage[] {
    const record = this.sessions.get(sessionId);
    if (record) {
      const crmLog = record.personId !== undefined && (record.status === 'ended' || record.status === 'missed');
      if (!crmLog && !this.mayRead(agentId, record)) fail('not-permitted', `Agent ${agentId} may not read session ${sessionId}`);
      return [...record.messages];
    }
    const archived = this.archivedChats.find((c) => c.id === sessionId) ?? fail('not-found', `No chat ${sessionId}`);
    const person = this.persons.find((p) => p.id === archived.personId);
    const customerName = person ? `${person.firstName} ${person.lastName}` : 'Customer';
    const agentName = (archived.agentId && this.agents.get(archived.agentId)?.name) || 'Agent';
    return archivedTranscript(archived, customerName, agentName);
  }

  private mayWorkOn(agentId: string, record: SessionRecord): void {
    if (record.agentId !== agentId && !this.mayRespond(agentId, record.channelId)) {
      fail('not-permitted', `Agent ${agentId} may not change session ${record.id}`);
    }
  }

  /** Link the session's customer to a person (or unlink with `null`); pushes `session-updated`. */
  linkPerson(agentId: string, sessionId: string, personId: string | null): ChatSession {
    const record = this.record(sessionId);
    this.mayWorkOn(agentId, record);
    if (personId !== null && !this.persons.some((p) => p.id === personId)) fail('not-found', `No person ${personId}`);
    record.personId = personId ?? undefined;
    return this.commit(record);
  }

  /** Create a person; throws `invalid-input` (no name, bad e-mail) or `not-found` (company). */
  createPerson(input: CreatePersonInput): Person {
    const firstName = input.firstName?.trim() ?? '';
    const lastName = input.lastName?.trim() ?? '';
    if (!firstName && !lastName) fail('invalid-input', 'A person needs a first or last name');
    const email = input.email?.trim();
    if (email && !isEmail(email)) fail('invalid-input', `Not an e-mail address: ${email}`);
    const company = input.companyId
      ? (this.companies.find((c) => c.id === input.companyId) ?? fail('not-found', `No company ${input.companyId}`))
      : undefined;
    const person: Person = {
      id: `P${++this.personCounter}`,
      firstName,
      lastName,
      ...(email ? { email } : {}),
      ...(input.phone?.trim() ? { phone: input.phone.trim() } : {}),
      ...(company ? { companyId: company.id, companyName: company.name } : {}),
    };
    this.persons.push(person);
    return person;
  }

  /** Create a company; throws `invalid-input` without a name. */
  createCompany(input: CreateCompanyInput): Company {
    const name = input.name?.trim();
    if (!name) fail('invalid-input', 'A company needs a name');
    const company: Company = {
      id: `C${++this.companyCounter}`,
      name,
      ...(input.city?.trim() ? { city: input.city.trim() } : {}),
      ...(input.country?.trim() ? { country: input.country.trim() } : {}),
      ...(input.phone?.trim() ? { phone: input.phone.trim() } : {}),
    };
    this.companies.push(company);
    return company;
  }

  /**
   * Create a request from a chat, attach the chat log, add it to `session.requestIds` and push
   * `session-updated`. Throws `not-found`, `not-permitted`, `invalid-input` (empty title, bad priority).
   */
  createRequest(agentId: string, sessionId: string, input: CreateRequestInput): SupportRequest {
    const record = this.record(sessionId);
    this.mayWorkOn(agentId, record);
    const title = input.title?.trim();
    if (!title) fail('invalid-input', 'A request needs a title');
    if (!PRIORITIES.includes(input.priority)) fail('invalid-input', `Unknown priority ${String(input.priority)}`);
    const request: SupportRequest = {
      id: `R${++this.requestCounter}`,
      number: `R-${this.requestNumber++}`,
      title,
      category: input.category?.trim() || 'General',
      priority: input.priority,
      status: 'open',
      ...(record.personId ? { personId: record.personId } : {}),
      sessionId,
      createdAt: iso(this.now()),
    };
    this.requests.push(request);
    const log = record.messages.map((m) => `[${m.sentAt}] ${m.authorName || 'System'}: ${m.text}`).join('\n');
    this.requestLogs.set(request.id, [input.text?.trim(), log].filter(Boolean).join('\n\n'));
    record.requestIds.push(request.id);
    this.commit(record);
    return request;
  }

  /** The chat log (and extra text) attached to a request created from a chat. */
  requestLog(requestId: string): string | undefined {
    return this.requestLogs.get(requestId);
  }

  /** The published FAQs. */
  listFaqs(): Faq[] {
    return [...this.faqs];
  }

  /** The shared reply templates. */
  listTemplates(): ReplyTemplate[] {
    return [...this.templates];
  }

  /** The agent's own quick replies. */
  listQuickReplies(agentId: string): QuickReply[] {
    return this.quickReplies.filter((q) => q.agentId === agentId);
  }

  private quickReplyInput(input: { name: string; text: string }): { name: string; text: string } {
    const name = input.name?.trim();
    const text = input.text?.trim();
    if (!name || !text) fail('invalid-input', 'A quick reply needs a name and a text');
    return { name, text };
  }

  /** Create a quick reply for the agent; throws `invalid-input` without name or text. */
  createQuickReply(agentId: string, input: { name: string; text: string }): QuickReply {
    const reply: QuickReply = { id: `QR${++this.quickReplyCounter}`, agentId, ...this.quickReplyInput(input) };
    this.quickReplies.push(reply);
    return reply;
  }

  private ownQuickReply(agentId: string, id: string): number {
    const index = this.quickReplies.findIndex((q) => q.id === id);
    if (index < 0) fail('not-found', `No quick reply ${id}`);
    if (this.quickReplies[index].agentId !== agentId) fail('not-permitted', `Quick reply ${id} belongs to another agent`);
    return index;
  }

  /** Change the agent's own quick reply; throws `not-found`, `not-permitted`, `invalid-input`. */
  updateQuickReply(agentId: string, id: string, input: { name: string; text: string }): QuickReply {
    const index = this.ownQuickReply(agentId, id);
    const reply: QuickReply = { ...this.quickReplies[index], ...this.quickReplyInput(input) };
    this.quickReplies[index] = reply;
    return reply;
  }

  /** Delete the agent's own quick reply; throws `not-found`, `not-permitted`. */
  deleteQuickReply(agentId: string, id: string): void {
    this.quickReplies.splice(this.ownQuickReply(agentId, id), 1);
  }

  /** Read-only copies of the CRM tables (for `backend.inspect`). */
  crm() {
    return {
      persons: [...this.persons],
      companies: [...this.companies],
      requests: [...this.requests],
      sales: [...this.sales],
      followUps: [...this.followUps],
      archivedChats: [...this.archivedChats],
      quickReplies: [...this.quickReplies],
    };
  }

  // ---------------------------------------------------------------- bulk history

  /**
   * Append `count` invented messages (customer and agent in turn) at the current time, for paging
   * tests, or the messages `line(i)` describes (author side, text, time in ms since epoch, in
   * time order). Pushes one `session-updated` at the end, no `message` events.
   */
  addHistory(
    sessionId: string,
    count: number,
    line?: (i: number) => { readonly fromCustomer: boolean; readonly text: string; readonly at: number },
  ): ChatSession {
    const record = this.record(sessionId);
    const at = this.now();
    const agentName = record.agentId ? this.agent(record.agentId).name : 'Agent';
    for (let i = 0; i < count; i++) {
      const n = record.lastSeq + 1;
      const custom = line?.(i);
      if (custom) {
        this.append(
          record,
          custom.fromCustomer || !record.agentId
            ? { kind: 'from-customer', text: custom.text, authorName: record.customer.name }
            : { kind: 'to-customer', text: custom.text, authorName: agentName, agentId: record.agentId },
          custom.at,
        );
      } else if (i % 2 === 0 || !record.agentId) {
        this.append(record, { kind: 'from-customer', text: `Customer message ${n}: could you check this for me?`, authorName: record.customer.name }, at);
      } else {
        this.append(record, { kind: 'to-customer', text: `Agent message ${n}: I am looking into it.`, authorName: agentName, agentId: record.agentId }, at);
      }
    }
    return this.commit(record);
  }
}

/** The session's `lastMessage`: kind, short text, time and, for an agent's message, who wrote it. */
function previewFor(message: ChatMessage): LastMessagePreview {
  return {
    kind: message.kind,
    text: previewOf(message),
    sentAt: message.sentAt,
    // Who wrote an agent's message (customers and system lines are told apart by `kind`).
    ...(message.kind === 'to-customer' && message.agentId ? { agentId: message.agentId } : {}),
    ...(message.kind === 'to-customer' && message.authorName ? { authorName: message.authorName } : {}),
  };
}

function previewOf(message: ChatMessage): string {
  const text = message.text.trim() || message.attachments.map((a) => a.name).join(', ');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
