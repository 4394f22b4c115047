import { msg } from '@lit/localize';
import { type TemplateResult, css, html } from 'lit';
import type { ExpandedTexts } from './expanded-texts.js';
import { clipLongText, renderMessageText } from './message-text.js';

/**
 * The text of one message wherever a list of messages shows it (the conversation's history, the
 * listen-in dialog, the person panel's transcripts): through {@link renderMessageText}, and a text
 * over `LONG_TEXT_CHARS` characters shows its start (see {@link clipLongText}) with a "Show full
 * message" button (`aria-expanded="false"`) until the agent expands it; then "Show less"
 * (`aria-expanded="true"`) collapses it again. The button stays the same element, so keyboard
 * focus stays on it. Put {@link longTextStyles} (with the message text styles) into the shadow
 * root that shows it.
 * @param id the message's id (the key in `expanded`)
 * @param text untrusted message text; shown as text with safe links only
 * @param expanded the view's expanded messages
 * @param className classes of the text's container besides `message-text`
 */
export function renderLongText(id: string, text: string, expanded: ExpandedTexts, className = ''): TemplateResult {
  const cls = className ? `${className} message-text` : 'message-text';
  const long = clipLongText(text);
  if (!long.clipped) return html`<div class=${cls} dir="auto">${renderMessageText(text)}</div>`;
  const full = expanded.has(id);
  return html`<div class=${cls} dir="auto">${renderMessageText(full ? text : long.text)}</div>
    <button type="button" class="show-more" aria-expanded=${full ? 'true' : 'false'} @click=${(e: Event) => expanded.toggle(id, e.currentTarget as Element)}>
      ${full ? msg('Show less') : msg('Show full message')}
    </button>`;
}

/** Styles of the "Show full message" / "Show less" button of {@link renderLongText}. */
export const longTextStyles = css`
  .show-more {
    display: block;
    margin-block-start: 4px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  .show-more:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
    border-radius: 2px;
  }
`;
