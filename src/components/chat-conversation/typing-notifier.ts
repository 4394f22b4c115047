/**
 * Turns composer keystrokes into few typing reports: `true` at most once per `repeatMs` while the
 * agent types, `false` after `idleMs` without input, on send and when the session changes.
 * Not a poll: it only reacts to the agent's input.
 */
export class TypingNotifier {
  private sessionId: string | null = null;
  private lastTrueAt = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param report sends the typing state (e.g. `service.setTyping`)
   * @param repeatMs least time between two `true` reports, in ms
   * @param idleMs quiet time after which `false` is reported, in ms
   */
  constructor(
    private readonly report: (sessionId: string, isTyping: boolean) => void,
    private readonly repeatMs = 3000,
    private readonly idleMs = 4000,
  ) {}

  /** The agent typed in the composer of `sessionId`. */
  input(sessionId: string): void {
    if (this.sessionId !== sessionId) this.stop();
    this.sessionId = sessionId;
    const now = Date.now();
    if (now - this.lastTrueAt >= this.repeatMs) {
      this.lastTrueAt = now;
      this.report(sessionId, true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  /** The agent stopped typing (sent, switched session, left): report `false` if `true` was reported. */
  stop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.sessionId !== null && this.lastTrueAt > 0) this.report(this.sessionId, false);
    this.sessionId = null;
    this.lastTrueAt = 0;
  }
}
