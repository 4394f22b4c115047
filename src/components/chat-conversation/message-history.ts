import { msg, str } from '@lit/localize';
import { type ReactiveController, type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatBytes, formatDateTime, formatDay, formatTime, dayKey } from '../../i18n/format.js';
import type { Agent } from '../../model/agent.js';
import type { Attachment, MessageView, SystemEvent } from '../../model/message.js';
import type { ChatSession } from '../../model/session.js';
import type { ChatService } from '../../service/chat-service.js';
import type { DisplaySettings, SessionHistory } from '../../service/state.js';
import { renderMessageText } from '../message-text/message-text.js';
import { renderThumbnail, thumbnailSrc } from './attachments.js';

/** One row of the message log: a day separator or a message. */
export type LogRow =
  | { readonly type: 'day'; readonly key: string; readonly label: string }
  | { readonly type: 'message'; readonly key: string; readonly message: MessageView };

/** How close (px) to the bottom of the log counts as "at the bottom". */
const BOTTOM_SLACK = 32;

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
}

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
  /** Scroll anchor while older messages load: keeps the visible messages in place. */
  private olderAnchor: { height: number; top: number } | undefined;
  private shownId: string | null = null;
  private history: SessionHistory | undefined;
  /** Client ids of failed messages being retried: they keep their failed marker until confirmed. */
  private readonly retrying = new Set<string>();
  private rowsCache: { items: readonly MessageView[]; zone: string | undefined; locale: string; now: number; rows: LogRow[] } | undefined;

  constructor(
    host: ReactiveControllerHost,
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
  }

  hostUpdate(): void {
    const id = this.opts.sessionId();
    if (id !== this.shownId) {
      this.shownId = id;
      this.pinned = true;
      this.olderAnchor = undefined;
      this.retrying.clear();
    }
  }

  hostUpdated(): void {
    const log = this.logRef.value;
    if (!log) return;
    if (this.olderAnchor) {
      const history = this.history;
      if (history && !history.loading) {
        log.scrollTop = this.olderAnchor.top + (log.scrollHeight - this.olderAnchor.height);
        this.olderAnchor = undefined;
      }
      return;
    }
    if (this.pinned) log.scrollTop = log.scrollHeight;
  }

  /**
   * Render the history of `session`.
   * @param session the shown session (its customer names the log)
   * @param history the session's loaded history (service `history$`), undefined before the first value
   */
  render(session: ChatSession, history: SessionHistory | undefined): TemplateResult {
    this.history = history;
    this.pruneRetrying(history);
    return html`<div class="log-area">
      <div
        ${ref(this.logRef)}
        class="log"
        part="log"
        role="log"
        tabindex="0"
        aria-label=${msg(str`Conversation with ${session.customer.name}`)}
        aria-busy=${history?.loading ? 'true' : 'false'}
        @scroll=${this.onScroll}
      >
        ${this.renderHistoryStart(history)}
        ${repeat(
          this.rows(history?.items ?? []),
          (row) => row.key,
          (row) => (row.type === 'day' ? this.renderDay(row.label) : this.renderMessage(row.message)),
        )}
      </div>
    </div>`;
  }

  /** Forget retries the backend has settled (confirmed or failed again). */
  private pruneRetrying(history: SessionHistory | undefined): void {
    if (!this.retrying.size) return;
    const items = history?.items ?? [];
    for (const clientId of this.retrying) {
      if (!items.some((m) => m.clientId === clientId && m.status === 'sending')) this.retrying.delete(clientId);
    }
  }

  private renderHistoryStart(history: SessionHistory | undefined): TemplateResult | typeof nothing {
    if (!history?.loaded) {
      return history?.loading || !history
        ? html`<div class="history-start"><span class="spinner" aria-hidden="true"></span>${msg('Loading messages…')}</div>`
        : nothing;
    }
    if (history.hasMore) {
      return html`<div class="history-start">
        <button type="button" class="btn ghost small" ?disabled=${history.loading} @click=${this.onLoadOlder}>
          ${history.loading ? msg('Loading…') : msg('Load earlier messages')}
        </button>
      </div>`;
    }
    return html`<div class="history-start muted">${msg('Start of conversation')}</div>`;
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
    const rows: LogRow[] = [];
    let lastDay = '';
    for (const message of items) {
      const day = dayKey(message.sentAt, display);
      if (day !== lastDay) {
        rows.push({ type: 'day', key: `day:${day}`, label: formatDay(message.sentAt, now, display) });
        lastDay = day;
      }
      rows.push({ type: 'message', key: `m:${message.clientId ?? message.id}`, message });
    }
    this.rowsCache = { items, zone: display.timeZone, locale: display.locale, now, rows };
    return rows;
  }

  private renderDay(label: string): TemplateResult {
    return html`<div class="day" role="separator" aria-label=${label}><span aria-hidden="true">${label}</span></div>`;
  }

  private agentName(agentId: string | undefined): string {
    return agentId ? (this.opts.agents()?.[agentId]?.name ?? '') : '';
  }

  private renderMessage(m: MessageView): TemplateResult {
    const display = this.opts.display();
    const time = html`<time datetime=${m.sentAt} title=${formatDateTime(m.sentAt, display)}>${formatTime(m.sentAt, display)}</time>`;
    if (m.kind === 'system') {
      return html`<div class="row system" data-message-id=${m.id} data-status=${m.status}>
        <p class="system-line" title=${m.text}>
          <span>${this.systemLabel(m)}</span><span class="sep" aria-hidden="true">·</span>${time}
        </p>
      </div>`;
    }
    const side = m.kind === 'to-customer' ? 'agent' : 'customer';
    const author = m.authorName || this.agentName(m.agentId);
    const state = m.status === 'sending' && this.retrying.has(m.clientId ?? m.id) ? 'failed retrying' : m.status;
    return html`<div class="row ${side} ${state}" data-message-id=${m.id} data-status=${m.status}>
      <article class="message">
        <div class="meta">
          <span class="author" title=${author}><bdi>${author}</bdi></span>
          ${time}
        </div>
        <div class="bubble">
          ${m.text ? html`<div class="body message-text" dir="auto">${renderMessageText(m.text)}</div>` : nothing}
          ${m.attachments.length ? this.renderAttachments(m.attachments) : nothing}
        </div>
        ${this.renderDelivery(m)}
      </article>
    </div>`;
  }

  private renderAttachments(attachments: readonly Attachment[]): TemplateResult {
    const display = this.opts.display();
    return html`<ul class="attachments">
      ${attachments.map((a) => {
        const href = attachmentHref(a.url);
        const thumb = thumbnailSrc(a);
        const label = html`${thumb ? renderThumbnail(thumb) : nothing}<span class="file-icon" aria-hidden="true"></span><span class="file-name" title=${a.name}><bdi>${a.name}</bdi></span>
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

  private systemLabel(m: MessageView): string {
    const event: SystemEvent | undefined = m.systemEvent;
    const agent = this.agentName(m.agentId);
    switch (event) {
      case 'welcome':
        return msg('Welcome message sent');
      case 'answered':
        return agent ? msg(str`${agent} answered the chat`) : msg('Chat answered');
      case 'transfer-requested':
        return msg('Transfer requested');
      case 'transferred':
        return msg('Chat transferred');
      case 'transfer-rejected':
        return msg('Transfer rejected');
      case 'transfer-cancelled':
        return msg('Transfer cancelled');
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
    this.pinned = log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK;
  };

  private readonly onLoadOlder = (): void => {
    const id = this.opts.sessionId();
    const service = this.opts.service();
    const log = this.logRef.value;
    if (!id || !service) return;
    if (log) this.olderAnchor = { height: log.scrollHeight, top: log.scrollTop };
    void this.opts.run(service.loadHistory(id, true));
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

/** An attachment URL that may be opened (http, https, blob), else null. */
function attachmentHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'blob:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
