import { localized, msg, str } from '@lit/localize';
import { type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Observable, Subscription } from 'rxjs';
import { ChatBackendError, type ChatErrorCode } from '../../backend/errors.js';
import { type FocusLoss, FocusKeeper, nearest } from '../../controllers/focus-keeper.js';
import { NowController } from '../../controllers/now-controller.js';
import { formatDateTime, formatDuration, formatNumber, formatTime } from '../../i18n/format.js';
import type { ChatSession } from '../../model/session.js';
import { dashboardStatsOf } from '../../service/chat-service.js';
import type { ListenIn, ListenInView } from '../../service/listen-in.js';
import type { ChatState } from '../../service/state.js';
import { ongoingSessions, queuedSessions } from '../../service/selectors.js';
import { type DashboardStats, sameStats } from '../../service/stats.js';
import type { ChatWarning } from '../../service/warnings.js';
import { tokens } from '../../styles/tokens.js';
import { ChatElement } from '../base/chat-element.js';
import { warningIcon } from '../chat-session-list/icons.js';
import { noticeMessage, noticeStyles, renderArrival, renderNotices } from '../notice-region/notice-region.js';
import { ExpandedTexts } from '../message-text/expanded-texts.js';
import { plainPreview } from '../message-text/plain-preview.js';
import { avatarStyles, renderAvatar } from '../shared/avatar.js';
import { singleAction } from '../shared/single-action.js';
import { softDisabled } from '../shared/soft-disabled.js';
import { styles } from './chat-dashboard.styles.js';
import { LazyPart, adoptPartStyles, loadFailureStyles, renderLoadFailure } from '../shared/lazy-part.js';
import { AlertOptionsController } from './alert-options.js';
import { loadFailureText } from '../shared/load-failure.js';
import { keepTabInDialog } from '../shared/dialog-tab.js';

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const listConverter = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : undefined),
  toAttribute: (value: readonly string[] | undefined) => (value?.length ? value.join(' ') : null),
};

/**
 * The on-demand part of `<chat-dashboard>`: the listen-in dialog, in a lazily imported module (a
 * separate chunk of the CDN build), loaded when the agent points at or focuses a "Listen in"
 * button, or on its click.
 *
 * Not part of the public API: tests replace the loader to see what happens when the chunk fails.
 */
export const dashboardParts = {
  /** The listen-in dialog. */
  listen: () => import('./listen-in-dialog.js'),
};

/**
 * The chat dashboard: live figures for all or the selected channels (customers waiting, longest
 * and average wait, agents present per channel, ongoing chats, today's answered / missed / ended
 * chats, average time to answer and first response), the incoming chats nobody answered yet and
 * the ongoing chats of every agent.
 *
 * - **Channels**: the agent picks all channels or any subset; the choice is kept per agent by the
 *   service's selection storage and drives the figures and both lists.
 * - **Answer**: the "Answer" button (one Tab stop per waiting chat; it is described by the
 *   customer's name, the channel and the waiting time) or a double-click on the row takes the
 *   chat. When another agent was first, the row goes and a notice says so. The dashboard's first
 *   Tab stop, "Skip to incoming chats" (shown only while focused), leads past the channel, alert
 *   and figure stops to the "Incoming chats" heading; the next Tab is the first "Answer".
 * - **Focus**: when the row or "Listen in" button the agent is on goes (another agent answered the
 *   chat, the customer left, the chat ended), focus moves to the next such button (else the
 *   previous one, else the section's heading) and a polite live region says why.
 * - **Listen in**: on an ongoing chat of another agent, only for agents with the listen-in right on
 *   its channel, opens a live, read-only view in a modal dialog; the other agent is not told.
 *   A chat another agent is transferring to this agent is marked "Transfer to you" and offers
 *   **Open** instead (it selects the chat, where Accept transfer / Reject transfer show).
 *   Closing the dialog (Close or Escape) stops the live feed and returns focus to the button.
 * - **Warnings**: chats waiting or unanswered longer than their channel's limit are highlighted
 *   (present agents with the notify right only). The agent may opt in to a beep, desktop
 *   notifications and a count in the page title.
 *
 * Figures come from the service (`dashboardStats$`); waiting times and durations tick every second
 * on the service clock (display only).
 *
 * @summary Statistics, incoming chats (answer) and ongoing chats (listen in) of all or selected channels.
 * @tag chat-dashboard
 *
 * @slot incoming-empty - Replaces the sentence shown when nobody is waiting.
 * @slot ongoing-empty - Replaces the sentence shown when no chat is going on.
 *
 * @csspart skip-link - "Skip to incoming chats", the dashboard's first keyboard stop (shown only while focused).
 * @csspart toolbar - The row with the channel selection and the alert options.
 * @csspart channels - The channel selection (a group of checkboxes).
 * @csspart alerts - The alert options (sound, desktop notifications, count in the title).
 * @csspart load-state - Shown instead of the figures and lists until the chats have loaded: "Loading chats…", or why they could not be loaded with "Try again".
 * @csspart stats - The row of statistic cards.
 * @csspart stat - One statistic card.
 * @csspart incoming - The "Incoming chats" section.
 * @csspart incoming-row - One waiting chat (also `incoming-row warning` past the channel's limit).
 * @csspart answer - An "Answer" button.
 * @csspart ongoing - The "Ongoing chats" section.
 * @csspart listen-in - A "Listen in" button.
 * @csspart open-offer - An "Open" button on an ongoing chat being transferred to this agent.
 * @csspart listen-dialog - The read-only listen-in dialog.
 * @csspart notices - The notice region.
 * @csspart notice - One notice.
 *
 * @cssprop [--chat-dashboard-max-width=1200px] - Maximum width of the dashboard's content.
 * @cssprop [--chat-color-warning=light-dark(#b45309, #fbbf24)] - Colour of chats over the channel's limit.
 *
 * @fires {CustomEvent<{ sessionId: string }>} chat-session-select - The agent answered an incoming chat, or opened one being transferred to them ("Open"); it is now selected.
 */
@localized()
export class ChatDashboard extends ChatElement {
  static override styles = [tokens, avatarStyles, noticeStyles, loadFailureStyles, styles];

  /**
   * Only show these channels (ids), whatever the agent selected; hides the channel selection.
   * Attribute `channel-ids`: ids separated by spaces or commas. Default: the agent's selection.
   * The dashboard's warnings follow the same channels: highlights, the count in the page title,
   * the beep and desktop notifications. The host's `chat-warning` event (fired by the provider or
   * screen, which show no channels themselves) keeps following the agent's selection.
   */
  @property({ attribute: 'channel-ids', converter: listConverter }) channelIds?: string[];

  private readonly selection = this.observe(() => this.service?.channelSelection$);
  private readonly stats = this.observe<DashboardStats>(
    () => {
      const ids = this.channelIds;
      if (!this.service) return undefined;
      if (!ids?.length) return this.service.dashboardStats$;
      return this.service.select((s) => dashboardStatsOf({ ...s, channelSelection: ids }), sameStats);
    },
    () => [this.channelKey],
  );
  private readonly queue = this.observe<readonly ChatSession[]>(
    () => this.scoped((s, ids) => queuedSessions(s, ids)),
    () => [this.channelKey],
  );
  private readonly ongoing = this.observe<readonly ChatSession[]>(
    () => this.scoped((s, ids) => ongoingSessions(s, ids)),
    () => [this.channelKey],
  );
  private readonly warnings = this.observe(
    () => this.service?.warningsIn(this.channelIds?.length ? this.channelIds : null),
    () => [this.channelKey],
  );
  private readonly notices = this.observe(() => this.service?.notices$);
  /** Transfers offered to the agent: their ongoing rows offer "Open" instead of "Listen in". */
  private readonly offers = this.observe(() => this.service?.transferOffers$);
  /** Whether the chats have loaded (until then no figures or lists: they would read 0 / empty). */
  private readonly known = this.observe(() => this.service?.countsKnown$);
  private readonly status = this.observe(() => this.service?.select((s) => s.status));
  private readonly loadError = this.observe(() => this.service?.select((s) => s.loadError));
  /** The newest chat that entered the queue (announced when it is in this dashboard's channels). */
  private readonly arrival = this.observe(() => this.service?.incoming$);
  private readonly channels = this.observe(() => this.service?.select((s) => s.channels));
  private readonly agents = this.observe(() => this.service?.select((s) => s.agents));
  private readonly me = this.observe(() => this.service?.agent$);
  private readonly clock = new NowController(
    this,
    () => this.service?.now(),
    () => !!(this.queue.value?.length || this.ongoing.value?.length || this.listenView),
  );
  private readonly alerts = new AlertOptionsController(
    this,
    () => this.service,
    (warning) => this.warningText(warning),
    () => this.channelIds,
  );

  /** Ids of chats being answered right now (their buttons are busy). */
  /** The listen-in dialog: loaded on intent (pointer or focus on "Listen in") or on the click. */
  private readonly listenPart = new LazyPart(this, async () => {
    const part = await dashboardParts.listen();
    adoptPartStyles(this.renderRoot, ...part.listenDialogStyles);
    return part;
  });

  @state() private answering: ReadonlySet<string> = new Set();
  /** Why the control the agent was on went away (a polite live region), or empty. */
  @state() private focusNote = '';
  /** Focus stays in the dashboard when the row or button the agent is on goes with the state. */
  protected readonly focusKeeper = new FocusKeeper(this, (loss) => this.rescueFocus(loss));
  /** The live view of the chat the agent listens in on. */
  @state() private listenView: ListenInView | undefined;
  /** Why the last listen-in could not start (shown as an alert), or empty. */
  @state() private listenError = '';

  @query('dialog.listen') private listenDialog?: HTMLDialogElement | null;

  private listen: ListenIn | undefined;
  private listenSubscription: Subscription | undefined;
  private listenOpener: HTMLElement | undefined;
  /**
   * Long messages expanded in the listen-in dialog (collapsed again for the next listen-in). A
   * message expanded or collapsed does not scroll the log to its end: the text grows below where
   * the agent reads.
   */
  private readonly listenExpanded = new ExpandedTexts(() => {
    this.holdLog = true;
    this.requestUpdate();
    return this.updateComplete;
  });
  /** The next render keeps the listen-in log where it is (a message was expanded or collapsed). */
  private holdLog = false;
  /** The alert checkbox the agent changed last (focus returns there after "Try again" loads the alerts). */
  private alertChanged: HTMLElement | undefined;
  /** The listen-in whose dialog has been opened (see `updated`). */
  private shownListen: ListenIn | undefined;
  private followLog = true;

  private get channelKey(): string {
    return this.channelIds?.join(' ') ?? '';
  }

  /** A list selector over the channels in effect (the `channel-ids` attribute, else the agent's selection). */
  private scoped(
    pick: (state: ChatState, ids: readonly string[] | undefined) => ChatSession[],
  ): Observable<readonly ChatSession[]> | undefined {
    const fixed = this.channelIds?.length ? this.channelIds : undefined;
    return this.service?.select((s) => pick(s, fixed ?? s.channelSelection ?? undefined), sameList);
  }

  override disconnectedCallback(): void {
    this.stopListening();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A live view follows new messages unless the agent scrolled up to read.
    const log = this.renderRoot.querySelector<HTMLElement>('.listen-log');
    this.followLog = !this.holdLog && (!log || log.scrollHeight - log.scrollTop - log.clientHeight < 40);
    this.holdLog = false;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.listenDialog;
    // Open the dialog once per listen-in: a render between Close and the (queued) close event
    // must not open it again.
    if (dialog && this.listenView && this.shownListen !== this.listen) {
      this.shownListen = this.listen;
      dialog.addEventListener('keydown', keepTabInDialog);
      if (!dialog.open) dialog.showModal();
    }
    const log = this.renderRoot.querySelector<HTMLElement>('.listen-log');
    if (log && this.followLog) log.scrollTop = log.scrollHeight;
  }

  override render(): TemplateResult {
    if (!this.service) return this.renderNoService();
    const now = this.clock.now;
    const warnings = new Map<string, ChatWarning>((this.warnings.value ?? []).map((w) => [w.sessionId, w]));
    return html`<div class="content">
      <button type="button" class="btn primary skip-link" part="skip-link" @click=${this.skipToIncoming}>
        ${msg('Skip to incoming chats')}
      </button>
      ${this.renderArrival()}
      <div class="notice-area">
        ${renderNotices(this.notices.value, (id) => this.service?.dismissNotice(id), [
          'taken',
          'already-taken',
          'not-permitted',
          'network',
          'timeout',
          'disconnected',
          'not-found',
          'invalid-state',
          'unknown',
        ])}
      </div>
      <div class="toolbar" part="toolbar">${this.renderChannelPicker()} ${this.renderAlertOptions()}</div>
      ${this.known.value === true
        ? html`${this.renderStats(now)} ${this.renderIncoming(now, warnings)} ${this.renderOngoing(now, warnings)}`
        : this.renderUnknown()}
      ${this.renderListenDialog()}
    </div>`;
  }

  // ------------------------------------------------------------ channels and alerts

  private renderChannelPicker(): TemplateResult | typeof nothing {
    if (this.channelIds?.length) return nothing;
    const channels = Object.values(this.channels.value ?? {});
    if (!channels.length) return nothing;
    const selected = this.selection.value ?? null;
    const isOn = (id: string) => selected === null || selected.includes(id);
    return html`<fieldset class="channels" part="channels">
      <legend>${msg('Channels')}</legend>
      <label class="check">
        <input
          type="checkbox"
          .checked=${selected === null}
          ?disabled=${selected === null}
          @change=${() => this.service?.setChannelSelection(null)}
        />
        ${msg('All channels')}
      </label>
      ${channels.map(
        (c) => html`<label class="check">
          <input
            type="checkbox"
            .checked=${isOn(c.id)}
            ?disabled=${selected?.length === 1 && selected[0] === c.id}
            @change=${(e: Event) => this.onChannelToggle(c.id, (e.target as HTMLInputElement).checked)}
          />
          ${c.name}
        </label>`,
      )}
    </fieldset>`;
  }

  private onChannelToggle(channelId: string, on: boolean): void {
    const service = this.service;
    if (!service) return;
    const all = Object.keys(this.channels.value ?? {});
    const current = this.selection.value ?? all;
    const next = on ? [...current, channelId] : current.filter((id) => id !== channelId);
    if (next.length) service.setChannelSelection(next);
  }

  private renderAlertOptions(): TemplateResult {
    const desktop = this.alerts.desktop;
    // Why desktop notifications cannot be turned on: shown as text (not a tooltip) and tied to the checkbox.
    const desktopReason =
      desktop === 'denied'
        ? msg('The browser blocks notifications from this page')
        : desktop === 'unsupported'
          ? msg('This browser cannot show desktop notifications')
          : undefined;
    return html`<fieldset class="alerts" part="alerts" @change=${(e: Event) => (this.alertChanged = e.target as HTMLElement)}>
      <legend>${msg('Alerts')}</legend>
      <label class="check">
        <input type="checkbox" .checked=${this.alerts.sound} @change=${(e: Event) => this.alerts.setSound((e.target as HTMLInputElement).checked)} />
        ${msg('Sound')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          .checked=${live(desktop === 'on')}
          ?disabled=${!!desktopReason}
          aria-describedby=${desktopReason ? 'desktop-reason' : nothing}
          @change=${(e: Event) => void this.alerts.setDesktop((e.target as HTMLInputElement).checked)}
        />
        ${msg('Desktop notifications')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this.alerts.titleCount}
          @change=${(e: Event) => this.alerts.setTitleCount((e.target as HTMLInputElement).checked)}
        />
        ${msg('Count in page title')}
      </label>
      ${desktopReason ? html`<p class="option-reason" id="desktop-reason">${desktopReason}</p>` : nothing}
    </fieldset>${renderLoadFailure([this.alerts.effects], () =>
      // After "Try again" the notice (and its focused button) goes: back to the alert last changed.
      this.alertChanged?.isConnected ? this.alertChanged : this.renderRoot.querySelector<HTMLElement>('.alerts input:not(:disabled)'),
    )}`;
  }

  private warningText(warning: ChatWarning): { title: string; body: string } {
    const session = this.service?.state.sessions[warning.sessionId];
    const name = session?.customer.name || msg('Visitor');
    const channel = this.channels.value?.[warning.channelId]?.name ?? warning.channelId;
    const minutes = warning.limitMinutes;
    return warning.kind === 'waiting'
      ? { title: msg(str`${name} is waiting`), body: msg(str`Waiting longer than ${minutes} min in ${channel}`) }
      : { title: msg(str`${name} is waiting for an answer`), body: msg(str`No answer for longer than ${minutes} min in ${channel}`) };
  }

  /**
   * Until the chats have loaded nothing is known: no figures (zeros would be false) and no "No
   * customers waiting", only the loading state or why loading failed with "Try again".
   */
  private renderUnknown(): TemplateResult {
    const error = this.loadError.value;
    if (this.status.value !== 'error') {
      return html`<div class="empty load-state" part="load-state"><p>${msg('Loading chats…')}</p></div>`;
    }
    return html`<div class="empty load-state" part="load-state" role="alert">
      <p class="load-state-title">${msg('The chats could not be loaded')}</p>
      <p>${loadFailureText(error?.code)}</p>
      <button type="button" class="btn" @click=${() => void this.run(this.service!.reload())}>${msg('Try again')}</button>
    </div>`;
  }

  // ------------------------------------------------------------ statistics

  private renderStats(now: number): TemplateResult {
    const stats = this.stats.value;
    const d = this.display;
    const waiting = stats?.waiting ?? 0;
    // The figures were computed at the service's last change; the waits have grown since.
    const elapsed = stats && waiting ? Math.max(0, now - stats.at) : 0;
    const duration = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : formatDuration(ms, d));
    const count = (n: number | undefined) => formatNumber(n ?? 0, d);
    const chats = (n: number | undefined) => ((n ?? 0) === 1 ? msg('chat') : msg('chats'));
    const channelNames = this.channels.value ?? {};
    const perChannel = (stats?.presentByChannel ?? []).map((c) => `${channelNames[c.channelId]?.name ?? c.channelId} ${formatNumber(c.present, d)}`);
    const perChannelText = perChannel.length > 1 ? new Intl.ListFormat(d.locale, { type: 'unit', style: 'short' }).format(perChannel) : '';
    const card = (id: string, label: string, value: string, unit: string, tip: string, tone = '') =>
      html`<div class="stat ${tone}" part="stat" tabindex="0" aria-describedby="tip-${id}">
        <dt>${label}</dt>
        <dd>
          <span class="stat-value">${value}</span>
          <span class="stat-unit">${unit}</span>
          <span class="tip" role="tooltip" id="tip-${id}">${tip}</span>
        </dd>
      </div>`;
    return html`<dl class="stats" part="stats" aria-label=${msg('Chat statistics')}>
      ${card(
        'waiting',
        msg('Waiting in queue'),
        count(waiting),
        waiting === 1 ? msg('customer') : msg('customers'),
        msg('Customers in the queue of the selected channels right now, not yet answered by any agent.'),
        waiting ? 'busy' : '',
      )}
      ${card(
        'longest',
        msg('Longest wait'),
        waiting ? duration((stats?.longestWaitMs ?? 0) + elapsed) : '–',
        msg('in the queue now'),
        msg('How long the customer who has waited longest has been in the queue.'),
      )}
      ${card(
        'average',
        msg('Average wait'),
        waiting ? duration((stats?.averageWaitMs ?? 0) + elapsed) : '–',
        msg('in the queue now'),
        msg('The waiting times of everyone in the queue now, added up and divided by the number of customers waiting.'),
      )}
      ${card(
        'present',
        msg('Agents present'),
        count(stats?.agentsPresent),
        perChannelText || msg('can answer chats'),
        msg('Agents set to Present who may answer chats in at least one selected channel; per channel after the number.'),
      )}
      ${card(
        'ongoing',
        msg('Ongoing chats'),
        count(stats?.ongoing),
        msg('all agents'),
        msg('Chats an agent has answered that have not ended yet.'),
      )}
      ${card(
        'answered',
        msg('Answered today'),
        count(stats?.answeredToday),
        chats(stats?.answeredToday),
        msg('Chats an agent picked up since midnight in your time zone.'),
      )}
      ${card(
        'missed',
        msg('Missed today'),
        count(stats?.missedToday),
        chats(stats?.missedToday),
        msg('Customers who left the queue before an agent answered, since midnight in your time zone.'),
        stats?.missedToday ? 'alert' : '',
      )}
      ${card(
        'ended',
        msg('Ended today'),
        count(stats?.endedToday),
        chats(stats?.endedToday),
        msg('Answered chats that ended since midnight in your time zone.'),
      )}
      ${card(
        'answer-time',
        msg('Average time to answer'),
        duration(stats?.averageAnswerMs),
        msg('today'),
        msg('From entering the queue until an agent answered, averaged over the chats answered today.'),
      )}
      ${card(
        'first-response',
        msg('Average first response'),
        duration(stats?.averageFirstResponseMs),
        msg('today'),
        msg("From answering until the agent's first own message (the automatic welcome message does not count), averaged over today's chats."),
      )}
    </dl>`;
  }

  // ------------------------------------------------------------ incoming

  /** The screen-reader announcement of a new waiting chat, when this dashboard lists it. */
  private renderArrival(): TemplateResult {
    const session = this.arrival.value;
    const shown = session && this.queue.value?.some((s) => s.id === session.id) ? session : undefined;
    return renderArrival(shown, shown ? this.channels.value?.[shown.channelId]?.name : undefined);
  }

  /**
   * "Skip to incoming chats" (the first stop of the dashboard, shown when focused): past the
   * channel, alert and statistics stops to the section's heading (the next Tab is the first
   * waiting chat's "Answer").
   */
  private readonly skipToIncoming = (): void => {
    const target = this.renderRoot.querySelector<HTMLElement>('#incoming-title');
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  };

  /**
   * Where focus goes when the "Answer" or "Listen in" the agent is on went with the state: the next
   * such button (the rows below move up), else the previous one, else the section's heading; the
   * polite live region says why when it was not the agent's own answer.
   */
  private rescueFocus(loss: FocusLoss): HTMLElement | null | undefined {
    const root = this.renderRoot as ShadowRoot;
    const kind = loss.element.matches('.answer') ? 'incoming' : loss.element.matches('[part="listen-in"]') ? 'ongoing' : undefined;
    // The other controls stay, or place the focus themselves ("Try again" of a failed load).
    if (!kind) return null;
    const id = loss.element.closest<HTMLElement>('[data-id]')?.dataset['id'];
    const session = id ? this.service?.state.sessions[id] : undefined;
    const name = session?.customer.name || msg('Visitor');
    const me = this.me.value?.id;
    let note = '';
    if (session?.status === 'missed') note = msg(str`${name} left the queue`);
    else if (session?.status === 'ended') note = msg(str`The chat with ${name} has ended`);
    else if (kind === 'incoming' && session?.agentId && session.agentId !== me) note = msg(str`${name} was answered by another agent`);
    // After this update (not within it); emptied first, so the same sentence twice in a row is
    // announced twice.
    void Promise.resolve()
      .then(() => {
        this.focusNote = '';
        return this.updateComplete;
      })
      .then(() => {
        if (note) this.focusNote = note;
      });
    const selector = kind === 'incoming' ? '.incoming-row .answer' : '.ongoing [part="listen-in"]';
    return nearest(loss, root, selector) ?? root.querySelector<HTMLElement>(kind === 'incoming' ? '#incoming-title' : '#ongoing-title') ?? undefined;
  }

  private renderIncoming(now: number, warnings: ReadonlyMap<string, ChatWarning>): TemplateResult {
    const queue = this.queue.value ?? [];
    return html`<section class="section" part="incoming" aria-labelledby="incoming-title">
      <header class="section-header">
        <h2 id="incoming-title" tabindex="-1">${msg('Incoming chats')}</h2>
        <span class="count ${queue.length ? 'busy' : ''}">${formatNumber(queue.length, this.display)}</span>
        <span class="section-hint">${queue.length ? msg('Double-click a chat or press its Answer button to answer it.') : nothing}</span>
      </header>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.focusNote}</div>
      ${queue.length
        ? html`<ul class="incoming">
            ${repeat(queue, (s) => s.id, (s) => this.renderIncomingRow(s, now, warnings.get(s.id)))}
          </ul>`
        : html`<div class="empty">
            <slot name="incoming-empty">${msg('No customers waiting. New chats appear here as they arrive.')}</slot>
          </div>`}
    </section>`;
  }

  private renderIncomingRow(session: ChatSession, now: number, warning: ChatWarning | undefined): TemplateResult {
    const name = session.customer.name || msg('Visitor');
    const channel = this.channels.value?.[session.channelId];
    const waitMs = now - Date.parse(session.createdAt);
    const late = !!warning;
    const busy = this.answering.has(session.id);
    const me = this.me.value;
    const canRespond = !me || !!me.rights[session.channelId]?.respond;
    const nameId = `incoming-name-${session.id}`;
    const channelId = `incoming-channel-${session.id}`;
    const waitId = `incoming-wait-${session.id}`;
    const reasonId = `incoming-reason-${session.id}`;
    // One line of plain text: markdown markers dropped, still bound as text.
    const preview = session.lastMessage ? plainPreview(session.lastMessage.text) : '';
    // Not a Tab stop of its own: its one stop is "Answer", described by the customer, the channel
    // and the waiting time (a double-click on the row is the mouse's shortcut).
    return html`<li
      class="incoming-row ${late ? 'late' : ''}"
      part="incoming-row${late ? ' warning' : ''}"
      data-id=${session.id}
      aria-describedby=${canRespond ? nothing : reasonId}
      @dblclick=${(e: MouseEvent) => this.onRowAnswer(e, session.id, canRespond)}
    >
      ${renderAvatar(name)}
      <div class="incoming-main">
        <div class="line">
          <bdi class="name" id=${nameId} title=${name}>${name}</bdi>
          <span class="channel" id=${channelId}>${channel?.name ?? session.channelId}</span>
        </div>
        ${session.lastMessage
          ? html`<p class="preview" dir="auto" title=${preview}>${preview}</p>`
          : html`<p class="preview muted">${msg('No message yet')}</p>`}
        ${canRespond ? nothing : html`<p class="no-right" id=${reasonId}>${msg('You have no right to answer chats in this channel')}</p>`}
      </div>
      <div class="wait ${late ? 'late' : ''}" id=${waitId} title=${formatDateTime(session.createdAt, this.display)}>
        ${late ? warningIcon : nothing}
        <span class="visually-hidden">${late ? msg(str`Waiting longer than ${warning.limitMinutes} min:`) : msg('Waiting')}</span>
        <span class="wait-value">${formatDuration(waitMs, this.display)}</span>
      </div>
      <button
        type="button"
        class="btn primary answer"
        part="answer"
        aria-describedby=${`${nameId} ${channelId} ${waitId}${canRespond ? '' : ` ${reasonId}`}`}
        ${softDisabled(busy || !canRespond)}
        @click=${singleAction(() => this.onAnswer(session.id))}
      >
        ${msg('Answer')}
      </button>
    </li>`;
  }

  private onRowAnswer(event: Event, sessionId: string, canRespond: boolean): void {
    // Only the row itself: the button handles its own clicks.
    if (!canRespond || (event.target as Element).closest('button')) return;
    event.preventDefault();
    void this.onAnswer(sessionId);
  }

  private async onAnswer(sessionId: string): Promise<void> {
    const service = this.service;
    if (!service || this.answering.has(sessionId)) return;
    this.answering = new Set([...this.answering, sessionId]);
    const session = await this.run(service.answer(sessionId));
    const rest = new Set(this.answering);
    rest.delete(sessionId);
    this.answering = rest;
    if (session) this.emit('chat-session-select', { sessionId: session.id });
  }

  // ------------------------------------------------------------ ongoing

  private renderOngoing(now: number, warnings: ReadonlyMap<string, ChatWarning>): TemplateResult {
    const ongoing = this.ongoing.value ?? [];
    const agents = this.agents.value ?? {};
    const myId = this.me.value?.id;
    const service = this.service;
    const offered = new Set((this.offers.value ?? []).map((o) => o.sessionId));
    return html`<section class="section" part="ongoing" aria-labelledby="ongoing-title">
      <header class="section-header">
        <h2 id="ongoing-title" tabindex="-1">${msg('Ongoing chats')}</h2>
        <span class="count">${formatNumber(ongoing.length, this.display)}</span>
      </header>
      ${this.renderListenNotices()}
      ${ongoing.length
        ? html`<div class="table-wrap">
            <table class="ongoing" aria-labelledby="ongoing-title">
              <thead>
                <tr>
                  <th scope="col">${msg('Customer')}</th>
                  <th scope="col">${msg('Agent')}</th>
                  <th scope="col">${msg('Channel')}</th>
                  <th scope="col" class="num">${msg('Duration')}</th>
                  <th scope="col" class="num">${msg('Last activity')}</th>
                  <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${repeat(ongoing, (s) => s.id, (s) => {
                  const name = s.customer.name || msg('Visitor');
                  const agentName = (s.agentId && agents[s.agentId]?.name) || msg('Unknown agent');
                  const last = s.lastMessage?.sentAt ?? s.answeredAt ?? s.createdAt;
                  const warning = warnings.get(s.id);
                  const nameId = `ongoing-name-${s.id}`;
                  return html`<tr data-id=${s.id} class=${warning ? 'late' : ''}>
                    <td>
                      <div class="cell-person">
                        ${renderAvatar(name, 'small')}<bdi class="name" id=${nameId} title=${name}>${name}</bdi>
                      </div>
                    </td>
                    <td>
                      <div class="cell-agent">
                        <bdi class="agent" title=${agentName}>${agentName}</bdi>
                        ${s.agentId === myId ? html`<span class="you">${msg('(you)')}</span>` : nothing}
                        ${offered.has(s.id) ? html`<span class="offer-tag">${msg('Transfer to you')}</span>` : nothing}
                      </div>
                    </td>
                    <td class="channel-cell">${this.channels.value?.[s.channelId]?.name ?? s.channelId}</td>
                    <td class="num" data-label=${msg('Duration')}>${formatDuration(now - Date.parse(s.answeredAt ?? s.createdAt), this.display)}</td>
                    <td class="num ${warning ? 'late' : ''}" data-label=${msg('Last activity')}>
                      ${warning
                        ? html`${warningIcon}<span class="visually-hidden"
                              >${msg(str`Customer waiting for an answer longer than ${warning.limitMinutes} min:`)}</span
                            >`
                        : nothing}
                      <time datetime=${last} title=${formatDateTime(last, this.display)}>${formatTime(last, this.display)}</time>
                    </td>
                    <td class="actions">
                      ${offered.has(s.id)
                        ? html`<button
                            type="button"
                            class="btn primary"
                            part="open-offer"
                            aria-describedby=${nameId}
                            @click=${() => this.onOpenOffer(s.id)}
                          >
                            ${msg('Open', { id: 'open-chat', desc: 'Button: open a chat (the Chats tab with that chat)' })}
                          </button>`
                        : service?.canListenIn(s.id)
                        ? html`<button
                            type="button"
                            class="btn"
                            part="listen-in"
                            aria-describedby=${nameId}
                            @pointerenter=${this.listenPart.preload}
                            @focus=${this.listenPart.preload}
                            @click=${(e: Event) => this.onListenIn(s.id, e.currentTarget as HTMLElement)}
                          >
                            ${msg('Listen in')}
                          </button>`
                        : nothing}
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
        : html`<div class="empty">
            <slot name="ongoing-empty">${msg('No chats are going on right now.')}</slot>
          </div>`}
    </section>`;
  }

  /**
   * "Open" on a chat another agent transfers to this agent: selects it (in `<chat-screen>` the
   * Chats tab then shows it with Accept transfer / Reject transfer) and fires `chat-session-select`.
   */
  private onOpenOffer(sessionId: string): void {
    const service = this.service;
    if (!service?.state.sessions[sessionId]) return;
    service.selectSession(sessionId);
    this.emit('chat-session-select', { sessionId });
  }

  // ------------------------------------------------------------ listen in

  /** @returns whether the feed started (its dialog then opens) */
  private async onListenIn(sessionId: string, opener: HTMLElement): Promise<boolean> {
    const service = this.service;
    if (!service) return false;
    this.stopListening();
    this.listenOpener = opener;
    this.listenError = '';
    // The dialog's code and the feed at once; without the dialog (its chunk could not be loaded:
    // a notice says so) the feed is stopped again, and the notice's "Try again" starts over once
    // the code is there (while the "Listen in" button is still shown).
    let failure: ChatErrorCode | undefined;
    const [part, listen] = await Promise.all([
      this.listenPart.get(),
      service.listenIn(sessionId).catch((error: unknown) => {
        failure = error instanceof ChatBackendError ? error.code : 'unknown';
        return undefined;
      }),
    ]);
    if (!listen) {
      // Why, by the error's code: no right (or no longer another agent's chat), or no connection.
      this.listenError =
        failure === 'not-permitted' || failure === undefined
          ? msg('You cannot listen in on this chat.')
          : noticeMessage({ code: failure });
      return false;
    }
    if (!part || !this.isConnected) {
      listen.stop();
      if (!part) this.listenPart.resumeAfterRetry(() => this.isConnected && opener.isConnected && this.onListenIn(sessionId, opener));
      return false;
    }
    this.listen = listen;
    this.listenSubscription = listen.view$.subscribe((view) => (this.listenView = view));
    return true;
  }

  private stopListening(): void {
    this.listenSubscription?.unsubscribe();
    this.listenSubscription = undefined;
    this.listen?.stop();
    this.listen = undefined;
    this.listenView = undefined;
    this.listenExpanded.clear();
  }

  private onListenClosed = (event: Event): void => {
    // The close event is queued: one that arrives after another listen-in opened belongs to the
    // previous dialog and must not end the new feed.
    if (event.target !== this.listenDialog || this.listenDialog?.open) return;
    this.stopListening();
    const opener = this.listenOpener;
    this.listenOpener = undefined;
    if (opener?.isConnected) opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('#ongoing-title')?.closest('section')?.focus();
  };

  /** Why listening in did not start, next to the "Listen in" buttons (in the ongoing chats). */
  private renderListenNotices(): TemplateResult {
    return html`${this.listenError ? html`<p class="listen-error" role="alert">${this.listenError}</p>` : nothing}${renderLoadFailure([this.listenPart], () => (this.listenOpener?.isConnected ? this.listenOpener : undefined))}`;
  }

  private renderListenDialog(): TemplateResult | typeof nothing {
    const view = this.listenView;
    const part = this.listenPart.value;
    if (!view || !part) return nothing;
    const session = view.session;
    return part.renderListenDialog({
      view,
      name: session?.customer.name || msg('Visitor'),
      agentName: (session?.agentId && this.agents.value?.[session.agentId]?.name) || msg('Unknown agent'),
      channel: session ? (this.channels.value?.[session.channelId]?.name ?? session.channelId) : '',
      display: this.display,
      expanded: this.listenExpanded,
      onClose: () => this.listenDialog?.close(),
      onClosed: this.onListenClosed,
    });
  }
}
