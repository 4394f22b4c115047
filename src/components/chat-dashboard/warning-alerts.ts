import type { ChatWarning } from '../../service/warnings.js';
import type { WarningText } from './alert-options.js';

/**
 * The effects of the dashboard's warning alerts (a lazily loaded part of `<chat-dashboard>`,
 * fetched only when the agent has turned an alert on; see `AlertOptionsController`, which decides
 * when): a short beep through Web Audio, a desktop notification through the Notification API, and
 * the number of warnings in front of `document.title`.
 */
export class WarningAlerts {
  private originalTitle: string | null = null;
  private audio: AudioContext | undefined;

  /** @param text the localised title and body of a desktop notification */
  constructor(private readonly text: WarningText) {}

  /**
   * Show `count` in front of the page title, or restore the title for 0.
   * @param count the number of current warnings, 0 when the option is off
   */
  showCount(count: number): void {
    if (typeof document === 'undefined') return;
    if (count === 0) {
      this.restoreTitle();
      return;
    }
    this.originalTitle ??= document.title;
    document.title = `(${count}) ${this.originalTitle}`;
  }

  /**
   * Tell the agent about a new warning.
   * @param ways the beep and/or a desktop notification (only shown while the browser grants it)
   */
  alert(warning: ChatWarning, ways: { sound: boolean; desktop: boolean }): void {
    if (ways.sound) {
      // Sound chosen before a reload: the audio starts on the first warning (if the page may play it).
      this.unlockAudio();
      this.beep();
    }
    if (ways.desktop && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      const { title, body } = this.text(warning);
      try {
        new Notification(title, { body, tag: `chat-warning-${warning.sessionId}` });
      } catch {
        // Some browsers only allow notifications from a service worker; the other alerts still work.
      }
    }
  }

  /** Create or resume the audio context (call from the agent's click so the page may play sound). */
  unlockAudio(): void {
    this.audio ??= this.makeAudio();
    void this.audio?.resume().catch(() => undefined);
  }

  /** Restore the title and close the audio context (the host left the page). */
  stop(): void {
    this.restoreTitle();
    void this.audio?.close().catch(() => undefined);
    this.audio = undefined;
  }

  private makeAudio(): AudioContext | undefined {
    const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    try {
      return Ctor ? new Ctor() : undefined;
    } catch {
      return undefined;
    }
  }

  private beep(): void {
    const audio = this.audio;
    if (!audio) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.25);
  }

  private restoreTitle(): void {
    if (this.originalTitle === null || typeof document === 'undefined') return;
    document.title = this.originalTitle;
    this.originalTitle = null;
  }
}
