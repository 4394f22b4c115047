import { canWrite } from './selectors.js';
import type { ChatState } from './state.js';

/**
 * Why a reply the agent was writing can no longer be sent:
 * - `customer-left`: the customer left (the chat ended by the customer, or was missed);
 * - `ended`: the chat ended otherwise (by the agent, or closed for inactivity);
 * - `not-writable`: the chat goes on, but the agent may no longer write in it (taken over,
 *   transferred to another agent).
 */
export type UnsentReason = 'customer-left' | 'ended' | 'not-writable';

/** A draft left in a chat the agent can no longer write in (kept, so it can be read and copied). */
export interface UnsentReply {
  /** The draft as the agent left it (`ChatState.drafts`), not trimmed. */
  readonly text: string;
  readonly reason: UnsentReason;
}

/**
 * The unsent reply of a session: its draft when it holds text and the agent cannot write in the
 * chat (any more), with the reason; `null` while the agent can write (the composer holds the
 * draft) or the draft is blank. The draft itself is never cleared by the chat ending.
 * @param sessionId `ChatSession.id`
 */
export function unsentReply(state: ChatState, sessionId: string): UnsentReply | null {
  const session = state.sessions[sessionId];
  const text = state.drafts[sessionId] ?? '';
  if (!session || !text.trim() || canWrite(state, session)) return null;
  const reason: UnsentReason =
    session.status === 'missed' || (session.status === 'ended' && session.endedBy === 'customer')
      ? 'customer-left'
      : session.status === 'ended'
        ? 'ended'
        : 'not-writable';
  return { text, reason };
}
