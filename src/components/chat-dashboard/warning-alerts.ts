import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { ChatService } from '../../service/chat-service.js';
import type { ChatWarning } from '../../service/warnings.js';

/** State of the desktop-notification opt-in: off, asked and allowed, or refused by the browser. */
export type DesktopAlertState = 'off' | 'on' | 'denied' | 'unsupported';

/** Text of one desktop notification (the element localises it). */
export type WarningText = (warning: ChatWarning) => { title: string; body: string };

/**
 * The opt-in ways a screen tells the agent about warnings (see `ChatService.warnings$`):
 * a short beep (Web Audio), a desktop notification (Notification API, permission asked only when
 * the agent turns it on) and the number of warnings in `document.title`. All three start off.
 * The title is restored when the count drops to 0, the option is turned off or the host element
 * leaves the page; the audio context is closed then too.
 */
export class WarningAlertsController implements ReactiveController {
  /** Beep on each new warning. */
  sound = false;
  /** Show the number of current warnings in front of the page title. */
  titleCount = false;
  /** Desktop notifications for each new warning. */
  desktop: DesktopAlertState =
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission === 'denied' ? 'denied' : 'off';

  private service: ChatService | undefined;
  private subscription: Subscription | undefined;
  private count = 0;
  private originalTitle: string | null = null;
  private audio: AudioContext | undefined;

  /**
   * @param host the element
   * @param source the service to follow
   * @param text the localised title and body of a desktop notification
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => ChatService | undefined,
    private readonly text: WarningText,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.service = undefined;
    this.restoreTitle();
    void this.audio?.close().catch(() => undefined);
    this.audio = undefined;
  }

  /** Turn the beep on or off; turning it on (a click) also unlocks audio for the page. */
  setSound(on: boolean): void {
    this.sound = on;
    if (on) {
      this.audio ??= this.makeAudio();
      void this.audio?.resume().catch(() => undefined);
    }
    this.host.requestUpdate();
  }

  /** Show or hide the count in the page title. */
  setTitleCount(on: boolean): void {
    this.titleCount = on;
    this.applyTitle();
    this.host.requestUpdate();
  }

  /**
   * Turn desktop notifications on (asks the browser's permission; call from the agent's click
   * only) or off.
   */
  async setDesktop(on: boolean): Promise<void> {
    if (this.desktop === 'unsupported') return;
    if (!on) {
      this.desktop = 'off';
    } else {
      const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
      this.desktop = permission === 'granted' ? 'on' : permission === 'denied' ? 'denied' : 'off';
    }
    this.host.requestUpdate();
  }

  private sync(): void {
    const service = this.source();
    if (service === this.service) return;
    this.subscription?.unsubscribe();
    this.service = service;
    this.count = 0;
    this.applyTitle();
    if (!service) return;
    this.subscription = service.warnings$.subscribe((warnings) => {
      this.count = warnings.length;
      this.applyTitle();
    });
    this.subscription.add(service.warning$.subscribe((warning) => this.alert(warning)));
  }

  private alert(warning: ChatWarning): void {
    if (this.sound) this.beep();
    if (this.desktop === 'on' && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      const { title, body } = this.text(warning);
      try {
        new Notification(title, { body, tag: `chat-warning-${warning.sessionId}` });
      } catch {
        // Some browsers only allow notifications from a service worker; the other alerts still work.
      }
    }
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

  private applyTitle(): void {
    if (typeof document === 'undefined') return;
    if (!this.titleCount || this.count === 0) {
      this.restoreTitle();
      return;
    }
    this.originalTitle ??= document.title;
    document.title = `(${this.count}) ${this.originalTitle}`;
  }

  private restoreTitle(): void {
    if (this.originalTitle === null || typeof document === 'undefined') return;
    document.title = this.originalTitle;
    this.originalTitle = null;
  }
}
