import { type TemplateResult, css, html, nothing } from 'lit';
import { type Token, type Tokens, marked } from 'marked';

/**
 * Renders untrusted chat text (customer and agent messages, quick replies, templates) as Lit
 * templates. The text is read with `marked`'s lexer (GFM, line breaks kept) and only its TOKENS
 * are used, never its HTML output: paragraphs, line breaks, bold, italic, strike-through, code,
 * lists, quotes and links become elements made by Lit, every piece of text stays text. Raw HTML,
 * images, tables and anything unknown show as their literal source text.
 *
 * A link becomes an `<a>` only when `new URL(href)` parses and its protocol is `http:`, `https:`
 * or `mailto:`; every other link (`javascript:`, `data:`, `vbscript:`, relative, malformed) shows
 * as its literal source text. Anchors open in a new tab with `rel="noopener noreferrer"`.
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The href when it is safe to follow (http, https, mailto), else null. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

const cache = new Map<string, Token[]>();
const CACHE_SIZE = 500;

/** Tokens of a text (memoised: re-renders do not re-parse). */
function lex(text: string): Token[] {
  let tokens = cache.get(text);
  if (!tokens) {
    try {
      tokens = marked.lexer(text, { gfm: true, breaks: true });
    } catch {
      tokens = [{ type: 'paragraph', raw: text, text, tokens: [{ type: 'text', raw: text, text }] } as Tokens.Paragraph];
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, tokens);
  }
  return tokens;
}

function inline(tokens: readonly Token[] | undefined): unknown[] {
  return (tokens ?? []).map(renderInline);
}

function renderInline(token: Token): unknown {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens?.length ? inline(t.tokens) : t.text;
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return html`<strong>${inline((token as Tokens.Strong).tokens)}</strong>`;
    case 'em':
      return html`<em>${inline((token as Tokens.Em).tokens)}</em>`;
    case 'del':
      return html`<s>${inline((token as Tokens.Del).tokens)}</s>`;
    case 'codespan':
      return html`<code>${(token as Tokens.Codespan).text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeHref(link.href);
      if (!href) return link.raw;
      return html`<a href=${href} target="_blank" rel="noopener noreferrer">${inline(link.tokens)}</a>`;
    }
    default:
      // html, image, checkbox and anything unknown: the literal source, as text.
      return token.raw;
  }
}

function renderBlock(token: Token): unknown {
  switch (token.type) {
    case 'space':
      return nothing;
    case 'paragraph':
      return html`<p>${inline((token as Tokens.Paragraph).tokens)}</p>`;
    case 'heading':
      return html`<p><strong>${inline((token as Tokens.Heading).tokens)}</strong></p>`;
    case 'text': {
      const t = token as Tokens.Text;
      return html`<p>${t.tokens?.length ? inline(t.tokens) : t.text}</p>`;
    }
    case 'code':
      return html`<pre><code>${(token as Tokens.Code).text}</code></pre>`;
    case 'blockquote':
      return html`<blockquote>${(token as Tokens.Blockquote).tokens.map(renderBlock)}</blockquote>`;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => html`<li>${renderListItem(item)}</li>`);
      return list.ordered
        ? html`<ol start=${typeof list.start === 'number' ? list.start : 1}>${items}</ol>`
        : html`<ul>${items}</ul>`;
    }
    default:
      // html blocks, tables, hr, definitions and anything unknown: the literal source, as text.
      return html`<p>${token.raw.replace(/\n+$/, '')}</p>`;
  }
}

function renderListItem(item: Tokens.ListItem): unknown {
  const prefix = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
  // Tight lists hold inline "text" tokens; loose ones hold paragraphs.
  return [prefix, ...item.tokens.map((t) => (t.type === 'text' ? renderInline(t) : t.type === 'checkbox' ? nothing : renderBlock(t)))];
}

/**
 * The body of a message as a Lit template (put it inside an element with the
 * {@link messageTextStyles} and `dir="auto"`).
 * @param text untrusted text; shown as text with safe links only
 */
export function renderMessageText(text: string): TemplateResult {
  return html`${lex(text).map(renderBlock)}`;
}

/** Styles for a container of {@link renderMessageText}: class `message-text`. */
export const messageTextStyles = css`
  .message-text {
    overflow-wrap: anywhere;
    word-break: break-word;
    text-align: start;
    min-width: 0;
    white-space: normal;
  }
  .message-text > :first-child {
    margin-block-start: 0;
  }
  .message-text > :last-child {
    margin-block-end: 0;
  }
  .message-text p,
  .message-text ul,
  .message-text ol,
  .message-text pre,
  .message-text blockquote {
    margin-block: 0 6px;
  }
  .message-text ul,
  .message-text ol {
    padding-inline-start: 20px;
  }
  .message-text code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.92em;
    padding: 1px 4px;
    border-radius: 4px;
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .message-text pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .message-text pre code {
    padding: 0;
    background: none;
  }
  .message-text blockquote {
    margin-inline: 0;
    padding-inline-start: 8px;
    border-inline-start: 3px solid color-mix(in srgb, currentColor 30%, transparent);
  }
  .message-text a {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
`;
