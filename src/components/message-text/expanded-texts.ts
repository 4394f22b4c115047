/**
 * Which long messages of one view the agent expanded with "Show full message" (see
 * `renderLongText` in long-text.ts): view state, kept by the element that shows the messages for
 * as long as that view lives (the conversation's history of one session, one listen-in dialog,
 * the person panel of one chat), never in the service. Keyed by message id, so it survives
 * re-renders and rows the virtualizer recycles. A module of its own, so an element can hold it
 * without loading the message text renderer.
 */
export class ExpandedTexts {
  private readonly ids = new Set<string>();

  /**
   * @param changed called after a message was expanded or collapsed: the owner renders again.
   *   When it returns a promise (the owner's `updateComplete`), a collapsed message's button is
   *   scrolled into view once it settles (it moved up by the text taken away); the history returns
   *   nothing (its virtualizer keeps its rows in place itself).
   */
  constructor(private readonly changed: () => Promise<unknown> | void) {}

  /** Whether the message `id` is shown in full. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * Expand the message `id` when collapsed, else collapse it; then ask the owner to render.
   * @param button the message's "Show full message" / "Show less" button, kept in view on collapse
   */
  toggle(id: string, button?: Element): void {
    const collapsing = this.ids.delete(id);
    if (!collapsing) this.ids.add(id);
    const rendered = this.changed();
    if (collapsing && button && rendered) {
      void rendered.then(() => {
        if (button.isConnected) button.scrollIntoView({ block: 'nearest' });
      });
    }
  }

  /** Collapse every message (the view shows something else now). Does not ask for a render. */
  clear(): void {
    this.ids.clear();
  }
}
