import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps displayed durations ("waiting 3 min") moving: asks the host to re-render every
 * `intervalMs` while it is connected and {@link NowController.active} says something ticks.
 * Display only: it never asks the backend or the service for anything but the time.
 *
 * The time comes from the service's clock (`service.now()`), so durations are right with the
 * system clock and deterministic with a fake clock in tests and stories.
 *
 * ```ts
 * private readonly clock = new NowController(this, () => this.service?.now());
 * render() { return html`${formatDuration(this.clock.now - Date.parse(session.createdAt), this.display)}`; }
 * ```
 */
export class NowController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  /**
   * @param host the element
   * @param source the current time in ms since epoch (the service clock), or undefined for `Date.now()`
   * @param active whether anything on screen depends on the time now (default: always)
   * @param intervalMs how often to re-render, in ms (default 1,000)
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => number | undefined,
    private readonly active: () => boolean = () => true,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** The time to display against, ms since epoch. */
  get now(): number {
    return this.source() ?? Date.now();
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
}
