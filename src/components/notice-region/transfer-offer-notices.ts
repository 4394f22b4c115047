import { msg, str } from '@lit/localize';
import { type TemplateResult, css, html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TransferOffer } from '../../service/transfer-offers.js';

const transferIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M2.5 5.5h9M9 3l2.5 2.5L9 8M13.5 10.5h-9M7 8l-2.5 2.5L7 13" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const closeIcon = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;

/** The sentence of a transfer offer notice: "Sanne Bakker transfers Mira Okafor to you". */
export function transferOfferText(offer: Pick<TransferOffer, 'fromAgentName' | 'customerName'>): string {
  const customer = offer.customerName || msg('Visitor');
  return msg(str`${offer.fromAgentName} transfers ${customer} to you`);
}

/**
 * Render the notices of transfers offered to the agent (a render helper of the shared notice
 * region, not an element): a polite `role="status"` region that is always present, so a screen
 * reader announces an offer when it appears, with one line per offer — "Sanne Bakker transfers
 * Mira Okafor to you", the sender's note, **Open** (described by the sentence) and **Dismiss**.
 * Names and notes are rendered as text.
 * @param offers the offers to show (from `ChatService.transferOffers$`, less those the view hides)
 * @param open called with the offer's session id when the agent chooses "Open"
 * @param dismiss called with the offer when the agent dismisses its notice
 */
export function renderTransferOfferNotices(
  offers: readonly TransferOffer[],
  open: (sessionId: string) => void,
  dismiss: (offer: TransferOffer) => void,
): TemplateResult {
  return html`<div class="notices offer-notices" role="status" part="transfer-notices">${repeat(
    offers,
    (o) => `${o.sessionId}|${o.requestedAt}`,
    (o) => {
      const textId = `offer-text-${o.sessionId}`;
      return html`<div class="notice offer-notice" part="transfer-notice" data-session-id=${o.sessionId}>
        <span class="notice-icon">${transferIcon}</span>
        <span class="notice-text">
          <span id=${textId}>${transferOfferText(o)}</span>
          ${o.note ? html`<span class="offer-note" dir="auto">${o.note}</span>` : nothing}
        </span>
        <button type="button" class="btn small offer-open" aria-describedby=${textId} @click=${() => open(o.sessionId)}>
          ${msg('Open', { id: 'open-chat', desc: 'Button: open a chat (the Chats tab with that chat)' })}
        </button>
        <button
          type="button"
          class="notice-dismiss"
          aria-label=${msg('Dismiss')}
          aria-describedby=${textId}
          title=${msg('Dismiss')}
          @click=${() => dismiss(o)}
        >
          ${closeIcon}
        </button>
      </div>`;
    },
  )}</div>`;
}

/** Styles of the transfer offer notices (include after `tokens` and `noticeStyles`). */
export const transferOfferNoticeStyles = css`
  /* Kept in the accessibility tree while empty, so the first offer is announced. */
  .offer-notices:empty {
    display: flex;
  }
  .offer-notice {
    align-items: center;
  }
  .offer-notice .notice-icon {
    padding-top: 0;
  }
  .offer-notice .notice-text {
    display: flex;
    flex-direction: column;
  }
  .offer-note {
    color: var(--_text-muted);
    font-size: 12px;
    white-space: pre-line;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .offer-open {
    flex: none;
  }
`;
