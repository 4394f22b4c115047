import type { ChatClock, TimerHandle } from '../../service/clock.js';

/** A set of timers on one clock that can be cancelled together (for `dispose()`). */
export class TimerBag {
  private readonly handles = new Set<TimerHandle>();

  constructor(private readonly clock: ChatClock) {}

  /** Run `fn` after `ms` milliseconds of clock time. */
  set(fn: () => void, ms: number): TimerHandle {
    const handle: TimerHandle = this.clock.setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, ms);
    this.handles.add(handle);
    return handle;
  }

  /** Cancel one timer of this bag; unknown or finished handles are ignored. */
  clear(handle: TimerHandle | undefined): void {
    if (handle !== undefined && this.handles.delete(handle)) this.clock.clearTimeout(handle);
  }

  /** Cancel every timer of this bag. */
  clearAll(): void {
    for (const handle of this.handles) this.clock.clearTimeout(handle);
    this.handles.clear();
  }

  /** Number of timers waiting to run. */
  get size(): number {
    return this.handles.size;
  }
}
