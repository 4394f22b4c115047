import { type TemplateResult, css, html } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { renderMarkdown } from './markdown.js';

export { safeHref } from './safe-href.js';

/**
 * Renders untrusted chat text (customer and agent messages, quick replies, templates) as Lit
 * templates. Every piece of text stays text (Lit bindings, never HTML).
 *
 * Plain text (no character markdown would act on, see {@link hasMarkdownSyntax}) is rendered at
 * once without a parser: paragraphs at blank lines, `<br>` at line breaks, exactly as the markdown
 * reading would render it. Text with markdown syntax is read with `marked`'s lexer (GFM, line
 * breaks kept) in `markdown.ts`, a separate chunk loaded on the first such text; only its TOKENS
 * are used, never its HTML output: paragraphs, line breaks, bold, italic, strike-through, code,
 * lists, quotes and links become elements made by Lit. Raw HTML, images, tables and anything
 * unknown show as their literal source text. Until the parser has loaded, such a text shows as
 * plain text and is upgraded once to the formatted rendering.
 *
 * A link becomes an `<a>` only when `new URL(href)` parses and its protocol is `http:`, `https:`
 * or `mailto:`; every other link (`javascript:`, `data:`, `vbscript:`, relative, malformed) shows
 * as its literal source text. Anchors open in a new tab with `rel="noopener noreferrer"`.
 */

/**
 * Characters and line shapes `marked` (GFM, breaks) could act on: emphasis, code, strike-through,
 * links and images, raw HTML and entities, escapes, tables; at a line's start headings, quotes,
 * lists, rules, setext underlines and indented code; trailing spaces (hard breaks); autolinks
 * (`://`, `www.`, `@`); carriage returns and NUL, which marked normalises. A text without any of
 * these renders the same with and without the parser.
 */
const MARKDOWN_SYNTAX = /[\\`*_~[\]<>&|@\r\0]|^[^\S\n]|[^\S\n]$|^(?:[-+=#:]|\d+[.)])|:\/\/|www\./im;

/** Whether `text` holds anything the markdown reading would act on (a cheap, conservative check). */
export function hasMarkdownSyntax(text: string): boolean {
  return MARKDOWN_SYNTAX.test(text);
}

/** Text without markdown: paragraphs at blank lines, `<br>` at line breaks, all as text. */
function renderPlain(text: string): TemplateResult {
  const paragraphs = text.replace(/^\n+|\n+$/g, '').split(/\n{2,}/).filter(Boolean);
  return html`${paragraphs.map(
    (p) => html`<p>${p.split('\n').map((line, i) => (i ? html`<br />${line}` : line))}</p>`,
  )}`;
}

type Markdown = { renderMarkdown: typeof renderMarkdown };

/**
 * Loads the markdown renderer (and `marked`). Replaceable for tests only (e.g. a loader that
 * fails); not part of the public API.
 */
export const markdownLoader: { load: () => Promise<Markdown> } = {
  load: () => import('./markdown.js'),
};

let markdown: Markdown | undefined;
let loading: Promise<Markdown> | undefined;

/** Load the markdown renderer once; a failed load may be retried by the next text that needs it. */
export function loadMarkdown(): Promise<Markdown> {
  loading ??= markdownLoader.load().then(
    (m) => (markdown = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Characters of a message a list shows before "Show full message": a pasted log or document of
 * tens of thousands of characters would otherwise take hundreds of ms to read as markdown and lay
 * out, each time its row is rendered again while scrolling.
 */
export const LONG_TEXT_CHARS = 3000;

/**
 * The start of a long text, for a collapsed message: at most `max` characters (UTF-16 units), cut
 * at the last paragraph break, else line break, else space in the second half of that, else at
 * `max` (never inside a surrogate pair), followed by " …".
 * @param text the whole text
 * @param max the most characters kept (default {@link LONG_TEXT_CHARS})
 * @returns the text to show and whether it was cut (`clipped: false` returns `text` itself)
 */
export function clipLongText(text: string, max = LONG_TEXT_CHARS): { readonly text: string; readonly clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const head = text.slice(0, max);
  const half = max / 2;
  let cut = head.lastIndexOf('\n\n');
  if (cut < half) cut = head.lastIndexOf('\n');
  if (cut < half) cut = head.lastIndexOf(' ');
  if (cut < half) cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return { text: `${text.slice(0, cut).trimEnd()} …`, clipped: true };
}

/** Renders one text: plain at once, markdown once the parser is there (one upgrade, no flashes). */
class MessageTextDirective extends AsyncDirective {
  private text: string | undefined;
  /** Markdown text shown as plain text, waiting for the parser. */
  private awaitingParser = false;

  render(text: string): unknown {
    this.text = text;
    this.awaitingParser = false;
    if (!hasMarkdownSyntax(text)) return renderPlain(text);
    if (markdown) return markdown.renderMarkdown(text);
    this.awaitingParser = true;
    loadMarkdown().then(
      (m) => {
        if (this.text !== text || !this.isConnected) return; // reconnected() upgrades it
        this.awaitingParser = false;
        this.setValue(m.renderMarkdown(text));
      },
      () => undefined, // stays plain text; the next render tries again
    );
    return renderPlain(text);
  }

  protected override reconnected(): void {
    // The parser arrived while this text was out of the page (e.g. a row kept by the virtualizer
    // but detached): upgrade it now rather than waiting for the host's next render.
    if (this.awaitingParser && markdown && this.text !== undefined) {
      this.awaitingParser = false;
      this.setValue(markdown.renderMarkdown(this.text));
    }
  }
}

const messageText = directive(MessageTextDirective);

/**
 * The body of a message as a Lit template (put it inside an element with the
 * {@link messageTextStyles} and `dir="auto"`).
 * @param text untrusted text; shown as text with safe links only
 */
export function renderMessageText(text: string): TemplateResult {
  return html`${messageText(text)}`;
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
