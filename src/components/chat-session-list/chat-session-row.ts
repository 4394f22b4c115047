import { localized, msg, str } from '@lit/localize';
import { LitElement, type TemplateResult, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDateTime, formatTime } from '../../i18n/format.js';
import type { ChatSession } from '../../model/session.js';
import type { DisplaySettings } from '../../service/state.js';
import { plainPreview } from '../message-text/plain-preview.js';
import { renderAvatar } from '../shared/avatar.js';
import { warningIcon } from './icons.js';

/**
 * One row of `<chat-session-list>`: avatar, customer name, time of the last message, channel,
 * state (Ended / Missed, transfers), a preview of the last message and the unread badge.
 *
 * An internal part of the list, not for use on its own: it renders into its own light DOM (so
 * the list's styles and `::part(session)` apply) and only re-renders when its own session (or
 * one of its other inputs) changes, so one new message re-renders one row of a long list. The
 * list sets the row's role (`option`), selection and tab stop on the element itself.
 *
 * @summary One session row of the session list (internal).
 * @tag chat-session-row
 */
@localized()
export class ChatSessionRow extends LitElement {
  /** The session shown (service state; a new object when anything about it changes). */
  @property({ attribute: false }) session?: ChatSession;
  /** Id of the signed-in agent (for "You:" on their own last message and transfer direction), or null. */
  @property({ attribute: false }) me: string | null = null;
  /** Name of the session's channel (empty: the channel id is shown). */
  @property({ attribute: false }) channelName = '';
  /**
   * Name of the agent who wrote the last message (`lastMessage.agentId` looked up in the agents),
   * if known; otherwise the message's `authorName` is shown.
   */
  @property({ attribute: false }) previewAgentName?: string;
  /** Name of the other agent of a pending transfer (from or to the agent), if any. */
  @property({ attribute: false }) transferAgentName?: string;
  /** The agent's locale and time zone for the time. */
  @property({ attribute: false }) display: DisplaySettings = { locale: 'en', timeZone: undefined };

  /** Renders into the element itself: the list's shadow root styles the row. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult | typeof nothing {
    const session = this.session;
    if (!session) return nothing;
    const ended = session.status === 'ended' || session.status === 'missed';
    const name = session.customer.name || msg('Visitor');
    const at = session.lastMessage?.sentAt ?? session.answeredAt ?? session.createdAt;
    const me = this.me;
    const transfer = session.transferTo;
    const unread = session.agentId === me ? session.unreadCount : 0;
    return html`${renderAvatar(name)}
      <div class="row-main">
        <div class="line top">
          <bdi class="name" title=${name}>${name}</bdi>
          <time class="time" datetime=${at} title=${formatDateTime(at, this.display)}>${formatTime(at, this.display)}</time>
        </div>
        <div class="line meta">
          <span class="channel" title=${this.channelName}>${this.channelName || session.channelId}</span>
          ${ended
            ? html`<span class="status ${session.status}">${session.status === 'missed' ? msg('Missed') : msg('Ended')}</span>`
            : nothing}
          ${transfer ? this.renderTransfer(transfer.toAgentId === me) : nothing}
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
      </div>`;
  }

  private renderTransfer(toMe: boolean): TemplateResult {
    const other = this.transferAgentName;
    const label = toMe ? msg('Transfer to you') : msg('Transfer pending');
    const detail = other
      ? toMe
        ? msg(str`${other} wants to transfer this chat to you`)
        : msg(str`Waiting for ${other} to accept`)
      : label;
    return html`<span class="transfer ${toMe ? 'to-me' : 'from-me'}" title=${detail}>${warningIcon}<span>${label}</span></span>`;
  }

  private renderPreview(session: ChatSession): TemplateResult {
    const last = session.lastMessage;
    if (!last) return html`<span class="preview muted">${msg('No messages yet')}</span>`;
    if (last.kind === 'system') return html`<span class="preview system" dir="auto">${last.text}</span>`;
    // One line of plain text: markdown markers dropped, still bound as text.
    const text = plainPreview(last.text);
    if (last.kind === 'to-customer') {
      // "You:" only for the signed-in agent's own message; a colleague's by name (else "Agent:").
      const name = this.previewAgentName || last.authorName;
      const author =
        this.me !== null && last.agentId === this.me ? msg('You:') : name ? msg(str`${name}:`) : msg('Agent:');
      return html`<span class="preview"><span class="author">${author}</span> <span dir="auto">${text}</span></span>`;
    }
    return html`<span class="preview customer" dir="auto">${text}</span>`;
  }
}
