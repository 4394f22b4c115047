import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import { type AlertPreferences, NO_ALERTS } from '../../service/alert-preferences.js';
import type { ChatService } from '../../service/chat-service.js';
import type { ChatWarning } from '../../service/warnings.js';

/** State of the desktop-notification opt-in: off, asked and allowed, or refused by the browser. */
export type DesktopAlertState = 'off' | 'on' | 'denied' | 'unsupported';

/** Text of one desktop notification (the element localises it). */
export type WarningText = (warning: ChatWarning) => { title: string; body: string };

/**
 * The opt-in ways a screen tells the agent about warnings (`ChatService.warningsIn(scope)`: the
 * channels the dashboard shows):
 * a short beep (Web Audio), a desktop notification (Notification API, permission asked only when
 * the agent turns it on) and the number of warnings in `document.title`. All three start off;
 * the agent's choice is the service's `alertPreferences$` (kept per agent across reloads by the
 * service's alert storage). After a reload, desktop notifications are on only while the browser
 * still grants the permission (it is never asked without a click), and browsers may keep the beep
 * silent until the agent has interacted with the page. The title is restored when the count drops to 0, the option is turned off or the host element
 * leaves the page; the audio context is closed then too.
 */
export class WarningAlertsController implements ReactiveController {
  private preferences: AlertPreferences = NO_ALERTS;

  /** Beep on each new warning. */
  get sound(): boolean {
    return this.preferences.sound;
  }

  /** Show the number of current warnings in front of the page title. */
  get titleCount(): boolean {
    return this.preferences.titleCount;
  }

  /** Desktop notifications for each new warning: chosen and granted by the browser, else why not. */
  get desktop(): DesktopAlertState {
    if (typeof Notification === 'undefined') return 'unsupported';
    if (Notification.permission === 'denied') return 'denied';
    return this.preferences.desktop && Notification.permission === 'granted' ? 'on' : 'off';
  }

  private service: ChatService | undefined;
  private scopeKey = '';
  private subscription: Subscription | undefined;
  private count = 0;
  private originalTitle: string | null = null;
  private audio: AudioContext | undefined;

  /**
   * @param host the element
   * @param source the service to follow
   * @param text the localised title and body of a desktop notification
   * @param scope the channels whose warnings count (the dashboard's `channel-ids`), or undefined
   *   for the agent's selection
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => ChatService | undefined,
    private readonly text: WarningText,
    private readonly scope: () => readonly string[] | undefined = () => undefined,
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
    this.scopeKey = '';
    this.restoreTitle();
    void this.audio?.close().catch(() => undefined);
    this.audio = undefined;
  }

  /** Turn the beep on or off; turning it on (a click) also unlocks audio for the page. */
  setSound(on: boolean): void {
    if (on) this.unlockAudio();
    this.service?.setAlertPreferences({ sound: on });
  }

  /** Show or hide the count in the page title. */
  setTitleCount(on: boolean): void {
    this.service?.setAlertPreferences({ titleCount: on });
  }

  /**
   * Turn desktop notifications on (asks the browser's permission; call from the agent's click
   * only) or off.
   */
  async setDesktop(on: boolean): Promise<void> {
    if (this.desktop === 'unsupported') return;
    const service = this.service;
    if (!on) {
      service?.setAlertPreferences({ desktop: false });
      return;
    }
    const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    service?.setAlertPreferences({ desktop: permission === 'granted' });
    this.host.requestUpdate();
  }

  private sync(): void {
    const service = this.source();
    const scope = this.scope();
    const scopeKey = scope?.join(' ') ?? '';
    if (service === this.service && scopeKey === this.scopeKey) return;
    this.subscription?.unsubscribe();
    this.service = service;
    this.scopeKey = scopeKey;
    this.count = 0;
    this.preferences = NO_ALERTS;
    this.applyTitle();
    if (!service) return;
    const ids = scope?.length ? scope : null;
    this.subscription = service.warningsIn(ids).subscribe((warnings) => {
      this.count = warnings.length;
      this.applyTitle();
    });
    this.subscription.add(
      service.alertPreferences$.subscribe((preferences) => {
        this.preferences = preferences;
        this.applyTitle();
        this.host.requestUpdate();
      }),
    );
    this.subscription.add(service.newWarningsIn(ids).subscribe((warning) => this.alert(warning)));
  }

  private alert(warning: ChatWarning): void {
    if (this.sound) {
      // Sound chosen before a reload: the audio starts on the first warning (if the page may play it).
      this.unlockAudio();
      this.beep();
    }
    if (this.desktop === 'on' && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      const { title, body } = this.text(warning);
      try {
        new Notification(title, { body, tag: `chat-warning-${warning.sessionId}` });
      } catch {
        // Some browsers only allow notifications from a service worker; the other alerts still work.
      }
    }
  }

  private unlockAudio(): void {
    this.audio ??= this.makeAudio();
    void this.audio?.resume().catch(() => undefined);
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
