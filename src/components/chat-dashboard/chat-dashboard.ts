import { localized, msg } from '@lit/localize';
import { type TemplateResult, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import { NowController } from '../../controllers/now-controller.js';
import { formatDateTime, formatDuration, formatNumber, formatTime } from '../../i18n/format.js';
import type { ChatSession } from '../../model/session.js';
import type { ChatService } from '../../service/chat-service.js';
import { type ChatStats, computeStats, ongoingSessions, queuedSessions } from '../../service/selectors.js';
import { tokens } from '../../styles/tokens.js';
import { ChatElement } from '../base/chat-element.js';
import { avatarStyles, renderAvatar } from '../shared/avatar.js';
import { warningIcon } from '../chat-session-list/icons.js';
import { noticeStyles, renderNotices } from '../notice-region/notice-region.js';
import { styles } from './chat-dashboard.styles.js';

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameStats = (a: ChatStats, b: ChatStats) => JSON.stringify(a) === JSON.stringify(b);
const listConverter = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : undefined),
  toAttribute: (value: readonly string[] | undefined) => (value?.length ? value.join(' ') : null),
};

/**
 * The chat dashboard: live figures (customers waiting, longest and average wait, ongoing chats,
 * agents present), the incoming chats nobody answered yet, with "Answer" per chat, and the
 * ongoing chats of every agent. Waiting times and durations tick every second (display only).
 *
 * When another agent answers a chat first, its row disappears and a notice says so.
 *
 * @summary Statistics, incoming chats (answer) and ongoing chats of all or selected channels.
 * @tag chat-dashboard
 *
 * @slot incoming-empty - Replaces the sentence shown when nobody is waiting.
 * @slot ongoing-empty - Replaces the sentence shown when no chat is going on.
 *
 * @csspart stats - The row of statistic cards.
 * @csspart stat - One statistic card.
 * @csspart incoming - The "Incoming chats" section.
 * @csspart incoming-row - One waiting chat.
 * @csspart answer - An "Answer" button.
 * @csspart ongoing - The "Ongoing chats" section.
 * @csspart notices - The notice region.
 * @csspart notice - One notice.
 *
 * @cssprop [--chat-dashboard-max-width=1200px] - Maximum width of the dashboard's content.
 * @cssprop [--chat-color-warning=light-dark(#b45309, #fbbf24)] - Colour of waits over the channel's limit.
 *
 * @fires {CustomEvent<{ sessionId: string }>} chat-session-select - The agent answered an incoming chat (it is now selected).
 */
@localized()
export class ChatDashboard extends ChatElement {
  static override styles = [tokens, avatarStyles, noticeStyles, styles];

  /**
   * Only show these channels (ids). Attribute `channel-ids`: ids separated by spaces or commas.
   * Default: every channel.
   */
  @property({ attribute: 'channel-ids', converter: listConverter }) channelIds?: string[];

  private readonly stats = this.observe<ChatStats>(
    () => this.channelScoped((s) => s.stats$, (ids) => this.service?.select((st) => computeStats(st, ids), sameStats)),
    () => [this.channelKey],
  );
  private readonly queue = this.observe<readonly ChatSession[]>(
    () => this.channelScoped((s) => s.queue$, (ids) => this.service?.select((st) => queuedSessions(st, ids), sameList)),
    () => [this.channelKey],
  );
  private readonly ongoing = this.observe<readonly ChatSession[]>(
    () => this.channelScoped((s) => s.ongoing$, (ids) => this.service?.select((st) => ongoingSessions(st, ids), sameList)),
    () => [this.channelKey],
  );
  private readonly notices = this.observe(() => this.service?.notices$);
  private readonly channels = this.observe(() => this.service?.select((s) => s.channels));
  private readonly agents = this.observe(() => this.service?.select((s) => s.agents));
  private readonly me = this.observe(() => this.service?.agent$);
  private readonly clock = new NowController(
    this,
    () => this.service?.now(),
    () => !!(this.queue.value?.length || this.ongoing.value?.length),
  );

  /** Ids of chats being answered right now (their buttons are busy). */
  @state() private answering: ReadonlySet<string> = new Set();

  private get channelKey(): string {
    return this.channelIds?.join(' ') ?? '';
  }

  private channelScoped<T>(
    all: (service: ChatService) => Observable<T>,
    scoped: (ids: readonly string[]) => Observable<T> | undefined,
  ): Observable<T> | undefined {
    if (!this.service) return undefined;
    return this.channelIds?.length ? scoped(this.channelIds) : all(this.service);
  }

  override render(): TemplateResult {
    if (!this.service) return this.renderNoService();
    const now = this.clock.now;
    return html`<div class="content">
      <div class="notice-area">${renderNotices(this.notices.value, (id) => this.service?.dismissNotice(id), ['taken', 'already-taken', 'not-permitted', 'network', 'timeout', 'disconnected'])}</div>
      ${this.renderStats()} ${this.renderIncoming(now)} ${this.renderOngoing(now)}
    </div>`;
  }

  private renderStats(): TemplateResult {
    const stats = this.stats.value;
    const waiting = stats?.waiting ?? 0;
    // The figures were computed at the service's last change; waits have grown since.
    const now = this.clock.now;
    const elapsed = waiting ? Math.max(0, now - (this.service?.state.now ?? now)) : 0;
    const card = (label: string, value: string, hint: string, tone = '') =>
      html`<div class="stat ${tone}" part="stat">
        <dt>${label}</dt>
        <dd>
          <span class="stat-value">${value}</span>
          <span class="stat-hint">${hint}</span>
        </dd>
      </div>`;
    return html`<dl class="stats" part="stats" aria-label=${msg('Chat statistics')}>
      ${card(
        msg('Waiting in queue'),
        formatNumber(waiting, this.display),
        waiting === 1 ? msg('customer') : msg('customers'),
        waiting ? 'busy' : '',
      )}
      ${card(
        msg('Longest wait'),
        waiting ? formatDuration((stats?.longestWaitMs ?? 0) + elapsed, this.display) : '–',
        msg('in the queue now'),
      )}
      ${card(
        msg('Average wait'),
        waiting ? formatDuration((stats?.averageWaitMs ?? 0) + elapsed, this.display) : '–',
        msg('in the queue now'),
      )}
      ${card(msg('Ongoing chats'), formatNumber(stats?.ongoing ?? 0, this.display), msg('all agents'))}
      ${card(msg('Agents present'), formatNumber(stats?.agentsPresent ?? 0, this.display), msg('can answer chats'))}
    </dl>`;
  }

  private renderIncoming(now: number): TemplateResult {
    const queue = this.queue.value ?? [];
    return html`<section class="section" part="incoming" aria-labelledby="incoming-title">
      <header class="section-header">
        <h2 id="incoming-title">${msg('Incoming chats')}</h2>
        <span class="count ${queue.length ? 'busy' : ''}">${formatNumber(queue.length, this.display)}</span>
      </header>
      ${queue.length
        ? html`<ul class="incoming">
            ${queue.map((s) => this.renderIncomingRow(s, now))}
          </ul>`
        : html`<div class="empty">
            <slot name="incoming-empty">${msg('No customers waiting. New chats appear here as they arrive.')}</slot>
          </div>`}
    </section>`;
  }

  private renderIncomingRow(session: ChatSession, now: number): TemplateResult {
    const name = session.customer.name || msg('Visitor');
    const channel = this.channels.value?.[session.channelId];
    const waitMs = now - Date.parse(session.createdAt);
    const limit = channel?.waitWarningMinutes ?? 0;
    const me = this.me.value;
    const notify = !!me && me.presence === 'present' && !!me.rights[session.channelId]?.notify;
    const late = notify && limit > 0 && waitMs > limit * 60_000;
    const busy = this.answering.has(session.id);
    const canRespond = !me || !!me.rights[session.channelId]?.respond;
    const nameId = `incoming-name-${session.id}`;
    return html`<li class="incoming-row ${late ? 'late' : ''}" part="incoming-row" data-id=${session.id}>
      ${renderAvatar(name)}
      <div class="incoming-main">
        <div class="line">
          <bdi class="name" id=${nameId} title=${name}>${name}</bdi>
          <span class="channel">${channel?.name ?? session.channelId}</span>
        </div>
        ${session.lastMessage
          ? html`<p class="preview" dir="auto" title=${session.lastMessage.text}>${session.lastMessage.text}</p>`
          : html`<p class="preview muted">${msg('No message yet')}</p>`}
      </div>
      <div class="wait ${late ? 'late' : ''}" title=${formatDateTime(session.createdAt, this.display)}>
        ${late ? warningIcon : nothing}
        <span class="visually-hidden">${msg('Waiting')}</span>
        <span class="wait-value">${formatDuration(waitMs, this.display)}</span>
      </div>
      <button
        type="button"
        class="btn primary answer"
        part="answer"
        aria-describedby=${nameId}
        ?disabled=${busy || !canRespond}
        title=${canRespond ? nothing : msg('You have no right to answer chats in this channel')}
        @click=${() => this.onAnswer(session.id)}
      >
        ${msg('Answer')}
      </button>
    </li>`;
  }

  private renderOngoing(now: number): TemplateResult {
    const ongoing = this.ongoing.value ?? [];
    const agents = this.agents.value ?? {};
    const myId = this.me.value?.id;
    return html`<section class="section" part="ongoing" aria-labelledby="ongoing-title">
      <header class="section-header">
        <h2 id="ongoing-title">${msg('Ongoing chats')}</h2>
        <span class="count">${formatNumber(ongoing.length, this.display)}</span>
      </header>
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
                </tr>
              </thead>
              <tbody>
                ${ongoing.map((s) => {
                  const name = s.customer.name || msg('Visitor');
                  const agentName = (s.agentId && agents[s.agentId]?.name) || msg('Unknown agent');
                  const last = s.lastMessage?.sentAt ?? s.answeredAt ?? s.createdAt;
                  return html`<tr data-id=${s.id}>
                    <td>
                      <div class="cell-person">
                        ${renderAvatar(name, 'small')}<bdi class="name" title=${name}>${name}</bdi>
                      </div>
                    </td>
                    <td>
                      <bdi class="agent" title=${agentName}>${agentName}</bdi>
                      ${s.agentId === myId ? html`<span class="you">${msg('(you)')}</span>` : nothing}
                    </td>
                    <td class="channel-cell">${this.channels.value?.[s.channelId]?.name ?? s.channelId}</td>
                    <td class="num">${formatDuration(now - Date.parse(s.answeredAt ?? s.createdAt), this.display)}</td>
                    <td class="num">
                      <time datetime=${last} title=${formatDateTime(last, this.display)}>${formatTime(last, this.display)}</time>
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
}
