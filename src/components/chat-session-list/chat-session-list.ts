import { localized, msg, str } from '@lit/localize';
import { type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatSession } from '../../model/session.js';
import { tokens } from '../../styles/tokens.js';
import { ChatElement } from '../base/chat-element.js';
import { noticeStyles, renderArrival, renderNotices } from '../notice-region/notice-region.js';
import { avatarStyles } from '../shared/avatar.js';
import { LazyPart, loadFailureStyles, renderLoadFailure } from '../shared/lazy-part.js';
import { loadFailureText } from '../shared/load-failure.js';
import { singleAction } from '../shared/single-action.js';
import { softDisabled } from '../shared/soft-disabled.js';
import { FocusKeeper, nearest } from '../../controllers/focus-keeper.js';
import { TypeAhead } from '../../service/type-ahead.js';
import { chatIcon, queueIcon } from './list-icons.js';

/** Groups with more rows than this are virtualized. */
const VIRTUALIZE_FROM = 60;

/**
 * The on-demand part of `<chat-session-list>`: `<chat-virtual-rows>` (the virtualizer of long
 * groups) in a lazily imported module (a separate chunk of the CDN build), loaded only when a group
 * has more than 60 rows, so a list of short groups never carries the virtualizer.
 *
 * Not part of the public API: tests replace the loader to see what happens when the chunk fails.
 */
export const sessionListParts = {
  /** Defines `<chat-virtual-rows>`. */
  virtualRows: () => import('./chat-virtual-rows.define.js'),
};

import { styles } from './chat-session-list.styles.js';

/**
 * The agent's chats: ongoing sessions (including chats being transferred to the agent) and the
 * chats that ended or were missed in the last 8 hours, with the queue count and a
 * "Get next in queue" button. Selecting a row shows that chat in the conversation and person panel.
 *
 * Keyboard: the list is a listbox "Chat sessions"; Tab enters it on the selected (or first) row,
 * Arrow Up / Down, Home and End move between rows, Enter or Space selects (the chat already
 * selected stays as it is: no event). Typing a customer's first letters moves to the next row of
 * that customer (type-ahead; a Space right after a letter belongs to the search).
 *
 * Long lists stay fast: long groups (over 60 rows) are virtualized (only rows near the viewport are in the DOM;
 * keyboard moves scroll other rows in first; the virtualizer is loaded with the first long group,
 * which shows its first 60 rows meanwhile), and each row is its own `<chat-session-row>` that
 * re-renders only when its session changes, so one new message re-renders one row.
 *
 * @summary The agent's ongoing and recent chat sessions, with the queue and "Get next in queue".
 * @tag chat-session-list
 *
 * @slot empty - Replaces the sentence shown when the agent has no chats (only once the chats have loaded).
 *
 * @csspart header - The top area with the queue count and the "Get next in queue" button.
 * @csspart queue-count - The "3 waiting" text (empty until the chats have loaded: the queue is not known then).
 * @csspart take-next - The "Get next in queue" button (`aria-disabled="true"` while the queue is empty or not known yet, or a take is under way: it keeps the focus, and the reason shows below it).
 * @csspart list - The listbox of sessions.
 * @csspart session - One session row (also `session selected`, `session ended`).
 * @csspart empty - The empty state (also why the chats could not be loaded, with "Try again", after a failed first load).
 * @csspart notices - The notice region.
 * @csspart notice - One notice.
 *
 * @cssprop [--chat-session-list-row-height=auto] - Minimum height of a session row.
 * @cssprop [--chat-color-accent=light-dark(#2357d8, #7aa2ff)] - Selected row marker, buttons and badges.
 *
 * @fires {CustomEvent<{ sessionId: string }>} chat-session-select - The agent selected a session (a row, or a chat taken with "Get next in queue").
 */
@localized()
export class ChatSessionList extends ChatElement {
  static override styles = [tokens, avatarStyles, noticeStyles, loadFailureStyles, styles];

  private readonly sessions = this.observe(() => this.service?.mySessions$);
  private readonly queueCount = this.observe(() => this.service?.queueCount$);
  /** Whether the queue is known (the chats have loaded); until then no count or "empty" is shown. */
  private readonly known = this.observe(() => this.service?.countsKnown$);
  private readonly selectedId = this.observe(() => this.service?.selectedSessionId$);
  private readonly notices = this.observe(() => this.service?.notices$);
  /** The newest chat that entered the queue (announced; the list shows only the queue's count). */
  private readonly arrival = this.observe(() => this.service?.incoming$);
  private readonly channels = this.observe(() => this.service?.select((s) => s.channels));
  private readonly agents = this.observe(() => this.service?.select((s) => s.agents));
  private readonly agentId = this.observe(() => this.service?.select((s) => s.agentId));
  private readonly status = this.observe(() => this.service?.select((s) => s.status));
  private readonly loadError = this.observe(() => this.service?.select((s) => s.loadError));

  /** `<chat-virtual-rows>`, loaded when a group first has more than {@link VIRTUALIZE_FROM} rows. */
  private readonly virtualRows = new LazyPart(this, () => sessionListParts.virtualRows().then(() => true));

  /**
   * Focus stays in the list when the row the agent is on goes (its chat left the last 8 hours):
   * the next row (else the previous one) takes it. "Get next in queue" stays focusable when it
   * turns off (see `softDisabled`). "Try again" of a failed load places the focus itself.
   */
  protected readonly focusKeeper = new FocusKeeper(this, (loss) =>
    loss.element.matches('.row') ? nearest(loss, this.renderRoot as ShadowRoot, '.row') : null,
  );

  /** The row that holds the roving tab stop (keyboard focus target). */
  @state() private focusId: string | null = null;
  /** Whether "Get next in queue" is running. */
  @state() private taking = false;

  /**
   * How the chat of the last `chat-session-select` this list fired was chosen: `'row'` (a row
   * clicked or chosen with the keyboard) or `'queue'` ("Get next in queue"); `null` before the
   * first. Read it in a `chat-session-select` listener (`<chat-screen>` puts focus by it).
   */
  get lastSelectedVia(): 'row' | 'queue' | null {
    return this.selectedVia;
  }
  private selectedVia: 'row' | 'queue' | null = null;

  private pendingFocus = false;
  private readonly typeAhead = new TypeAhead();

  /**
   * Whether choosing the chat that is already selected fires `chat-session-select` again (it is
   * not selected again in the service). Default `false`: choosing it changes nothing.
   * `<chat-screen>` sets it while only its list pane shows (below 720 px), where choosing the
   * selected chat opens its conversation.
   */
  @property({ attribute: false }) reopenSelected = false;

  override render(): TemplateResult {
    if (!this.service) return this.renderNoService();
    const active = this.sessions.value?.active ?? [];
    const recent = this.sessions.value?.recent ?? [];
    const failed = this.status.value === 'error';
    const loading = !failed && this.known.value !== true;
    return html`
      ${this.renderHeader()}
      ${this.renderArrival()}
      <div class="notice-area">${renderNotices(this.notices.value, (id) => this.service?.dismissNotice(id), ['taken', 'already-taken', 'queue-empty', 'not-permitted', 'network', 'timeout', 'disconnected', 'not-found', 'invalid-state', 'unknown'])}${renderLoadFailure([this.virtualRows], this.focusLongGroup)}</div>
      <div class="scroll">
        ${active.length || recent.length
          ? this.renderList(active, recent)
          : failed
            ? html`<div class="empty" part="empty" role="alert">
                <p class="empty-title" id="list-state">${msg('The chats could not be loaded')}</p>
                <p class="empty-text">${loadFailureText(this.loadError.value?.code)}</p>
                <button type="button" class="btn" @click=${() => void this.run(this.service!.reload())}>${msg('Try again')}</button>
              </div>`
            : loading
              ? // Not the host's empty slot: nothing is known to be empty yet.
                html`<div class="empty" part="empty">
                  <p class="empty-title" id="list-state">${msg('Loading chats…')}</p>
                </div>`
              : html`<div class="empty" part="empty">
                  ${chatIcon}
                  <slot name="empty">
                    <p class="empty-title">${msg('No chats yet')}</p>
                    <p class="empty-text">
                      ${msg('Chats you answer appear here. Press "Get next in queue" to help the customer who has waited longest.')}
                    </p>
                  </slot>
                </div>`}
      </div>
    `;
  }

  private renderHeader(): TemplateResult {
    // Until the chats have loaded the queue is unknown, not empty: no count and no "queue is
    // empty" reason; the disabled button points at the loading or failure state below.
    const known = this.known.value === true;
    const count = this.queueCount.value ?? 0;
    const empty = count === 0;
    return html`<div class="header" part="header">
      <div class="queue">
        <span class="queue-icon ${!known || empty ? '' : 'busy'}">${queueIcon}</span>
        <span class="queue-count" part="queue-count">
          ${!known ? nothing : empty ? msg('No customers waiting') : msg(str`${count} waiting`)}
        </span>
      </div>
      <button
        type="button"
        class="btn primary take-next"
        part="take-next"
        ${softDisabled(!known || empty || this.taking)}
        aria-describedby=${!known ? 'list-state' : empty ? 'take-next-reason' : nothing}
        @click=${this.onTakeNextClick}
      >
        ${msg('Get next in queue')}
      </button>
      ${known && empty
        ? html`<p class="reason" id="take-next-reason">${msg('The queue is empty: there is no customer to take.')}</p>`
        : nothing}
    </div>`;
  }

  private renderList(active: readonly ChatSession[], recent: readonly ChatSession[]): TemplateResult {
    const focusId = this.rovingId(active, recent);
    return html`<div
      class="list"
      part="list"
      role="listbox"
      aria-label=${msg('Chat sessions')}
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
    >
      <div class="group" role="group" aria-labelledby="group-ongoing">
        <div class="group-label" id="group-ongoing" role="presentation">
          <span>${msg('Ongoing')}</span><span class="group-count">${active.length}</span>
        </div>
        ${this.renderRows(active, focusId)}
        ${active.length ? nothing : html`<div class="group-empty" role="presentation">${msg('No ongoing chats')}</div>`}
      </div>
      ${recent.length
        ? html`<div class="group" role="group" aria-labelledby="group-recent">
            <div class="group-label" id="group-recent" role="presentation">
              <span>${msg('Recent')}</span><span class="group-hint">${msg('last 8 hours')}</span>
            </div>
            ${this.renderRows(recent, focusId)}
          </div>`
        : nothing}
    </div>`;
  }

  /**
   * The rows of one group; above {@link VIRTUALIZE_FROM} rows virtualized (only rows near the
   * viewport of the scrolling list are in the DOM). Each row is a `<chat-session-row>` that
   * re-renders only when its own inputs change.
   */
  private renderRows(sessions: readonly ChatSession[], focusId: string | null): TemplateResult | typeof nothing {
    if (!sessions.length) return nothing;
    const selectedId = this.selectedId.value;
    const me = this.agentId.value ?? null;
    const display = this.display;
    const channels = this.channels.value;
    const agents = this.agents.value;
    // Screen readers count only the options in the DOM, and a long group renders only the rows near
    // the viewport: every option says its group's size and its place in it (1-based).
    const setSize = sessions.length;
    const renderItem = (session: ChatSession | undefined, index: number): TemplateResult => {
      // The virtualizer may render its previous range once more after rows were removed.
      if (!session) return html`<div class="gap" aria-hidden="true"></div>`;
      const selected = session.id === selectedId;
      const ended = session.status === 'ended' || session.status === 'missed';
      const unread = session.agentId === me && session.unreadCount > 0;
      const transfer = session.transferTo;
      const other = transfer ? (transfer.toAgentId === me ? transfer.fromAgentId : transfer.toAgentId) : undefined;
      return html`<chat-session-row
        class="row ${selected ? 'selected' : ''} ${ended ? 'ended' : ''} ${unread ? 'unread' : ''}"
        part="session${selected ? ' selected' : ''}${ended ? ' ended' : ''}"
        role="option"
        id="session-${session.id}"
        data-id=${session.id}
        aria-selected=${selected ? 'true' : 'false'}
        aria-setsize=${setSize}
        aria-posinset=${index + 1}
        tabindex=${session.id === focusId ? '0' : '-1'}
        .session=${session}
        .me=${me}
        .channelName=${channels?.[session.channelId]?.name ?? ''}
        .transferAgentName=${other ? agents?.[other]?.name : undefined}
        .previewAgentName=${session.lastMessage?.agentId ? agents?.[session.lastMessage.agentId]?.name : undefined}
        .display=${display}
        @click=${() => this.select(session.id)}
      ></chat-session-row>`;
    };
    // Short lists render every row (at once, also while the list is hidden); long ones only
    // the rows near the viewport.
    if (sessions.length <= VIRTUALIZE_FROM) {
      return html`<div class="rows">${repeat(sessions, (session) => session.id, (session, index) => renderItem(session, index))}</div>`;
    }
    // The virtualizer is loaded with the first long group. Until it is there (or when it could not
    // be loaded: a notice then; the first render after it was dismissed tries again), the group
    // shows its first rows as a short group does.
    if (!this.virtualRows.value) {
      if (!this.virtualRows.failed) void this.virtualRows.get();
      return html`<div class="rows">${repeat(sessions.slice(0, VIRTUALIZE_FROM), (session) => session.id, (session, index) => renderItem(session, index))}</div>`;
    }
    return html`<chat-virtual-rows
      class="rows virtual"
      .items=${sessions}
      .keyFunction=${(session: ChatSession | undefined, index: number) => session?.id ?? `gap:${index}`}
      .renderItem=${renderItem}
    ></chat-virtual-rows>`;
  }

  /**
   * After "Try again" loaded the virtualizer: the notice and its focused button went, so (unless
   * the agent has focused something else meanwhile) focus the selected row if it is in the long
   * group, else that group's first row, once the group is virtualized.
   */
  /** The screen-reader announcement of a new waiting chat (while it still waits). */
  private renderArrival(): TemplateResult {
    const session = this.arrival.value;
    const waiting = session && this.service?.state.sessions[session.id]?.status === 'queued' ? session : undefined;
    return renderArrival(waiting, waiting ? this.channels.value?.[waiting.channelId]?.name : undefined);
  }

  private readonly focusLongGroup = (): void => {
    void this.updateComplete.then(() => {
      const lost = !document.activeElement || document.activeElement === document.body;
      const { active = [], recent = [] } = this.sessions.value ?? {};
      const group = [active, recent].find((g) => g.length > VIRTUALIZE_FROM);
      if (!lost || !group) return;
      const selected = this.selectedId.value;
      this.focusRow(group.some((s) => s.id === selected) ? selected! : group[0]!.id);
    });
  };

  /** The row id that holds the tab stop: the focused row, else the selected one, else the first. */
  private rovingId(active: readonly ChatSession[], recent: readonly ChatSession[]): string | null {
    const known = (id: string | null | undefined) => !!id && (active.some((s) => s.id === id) || recent.some((s) => s.id === id));
    if (known(this.focusId)) return this.focusId;
    const selected = this.selectedId.value;
    if (known(selected)) return selected!;
    return active[0]?.id ?? recent[0]?.id ?? null;
  }

  /** Ids of every row in list order (rendered or not). */
  private allIds(): string[] {
    const { active = [], recent = [] } = this.sessions.value ?? {};
    return [...active, ...recent].map((s) => s.id);
  }

  /** The rendered row element of a session, if it is in the DOM. */
  private rowElement(sessionId: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="option"][data-id="${CSS.escape(sessionId)}"]`);
  }

  /**
   * Move keyboard focus to the row of a session (it becomes the list's tab stop), scrolling it into
   * view; e.g. `<chat-screen>` returns focus to the chat the agent came back from. Does nothing
   * when the session is not in the list.
   * @param sessionId the session's id (`ChatSession.id`)
   */
  focusSession(sessionId: string): void {
    if (this.allIds().includes(sessionId)) this.focusRow(sessionId);
  }

  /**
   * Move keyboard focus to a row: scrolls a row that is not rendered into view first (through
   * the virtualizer of its group) and focuses it once rendered.
   */
  private focusRow(sessionId: string): void {
    this.focusId = sessionId;
    const row = this.rowElement(sessionId);
    if (row) {
      row.focus();
      row.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    this.pendingFocus = true;
    this.scrollTowards(sessionId);
    this.focusWhenRendered();
  }

  /**
   * Scroll a virtualized group towards a row that is not rendered: from the nearest rendered row
   * by the rows' average height. The group then renders rows there.
   */
  private scrollTowards(sessionId: string): void {
    const { active = [], recent = [] } = this.sessions.value ?? {};
    const group = active.some((s) => s.id === sessionId) ? active : recent;
    const index = group.findIndex((s) => s.id === sessionId);
    const groups = this.renderRoot.querySelectorAll<HTMLElement>('.rows');
    const host = group === active ? groups[0] : groups[groups.length - 1];
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroll');
    const rendered = host ? (Array.from(host.children) as HTMLElement[]) : [];
    if (!host || !scroller || !rendered.length || index < 0) return;
    const average = rendered.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0) / rendered.length;
    let nearest = rendered[0]!;
    let nearestIndex = group.findIndex((s) => s.id === nearest.dataset.id);
    for (const row of rendered) {
      const i = group.findIndex((s) => s.id === row.dataset.id);
      if (Math.abs(i - index) < Math.abs(nearestIndex - index)) [nearest, nearestIndex] = [row, i];
    }
    const rowTop = nearest.getBoundingClientRect().top + (index - nearestIndex) * average - scroller.getBoundingClientRect().top;
    scroller.scrollTop += rowTop < 0 ? rowTop : rowTop + average - scroller.clientHeight;
  }

  /**
   * Frames after a keyboard move to a row that was not rendered: focus it once its group has
   * rendered it, else scroll on towards it (at most a few frames).
   */
  private focusWhenRendered(tries = 8): void {
    requestAnimationFrame(() => {
      if (this.pendingFocus && this.focusMovedAway()) this.pendingFocus = false;
      if (!this.pendingFocus || !this.focusId) return;
      const row = this.rowElement(this.focusId);
      if (row) {
        this.pendingFocus = false;
        row.focus();
        row.scrollIntoView?.({ block: 'nearest' });
      } else if (tries > 0) {
        this.scrollTowards(this.focusId);
        this.focusWhenRendered(tries - 1);
      }
    });
  }

  /**
   * Whether the agent (or `<chat-screen>`, to the taken chat's composer) has put focus somewhere
   * outside the list since a row was to get it: a pending row focus then gives way.
   */
  private focusMovedAway(): boolean {
    const active = (this.getRootNode() as Document | ShadowRoot).activeElement;
    return !!active && active !== document.body && active !== this;
  }

  private onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (row?.dataset.id) this.focusId = row.dataset.id;
  };

  private onKeyDown = (event: KeyboardEvent): void => {
    const rows = this.allIds();
    if (!rows.length) return;
    const current = rows.findIndex((id) => id === this.focusId);
    let next = -1;
    if (this.isTypeAhead(event)) {
      // A printable key is never lost on a row: it searches the customers' names.
      event.preventDefault();
      const { active = [], recent = [] } = this.sessions.value ?? {};
      const names = [...active, ...recent].map((s) => s.customer.name || msg('Visitor'));
      next = this.typeAhead.find(event.key, event.timeStamp, names, current);
      if (next >= 0) this.focusRow(rows[next]!);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        next = current < 0 ? 0 : Math.min(rows.length - 1, current + 1);
        break;
      case 'ArrowUp':
        next = current < 0 ? 0 : Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = rows.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const id = rows[current];
        if (id) {
          event.preventDefault();
          this.select(id);
        }
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.focusRow(rows[next]!);
  };

  /**
   * The agent chose a row (click, Enter, Space). The chat already selected is not selected again
   * (no service call, no event: a Space typed on its row changes nothing), unless
   * {@link reopenSelected} asks for the event to show its conversation.
   */
  private select(sessionId: string): void {
    const service = this.service;
    if (!service) return;
    this.focusId = sessionId;
    if (service.state.selectedSessionId === sessionId) {
      this.selectedVia = 'row';
      if (this.reopenSelected) this.emit('chat-session-select', { sessionId });
      return;
    }
    try {
      service.selectSession(sessionId);
    } catch {
      return; // The session vanished meanwhile; the list re-renders without it.
    }
    this.selectedVia = 'row';
    this.emit('chat-session-select', { sessionId });
  }

  /** Whether a key on the list is a character for the type-ahead (a Space only while a search goes on). */
  private isTypeAhead(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || [...event.key].length !== 1) return false;
    return event.key !== ' ' || this.typeAhead.active(event.timeStamp);
  }

  /** "Get next in queue": one chat per click (the second click of a double-click is ignored). */
  private readonly onTakeNextClick = singleAction(() => this.onTakeNext());

  private onTakeNext = async (): Promise<void> => {
    const service = this.service;
    if (!service || this.taking) return;
    this.taking = true;
    const session = await this.run(service.takeNextInQueue());
    this.taking = false;
    if (session) {
      this.focusId = session.id;
      this.pendingFocus = this.matches(':focus-within');
      this.selectedVia = 'queue';
      this.emit('chat-session-select', { sessionId: session.id });
    }
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.pendingFocus && this.focusMovedAway()) this.pendingFocus = false;
    if (this.pendingFocus && this.focusId) {
      const row = this.rowElement(this.focusId);
      if (row) {
        this.pendingFocus = false;
        row.focus();
      }
    }
  }
}
