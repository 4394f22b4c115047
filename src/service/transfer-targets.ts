import type { Agent } from '../model/agent.js';
import { compareIds } from './selectors.js';
import type { ChatState } from './state.js';

/** An agent a chat can be transferred to, as the Transfer dialog lists it. */
export interface TransferTarget {
  readonly agent: Agent;
  /** Ongoing chats the agent handles now (of the sessions this service knows). */
  readonly chatCount: number;
}

/**
 * The agents a session can be transferred to: every *present* agent other than the current one
 * with the respond right on the session's channel, by name. Empty for an unknown session.
 * Source: service state (agents from the snapshot and `agent-updated` events).
 */
export function transferTargets(state: ChatState, sessionId: string): TransferTarget[] {
  const session = state.sessions[sessionId];
  if (!session) return [];
  const counts = new Map<string, number>();
  for (const s of Object.values(state.sessions)) {
    if (s.status === 'ongoing' && s.agentId) counts.set(s.agentId, (counts.get(s.agentId) ?? 0) + 1);
  }
  return Object.values(state.agents)
    .filter((a) => a.id !== state.agentId && a.presence === 'present' && a.rights[session.channelId]?.respond)
    .sort((a, b) => a.name.localeCompare(b.name, state.display.locale) || compareIds(a.id, b.id))
    .map((agent) => ({ agent, chatCount: counts.get(agent.id) ?? 0 }));
}
