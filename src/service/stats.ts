import type { Agent } from '../model/agent.js';
import type { Channel } from '../model/channel.js';
import type { ChatSession } from '../model/session.js';

/**
 * The dashboard's figures as pure functions of service state: no DOM, no clock of their own, no
 * side effects. The service recomputes them whenever its state changes (a backend event, a command,
 * a timer it set for midnight in the agent's time zone); the dashboard adds the time passed since
 * {@link DashboardStats.at} to the waiting times so they tick between changes.
 */

/** What {@link computeDashboardStats} reads. Every time is ms since the Unix epoch. */
export interface StatsInput {
  /** Every known session (any order). */
  readonly sessions: readonly ChatSession[] | Readonly<Record<string, ChatSession>>;
  /** Every known agent. */
  readonly agents: readonly Agent[] | Readonly<Record<string, Agent>>;
  /** Every known channel. */
  readonly channels: readonly Channel[] | Readonly<Record<string, Channel>>;
  /** The time the figures are for, ms since epoch. */
  readonly now: number;
  /** The agent's IANA time zone ("today" starts at its midnight); `undefined` = the runtime's zone. */
  readonly timeZone?: string;
  /** Only these channels (ids); `null` / `undefined` = every channel. */
  readonly channelIds?: readonly string[] | null;
}

/** Agents present on one channel. */
export interface ChannelPresence {
  readonly channelId: string;
  /** Present agents with the respond right on the channel. */
  readonly present: number;
}

/** Live dashboard figures for all or some channels. Durations in ms, times in ms since epoch. */
export interface DashboardStats {
  /** The time the figures were computed for. */
  readonly at: number;
  /** Start of "today" (midnight in the agent's time zone). */
  readonly dayStart: number;
  /** Customers waiting in the queue now (sessions with status `queued`). */
  readonly waiting: number;
  /** Longest current wait (now − `createdAt` of the oldest queued session); 0 when nobody waits. */
  readonly longestWaitMs: number;
  /** Mean of the current waits of every queued session, rounded to ms; 0 when nobody waits. */
  readonly averageWaitMs: number;
  /** Chats being handled now (status `ongoing`, any agent). */
  readonly ongoing: number;
  /** Distinct agents that are present and have the respond right on at least one of the channels. */
  readonly agentsPresent: number;
  /** Present agents per channel, in channel order. */
  readonly presentByChannel: readonly ChannelPresence[];
  /** Sessions picked up today (`answeredAt` since {@link DashboardStats.dayStart}), whatever their status now. */
  readonly answeredToday: number;
  /** Sessions the customer left while queued today (status `missed`, `endedAt` today). */
  readonly missedToday: number;
  /** Sessions that ended today after being handled (status `ended`, `endedAt` today). */
  readonly endedToday: number;
  /** Mean of `answeredAt − createdAt` over the sessions answered today; `null` when none. */
  readonly averageAnswerMs: number | null;
  /** Mean of `firstResponseAt − answeredAt` over sessions whose first response was today; `null` when none. */
  readonly averageFirstResponseMs: number | null;
}

const DAY = 24 * 60 * 60 * 1000;

function values<T>(items: readonly T[] | Readonly<Record<string, T>>): readonly T[] {
  return Array.isArray(items) ? items : Object.values(items);
}

const time = (iso: string | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = zoneFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // An unknown zone name counts as the runtime's zone rather than breaking the figures.
      format = new Intl.DateTimeFormat('en-US', options);
    }
    zoneFormats.set(key, format);
  }
  return format;
}

/** Wall-clock fields of `ms` in a time zone. */
function wallClock(ms: number, timeZone: string | undefined): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = zoneFormat(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour') % 24, min: get('minute'), s: get('second') };
}

/** Offset of the zone from UTC at `ms`, in ms (e.g. +3,600,000 for Amsterdam in winter). */
function zoneOffset(ms: number, timeZone: string | undefined): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * Midnight at the start of the day that contains `now` in a time zone, ms since epoch.
 * Daylight-saving changes are respected (the offset is taken at midnight itself).
 * @param now ms since epoch
 * @param timeZone IANA name; `undefined` = the runtime's zone
 */
export function startOfDay(now: number, timeZone?: string): number {
  const w = wallClock(now, timeZone);
  const midnightAsUtc = Date.UTC(w.y, w.m - 1, w.d);
  const guess = midnightAsUtc - zoneOffset(now, timeZone);
  return midnightAsUtc - zoneOffset(guess, timeZone);
}

/** The next midnight after `now` in a time zone (the start of tomorrow), ms since epoch. */
export function nextDayStart(now: number, timeZone?: string): number {
  // 36 h after today's midnight is always inside tomorrow (days last 23 to 25 hours).
  return startOfDay(startOfDay(now, timeZone) + 1.5 * DAY, timeZone);
}

const mean = (list: readonly number[]): number | null =>
  list.length ? Math.round(list.reduce((a, b) => a + b, 0) / list.length) : null;

/**
 * The dashboard's figures for the given channels at `input.now` (see {@link DashboardStats} for how
 * each one is computed). Pure: the same input always gives the same figures.
 */
export function computeDashboardStats(input: StatsInput): DashboardStats {
  const { now, timeZone } = input;
  const selected = input.channelIds ? new Set(input.channelIds) : null;
  const inScope = (channelId: string) => !selected || selected.has(channelId);
  const channels = values(input.channels).filter((c) => inScope(c.id));
  const sessions = values(input.sessions).filter((s) => inScope(s.channelId));
  const dayStart = startOfDay(now, timeZone);
  const today = (ms: number | null): ms is number => ms !== null && ms >= dayStart && ms <= now;

  const waits: number[] = [];
  let ongoing = 0;
  let answeredToday = 0;
  let missedToday = 0;
  let endedToday = 0;
  const answerTimes: number[] = [];
  const firstResponses: number[] = [];
  for (const s of sessions) {
    const created = time(s.createdAt);
    const answered = time(s.answeredAt);
    const ended = time(s.endedAt);
    const firstResponse = time(s.firstResponseAt);
    if (s.status === 'queued') waits.push(Math.max(0, now - (created ?? now)));
    if (s.status === 'ongoing') ongoing++;
    if (s.status === 'missed' && today(ended)) missedToday++;
    if (s.status === 'ended' && today(ended)) endedToday++;
    if (today(answered)) {
      answeredToday++;
      if (created !== null) answerTimes.push(Math.max(0, answered - created));
    }
    if (today(firstResponse) && answered !== null) firstResponses.push(Math.max(0, firstResponse - answered));
  }

  const present = values(input.agents).filter((a) => a.presence === 'present');
  const presentByChannel = channels.map((c) => ({
    channelId: c.id,
    present: present.filter((a) => a.rights[c.id]?.respond === true).length,
  }));
  const agentsPresent = present.filter((a) => channels.some((c) => a.rights[c.id]?.respond === true)).length;

  return {
    at: now,
    dayStart,
    waiting: waits.length,
    longestWaitMs: waits.length ? Math.max(...waits) : 0,
    averageWaitMs: mean(waits) ?? 0,
    ongoing,
    agentsPresent,
    presentByChannel,
    answeredToday,
    missedToday,
    endedToday,
    averageAnswerMs: mean(answerTimes),
    averageFirstResponseMs: mean(firstResponses),
  };
}

/** Whether two figure sets are equal (for `distinctUntilChanged`). */
export function sameStats(a: DashboardStats, b: DashboardStats): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
