/** Links in message text: only http, https and mailto may be followed. */

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
