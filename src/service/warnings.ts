import type { Agent } from '../model/agent.js';
import type { Channel } from '../model/channel.js';
import type { ChatSession } from '../model/session.js';
import { compareIds } from './selectors.js';

/** Why a chat is highlighted: waiting in the queue too long, or a customer message left unanswered too long. */
export type ChatWarningKind = 'waiting' | 'unanswered';

/**
 * A chat that passed its channel's limit. Source: {@link computeWarnings} over service state.
 * Times in ms since epoch.
 */
export interface ChatWarning {
  readonly sessionId: string;
  readonly channelId: string;
  readonly kind: ChatWarningKind;
  /** Since when the customer waits: `createdAt` (waiting) or the unanswered message's `sentAt`. */
  readonly since: number;
  /** The channel's limit that was passed, in minutes. */
  readonly limitMinutes: number;
}

/** What {@link computeWarnings} reads. */
export interface WarningInput {
  readonly sessions: readonly ChatSession[] | Readonly<Record<string, ChatSession>>;
  readonly agents: Readonly<Record<string, Agent>>;
  readonly channels: Readonly<Record<string, Channel>>;
  /** The agent the warnings are for. */
  readonly agentId: string;
  /** ms since epoch. */
  readonly now: number;
  /** Only these channels; `null` / `undefined` = every channel. */
  readonly channelIds?: readonly string[] | null;
}

const MINUTE = 60_000;

interface Candidate {
  readonly session: ChatSession;
  readonly kind: ChatWarningKind;
  readonly since: number;
  readonly limitMinutes: number;
}

/** Sessions that could get a warning for the agent, with the moment their clock started. */
function candidates(input: WarningInput): Candidate[] {
  const me = input.agents[input.agentId];
  // Away agents get no warnings; nor do agents without the notify right on the channel.
  if (!me || me.presence !== 'present') return [];
  const scope = input.channelIds ? new Set(input.channelIds) : null;
  const out: Candidate[] = [];
  const sessions = Array.isArray(input.sessions) ? input.sessions : Object.values(input.sessions);
  for (const session of sessions as readonly ChatSession[]) {
    if (scope && !scope.has(session.channelId)) continue;
    if (!me.rights[session.channelId]?.notify) continue;
    const channel = input.channels[session.channelId];
    if (!channel) continue;
    if (session.status === 'queued' && channel.waitWarningMinutes > 0) {
      out.push({ session, kind: 'waiting', since: Date.parse(session.createdAt), limitMinutes: channel.waitWarningMinutes });
    } else if (
      session.status === 'ongoing' &&
      channel.unansweredWarningMinutes > 0 &&
      session.lastMessage?.kind === 'from-customer'
    ) {
      out.push({
        session,
        kind: 'unanswered',
        since: Date.parse(session.lastMessage.sentAt),
        limitMinutes: channel.unansweredWarningMinutes,
      });
    }
  }
  return out.filter((c) => !Number.isNaN(c.since));
}

/**
 * The chats to highlight for the agent at `input.now`: a queued chat waiting longer than the
 * channel's `waitWarningMinutes`, or an ongoing chat whose newest message is the customer's and
 * older than `unansweredWarningMinutes`. Only for a present agent with the notify right on the
 * chat's channel; a limit of 0 means no warning. Ordered by `since`, oldest first. Pure.
 */
export function computeWarnings(input: WarningInput): ChatWarning[] {
  return candidates(input)
    .filter((c) => input.now - c.since > c.limitMinutes * MINUTE)
    .sort((a, b) => a.since - b.since || compareIds(a.session.id, b.session.id))
    .map((c) => ({
      sessionId: c.session.id,
      channelId: c.session.channelId,
      kind: c.kind,
      since: c.since,
      limitMinutes: c.limitMinutes,
    }));
}

/** The next moment (ms since epoch) a chat passes its limit, or null when none will without another change. */
export function nextWarningAt(input: WarningInput): number | null {
  let next: number | null = null;
  for (const c of candidates(input)) {
    const at = c.since + c.limitMinutes * MINUTE + 1;
    if (at > input.now && (next === null || at < next)) next = at;
  }
  return next;
}

/** Whether two warning lists are the same (for `distinctUntilChanged`). */
export function sameWarnings(a: readonly ChatWarning[], b: readonly ChatWarning[]): boolean {
  return a.length === b.length && a.every((w, i) => w.sessionId === b[i]!.sessionId && w.kind === b[i]!.kind && w.since === b[i]!.since);
}
