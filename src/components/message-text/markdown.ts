import { type TemplateResult, html, nothing } from 'lit';
import { type Token, type Tokens, marked } from 'marked';
import { safeHref } from './safe-href.js';

/**
 * The markdown half of the message renderer, loaded on demand by `message-text.ts` (a separate
 * chunk: `marked` is only fetched when a message contains markdown syntax). The text is read with
 * `marked`'s lexer (GFM, line breaks kept) and only its TOKENS are used, never its HTML output.
 */

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
 * A text read as the safe markdown subset, as a Lit template (see `renderMessageText`).
 * @param text untrusted text; shown as text with safe links only
 */
export function renderMarkdown(text: string): TemplateResult {
  return html`${lex(text).map(renderBlock)}`;
}
