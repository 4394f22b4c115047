import { msg, str } from '@lit/localize';
import { type TemplateResult, css, html, svg } from 'lit';
import type { ChatSession } from '../../model/session.js';
import type { ChatNotice } from '../../service/state.js';

/**
 * A small, non-blocking notice area shared by the chat elements (a render helper, not an element):
 * a `role="status"` region that is always present (so screen readers announce what appears in it)
 * with one dismissable line per notice from the service's `notices$`.
 */

/** The sentence shown for a notice (or for any failure with that code). */
export function noticeMessage(notice: Pick<ChatNotice, 'code'>): string {
  switch (notice.code) {
    case 'taken':
    case 'already-taken':
      return msg('Another agent answered this chat first');
    case 'queue-empty':
      return msg('No customers are waiting in the queue');
    case 'not-permitted':
      return msg('You are not allowed to do that in this channel');
    case 'network':
    case 'timeout':
    case 'disconnected':
      return msg('The chat server could not be reached. Try again.');
    case 'not-found':
      return msg('This chat no longer exists');
    case 'invalid-state':
      return msg('This chat has changed in the meantime');
    default:
      return msg('Something went wrong');
  }
}

const infoIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 7v4M8 4.6v.1" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;
const closeIcon = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;

/**
 * Render the notice region.
 * @param notices the service's notices (oldest first)
 * @param dismiss called with a notice id when the agent dismisses it
 * @param codes only show notices with these codes (default: all)
 * @param sessionId the conversation's session: only that session's `scope: 'session'` notices;
 *   without it, every notice but those
 */
export function renderNotices(
  notices: readonly ChatNotice[] | undefined,
  dismiss: (noticeId: string) => void,
  codes?: readonly ChatNotice['code'][],
  sessionId?: string,
): TemplateResult {
  const shown = (notices ?? []).filter(
    (n) =>
      (!codes || codes.includes(n.code)) &&
      (sessionId === undefined ? n.scope !== 'session' : n.scope === 'session' && n.sessionId === sessionId),
  );
  return html`<div class="notices" role="status" part="notices">
    ${shown.map(
      (n) => html`<div class="notice ${n.level}" part="notice" data-code=${n.code}>
        <span class="notice-icon">${infoIcon}</span>
        <span class="notice-text">${noticeMessage(n)}</span>
        <button
          type="button"
          class="notice-dismiss"
          aria-label=${msg('Dismiss')}
          title=${msg('Dismiss')}
          @click=${() => dismiss(n.id)}
        >
          ${closeIcon}
        </button>
      </div>`,
    )}
  </div>`;
}

/** Styles of the notice region (include after `tokens`). */
export const noticeStyles = css`
  .notices {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .notices:empty {
    display: none;
  }
  .notice {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    padding: 8px 8px 8px 12px;
    border-radius: var(--_radius-small);
    border: 1px solid color-mix(in srgb, var(--_accent) 30%, transparent);
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: 13px;
    line-height: 1.4;
  }
  .notice.error {
    border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
    background: var(--_danger-soft);
  }
  .notice-icon {
    display: inline-flex;
    padding-top: 1px;
    color: var(--_accent);
    flex: none;
  }
  .notice.error .notice-icon {
    color: var(--_danger);
  }
  .notice-text {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .notice-dismiss {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 24px;
    height: 24px;
    margin: -2px 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius-small);
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .notice-dismiss:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }
`;

/**
 * A polite, visually hidden live region (`aria-live="polite"`, apart from the notices' status) that tells screen-reader users of a new chat in the queue
 * ("New chat waiting: Mira Okafor, Sales website"); sighted agents see the row (and may opt in to a
 * beep or desktop notification). The region is always rendered, so only a change is announced.
 * @param session the newest chat that entered the queue (`ChatService.incoming$`), when the element
 *   shows it (its channels); otherwise undefined
 * @param channelName the channel's name
 */
export function renderArrival(session: ChatSession | undefined, channelName: string | undefined): TemplateResult {
  const name = session?.customer.name || msg('Visitor');
  return html`<div class="arrival visually-hidden" aria-live="polite" aria-atomic="true">
    ${session ? (channelName ? msg(str`New chat waiting: ${name}, ${channelName}`) : msg(str`New chat waiting: ${name}`)) : ''}
  </div>`;
}
