import type { Agent, Presence } from '../../model/agent.js';
import type { ChatMessage } from '../../model/message.js';
import type { ChatSession } from '../../model/session.js';
import { parseTime, type ArrivalInput, type ChatStore, type FileFacts } from './store.js';

/** What {@link ChatScript.customerArrives} takes. */
export interface CustomerArrival extends ArrivalInput {
  /** Channel id (default `sales`). */
  readonly channelId?: string;
  /** Customer's name (default `Visitor <n>`). */
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  /** The customer's first message, stored with the session. */
  readonly text?: string;
  /** When the customer arrived (ISO 8601; default now), e.g. to build an older queue. */
  readonly at?: string;
}

/**
 * Moves the demo backend's world by hand, for tests, stories and demos. Every method acts
 * synchronously on the shared state and pushes its events synchronously (await one tick to see them
 * through an adapter). Rule violations throw {@link ChatBackendError} synchronously (e.g.
 * `agentAnswers` on a taken chat throws `already-taken`).
 */
export class ChatScript {
  /** @param store the backend's shared state */
  constructor(private readonly store: ChatStore) {}

  /**
   * A customer starts a chat: a queued session (`S1`, `S2`, ...) with the first message if `text`
   * is given. Pushes `session-updated` (and `message`). Throws `not-found` for an unknown channel.
   * @returns the new session id
   */
  customerArrives(input: CustomerArrival = {}): string {
    const at = input.at !== undefined ? parseTime(input.at) : undefined;
    return this.store.arrive(input, at).id;
  }

  /**
   * The customer writes. Clears `customerTyping`; reopens an ended (→ ongoing) or missed (→ queued)
   * chat with a `reopened` line. Pushes `message` and `session-updated`.
   * @param options.at the message's time (ISO 8601; default now), for out-of-order histories
   */
  customerWrites(sessionId: string, text: string, options: { at?: string } = {}): ChatMessage {
    const at = options.at !== undefined ? parseTime(options.at) : undefined;
    return this.store.customerWrites(sessionId, text, at);
  }

  /** The customer starts or stops typing; pushes `session-updated` when it changes. */
  customerTyping(sessionId: string, isTyping: boolean): ChatSession {
    return this.store.customerTyping(sessionId, isTyping);
  }

  /**
   * The customer sends a file (`size` in bytes). A type outside the capabilities becomes a
   * `file-type-refused` system line instead.
   */
  customerSendsFile(sessionId: string, file: FileFacts): ChatMessage {
    return this.store.customerSendsFile(sessionId, file);
  }

  /** The customer leaves: queued → `missed`, ongoing → `ended` (`endedBy: 'customer'`). Throws `invalid-state` when already closed. */
  customerLeaves(sessionId: string): ChatSession {
    return this.store.customerLeaves(sessionId);
  }

  /** An agent answers a queued chat (same rules as `adapter.answer`, thrown synchronously). */
  agentAnswers(agentId: string, sessionId: string): ChatSession {
    return this.store.answer(agentId, sessionId);
  }

  /** The owning agent writes to the customer (no client id). */
  agentWrites(agentId: string, sessionId: string, text: string): ChatMessage {
    return this.store.agentWrites(agentId, sessionId, text);
  }

  /** The owner `fromAgentId` asks `toAgentId` to take over (a pending transfer; same rules as `requestTransfer`). */
  transfer(sessionId: string, fromAgentId: string, toAgentId: string, note?: string): ChatSession {
    return this.store.requestTransfer(fromAgentId, sessionId, toAgentId, note);
  }

  /** The addressed agent accepts a pending transfer. */
  acceptTransfer(agentId: string, sessionId: string): ChatSession {
    return this.store.acceptTransfer(agentId, sessionId);
  }

  /** The addressed agent rejects a pending transfer. */
  rejectTransfer(agentId: string, sessionId: string): ChatSession {
    return this.store.rejectTransfer(agentId, sessionId);
  }

  /** The owning agent ends the chat. */
  agentEnds(agentId: string, sessionId: string): ChatSession {
    return this.store.endSession(agentId, sessionId);
  }

  /** Set any agent's presence; pushes `agent-updated` (and `channel-updated` when a channel opens or closes). */
  setPresence(agentId: string, presence: Presence): Agent {
    return this.store.setPresence(agentId, presence);
  }

  /**
   * Append `count` invented messages (customer and agent in turn; only customer while queued) at the
   * current time, for paging tests. Pushes one `session-updated`, no `message` events.
   */
  addMessages(sessionId: string, count: number): ChatSession {
    return this.store.addHistory(sessionId, count);
  }

  /**
   * The connection drops: every adapter's `events$` emits `{ type: 'connection', status: 'offline' }`,
   * no other events are delivered and every command rejects `disconnected` until {@link reconnect}.
   * The world keeps moving meanwhile (script and simulator still change the state).
   */
  disconnect(): void {
    this.store.setOnline(false);
  }

  /** The connection is back: every adapter's `events$` emits `{ type: 'connection', status: 'online' }`. */
  reconnect(): void {
    this.store.setOnline(true);
  }
}
