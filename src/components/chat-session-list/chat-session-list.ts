import { localized, msg, str } from '@lit/localize';
import { type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Agent } from '../../model/agent.js';
import type { Channel } from '../../model/channel.js';
import type { ChatSession } from '../../model/session.js';
import { formatDateTime, formatTime } from '../../i18n/format.js';
import { tokens } from '../../styles/tokens.js';
import { ChatElement } from '../base/chat-element.js';
import { noticeStyles, renderNotices } from '../notice-region/notice-region.js';
import { avatarStyles, renderAvatar } from '../shared/avatar.js';
import { chatIcon, queueIcon, warningIcon } from './icons.js';
import { styles } from './chat-session-list.styles.js';

/**
 * The agent's chats: ongoing sessions (including chats being transferred to the agent) and the
 * chats that ended or were missed in the last 8 hours, with the queue count and a
 * "Get next in queue" button. Selecting a row shows that chat in the conversation and person panel.
 *
 * Keyboard: the list is a listbox "Chat sessions"; Tab enters it on the selected (or first) row,
 * Arrow Up / Down, Home and End move between rows, Enter or Space selects.
 *
 * @summary The agent's ongoing and recent chat sessions, with the queue and "Get next in queue".
 * @tag chat-session-list
 *
 * @slot empty - Replaces the sentence shown when the agent has no chats.
 *
 * @csspart header - The top area with the queue count and the "Get next in queue" button.
 * @csspart queue-count - The "3 waiting" text.
 * @csspart take-next - The "Get next in queue" button.
 * @csspart list - The listbox of sessions.
 * @csspart session - One session row (also `session selected`, `session ended`).
 * @csspart empty - The empty state.
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
  static override styles = [tokens, avatarStyles, noticeStyles, styles];

  private readonly sessions = this.observe(() => this.service?.mySessions$);
  private readonly queueCount = this.observe(() => this.service?.queueCount$);
  private readonly selectedId = this.observe(() => this.service?.selectedSessionId$);
  private readonly notices = this.observe(() => this.service?.notices$);
  private readonly channels = this.observe(() => this.service?.select((s) => s.channels));
  private readonly agents = this.observe(() => this.service?.select((s) => s.agents));
  private readonly agentId = this.observe(() => this.service?.select((s) => s.agentId));
  private readonly status = this.observe(() => this.service?.select((s) => s.status));

  /** The row that holds the roving tab stop (keyboard focus target). */
  @state() private focusId: string | null = null;
  /** Whether "Get next in queue" is running. */
  @state() private taking = false;

  private pendingFocus = false;

  override render(): TemplateResult {
    if (!this.service) return this.renderNoService();
    const active = this.sessions.value?.active ?? [];
    const recent = this.sessions.value?.recent ?? [];
    const loading = this.status.value === 'loading';
    return html`
      ${this.renderHeader()}
      <div class="notice-area">${renderNotices(this.notices.value, (id) => this.service?.dismissNotice(id), ['taken', 'already-taken', 'queue-empty', 'not-permitted', 'network', 'timeout', 'disconnected'])}</div>
      <div class="scroll">
        ${active.length || recent.length
          ? this.renderList(active, recent)
          : html`<div class="empty" part="empty">
              ${chatIcon}
              <slot name="empty">
                <p class="empty-title">${loading ? msg('Loading chats…') : msg('No chats yet')}</p>
                ${loading
                  ? nothing
                  : html`<p class="empty-text">
                      ${msg('Chats you answer appear here. Press "Get next in queue" to help the customer who has waited longest.')}
                    </p>`}
              </slot>
            </div>`}
      </div>
    `;
  }

  private renderHeader(): TemplateResult {
    const count = this.queueCount.value ?? 0;
    const empty = count === 0;
    return html`<div class="header" part="header">
      <div class="queue">
        <span class="queue-icon ${empty ? '' : 'busy'}">${queueIcon}</span>
        <span class="queue-count" part="queue-count">
          ${empty ? msg('No customers waiting') : msg(str`${count} waiting`)}
        </span>
      </div>
      <button
        type="button"
        class="btn primary take-next"
        part="take-next"
        ?disabled=${empty || this.taking}
        aria-describedby=${empty ? 'take-next-reason' : nothing}
        @click=${this.onTakeNext}
      >
        ${msg('Get next in queue')}
      </button>
      ${empty
        ? html`<p class="reason" id="take-next-reason">${msg('The queue is empty: there is no customer to take.')}</p>`
        : nothing}
    </div>`;
  }

  private renderList(active: readonly ChatSession[], recent: readonly ChatSession[]): TemplateResult {
    const all = [...active, ...recent];
    const focusId = this.rovingId(all);
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
        ${active.map((s) => this.renderRow(s, focusId))}
        ${active.length ? nothing : html`<div class="group-empty" role="presentation">${msg('No ongoing chats')}</div>`}
      </div>
      ${recent.length
        ? html`<div class="group" role="group" aria-labelledby="group-recent">
            <div class="group-label" id="group-recent" role="presentation">
              <span>${msg('Recent')}</span><span class="group-hint">${msg('last 8 hours')}</span>
            </div>
            ${recent.map((s) => this.renderRow(s, focusId))}
          </div>`
        : nothing}
    </div>`;
  }

  private renderRow(session: ChatSession, focusId: string | null): TemplateResult {
    const selected = session.id === this.selectedId.value;
    const ended = session.status === 'ended' || session.status === 'missed';
    const name = session.customer.name || msg('Visitor');
    const channel: Channel | undefined = this.channels.value?.[session.channelId];
    const last = session.lastMessage;
    const at = last?.sentAt ?? session.answeredAt ?? session.createdAt;
    const me = this.agentId.value;
    const transfer = session.transferTo;
    const unread = session.agentId === me ? session.unreadCount : 0;
    return html`<div
      class="row ${selected ? 'selected' : ''} ${ended ? 'ended' : ''} ${unread ? 'unread' : ''}"
      part="session${selected ? ' selected' : ''}${ended ? ' ended' : ''}"
      role="option"
      id="session-${session.id}"
      data-id=${session.id}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${session.id === focusId ? '0' : '-1'}
      @click=${() => this.select(session.id)}
    >
      ${renderAvatar(name)}
      <div class="row-main">
        <div class="line top">
          <bdi class="name" title=${name}>${name}</bdi>
          <time class="time" datetime=${at} title=${formatDateTime(at, this.display)}>${formatTime(at, this.display)}</time>
        </div>
        <div class="line meta">
          <span class="channel" title=${channel?.name ?? ''}>${channel?.name ?? session.channelId}</span>
          ${ended
            ? html`<span class="status ${session.status}">${session.status === 'missed' ? msg('Missed') : msg('Ended')}</span>`
            : nothing}
          ${transfer ? this.renderTransfer(transfer.toAgentId === me, transfer.toAgentId === me ? transfer.fromAgentId : transfer.toAgentId) : nothing}
        </div>
        <div class="line preview-line">
          ${this.renderPreview(session)}
          ${unread
            ? html`<span class="badge unread-badge"
                ><span aria-hidden="true">${unread}</span
                ><span class="visually-hidden"
                  >${unread === 1 ? msg('1 unread message') : msg(str`${unread} unread messages`)}</span
                ></span
              >`
            : nothing}
        </div>
      </div>
    </div>`;
  }

  private renderTransfer(toMe: boolean, otherAgentId: string): TemplateResult {
    const other: Agent | undefined = this.agents.value?.[otherAgentId];
    const label = toMe ? msg('Transfer to you') : msg('Transfer pending');
    const detail = other
      ? toMe
        ? msg(str`${other.name} wants to transfer this chat to you`)
        : msg(str`Waiting for ${other.name} to accept`)
      : label;
    return html`<span class="transfer ${toMe ? 'to-me' : 'from-me'}" title=${detail}>${warningIcon}<span>${label}</span></span>`;
  }

  private renderPreview(session: ChatSession): TemplateResult {
    const last = session.lastMessage;
    if (!last) return html`<span class="preview muted">${msg('No messages yet')}</span>`;
    if (last.kind === 'system') return html`<span class="preview system" dir="auto">${last.text}</span>`;
    if (last.kind === 'to-customer') {
      // The preview does not say which agent wrote; "You" only where the agent handled the chat.
      const author = session.agentId === this.agentId.value ? msg('You:') : msg('Agent:');
      return html`<span class="preview"><span class="author">${author}</span> <span dir="auto">${last.text}</span></span>`;
    }
    return html`<span class="preview customer" dir="auto">${last.text}</span>`;
  }

  /** The row id that holds the tab stop: the focused row, else the selected one, else the first. */
  private rovingId(all: readonly ChatSession[]): string | null {
    if (this.focusId && all.some((s) => s.id === this.focusId)) return this.focusId;
    const selected = this.selectedId.value;
    if (selected && all.some((s) => s.id === selected)) return selected;
    return all[0]?.id ?? null;
  }

  private rows(): HTMLElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]'));
  }

  private onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (row?.dataset.id) this.focusId = row.dataset.id;
  };

  private onKeyDown = (event: KeyboardEvent): void => {
    const rows = this.rows();
    if (!rows.length) return;
    const current = rows.findIndex((r) => r.dataset.id === this.focusId);
    let next = -1;
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
        const id = rows[current]?.dataset.id;
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
    const row = rows[next]!;
    this.focusId = row.dataset.id ?? null;
    row.focus();
    row.scrollIntoView?.({ block: 'nearest' });
  };

  private select(sessionId: string): void {
    const service = this.service;
    if (!service) return;
    this.focusId = sessionId;
    try {
      service.selectSession(sessionId);
    } catch {
      return; // The session vanished meanwhile; the list re-renders without it.
    }
    this.emit('chat-session-select', { sessionId });
  }

  private onTakeNext = async (): Promise<void> => {
    const service = this.service;
    if (!service || this.taking) return;
    this.taking = true;
    const session = await this.run(service.takeNextInQueue());
    this.taking = false;
    if (session) {
      this.focusId = session.id;
      this.pendingFocus = this.matches(':focus-within');
      this.emit('chat-session-select', { sessionId: session.id });
    }
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.pendingFocus && this.focusId) {
      const row = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.focusId)}"]`);
      if (row) {
        this.pendingFocus = false;
        row.focus();
      }
    }
  }
}
