/**
 * The Insert picker's search (DOM-free): which FAQs, reply templates and quick replies match what
 * the agent typed (in the picker's search field, or after "/" in the composer), grouped so the
 * list can say where each comes from.
 */
import type { Snippet, SnippetSource, SnippetsState } from './snippets.js';

/** Which sources a search covers: all three, or one. */
export type SnippetFilter = 'all' | SnippetSource;

/**
 * One group of search results. `favourites` and `recent` mix sources (each row names its own);
 * a `folder` group holds one folder of one source (`source`, `folder`; quick replies have one
 * group, folder `''`).
 */
export interface SnippetGroup {
  /** Stable within one result: `favourites`, `recent`, or `folder-<n>` in list order. */
  readonly id: string;
  readonly kind: 'favourites' | 'recent' | 'folder';
  /** The source of every item (`folder` groups only). */
  readonly source?: SnippetSource;
  /** The folder's name (`folder` groups only). */
  readonly folder?: string;
  readonly items: readonly Snippet[];
}

/** Lower case without accents, for comparing. */
function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Search the loaded snippets.
 *
 * - Without a query (blank): the agent's favourites, then the recently used (both in their own
 *   order, mixing sources), then every snippet of `filter` by source (FAQ, reply templates, quick
 *   replies) and folder.
 * - With a query: only groups by source and folder. A snippet matches when every word of the query
 *   (split at white space; case and accents ignored) occurs in its title, text, folder or link.
 *   Within a group, snippets whose title holds every word come first, those whose title starts
 *   with the query before them; otherwise the source's order (folder, title) stays.
 *
 * @param state the picker's data (`ChatService.snippets$`); nothing is found before it is loaded
 * @param query what the agent typed (a leading "/" is the composer's trigger, not part of the search)
 * @param filter the sources to search (default all three)
 * @returns the groups in list order; empty groups are left out
 */
export function searchSnippets(state: SnippetsState, query: string, filter: SnippetFilter = 'all'): SnippetGroup[] {
  const words = normalise(query.replace(/^\//, '')).split(/\s+/).filter(Boolean);
  const inFilter = state.snippets.filter((s) => filter === 'all' || s.source === filter);
  const groups: SnippetGroup[] = [];
  let shown: Snippet[];
  if (!words.length) {
    shown = inFilter;
    const pick = (keys: readonly string[]) => keys.flatMap((k) => shown.find((s) => s.key === k) ?? []);
    const favourites = pick(state.favourites);
    const recent = pick(state.recent);
    if (favourites.length) groups.push({ id: 'favourites', kind: 'favourites', items: favourites });
    if (recent.length) groups.push({ id: 'recent', kind: 'recent', items: recent });
  } else {
    const phrase = words.join(' ');
    const scored = inFilter.flatMap((s) => {
      const title = normalise(s.title);
      const all = `${title} ${normalise(s.text)} ${normalise(s.folder)} ${normalise(s.url ?? '')}`;
      if (!words.every((w) => all.includes(w))) return [];
      const rank = title.startsWith(phrase) ? 0 : words.every((w) => title.includes(w)) ? 1 : 2;
      return [{ s, rank }];
    });
    // Array.prototype.sort is stable: the source's order stays within a rank.
    shown = scored.sort((a, b) => a.rank - b.rank).map((x) => x.s);
  }
  // One group per source and folder, in the sources' order (FAQ, reply templates, quick replies);
  // keyed by source and folder as a JSON pair: a folder name may contain any character.
  const order: Record<SnippetSource, number> = { faq: 0, template: 1, 'quick-reply': 2 };
  const folders = new Map<string, { source: SnippetSource; folder: string; items: Snippet[] }>();
  for (const s of [...shown].sort((a, b) => order[a.source] - order[b.source])) {
    const key = JSON.stringify([s.source, s.folder]);
    const group = folders.get(key) ?? { source: s.source, folder: s.folder, items: [] };
    group.items.push(s);
    folders.set(key, group);
  }
  let n = 0;
  for (const { source, folder, items } of folders.values()) groups.push({ id: `folder-${n++}`, kind: 'folder', source, folder, items });
  return groups;
}
