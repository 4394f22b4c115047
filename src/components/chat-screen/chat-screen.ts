import { localized, msg, str } from '@lit/localize';
import { type PropertyValues, type TemplateResult, html, nothing, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ChatBackendAdapter } from '../../backend/adapter.js';
import { ServiceHostController } from '../../controllers/service-host-controller.js';
import type { AlertPreferencesStorage } from '../../service/alert-preferences.js';
import type { ChannelSelectionStorage } from '../../service/channel-selection.js';
import type { ChatService } from '../../service/chat-service.js';
import type { ChatSessionList } from '../chat-session-list/chat-session-list.js';
import { tokens } from '../../styles/tokens.js';
import { type LazyChatTag, loadChatElements } from '../../utils/element-loaders.js';
import type { ChatConversation } from '../chat-conversation/chat-conversation.js';
import { ChatElement } from '../base/chat-element.js';
import { avatarStyles, renderAvatar } from '../shared/avatar.js';
import { loadFailureText } from '../shared/load-failure.js';
import { noticeStyles } from '../notice-region/notice-region.js';
import { renderTransferOfferNotices, transferOfferNoticeStyles } from '../notice-region/transfer-offer-notices.js';
import { type TransferOffer, transferOfferKey } from '../../service/transfer-offers.js';
import { styles } from './chat-screen.styles.js';

/** The screen's tabs. */
export type ChatScreenTab = 'dashboard' | 'chats';

const TABS: readonly ChatScreenTab[] = ['dashboard', 'chats'];

/** The elements each tab shows, registered (their code fetched when not yet) when the tab is first shown. */
const TAB_ELEMENTS: Record<ChatScreenTab, readonly LazyChatTag[]> = {
  dashboard: ['chat-dashboard'],
  chats: ['chat-session-list', 'chat-conversation', 'chat-person-panel'],
};

/**
 * Once `<chat-conversation>` is defined: fetch the code it needs to show a chat, so the first
 * chat opened does not wait for it (see `ChatConversation.prefetch`).
 */
function prefetchConversation(): void {
  const conversation = customElements.get('chat-conversation') as typeof ChatConversation | undefined;
  void conversation?.prefetch?.();
}

/**
 * Which area of the Chats tab shows when the screen is narrower than 720 px (one pane at a time):
 * the session list, or the selected chat's conversation (the person panel then opens in its place).
 */
type ChatsPane = 'list' | 'conversation';

const backIcon = svg`<svg class="icon back-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M10 3.5 5.5 8l4.5 4.5" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

const personIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="8" cy="5.5" r="2.75" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M2.75 14c.6-2.9 2.6-4.5 5.25-4.5s4.65 1.6 5.25 4.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;

/**
 * The whole agent Chat screen: tabs **Dashboard** (`<chat-dashboard>`) and **Chats** (the session
 * list, the conversation and the person panel side by side), each tab with a badge (customers
 * waiting; chats the agent handles), and the agent's name and presence.
 *
 * Place it inside a `<chat-provider>`, or use it alone with the same inputs as the provider
 * (`.service`, `.backend`, `demo`, `agent-id`, `lang`, `time-zone`, `.channelSelectionStorage`, `.alertPreferencesStorage`): it then provides the service
 * to the elements inside it itself. Answering a chat on the dashboard or taking the next one
 * switches to the Chats tab; from 720 px focus then goes to that chat's composer (the agent
 * writes next), unless the agent has put focus elsewhere meanwhile (e.g. another composer).
 *
 * The layout follows the element's own width (a container query, not the window's), so it also fits
 * a narrow column of a wide page:
 * - from 900 px: the session list, the conversation and the person panel side by side;
 * - 720 to 900 px: the list and the conversation; the person panel is a drawer behind the
 *   "Person" button in the header (Escape or a click outside closes it);
 * - below 720 px: one pane at a time. The session list first (or the conversation when a chat is
 *   already selected when the screen gets its service); choosing a chat shows its conversation with
 *   "Back to chats" (focus moves to it) and "Person" above it. "Person" shows the person panel in
 *   the conversation's place ("Back to conversation", "Person" again or Escape return); "Back to
 *   chats" returns to the list with focus on that chat's row. Which pane shows is the element's
 *   own view state; choosing a chat still selects it through the service.
 *
 * Each tab's elements are registered when the tab is first shown: with `chat-screen/define.js`
 * they already are; a bundler's code splitting or the CDN build fetch their code then, while the
 * tab shows a "Loading…" status (faded in after 300 ms, so a fast load does not flash it). The
 * other tab's code starts loading at the agent's first pointer move or focus inside the screen,
 * and the conversation's history code with the Chats tab's, so "Answer", the Chats tab or the
 * first chat opened seldom wait for code.
 *
 * Keyboard: Arrow Left / Right, Home and End move between the tabs; Escape closes the
 * person panel (drawer or pane) and returns focus to the "Person" button.
 *
 * A chat another agent transfers to the agent (`ChatService.transferOffers$`) counts in the Chats
 * badge until it is accepted, rejected or cancelled, and shows under the header on either tab, in
 * a polite live region: "Sanne Bakker transfers Mira Okafor to you", the sender's note, **Open**
 * and **Dismiss**. "Open" switches to the Chats tab, selects that chat (firing
 * `chat-session-select`) and puts focus on its "Accept transfer". A notice goes when dismissed,
 * when its chat has been shown in the Chats tab, or when the offer ends; the session list keeps the
 * chat's "Transfer to you" tag and the dashboard offers "Open" on its row.
 *
 * @summary The agent's whole Chat screen: Dashboard and Chats tabs.
 * @tag chat-screen
 *
 * @slot header-actions - Extra controls in the header, before the agent's name.
 *
 * @csspart header - The top bar with the tabs and the agent.
 * @csspart tablist - The tab list.
 * @csspart tab - A tab (also `tab selected`).
 * @csspart badge - A tab's count badge.
 * @csspart agent - The agent's name and presence.
 * @csspart presence - The Present / Away switch.
 * @csspart panel-toggle - The "Person" button that shows the person panel (below 900 px only; in the header from 720 px, in the pane bar below).
 * @csspart pane-bar - Below 720 px: the bar above the conversation (or the person panel) with "Back to chats" and "Person".
 * @csspart back - Below 720 px: the "Back to chats" (or, over the person panel, "Back to conversation") button.
 * @csspart tab-loading - The "Loading…" status over a tab while its elements' code is fetched.
 * @csspart panel - A tab panel.
 * @csspart chats - The Chats tab's grid of three areas.
 * @csspart banner - The "Reconnecting…" banner.
 * @csspart transfer-notices - The live region under the header with the notices of transfers offered to the agent.
 * @csspart transfer-notice - One such notice ("… transfers … to you", Open, Dismiss).
 * @csspart load-failure - The alert shown when the open tab's element could not be fetched (CDN or bundler chunks), with "Try again".
 * @csspart loading - The loading state.
 * @csspart error - The error state: why the chats could not be loaded (by the error's code) and "Try again".
 * @csspart error-detail - In the error state: the adapter's own message, under "Details".
 * @csspart session-list - The `<chat-session-list>` element.
 * @csspart session-list-header - Exported from the session list: its header.
 * @csspart queue-count - Exported from the session list: the queue count.
 * @csspart take-next - Exported from the session list: "Get next in queue".
 * @csspart sessions - Exported from the session list: the listbox.
 * @csspart session - Exported from the session list: one row.
 * @csspart conversation - The `<chat-conversation>` element.
 * @csspart conversation-header - Exported from the conversation: its header (the customer's name and the chat's state).
 * @csspart log - Exported from the conversation: the scrolling message history (`role="log"`).
 * @csspart jump-latest - Exported from the conversation: the "N new messages" button.
 * @csspart composer - Exported from the conversation: the message form.
 * @csspart read-only-note - Exported from the conversation: the note shown instead of the composer when the agent cannot write.
 * @csspart unsent-reply - Exported from the conversation: the reply the agent was writing that could not be sent (read-only, with why).
 * @csspart transfer-offer - Exported from the conversation: a transfer offered to the agent (Accept / Reject).
 * @csspart conversation-notices - Exported from the conversation: its notice region.
 * @csspart conversation-notice - Exported from the conversation: one notice.
 * @csspart conversation-empty - Exported from the conversation: its empty state (no chat chosen).
 * @csspart person-panel - The `<chat-person-panel>` element.
 * @csspart person-panel-card - Exported from the person panel: each card and section.
 * @csspart person-card - Exported from the person panel: the linked person's (or the customer's own) card.
 * @csspart candidates - Exported from the person panel: the persons that could be the customer.
 * @csspart person-search - Exported from the person panel: the person search card.
 * @csspart person-form - Exported from the person panel: the create person / create company form.
 * @csspart transcript - Exported from the person panel: the transcript of a previous chat.
 * @csspart person-panel-empty - Exported from the person panel: its empty state.
 * @csspart dashboard - The `<chat-dashboard>` element.
 * @csspart skip-link - Exported from the dashboard: "Skip to incoming chats" (shown only while focused).
 * @csspart stats - Exported from the dashboard: the statistic cards.
 * @csspart stat - Exported from the dashboard: one card.
 * @csspart incoming - Exported from the dashboard: incoming chats.
 * @csspart incoming-row - Exported from the dashboard: one waiting chat.
 * @csspart answer - Exported from the dashboard: an "Answer" button.
 * @csspart ongoing - Exported from the dashboard: ongoing chats.
 * @csspart toolbar - Exported from the dashboard: channel selection and alert options.
 * @csspart channels - Exported from the dashboard: the channel selection.
 * @csspart alerts - Exported from the dashboard: the alert options.
 * @csspart listen-in - Exported from the dashboard: a "Listen in" button.
 * @csspart open-offer - Exported from the dashboard: "Open" on an ongoing chat being transferred to the agent.
 * @csspart listen-dialog - Exported from the dashboard: the read-only listen-in dialog.
 *
 * @cssprop [--chat-screen-height=100%] - Height of the screen (it fills its container by default). The element takes exactly this height, never more: on a short host the message history gives up height first, and the conversation pane scrolls when even its header and composer do not fit.
 * @cssprop [--chat-screen-default-height=480px] - Height the screen takes when its host gives it none (a parent with an automatic height); give the element a height instead where you can.
 * @cssprop [--chat-screen-list-width=300px] - Width of the session list (narrower on narrow screens).
 * @cssprop [--chat-screen-panel-width=320px] - Width of the person panel.
 * @cssprop [--chat-screen-pane-bar-height=44px] - Minimum height of the pane bar (below 720 px; 36 px when the element is 420 px tall or less).
 * @cssprop [--chat-color-switch-thumb=light-dark(#ffffff, #16181d)] - Thumb of the Present / Away switch; keep 3:1 against `--chat-color-text-muted` (the track when Away) and `--chat-color-success` (the track when Present).
 * @cssprop [--chat-shadow-overlay=-8px 0 24px rgb(0 0 0 / 0.12)] - Extra shadow of the person panel where it slides over the conversation (720–900 px).
 *
 * @fires {CustomEvent<{ code: string; message: string; cause?: unknown }>} chat-error - A command failed (only when the screen provides the service itself).
 * @fires {CustomEvent<{ sessionId: string; channelId: string }>} chat-incoming - A new chat entered the queue (only when the screen provides the service itself).
 * @fires {CustomEvent<{ sessionId: string; fromAgentId: string; note?: string }>} chat-transfer-offered - Another agent offers the agent a chat (once per offer after the first load; only when the screen provides the service itself).
 * @fires {CustomEvent<{ sessionId: string }>} chat-session-select - The agent opened a chat offered to them with the notice's "Open" (also fired by the session list and dashboard inside).
 * @fires {CustomEvent<{ sessionId: string; channelId: string; kind: 'waiting' | 'unanswered'; limitMinutes: number; since: string }>} chat-warning - A chat passed its channel's waiting or unanswered limit (present agents with the notify right) (only when the screen provides the service itself).
 */
@localized()
export class ChatScreen extends ChatElement {
  static override styles = [tokens, avatarStyles, noticeStyles, transferOfferNoticeStyles, styles];

  /**
   * A ready chat service to use (and provide to the elements inside). Without `service`,
   * `backend` or `demo` the screen uses the service of a `<chat-provider>` around it.
   * Reading it gives the service in effect.
   */
  @property({ attribute: false })
  override get service(): ChatService | undefined {
    return this.serviceHost?.providing ? this.serviceHost.service : super.service;
  }
  override set service(value: ChatService | undefined) {
    this.inputService = value;
  }

  /** A backend adapter; the screen builds (and later disposes) a service on it. */
  @property({ attribute: false }) backend?: ChatBackendAdapter;

  /** Use the in-memory demo backend (when neither `service` nor `backend` is set). */
  @property({ type: Boolean, reflect: true }) demo = false;

  /** The current agent's id for the demo backend (default: the demo's own agent). */
  @property({ attribute: 'agent-id' }) agentId?: string;

  /** Language when the screen provides the service: `en` or `nl` (default: the document's, else `en`). */
  @property() override lang = '';

  /** IANA time zone for every shown time when the screen provides the service (default: the browser's). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /**
   * Where a service the screen builds itself (from `backend` or `demo`) keeps each agent's dashboard channel
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
   * Where a service the screen builds itself keeps each agent's dashboard alert options (sound, desktop
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

  /** The open tab: `dashboard` (default) or `chats`. Changes when the agent switches tabs. */
  @property({ reflect: true }) tab: ChatScreenTab = 'dashboard';

  private inputService?: ChatService;

  private readonly serviceHost: ServiceHostController = new ServiceHostController(
    this,
    () => ({
      service: this.inputService,
      backend: this.backend,
      demo: this.demo,
      agentId: this.agentId,
      lang: this.lang,
      timeZone: this.timeZone,
      channelSelectionStorage: this.channelSelectionStorage,
      alertPreferencesStorage: this.alertPreferencesStorage,
    }),
    false,
  );

  private readonly status = this.observe(() => this.service?.select((s) => s.status));
  private readonly loadError = this.observe(() => this.service?.select((s) => s.loadError));
  private readonly connection = this.observe(() => this.service?.select((s) => s.connection));
  private readonly queueCount = this.observe(() => this.service?.queueCount$);
  private readonly handlingCount = this.observe(() => this.service?.handlingCount$);
  private readonly chatsBadge = this.observe(() => this.service?.chatsBadgeCount$);
  private readonly offers = this.observe(() => this.service?.transferOffers$);
  private readonly agent = this.observe(() => this.service?.agent$);
  private readonly selectedId = this.observe(() => this.service?.selectedSessionId$);

  /** Whether the person panel is open (only matters below 900 px: a drawer, or below 720 px the pane shown). */
  @state() private panelOpen = false;
  /** The pane of the Chats tab below 720 px (view state, not service state). */
  @state() private pane: ChatsPane = 'list';
  /** Elements of the open tab whose code could not be fetched (shown with "Try again"). */
  @state() private unloaded: readonly LazyChatTag[] = [];
  /** Elements of the open tab whose code is being fetched (a "Loading…" status shows meanwhile). */
  @state() private fetching: readonly LazyChatTag[] = [];
  /**
   * Transfer offers (by `transferOfferKey`) whose notice went: dismissed, opened, or shown in the
   * Chats tab (view state; the offers themselves are the service's).
   */
  @state() private seenOffers: ReadonlySet<string> = new Set();

  /** Register the open tab's elements; the ones that fail are named in an alert with "Try again". */
  private loadTab(): void {
    const tab = this.tab;
    this.fetching = TAB_ELEMENTS[tab].filter((tag) => !customElements.get(tag));
    void loadChatElements(TAB_ELEMENTS[tab]).then((failed) => {
      if (tab === 'chats') prefetchConversation();
      if (this.tab !== tab) return;
      this.unloaded = failed;
      this.fetching = [];
    });
  }

  /**
   * At the agent's first pointer move or focus inside the screen: start fetching the other tab's
   * elements (intent, as with the conversation's dialogs), so switching tabs or "Answer" on the
   * dashboard seldom waits for code. Quiet: a failure here shows only if that tab is opened and its
   * own load fails too.
   */
  private readonly prefetchOtherTab = (): void => {
    if (this.prefetched) return;
    this.prefetched = true;
    const other: ChatScreenTab = this.tab === 'dashboard' ? 'chats' : 'dashboard';
    void loadChatElements(TAB_ELEMENTS[other], { quiet: true }).then(prefetchConversation);
  };

  /** Whether the other tab's code was asked for ahead (once per element). */
  private prefetched = false;

  @query('.back') private backButton?: HTMLButtonElement | null;
  @query('#person-panel') private personPanel?: HTMLElement | null;
  @query('.screen') private screenElement?: HTMLElement | null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    super.disconnectedCallback();
  }

  protected override renderNoService(): TemplateResult {
    return html`<div class="no-service" role="note" part="no-service">
      ${msg('No chat service: set .backend, .service or the demo attribute on <chat-screen>, or place it inside <chat-provider>.')}
    </div>`;
  }

  private lastSelected: string | null | undefined;
  private lastSelectedService: ChatService | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A newly selected chat (answered on the dashboard, taken from the queue) opens the Chats tab.
    const selected = this.selectedId.value;
    if (this.service !== this.lastSelectedService) {
      this.lastSelectedService = this.service;
      this.lastSelected = selected;
      // Below 720 px: a chat selected before the screen got its service shows at once.
      this.pane = selected ? 'conversation' : 'list';
    } else if (selected !== this.lastSelected) {
      if (this.lastSelected !== undefined && selected) {
        this.tab = 'chats';
        this.pane = 'conversation';
        this.focusOpenedChat('outside');
      }
      if (!selected) {
        this.pane = 'list';
        this.panelOpen = false;
      }
      this.lastSelected = selected;
    }
    this.trackSeenOffers();
    // The open tab's elements: already defined with `chat-screen/define.js`, else fetched now (in
    // parallel with the service's first load); an undefined one keeps its area empty until then.
    if (changed.has('tab')) this.loadTab();
  }

  /**
   * An offered chat shown in the Chats tab needs no notice any more; offers that ended are
   * forgotten (a chat offered again later is a new offer).
   */
  private trackSeenOffers(): void {
    const offers = this.offers.value ?? [];
    const live = new Set(offers.map(transferOfferKey));
    const selected = this.selectedId.value;
    const shown = this.tab === 'chats' ? offers.find((o) => o.sessionId === selected) : undefined;
    const next = new Set([...this.seenOffers].filter((key) => live.has(key)));
    if (shown) next.add(transferOfferKey(shown));
    if (next.size !== this.seenOffers.size || [...next].some((key) => !this.seenOffers.has(key))) this.seenOffers = next;
  }

  private dismissOffer = (offer: TransferOffer): void => {
    this.seenOffers = new Set([...this.seenOffers, transferOfferKey(offer)]);
    // The Dismiss button goes with its notice: focus goes to the Chats tab, where the chat waits.
    void this.updateComplete.then(() => {
      if (this.focusLost()) this.renderRoot.querySelector<HTMLElement>('#tab-chats')?.focus();
    });
  };

  /**
   * "Open" on a transfer offer: the Chats tab with that chat selected (its conversation shows
   * Accept transfer / Reject transfer, which gets the focus), and `chat-session-select`.
   */
  private openOffer = (sessionId: string): void => {
    const service = this.service;
    if (!service || !service.state.sessions[sessionId]) return;
    // Chosen here: the focus rules of a chat selected elsewhere (willUpdate) do not apply.
    this.lastSelected = sessionId;
    service.selectSession(sessionId);
    this.tab = 'chats';
    this.pane = 'conversation';
    this.panelOpen = false;
    this.emit('chat-session-select', { sessionId });
    void this.updateComplete.then(async () => {
      await customElements.whenDefined('chat-conversation');
      const conversation = this.renderRoot.querySelector<ChatConversation>('chat-conversation');
      if (await conversation?.focusTransferOffer?.(sessionId)) return;
      if (this.focusLost() && this.selectedId.value === sessionId) {
        if (this.layout === 'narrow') this.backButton?.focus();
        else this.renderRoot.querySelector<HTMLElement>('#tab-chats')?.focus();
      }
    });
  };

  /** The notices of transfers offered to the agent, less those seen (see {@link trackSeenOffers}). */
  private renderOfferNotices(): TemplateResult {
    const offers = (this.offers.value ?? []).filter((o) => !this.seenOffers.has(transferOfferKey(o)));
    return html`<div class="offer-area">${renderTransferOfferNotices(offers, this.openOffer, this.dismissOffer)}</div>`;
  }

  override render(): TemplateResult {
    return html`<div
      class="screen"
      @keydown=${this.onScreenKey}
      @pointerover=${this.prefetchOtherTab}
      @focusin=${this.prefetchOtherTab}
    >
      ${this.renderScreen()}
    </div>`;
  }

  private renderScreen(): TemplateResult {
    const service = this.service;
    if (!service) {
      if (!this.serviceHost.providing) return this.renderNoService();
      return this.serviceHost.loadError ? this.renderError(this.serviceHost.loadError, true) : this.renderLoading();
    }
    if (this.status.value === 'error') return this.renderError();
    if (this.status.value !== 'ready') return this.renderLoading();
    return html`
      ${this.connection.value === 'offline'
        ? html`<div class="banner" part="banner" role="status">${msg('Reconnecting…')}</div>`
        : nothing}
      ${this.unloaded.length
        ? html`<div class="load-failure" part="load-failure" role="alert">
            <span>${msg('This part of the chat screen could not be loaded. Check your connection and try again.')}</span>
            <button type="button" class="btn small" @click=${() => this.loadTab()}>${msg('Try again')}</button>
          </div>`
        : nothing}
      ${this.renderHeader()} ${this.renderOfferNotices()}
      <div
        class="panel dashboard-panel"
        part="panel"
        role="tabpanel"
        id="panel-dashboard"
        aria-labelledby="tab-dashboard"
        ?hidden=${this.tab !== 'dashboard'}
      >
        ${this.tab === 'dashboard' ? this.renderTabLoading() : nothing}
        <chat-dashboard
          part="dashboard"
          exportparts="skip-link, toolbar, channels, alerts, stats, stat, incoming, incoming-row, answer, ongoing, listen-in, open-offer, listen-dialog"
        ></chat-dashboard>
      </div>
      <div
        class="panel chats pane-${this.pane} ${this.panelOpen ? 'panel-open' : ''}"
        part="panel chats"
        role="tabpanel"
        id="panel-chats"
        aria-labelledby="tab-chats"
        ?hidden=${this.tab !== 'chats'}
      >
        ${this.tab === 'chats' ? this.renderTabLoading() : nothing}
        <chat-session-list
          class="area-list"
          part="session-list"
          exportparts="header: session-list-header, queue-count, take-next, list: sessions, session"
          .reopenSelected=${this.pane === 'list'}
          @chat-session-select=${this.onSessionSelect}
        ></chat-session-list>
        <div class="pane-bar" part="pane-bar">
          <button type="button" class="btn ghost back" part="back" @click=${this.onBack}>
            ${backIcon}<span>${this.panelOpen ? msg('Back to conversation') : msg('Back to chats')}</span>
          </button>
          <div class="spacer"></div>
          ${this.renderPanelToggle('bar-toggle')}
        </div>
        <div class="area-conversation">
          <chat-conversation
            part="conversation"
            exportparts="header: conversation-header, log, jump-latest, composer, read-only-note, unsent-reply, transfer-offer, notices: conversation-notices, notice: conversation-notice, empty: conversation-empty"
          ></chat-conversation>
        </div>
        <chat-person-panel
          class="area-panel"
          id="person-panel"
          part="person-panel"
          exportparts="card: person-panel-card, person-card, candidates, search: person-search, form: person-form, transcript, empty: person-panel-empty"
          tabindex="-1"
        ></chat-person-panel>
      </div>
    `;
  }

  private renderHeader(): TemplateResult {
    const queue = this.queueCount.value ?? 0;
    const handling = this.handlingCount.value ?? 0;
    const chatsBadge = this.chatsBadge.value ?? 0;
    const offered = this.offers.value?.length ?? 0;
    const tab = (id: ChatScreenTab, label: string, count: number) => {
      const selected = this.tab === id;
      return html`<button
        type="button"
        role="tab"
        id="tab-${id}"
        class="tab ${selected ? 'selected' : ''}"
        part="tab${selected ? ' selected' : ''}"
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls="panel-${id}"
        aria-describedby="tab-${id}-count"
        tabindex=${selected ? '0' : '-1'}
        @click=${() => this.selectTab(id)}
      >
        <span class="tab-label">${label}</span>
        <span class="badge ${count ? '' : 'zero'}" part="badge" aria-hidden="true">${count}</span>
      </button>`;
    };
    return html`<div class="header" part="header">
      <div class="tablist" role="tablist" part="tablist" aria-label=${msg('Chat screen')} @keydown=${this.onTabKey}>
        ${tab('dashboard', msg('Dashboard'), queue)} ${tab('chats', msg('Chats'), chatsBadge)}
      </div>
      <span id="tab-dashboard-count" hidden
        >${queue === 1 ? msg('1 customer waiting') : msg(str`${queue} customers waiting`)}</span
      >
      <span id="tab-chats-count" hidden
        >${handling === 1 ? msg('You are handling 1 chat') : msg(str`You are handling ${handling} chats`)}${offered > 0
          ? html`. ${offered === 1 ? msg('1 chat is being transferred to you') : msg(str`${offered} chats are being transferred to you`)}`
          : nothing}</span
      >
      <div class="spacer"></div>
      ${this.tab === 'chats' ? this.renderPanelToggle('header-toggle') : nothing}
      <slot name="header-actions"></slot>
      ${this.renderAgent()}
    </div>`;
  }

  /**
   * The "Person" button that shows or hides the person panel: `header-toggle` in the header
   * (the drawer, 720 to 900 px), `bar-toggle` in the pane bar (below 720 px). CSS shows at most one.
   */
  private renderPanelToggle(where: 'header-toggle' | 'bar-toggle'): TemplateResult {
    return html`<button
      type="button"
      class="btn panel-toggle ${where}"
      part="panel-toggle"
      aria-expanded=${this.panelOpen ? 'true' : 'false'}
      aria-controls="person-panel"
      title=${msg('Person')}
      @click=${this.onPanelToggle}
    >
      ${personIcon}<span class="panel-toggle-label">${msg('Person')}</span>
    </button>`;
  }

  /** The "Loading…" status over the open tab while its elements' code is fetched. */
  private renderTabLoading(): TemplateResult | typeof nothing {
    if (!this.fetching.length || this.unloaded.length) return nothing;
    return html`<div class="tab-loading" part="tab-loading" role="status">
      <span class="spinner" aria-hidden="true"></span>
      <span>${msg('Loading…')}</span>
    </div>`;
  }

  private renderAgent(): TemplateResult | typeof nothing {
    const agent = this.agent.value;
    if (!agent) return nothing;
    const present = agent.presence === 'present';
    return html`<div class="agent" part="agent">
      <span class="agent-avatar">
        ${renderAvatar(agent.name, 'small')}
        <span class="dot ${present ? 'present' : 'away'}" aria-hidden="true"></span>
      </span>
      <span class="agent-text">
        <bdi class="agent-name" title=${agent.name}>${agent.name}</bdi>
        <span class="presence-text">${present ? msg('Present') : msg('Away')}</span>
      </span>
      <button
        type="button"
        class="switch"
        part="presence"
        role="switch"
        aria-checked=${present ? 'true' : 'false'}
        aria-label=${msg('Present')}
        title=${present ? msg('Switch to Away') : msg('Switch to Present')}
        @click=${() => this.togglePresence(present)}
      >
        <span class="thumb"></span>
      </button>
    </div>`;
  }

  /**
   * The layout the container queries chose (the stylesheet sets `--_layout` on `.screen`): `wide`
   * (three areas), `drawer` (720 to 900 px, the person panel a drawer) or `narrow` (below 720 px,
   * one pane at a time).
   */
  private get layout(): 'wide' | 'drawer' | 'narrow' {
    const screen = this.screenElement;
    const value = screen ? getComputedStyle(screen).getPropertyValue('--_layout').trim() : '';
    return value === 'drawer' || value === 'narrow' ? value : 'wide';
  }

  /** The "Person" button shown now (none at full width). */
  private visibleToggle(): HTMLButtonElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.panel-toggle')].find((b) => b.getClientRects().length > 0);
  }

  /** "Person": shows or hides the person panel; the drawer (720 to 900 px) takes the focus when it opens, so Tab goes on inside it. */
  private onPanelToggle = (): void => {
    this.panelOpen = !this.panelOpen;
    if (this.panelOpen && this.layout === 'drawer') void this.updateComplete.then(() => this.personPanel?.focus());
  };

  private closePanel(focusToggle: boolean): void {
    this.panelOpen = false;
    if (focusToggle) void this.updateComplete.then(() => this.visibleToggle()?.focus());
  }

  /**
   * A chat chosen in the list (also the selected one again while only the list pane shows), or
   * taken with "Get next in queue": below 720 px its conversation shows.
   */
  private onSessionSelect = (): void => {
    const chosenOnRow = this.sessionList?.lastSelectedVia !== 'queue';
    this.pane = 'conversation';
    this.panelOpen = false;
    this.focusOpenedChat(chosenOnRow ? 'row' : 'queue');
  };

  /**
   * Where focus goes after a chat opened, by how it opened: `row` (chosen in the list), `queue`
   * ("Get next in queue") or `outside` (answered on the dashboard, selected by the host).
   *
   * A chosen row: below 720 px (one pane) "Back to chats" of the conversation pane that now shows;
   * wider, the row keeps the focus. After "Get next in queue" or "Answer" the agent writes next,
   * at every width, so the chat's composer gets it (when the agent cannot write in it: "Back to
   * chats" below 720 px, its row wider) — but only when focus is still on the list or was lost
   * (see {@link focusLost}): focus the agent has put elsewhere meanwhile (a composer they type in,
   * a host control) stays where it is. (Below 720 px "Back to chats" after Answer took the agent's
   * first typed space as a press and left the chat.)
   */
  private focusOpenedChat(how: 'row' | 'queue' | 'outside'): void {
    void this.updateComplete.then(async () => {
      const narrow = this.layout === 'narrow';
      if (how === 'row') {
        if (narrow) this.backButton?.focus();
        return; // wider, focus is already on its row
      }
      const selected = this.selectedId.value;
      if (!selected) return;
      const mayMove = () =>
        this.selectedId.value === selected && (this.focusLost() || (how === 'queue' && this.focusInside(this.sessionList)));
      await customElements.whenDefined('chat-conversation');
      const conversation = this.renderRoot.querySelector<ChatConversation>('chat-conversation');
      if (!mayMove()) return;
      // Focus first, then check the chat: the composer shows once the conversation has rendered it.
      if (await conversation?.focusComposer?.(selected)) return;
      // A chat being transferred to the agent (opened on the dashboard): its "Accept transfer".
      if (this.focusLost() && (await conversation?.focusTransferOffer?.(selected))) return;
      if (!this.focusLost() || this.selectedId.value !== selected) return;
      if (narrow) {
        this.backButton?.focus();
        return;
      }
      await customElements.whenDefined('chat-session-list');
      const list = this.sessionList;
      await list?.updateComplete;
      if (this.focusLost() && this.selectedId.value === selected) list?.focusSession?.(selected);
    });
  }

  /** The Chats tab's session list. */
  private get sessionList(): ChatSessionList | null {
    return this.renderRoot.querySelector<ChatSessionList>('chat-session-list');
  }

  /** Whether keyboard focus is inside `element` (one of this screen's parts). */
  private focusInside(element: Element | null): boolean {
    return !!element && (this.renderRoot as ShadowRoot).activeElement === element;
  }

  /**
   * Whether keyboard focus is nowhere useful: on the body, or on an element of this screen that
   * is no longer shown (the dashboard's "Answer" of a tab now hidden, a row of the list pane that
   * gave way to the conversation). Chromium moves focus off a hidden element only at its next
   * rendering, so the element itself is checked. Focus elsewhere on the page, or on something shown
   * here (the composer), is left alone.
   */
  private focusLost(): boolean {
    const active = document.activeElement;
    if (!active || active === document.body) return true;
    if ((this.getRootNode() as Document | ShadowRoot).activeElement !== this) return false;
    let deep: Element | null = active;
    while (deep?.shadowRoot?.activeElement) deep = deep.shadowRoot.activeElement;
    return !deep || deep.getClientRects().length === 0;
  }


  /** "Back to conversation" over the person panel; "Back to chats" over the conversation (focus on that chat's row). */
  private onBack = (): void => {
    if (this.panelOpen) {
      this.closePanel(true);
      return;
    }
    this.pane = 'list';
    const selected = this.selectedId.value;
    if (!selected) return;
    void this.updateComplete.then(() => {
      const list = this.renderRoot.querySelector<ChatSessionList>('chat-session-list');
      list?.focusSession?.(selected);
    });
  };

  private onScreenKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.panelOpen || this.layout === 'wide') return;
    event.preventDefault();
    this.closePanel(true);
  };

  private onDocumentPointerDown = (event: PointerEvent): void => {
    // Only the drawer closes on a click outside; below 720 px the panel is a pane of its own.
    if (!this.panelOpen || this.layout !== 'drawer') return;
    const path = event.composedPath();
    const toggle = this.visibleToggle();
    if ((this.personPanel && path.includes(this.personPanel)) || (toggle && path.includes(toggle))) return;
    this.closePanel(false);
  };

  private togglePresence(present: boolean): void {
    const service = this.service;
    if (service) void this.run(service.setPresence(present ? 'away' : 'present'));
  }

  private renderLoading(): TemplateResult {
    return html`<div class="state" part="loading" role="status">
      <span class="spinner" aria-hidden="true"></span>
      <span>${msg('Loading chats…')}</span>
    </div>`;
  }

  /**
   * The chats could not be loaded: the service's first load failed, or (`retry`) the screen could
   * not build its service (e.g. the demo backend's code could not be fetched). A sentence by the
   * error's code, the adapter's message as secondary detail, and "Try again" (the service's
   * `reload()`, or building the service again).
   */
  private renderError(error = this.loadError.value, retry = false): TemplateResult {
    const again = () => {
      if (retry) this.serviceHost.retry();
      else if (this.service) void this.run(this.service.reload());
    };
    return html`<div class="state error" part="error" role="alert">
      <p class="state-title">${msg('The chats could not be loaded')}</p>
      <p class="state-text">${loadFailureText(retry ? 'network' : error?.code)}</p>
      ${!retry && error?.message
        ? html`<details class="state-detail" part="error-detail">
            <summary>${msg('Details')}</summary>
            <p>${error.message}</p>
          </details>`
        : nothing}
      <button type="button" class="btn" @click=${again}>${msg('Try again')}</button>
    </div>`;
  }

  private selectTab(tab: ChatScreenTab, focus = false): void {
    this.tab = tab;
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
    }
  }

  private onTabKey = (event: KeyboardEvent): void => {
    const index = TABS.indexOf(this.tab);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (index + 1) % TABS.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + TABS.length) % TABS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = TABS.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.selectTab(TABS[next]!, true);
  };
}
