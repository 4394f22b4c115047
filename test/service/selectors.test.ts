/**
 * The session-list selectors, DOM-free: their order (time, then id with numeric parts compared as
 * numbers) on lists with ties, as the session list shows them.
 */
import { expect } from '@open-wc/testing';
import type { ChatSession } from '../../src/model/session.js';
import { compareIds, mySessions, ongoingSessions, queuedSessions } from '../../src/service/selectors.js';
import { type ChatState, initialState } from '../../src/service/state.js';

const NOW = Date.parse('2026-11-30T09:00:00Z');

function session(id: string, patch: Partial<ChatSession>): ChatSession {
  return {
    id,
    channelId: 'sales',
    status: 'ongoing',
    customer: { name: `Customer ${id}` },
    agentId: 'a1',
    createdAt: '2026-11-30T08:00:00Z',
    unreadCount: 0,
    lastSeq: 0,
    requestIds: [],
    customerTyping: false,
    ...patch,
  } as ChatSession;
}

function state(sessions: ChatSession[]): ChatState {
  const base = initialState('a1', NOW, { locale: 'en', timeZone: 'UTC' });
  return { ...base, sessions: Object.fromEntries(sessions.map((s) => [s.id, s])) };
}

describe('session selectors', () => {
  it('compares ids with numeric parts as numbers', () => {
    expect(['S10', 'S2', 'S1', 'S100', 'S9'].sort(compareIds)).to.deep.equal(['S1', 'S2', 'S9', 'S10', 'S100']);
  });

  it('my sessions: newest pick-up first, ties by id descending; recent: newest end first', () => {
    const at = (m: number) => new Date(NOW - m * 60_000).toISOString();
    const s = state([
      session('S2', { answeredAt: at(10) }),
      session('S10', { answeredAt: at(10) }),
      session('S3', { answeredAt: at(5) }),
      session('S1', { answeredAt: at(30) }),
      session('S4', { answeredAt: at(1), agentId: 'other' }),
      session('S5', { status: 'ended', endedAt: at(20) }),
      session('S6', { status: 'ended', endedAt: at(2) }),
      session('S7', { status: 'missed', endedAt: at(20) }),
      session('S8', { status: 'ended', endedAt: at(9 * 60) }),
    ]);
    const mine = mySessions(s);
    expect(mine.active.map((x) => x.id)).to.deep.equal(['S3', 'S10', 'S2', 'S1']);
    expect(mine.recent.map((x) => x.id)).to.deep.equal(['S6', 'S7', 'S5']);
  });

  it('queue: oldest first, ties by id ascending; ongoing: earliest pick-up first', () => {
    const at = (m: number) => new Date(NOW - m * 60_000).toISOString();
    const s = state([
      session('S12', { status: 'queued', agentId: null, createdAt: at(3) }),
      session('S3', { status: 'queued', agentId: null, createdAt: at(3) }),
      session('S20', { status: 'queued', agentId: null, createdAt: at(8) }),
      session('S1', { answeredAt: at(4) }),
      session('S11', { answeredAt: at(6), agentId: 'other' }),
      session('S9', { answeredAt: at(6) }),
    ]);
    expect(queuedSessions(s).map((x) => x.id)).to.deep.equal(['S20', 'S3', 'S12']);
    expect(ongoingSessions(s).map((x) => x.id)).to.deep.equal(['S9', 'S11', 'S1']);
  });

  it('sorts a thousand sessions with equal times by id', () => {
    const sessions = Array.from({ length: 1000 }, (_, i) => session(`S${i + 1}`, { answeredAt: '2026-11-30T08:30:00Z' }));
    const active = mySessions(state(sessions.reverse())).active.map((x) => x.id);
    expect(active[0]).to.equal('S1000');
    expect(active[999]).to.equal('S1');
    expect(active.slice(0, 3)).to.deep.equal(['S1000', 'S999', 'S998']);
  });
});
