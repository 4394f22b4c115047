import type { Agent } from '../model/agent.js';
import type { ChatMessage, MessageView } from '../model/message.js';
import type { ChatSession } from '../model/session.js';
import type { ChatState } from './state.js';

/** How long an ended chat stays in the agent's list: 8 hours, in ms. */
export const RECENT_WINDOW_MS = 8 * 60 * 60 * 1000;

/** The agent's sessions as the session list shows them. */
export interface MySessions {
  /** Ongoing chats the agent handles, plus chats being transferred to the agent (newest pick-up first). */
  readonly active: readonly ChatSession[];
  /** Chats of the agent that ended or were missed in the last 8 hours (newest first). */
  readonly recent: readonly ChatSession[];
}

/** Live figures for the dashboard, computed from service state. */
export interface ChatStats {
  /** Customers waiting in the queue. */
  readonly waiting: number;
  /** Longest current wait in ms (0 when nobody waits). */
  readonly longestWaitMs: number;
  /** Average current wait in ms (0 when nobody waits). */
  readonly averageWaitMs: number;
  /** Chats being handled by any agent. */
  readonly ongoing: number;
  /** Agents present on at least one of the channels. */
  readonly agentsPresent: number;
}

const time = (iso: string | undefined): number => (iso ? Date.parse(iso) : 0);

/** One collator for every id comparison (`localeCompare` with options builds one per call). */
const idCollator = new Intl.Collator('en', { numeric: true });

/** Compare two ids so that `S2` < `S10` (numeric parts compare as numbers). */
export function compareIds(a: string, b: string): number {
  return idCollator.compare(a, b);
}

/**
 * `items` sorted by a time (ascending, or descending with `direction` -1), ties by id (numeric
 * parts as numbers, in the same direction). Each time is parsed once, not on every comparison:
 * these lists are sorted again on every state change, with up to thousands of sessions.
 */
function byTime<T extends { readonly id: string }>(items: T[], at: (item: T) => string | undefined, direction: 1 | -1 = 1): T[] {
  return items
    .map((item) => ({ item, t: time(at(item)) }))
    .sort((a, b) => direction * (a.t - b.t || compareIds(a.item.id, b.item.id)))
    .map((entry) => entry.item);
}

/** Queued sessions, oldest first (the order "Get next in queue" takes them). */
export function queuedSessions(state: ChatState, channelIds?: readonly string[]): ChatSession[] {
  return byTime(
    Object.values(state.sessions).filter((s) => s.status === 'queued' && inChannels(s, channelIds)),
    (s) => s.createdAt,
  );
}

/** Ongoing sessions of every agent, earliest pick-up first. */
export function ongoingSessions(state: ChatState, channelIds?: readonly string[]): ChatSession[] {
  return byTime(
    Object.values(state.sessions).filter((s) => s.status === 'ongoing' && inChannels(s, channelIds)),
    (s) => s.answeredAt,
  );
}

/** The agent's active and recent (8 h) sessions at `state.now`. */
export function mySessions(state: ChatState): MySessions {
  const me = state.agentId;
  const since = state.now - RECENT_WINDOW_MS;
  const all = Object.values(state.sessions);
  const active = byTime(
    all.filter((s) => s.status === 'ongoing' && (s.agentId === me || s.transferTo?.toAgentId === me)),
    (s) => s.answeredAt,
    -1,
  );
  const recent = byTime(
    all.filter((s) => (s.status === 'ended' || s.status === 'missed') && s.agentId === me && time(s.endedAt) > since),
    (s) => s.endedAt,
    -1,
  );
  return { active, recent };
}

/** When the next recent session leaves the 8-hour window (ms since epoch), or null. */
export function nextRecentExpiry(state: ChatState): number | null {
  const times = mySessions(state).recent.map((s) => time(s.endedAt) + RECENT_WINDOW_MS);
  return times.length ? Math.min(...times) : null;
}

/** Dashboard badge: incoming chats no agent has answered yet. */
export function incomingCount(state: ChatState): number {
  return queuedSessions(state).length;
}

/** Chats tab badge: chats the current agent is handling right now. */
export function handlingCount(state: ChatState): number {
  return Object.values(state.sessions).filter(
    (s) => s.status === 'ongoing' && s.agentId === state.agentId,
  ).length;
}

/** The current agent, or null before the snapshot arrived. */
export function currentAgent(state: ChatState): Agent | null {
  return state.agents[state.agentId] ?? null;
}

/** Whether the current agent may write in the session (owns it and it is ongoing). */
export function canWrite(state: ChatState, session: ChatSession | undefined): boolean {
  return !!session && session.status === 'ongoing' && session.agentId === state.agentId;
}

/** Live dashboard figures for all channels or a subset. */
export function computeStats(state: ChatState, channelIds?: readonly string[]): ChatStats {
  const queued = queuedSessions(state, channelIds);
  const waits = queued.map((s) => Math.max(0, state.now - time(s.createdAt)));
  const channels = channelIds ?? Object.keys(state.channels);
  const agentsPresent = Object.values(state.agents).filter(
    (a) => a.presence === 'present' && channels.some((c) => a.rights[c]?.respond),
  ).length;
  return {
    waiting: queued.length,
    longestWaitMs: waits.length ? Math.max(...waits) : 0,
    averageWaitMs: waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : 0,
    ongoing: ongoingSessions(state, channelIds).length,
    agentsPresent,
  };
}

/**
 * Order messages by server time, then sequence, then id (a stable tie-break); messages not yet
 * confirmed by the backend come last, in the order they were written.
 */
export function compareMessages(a: MessageView, b: MessageView): number {
  const pa = a.status !== 'sent' && a.seq === 0;
  const pb = b.status !== 'sent' && b.seq === 0;
  if (pa !== pb) return pa ? 1 : -1;
  return time(a.sentAt) - time(b.sentAt) || a.seq - b.seq || compareIds(a.id, b.id);
}

/** A stored message as a view with status `sent`. */
export function sentView(message: ChatMessage): MessageView {
  return { ...message, status: 'sent' };
}

function inChannels(session: ChatSession, channelIds?: readonly string[]): boolean {
  return !channelIds || channelIds.includes(session.channelId);
}
