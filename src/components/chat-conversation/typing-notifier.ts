import { type ChatClock, type TimerHandle, systemClock } from '../../service/clock.js';

/**
 * Turns composer keystrokes into few typing reports: `true` at most once per `repeatMs` while the
 * agent types, `false` after `idleMs` without input, on send and when the session changes.
 * Not a poll: it only reacts to the agent's input. Time comes from `clock` (the service clock, so
 * a fake clock drives it in tests).
 */
export class TypingNotifier {
  private sessionId: string | null = null;
  private lastTrueAt: number | null = null;
  private idleTimer: { clock: ChatClock; handle: TimerHandle } | undefined;

  /**
   * @param report sends the typing state (e.g. `service.setTyping`)
   * @param clock the time source (default: the system clock)
   * @param repeatMs least time between two `true` reports, in ms
   * @param idleMs quiet time after which `false` is reported, in ms
   */
  constructor(
    private readonly report: (sessionId: string, isTyping: boolean) => void,
    private readonly clock: () => ChatClock = () => systemClock,
    private readonly repeatMs = 3000,
    private readonly idleMs = 4000,
  ) {}

  /** The agent typed in the composer of `sessionId`. */
  input(sessionId: string): void {
    if (this.sessionId !== sessionId) this.stop();
    this.sessionId = sessionId;
    const clock = this.clock();
    const now = clock.now();
    if (this.lastTrueAt === null || now - this.lastTrueAt >= this.repeatMs) {
      this.lastTrueAt = now;
      this.report(sessionId, true);
    }
    this.clearIdle();
    this.idleTimer = { clock, handle: clock.setTimeout(() => this.stop(), this.idleMs) };
  }

  /** The agent stopped typing (sent, switched session, left): report `false` if `true` was reported. */
  stop(): void {
    this.clearIdle();
    if (this.sessionId !== null && this.lastTrueAt !== null) this.report(this.sessionId, false);
    this.sessionId = null;
    this.lastTrueAt = null;
  }

  private clearIdle(): void {
    if (this.idleTimer) this.idleTimer.clock.clearTimeout(this.idleTimer.handle);
    this.idleTimer = undefined;
  }
}
