import { msg, str } from '@lit/localize';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { type ReactiveController, type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { type Ref, createRef, ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import { formatBytes, formatDateTime, formatDay, formatTime, dayKey } from '../../i18n/format.js';
import type { Agent } from '../../model/agent.js';
import type { Attachment, MessageView, SystemEvent } from '../../model/message.js';
import type { ChatSession } from '../../model/session.js';
import type { ChatService } from '../../service/chat-service.js';
import { type DisplaySettings, type SessionHistory, historyStatus } from '../../service/state.js';
import { noticeMessage } from '../notice-region/notice-region.js';
import { ExpandedTexts } from '../message-text/expanded-texts.js';
import { longTextStyles, renderLongText } from '../message-text/long-text.js';
import { messageTextStyles } from '../message-text/message-text.js';
import { type FileIconState, fileIcon, fileIconStyles } from './file-icon.js';
import { type HistoryPin, historyLayout } from './history-layout.js';

/** One row of the message log: a day separator or a message. */
export type LogRow =
  | { readonly type: 'day'; readonly key: string; readonly label: string }
  | { readonly type: 'message'; readonly key: string; readonly message: MessageView };


/** The first item of the log: the loading row, "Load earlier messages" or "Start of conversation". */
type StartRow = { readonly type: 'start'; readonly key: 'start' };
type HistoryItem = StartRow | LogRow;
const START: StartRow = { type: 'start', key: 'start' };

/** How close (px) to the bottom of the log counts as "at the bottom". */
const BOTTOM_SLACK = 32;
/** Scrolling up to within this many px of the top loads the previous page. */
const TOP_SLACK = 120;
/** Frames during which a kept message is held in place after older messages were added. */
const ANCHOR_FRAMES = 6;
/** Wheel turns or touch moves on the log closer together than this (ms, service clock) are one gesture of the agent's. */
const GESTURE_GAP_MS = 300;


/** What the message history reads from the element that shows it (called on each use). */
export interface MessageHistoryOptions {
  /** The chat service (commands: loadHistory, retrySend, discardFailed), or undefined. */
  service(): ChatService | undefined;
  /** The id of the shown session, or null. */
  sessionId(): string | null;
  /** The agent's locale and time zone. */
  display(): DisplaySettings;
  /** The known agents by id (for author names and system lines). */
  agents(): Readonly<Record<string, Agent>> | undefined;
  /** Run a service command for a user action (failures are already in service state). */
  run<T>(command: Promise<T> | (() => Promise<T> | T)): Promise<T | undefined>;
  /** Called after Retry: the Retry button goes away, so keyboard focus moves to the composer. */
  afterRetry(): void;
  /** Ask the host to render again (the pin or the "new messages" control changed). */
  requestUpdate(): void;
  /**
   * The log's frame (the `role="log"` scroller and what follows it), rendered by the host with the
   * same template while this part loads, so the log element stays the same one.
   */
  frame(frame: LogFrame): TemplateResult;
}

/** What the log's frame shows (see {@link MessageHistoryOptions.frame}). */
export interface LogFrame {
  /** The log's accessible name. */
  readonly label: string;
  /** Whether messages are loading (`aria-busy`). */
  readonly busy: boolean;
  /** The rows inside the log. */
  readonly content: unknown;
  /** What follows the log (the "N new messages" control), or `nothing`. */
  readonly after: unknown;
  /** Set to the log element. */
  readonly ref?: Ref<HTMLElement>;
  /** The log's `scroll` listener. */
  readonly onScroll?: (event: Event) => void;
  /** The virtualizer's `rangeChanged` and `visibilityChanged` listener. */
  readonly onLayout?: (event: Event) => void;
  /** The virtualizer's `unpinned` listener. */
  readonly onUnpinned?: (event: Event) => void;
  /**
   * The listener (passive) for the agent's own scrolling input on the log: `wheel`, `touchmove`,
   * `pointerdown` (the scrollbar) and `keydown` (scroll keys).
   */
  readonly onIntent?: { handleEvent(event: Event): void; passive: true };
}

/** Keys that scroll a focused scroller. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);
/** Keys that scroll a focused scroller up. */
const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

/**
 * The message history of `<chat-conversation>`: the live `role="log"` region with day
 * separators, messages, attachments and delivery state (Sending…, Failed with Retry / Delete),
 * plus its scroll behaviour (stays pinned to the bottom while the agent is at the bottom, keeps
 * the visible messages in place while older ones load).
 *
 * A reactive controller with a render method rather than an element, so the history shares the
 * conversation's shadow root, styles and parts (`log`). Holds no business rules: it renders the
 * service's `history$` and calls service commands.
 */
export class MessageHistoryController implements ReactiveController {
  private readonly logRef = createRef<HTMLElement>();
  /** Whether the log is scrolled to (near) the bottom; new messages then keep it there. */
  private pinned = true;
  /** Key of the newest message the agent saw before scrolling up (for "N new messages"). */
  private seenKey: string | undefined;
  /**
   * The message kept in place while older messages load: its row key and its offset (px) from
   * the top of the log. `phase` goes `waiting` (request under way) → `pin` (first layout with
   * the older messages: the virtualizer frames the row) → `hold` (the row is moved to its old
   * offset for a few frames while rows are measured).
   */
  private anchor: { key: string; offset: number; phase: 'waiting' | 'pin' | 'hold'; frames: number } | undefined;
  /** The log's scrollTop as last seen by the scroll listener. */
  private lastScrollTop = 0;
  /**
   * The log's scrollTop when a kept message's offset was last taken or restored (after the
   * virtualizer's own correction, see {@link afterLayout}): the log scrolling away from it before
   * the next layout pass is the agent's, and the kept message goes along with it instead of being
   * put back.
   */
  private keptScrollTop = 0;
  /**
   * While the agent has scrolled up (not pinned, no message held after a page): the message row
   * they read (the first whose top is in view) and its offset (px) from the top of the log. Rows
   * that change height late (an image that cannot load, text wrapping anew) do not move it: it is
   * put back after each layout pass, and moves with the agent's own scrolling only.
   */
  private reading: { key: string; offset: number } | undefined;
  /** Whether the virtualizer reported a scroll of the agent's since the log was last pinned. */
  private userScrolled = false;
  private shownId: string | null = null;
  private history: SessionHistory | undefined;
  private items: HistoryItem[] = [START];
  private itemsFor: readonly LogRow[] | undefined;
  /** Client ids of failed messages being retried: they keep their failed marker until confirmed. */
  private readonly retrying = new Set<string>();
  /**
   * Thumbnail URLs that could not be loaded: a row rendered again (scrolled back into view) hides
   * them from the start, rather than showing the image box and shrinking when it fails again.
   */
  private readonly failedThumbnails = new Set<string>();
  /** Long messages the agent expanded with "Show full message" (view state, this session). */
  private readonly expanded = new ExpandedTexts(() => this.opts.requestUpdate());
  private rowsCache: { items: readonly MessageView[]; zone: string | undefined; locale: string; now: number; rows: LogRow[] } | undefined;
  /**
   * The calendar day of each message in the time zone `zone` (message views are immutable, so a
   * new message costs one day computation, not one per loaded message).
   */
  private dayKeys: { zone: string | undefined; days: WeakMap<MessageView, string> } = { zone: undefined, days: new WeakMap() };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: MessageHistoryOptions,
  ) {
    host.addController(this);
  }

  /** The log element (the scroller), once rendered. */
  get logElement(): HTMLElement | undefined {
    return this.logRef.value;
  }

  /** Scroll to the bottom after the next update (e.g. the agent sent a message). */
  pin(): void {
    this.pinned = true;
    this.seenKey = undefined;
    this.anchor = undefined;
  }

  hostUpdate(): void {
    const id = this.opts.sessionId();
    if (id !== this.shownId) {
      this.shownId = id;
      this.pin();
      this.lastScrollTop = 0;
      this.retrying.clear();
      this.expanded.clear();
    }
  }

  /**
   * Render the history of `session`.
   * @param session the shown session (its customer names the log)
   * @param history the session's loaded history (service `history$`), undefined before the first value
   */
  render(session: ChatSession, history: SessionHistory | undefined): TemplateResult {
    this.history = history;
    this.pruneRetrying(history);
    const items = this.itemsOf(history);
    const anchor = this.anchor;
    if (history && !history.loading) this.startHeight = undefined;
    if (anchor?.phase === 'waiting' && history && !history.loading) {
      const log = this.logRef.value;
      if (history.error && log && startNearView(log)) {
        // The older page failed while the agent is at the top, where the loading row was: frame
        // the failure row (it replaces the loading row, often taller) at the top of the log, so
        // its reason and "Try again" are seen, instead of holding the first message in place and
        // pushing the failure row up out of view.
        this.anchor = { key: START.key, offset: 0, phase: 'pin', frames: 0 };
      } else {
        // The older page arrived (or failed with the agent elsewhere): hold the row where it is
        // now (the DOM still shows the old rows).
        anchor.phase = 'pin';
        const row = log?.querySelector<HTMLElement>(`[data-key="${CSS.escape(anchor.key)}"]`);
        if (log && row) anchor.offset = row.getBoundingClientRect().top - log.getBoundingClientRect().top;
      }
    }
    // While at the bottom the virtualizer keeps the newest row framed at the end (also when it
    // grows, e.g. an image loads); a kept message is framed at the start for one layout.
    let pin: HistoryPin | null | undefined;
    const held = this.anchor;
    if (held?.phase === 'pin') {
      const index = items.findIndex((item) => item.key === held.key);
      if (index >= 0) pin = { index, block: 'start' };
      else this.anchor = undefined;
    } else if (held?.phase === 'hold') {
      pin = null;
    } else if (this.pinned) {
      pin = { index: items.length - 1, block: 'end' };
      // The layout gets a fresh pin: only a later scroll of the agent's releases it.
      this.userScrolled = false;
    } else if (this.releasePin) {
      // The agent scrolled up while the virtualizer still took scrolls for its own corrections:
      // release its pin here, or its next layout pulls the log back to the bottom.
      pin = null;
      this.releasePin = false;
    }
    const fresh = this.pinned ? 0 : this.newCount(items);
    return this.opts.frame({
      label: msg(str`Conversation with ${session.customer.name}`),
      busy: !!history?.loading,
      ref: this.logRef,
      onScroll: this.onScroll,
      onLayout: this.onLayout,
      onUnpinned: this.onUnpinned,
      onIntent: this.onIntent,
      content: history?.loaded
        ? virtualize({
            items,
            // The virtualizer may render its previous range once more after rows were removed
            // (before it has laid out the new items): such slots get a placeholder.
            keyFunction: (item: HistoryItem | undefined, index: number) => item?.key ?? `gap:${index}`,
            renderItem: this.renderItem,
            scroller: true,
            layout: historyLayout(pin, this.layoutHooks),
          })
        : // Until the first page is there, only the loading row: the virtualizer starts with the
          // page (one layout pass on opening, not one for the loading row and one for the page).
          this.renderHistoryStart(history),
      after: fresh
        ? html`<button type="button" class="btn jump-latest" part="jump-latest" @click=${this.onJumpLatest}>
            <span class="jump-arrow" aria-hidden="true">↓</span>${fresh === 1 ? msg('1 new message') : msg(str`${fresh} new messages`)}
          </button>`
        : nothing,
    });
  }

  /** The start row and the log rows (memoised per rows array). */
  private itemsOf(history: SessionHistory | undefined): HistoryItem[] {
    const rows = this.rows(history?.items ?? []);
    if (rows !== this.itemsFor) {
      this.itemsFor = rows;
      this.items = [START, ...rows];
    }
    return this.items;
  }

  /** Messages after the newest one the agent saw before scrolling up. */
  private newCount(items: readonly HistoryItem[]): number {
    if (this.seenKey === undefined) {
      const last = lastMessageRow(items);
      this.seenKey = last?.key ?? '';
      return 0;
    }
    let count = 0;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (item.key === this.seenKey) return count;
      if (item.type === 'message' && item.message.kind !== 'system') count++;
    }
    return count;
  }

  /** Forget retries the backend has settled (confirmed or failed again). */
  private pruneRetrying(history: SessionHistory | undefined): void {
    if (!this.retrying.size) return;
    const items = history?.items ?? [];
    for (const clientId of this.retrying) {
      if (!items.some((m) => m.clientId === clientId && m.status === 'sending')) this.retrying.delete(clientId);
    }
  }

  private readonly renderItem = (item: HistoryItem | undefined): TemplateResult => {
    if (!item) return html`<div class="gap" aria-hidden="true"></div>`;
    if (item.type === 'start') return this.renderHistoryStart(this.history);
    return item.type === 'day' ? this.renderDay(item) : this.renderMessage(item);
  };

  private renderHistoryStart(history: SessionHistory | undefined): TemplateResult {
    const status = historyStatus(history);
    if (status === 'failed') {
      // The first page (nothing shown yet) or an older page failed: why, by the error's code, and
      // "Try again" (scrolling up to the top also tries an older page again).
      const older = !!history?.loaded;
      return html`<div class="history-start" data-key=${START.key}>
        <div class="load-failure" role="alert" data-error=${history!.error!.code}>
          <span>${older ? msg('Earlier messages could not be loaded.') : msg('The messages could not be loaded.')}
            ${noticeMessage({ code: history!.error!.code })}</span>
          <button type="button" class="btn small" @click=${older ? this.onLoadOlder : this.onRetryHistory}>${msg('Try again')}</button>
        </div>
      </div>`;
    }
    if (!history || status !== 'loaded') {
      // An older page loading keeps at least the height of the row it replaced (the failure row
      // of "Try again", "Load earlier messages"): the messages below do not move up meanwhile.
      const height = history?.loaded ? this.startHeight : undefined;
      return html`<div class="history-start" data-key=${START.key} style=${styleMap(height ? { minHeight: `${height}px` } : {})}>
        <span class="spinner" aria-hidden="true"></span>${history?.loaded ? msg('Loading earlier messages…') : msg('Loading messages…')}
      </div>`;
    }
    if (history.hasMore) {
      return html`<div class="history-start" data-key=${START.key}>
        <button type="button" class="btn ghost small" @click=${this.onLoadOlder}>${msg('Load earlier messages')}</button>
      </div>`;
    }
    return html`<div class="history-start muted" data-key=${START.key}>${msg('Start of conversation')}</div>`;
  }

  /** Day separators and messages, in time order (memoised per history, zone, locale and day). */
  private rows(items: readonly MessageView[]): LogRow[] {
    const display = this.opts.display();
    const now = this.opts.service()?.state.now ?? 0;
    const today = dayKey(now, display);
    const cache = this.rowsCache;
    if (
      cache &&
      cache.items === items &&
      cache.zone === display.timeZone &&
      cache.locale === display.locale &&
      dayKey(cache.now, display) === today
    ) {
      return cache.rows;
    }
    if (this.dayKeys.zone !== display.timeZone) this.dayKeys = { zone: display.timeZone, days: new WeakMap() };
    const days = this.dayKeys.days;
    const rows: LogRow[] = [];
    let lastDay = '';
    for (const message of items) {
      let day = days.get(message);
      if (day === undefined) {
        day = dayKey(message.sentAt, display);
        days.set(message, day);
      }
      if (day !== lastDay) {
        rows.push({ type: 'day', key: `day:${day}`, label: formatDay(message.sentAt, now, display) });
        lastDay = day;
      }
      rows.push({ type: 'message', key: `m:${message.clientId ?? message.id}`, message });
    }
    this.rowsCache = { items, zone: display.timeZone, locale: display.locale, now, rows };
    return rows;
  }

  private renderDay(row: LogRow & { type: 'day' }): TemplateResult {
    return html`<div class="day" role="separator" aria-label=${row.label} data-key=${row.key}>
      <span aria-hidden="true">${row.label}</span>
    </div>`;
  }

  private agentName(agentId: string | undefined): string {
    return agentId ? (this.opts.agents()?.[agentId]?.name ?? '') : '';
  }

  private renderMessage(row: LogRow & { type: 'message' }): TemplateResult {
    const m = row.message;
    const key = row.key;
    const display = this.opts.display();
    const time = html`<time datetime=${m.sentAt} title=${formatDateTime(m.sentAt, display)}>${formatTime(m.sentAt, display)}</time>`;
    if (m.kind === 'system') {
      return html`<div class="row system" data-message-id=${m.id} data-status=${m.status} data-key=${key}>
        <p class="system-line" title=${m.text}>
          <span>${this.systemLabel(m)}</span><span class="sep" aria-hidden="true">·</span>${time}
        </p>
      </div>`;
    }
    const side = m.kind === 'to-customer' ? 'agent' : 'customer';
    const author = m.authorName || this.agentName(m.agentId);
    const state = m.status === 'sending' && this.retrying.has(m.clientId ?? m.id) ? 'failed retrying' : m.status;
    return html`<div class="row ${side} ${state}" data-message-id=${m.id} data-status=${m.status} data-key=${key}>
      <article class="message">
        <div class="meta">
          <span class="author" title=${author}><bdi>${author}</bdi></span>
          ${time}
        </div>
        <div class="bubble">
          ${m.text ? this.renderBody(m) : nothing}
          ${m.attachments.length ? this.renderAttachments(m.attachments, fileStateOf(m)) : nothing}
        </div>
        ${this.renderDelivery(m)}
      </article>
    </div>`;
  }

  /**
   * A message's text; a long one (over LONG_TEXT_CHARS characters) shows its start with "Show full
   * message" until the agent expands it ("Show less" collapses it again).
   */
  private renderBody(m: MessageView): TemplateResult {
    return renderLongText(m.id, m.text, this.expanded, 'body');
  }

  /** A message's files, each with its icon (`state`: see {@link fileStateOf}), name and size. */
  private renderAttachments(attachments: readonly Attachment[], state: FileIconState): TemplateResult {
    const display = this.opts.display();
    return html`<ul class="attachments">
      ${attachments.map((a) => {
        const href = attachmentHref(a.url);
        const thumb = thumbnailSrc(a);
        const label = html`${thumb ? renderThumbnail(thumb, this.failedThumbnails) : nothing}${fileIcon(state)}<span class="file-name" title=${a.name}><bdi>${a.name}</bdi></span>
          <span class="file-size">${formatBytes(a.size, display)}</span>`;
        return html`<li>
          ${href
            ? html`<a class="file" href=${href} target="_blank" rel="noopener noreferrer" download=${a.name}>${label}</a>`
            : html`<span class="file">${label}</span>`}
        </li>`;
      })}
    </ul>`;
  }

  private renderDelivery(m: MessageView): TemplateResult | typeof nothing {
    const clientId = m.clientId ?? m.id;
    const retrying = m.status === 'sending' && this.retrying.has(clientId);
    if (m.status === 'sending' && !retrying) {
      return html`<div class="delivery sending">${msg('Sending…')}</div>`;
    }
    if (m.status === 'failed' || retrying) {
      // A retried message keeps its failed marker until the backend confirms it.
      const sessionId = m.sessionId;
      return html`<div class="delivery failed">
        <span class="failed-text" role="alert"
          ><span class="marker" aria-hidden="true">!</span>${m.errorCode === 'timeout'
            ? msg('Failed: no answer from the server')
            : msg('Failed: not delivered')}</span
        >
        <span class="delivery-actions">
          ${retrying
            ? html`<span class="retrying">${msg('Retrying…')}</span>`
            : html`<button type="button" class="btn small" @click=${() => this.onRetry(sessionId, clientId)}>${msg('Retry')}</button>
                <button type="button" class="btn small danger" @click=${() => this.onDiscard(sessionId, clientId)}>
                  ${msg('Delete')}
                </button>`}
        </span>
      </div>`;
    }
    return nothing;
  }

  /**
   * A transfer line, naming the receiving agent ("you" for the signed-in agent) when the message
   * carries the transfer (`m.transfer`) and the agent is known, with the sender's note.
   */
  private transferLabel(event: 'transfer-requested' | 'transferred' | 'transfer-rejected' | 'transfer-cancelled', m: MessageView): string {
    const transfer = m.transfer;
    const me = this.opts.service()?.agentId;
    const toMe = transfer !== undefined && transfer.toAgentId === me;
    const to = transfer ? this.agentName(transfer.toAgentId) : '';
    let label: string;
    if (!toMe && !to) {
      label = {
        'transfer-requested': msg('Transfer requested'),
        transferred: msg('Chat transferred'),
        'transfer-rejected': msg('Transfer rejected'),
        'transfer-cancelled': msg('Transfer cancelled'),
      }[event];
    } else if (toMe) {
      label = {
        'transfer-requested': msg('Transfer to you requested'),
        transferred: msg('Chat transferred to you'),
        'transfer-rejected': msg('You rejected the transfer'),
        'transfer-cancelled': msg('Transfer to you cancelled'),
      }[event];
    } else {
      label = {
        'transfer-requested': msg(str`Transfer to ${to} requested`),
        transferred: msg(str`Chat transferred to ${to}`),
        'transfer-rejected': msg(str`${to} rejected the transfer`),
        'transfer-cancelled': msg(str`Transfer to ${to} cancelled`),
      }[event];
    }
    const note = transfer?.note?.trim();
    return note && (event === 'transfer-requested' || event === 'transferred') ? msg(str`${label} (note: ${note})`) : label;
  }

  private systemLabel(m: MessageView): string {
    const event: SystemEvent | undefined = m.systemEvent;
    const agent = this.agentName(m.agentId);
    switch (event) {
      case 'welcome':
        return msg('Welcome message sent');
      case 'answered':
        return agent ? msg(str`${agent} answered the chat`) : msg('Chat answered');
      case 'transfer-requested':
      case 'transferred':
      case 'transfer-rejected':
      case 'transfer-cancelled':
        return this.transferLabel(event, m);
      case 'closed-by-agent':
        return msg('Chat closed by agent');
      case 'closed-by-customer':
        return msg('Closed by customer');
      case 'closed-by-idle':
        return msg('Closed after inactivity');
      case 'reopened':
        return msg('Chat reopened by customer');
      case 'file-type-refused':
        return msg('File refused: type not allowed');
      default:
        return m.text;
    }
  }

  // ------------------------------------------------------------------ actions

  private readonly onScroll = (): void => {
    const log = this.logRef.value;
    if (!log) return;
    const top = log.scrollTop;
    const previous = this.lastScrollTop;
    const up = top < previous;
    this.lastScrollTop = top;
    if (this.anchor && this.anchor.phase !== 'waiting') return; // held in place (see holdAnchor)
    const atBottom = atBottomOf(log);
    // Only the agent's own scrolling leaves the bottom. While pinned, the virtualizer's corrections
    // move the log (up or down) towards a bottom its measurements are still moving; they must not
    // unpin, or a message arriving before the next correction is framed under the old last row.
    // The agent's scrolling is what the virtualizer reports as such (`unpinned`), or a scroll
    // right after their own input on the log: the virtualizer takes every scroll within two
    // frames of a correction for its own, and would pull an agent scrolling up just as a message
    // arrives back to the bottom.
    const agents = this.userScrolled || performance.now() < this.intentUntil;
    if (atBottom ? !this.pinned : this.pinned && agents) {
      if (!atBottom && !this.userScrolled) this.releasePin = true;
      this.setPinned(atBottom);
    }
    // (A page requested by this gesture's scrolling: its wheel turns at the top do not request it again.)
    if (up && top <= TOP_SLACK && this.loadOlder()) this.gestureLoaded = true;
  };

  /**
   * Height (px) of the start row an older page's loading row replaced ("Try again" of the failure
   * row, "Load earlier messages"): the loading row keeps at least that height until the page settles.
   */
  private startHeight: number | undefined;
  /** Until when (performance.now(), ms) a scroll counts as the agent's: shortly after their input on the log. */
  private intentUntil = 0;
  /** The next render releases the virtualizer's pin (see {@link onScroll}). */
  private releasePin = false;

  /** Service-clock time (ms) of the agent's last wheel turn or touch move on the log. */
  private lastGestureAt = -Infinity;
  /** The vertical position (px) of the finger at the last touch move on the log. */
  private lastTouchY = 0;
  /**
   * Whether the agent's current gesture (wheel turns or touch moves {@link GESTURE_GAP_MS} apart
   * at most, or a key press) requested an older page.
   */
  private gestureLoaded = false;

  /**
   * The agent's own scrolling input on the log (passive): scrolls in the next 500 ms are theirs.
   * Scrolling up at the very top (no scroll follows) tries a failed older page again, once per gesture.
   */
  private readonly onIntent = {
    handleEvent: (event: Event): void => {
      if (event.type === 'keydown' && !SCROLL_KEYS.has((event as KeyboardEvent).key)) return;
      this.intentUntil = performance.now() + 500;
      if (event.type === 'wheel' || event.type === 'touchmove') {
        const now = this.opts.service()?.clock.now() ?? Date.now();
        const newGesture = now - this.lastGestureAt > GESTURE_GAP_MS;
        if (newGesture) this.gestureLoaded = false;
        this.lastGestureAt = now;
        if (event.type === 'wheel') {
          if ((event as WheelEvent).deltaY < 0) this.retryAtTop();
          return;
        }
        // A finger moving down the log scrolls it up.
        const y = (event as TouchEvent).touches[0]?.clientY;
        if (y === undefined) return;
        if (!newGesture && y > this.lastTouchY) this.retryAtTop();
        this.lastTouchY = y;
      } else if (event.type === 'keydown' && UP_KEYS.has((event as KeyboardEvent).key) && !(event as KeyboardEvent).repeat) {
        this.gestureLoaded = false;
        this.retryAtTop();
      }
    },
    passive: true,
  } as const;

  /**
   * The agent scrolls up at the very top of the log, where the browser scrolls no further (no
   * scroll event): when the older page failed, try it again (the failure row shows loading again),
   * once per gesture, so wheel turns or inertia do not retry in a loop while the adapter keeps failing.
   */
  private retryAtTop(): void {
    const log = this.logRef.value;
    const history = this.history;
    if (!log || log.scrollTop > 0 || !history?.loaded || !history.error || this.gestureLoaded) return;
    if (this.loadOlder()) this.gestureLoaded = true;
  }

  /**
   * The virtualizer released its pin: a scroll it did not cause itself (the agent's, or the
   * browser clamping scrollTop when the rows at the bottom got smaller, e.g. an image that could
   * not load).
   */
  private readonly onUnpinned = (): void => {
    const log = this.logRef.value;
    if (log && this.pinned && atBottomOf(log) && !(this.anchor && this.anchor.phase !== 'waiting')) {
      // Still at the bottom: pin again, or the next layout (rows measured anew) leaves the log
      // short of the bottom (69 px after an image failed there).
      this.opts.requestUpdate();
      return;
    }
    this.userScrolled = true;
    if (!log || !this.pinned || (this.anchor && this.anchor.phase !== 'waiting')) return;
    this.setPinned(false);
  };

  private setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.seenKey = undefined;
    // Leaving the bottom: the message in view now is the one read, from the first layout pass on
    // (rows that change height in that pass, e.g. images failing as the agent leaves, do not move it).
    const log = this.logRef.value;
    this.reading = !pinned && log ? firstMessageInView(log) : undefined;
    if (log) this.keptScrollTop = log.scrollTop;
    this.opts.requestUpdate();
  }

  private readonly onLoadOlder = (): void => {
    // "Try again" goes with the failure row: keep keyboard focus in the log.
    if (this.history?.error) this.logRef.value?.focus({ preventScroll: true });
    this.loadOlder();
  };

  /** "Try again" of a failed first page: load it again (focus stays in the log; the button goes). */
  private readonly onRetryHistory = (): void => {
    const id = this.opts.sessionId();
    const service = this.opts.service();
    if (!id || !service) return;
    this.logRef.value?.focus({ preventScroll: true });
    void this.opts.run(service.loadHistory(id));
  };

  /**
   * Load the page before the oldest loaded message, keeping the first message in view in place.
   * @returns whether a page was requested (not when none is left or one is under way)
   */
  private loadOlder(): boolean {
    const id = this.opts.sessionId();
    const service = this.opts.service();
    const history = this.history;
    const log = this.logRef.value;
    if (!id || !service || !log || !history?.loaded || !history.hasMore || history.loading || this.anchor?.phase === 'waiting') return false;
    // A message still held in place after the last page (or failure) is let go: "Try again" right away.
    this.anchor = undefined;
    const start = log.querySelector<HTMLElement>('.history-start');
    this.startHeight = start ? start.getBoundingClientRect().height : undefined;
    const anchor = firstMessageInView(log);
    if (anchor) this.anchor = { ...anchor, phase: 'waiting', frames: 0 };
    this.pinned = false;
    this.seenKey = undefined;
    void this.opts
      .run(service.loadHistory(id, true))
      // After the render of the result (which holds the anchored message in place, also when the
      // loading row became the failure row): an anchor still waiting had nothing to hold.
      .then(() => this.host.updateComplete)
      .then(() => {
        if (this.anchor?.phase === 'waiting') this.anchor = undefined;
        // Only the start row changed (a failure): the virtualizer may not lay out again, so hold
        // the message in place from the next frame on.
        else if (this.anchor?.phase === 'pin') requestAnimationFrame(() => this.holdAnchor());
      });
    return true;
  }

  /** After the virtualizer's range or visible rows changed: keep the anchored message at its old offset. */
  private readonly onLayout = (): void => {
    if (this.anchor && this.anchor.phase !== 'waiting') queueMicrotask(() => this.holdAnchor());
  };

  /**
   * After each layout pass of the virtualizer (rows placed and measured, before the frame is
   * painted): keep the anchored message, or the message the agent reads, at its offset in the
   * same frame. Rows measured after a page came in, or that changed height, move the rows without
   * changing the range, so `onLayout` alone would correct one painted frame late (a visible jump).
   */
  private readonly afterLayout = (startScrollTop: number): void => {
    if (this.anchor && this.anchor.phase !== 'waiting') {
      this.reading = undefined;
      this.holdAnchor(startScrollTop);
    } else {
      this.keepReading(startScrollTop);
    }
  };

  /**
   * Before each layout pass of the virtualizer changes the DOM (the rows are where the agent saw
   * them, scrolled by the agent since): the agent who scrolled away from the bottom since the last
   * pass leaves it now, before the virtualizer's pin puts the log back at the bottom in this pass
   * (the scroll listener may not have seen that scroll yet). Returns the log's scrollTop.
   */
  private readonly beforeLayout = (): number | undefined => {
    const log = this.logRef.value;
    if (!log) return undefined;
    if (this.pinned && !this.anchor && (this.userScrolled || performance.now() < this.intentUntil) && !atBottomOf(log)) {
      if (!this.userScrolled) this.releasePin = true;
      this.setPinned(false);
    }
    return log.scrollTop;
  };

  /** The history layout's hooks (see {@link afterLayout}, {@link beforeLayout}). */
  private readonly layoutHooks = { afterLayout: this.afterLayout, beforeLayout: this.beforeLayout };

  /**
   * How far (px) the agent scrolled since a kept message was last put in place: to the log's
   * scrollTop `startScrollTop` before this layout pass (before the virtualizer's correction, and
   * before the browser clamped scrollTop to a scroll area that shrank; the virtualizer may lay out
   * before the scroll listener has seen the agent's scroll), or outside a layout pass to scrollTop now.
   */
  private agentScrolled(log: HTMLElement, startScrollTop: number | undefined): number {
    return (startScrollTop ?? log.scrollTop) - this.keptScrollTop;
  }

  /** Put the kept row `key` back at `offset` (px from the log's top); returns whether it is rendered. */
  private putBack(log: HTMLElement, key: string, offset: number): boolean {
    const el = log.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (!el) return false;
    const delta = el.getBoundingClientRect().top - log.getBoundingClientRect().top - offset;
    if (Math.abs(delta) >= 0.5) log.scrollTop += delta;
    this.keptScrollTop = log.scrollTop;
    return true;
  }

  /** Put the message the agent reads back at its offset (after their own scrolling), then take the one in view now. */
  private keepReading(startScrollTop: number): void {
    const log = this.logRef.value;
    if (!log) return;
    if (this.pinned) {
      // At the bottom the virtualizer's pin keeps the newest message framed.
      this.reading = undefined;
      return;
    }
    const kept = this.reading;
    if (kept) this.putBack(log, kept.key, kept.offset - this.agentScrolled(log, startScrollTop));
    this.keptScrollTop = log.scrollTop;
    this.reading = firstMessageInView(log);
  }

  private holdAnchor(startScrollTop?: number): void {
    const anchor = this.anchor;
    const log = this.logRef.value;
    if (!anchor || anchor.phase === 'waiting' || !log) return;
    if (!log.querySelector(`[data-key="${CSS.escape(anchor.key)}"]`)) return;
    if (anchor.phase === 'pin') {
      // The virtualizer framed the row; release its pin so it does not undo the correction.
      anchor.phase = 'hold';
      this.opts.requestUpdate();
      requestAnimationFrame(this.onAnchorFrame);
    } else {
      // The held message goes along with the agent's own scrolling (or it would stall).
      anchor.offset -= this.agentScrolled(log, startScrollTop);
    }
    this.putBack(log, anchor.key, anchor.offset);
  }

  private readonly onAnchorFrame = (): void => {
    const anchor = this.anchor;
    if (!anchor || anchor.phase !== 'hold') return;
    this.holdAnchor();
    if (++anchor.frames >= ANCHOR_FRAMES) this.anchor = undefined;
    else requestAnimationFrame(this.onAnchorFrame);
  };

  private readonly onJumpLatest = (): void => {
    this.pin();
    this.opts.requestUpdate();
    this.logRef.value?.focus({ preventScroll: true });
  };

  private onRetry(sessionId: string, clientId: string): void {
    this.retrying.add(clientId);
    void this.opts.run(() => this.opts.service()?.retrySend(sessionId, clientId));
    this.opts.afterRetry();
  }

  private onDiscard(sessionId: string, clientId: string): void {
    this.opts.service()?.discardFailed(sessionId, clientId);
  }
}

/** Whether the log is scrolled to (within {@link BOTTOM_SLACK} px of) its bottom. */
function atBottomOf(log: HTMLElement): boolean {
  return log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK;
}

/** The newest message row of the log, if any. */
function lastMessageRow(items: readonly HistoryItem[]): HistoryItem | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (items[i]!.type === 'message') return items[i];
  return undefined;
}

/** The first message row whose top is inside the log's viewport, with its offset (px) from the log's top. */
function firstMessageInView(log: HTMLElement): { key: string; offset: number } | undefined {
  const top = log.getBoundingClientRect().top;
  let best: { key: string; offset: number } | undefined;
  for (const el of Array.from(log.querySelectorAll<HTMLElement>('.row[data-key]'))) {
    const offset = el.getBoundingClientRect().top - top;
    if (offset >= -1 && (!best || offset < best.offset)) best = { key: el.dataset.key!, offset };
  }
  return best;
}

/**
 * Whether the log's start row is in view or at most {@link TOP_SLACK} px above it (where scrolling
 * up loads the previous page): the agent is at the top of the loaded history.
 */
function startNearView(log: HTMLElement): boolean {
  const start = log.querySelector<HTMLElement>('.history-start');
  return !!start && start.getBoundingClientRect().bottom >= log.getBoundingClientRect().top - TOP_SLACK;
}

/**
 * The state a message's files show (see {@link fileIcon}): a customer's files are received files;
 * the agent's are sent once the message is, uploading while it is sending, failed when it failed.
 */
export function fileStateOf(m: MessageView): FileIconState {
  if (m.kind !== 'to-customer') return 'file';
  return m.status === 'failed' ? 'failed' : m.status === 'sending' ? 'uploading' : 'sent';
}

/** An attachment URL that may be opened (http, https, blob), else null. */
function attachmentHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'blob:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The URL an image attachment's thumbnail may load from: only for `image/*` attachments, and only
 * an http, https, blob or `data:image/` URL (the adapter's attachment URL; never customer text).
 */
export function thumbnailSrc(attachment: { type: string; url: string }): string | null {
  if (!attachment.type.toLowerCase().startsWith('image/')) return null;
  try {
    const url = new URL(attachment.url);
    if (['http:', 'https:', 'blob:'].includes(url.protocol)) return url.href;
    return url.protocol === 'data:' && /^data:image\/[a-z0-9.+-]+[;,]/i.test(attachment.url) ? attachment.url : null;
  } catch {
    return null;
  }
}

/**
 * An attachment's thumbnail (decorative: the link names the file); hides itself when it cannot load.
 * @param src the thumbnail URL ({@link thumbnailSrc})
 * @param failed URLs that could not be loaded: added to on failure; a new image of such a URL starts hidden
 */
export function renderThumbnail(src: string, failed?: Set<string>): TemplateResult {
  return html`<img
    class="thumb"
    src=${src}
    alt=""
    loading="lazy"
    decoding="async"
    referrerpolicy="no-referrer"
    ${failed ? ref(hideFailed(failed)) : nothing}
    @error=${(e: Event) => {
      const img = e.currentTarget as HTMLImageElement;
      img.hidden = true;
      const url = img.getAttribute('src');
      if (failed && url) failed.add(url);
    }}
  />`;
}

/** One callback per set of failed URLs (so it runs once for each new image, not on every render). */
const hideFailedCallbacks = new WeakMap<Set<string>, (el: Element | undefined) => void>();
function hideFailed(failed: Set<string>): (el: Element | undefined) => void {
  let callback = hideFailedCallbacks.get(failed);
  if (!callback) {
    callback = (el) => {
      const url = el?.getAttribute('src');
      if (el && url && failed.has(url)) (el as HTMLElement).hidden = true;
    };
    hideFailedCallbacks.set(failed, callback);
  }
  return callback;
}

/**
 * Styles the history brings into the conversation's shadow root when loaded (the message text's;
 * the log's own are the conversation's, which shows the log while this part loads).
 */
export const historyPartStyles = [messageTextStyles, longTextStyles, fileIconStyles];
