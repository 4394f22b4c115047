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
 * `mailto:` (the message's own check, `safeHref`, also parses it: it is not needed for text).
 * @param text untrusted message text
 */
export function plainPreview(text: string): string {
  // A preview is one line: the rest of a very long text need not be read (nor scanned by the rules).
  if (text.length > MAX_READ) text = `${text.slice(0, MAX_READ)}…`;
  const lines = text
    .split(/\r\n?|\n/)
    // Code fences, rules and setext underlines: markers only.
    .filter((line) => !/^ {0,3}(?:`{3,}|~{3,}|(?:[-*_] *){3,}$|=+ *$)/.test(line))
    // Quotes, headings, list markers and task boxes.
    .map((line) => line.replace(/^ {0,3}(?:> ?)*(?:#{1,6}(?: +|$)|(?:[-+*]|\d{1,9}[.)]) +(?:\[[ xX]\] +)?)?/, ''));
  return collapse(inline(lines.join('\n')));
}

/**
 * In one pass: a backslash escape (the character), a code span (its content, as is), an autolink
 * (the address), a link (its text, when it is followed; images and other links stay literal),
 * emphasis and strike-through (the text inside; not an underscore inside a word).
 */
const INLINE =
  /\\([!-/:-@[-`{-~])|(`+)([^`][\s\S]*?)\2(?!`)|<((?:https?|mailto):[^\s<>]+)>|(!?)\[([^\]\n]*)\]\(\s*<?([^\s()<>]*)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)|(\*\*|__|\*|_|~~|~)(?=[^\s*_~])([\s\S]*?[^\s\\])\8/g;

function inline(text: string): string {
  return text.replace(
    INLINE,
    (whole, escaped?: string, ticks?: string, code?: string, auto?: string, bang?: string, label?: string, href?: string, marker?: string, inner?: string, at?: number) => {
      if (escaped) return escaped;
      if (ticks) return code!.trim() || code!;
      if (auto) return safeHref(auto) ? auto : whole;
      if (label !== undefined) return bang || !safeHref(href) ? whole : inline(label);
      if (marker!.startsWith('_') && /[\p{L}\p{N}_]/u.test(`${text[at! - 1] ?? ''}${text[at! + whole.length] ?? ''}`)) return whole;
      return inline(inner!);
    },
  );
}

/** An address the message text would make a link of (see `safeHref`). */
function safeHref(href: string | undefined): boolean {
  return /^(?:https?|mailto):/i.test(href ?? '');
}

/** One line: runs of white space (line breaks too) as one space, none at the ends. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
