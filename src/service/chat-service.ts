import {
  BehaviorSubject,
  Observable,
  Subject,
  type Subscription,
  combineLatest,
  distinctUntilChanged,
  map,
  shareReplay,
} from 'rxjs';
import type {
  BackendCapabilities,
  BackendEvent,
  ChatBackendAdapter,
  CreateCompanyInput,
  CreatePersonInput,
  CreateRequestInput,
} from '../backend/adapter.js';
import { ChatBackendError, toChatError } from '../backend/errors.js';
import {
  checkAdapter,
  checkCommandSession,
  checkEvent,
  checkList,
  checkMessage,
  checkPage,
  checkSession,
  checkSnapshot,
  forSession,
} from './adapter-data.js';
import type { Agent, Presence } from '../model/agent.js';
import type { Company, Person, QuickReply, SupportRequest } from '../model/crm.js';
import type { Attachment, ChatMessage, MessageDraft, MessageView } from '../model/message.js';
import type { ChatSession } from '../model/session.js';
import { type ChatClock, type TimerHandle, systemClock } from './clock.js';
import {
  type ChatStats,
  type MySessions,
  canWrite,
  compareMessages,
  computeStats,
  handlingCount,
  incomingCount,
  mySessions,
  nextRecentExpiry,
  ongoingSessions,
  queuedSessions,
  sentView,
} from './selectors.js';
import { type TransferTarget, transferTargets } from './transfer-targets.js';
import { type TransferOffer, chatsBadgeCount, isOfferedToMe, sameOffers, transferOfferKey, transferOffersOf } from './transfer-offers.js';
import { requestDraft } from './request-draft.js';
import { type UnsentReply, unsentReply } from './unsent-reply.js';
import { UploadQueue, type UploadView } from './uploads.js';
import { type EndChatCheck, type TransferCheck, countUnsentFiles, endChatCheck, sameLeaveCheck, transferCheck } from './leave-check.js';
import { type AlertPreferences, type AlertPreferencesStorage, LocalStorageAlertPreferences, toAlertPreferences } from './alert-preferences.js';
import { type ChannelSelectionStorage, LocalStorageChannelSelection } from './channel-selection.js';
import type { ListenIn } from './listen-in.js';
import { type DashboardStats, computeDashboardStats, nextDayStart, sameStats } from './stats.js';
import { type ChatWarning, computeWarnings, nextWarningAt, sameWarnings } from './warnings.js';
import type { SnippetStore } from './snippet-store.js';
import type { SnippetFilter, SnippetGroup } from './snippet-search.js';
import {
  MemorySnippetPreferenceStorage,
  type Snippet,
  type SnippetPreferenceStorage,
  type SnippetsState,
  initialSnippetsState,
  snippetInsertText,
} from './snippets.js';
import {
  type ChatNotice,
  type ChatState,
  type DisplaySettings,
  type PersonContext,
  type SessionHistory,
  type Transcript,
  initialState,
} from './state.js';
import {
  type PersonDraft,
  isEmailAddress,
  isValid,
  personWithEmail,
  validateCompanyDraft,
  validatePersonDraft,
} from './person-rules.js';
import { PersonSearch } from './person-search.js';
import { FormDrafts, type FormValues } from './form-drafts.js';

/** Options of {@link ChatService}. */
export interface ChatServiceOptions {
  /** The backend adapter; the service's only way to the backend. */
  readonly backend: ChatBackendAdapter;
  /** Time source for timeouts and the 8-hour window (default: the system clock). */
  readonly clock?: ChatClock;
  /** A send not confirmed within this many ms turns `failed` (default 15,000 ms). */
  readonly sendTimeoutMs?: number;
  /** Messages per history page (default 50). */
  readonly pageSize?: number;
  /** Locale and time zone to show times in (default `en`, the browser's time zone). */
  readonly display?: Partial<DisplaySettings>;
  /** Makes client message ids (default: `crypto.randomUUID()`). */
  readonly newClientId?: () => string;
  /** Info notices (e.g. "another agent was first") go away after this many ms (default 8,000). */
  readonly noticeTimeoutMs?: number;
  /**
   * Wait before repeating background work that failed or may have missed something, in ms
   * (default 2,000): a re-synchronisation after a reconnect (also a first load that failed with
   * `network`, `timeout` or `disconnected`), a history catch-up after a gap in message `seq`, a
   * read mark of a watched session.
   */
  readonly retryDelayMs?: number;
  /** Where the dashboard's channel selection is kept per agent (default: `localStorage`). */
  readonly selectionStorage?: ChannelSelectionStorage;
  /** Where the Insert picker keeps the agent's recently used and favourites (default: in memory). */
  readonly snippetPreferences?: SnippetPreferenceStorage;
  /** Where the dashboard's alert options are kept per agent (default: `localStorage`). */
  readonly alertStorage?: AlertPreferencesStorage;
}

/** A failure the service reports to the host (the provider turns it into a `chat-error` event). */
export interface ChatServiceError {
  readonly code: ChatBackendError['code'];
  readonly message: string;
  /** The command that failed, e.g. `sendMessage`. */
  readonly command: string;
  readonly cause: ChatBackendError;
}

/** Where a failed command's notice belongs: its session, and `session` scope for the conversation. */
type NoticeTarget = { readonly sessionId?: string; readonly scope?: ChatNotice['scope'] };

const EMPTY_HISTORY: SessionHistory = { items: [], hasMore: true, loading: false, loaded: false };

/**
 * The chat screen's shared state and commands: one instance per agent screen, provided to every
 * element through Lit context (`chatServiceContext`).
 *
 * State lives in an RxJS `BehaviorSubject`; read it through the read-only observables (`state$`
 * and selectors such as `sessions$`, `queue$`, `mySessions$`, `stats$`). Commands return promises
 * and reject with a {@link ChatBackendError}; the service checks the rules (ownership, session
 * state, rights) before it asks the adapter. Sending is optimistic: a message shows at once as
 * `sending`, becomes `sent` when the adapter confirms, or `failed` (text kept, retry offered) when
 * the adapter rejects or does not answer within `sendTimeoutMs`. A message is identified by its
 * client id, so a retried or echoed message never appears twice.
 *
 * The service starts loading at construction; `ready` settles when the first snapshot arrived.
 * Call {@link ChatService.dispose} to close its backend subscription and timers.
 */
export class ChatService {
  /** The adapter this service talks to. */
  readonly backend: ChatBackendAdapter;
  /** Settles when the first snapshot was loaded (rejects with the load error). */
  readonly ready: Promise<void>;

  /** The time source of timeouts, windows and elements' throttles (the service clock; a FakeClock in tests). */
  readonly clock: ChatClock;
  private readonly sendTimeoutMs: number;
  private readonly pageSize: number;
  private readonly noticeTimeoutMs: number;
  private readonly noticeTimers = new Set<TimerHandle>();
  private readonly newClientId: () => string;
  private readonly store: BehaviorSubject<ChatState>;
  private readonly errorsSubject = new Subject<ChatServiceError>();
  private readonly incomingSubject = new Subject<ChatSession>();
  private readonly transferOfferedSubject = new Subject<TransferOffer>();
  private readonly subscriptions: Subscription[] = [];
  private readonly watchers = new Map<string, number>();
  /** The newest person-data fetch per session (a counter); older answers are dropped. */
  private readonly personLoads = new Map<string, number>();
  /** Watches that keep their session read (the agent can see it): session id → count. */
  private readonly readers = new Map<string, number>();
  private readonly sendAttempts = new Map<string, number>();
  private readonly sendTimers = new Map<string, TimerHandle>();
  private readonly selectorCache = new Map<string, Observable<unknown>>();
  private readonly selectionStorage: ChannelSelectionStorage;
  private readonly alertStorage: AlertPreferencesStorage;
  /** Whether the agent changed an alert option before the stored ones arrived (those then lose). */
  private alertsChanged = false;
  private readonly warningSubject = new Subject<ChatWarning>();
  private readonly listens = new Set<ListenIn>();
  /** Unsaved typed input of forms, per chat session and form (see `formDraft`). */
  private readonly formDrafts = new FormDrafts();
  private deadlineTimer: TimerHandle | undefined;
  private deadlineAt: number | null = null;
  private selectionLoaded = false;
  private midnight: { readonly zone: string; readonly at: number } | null = null;
  private windowTimer: TimerHandle | undefined;
  private windowTimerAt: number | null = null;
  private noticeSeq = 0;
  /** Files the agent attached, while uploading or refused / failed. */
  private readonly uploadQueue: UploadQueue;
  /** FAQs, reply templates and quick replies for the Insert picker. */
  /** The Insert picker's data (`snippets$`); changed by the snippet store once it is loaded. */
  private readonly snippetState: BehaviorSubject<SnippetsState>;
  private readonly snippetPreferences: SnippetPreferenceStorage;
  /** The snippet store, loaded on first use (`loadSnippets()` and the quick-reply commands). */
  private snippetStore?: SnippetStore;
  private snippetStoreLoad?: Promise<SnippetStore>;
  /** Attachments uploaded by this service, by id (so a sending message shows its file at once). */
  private readonly uploaded = new Map<string, Attachment>();
  private disposed = false;
  private wasOffline = false;
  private readonly retryDelayMs: number;
  /** Sessions changed by events while a snapshot was on its way (kept when the snapshot lacks them). */
  private loadTouched: Set<string> | null = null;
  private resyncRunning = false;
  private resyncAgain = false;
  /** A reconnect happened: the next re-synchronisation whose snapshot loads retries the failed loads (once). */
  private retryFailedOnResync = false;
  private resyncTimer: TimerHandle | undefined;
  private reloadRunning: Promise<void> | undefined;
  /** Why the adapter cannot be used (a method of ChatBackendAdapter missing), or `null`; fails every load. */
  private readonly adapterProblem: ChatBackendError | null;
  /** The subscription to the adapter's `events$` (replaced when the stream ended and is subscribed again). */
  private eventsSubscription: Subscription | undefined;
  private eventsTimer: TimerHandle | undefined;
  /** Times in a row the adapter's `events$` ended before delivering an event (sets the back-off). */
  private eventsLostCount = 0;
  private readonly gapTimers = new Map<string, TimerHandle>();
  private readonly readTimers = new Map<string, TimerHandle>();

  /** The whole state; emits on every change. */
  readonly state$: Observable<ChatState>;
  /** Every known session by id. */
  readonly sessions$: Observable<Readonly<Record<string, ChatSession>>>;
  /** Queued sessions of the agent's channels, oldest first. */
  readonly queue$: Observable<readonly ChatSession[]>;
  /** Number of queued sessions (the Dashboard badge and the session list's queue count). */
  readonly queueCount$: Observable<number>;
  /**
   * Whether the queue, the sessions and every count derived from them are known: `true` once a
   * snapshot has loaded (state `status` `ready`); `false` while the first load is on its way or
   * after it failed (`status` `loading` / `error`). While `false`, `queueCount$`, `stats$`,
   * `dashboardStats$` and the lists read 0 / empty because nothing is known, not because nothing
   * is there: views show the loading or failure state then, never "No customers waiting" or zeros.
   */
  readonly countsKnown$: Observable<boolean>;
  /** Ongoing sessions of every agent (the dashboard's ongoing list). */
  readonly ongoing$: Observable<readonly ChatSession[]>;
  /** The agent's active and recent (8 h) sessions. */
  readonly mySessions$: Observable<MySessions>;
  /** Ongoing chats the agent is handling (part of the Chats badge, see {@link ChatService.chatsBadgeCount$}). */
  readonly handlingCount$: Observable<number>;
  /**
   * Transfers offered to the agent (another agent asks them to take over a chat), oldest request
   * first: each waits for the agent's Accept / Reject until answered or cancelled by the sender.
   */
  readonly transferOffers$: Observable<readonly TransferOffer[]>;
  /**
   * The Chats tab's badge: chats that wait for the agent's action — the ongoing chats they handle
   * plus the transfers offered to them (`handlingCount$` + `transferOffers$`'s length).
   */
  readonly chatsBadgeCount$: Observable<number>;
  /**
   * Each transfer offered to the agent once, when it appears after the first load (offers pending
   * at load, or re-read by a reload, are in `transferOffers$` but not here); see the
   * `chat-transfer-offered` event.
   */
  readonly transferOffered$: Observable<TransferOffer>;
  /** Id of the selected session, or null. */
  readonly selectedSessionId$: Observable<string | null>;
  /** The current agent, or null before loading. */
  readonly agent$: Observable<Agent | null>;
  /** Live dashboard figures for all channels. */
  readonly stats$: Observable<ChatStats>;
  /** Notices for the agent, oldest first. */
  readonly notices$: Observable<readonly ChatNotice[]>;
  /** Failures of commands, for the host's log (see the `chat-error` event). */
  readonly errors$: Observable<ChatServiceError>;
  /** Sessions that entered the queue after loading (see the `chat-incoming` event). */
  readonly incoming$: Observable<ChatSession>;
  /** The dashboard's channel selection: ids, or `null` for every channel. */
  readonly channelSelection$: Observable<readonly string[] | null>;
  /** The agent's alert options (sound, desktop notifications, count in the title); all off by default. */
  readonly alertPreferences$: Observable<AlertPreferences>;
  /**
   * Dashboard figures for the selected channels (see `computeDashboardStats`), recomputed on every
   * state change and at midnight in the agent's time zone.
   */
  readonly dashboardStats$: Observable<DashboardStats>;
  /**
   * Chats to highlight for the agent (selected channels; present agents with the notify right
   * only), re-evaluated on every change and at the moment a chat passes its channel's limit.
   */
  readonly warnings$: Observable<readonly ChatWarning[]>;
  /** Each warning once, when it appears (see the `chat-warning` event). */
  readonly warning$: Observable<ChatWarning>;

  /**
   * @param options the adapter and optional clock, timeouts and display settings
   */
  constructor(options: ChatServiceOptions) {
    this.backend = options.backend;
    this.clock = options.clock ?? systemClock;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
    this.pageSize = options.pageSize ?? 50;
    this.noticeTimeoutMs = options.noticeTimeoutMs ?? 8_000;
    this.retryDelayMs = options.retryDelayMs ?? 2_000;
    this.newClientId = options.newClientId ?? (() => crypto.randomUUID());
    this.selectionStorage = options.selectionStorage ?? new LocalStorageChannelSelection();
    this.alertStorage = options.alertStorage ?? new LocalStorageAlertPreferences();
    const display: DisplaySettings = {
      locale: options.display?.locale ?? 'en',
      timeZone: options.display?.timeZone,
    };
    this.store = new BehaviorSubject(initialState(this.backend.agentId, this.clock.now(), display));
    this.state$ = this.store.asObservable();
    this.errors$ = this.errorsSubject.asObservable();
    this.incoming$ = this.incomingSubject.asObservable();
    this.sessions$ = this.select((s) => s.sessions);
    this.queue$ = this.select((s) => queuedSessions(s), sameList);
    this.queueCount$ = this.select((s) => incomingCount(s));
    this.countsKnown$ = this.select((s) => s.status === 'ready');
    this.ongoing$ = this.select((s) => ongoingSessions(s), sameList);
    this.mySessions$ = this.select(
      (s) => mySessions(s),
      (a, b) => sameList(a.active, b.active) && sameList(a.recent, b.recent),
    );
    this.handlingCount$ = this.select((s) => handlingCount(s));
    this.transferOffers$ = this.select((s) => transferOffersOf(s), sameOffers);
    this.chatsBadgeCount$ = this.select((s) => chatsBadgeCount(s));
    this.transferOffered$ = this.transferOfferedSubject.asObservable();
    this.selectedSessionId$ = this.select((s) => s.selectedSessionId);
    this.agent$ = this.select((s) => s.agents[s.agentId] ?? null);
    this.stats$ = this.select(
      (s) => computeStats(s),
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
    this.notices$ = this.select((s) => s.notices);
    this.channelSelection$ = this.select((s) => s.channelSelection);
    this.alertPreferences$ = this.select((s) => s.alertPreferences);
    this.dashboardStats$ = this.select((s) => dashboardStatsOf(s), sameStats);
    this.warnings$ = this.select((s) => warningsOf(s), sameWarnings);
    this.warning$ = this.warningSubject.asObservable();
    let shown = new Set<string>();
    this.subscriptions.push(
      this.warnings$.subscribe((warnings) => {
        const next = new Set(warnings.map((w) => `${w.sessionId}|${w.kind}|${w.since}`));
        if (this.state.status === 'ready') {
          for (const w of warnings) if (!shown.has(`${w.sessionId}|${w.kind}|${w.since}`)) this.warningSubject.next(w);
        }
        shown = next;
      }),
      this.store.subscribe(() => this.scheduleDeadline()),
      this.announceTransferOffers(),
    );

    this.snippetPreferences = options.snippetPreferences ?? new MemorySnippetPreferenceStorage();
    this.snippetState = new BehaviorSubject(initialSnippetsState(this.snippetPreferences.load(this.backend.agentId)));
    this.uploadQueue = new UploadQueue({
      capabilities: () => this.state.capabilities,
      upload: (sessionId, file, options) => this.backend.uploadFile(sessionId, file, options),
      send: (sessionId, attachment) => {
        this.uploaded.set(attachment.id, attachment);
        const draft = { text: '', attachmentIds: [attachment.id] };
        // Refused (the chat ended or left the agent while the file uploaded): thrown, so the upload
        // list shows the file failed with the reason instead of dropping it.
        const refusal = this.sendRefusal(sessionId, draft);
        if (refusal) throw refusal;
        // A failed delivery shows on the file's message (failed, with Retry) and on errors$.
        this.sendMessage(sessionId, draft).catch(() => undefined);
      },
      fail: (error) => this.fail('uploadFile', error),
    });
    // An adapter without a method of ChatBackendAdapter fails every load (naming the methods)
    // instead of failing on first use with "... is not a function".
    this.adapterProblem = checkAdapter(this.backend);
    if (!this.adapterProblem) this.subscribeEvents();
    this.ready = this.load(false);
    // A failed first load is also reported in state; keep the rejection from going unhandled, and
    // try again later when the failure was the network's (the state turns `ready` then).
    this.ready.catch((error) => {
      if (isTransient(error)) this.scheduleResync();
    });
  }

  /**
   * Load the starting state again (the "Try again" of a failed first load). While the state is
   * `status: 'error'` it turns `loading`, then `ready` with the new snapshot or `error` again with
   * `loadError` ({@link ChatBackendError} code and message); when already `ready` it
   * re-synchronises (new snapshot, loaded histories caught up). A failure is also reported on
   * `errors$` (command `load`); a `network` / `timeout` / `disconnected` one is tried again after
   * `retryDelayMs` like the first load.
   * @throws ChatBackendError the load's failure (`network`, `timeout`, `invalid-input`, `unknown`, ...);
   *   `no-service` after {@link ChatService.dispose}
   */
  async reload(): Promise<void> {
    if (this.disposed) throw new ChatBackendError('no-service', 'The chat service was disposed');
    if (this.state.status === 'ready') return this.resync();
    if (this.state.status === 'loading') return this.reloadRunning ?? this.ready;
    this.patch({ status: 'loading', loadError: undefined });
    this.reloadRunning = this.load(false).finally(() => {
      this.reloadRunning = undefined;
    });
    try {
      await this.reloadRunning;
    } catch (error) {
      if (isTransient(error)) this.scheduleResync();
      throw error;
    }
  }

  /** The current state (a snapshot; subscribe to `state$` to follow changes). */
  get state(): ChatState {
    return this.store.value;
  }

  /** Id of the current agent. */
  get agentId(): string {
    return this.backend.agentId;
  }

  /** The service clock's current time, ms since epoch (for ticking displays such as waiting times). */
  now(): number {
    return this.clock.now();
  }

  // ---------------------------------------------------------------- selectors

  /**
   * A memoised, shared observable of a slice of state.
   * @param project picks the slice from the state
   * @param equal decides when a new slice counts as unchanged (default `===`)
   */
  select<T>(project: (state: ChatState) => T, equal: (a: T, b: T) => boolean = Object.is): Observable<T> {
    return this.store.pipe(
      map(project),
      distinctUntilChanged(equal),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  /**
   * The warnings of given channels (a dashboard pinned to channels with `channel-ids`), whatever
   * the agent selected; `null` gives {@link ChatService.warnings$} (the agent's selection). Same rules
   * as `warnings$` (present agent, notify right on the channel), re-evaluated on every change and
   * when a chat of any channel passes its limit.
   * @param channelIds channel ids, or `null` for the agent's selection
   */
  warningsIn(channelIds: readonly string[] | null): Observable<readonly ChatWarning[]> {
    if (!channelIds) return this.warnings$;
    const ids = [...channelIds];
    return this.cached(`warnings:${ids.join(' ')}`, () =>
      this.select((s) => computeWarnings({ ...warningInput(s), channelIds: ids }), sameWarnings),
    );
  }

  /**
   * Each new warning of given channels once, when it appears after subscribing (warnings present
   * at subscription are not repeated); `null` gives {@link ChatService.warning$}.
   * @param channelIds channel ids, or `null` for the agent's selection
   */
  newWarningsIn(channelIds: readonly string[] | null): Observable<ChatWarning> {
    if (!channelIds) return this.warning$;
    const list$ = this.warningsIn(channelIds);
    return new Observable<ChatWarning>((subscriber) => {
      let shown: Set<string> | null = null;
      return list$.subscribe((warnings) => {
        const key = (w: ChatWarning) => `${w.sessionId}|${w.kind}|${w.since}`;
        if (shown && this.state.status === 'ready') {
          for (const w of warnings) if (!shown.has(key(w))) subscriber.next(w);
        }
        shown = new Set(warnings.map(key));
      });
    });
  }

  /** One session by id (`undefined` when unknown). */
  session$(sessionId: string): Observable<ChatSession | undefined> {
    return this.cached(`session:${sessionId}`, () => this.select((s) => s.sessions[sessionId]));
  }

  /** The loaded history of a session (empty until loaded; see {@link ChatService.watchSession}). */
  history$(sessionId: string): Observable<SessionHistory> {
    return this.cached(`history:${sessionId}`, () =>
      this.select((s) => s.histories[sessionId] ?? EMPTY_HISTORY),
    );
  }

  /**
   * The agents a session can be transferred to (present, other than the current agent, with the
   * respond right on its channel), with their current chat counts, by name.
   */
  transferTargets$(sessionId: string): Observable<readonly TransferTarget[]> {
    return this.cached(`transfer-targets:${sessionId}`, () =>
      this.select(
        (s) => transferTargets(s, sessionId),
        (a, b) => a.length === b.length && a.every((t, i) => t.agent === b[i]!.agent && t.chatCount === b[i]!.chatCount),
      ),
    );
  }

  /** The composer draft of a session. */
  draft$(sessionId: string): Observable<string> {
    return this.cached(`draft:${sessionId}`, () => this.select((s) => s.drafts[sessionId] ?? ''));
  }

  /**
   * The draft left in a chat the agent can no longer write in (the customer left, the chat ended,
   * another agent took it), with the reason; `null` while the agent can write or the draft is
   * blank. See {@link unsentReply}.
   */
  unsentReply$(sessionId: string): Observable<UnsentReply | null> {
    return this.cached(`unsent:${sessionId}`, () =>
      this.select(
        (s) => unsentReply(s, sessionId),
        (a, b) => a === b || (!!a && !!b && a.text === b.text && a.reason === b.reason),
      ),
    );
  }

  /** The person panel data of a session (`undefined` until {@link ChatService.loadPersonContext}). */
  personContext$(sessionId: string): Observable<PersonContext | undefined> {
    return this.cached(`person:${sessionId}`, () => this.select((s) => s.personContexts[sessionId]));
  }

  // ---------------------------------------------------------------- commands

  /**
   * Select the session shown in the conversation and person panel (`null` for none).
   * Does not touch unread counts: reading happens while a conversation watches the session.
   * @throws ChatBackendError `not-found` when the session is unknown
   */
  selectSession(sessionId: string | null): void {
    if (sessionId !== null && !this.state.sessions[sessionId]) {
      throw new ChatBackendError('not-found', `Unknown session ${sessionId}`);
    }
    this.patch({ selectedSessionId: sessionId });
  }

  /**
   * Start showing a session: loads its newest history page and, while watched with `read`, marks
   * the customer's messages read as they arrive (the agent sees them). Returns a function that
   * stops watching. Watching is reference-counted, so several elements may watch one session; it
   * stays read while at least one of them reads.
   * @param options.read whether the agent can see the session now (default true); an element that
   *   is kept but hidden (another tab of the screen, a hidden browser tab) watches with `read:
   *   false`, so what arrives meanwhile counts as unread
   */
  watchSession(sessionId: string, options: { read?: boolean } = {}): () => void {
    const read = options.read ?? true;
    count(this.watchers, sessionId, +1);
    if (read) count(this.readers, sessionId, +1);
    const history = this.state.histories[sessionId];
    if (!history?.loaded && !history?.loading) void this.loadHistory(sessionId).catch(() => undefined);
    if (read) void this.markRead(sessionId).catch(() => undefined);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      count(this.watchers, sessionId, -1);
      if (read) count(this.readers, sessionId, -1);
    };
  }

  /**
   * Load the newest history page of a session, or the page before the oldest loaded message.
   * While it runs the history is `loading`; a failure is kept in the history's `error` (code and
   * message; see {@link historyStatus}) until the next attempt, and reported on `errors$`
   * (command `loadHistory`). Calling it again is the "Try again".
   * @param older load the page before the oldest loaded message
   * @throws ChatBackendError from the adapter (`not-found`, `network`, ...)
   */
  async loadHistory(sessionId: string, older = false): Promise<void> {
    const current = this.state.histories[sessionId] ?? EMPTY_HISTORY;
    if (current.loading || (older && (!current.hasMore || !current.loaded))) return;
    this.setHistory(sessionId, { ...current, loading: true, error: undefined });
    const oldest = current.items.find((m) => m.seq > 0)?.seq;
    try {
      const asked = { limit: this.pageSize, ...(older && oldest ? { beforeSeq: oldest } : {}) };
      const page = await this.backend.getMessages(sessionId, asked);
      const messages = this.checkedPage(sessionId, page.messages, asked);
      const now = this.state.histories[sessionId] ?? EMPTY_HISTORY;
      this.setHistory(sessionId, {
        items: mergeMessages(now.items, messages),
        hasMore: older || !now.loaded ? page.hasMore : now.hasMore,
        loading: false,
        loaded: true,
      });
    } catch (error) {
      const chatError = this.fail('loadHistory', error);
      const now = this.state.histories[sessionId] ?? EMPTY_HISTORY;
      // Kept in state, so the view shows why and offers "Try again" (a reconnect retries a first page).
      this.setHistory(sessionId, { ...now, loading: false, error: { code: chatError.code, message: chatError.message } });
      throw chatError;
    }
  }

  /**
   * Mark the customer's messages of a session as read (only for sessions the agent handles).
   * @throws ChatBackendError from the adapter
   */
  async markRead(sessionId: string): Promise<void> {
    const session = this.state.sessions[sessionId];
    if (!session || session.agentId !== this.agentId || session.unreadCount === 0) return;
    const read = { ...session, unreadCount: 0 };
    this.upsertSession(read, true);
    try {
      await this.backend.markRead(sessionId, session.lastSeq);
    } catch (error) {
      this.onReadFailed(sessionId, read, session.unreadCount);
      throw this.fail('markRead', error);
    }
  }

  /**
   * Answer the oldest waiting chat of the agent's channels and select it.
   * Resolves with the session, or `null` (and a `queue-empty` notice) when the queue is empty.
   * Every failure also raises a notice with its code (`taken` for `already-taken`).
   * @throws ChatBackendError `already-taken` (after retrying once), `not-permitted`, `network`, ...;
   *   `invalid-input` when the adapter resolves with something that is not a chat session
   *   (nothing changes; see `checkCommandSession`)
   */
  async takeNextInQueue(): Promise<ChatSession | null> {
    this.requireOnline('takeNextInQueue', {});
    try {
      const raw: unknown = await this.backend.takeNextInQueue();
      if (raw === null) {
        this.notice('info', 'queue-empty');
        return null;
      }
      const session = this.commandResult('takeNextInQueue', null, raw);
      this.upsertSession(session);
      this.patch({ selectedSessionId: session.id });
      this.lookUpPerson(session.id);
      return session;
    } catch (error) {
      throw this.failVisibly('takeNextInQueue', error, {});
    }
  }

  /**
   * Answer a specific queued chat and select it.
   * @throws ChatBackendError `already-taken` when another agent was first (a notice tells the
   *   agent; nothing else changes), `not-permitted` without the respond right, `invalid-state`
   *   when the chat is no longer queued, `not-found`, `network`, `timeout`, `disconnected`,
   *   `invalid-input` when the adapter resolves with another chat (nothing changes; the agent can
   *   answer again); every failure raises a notice with its code (for the session)
   */
  async answer(sessionId: string): Promise<ChatSession> {
    const session = this.state.sessions[sessionId];
    const agent = this.state.agents[this.agentId];
    // Without the agent's record (no snapshot yet) there is no respond right either.
    if (session && !agent?.rights[session.channelId]?.respond) {
      throw this.failVisibly('answer', new ChatBackendError('not-permitted', 'No respond right on this channel'), { sessionId });
    }
    this.requireOnline('answer', { sessionId });
    try {
      const answered = this.commandResult('answer', sessionId, await this.backend.answer(sessionId));
      this.upsertSession(answered);
      this.patch({ selectedSessionId: answered.id });
      this.lookUpPerson(answered.id);
      return answered;
    } catch (error) {
      throw this.failVisibly('answer', error, { sessionId });
    }
  }

  /**
   * Change the agent's alert options (only the given fields). They are kept per agent in the alert
   * storage, so they survive a reload. The service only records the choice: elements play the sound,
   * ask the browser's Notification permission (on the agent's click) and write the page title.
   */
  setAlertPreferences(change: Partial<AlertPreferences>): void {
    const next = toAlertPreferences({ ...this.state.alertPreferences, ...change });
    this.alertsChanged = true;
    const current = this.state.alertPreferences;
    if (next.sound === current.sound && next.desktop === current.desktop && next.titleCount === current.titleCount) return;
    this.patch({ alertPreferences: next });
    void Promise.resolve()
      .then(() => this.alertStorage.save(this.agentId, next))
      .catch(() => undefined);
  }

  /**
   * Choose the dashboard's channels: ids, or `null` (or every channel) for all. Unknown ids are
   * dropped. The choice is kept per agent in the selection storage, so it survives a reload.
   */
  setChannelSelection(channelIds: readonly string[] | null): void {
    const known = Object.keys(this.state.channels);
    let next: readonly string[] | null = channelIds ? known.filter((id) => channelIds.includes(id)) : null;
    if (next && next.length === known.length) next = null;
    const current = this.state.channelSelection;
    if (current === next || (current && next && current.join(' ') === next.join(' '))) return;
    this.patch({ channelSelection: next });
    void Promise.resolve()
      .then(() => this.selectionStorage.save(this.agentId, next))
      .catch(() => undefined);
  }

  /**
   * Whether the agent may listen in on a session: an ongoing chat of another agent, on a channel
   * where the agent has the listen-in right, that is not being transferred to the agent (such a
   * chat is opened instead, where Accept / Reject show with its history).
   */
  canListenIn(sessionId: string): boolean {
    return this.listenInRefusal(sessionId) === null;
  }

  /**
   * Listen in on another agent's ongoing chat: a live, read-only view of its messages. The agent
   * being listened to is not notified. Call `stop()` on the result when the view closes; that
   * ends the backend feed. Feed messages and events that cannot be shown are left out of the view
   * and reported on `errors$` (`invalid-input`, command `listenIn` / `getMessages`); missing
   * optional fields get their defaults (see `adapter-data.ts`).
   * @throws ChatBackendError `not-permitted` without the listen-in right on the chat's channel
   *   (checked here and again by the adapter), `not-found` for an unknown session, `invalid-state`
   *   when the chat is not ongoing, is the agent's own, or is being transferred to the agent
   */
  async listenIn(sessionId: string): Promise<ListenIn> {
    const refusal = this.listenInRefusal(sessionId);
    if (refusal) throw this.fail('listenIn', refusal);
    try {
      // Loaded on first use: most agents never listen in (a separate file of the CDN build).
      const { openListenIn } = await import('./listen-in.js');
      const listen = await openListenIn(
        this.backend,
        this.state.sessions[sessionId]!,
        this.pageSize,
        (l) => this.listens.delete(l),
        (invalid, source) => this.fail(source, invalid),
      );
      if (this.disposed) listen.stop();
      else this.listens.add(listen);
      return listen;
    } catch (error) {
      throw this.fail('listenIn', error);
    }
  }

  /**
   * Emit each transfer offer that appears after the first load on `transferOffered$` (by
   * {@link transferOfferKey}: a chat offered again after a reject is a new offer).
   */
  private announceTransferOffers(): Subscription {
    let known: Set<string> | null = null;
    return this.select((s) => (s.status === 'ready' ? transferOffersOf(s) : null), sameOffers).subscribe((offers) => {
      if (!offers) {
        known = null;
        return;
      }
      const next = new Set(offers.map(transferOfferKey));
      if (known) for (const offer of offers) if (!known.has(transferOfferKey(offer))) this.transferOfferedSubject.next(offer);
      known = next;
    });
  }

  private listenInRefusal(sessionId: string): ChatBackendError | null {
    const session = this.state.sessions[sessionId];
    if (!session) return new ChatBackendError('not-found', `Unknown session ${sessionId}`);
    const agent = this.state.agents[this.agentId];
    if (!agent?.rights[session.channelId]?.listenIn) {
      return new ChatBackendError('not-permitted', 'No listen-in right on this channel');
    }
    if (session.status !== 'ongoing') return new ChatBackendError('invalid-state', 'The chat is not ongoing');
    if (session.agentId === this.agentId) return new ChatBackendError('invalid-state', 'The agent handles this chat');
    if (isOfferedToMe(this.state, session)) {
      return new ChatBackendError('invalid-state', 'The chat is being transferred to the agent: open it to accept or reject');
    }
    return null;
  }

  /**
   * The values a form of a session opens with: the unsaved input the agent typed earlier
   * (kept by {@link setFormDraft}), else `defaults`. Forms keep typed input per chat this way
   * (Escape, Cancel or switching chats lose nothing); DOM-free, like the composer draft.
   * @param sessionId the chat the form belongs to
   * @param form which form, e.g. `request`, `transfer`, `person`, `company`, `quick-reply`,
   *   `quick-reply:<id>` (editing one)
   * @param defaults the form's values without a draft (e.g. pre-filled from the chat)
   * @returns `values` (the defaults with the kept values over them) and `changed` (a draft is kept)
   */
  formDraft<T extends FormValues>(sessionId: string, form: string, defaults: T): { values: T; changed: boolean } {
    const kept = this.formDrafts.get(sessionId, form);
    return { values: kept ? ({ ...defaults, ...kept } as T) : defaults, changed: kept !== undefined };
  }

  /**
   * Keep what the agent typed in a form of a session (call on every input); values equal to the
   * form's `defaults` drop the draft.
   * @param values field name → text, as typed
   */
  setFormDraft(sessionId: string, form: string, values: FormValues, defaults: FormValues): void {
    this.formDrafts.set(sessionId, form, values, defaults);
  }

  /** Drop the unsaved input of a form of a session: the agent chose "Discard changes", or the form was saved. */
  discardFormDraft(sessionId: string, form: string): void {
    this.formDrafts.discard(sessionId, form);
  }

  /** Keep the composer text of a session. */
  setDraft(sessionId: string, text: string): void {
    if ((this.state.drafts[sessionId] ?? '') === text) return;
    this.patch({ drafts: { ...this.state.drafts, [sessionId]: text } });
  }

  /**
   * Why a message cannot be sent now, or `null` when {@link ChatService.sendMessage} would take it.
   * Read from service state only (no adapter call); the composer asks before it clears its text.
   * @param draft the text (trimmed here) and ids of uploaded files
   * @returns a `ChatBackendError`: `invalid-input` for an empty message, `not-found` for an unknown
   *   session, `invalid-state` when the chat is not ongoing, `not-permitted` when the agent does not
   *   handle it; or `null`
   */
  sendRefusal(sessionId: string, draft: MessageDraft | string): ChatBackendError | null {
    const input = typeof draft === 'string' ? { text: draft } : draft;
    if (!input.text.trim() && (input.attachmentIds ?? []).length === 0) {
      return new ChatBackendError('invalid-input', 'A message needs text or a file');
    }
    const session = this.state.sessions[sessionId];
    if (!session) return new ChatBackendError('not-found', `Unknown session ${sessionId}`);
    if (session.status !== 'ongoing') return new ChatBackendError('invalid-state', 'The chat is not ongoing');
    if (!canWrite(this.state, session)) {
      return new ChatBackendError('not-permitted', 'Only the agent handling the chat can write in it');
    }
    return null;
  }

  /**
   * Send a message to the customer, optimistically. The draft is cleared at once (not by a message
   * without text, such as a file sent when its upload is done) and the message shows in the
   * history as `sending` straight away; it becomes `sent` when the adapter confirms, or `failed`
   * (text kept, for {@link ChatService.retrySend}) when the adapter rejects, the connection is
   * offline or `sendTimeoutMs` passes. A confirmation that comes after the timeout still turns it
   * `sent` (the promise has rejected by then).
   * @param draft the text (and ids of uploaded files, and optionally the client id to use); text is trimmed
   * @returns a promise of the message's client id, resolved when the adapter has stored it
   * @throws never synchronously; the promise rejects with a `ChatBackendError`: a refusal from
   *   {@link ChatService.sendRefusal} (`invalid-input`, `not-found`, `invalid-state`,
   *   `not-permitted`; nothing is added to the history), or the delivery's failure (`disconnected`,
   *   `timeout`, or the adapter's code; the message stays in the history as `failed`, also
   *   reported on `errors$`). The error's `details.clientId` names the message.
   */
  sendMessage(sessionId: string, draft: MessageDraft | string): Promise<string> {
    const input = typeof draft === 'string' ? { text: draft } : draft;
    const refusal = this.sendRefusal(sessionId, input);
    if (refusal) return Promise.reject(refusal);
    const text = input.text.trim();
    const attachmentIds = input.attachmentIds ?? [];
    const clientId = input.clientId ?? this.newClientId();
    const offline = this.state.connection === 'offline';
    const agent = this.state.agents[this.agentId];
    const optimistic: MessageView = {
      id: clientId,
      clientId,
      sessionId,
      seq: 0,
      kind: 'to-customer',
      text,
      authorName: agent?.name ?? '',
      agentId: this.agentId,
      sentAt: new Date(this.clock.now()).toISOString(),
      attachments: attachmentIds.flatMap((id) => this.uploaded.get(id) ?? []),
      ...(offline ? { status: 'failed' as const, errorCode: 'disconnected' } : { status: 'sending' as const }),
    };
    const history = this.state.histories[sessionId] ?? { ...EMPTY_HISTORY, hasMore: false };
    this.patch({
      // A file sent on its own (text '') is not the composer's text: the draft being typed stays.
      ...(text ? { drafts: { ...this.state.drafts, [sessionId]: '' } } : {}),
      histories: {
        ...this.state.histories,
        [sessionId]: { ...history, items: [...history.items, optimistic].sort(compareMessages) },
      },
    });
    if (offline) {
      // Not sent at all: the bubble shows it failed (text kept, Retry once the connection is back).
      return Promise.reject(withClientId(this.fail('sendMessage', offlineError()), clientId));
    }
    return this.deliver(sessionId, clientId, text, attachmentIds);
  }

  /**
   * Send a failed message again with the same client id (the backend stores it at most once).
   * @returns a promise of the client id, resolved when the adapter has stored the message
   * @throws never synchronously; the promise rejects with a `ChatBackendError`: `not-found` when
   *   no failed message has that client id, `disconnected` while offline (the message stays
   *   `failed`), or the delivery's failure as for {@link ChatService.sendMessage}
   */
  retrySend(sessionId: string, clientId: string): Promise<string> {
    const message = this.findMessage(sessionId, clientId);
    if (!message || message.status !== 'failed') {
      return Promise.reject(new ChatBackendError('not-found', 'No failed message with that client id'));
    }
    if (this.state.connection === 'offline') {
      this.updateMessage(sessionId, clientId, (m) => ({ ...m, errorCode: 'disconnected' }));
      return Promise.reject(withClientId(this.fail('sendMessage', offlineError()), clientId));
    }
    this.updateMessage(sessionId, clientId, (m) => ({ ...m, status: 'sending', errorCode: undefined }));
    return this.deliver(
      sessionId,
      clientId,
      message.text,
      message.attachments.map((a) => a.id),
    );
  }

  /**
   * Remove a failed message from the view (the agent gave up on it). Its text goes back into
   * the composer when the composer is empty, so nothing is lost.
   */
  discardFailed(sessionId: string, clientId: string): void {
    const message = this.findMessage(sessionId, clientId);
    if (!message || message.status !== 'failed') return;
    const history = this.state.histories[sessionId]!;
    this.patch({
      histories: {
        ...this.state.histories,
        [sessionId]: { ...history, items: history.items.filter((m) => m.clientId !== clientId) },
      },
      drafts: this.state.drafts[sessionId]
        ? this.state.drafts
        : { ...this.state.drafts, [sessionId]: message.text },
    });
  }

  /**
   * End an ongoing chat the agent handles. Once ended, the session's attached files that were not
   * sent are dropped (uploads in progress are aborted; see {@link ChatService.unsentFiles}). On
   * failure the chat (its draft and files) stay as they were and a notice with the code is raised
   * for the session (`scope: 'session'`).
   * @throws ChatBackendError `not-permitted` (not the agent's chat), `invalid-state` (not ongoing),
   *   `not-found`, `network`, `timeout`, `disconnected`; `invalid-input` when the adapter resolves
   *   with another chat (the chat, its draft and files stay; the agent can end it again)
   */
  async endSession(sessionId: string): Promise<ChatSession> {
    const where = { sessionId, scope: 'session' } as const;
    const session = this.state.sessions[sessionId];
    if (!session) throw this.failVisibly('endSession', new ChatBackendError('not-found', `Unknown session ${sessionId}`), where);
    if (session.status !== 'ongoing') {
      throw this.failVisibly('endSession', new ChatBackendError('invalid-state', 'The chat is not ongoing'), where);
    }
    if (session.agentId !== this.agentId) {
      throw this.failVisibly('endSession', new ChatBackendError('not-permitted', 'Only the agent handling the chat can end it'), where);
    }
    this.requireOnline('endSession', where);
    try {
      const ended = this.commandResult('endSession', sessionId, await this.backend.endSession(sessionId));
      this.upsertSession(ended);
      // The person's panels list this chat as ended now.
      if (ended.personId) this.refreshPersonContexts([ended.personId]);
      // Files attached and not sent cannot be sent any more (the confirmation said so): stop them.
      this.uploadQueue.discard(sessionId);
      return ended;
    } catch (error) {
      throw this.failVisibly('endSession', error, where);
    }
  }

  /**
   * Report the agent's typing state in a session to the customer.
   * Failures are ignored (typing is best-effort).
   */
  async setTyping(sessionId: string, isTyping: boolean): Promise<void> {
    if (!canWrite(this.state, this.state.sessions[sessionId])) return;
    await this.backend.setTyping(sessionId, isTyping).catch(() => undefined);
  }

  /**
   * Switch the agent between present and away.
   * @throws ChatBackendError from the adapter (`network`, `timeout`, `disconnected`, ...); every
   *   failure raises a notice with its code
   */
  async setPresence(presence: Presence): Promise<Agent> {
    this.requireOnline('setPresence', {});
    try {
      const agent = await this.backend.setPresence(presence);
      this.patch({ agents: { ...this.state.agents, [agent.id]: agent }, now: this.clock.now() });
      return agent;
    } catch (error) {
      throw this.failVisibly('setPresence', error, {});
    }
  }

  /**
   * Ask a present agent to take over a chat the agent handles.
   * @throws ChatBackendError `not-permitted` (not the agent's chat, or the target is away),
   *   `invalid-state` (a transfer is already pending, or the chat is not ongoing)
   */
  async requestTransfer(sessionId: string, toAgentId: string, note?: string): Promise<ChatSession> {
    const session = this.state.sessions[sessionId];
    const target = this.state.agents[toAgentId];
    let refusal: ChatBackendError | null = null;
    if (!session) refusal = new ChatBackendError('not-found', `Unknown session ${sessionId}`);
    else if (session.agentId !== this.agentId || session.status !== 'ongoing')
      refusal = new ChatBackendError('not-permitted', 'Only the agent handling an ongoing chat can transfer it');
    else if (session.transferTo) refusal = new ChatBackendError('invalid-state', 'A transfer is already pending');
    else if (!target || target.presence !== 'present' || toAgentId === this.agentId)
      refusal = new ChatBackendError('not-permitted', 'Chats can only be transferred to another present agent');
    else if (!target.rights[session.channelId]?.respond)
      refusal = new ChatBackendError('not-permitted', `${target.name} may not respond on this channel`);
    if (refusal) throw this.fail('requestTransfer', refusal);
    return this.sessionCommand('requestTransfer', sessionId, () => this.backend.requestTransfer(sessionId, toAgentId, note));
  }

  /**
   * Accept a transfer addressed to the agent. Every failure raises a notice for the session
   * (`scope: 'session'`; `taken` for `already-taken`).
   * @throws ChatBackendError `not-permitted` (the transfer is addressed to someone else),
   *   `already-taken` (the sender cancelled first), `not-found`, `network`, ...
   */
  acceptTransfer(sessionId: string): Promise<ChatSession> {
    const where = { sessionId, scope: 'session' } as const;
    const transfer = this.state.sessions[sessionId]?.transferTo;
    if (transfer && transfer.toAgentId !== this.agentId) {
      return Promise.reject(
        this.failVisibly('acceptTransfer', new ChatBackendError('not-permitted', 'The transfer is addressed to another agent'), where),
      );
    }
    return this.sessionCommand('acceptTransfer', sessionId, () => this.backend.acceptTransfer(sessionId), sessionId, where);
  }

  /**
   * Reject a transfer addressed to the agent. Every failure raises a notice for the session.
   * @throws ChatBackendError from the adapter
   */
  rejectTransfer(sessionId: string): Promise<ChatSession> {
    return this.sessionCommand('rejectTransfer', sessionId, () => this.backend.rejectTransfer(sessionId), undefined, { sessionId, scope: 'session' });
  }

  /**
   * Cancel a transfer the agent requested. Every failure raises a notice for the session.
   * @throws ChatBackendError from the adapter
   */
  cancelTransfer(sessionId: string): Promise<ChatSession> {
    return this.sessionCommand('cancelTransfer', sessionId, () => this.backend.cancelTransfer(sessionId), sessionId, { sessionId, scope: 'session' });
  }

  /**
   * Load the person panel's data for a session: the linked person's details, or candidates
   * found by the customer's e-mail, name and phone. Loads once per session and person; `answer`
   * and `takeNextInQueue` start it for the chat they took. A failure (status `error`) is loaded
   * again once when the connection comes back after a drop. Commands that change what the panels
   * show (`createRequest`, `linkPerson`, `createPerson`, `createPersonAndLink`, `endSession`)
   * load the affected panels again by themselves. When two loads of one session overlap, only
   * the last one started lands.
   * @param force load again even when the data is held
   * @throws ChatBackendError from the adapter (also stored as status `error`)
   */
  async loadPersonContext(sessionId: string, force = false): Promise<void> {
    const session = this.state.sessions[sessionId];
    if (!session) return;
    const current = this.state.personContexts[sessionId];
    if (
      !force &&
      current &&
      current.status !== 'error' &&
      (current.details?.person.id ?? undefined) === session.personId
    ) {
      return;
    }
    await this.fetchPersonContext(sessionId, false);
  }

  /**
   * Fetch a session's person data and store it; a newer fetch for the same session wins. `quiet`
   * keeps the shown data (no `loading` state) while it fetches, for a refresh after a change.
   */
  private async fetchPersonContext(sessionId: string, quiet: boolean): Promise<void> {
    const session = this.state.sessions[sessionId];
    if (!session) return;
    const token = (this.personLoads.get(sessionId) ?? 0) + 1;
    this.personLoads.set(sessionId, token);
    const latest = () => this.personLoads.get(sessionId) === token;
    const current = this.state.personContexts[sessionId];
    const shown = current?.status === 'ready' && (current.details?.person.id ?? undefined) === session.personId;
    if (!quiet || !shown) this.setPersonContext(sessionId, { status: 'loading', candidates: current?.candidates ?? [] });
    try {
      if (session.personId) {
        const details = await this.backend.getPersonDetails(session.personId);
        if (latest()) this.setPersonContext(sessionId, { status: 'ready', candidates: [], details });
      } else {
        const candidates = await this.backend.findPersonCandidates(session.customer);
        if (latest()) this.setPersonContext(sessionId, { status: 'ready', candidates });
      }
    } catch (error) {
      const chatError = this.fail('loadPersonContext', error);
      if (latest()) {
        this.setPersonContext(sessionId, { status: 'error', candidates: [], error: { code: chatError.code, message: chatError.message } });
      }
      throw chatError;
    }
  }

  /**
   * After a command changed CRM data: load again (quietly, in the background) every held person
   * panel that shows it. `personIds`: panels of sessions linked to these persons; `candidates`:
   * also every panel that lists candidates (a new person may be one); `except`: a session the
   * caller loads itself. Failures land as status `error` like any load.
   */
  private refreshPersonContexts(personIds: readonly (string | undefined)[], candidates = false, except?: string): void {
    for (const [sessionId, context] of Object.entries(this.state.personContexts)) {
      const session = this.state.sessions[sessionId];
      if (!session || sessionId === except) continue;
      const shownId = context.details?.person.id;
      const affected =
        (shownId !== undefined && personIds.includes(shownId)) ||
        (session.personId !== undefined && personIds.includes(session.personId)) ||
        (candidates && !session.personId);
      if (affected) void this.fetchPersonContext(sessionId, true).catch(() => undefined);
    }
  }

  /**
   * Link the session's customer to a CRM person (or unlink with `null`) and load their data.
   * @throws ChatBackendError `not-found`, `not-permitted`, ...
   */
  async linkPerson(sessionId: string, personId: string | null): Promise<ChatSession> {
    const before = this.state.sessions[sessionId]?.personId;
    const session = await this.sessionCommand('linkPerson', sessionId, () => this.backend.linkPerson(sessionId, personId));
    // Other panels of the persons linked before and now list this chat among their chats.
    this.refreshPersonContexts([before, personId ?? undefined], false, sessionId);
    await this.loadPersonContext(sessionId, true).catch(() => undefined);
    return session;
  }

  /** Search CRM persons by name, e-mail, phone or company. @throws ChatBackendError */
  async searchPersons(query: string, limit = 20): Promise<readonly Person[]> {
    try {
      return await this.backend.searchPersons(query, limit);
    } catch (error) {
      throw this.fail('searchPersons', error);
    }
  }

  /**
   * A search-as-you-type over CRM persons (by name, e-mail, phone, company) on the service's clock:
   * debounced, stale responses ignored. The caller owns it and calls `dispose()` when done.
   * @param options.debounceMs quiet time before searching, ms (default 250)
   * @param options.limit at most this many results (default 20)
   */
  createPersonSearch(options: { debounceMs?: number; limit?: number } = {}): PersonSearch {
    return new PersonSearch({
      search: (query) => this.searchPersons(query, options.limit ?? 20),
      clock: this.clock,
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    });
  }

  /**
   * The CRM person with this e-mail address (case-insensitive), or `null`.
   * @throws ChatBackendError from the adapter's search
   */
  async findPersonByEmail(email: string): Promise<Person | null> {
    if (!isEmailAddress(email)) return null;
    return personWithEmail(await this.searchPersons(email.trim(), 50), email) ?? null;
  }

  /**
   * Create a CRM person from a draft (see `validatePersonDraft`), with a new company when the
   * draft names one and `companyId` is not given, and link the session's customer to them.
   * Unless `allowDuplicate`, refuses when a person with the same e-mail address exists.
   * @param options.companyId an existing company for the person
   * @param options.allowDuplicate create even when a person with that e-mail address exists
   * @returns the new person (the session is linked to them)
   * @throws ChatBackendError `invalid-input` (`details.fields`: the field errors), `duplicate`
   *   (`details.person`: the existing person), or the adapter's errors
   */
  async createPersonAndLink(
    sessionId: string,
    draft: PersonDraft,
    options: { companyId?: string; allowDuplicate?: boolean } = {},
  ): Promise<Person> {
    const fields = validatePersonDraft(draft);
    if (!isValid(fields)) throw new ChatBackendError('invalid-input', 'The person is not valid', { details: { fields } });
    if (!options.allowDuplicate && draft.email.trim()) {
      const existing = await this.findPersonByEmail(draft.email);
      if (existing) {
        throw new ChatBackendError('duplicate', `A person with e-mail ${draft.email.trim()} exists`, { details: { person: existing } });
      }
    }
    let companyId = options.companyId;
    if (!companyId && draft.companyName.trim()) companyId = (await this.createCompany({ name: draft.companyName.trim() })).id;
    const person = await this.createPerson({
      firstName: draft.firstName.trim(),
      lastName: draft.lastName.trim(),
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
      ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
      ...(companyId ? { companyId } : {}),
    });
    await this.linkPerson(sessionId, person.id);
    return person;
  }

  /**
   * Load the read-only transcript of a previous chat into `transcripts` (once; again after an error,
   * and once by itself when the connection comes back after a drop).
   * @throws ChatBackendError `not-found`, `not-permitted`, ...
   */
  async loadTranscript(sessionId: string): Promise<void> {
    const current = this.state.transcripts[sessionId];
    if (current && current.status !== 'error') return;
    this.setTranscript(sessionId, { status: 'loading', messages: [] });
    try {
      const raw = await this.backend.getChatTranscript(sessionId);
      const messages = this.checkedList('getChatTranscript', raw, forSession(sessionId, checkMessage)).map(sentView).sort(compareMessages);
      this.setTranscript(sessionId, { status: 'ready', messages });
    } catch (error) {
      const chatError = this.fail('loadTranscript', error);
      this.setTranscript(sessionId, { status: 'error', messages: [], error: { code: chatError.code, message: chatError.message } });
      throw chatError;
    }
  }

  /** The transcript of a previous chat (`undefined` until {@link ChatService.loadTranscript}). */
  transcript$(sessionId: string): Observable<Transcript | undefined> {
    return this.cached(`transcript:${sessionId}`, () => this.select((s) => s.transcripts[sessionId]));
  }

  /**
   * Create a CRM person. Panels that list candidates load again (the new person may be one).
   * @throws ChatBackendError `invalid-input`, ...
   */
  async createPerson(input: CreatePersonInput): Promise<Person> {
    try {
      const person = await this.backend.createPerson(input);
      this.refreshPersonContexts([], true);
      return person;
    } catch (error) {
      throw this.fail('createPerson', error);
    }
  }

  /** Create a CRM company. @throws ChatBackendError `invalid-input` (no name), ... */
  async createCompany(input: CreateCompanyInput): Promise<Company> {
    const fields = validateCompanyDraft({ name: input.name ?? '' });
    if (!isValid(fields)) throw new ChatBackendError('invalid-input', 'A company needs a name', { details: { fields } });
    try {
      return await this.backend.createCompany(input);
    } catch (error) {
      throw this.fail('createCompany', error);
    }
  }

  /**
   * Create a request (ticket) from a chat; the backend attaches the chat log and the session
   * records the request (`session.requestIds`, updated here at once). The person panels of the
   * request's person (`request.personId`, else the session's) load again, so it is listed there.
   * @throws ChatBackendError `invalid-input` (empty title; `details.field`), `not-found`, `not-permitted`, ...
   */
  async createRequest(sessionId: string, input: CreateRequestInput): Promise<SupportRequest> {
    if (!input.title?.trim()) {
      throw this.fail('createRequest', new ChatBackendError('invalid-input', 'A request needs a title', { details: { field: 'title' } }));
    }
    try {
      const request = await this.backend.createRequest(sessionId, input);
      const session = this.state.sessions[sessionId];
      if (session && !session.requestIds.includes(request.id)) {
        this.upsertSession({ ...session, requestIds: [...session.requestIds, request.id] });
      }
      this.refreshPersonContexts([request.personId ?? this.state.sessions[sessionId]?.personId]);
      return request;
    } catch (error) {
      throw this.fail('createRequest', error);
    }
  }

  /** The request form pre-filled from a chat (title from the customer's first message, category from the channel). */
  requestDraft(sessionId: string): CreateRequestInput {
    return requestDraft(this.state, sessionId);
  }

  /**
   * The files attached to a session that are uploading (with progress), or were refused or
   * failed (with the reason). Uploaded files leave this list as messages.
   */
  uploads$(sessionId: string): Observable<readonly UploadView[]> {
    return this.cached(`uploads:${sessionId}`, () =>
      this.uploadQueue.uploads$(sessionId).pipe(shareReplay({ bufferSize: 1, refCount: true })),
    );
  }

  /**
   * Attach files to a chat the agent handles. Each file is checked against the backend's
   * capabilities (size in bytes, allowed types) before any upload: a file that fails shows in
   * {@link ChatService.uploads$} as `refused` (`file-too-large` with `details.limit`, `file-empty`,
   * `file-type-not-allowed` with `details.allowed`) and the adapter is never called for it. The
   * others upload with progress and are sent to the customer, one message per file, when done;
   * an adapter rejection leaves the file `failed`. Resolves when every file has settled.
   * @throws ChatBackendError `not-found`, `invalid-state` (not ongoing), `not-permitted` (not the agent's chat)
   */
  async attachFiles(sessionId: string, files: readonly (Blob & { name: string })[]): Promise<void> {
    const session = this.state.sessions[sessionId];
    if (!session) throw this.fail('attachFiles', new ChatBackendError('not-found', `Unknown session ${sessionId}`));
    if (session.status !== 'ongoing') throw this.fail('attachFiles', new ChatBackendError('invalid-state', 'The chat is not ongoing'));
    if (!canWrite(this.state, session)) {
      throw this.fail('attachFiles', new ChatBackendError('not-permitted', 'Only the agent handling the chat can send files'));
    }
    await this.uploadQueue.attach(sessionId, files);
  }

  /**
   * How many files the agent attached to a session that have not reached the customer: those
   * still uploading (they are sent when done) and those that failed (upload or send). Refused
   * files (checked before any upload, never sendable) do not count. "End chat" asks first when
   * this is above 0 (see `endChatConcerns`). Kept per session, so showing another chat keeps them.
   * @returns a count (0 for an unknown session)
   */
  unsentFiles(sessionId: string): number {
    return countUnsentFiles(this.uploadQueue.uploads(sessionId));
  }

  /**
   * What "End chat" asks about for a session, live: whether the agent can still end it, the
   * concerns (`endChatConcerns` of the session, its draft and its unsent files) and the number of
   * unsent files. Emits again when the customer writes or leaves, the draft changes (from any
   * element or host), or a file finishes uploading or fails. See {@link EndChatCheck}.
   * @param sessionId `ChatSession.id` (an unknown one gives `possible: false`)
   */
  endChatCheck$(sessionId: string): Observable<EndChatCheck> {
    return this.cached(`end-check:${sessionId}`, () => this.leaveCheck$(sessionId, endChatCheck));
  }

  /**
   * What transferring a session warns about, live: whether the agent can still transfer it
   * (ongoing, theirs, no transfer pending), and a reply typed but not sent or files attached but
   * not sent (`transferConcerns`). The draft does not travel with the transfer (see
   * {@link TransferCheck}).
   * @param sessionId `ChatSession.id` (an unknown one gives `possible: false`)
   */
  transferCheck$(sessionId: string): Observable<TransferCheck> {
    return this.cached(`transfer-check:${sessionId}`, () => this.leaveCheck$(sessionId, transferCheck));
  }

  private leaveCheck$<T extends EndChatCheck | TransferCheck>(
    sessionId: string,
    check: (state: ChatState, sessionId: string, uploads: readonly UploadView[]) => T,
  ): Observable<T> {
    return combineLatest([this.store, this.uploadQueue.uploads$(sessionId)]).pipe(
      map(([state, uploads]) => check(state, sessionId, uploads)),
      distinctUntilChanged<T>(sameLeaveCheck),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  /** Cancel an upload in progress (it stops and leaves the list; nothing is sent). */
  cancelUpload(sessionId: string, uploadId: string): void {
    this.uploadQueue.cancel(sessionId, uploadId);
  }

  /** Remove a refused or failed file from the session's list (cancels it when still uploading). */
  removeUpload(sessionId: string, uploadId: string): void {
    this.uploadQueue.remove(sessionId, uploadId);
  }

  /**
   * The Insert picker's data: FAQs, reply templates and the agent's quick replies (after
   * {@link ChatService.loadSnippets}), with the agent's recently used and favourites.
   */
  get snippets$(): Observable<SnippetsState> {
    return this.snippetState.asObservable();
  }

  /**
   * Load FAQs, reply templates and quick replies (once; again with `force`). A failure is loaded
   * again once when the connection comes back after a drop. @throws ChatBackendError
   */
  loadSnippets(force = false): Promise<void> {
    return this.snippets().then((store) => store.load(force));
  }

  /** The snippet store, loaded and created on first use; rejects (and reports) when its file cannot load. */
  private snippets(): Promise<SnippetStore> {
    this.snippetStoreLoad ??= import('./snippet-store.js').then(
      ({ SnippetStore }) =>
        (this.snippetStore = new SnippetStore(
          this.backend,
          this.snippetPreferences,
          (command, error) => this.fail(command, error),
          this.snippetState,
        )),
      (error) => {
        this.snippetStoreLoad = undefined;
        const chatError = this.fail('loadSnippets', new ChatBackendError('network', 'The Insert picker could not be loaded', { cause: error }));
        this.snippetState.next({ ...this.snippetState.value, status: 'error', error: { code: chatError.code, message: chatError.message } });
        throw chatError;
      },
    );
    return this.snippetStoreLoad;
  }

  /**
   * The text a snippet puts into a session's composer, and mark it recently used: an FAQ gives its
   * question and the link to the published FAQ; a reply template its text with `{customerName}`,
   * `{agentName}` and `{channelName}` filled in from the session; a quick reply its content.
   * @param key the snippet's key (`faq:F1`, `template:T3`, `quick-reply:QR2`)
   * @throws ChatBackendError `not-found` for an unknown session or snippet
   */
  useSnippet(sessionId: string, key: string): string {
    const session = this.state.sessions[sessionId];
    const snippet: Snippet | undefined = this.snippetStore?.find(key);
    if (!session) throw new ChatBackendError('not-found', `Unknown session ${sessionId}`);
    if (!snippet) throw new ChatBackendError('not-found', `Unknown snippet ${key}`);
    const text = snippetInsertText(snippet, {
      customerName: session.customer.name,
      agentName: this.state.agents[this.agentId]?.name ?? '',
      channelName: this.state.channels[session.channelId]?.name ?? '',
    });
    this.snippetStore!.markUsed(key);
    return text;
  }

  /**
   * Search the loaded FAQs, reply templates and quick replies, as the Insert picker lists them:
   * without a query the favourites, the recently used and every folder; with one, the snippets
   * whose title, text, folder or link hold every word of it (case and accents ignored; a leading
   * "/", the composer's trigger, is left out), grouped by source and folder, best title matches
   * first. Reads {@link ChatService.snippets$}' current value.
   * @param query what the agent typed
   * @param filter `all` (default) or one source: `faq`, `template`, `quick-reply`
   * @returns the groups in list order (`kind` favourites, recent or folder, with `source` and
   *   `folder`); none before {@link ChatService.loadSnippets} has loaded the snippets
   */
  searchSnippets(query: string, filter: SnippetFilter = 'all'): readonly SnippetGroup[] {
    return this.snippetStore?.search(query, filter) ?? [];
  }

  /**
   * Mark or unmark a snippet as one of the agent's favourites (kept in the `snippetPreferences`
   * storage); returns whether it is one now.
   * @throws ChatBackendError `invalid-state` before {@link ChatService.loadSnippets} has loaded the snippets
   */
  toggleFavourite(key: string): boolean {
    if (!this.snippetStore) throw new ChatBackendError('invalid-state', 'The snippets are not loaded: call loadSnippets() first');
    return this.snippetStore.toggleFavourite(key);
  }

  /**
   * Create a quick reply of the agent (name not shown to the customer, and content); it is in
   * {@link ChatService.snippets$} at once.
   * @throws ChatBackendError `invalid-input` (empty name or content; `details.field`), ...
   */
  createQuickReply(input: { name: string; text: string }): Promise<QuickReply> {
    return this.snippets().then((store) => store.createQuickReply(input));
  }

  /** Change one of the agent's quick replies. @throws ChatBackendError `invalid-input`, `not-found`, `not-permitted` */
  updateQuickReply(id: string, input: { name: string; text: string }): Promise<QuickReply> {
    return this.snippets().then((store) => store.updateQuickReply(id, input));
  }

  /** Delete one of the agent's quick replies. @throws ChatBackendError `not-found`, `not-permitted` */
  deleteQuickReply(id: string): Promise<void> {
    return this.snippets().then((store) => store.deleteQuickReply(id));
  }

  /** Remove a notice. */
  dismissNotice(noticeId: string): void {
    this.patch({ notices: this.state.notices.filter((n) => n.id !== noticeId) });
  }

  /** Change the locale and time zone times are shown in. */
  setDisplay(display: Partial<DisplaySettings>): void {
    const next = { ...this.state.display, ...display };
    if (next.locale === this.state.display.locale && next.timeZone === this.state.display.timeZone) return;
    this.patch({ display: next });
  }

  /** The backend's capabilities (file limits), or null before loading. */
  get capabilities(): BackendCapabilities | null {
    return this.state.capabilities;
  }

  /** Close the backend subscription and every timer. The service is unusable afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.subscriptions) s.unsubscribe();
    this.eventsSubscription?.unsubscribe();
    if (this.eventsTimer !== undefined) this.clock.clearTimeout(this.eventsTimer);
    for (const t of this.sendTimers.values()) this.clock.clearTimeout(t);
    this.sendTimers.clear();
    for (const t of this.noticeTimers) this.clock.clearTimeout(t);
    this.noticeTimers.clear();
    for (const t of [...this.gapTimers.values(), ...this.readTimers.values()]) this.clock.clearTimeout(t);
    this.gapTimers.clear();
    this.readTimers.clear();
    if (this.resyncTimer !== undefined) this.clock.clearTimeout(this.resyncTimer);
    if (this.windowTimer !== undefined) this.clock.clearTimeout(this.windowTimer);
    this.uploadQueue.dispose();
    if (this.deadlineTimer !== undefined) this.clock.clearTimeout(this.deadlineTimer);
    for (const listen of [...this.listens]) listen.stop();
    this.warningSubject.complete();
    this.snippetState.complete();
    this.errorsSubject.complete();
    this.incomingSubject.complete();
    this.transferOfferedSubject.complete();
    this.store.complete();
  }

  /** Whether {@link ChatService.dispose} was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  // ---------------------------------------------------------------- internals

  /**
   * Load the snapshot. A session the service holds at a higher revision than the snapshot's (an
   * event overtook the snapshot) stays, and so does one an event brought while the snapshot was on
   * its way. During a re-synchronisation (`resync`) a failure leaves the state as it was.
   */
  private async load(resync: boolean): Promise<void> {
    const touched = new Set<string>();
    this.loadTouched = touched;
    try {
      // Asynchronously, as a snapshot failure: errors$ subscribers of a new service hear it.
      const raw = this.adapterProblem ? Promise.reject(this.adapterProblem) : this.backend.getSnapshot();
      const checked = checkSnapshot(await raw, this.backend);
      if (this.loadTouched === touched) this.loadTouched = null;
      if (this.disposed) return;
      if (checked instanceof ChatBackendError) throw checked;
      for (const error of checked.errors) this.fail('getSnapshot', error);
      const snapshot = checked.snapshot;
      const sessions: Record<string, ChatSession> = {};
      for (const s of snapshot.sessions) {
        const held = this.state.sessions[s.id];
        sessions[s.id] = held && isNotOlder(held, s) ? held : s;
      }
      for (const id of touched) {
        const held = this.state.sessions[id];
        if (held && !sessions[id]) sessions[id] = held;
      }
      this.patch({
        status: 'ready',
        loadError: undefined,
        agents: Object.fromEntries(snapshot.agents.map((a) => [a.id, a])),
        channels: Object.fromEntries(snapshot.channels.map((c) => [c.id, c])),
        capabilities: snapshot.capabilities,
        sessions,
        now: this.clock.now(),
      });
      if (!this.selectionLoaded) {
        this.selectionLoaded = true;
        await Promise.all([this.loadChannelSelection(), this.loadAlertPreferences()]);
      }
      this.scheduleWindow();
      // Elements may have started watching before the snapshot arrived.
      for (const sessionId of this.watchers.keys()) {
        if (!this.state.histories[sessionId]?.loaded) void this.loadHistory(sessionId).catch(() => undefined);
        if (this.readers.has(sessionId)) void this.markRead(sessionId).catch(() => undefined);
      }
    } catch (error) {
      if (this.loadTouched === touched) this.loadTouched = null;
      const chatError = toChatError(error);
      if (!resync || this.state.status !== 'ready') {
        this.patch({ status: 'error', loadError: { code: chatError.code, message: chatError.message } });
      }
      throw this.fail('load', chatError);
    }
  }

  private async loadChannelSelection(): Promise<void> {
    let stored: readonly string[] | null = null;
    try {
      stored = await this.selectionStorage.load(this.agentId);
    } catch {
      stored = null;
    }
    if (this.disposed) return;
    const known = Object.keys(this.state.channels);
    const ids = stored ? known.filter((id) => stored!.includes(id)) : [];
    this.patch({ channelSelection: ids.length && ids.length < known.length ? ids : null });
  }

  private async loadAlertPreferences(): Promise<void> {
    let stored: AlertPreferences | null = null;
    try {
      stored = await this.alertStorage.load(this.agentId);
    } catch {
      stored = null;
    }
    if (this.disposed || this.alertsChanged || !stored) return;
    this.patch({ alertPreferences: toAlertPreferences(stored) });
  }

  /**
   * Move `state.now` at the next moment a figure changes without an event: midnight in the agent's
   * time zone (today's counts restart) or a chat passing its channel's warning limit. One timer,
   * never polling.
   */
  private scheduleDeadline(): void {
    if (this.disposed || this.state.status !== 'ready') return;
    const state = this.state;
    // Midnight is recomputed only when the day or the time zone changed (Intl is not free).
    const zone = state.display.timeZone ?? '';
    if (this.midnight === null || this.midnight.zone !== zone || state.now >= this.midnight.at) {
      this.midnight = { zone, at: nextDayStart(state.now, state.display.timeZone) };
    }
    // Every channel's limits, not only the selection's: a dashboard pinned to other channels
    // (`warningsIn`) must see its chats turn late on time too.
    const candidates = [this.midnight.at, nextWarningAt({ ...warningInput(state), channelIds: null })];
    const at = Math.min(...candidates.filter((t): t is number => t !== null));
    if (at === this.deadlineAt) return;
    if (this.deadlineTimer !== undefined) this.clock.clearTimeout(this.deadlineTimer);
    this.deadlineAt = at;
    this.deadlineTimer = this.clock.setTimeout(() => {
      this.deadlineTimer = undefined;
      this.deadlineAt = null;
      this.patch({ now: Math.max(this.clock.now(), at) });
    }, Math.max(0, at - this.clock.now()));
  }

  /**
   * Re-synchronise after a reconnect: a new snapshot, then (the first time after a reconnect) the
   * failed loads tried again (see `retryFailedLoads`), and every loaded history caught up after its
   * last gap-free message. Runs one at a time (a request during a run runs once more after it);
   * on any failure it tries again after `retryDelayMs` while the connection is up.
   */
  private async resync(): Promise<void> {
    if (this.resyncTimer !== undefined) this.clock.clearTimeout(this.resyncTimer);
    this.resyncTimer = undefined;
    if (this.disposed) return;
    if (this.resyncRunning) {
      this.resyncAgain = true;
      return;
    }
    this.resyncRunning = true;
    let ok = true;
    try {
      await this.load(true).catch(() => {
        ok = false;
      });
      if (ok && this.retryFailedOnResync) {
        this.retryFailedOnResync = false;
        this.retryFailedLoads();
      }
      if (ok) {
        for (const [sessionId, history] of Object.entries(this.state.histories)) {
          if (!history.loaded) continue;
          ok = (await this.catchUp(sessionId)) && ok;
        }
      }
    } finally {
      this.resyncRunning = false;
    }
    if (this.resyncAgain) {
      this.resyncAgain = false;
      void this.resync();
    } else if (!ok) {
      this.scheduleResync();
    }
  }

  /**
   * After a reconnect (once its new snapshot is in): load again what had failed and the agent
   * would otherwise have to "Try again" for: person panel data (`personContexts` with status
   * `error`: the person with company, sales, requests, follow-ups and earlier chats, or the
   * candidates), transcripts of earlier chats, and the Insert picker's texts. Each is tried once
   * per reconnect (a second failure waits for the agent or the next reconnect); data that loaded
   * is not loaded again.
   */
  private retryFailedLoads(): void {
    for (const [sessionId, context] of Object.entries(this.state.personContexts)) {
      if (context.status === 'error') void this.loadPersonContext(sessionId, true).catch(() => undefined);
    }
    for (const [chatId, transcript] of Object.entries(this.state.transcripts)) {
      if (transcript.status === 'error') void this.loadTranscript(chatId).catch(() => undefined);
    }
    if (this.snippetState.value.status === 'error') void this.loadSnippets(true).catch(() => undefined);
  }

  /**
   * Subscribe to the adapter's `events$`. When the stream errors or completes the connection counts
   * as lost: state `connection: 'offline'`, an `events` error on `errors$`, and after
   * `retryDelayMs` (doubling each time the stream ends again before an event, at most 16×) a new
   * subscription followed by the re-synchronisation of a reconnect.
   */
  private subscribeEvents(): void {
    if (this.disposed) return;
    let ended = false;
    const lost = (error: unknown) => {
      if (ended) return;
      ended = true;
      this.eventsLost(error);
    };
    const subscription = this.backend.events$.subscribe({
      next: (raw) => {
        this.eventsLostCount = 0;
        const event = checkEvent(raw);
        if (event instanceof ChatBackendError) this.fail('events', event);
        else this.onEvent(event);
      },
      error: (error: unknown) => lost(error),
      complete: () => lost(new ChatBackendError('disconnected', 'The adapter\'s event stream completed')),
    });
    if (!ended) this.eventsSubscription = subscription;
  }

  private eventsLost(error: unknown): void {
    if (this.disposed) return;
    this.eventsSubscription = undefined;
    const chatError = toChatError(error);
    const code = chatError.code === 'unknown' ? 'disconnected' : chatError.code;
    this.fail('events', new ChatBackendError(code, `The adapter's event stream ended: ${chatError.message}`, { cause: chatError }));
    this.patch({ connection: 'offline' });
    this.wasOffline = true;
    const delay = this.retryDelayMs * 2 ** Math.min(this.eventsLostCount, 4);
    this.eventsLostCount++;
    this.eventsTimer = this.clock.setTimeout(() => {
      this.eventsTimer = undefined;
      if (this.disposed) return;
      this.subscribeEvents();
      // Subscribed again (and not ended at once): back online, catch up on what was missed.
      if (this.eventsSubscription && this.state.connection === 'offline' && this.wasOffline) {
        this.onEvent({ type: 'connection', status: 'online' });
      }
    }, delay);
  }

  private scheduleResync(): void {
    if (this.disposed || this.resyncTimer !== undefined) return;
    this.resyncTimer = this.clock.setTimeout(() => {
      this.resyncTimer = undefined;
      // While offline the reconnect starts the next attempt.
      if (this.state.connection === 'online') void this.resync();
    }, this.retryDelayMs);
  }

  /**
   * Load every message of a session after the end of its gap-free run of loaded messages
   * (`seq` 1, 2, 3, ... from the oldest loaded). Resolves `false` when a page failed.
   */
  private async catchUp(sessionId: string): Promise<boolean> {
    const after = gapFreeEnd(this.state.histories[sessionId]?.items ?? []);
    let before: number | undefined;
    try {
      // Pages come newest first within the range; walk back until the range is exhausted.
      for (;;) {
        const asked = { afterSeq: after, limit: this.pageSize, ...(before !== undefined ? { beforeSeq: before } : {}) };
        const page = await this.backend.getMessages(sessionId, asked);
        let outOfRange = false;
        const messages = this.checkedPage(sessionId, page.messages, asked, () => (outOfRange = true));
        this.mergeIntoHistory(sessionId, messages);
        // A page outside the asked range would be asked for again and again: stop (reported).
        if (!page.hasMore || messages.length === 0 || outOfRange) return true;
        before = Math.min(...messages.map((m) => m.seq));
      }
    } catch {
      return false;
    }
  }

  /**
   * After `retryDelayMs`, load the messages a loaded history misses (a `message` event that was
   * dropped, or one that has not come yet), when the gap is still there then.
   */
  private checkGap(sessionId: string): void {
    if (this.gapTimers.has(sessionId) || this.disposed) return;
    this.gapTimers.set(
      sessionId,
      this.clock.setTimeout(() => {
        this.gapTimers.delete(sessionId);
        if (!this.hasGap(sessionId) || this.state.connection === 'offline') return;
        void this.catchUp(sessionId).then((ok) => {
          if (!ok || this.hasGap(sessionId)) this.checkGap(sessionId);
        });
      }, this.retryDelayMs),
    );
  }

  /** Whether a loaded history lacks messages up to the session's `lastSeq`, or has a hole. */
  private hasGap(sessionId: string): boolean {
    const history = this.state.histories[sessionId];
    const session = this.state.sessions[sessionId];
    if (!history?.loaded || history.loading) return false;
    const end = gapFreeEnd(history.items);
    const newest = Math.max(0, ...history.items.map((m) => m.seq));
    return end < newest || (session !== undefined && end < session.lastSeq);
  }

  /** Mark a watched session read without a caller; a failure is retried after `retryDelayMs`. */
  private markReadInBackground(sessionId: string, seq: number, read: ChatSession, unread: number): void {
    this.backend.markRead(sessionId, seq).catch(() => this.onReadFailed(sessionId, read, unread));
  }

  /** A read mark failed: show the unread count again unless the session is read, then retry. */
  private onReadFailed(sessionId: string, read: ChatSession, unread: number): void {
    if (this.disposed) return;
    if (!this.readers.has(sessionId)) {
      if (this.state.sessions[sessionId] === read) this.upsertSession({ ...read, unreadCount: unread }, true);
      return;
    }
    if (this.readTimers.has(sessionId)) return;
    this.readTimers.set(
      sessionId,
      this.clock.setTimeout(() => {
        this.readTimers.delete(sessionId);
        const session = this.state.sessions[sessionId];
        if (!session || !this.readers.has(sessionId) || session.agentId !== this.agentId) return;
        if (this.state.connection === 'offline') return; // The resync after the reconnect marks it.
        this.markReadInBackground(sessionId, session.lastSeq, session, unread);
      }, this.retryDelayMs),
    );
  }

  private onEvent(event: BackendEvent): void {
    if (this.disposed) return;
    switch (event.type) {
      case 'session-updated': {
        const previous = this.state.sessions[event.session.id];
        // A late, repeated or replayed update never undoes newer state.
        if (previous && !isNewer(event.session, previous)) break;
        this.loadTouched?.add(event.session.id);
        let session = event.session;
        // A session the agent is reading stays read.
        if (this.readers.has(session.id) && session.agentId === this.agentId && session.unreadCount > 0) {
          session = { ...session, unreadCount: 0 };
          this.markReadInBackground(session.id, event.session.lastSeq, session, event.session.unreadCount);
        }
        this.upsertSession(session);
        if (this.hasGap(session.id)) this.checkGap(session.id);
        if (session.status === 'queued' && previous?.status !== 'queued' && this.state.status === 'ready') {
          this.incomingSubject.next(session);
        }
        if (previous?.status !== session.status) this.scheduleWindow();
        break;
      }
      case 'message':
        this.mergeIntoHistory(event.message.sessionId, [event.message]);
        if (this.hasGap(event.message.sessionId)) this.checkGap(event.message.sessionId);
        break;
      case 'agent-updated':
        this.patch({ agents: { ...this.state.agents, [event.agent.id]: event.agent }, now: this.clock.now() });
        break;
      case 'channel-updated':
        this.patch({ channels: { ...this.state.channels, [event.channel.id]: event.channel } });
        break;
      case 'connection':
        // Back online: the notices that said the server could not be reached no longer hold.
        this.patch({
          connection: event.status,
          ...(event.status === 'online' && this.state.notices.some(isConnectionNotice)
            ? { notices: this.state.notices.filter((n) => !isConnectionNotice(n)) }
            : {}),
        });
        if (event.status === 'offline') this.wasOffline = true;
        else if (this.wasOffline) {
          this.wasOffline = false;
          this.retryFailedOnResync = true;
          void this.resync();
        }
        break;
    }
  }

  /** One delivery attempt; settles when the message is stored (client id) or marked failed (its error). */
  private deliver(sessionId: string, clientId: string, text: string, attachmentIds: readonly string[]): Promise<string> {
    let settle!: { resolve: (id: string) => void; reject: (error: ChatBackendError) => void };
    const settled = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
    const attempt = (this.sendAttempts.get(clientId) ?? 0) + 1;
    this.sendAttempts.set(clientId, attempt);
    const previousTimer = this.sendTimers.get(clientId);
    if (previousTimer !== undefined) this.clock.clearTimeout(previousTimer);
    const markFailed = (error: ChatBackendError) => {
      const current = this.findMessage(sessionId, clientId);
      if (!current || current.status !== 'sending' || this.sendAttempts.get(clientId) !== attempt) return;
      this.clearSendTimer(clientId);
      this.updateMessage(sessionId, clientId, (m) => ({ ...m, status: 'failed', errorCode: error.code }));
      settle.reject(withClientId(this.fail('sendMessage', error), clientId));
    };
    this.sendTimers.set(
      clientId,
      this.clock.setTimeout(
        () => markFailed(new ChatBackendError('timeout', `No confirmation within ${this.sendTimeoutMs} ms`)),
        this.sendTimeoutMs,
      ),
    );
    this.backend.sendMessage(sessionId, { clientId, text, attachmentIds }).then(
      (message) => {
        const { items, error } = checkList('sendMessage', [message], forSession(sessionId, checkMessage));
        if (error) {
          // A stored message the service cannot show (or of another chat) leaves the message
          // failed, with Retry, unless its echo (a `message` event) has shown it sent already.
          if (this.findMessage(sessionId, clientId)?.status !== 'sent') return markFailed(error);
          this.fail('sendMessage', error);
        }
        this.clearSendTimer(clientId);
        this.mergeIntoHistory(sessionId, items);
        settle.resolve(clientId);
      },
      (error) => markFailed(toChatError(error)),
    );
    return settled;
  }

  private clearSendTimer(clientId: string): void {
    const timer = this.sendTimers.get(clientId);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    this.sendTimers.delete(clientId);
  }

  private mergeIntoHistory(sessionId: string, messages: readonly ChatMessage[]): void {
    const history = this.state.histories[sessionId];
    if (!history) return; // Not loaded: the session's lastMessage carries the preview.
    const items = mergeMessages(history.items, messages);
    if (items !== history.items) this.setHistory(sessionId, { ...history, items });
  }

  /**
   * Run an adapter command on the chat `asked` and store the session it resolves with; one of
   * another chat (or no valid session) is refused with `invalid-input` and nothing is stored.
   * @param sessionId the chat for the `taken` notice on `already-taken`
   * @param visibly where to raise a notice for any failure (a command the agent started with a
   *   click whose element has no error display of its own); without it only `already-taken` does
   */
  private async sessionCommand(
    command: string,
    asked: string,
    run: () => Promise<ChatSession>,
    sessionId?: string,
    visibly?: NoticeTarget,
  ): Promise<ChatSession> {
    this.requireOnline(command, visibly);
    try {
      const session = this.commandResult(command, asked, await run());
      this.upsertSession(session);
      return session;
    } catch (error) {
      if (visibly) throw this.failVisibly(command, error, visibly);
      const chatError = this.fail(command, error);
      if (chatError.code === 'already-taken' && sessionId) this.notice('info', 'taken', sessionId);
      throw chatError;
    }
  }

  /**
   * Reject at once with `disconnected` while the push stream is offline (never queue silently);
   * with `visibly`, a notice tells the agent.
   */
  private requireOnline(command: string, visibly?: NoticeTarget): void {
    if (this.state.connection !== 'offline') return;
    throw visibly ? this.failVisibly(command, offlineError(), visibly) : this.fail(command, offlineError());
  }

  /**
   * A command the agent started with a click failed: report it like {@link ChatService.fail} and
   * raise a notice, so no click fails silently: `taken` (info, goes away by itself) for
   * `already-taken`, else an error notice with the code (stays until dismissed).
   */
  private failVisibly(command: string, error: unknown, where: NoticeTarget): ChatBackendError {
    const chatError = this.fail(command, error);
    if (this.disposed) return chatError;
    if (chatError.code === 'already-taken') this.notice('info', 'taken', where.sessionId, where.scope);
    else this.notice('error', chatError.code, where.sessionId, where.scope);
    return chatError;
  }

  /**
   * The valid messages of a `getMessages` page of `sessionId` (defaults filled; records of another
   * chat, or a second different record with one id, left out); what was left out, and a page that
   * does not keep the paging contract (order, asked range, limit; its messages are kept), are
   * reported on `errors$` (command `getMessages`).
   * @param onPageError called when the page broke the paging contract
   */
  private checkedPage(
    sessionId: string,
    raw: unknown,
    asked: { beforeSeq?: number; afterSeq?: number; limit?: number },
    onPageError?: () => void,
  ): readonly ChatMessage[] {
    const messages = this.checkedList('getMessages', raw, forSession(sessionId, checkMessage));
    const pageError = checkPage(messages, asked);
    if (pageError) {
      this.fail('getMessages', pageError);
      onPageError?.();
    }
    return messages;
  }

  /** The valid records of an adapter list (defaults filled); the ones left out are reported on `errors$`. */
  private checkedList<T>(command: string, raw: unknown, check: (item: unknown) => T | ChatBackendError): readonly T[] {
    const { items, error } = checkList(command, raw, check);
    if (error) this.fail(command, error);
    return items;
  }

  /**
   * The session an adapter command resolved with, checked (`checkCommandSession`): a valid
   * session of the asked chat (any chat when `asked` is `null`).
   * @throws ChatBackendError `invalid-input` naming the command and both ids; the caller reports it
   */
  private commandResult(command: string, asked: string | null, raw: unknown): ChatSession {
    const session = checkCommandSession(command, asked, raw);
    if (session instanceof ChatBackendError) throw session;
    return session;
  }

  private fail(command: string, error: unknown): ChatBackendError {
    const chatError = toChatError(error);
    if (!this.disposed) {
      this.errorsSubject.next({ code: chatError.code, message: chatError.message, command, cause: chatError });
    }
    return chatError;
  }

  private notice(level: ChatNotice['level'], code: ChatNotice['code'], sessionId?: string, scope?: ChatNotice['scope']): void {
    const notice: ChatNotice = { id: `n${++this.noticeSeq}`, level, code, sessionId, ...(scope ? { scope } : {}), at: this.clock.now() };
    // The same notice again (a second click while offline) replaces the first instead of stacking.
    const others = this.state.notices.filter(
      (n) => !(n.level === level && n.code === code && n.sessionId === sessionId && n.scope === scope),
    );
    this.patch({ notices: [...others.slice(-4), notice] });
    if (level !== 'info') return;
    const timer = this.clock.setTimeout(() => {
      this.noticeTimers.delete(timer);
      this.dismissNotice(notice.id);
    }, this.noticeTimeoutMs);
    this.noticeTimers.add(timer);
  }

  private findMessage(sessionId: string, clientId: string): MessageView | undefined {
    return this.state.histories[sessionId]?.items.find((m) => m.clientId === clientId);
  }

  private updateMessage(sessionId: string, clientId: string, change: (m: MessageView) => MessageView): void {
    const history = this.state.histories[sessionId];
    if (!history) return;
    this.setHistory(sessionId, {
      ...history,
      items: history.items.map((m) => (m.clientId === clientId ? change(m) : m)),
    });
  }

  /**
   * Store a session. One from the backend that is not newer than the held one (by `revision`) is
   * ignored; `local` changes made by the service itself (a read mark) always apply.
   */
  private upsertSession(raw: ChatSession, local = false): void {
    // A session a command resolved comes from the adapter: checked like every adapter record.
    const session = local ? raw : checkSession(raw);
    if (session instanceof ChatBackendError) {
      this.fail('session', session);
      return;
    }
    const held = this.state.sessions[session.id];
    if (held === session) return;
    if (!local && held && !isNewer(session, held)) return;
    this.patch({ sessions: { ...this.state.sessions, [session.id]: session }, now: this.clock.now() });
  }

  private setHistory(sessionId: string, history: SessionHistory): void {
    this.patch({ histories: { ...this.state.histories, [sessionId]: history } });
  }

  /** On answer: look up the CRM person (or candidates by e-mail, name, phone) in the background. */
  private lookUpPerson(sessionId: string): void {
    void this.loadPersonContext(sessionId).catch(() => undefined);
  }

  private setTranscript(sessionId: string, transcript: Transcript): void {
    this.patch({ transcripts: { ...this.state.transcripts, [sessionId]: transcript } });
  }

  private setPersonContext(sessionId: string, context: PersonContext): void {
    this.patch({ personContexts: { ...this.state.personContexts, [sessionId]: context } });
  }

  private patch(change: Partial<ChatState>): void {
    if (this.disposed) return;
    this.store.next({ ...this.store.value, ...change });
  }

  /** Keep `state.now` moving so ended chats leave the list exactly 8 hours after they ended. */
  private scheduleWindow(): void {
    const at = nextRecentExpiry(this.state);
    if (at === this.windowTimerAt) return;
    if (this.windowTimer !== undefined) this.clock.clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    this.windowTimerAt = at;
    if (at === null || this.disposed) return;
    this.windowTimer = this.clock.setTimeout(() => {
      this.windowTimer = undefined;
      this.windowTimerAt = null;
      this.patch({ now: this.clock.now() });
      this.scheduleWindow();
    }, Math.max(0, at - this.clock.now()) + 1);
  }

  private cached<T>(key: string, make: () => Observable<T>): Observable<T> {
    let observable = this.selectorCache.get(key) as Observable<T> | undefined;
    if (!observable) {
      observable = make();
      this.selectorCache.set(key, observable);
    }
    return observable;
  }
}

/**
 * Merge stored messages into a view list: a message replaces the optimistic one with the same
 * client id, a known id is ignored, and the list stays in time order. Returns the same array
 * when nothing changed.
 */
export function mergeMessages(items: readonly MessageView[], incoming: readonly ChatMessage[]): readonly MessageView[] {
  let next: MessageView[] | null = null;
  // Whether `next` is still in order: a message arriving after the newest one is appended without
  // sorting the whole (possibly long) history again.
  let ordered = true;
  for (const message of incoming) {
    const list: readonly MessageView[] = next ?? items;
    const byClient = message.clientId ? list.findIndex((m) => m.clientId === message.clientId) : -1;
    if (byClient >= 0) {
      if (list[byClient]!.status === 'sent' && list[byClient]!.id === message.id) continue;
      next = [...list];
      next[byClient] = sentView(message);
      ordered = false;
      continue;
    }
    if (list.some((m) => m.id === message.id)) continue;
    const view = sentView(message);
    const last = list[list.length - 1];
    if (last && compareMessages(last, view) > 0) ordered = false;
    next = [...list, view];
  }
  return next ? (ordered ? next : next.sort(compareMessages)) : items;
}

/** Whether `incoming` is a newer state of the session than `held` (always, without revisions). */
function isNewer(incoming: ChatSession, held: ChatSession): boolean {
  return incoming.revision === undefined || held.revision === undefined || incoming.revision > held.revision;
}

/** Whether the held session is at least as new as the snapshot's (both with revisions). */
function isNotOlder(held: ChatSession, snapshot: ChatSession): boolean {
  return held.revision !== undefined && snapshot.revision !== undefined && held.revision >= snapshot.revision;
}

/** The `seq` where the gap-free run of confirmed messages from the oldest loaded one ends (0 for none). */
function gapFreeEnd(items: readonly MessageView[]): number {
  const seqs = items.filter((m) => m.seq > 0).map((m) => m.seq).sort((a, b) => a - b);
  if (seqs.length === 0) return 0;
  let end = seqs[0]!;
  for (const seq of seqs) {
    if (seq > end + 1) break;
    end = Math.max(end, seq);
  }
  return end;
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'network' || code === 'timeout' || code === 'disconnected';
}

/** `error` for the caller of a send: the same code and message, with `details.clientId`. */
function withClientId(error: ChatBackendError, clientId: string): ChatBackendError {
  return new ChatBackendError(error.code, error.message, { cause: error.cause ?? error, details: { ...error.details, clientId } });
}

function offlineError(): ChatBackendError {
  return new ChatBackendError('disconnected', 'Not connected to the chat server; try again when the connection is back');
}

function warningInput(state: ChatState) {
  return {
    sessions: state.sessions,
    agents: state.agents,
    channels: state.channels,
    agentId: state.agentId,
    now: state.now,
    channelIds: state.channelSelection,
  };
}

/** The dashboard figures of a state (selected channels, agent's time zone, at `state.now`). */
export function dashboardStatsOf(state: ChatState): DashboardStats {
  return computeDashboardStats({
    sessions: state.sessions,
    agents: state.agents,
    channels: state.channels,
    now: state.now,
    timeZone: state.display.timeZone,
    channelIds: state.channelSelection,
  });
}

/** The warnings of a state for its agent (selected channels, at `state.now`). */
export function warningsOf(state: ChatState): ChatWarning[] {
  return computeWarnings(warningInput(state));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Add `delta` to the count of `key`; a count that reaches 0 goes. */
function count(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}

/** An error notice that says the chat server could not be reached (gone once the connection is back). */
function isConnectionNotice(notice: ChatNotice): boolean {
  return notice.level === 'error' && (notice.code === 'network' || notice.code === 'timeout' || notice.code === 'disconnected');
}
