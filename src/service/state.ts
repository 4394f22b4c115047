import { type AlertPreferences, NO_ALERTS } from './alert-preferences.js';
import type { BackendCapabilities } from '../backend/adapter.js';
import type { ChatErrorCode } from '../backend/errors.js';
import type { Agent } from '../model/agent.js';
import type { Channel } from '../model/channel.js';
import type { PersonCandidate, PersonDetails } from '../model/crm.js';
import type { MessageView } from '../model/message.js';
import type { ChatSession } from '../model/session.js';

/** How far the service is with loading the agent's state. */
export type LoadStatus = 'loading' | 'ready' | 'error';

/** A session's history as loaded so far, oldest first. */
export interface SessionHistory {
  readonly items: readonly MessageView[];
  /** Whether older messages exist on the backend that are not loaded. */
  readonly hasMore: boolean;
  /** Whether a page is being loaded. */
  readonly loading: boolean;
  /** Whether the first page has arrived. */
  readonly loaded: boolean;
  /**
   * Why the last page load failed (its {@link ChatErrorCode} and the adapter's English message),
   * until the next attempt starts: while `loaded` is false the first page failed (nothing to show
   * yet), else the page before the oldest loaded message did. Source: the adapter's
   * `getMessages` rejection. A reconnect loads a failed first page of a watched session again.
   */
  readonly error?: { readonly code: ChatErrorCode; readonly message: string };
}

/**
 * Where a session's history stands, derived from {@link SessionHistory}: `loading` (a page is on
 * its way), `failed` (the last page load failed: `error` says why), `loaded` (the first page is
 * there and nothing is loading), `idle` (nothing asked yet).
 */
export type HistoryStatus = 'idle' | 'loading' | 'loaded' | 'failed';

/** The {@link HistoryStatus} of a session's history (`idle` for `undefined`). */
export function historyStatus(history: SessionHistory | undefined): HistoryStatus {
  if (!history) return 'idle';
  if (history.loading) return 'loading';
  if (history.error) return 'failed';
  return history.loaded ? 'loaded' : 'idle';
}

/**
 * A short message for the agent, e.g. "Another agent answered this chat first".
 * Source: the service, when a command fails in a way the agent should know about.
 */
export interface ChatNotice {
  /** Unique id, for dismissing. */
  readonly id: string;
  readonly level: 'info' | 'error';
  readonly code: ChatErrorCode | 'queue-empty' | 'taken';
  readonly sessionId?: string;
  /**
   * `session`: raised by a command on the chat `sessionId` the agent has open (End chat, a
   * transfer's Accept / Reject / Cancel), so the conversation showing that chat shows it, not the
   * dashboard or the session list. Absent: the dashboard and the session list show it.
   */
  readonly scope?: 'session';
  /** When the notice was raised, ms since epoch (service clock). */
  readonly at: number;
}

/** The person panel's data for one session. */
export interface PersonContext {
  readonly status: 'loading' | 'ready' | 'error';
  /** Candidates found by e-mail, name and phone (only when the session has no linked person). */
  readonly candidates: readonly PersonCandidate[];
  /** The linked person's data. */
  readonly details?: PersonDetails;
  /** Why loading failed, when `status` is `error` (the adapter's rejection: code and English message). */
  readonly error?: { readonly code: ChatErrorCode; readonly message: string };
}

/** The read-only transcript of a previous chat, loaded for the person panel. */
export interface Transcript {
  readonly status: 'loading' | 'ready' | 'error';
  /** Every message of the chat, oldest first (empty until ready). */
  readonly messages: readonly MessageView[];
  /** Why loading failed, when `status` is `error` (the adapter's rejection: code and English message). */
  readonly error?: { readonly code: ChatErrorCode; readonly message: string };
}

/** Display settings: the agent's locale and time zone. Source: the host (provider attributes). */
export interface DisplaySettings {
  /** BCP 47 locale, `en` or `nl`. */
  readonly locale: string;
  /** IANA time zone such as `Europe/Amsterdam`; `undefined` means the browser's. */
  readonly timeZone: string | undefined;
}

/** The whole state of a {@link ChatService}. Immutable: every change makes a new object. */
export interface ChatState {
  readonly status: LoadStatus;
  /** Whether the backend's push stream is connected. */
  readonly connection: 'online' | 'offline';
  /** Why loading failed, when `status` is `error`. */
  readonly loadError?: { readonly code: ChatErrorCode; readonly message: string };
  /** The current agent's id. */
  readonly agentId: string;
  readonly agents: Readonly<Record<string, Agent>>;
  readonly channels: Readonly<Record<string, Channel>>;
  readonly capabilities: BackendCapabilities | null;
  readonly sessions: Readonly<Record<string, ChatSession>>;
  /** Loaded histories by session id. */
  readonly histories: Readonly<Record<string, SessionHistory>>;
  /** The session shown in the conversation and the person panel. */
  readonly selectedSessionId: string | null;
  /** Unsent composer text by session id. */
  readonly drafts: Readonly<Record<string, string>>;
  /**
   * Notices for the agent, oldest first (at most 5): info notices go by themselves after
   * `noticeTimeoutMs`; error notices stay until dismissed, except that the same notice raised again
   * replaces the earlier one and those saying the server could not be reached (`network`,
   * `timeout`, `disconnected`) go when the connection is back.
   */
  readonly notices: readonly ChatNotice[];
  /** Person panel data by session id. */
  readonly personContexts: Readonly<Record<string, PersonContext>>;
  /** Read-only transcripts of previous chats (person panel) by session id. */
  readonly transcripts: Readonly<Record<string, Transcript>>;
  /** The service clock at the last time-dependent change, ms since epoch (drives the 8-hour window). */
  readonly now: number;
  readonly display: DisplaySettings;
  /**
   * The dashboard's channel selection: channel ids, or `null` for every channel (the default).
   * Source: the agent's choice, kept through the service's `ChannelSelectionStorage`.
   */
  readonly channelSelection: readonly string[] | null;
  /** The agent's opt-in warning alerts. Source: the agent's choice, kept through an `AlertPreferencesStorage`. */
  readonly alertPreferences: AlertPreferences;
}

/** The empty starting state. */
export function initialState(agentId: string, now: number, display: DisplaySettings): ChatState {
  return {
    status: 'loading',
    connection: 'online',
    agentId,
    agents: {},
    channels: {},
    capabilities: null,
    sessions: {},
    histories: {},
    selectedSessionId: null,
    drafts: {},
    notices: [],
    personContexts: {},
    transcripts: {},
    now,
    display,
    channelSelection: null,
    alertPreferences: NO_ALERTS,
  };
}
