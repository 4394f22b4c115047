/** How long after a typed character the next one still extends the search, in ms. */
export const TYPE_AHEAD_RESET_MS = 500;

/** A label as the search compares it: lower case, without accents ("Émile" matches "e"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Type-ahead of a list (the WAI-ARIA listbox pattern): characters typed in quick succession find
 * the item whose label starts with them. One character (or the same one again) moves to the next
 * item starting with it, cycling; more characters keep the current item while it still matches.
 * When nothing starts with what was typed the search starts again from the last character. DOM-free:
 * the caller passes the labels, the focused index and the key's time.
 */
export class TypeAhead {
  private query = '';
  private lastAt = Number.NEGATIVE_INFINITY;

  /**
   * Whether a search is going on at `atMs` (a character was typed less than
   * {@link TYPE_AHEAD_RESET_MS} before): a Space then belongs to the search instead of choosing.
   * @param atMs the time of the key, in ms (e.g. `KeyboardEvent.timeStamp`)
   */
  active(atMs: number): boolean {
    return this.query !== '' && atMs - this.lastAt < TYPE_AHEAD_RESET_MS;
  }

  /**
   * Add a typed character to the search and find the item to move to.
   * @param char the character typed (one code point)
   * @param atMs the time of the key, in ms (same clock as for {@link active})
   * @param labels the items' labels, in list order
   * @param current the index of the focused item (-1: none)
   * @returns the index of the item to move to, or -1 when no label matches
   */
  find(char: string, atMs: number, labels: readonly string[], current: number): number {
    if (!this.active(atMs)) this.query = '';
    this.lastAt = atMs;
    const typed = fold(char);
    this.query += typed;
    const folded = labels.map((label) => fold(label.trim()));
    const from = (query: string, start: number): number => {
      for (let i = 0; i < folded.length; i++) {
        const index = (start + i + folded.length) % folded.length;
        if (folded[index]!.startsWith(query)) return index;
      }
      return -1;
    };
    const repeated = [...this.query].every((c) => c === typed);
    if (repeated) return from(typed, current + 1);
    const found = from(this.query, Math.max(current, 0));
    if (found >= 0) return found;
    this.query = typed;
    return from(typed, current + 1);
  }
}
