import { Observable, Subject, type Subscription } from 'rxjs';
import { type ChatClock, type TimerHandle, systemClock } from '../service/clock.js';
import type { BackendEvent, ChatBackendAdapter } from './adapter.js';
import { ChatBackendError } from './errors.js';
import { Random } from './in-memory/random.js';

/**
 * The name of every command of a {@link ChatBackendAdapter} (every method that returns a promise;
 * the `listenIn` feed is an Observable and passes through the wrapper unchanged).
 */
export type ChatCommandName = {
  [K in keyof ChatBackendAdapter]: ChatBackendAdapter[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof ChatBackendAdapter];

/** One entry per command: the compiler fails here when the adapter gains a command the wrapper lacks. */
const COMMAND_SET: { readonly [K in ChatCommandName]: true } = {
  getSnapshot: true,
  getMessages: true,
  answer: true,
  takeNextInQueue: true,
  sendMessage: true,
  markRead: true,
  endSession: true,
  setTyping: true,
  setPresence: true,
  requestTransfer: true,
  acceptTransfer: true,
  rejectTransfer: true,
  cancelTransfer: true,
  findPersonCandidates: true,
  searchPersons: true,
  getPersonDetails: true,
  linkPerson: true,
  getChatTranscript: true,
  createPerson: true,
  createCompany: true,
  createRequest: true,
  listFaqs: true,
  listReplyTemplates: true,
  listQuickReplies: true,
  createQuickReply: true,
  updateQuickReply: true,
  deleteQuickReply: true,
  uploadFile: true,
};

/** Every command the wrapper intercepts, in the adapter interface's order. */
export const CHAT_COMMANDS: readonly ChatCommandName[] = Object.keys(COMMAND_SET) as ChatCommandName[];

/** A probability (0..1) for every command, or per command name (missing names use `default`, else 0). */
export type PerCommand<T> = T | ({ readonly default?: T } & { readonly [K in ChatCommandName]?: T });

/**
 * What {@link withFaults} injects. Every rate is a probability from 0 to 1, decided independently
 * per command call or per push event by a pseudo-random generator seeded with `seed`; with the same
 * seed, the same calls and the same events, the same faults happen in the same places. All
 * durations are in milliseconds of the `clock` (a `FakeClock` makes them instant and exact).
 * Everything defaults to "no fault": `withFaults(adapter)` behaves like `adapter`.
 */
export interface FaultOptions {
  /** Seed of the fault generator (default 1). Commands and events draw from separate streams. */
  readonly seed?: number;
  /** Clock whose timers carry latency, hold-backs and reconnects (default the system clock). */
  readonly clock?: ChatClock;
  /**
   * Share of command calls that reject with `ChatBackendError('network')` (default 0). See
   * `lostResponseShare` for where the failure happens.
   */
  readonly failureRate?: PerCommand<number>;
  /**
   * Of the injected failures, the share that happen after the inner adapter ran the command
   * (the request arrived, the answer was lost), default 0.5. The rest fail before the request
   * reaches the inner adapter. Lost answers are what make idempotent retries necessary.
   */
  readonly lostResponseShare?: number;
  /**
   * Share of command calls that never settle (default 0). Like failures, the share
   * `lostResponseShare` of them reach the inner adapter first (the answer never comes back).
   */
  readonly hangRate?: PerCommand<number>;
  /**
   * Clock time added before each command reaches the inner adapter, in ms (default 0): a fixed
   * number, or `[min, max]` for a uniformly drawn whole number of ms in that range.
   */
  readonly latencyMs?: PerCommand<number | readonly [number, number]>;
  /** Share of push events that are never delivered (default 0). `connection` events are never dropped. */
  readonly dropRate?: number;
  /** Share of push events delivered twice; the copy comes after 1 to `reorderDepth` later events (default 0). */
  readonly duplicateRate?: number;
  /**
   * Share of push events held back and delivered after 1 to `reorderDepth` later events (default 0),
   * so they arrive out of order.
   */
  readonly reorderRate?: number;
  /** How many later events a held-back event or copy may be overtaken by, at most (default 3). */
  readonly reorderDepth?: number;
  /** A held-back event or copy is delivered at the latest after this much clock time, in ms (default 200). */
  readonly maxHoldMs?: number;
  /**
   * Simulate a dropped connection after every this many push events received from the inner
   * adapter (default 0: never). See {@link FaultControl.disconnect}.
   */
  readonly disconnectEvery?: number;
  /** How long a simulated disconnect lasts, in ms of clock time (default 1,000). */
  readonly reconnectAfterMs?: number;
  /**
   * How many of the most recent inner events are delivered again right after a simulated
   * reconnect (default 10), the way a push transport replays from its last event id. The client
   * sees some of them twice and misses whatever happened earlier in the outage.
   */
  readonly replayOnReconnect?: number;
}

/** Counts of what the wrapper did, since it was made (or since {@link FaultControl.resetStats}). */
export interface FaultStats {
  /** Command calls made through the wrapper. */
  commands: number;
  /** Calls rejected with `network` before reaching the inner adapter. */
  failedBefore: number;
  /** Calls that ran on the inner adapter but rejected with `network` (answer lost). */
  lostResponses: number;
  /** Calls that never settle. */
  hung: number;
  /** Calls rejected with `disconnected` because a simulated outage was going on. */
  rejectedOffline: number;
  /** Sum of the latency added to calls, in ms. */
  latencyMs: number;
  /** Push events received from the inner adapter. */
  events: number;
  /** Push events delivered to subscribers (copies and replays included). */
  delivered: number;
  dropped: number;
  duplicated: number;
  reordered: number;
  /** Inner events missed because they happened during a simulated outage. */
  missedOffline: number;
  /** Simulated disconnects. */
  disconnects: number;
  /** Events delivered again after reconnects. */
  replayed: number;
}

/** Controls of a fault-injecting adapter, on {@link FaultyAdapter.faults}. */
export interface FaultControl {
  /** What happened so far (a live object; copy it to keep figures). */
  readonly stats: FaultStats;
  /** Whether a simulated outage is going on. */
  readonly offline: boolean;
  /** Change options from now on (e.g. `configure({ failureRate: 0 })` to let a test settle). Seed and clock stay. */
  configure(options: Omit<FaultOptions, 'seed' | 'clock'>): void;
  /**
   * Start a simulated outage now: subscribers get `{ type: 'connection', status: 'offline' }`,
   * inner events are not delivered, commands reject `disconnected`. Unless `autoReconnect` is
   * false, it ends after `reconnectAfterMs`.
   */
  disconnect(autoReconnect?: boolean): void;
  /** End a simulated outage now: `{ type: 'connection', status: 'online' }`, then the replay. */
  reconnect(): void;
  /** Deliver every held-back event now. */
  flush(): void;
  /** Set every count in `stats` back to 0. */
  resetStats(): void;
}

/** A {@link ChatBackendAdapter} with injected faults and their controls. */
export type FaultyAdapter<A extends ChatBackendAdapter = ChatBackendAdapter> = ChatBackendAdapter & {
  /** The adapter being wrapped. */
  readonly inner: A;
  readonly faults: FaultControl;
};

interface Held {
  readonly event: BackendEvent;
  /** Deliver after this many more events have been delivered. */
  remaining: number;
  readonly timer: TimerHandle;
}

const emptyStats = (): FaultStats => ({
  commands: 0,
  failedBefore: 0,
  lostResponses: 0,
  hung: 0,
  rejectedOffline: 0,
  latencyMs: 0,
  events: 0,
  delivered: 0,
  dropped: 0,
  duplicated: 0,
  reordered: 0,
  missedOffline: 0,
  disconnects: 0,
  replayed: 0,
});

function perCommand<T>(value: PerCommand<T> | undefined, command: ChatCommandName, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'object' || Array.isArray(value)) return value as T;
  const table = value as { readonly default?: T } & { readonly [K in ChatCommandName]?: T };
  return table[command] ?? table.default ?? fallback;
}

/**
 * Wrap any {@link ChatBackendAdapter} so that it misbehaves the way networks and push transports
 * do: commands that fail (`network`), take longer, or never settle; push events that are dropped,
 * duplicated or delivered out of order; and outages during which events are missed and commands
 * reject `disconnected`, ending with a replay of recent events. Faults are drawn from a seeded
 * generator, so a failing run can be repeated exactly. Use it in tests and staging to prove that a
 * screen (or your own adapter's guarantees) survive; with no options it changes nothing.
 *
 * The wrapper keeps one subscription to the inner `events$` while it has subscribers and closes
 * it when the last one leaves, clearing its timers.
 *
 * @param adapter the adapter to wrap (its own behaviour and errors pass through unchanged)
 * @param options what to inject and how often; see {@link FaultOptions} for units and defaults
 * @returns an adapter for the same agent, with `faults` to read counts and steer outages
 *
 * @example
 * const backend = withFaults(myAdapter, { seed: 42, failureRate: 0.1, duplicateRate: 0.05, disconnectEvery: 100 });
 * const service = new ChatService({ backend });
 * // later: console.table(backend.faults.stats)
 */
export function withFaults<A extends ChatBackendAdapter>(adapter: A, options: FaultOptions = {}): FaultyAdapter<A> {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 1;
  const commandRandom = new Random(seed ^ 0x0c0ffee);
  const eventRandom = new Random(seed ^ 0x0e7e7e7);
  let config: Omit<FaultOptions, 'seed' | 'clock'> = { ...options };
  let stats = emptyStats();

  const out = new Subject<BackendEvent>();
  let subscribers = 0;
  let innerSubscription: Subscription | null = null;
  let held: Held[] = [];
  const recent: BackendEvent[] = [];
  let offline = false;
  let reconnectTimer: TimerHandle | undefined;
  let sinceDisconnect = 0;

  const emit = (event: BackendEvent) => {
    stats.delivered++;
    out.next(event);
  };

  /** One event was delivered: count down the held ones and release those that are due. */
  const advanceHeld = () => {
    if (held.length === 0) return;
    const due: Held[] = [];
    for (const h of held) if (--h.remaining <= 0) due.push(h);
    if (due.length === 0) return;
    held = held.filter((h) => h.remaining > 0);
    for (const h of due) {
      clock.clearTimeout(h.timer);
      emit(h.event);
    }
  };

  const hold = (event: BackendEvent) => {
    const depth = Math.max(1, Math.floor(config.reorderDepth ?? 3));
    const entry: Held = {
      event,
      remaining: eventRandom.int(1, depth),
      timer: clock.setTimeout(() => {
        held = held.filter((h) => h !== entry);
        emit(entry.event);
      }, config.maxHoldMs ?? 200),
    };
    held.push(entry);
  };

  const flushHeld = () => {
    const all = held;
    held = [];
    for (const h of all) {
      clock.clearTimeout(h.timer);
      emit(h.event);
    }
  };

  const remember = (event: BackendEvent) => {
    recent.push(event);
    const keep = Math.max(0, config.replayOnReconnect ?? 10);
    if (recent.length > keep) recent.splice(0, recent.length - keep);
  };

  const disconnect = (autoReconnect = true) => {
    if (offline) return;
    offline = true;
    stats.disconnects++;
    sinceDisconnect = 0;
    flushHeld();
    emit({ type: 'connection', status: 'offline' });
    if (autoReconnect) {
      reconnectTimer = clock.setTimeout(() => {
        reconnectTimer = undefined;
        reconnect();
      }, config.reconnectAfterMs ?? 1000);
    }
  };

  const reconnect = () => {
    if (!offline) return;
    offline = false;
    if (reconnectTimer !== undefined) clock.clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    emit({ type: 'connection', status: 'online' });
    const replay = [...recent];
    stats.replayed += replay.length;
    for (const event of replay) emit(event);
  };

  const onInner = (event: BackendEvent) => {
    if (event.type === 'connection') {
      // The inner transport's own connection changes pass straight through.
      emit(event);
      return;
    }
    stats.events++;
    remember(event);
    if (offline) {
      stats.missedOffline++;
      return;
    }
    if (eventRandom.chance(config.dropRate ?? 0)) {
      stats.dropped++;
    } else if (eventRandom.chance(config.reorderRate ?? 0)) {
      stats.reordered++;
      hold(event);
    } else {
      emit(event);
      advanceHeld();
      if (eventRandom.chance(config.duplicateRate ?? 0)) {
        stats.duplicated++;
        hold(event);
      }
    }
    const every = config.disconnectEvery ?? 0;
    if (every > 0 && ++sinceDisconnect >= every) disconnect(true);
  };

  const events$ = new Observable<BackendEvent>((subscriber) => {
    const subscription = out.subscribe(subscriber);
    if (subscribers++ === 0) innerSubscription = adapter.events$.subscribe(onInner);
    return () => {
      subscription.unsubscribe();
      if (--subscribers === 0) {
        innerSubscription?.unsubscribe();
        innerSubscription = null;
        for (const h of held) clock.clearTimeout(h.timer);
        held = [];
        if (reconnectTimer !== undefined) clock.clearTimeout(reconnectTimer);
        reconnectTimer = undefined;
        offline = false;
      }
    };
  });

  const delay = (ms: number) =>
    ms > 0 ? new Promise<void>((resolve) => clock.setTimeout(resolve, ms)) : Promise.resolve();

  const call = (command: ChatCommandName, args: unknown[]): Promise<unknown> => {
    stats.commands++;
    // Draw every decision up front, so the sequence of faults depends only on the call order.
    const latency = perCommand(config.latencyMs, command, 0);
    const ms = Array.isArray(latency)
      ? commandRandom.int(Math.floor(latency[0]), Math.floor(latency[1]))
      : Math.max(0, latency as number);
    const fails = commandRandom.chance(perCommand(config.failureRate, command, 0));
    const afterwards = commandRandom.chance(config.lostResponseShare ?? 0.5);
    const hangs = commandRandom.chance(perCommand(config.hangRate, command, 0));
    stats.latencyMs += ms;
    const network = () =>
      new ChatBackendError('network', `Injected network failure of ${command}`, { details: { injected: true } });
    const run = async (): Promise<unknown> => {
      await delay(ms);
      if (offline) {
        stats.rejectedOffline++;
        throw new ChatBackendError('disconnected', `${command} during a simulated outage`, { details: { injected: true } });
      }
      if (fails && !afterwards && !hangs) {
        stats.failedBefore++;
        throw network();
      }
      if (hangs && !afterwards) {
        stats.hung++;
        return new Promise<never>(() => undefined);
      }
      const invoke = (adapter[command] as (...a: unknown[]) => Promise<unknown>).bind(adapter);
      const result = invoke(...args);
      if (hangs) {
        stats.hung++;
        result.catch(() => undefined);
        return new Promise<never>(() => undefined);
      }
      if (fails) {
        stats.lostResponses++;
        await result.catch(() => undefined);
        throw network();
      }
      return result;
    };
    return run();
  };

  const wrapper = {
    get agentId() {
      return adapter.agentId;
    },
    events$,
    // The listen-in feed passes through unchanged (no faults are injected into it).
    listenIn: (sessionId: string) => adapter.listenIn(sessionId),
    inner: adapter,
    faults: {
      get stats() {
        return stats;
      },
      get offline() {
        return offline;
      },
      configure(next: Omit<FaultOptions, 'seed' | 'clock'>) {
        config = { ...config, ...next };
      },
      disconnect,
      reconnect,
      flush: flushHeld,
      resetStats() {
        stats = emptyStats();
      },
    } satisfies FaultControl,
  } as Record<string, unknown>;
  for (const command of CHAT_COMMANDS) {
    wrapper[command] = (...args: unknown[]) => call(command, args);
  }
  return wrapper as unknown as FaultyAdapter<A>;
}
