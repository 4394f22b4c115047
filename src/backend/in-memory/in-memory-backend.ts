import type { Agent } from '../../model/agent.js';
import type {
  ChatSessionSummary,
  Company,
  Faq,
  FollowUp,
  Person,
  QuickReply,
  ReplyTemplate,
  Sale,
  SupportRequest,
} from '../../model/crm.js';
import type { ChatMessage } from '../../model/message.js';
import type { ChatSession } from '../../model/session.js';
import { systemClock, type ChatClock } from '../../service/clock.js';
import type { BackendCapabilities, ChatBackendAdapter } from '../adapter.js';
import { InMemoryAgentAdapter } from './agent-adapter.js';
import { DIALOGUES, type Dialogue } from './data/dialogues.js';
import { LONG_CHAT_CUSTOMER, longChatLine } from './data/long-chat.js';
import { ChatScript } from './script.js';
import { Simulator } from './simulator.js';
import { ChatStore, DEFAULT_CAPABILITIES } from './store.js';

/** Options of {@link InMemoryChatBackend}. */
export interface InMemoryBackendOptions {
  /** Seed of the pseudo-random generator (default 1): same seed and clock ⇒ same ids, data, events. */
  readonly seed?: number;
  /** Where time comes from and timers run (default {@link systemClock}; use a `FakeClock` in tests). */
  readonly clock?: ChatClock;
  /**
   * Run the simulator (default true): a lived-in start (queue, ongoing and recent chats) and then
   * customers, colleagues and transfers over time. With `false` there are no sessions at all until
   * `script` creates them; channels, agents, CRM data and templates are still there.
   */
  readonly autoplay?: boolean;
  /** The agent this backend acts for (default `a1`, "Anna de Vries"); unknown ids are registered. */
  readonly agentId?: string;
  /** Overrides of the default capabilities (10 MiB; images, PDF, text, .docx, .xlsx, .csv). */
  readonly capabilities?: Partial<BackendCapabilities>;
  /** Clock time every command takes, in ms (default 0: commands still resolve asynchronously). */
  readonly latencyMs?: number;
  /**
   * Add one long-running ongoing chat of the agent ("Jonas Verbeek") with this many invented
   * messages over the last 30 days (default 0: none), to try scrolling, pinning and paging in a
   * large history. `<chat-screen demo>` uses 10,000. Generated deterministically; a few ms. With
   * the simulator on (`autoplay`), its customer writes a new line every 20–45 s of clock time while
   * the chat is ongoing.
   */
  readonly longChatMessages?: number;
}

/** Read-only views of the demo backend's truth, for tests. Each call returns fresh arrays. */
export interface BackendInspector {
  /** Every session, in creation order (public objects, as pushed). */
  sessions(): ChatSession[];
  /** One session; throws `not-found`. */
  session(sessionId: string): ChatSession;
  /** Every message of a session in seq order; throws `not-found`. */
  messages(sessionId: string): ChatMessage[];
  agents(): Agent[];
  persons(): Person[];
  companies(): Company[];
  requests(): SupportRequest[];
  /** The chat log attached to a request created from a chat. */
  requestLog(requestId: string): string | undefined;
  sales(): Sale[];
  followUps(): FollowUp[];
  /** Previous chats of CRM persons from before the demo started (with `personId`). */
  archivedChats(): (ChatSessionSummary & { personId: string })[];
  faqs(): Faq[];
  replyTemplates(): ReplyTemplate[];
  /** Quick replies of one agent, or of all agents. */
  quickReplies(agentId?: string): QuickReply[];
  /** The pool of simulated customer dialogues. */
  dialogues(): readonly Dialogue[];
  /** Timers the backend has scheduled on its clock (simulator, latency, uploads). */
  pendingTimers(): number;
}

/**
 * The in-memory demo backend: a {@link ChatBackendAdapter} for one agent (`agentId`, default `a1`)
 * on a shared, simulated world of channels, agents, customers and a CRM. Plain TypeScript, no DOM.
 *
 * - `forAgent(id)` gives adapters for other agents on the same state, so races are real.
 * - `script` moves the world by hand; `inspect` reads its truth.
 * - With `autoplay` (default) a seeded simulator plays customers and colleagues on the `clock`.
 * - `dispose()` stops the simulator and every timer.
 */
export class InMemoryChatBackend extends InMemoryAgentAdapter implements ChatBackendAdapter {
  /** Hand-driven changes for tests, stories and demos (see {@link ChatScript}). */
  readonly script: ChatScript;
  /** Read-only truth for tests. */
  readonly inspect: BackendInspector;
  private readonly adapters = new Map<string, InMemoryAgentAdapter>();
  private readonly simulator: Simulator | null;

  /** @param options see {@link InMemoryBackendOptions} */
  constructor(options: InMemoryBackendOptions = {}) {
    super(
      new ChatStore({
        seed: options.seed ?? 1,
        clock: options.clock ?? systemClock,
        capabilities: { ...DEFAULT_CAPABILITIES, ...options.capabilities },
        latencyMs: options.latencyMs ?? 0,
      }),
      options.agentId ?? 'a1',
    );
    const store = this.store;
    this.script = new ChatScript(store);
    this.inspect = {
      sessions: () => store.allSessions(),
      session: (id) => store.session(id),
      messages: (id) => store.messages(id),
      agents: () => store.allAgents(),
      persons: () => store.crm().persons,
      companies: () => store.crm().companies,
      requests: () => store.crm().requests,
      requestLog: (id) => store.requestLog(id),
      sales: () => store.crm().sales,
      followUps: () => store.crm().followUps,
      archivedChats: () => store.crm().archivedChats,
      faqs: () => store.listFaqs(),
      replyTemplates: () => store.listTemplates(),
      quickReplies: (agentId) => store.crm().quickReplies.filter((q) => agentId === undefined || q.agentId === agentId),
      dialogues: () => DIALOGUES,
      pendingTimers: () => store.timers.size + (this.simulator?.pendingTimers ?? 0),
    };
    const longChat = options.longChatMessages ? this.seedLongChat(options.longChatMessages) : undefined;
    this.simulator = options.autoplay === false ? null : new Simulator(store, this.agentId);
    this.simulator?.start();
    // The long-running chat's customer keeps writing now and then, so paging, pinning and the
    // "new messages" control can be tried on it.
    if (longChat) this.simulator?.chatter(longChat, (i) => longChatLine(3 * i, 1, 0, 0).text);
  }

  /** The long-running chat of {@link InMemoryBackendOptions.longChatMessages}: `count` messages in total. */
  private seedLongChat(count: number): string {
    const store = this.store;
    const now = store.now();
    const start = now - 30 * 24 * 3_600_000;
    const channel = store.allChannels().find((c) => store.agent(this.agentId).rights[c.id]?.respond) ?? store.allChannels()[0]!;
    const first = longChatLine(0, count, start, now);
    const { id } = store.arrive({ channelId: channel.id, ...LONG_CHAT_CUSTOMER, text: first.text }, start);
    store.answer(this.agentId, id, start + 60_000);
    const rest = Math.max(0, count - store.messages(id).length);
    const session = store.addHistory(id, rest, (i) => longChatLine(i + 1, rest + 1, start + 120_000, now - 5 * 60_000));
    store.markRead(this.agentId, id, session.lastSeq);
    return id;
  }

  /**
   * An adapter for another agent on the same state (the same object for the same id). An unknown id
   * is registered on first use: name from the id (`ben` → "Ben"), present, respond and notify on
   * every channel, no listen-in; `agent-updated` is pushed. The simulator never acts for an agent
   * that has an adapter.
   */
  forAgent(agentId: string): ChatBackendAdapter & { readonly agentId: string } {
    if (agentId === this.agentId) return this;
    let adapter = this.adapters.get(agentId);
    if (!adapter) {
      adapter = new InMemoryAgentAdapter(this.store, agentId);
      this.adapters.set(agentId, adapter);
    }
    return adapter;
  }

  /** How many `events$` subscriptions are open right now over every adapter of this backend. */
  get openSubscriptions(): number {
    return this.store.openSubscriptions;
  }

  /** Same as {@link openSubscriptions} (the name used in the field cases). */
  activeSubscriptionCount(): number {
    return this.store.openSubscriptions;
  }

  /** Stop the simulator and every timer; pending and later commands reject `disconnected`. */
  dispose(): void {
    this.simulator?.stop();
    this.store.dispose();
  }
}
