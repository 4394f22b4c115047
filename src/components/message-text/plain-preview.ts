/** Characters of a text a preview reads at most. */
const MAX_READ = 1000;

/**
 * A message's text as one line of plain text for a preview (session-list rows, the dashboard's
 * incoming chats, earlier chats in the person panel): the markdown markers of the safe subset that
 * {@link renderMessageText} formats are dropped and a safe link keeps its text, so
 * "Zie **dit** en [link](https://…)" previews as "Zie dit en link". Everything else stays as it
 * was written: raw HTML, images, unsafe links and unclosed markers are kept literally (as the
 * message itself shows them). The result is a string, to be rendered as text (a Lit binding),
 * never as HTML.
 *
 * A small stripper rather than the markdown parser, which is a lazily loaded chunk: previews are
 * in the first render. A link counts as followed when its address starts with `http:`, `https:` or
 * `mailto:` (the message's own check, `safeHref`, also parses it: that is not needed for text).
 * @param text untrusted message text
 */
export function plainPreview(text: string): string {
  // A preview is one line: the rest of a very long text need not be read (nor scanned by the rules).
  if (text.length > MAX_READ) text = `${text.slice(0, MAX_READ)}…`;
  // Quotes, headings, list markers and task boxes at a line's start, then the inline markers.
  return inline(text.replace(/^ {0,3}(?:> ?)*(?:#{1,6}(?: +|$)|(?:[-+*]|\d{1,9}[.)]) +(?:\[[ xX]\] +)?)?/gm, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * In one pass: a backslash escape (the character), a code span or fenced code (its content, as
 * is), an autolink (the address), a link to an http, https or mailto address (its text; images
 * and other links stay literal, as the message shows them), emphasis and strike-through (the text
 * inside; not an underscore inside a word).
 */
const INLINE =
  /\\([!-/:-@[-`{-~])|(`+)([^`][\s\S]*?)\2(?!`)|<((?:https?|mailto):[^\s<>]+)>|(!?)\[([^\]\n]*)\]\(<?(?:https?|mailto):[^\s()<>]*>?\)|(\*\*|__|\*|_|~~|~)(?=[^\s*_~])([\s\S]*?[^\s\\])\7/gi;

function inline(text: string): string {
  return text.replace(
    INLINE,
    (whole, escaped?: string, ticks?: string, code?: string, auto?: string, bang?: string, label?: string, marker?: string, inner?: string, at?: number) =>
      escaped ??
      (ticks
        ? code!.trim()
        : (auto ??
          (label !== undefined
            ? bang
              ? whole
              : inline(label)
            : marker!.startsWith('_') && /\w/.test(`${text[at! - 1] ?? ''}${text[at! + whole.length] ?? ''}`)
              ? whole
              : inline(inner!)))),
  );
}
