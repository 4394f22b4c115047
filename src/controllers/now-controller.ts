import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps displayed durations ("waiting 3 min") moving: asks the host to re-render every
 * `intervalMs` while it is connected and {@link NowController.active} says something ticks.
 * Display only: it never asks the backend or the service for anything.
 *
 * The current time is the service's last known time (`state.now`, on the service clock, which
 * may be a fake clock in tests and stories) plus the real time that has passed since that value
 * changed, so durations are right with the system clock and stay deterministic with a fake one.
 *
 * ```ts
 * private readonly stateNow = this.observe(() => this.service?.select((s) => s.now));
 * private readonly clock = new NowController(this, () => this.stateNow.value);
 * render() { return html`${formatDuration(this.clock.now - Date.parse(session.createdAt), this.display)}`; }
 * ```
 */
export class NowController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private base: number | undefined;
  private baseAt = 0;

  /**
   * @param host the element
   * @param serviceNow the service's current time (ms since epoch), or undefined before it is known
   * @param active whether anything on screen depends on the time now (default: always)
   * @param intervalMs how often to re-render, in ms (default 1,000)
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly serviceNow: () => number | undefined,
    private readonly active: () => boolean = () => true,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** The time to display against, ms since epoch. */
  get now(): number {
    this.rebase();
    return (this.base ?? Date.now()) + (performance.now() - this.baseAt);
  }

  /** Real ms passed since the service's time last changed (0 right after a change). */
  get elapsed(): number {
    this.rebase();
    return this.base === undefined ? 0 : performance.now() - this.baseAt;
  }

  hostConnected(): void {
    this.timer ??= setInterval(() => {
      if (this.active()) this.host.requestUpdate();
    }, this.intervalMs);
  }

  hostDisconnected(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private rebase(): void {
    const value = this.serviceNow();
    if (value !== this.base) {
      this.base = value;
      this.baseAt = performance.now();
    }
  }
}
