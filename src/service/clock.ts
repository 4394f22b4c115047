/** Handle returned by {@link ChatClock.setTimeout}. */
export type TimerHandle = unknown;

/**
 * The clock the service and the demo backend read time from and schedule timers on.
 * Inject a {@link FakeClock} in tests and stories to make time deterministic.
 */
export interface ChatClock {
  /** Current time in ms since the Unix epoch. */
  now(): number;
  /** Run `fn` after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Cancel a timer made by {@link ChatClock.setTimeout}; unknown handles are ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock: `Date.now()` and the global timers. */
export const systemClock: ChatClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface FakeTimer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/**
 * A manual clock for tests and stories. Time moves only through {@link FakeClock.advance} /
 * {@link FakeClock.set}; due timers run in time order (ties in creation order).
 */
export class FakeClock implements ChatClock {
  private current: number;
  private timers: FakeTimer[] = [];
  private nextId = 1;

  /** @param start start time, ms since epoch or an ISO 8601 string (default 2026-11-30T09:00:00Z) */
  constructor(start: number | string = '2026-11-30T09:00:00Z') {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms || 0), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Number of timers waiting to run. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /**
   * Move time forward by `ms`, running every timer that falls due on the way (also timers those
   * timers schedule). Awaits a macrotask between timers so promise chains settle in between.
   */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await flush();
      const due = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = end;
    await flush();
  }

  /** Jump to an absolute time (ms or ISO string), running due timers like {@link FakeClock.advance}. */
  async set(time: number | string): Promise<void> {
    const target = typeof time === 'number' ? time : Date.parse(time);
    await this.advance(Math.max(0, target - this.current));
  }
}

/** Wait one macrotask (MessageChannel when present: not clamped like nested timers). */
function flush(): Promise<void> {
  if (typeof MessageChannel === 'undefined') {
    return new Promise((resolve) => globalThis.setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
