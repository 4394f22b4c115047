import type { ChatSession } from '../model/session.js';
import type { IsoDateTime } from '../model/common.js';
import { compareIds, handlingCount } from './selectors.js';
import type { ChatState } from './state.js';

/**
 * A transfer offered to the current agent: another agent asks them to take over an ongoing chat
 * (the session's `transferTo` names the current agent). It waits for the agent's answer (Accept /
 * Reject) until it is accepted, rejected or cancelled by the sender.
 * Source: service state (the session and the sending agent from the snapshot and backend events).
 */
export interface TransferOffer {
  /** The chat offered (`ChatSession.id`). */
  readonly sessionId: string;
  /** The session itself, as the service holds it now. */
  readonly session: ChatSession;
  /** The agent who asks (`PendingTransfer.fromAgentId`). */
  readonly fromAgentId: string;
  /** That agent's name; their id when the service does not know the agent. */
  readonly fromAgentName: string;
  /** The customer's name as the backend gave it (may be empty: views show "Visitor"). */
  readonly customerName: string;
  /** The sender's note for the receiver, if they wrote one. */
  readonly note?: string;
  /** When the transfer was asked, ISO 8601 UTC. */
  readonly requestedAt: IsoDateTime;
}

/** Identifies one offer: a chat offered again later (after a reject) is a new offer. */
export function transferOfferKey(offer: Pick<TransferOffer, 'sessionId' | 'requestedAt'>): string {
  return `${offer.sessionId}|${offer.requestedAt}`;
}

let cache: { sessions: ChatState['sessions']; agents: ChatState['agents']; agentId: string; offers: TransferOffer[] } | undefined;

/**
 * The transfers offered to the current agent, oldest request first (ties by session id): ongoing
 * sessions whose pending transfer is addressed to `state.agentId`. Computed once per change of
 * the sessions or agents (the same array otherwise), since it is read on every state change.
 */
export function transferOffersOf(state: ChatState): readonly TransferOffer[] {
  if (cache && cache.sessions === state.sessions && cache.agents === state.agents && cache.agentId === state.agentId) {
    return cache.offers;
  }
  const offers: TransferOffer[] = [];
  for (const session of Object.values(state.sessions)) {
    const transfer = session.transferTo;
    if (session.status !== 'ongoing' || transfer?.toAgentId !== state.agentId) continue;
    offers.push({
      sessionId: session.id,
      session,
      fromAgentId: transfer.fromAgentId,
      fromAgentName: state.agents[transfer.fromAgentId]?.name ?? transfer.fromAgentId,
      customerName: session.customer.name,
      ...(transfer.note ? { note: transfer.note } : {}),
      requestedAt: transfer.requestedAt,
    });
  }
  offers.sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt) || compareIds(a.sessionId, b.sessionId));
  cache = { sessions: state.sessions, agents: state.agents, agentId: state.agentId, offers };
  return offers;
}

/** Whether the session is offered to the current agent (a pending transfer addressed to them). */
export function isOfferedToMe(state: ChatState, session: ChatSession | undefined): boolean {
  return !!session && session.status === 'ongoing' && session.transferTo?.toAgentId === state.agentId;
}

/**
 * The Chats tab's badge: chats that wait for the current agent's action — the ongoing chats they
 * handle ({@link handlingCount}) plus the transfers offered to them ({@link transferOffersOf}).
 */
export function chatsBadgeCount(state: ChatState): number {
  return handlingCount(state) + transferOffersOf(state).length;
}

/** Whether two offer lists show the same offers (same sessions, senders, notes and names). */
export function sameOffers(a: readonly TransferOffer[] | null, b: readonly TransferOffer[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((o, i) => {
    const p = b[i]!;
    return (
      transferOfferKey(o) === transferOfferKey(p) &&
      o.fromAgentName === p.fromAgentName &&
      o.customerName === p.customerName &&
      o.note === p.note
    );
  });
}
