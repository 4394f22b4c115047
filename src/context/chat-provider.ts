import { localized, msg } from '@lit/localize';
import { LitElement, type TemplateResult, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ChatBackendAdapter } from '../backend/adapter.js';
import { ServiceHostController } from '../controllers/service-host-controller.js';
import type { AlertPreferencesStorage } from '../service/alert-preferences.js';
import type { ChannelSelectionStorage } from '../service/channel-selection.js';
import type { ChatService } from '../service/chat-service.js';

/**
 * Provides one `ChatService` to every chat element inside it, so the elements share one state
 * wherever they are placed in the page.
 *
 * Give it a ready service (`.service`), an adapter to build one on (`.backend`), or, with
 * neither, the `demo` attribute to use the in-memory demo backend (loaded on demand). A host that
 * keeps preferences itself passes `.channelSelectionStorage` and `.alertPreferencesStorage` (see
 * those properties).
 *
 * @summary Shares one chat service with the chat elements inside it.
 * @tag chat-provider
 *
 * @slot - The page content that holds chat elements.
 *
 * @csspart error - The alert, before the content, when the service could not be built (e.g. the demo
 *   backend's code could not be fetched), with "Try again".
 *
 * @cssprop [--chat-font-family=system-ui, sans-serif] - Font of the error alert.
 * @cssprop [--chat-font-size=14px] - Font size of the error alert.
 * @cssprop [--chat-color-danger=light-dark(#c62828, #ff8a80)] - Text colour of the error alert.
 *
 * @fires {CustomEvent<{ code: string; message: string; cause?: unknown }>} chat-error - A command of the service failed (for the host's log).
 * @fires {CustomEvent<{ sessionId: string; channelId: string }>} chat-incoming - A new chat entered the queue (for host notifications).
 * @fires {CustomEvent<{ sessionId: string; channelId: string; kind: 'waiting' | 'unanswered'; limitMinutes: number; since: string }>} chat-warning - A chat passed its channel's waiting or unanswered limit (present agents with the notify right).
 * @fires {CustomEvent<{ sessionId: string; fromAgentId: string; note?: string }>} chat-transfer-offered - Another agent offers the agent a chat (a transfer addressed to them; once per offer after the first load).
 */
@localized()
export class ChatProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    [part='error'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      font-family: var(--chat-font-family, system-ui, sans-serif);
      font-size: var(--chat-font-size, 14px);
      line-height: 1.4;
      color: var(--chat-color-danger, light-dark(#c62828, #ff8a80));
    }
  `;

  /** A ready chat service. Takes precedence over `backend` and `demo`; never disposed by the provider. */
  @property({ attribute: false }) service?: ChatService;

  /** A backend adapter; the provider builds (and later disposes) a service on it. */
  @property({ attribute: false }) backend?: ChatBackendAdapter;

  /** Use the in-memory demo backend when neither `service` nor `backend` is set. */
  @property({ type: Boolean, reflect: true }) demo = false;

  /** The current agent's id for the demo backend (default: the demo's own agent). */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** Language of every chat element on the page: `en` or `nl` (default: the document's, else `en`). */
  @property() override lang = '';

  /** IANA time zone every date and time is shown in, e.g. `Europe/Amsterdam` (default: the browser's). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /**
   * Where a service built here (from `backend` or `demo`) keeps each agent's dashboard channel
   * selection across reloads, e.g. the CRM's user preferences. Any object with
   * `load(agentId: string): readonly string[] | null | Promise<readonly string[] | null>` (the
   * stored channel ids, `null` = all channels or nothing stored) and
   * `save(agentId: string, channelIds: readonly string[] | null): void | Promise<void>` (must not
   * throw); see `ChannelSelectionStorage`. Default: `localStorage` under
   * `chat-screen:channels:<agentId>` (`LocalStorageChannelSelection`); `MemoryChannelSelection`
   * keeps nothing across reloads. Ignored with `.service` (give that service its own
   * `selectionStorage`). Set it before or with `backend` / `demo`: changing it later builds a new
   * service.
   */
  @property({ attribute: false }) channelSelectionStorage?: ChannelSelectionStorage;

  /**
   * Where a service built here keeps each agent's dashboard alert options (sound, desktop
   * notifications, count in the page title) across reloads; the sibling of
   * `channelSelectionStorage`. Any object with
   * `load(agentId: string): AlertPreferences | null | Promise<AlertPreferences | null>` and
   * `save(agentId: string, preferences: { sound: boolean; desktop: boolean; titleCount: boolean }): void | Promise<void>`
   * (must not throw); see `AlertPreferencesStorage`. Default: `localStorage` under
   * `chat-screen:alerts:<agentId>` (`LocalStorageAlertPreferences`); `MemoryAlertPreferences`
   * keeps nothing across reloads. Ignored with `.service` (give that service its own
   * `alertStorage`). Set it before or with `backend` / `demo`: changing it later builds a new
   * service.
   */
  @property({ attribute: false }) alertPreferencesStorage?: AlertPreferencesStorage;

  private readonly host = new ServiceHostController(this, () => this, true);

  /** The service in effect (given, built from `backend`, or the demo's), if any yet. */
  get currentService(): ChatService | undefined {
    return this.host.service;
  }

  override render(): TemplateResult {
    const error = this.host.loadError;
    return html`${error
        ? html`<div part="error" role="alert">
            <span>${msg('The chats could not be loaded')}</span>
            <button type="button" @click=${() => this.host.retry()}>${msg('Try again')}</button>
          </div>`
        : nothing}<slot></slot>`;
  }
}
