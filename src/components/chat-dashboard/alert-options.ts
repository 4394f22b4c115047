import type { ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import { type AlertPreferences, NO_ALERTS } from '../../service/alert-preferences.js';
import type { ChatService } from '../../service/chat-service.js';
import type { ChatWarning } from '../../service/warnings.js';
import { ConnectedController } from '../../controllers/connected-controller.js';
import { LazyPart } from '../shared/lazy-part.js';
import type { WarningAlerts } from './warning-alerts.js';

/** State of the desktop-notification opt-in: off, asked and allowed, or refused by the browser. */
export type DesktopAlertState = 'off' | 'on' | 'denied' | 'unsupported';

/** Text of one desktop notification (the element localises it). */
export type WarningText = (warning: ChatWarning) => { title: string; body: string };

/**
 * The loader of the alerts' effects (a separate chunk). Not part of the public API: tests replace
 * it to see what happens when the chunk fails.
 */
export const warningAlertsLoader = { load: () => import('./warning-alerts.js') };

/**
 * The opt-in ways a screen tells the agent about warnings (`ChatService.warningsIn(scope)`: the
 * channels the dashboard shows): a short beep (Web Audio), a desktop notification (Notification
 * API, permission asked only when the agent turns it on) and the number of warnings in
 * `document.title`. All three start off; the agent's choice is the service's `alertPreferences$`
 * (kept per agent across reloads by the service's alert storage). After a reload, desktop
 * notifications are on only while the browser still grants the permission (it is never asked
 * without a click), and browsers may keep the beep silent until the agent has interacted with the
 * page.
 *
 * This controller follows the choice and, only while an option is on, the warnings. The effects
 * (beep, notification, title; {@link WarningAlerts}) are a lazily loaded part, fetched only when
 * an option is on; warnings that arrive while it loads are
 * delivered once it is there. The title is restored when the count drops to 0, the option is
 * turned off or the host element leaves the page; the audio context is closed then too.
 */
export class AlertOptionsController extends ConnectedController {
  /** The effects, loaded once an option is on. */
  readonly effects: LazyPart<WarningAlerts>;
  private preferences: AlertPreferences = NO_ALERTS;
  private service: ChatService | undefined;
  private scopeKey = '';
  private subscription: Subscription | undefined;
  private count = 0;
  /** New warnings that arrived while the effects were loading. */
  private pending: ChatWarning[] = [];

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
    text: WarningText,
    private readonly scope: () => readonly string[] | undefined = () => undefined,
  ) {
    super();
    this.effects = new LazyPart(host, async () => new (await warningAlertsLoader.load()).WarningAlerts(text));
    host.addController(this);
  }

  protected stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.service = undefined;
    this.scopeKey = '';
    this.pending = [];
    this.effects.value?.stop();
  }

  /** Turn the beep on or off; turning it on (a click) also unlocks audio for the page. */
  setSound(on: boolean): void {
    if (on) void this.effects.get().then((effects) => effects?.unlockAudio());
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

  private get anyOn(): boolean {
    return this.preferences.sound || this.preferences.titleCount || this.desktop === 'on';
  }

  protected sync(): void {
    const service = this.source();
    const scope = this.scope();
    const scopeKey = scope?.join(' ') ?? '';
    if (service === this.service && scopeKey === this.scopeKey) return;
    this.subscription?.unsubscribe();
    this.service = service;
    this.scopeKey = scopeKey;
    this.count = 0;
    this.pending = [];
    this.preferences = NO_ALERTS;
    this.apply();
    if (!service) return;
    const ids = scope?.length ? scope : null;
    this.subscription = service.warningsIn(ids).subscribe((warnings) => {
      this.count = warnings.length;
      this.apply();
    });
    this.subscription.add(
      service.alertPreferences$.subscribe((preferences) => {
        this.preferences = preferences;
        this.apply();
        this.host.requestUpdate();
      }),
    );
    this.subscription.add(service.newWarningsIn(ids).subscribe((warning) => this.alert(warning)));
  }

  /** Hand the count and the title option to the effects, loading them when an option is on. */
  private apply(): void {
    const effects = this.effects.value;
    if (effects) {
      effects.showCount(this.titleCount ? this.count : 0);
      return;
    }
    if (this.anyOn && !this.effects.failed) void this.effects.get().then((loaded) => loaded && this.flush(loaded));
  }

  private alert(warning: ChatWarning): void {
    if (!this.sound && this.desktop !== 'on') return;
    const effects = this.effects.value;
    if (effects) effects.alert(warning, { sound: this.sound, desktop: this.desktop === 'on' });
    else this.pending.push(warning);
  }

  /** The effects have arrived: show the count and the warnings that came in meanwhile. */
  private flush(effects: WarningAlerts): void {
    if (!this.service) return;
    effects.showCount(this.titleCount ? this.count : 0);
    for (const warning of this.pending.splice(0)) this.alert(warning);
  }
}
