import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/** Where the history layout keeps a row framed (the virtualizer's pin). */
export interface HistoryPin {
  /** Index of the row in the history's items. */
  index: number;
  /** Which edge of the log the row's edge is held at (`end`: the row's bottom at the log's bottom). */
  block: ScrollLogicalPosition;
}

/**
 * The virtualizer layout of the message history: the virtualizer's flow layout (rows of any
 * height, measured as they render), with one difference in how it keeps the NEWEST row pinned to
 * the bottom of the log.
 *
 * The flow layout places the last row at the end of the estimated scroll size (rows not yet
 * measured count as the average row, or 100 px before any is measured), but computes the scroll
 * position for a pin from the row's previous position, clamped to the scroll height the DOM had
 * before this layout. When the estimate changes (the first rows are measured on opening, a
 * message arrives), the two disagree:
 * - on opening, the measured rows are smaller than 100 px, the scroll size shrinks, and the
 *   viewport is computed below the end of the rows: the layout renders no rows at all for a
 *   frame (a blank log is painted) and corrects itself one frame later;
 * - on a new message, the scroll position is clamped to the old scroll height, so the new row
 *   sits just below the viewport until it has been measured.
 *
 * Here a pin of the last row at `end` scrolls to the end of the same estimated scroll size the
 * rows are placed in, so the newest row is in view in the frame it is first laid out in. Every
 * other pin (a kept message framed at `start` while older messages load) behaves as in the flow
 * layout.
 *
 * Without a pin (the agent has scrolled up), rows that get smaller late (images that cannot load)
 * shrink the estimated scroll size with them; two more differences keep the rows in view where
 * they are then: the scroll size does not shrink below the end of the view (the flow layout
 * rendered no rows at all), and the layout's scroll correction is counted from the end the
 * browser clamped scrollTop to (it moved the rows by the clamp on top of the correction).
 *
 * Built on members of the Lit virtualizer's flow layout (version 2.1) that its type declarations
 * expose to subclasses (`_setPositionFromPin`, `_updateScrollSize`, `_scrollPosition`, `_scrollError`,
 * `_scrollSize`, `_viewDim1`, `_metricsCache`, `_sendStateChangedMessage`); test/components/chat-conversation-history.test.ts checks the
 * first painted frame on opening and on new messages, so an upgrade that changes them shows.
 */
export class HistoryLayout extends FlowLayout {
  /**
   * Called after each layout pass, once the virtualizer has placed the rows and corrected the
   * scroll position (synchronously, so before the frame is painted), with the log's scrollTop
   * (px) before this pass changed it (see {@link beforeLayout}). Set through the layout config
   * ({@link historyLayout}).
   */
  afterLayout: ((startScrollTop: number) => void) | undefined = undefined;
  /**
   * Called when a layout pass has computed the rows' positions, before it changes the DOM (the
   * rows are still where the agent last saw them, scrolled by the agent since); returns the log's
   * scrollTop (px) now (the DOM's: the layout's own position may be older than the agent's last
   * scroll). Set through the layout config; without it the layout's position is used.
   */
  beforeLayout: (() => number | undefined) | undefined = undefined;

  protected override _sendStateChangedMessage(): void {
    const start = this.beforeLayout?.() ?? this._scrollPosition + this._scrollError;
    const end = Math.max(0, this._scrollSize - this._viewDim1);
    if (this._scrollError && start > end && this.pin === null) {
      // The virtualizer sizes the scroll area first, then scrolls to the DOM's scrollTop less the
      // error. When the scroll size shrank below that scrollTop (rows got smaller, e.g. images that
      // could not load, and the estimate for the rows not measured yet shrank with them), the
      // browser has clamped scrollTop to the new end by then, and the rows moved by the clamp on
      // top of the correction (over 1,000 px): count the correction from that end, as
      // _setPositionFromPin does for the newest row pinned at the end.
      this._scrollError -= start - end;
    }
    // The virtualizer updates the DOM and scrolls by -scrollError synchronously on this message.
    super._sendStateChangedMessage();
    this.afterLayout?.(start);
  }

  override _updateScrollSize(): void {
    super._updateScrollSize();
    // The scroll size is an estimate (the rows not measured yet count as the average row). When
    // rows get smaller (images that cannot load), the estimate can shrink below the scroll position
    // the rows in view are laid out at (by 1,800 px in a 400-message chat): the flow layout then
    // finds no row in range and renders none (a blank log). Not below the end of the view: the
    // layout's extent correction then moves the rows and the scroll position together to fit.
    if (this.pin === null && this._viewDim1 > 0) this._scrollSize = Math.max(this._scrollSize, this._scrollPosition + this._viewDim1);
  }

  protected override _setPositionFromPin(): void {
    const pin = this.pin;
    if (pin === null || pin.block !== 'end' || pin.index !== this.items.length - 1) {
      super._setPositionFromPin();
      return;
    }
    // The virtualizer corrects the scroll position relative to the DOM's (scrollTop - error) after
    // resizing the scroll area; when the scroll size shrank, the browser has already clamped
    // scrollTop to the new end by then, so the error is counted from that end, not twice.
    const previous = Math.min(this._scrollPosition, Math.max(0, this._scrollSize - this._viewDim1));
    // The end of the last row as _getItems() will place it: the estimated scroll size less the
    // row's trailing margin.
    const trailing = this._metricsCache.getMarginSize(pin.index + 1) ?? this._metricsCache.averageMarginSize;
    this._scrollPosition = Math.max(0, this._scrollSize - trailing - this._viewDim1);
    this._scrollError = previous - this._scrollPosition;
  }
}

/** The layout specifier of the message history (see {@link historyLayout}). */
export interface HistoryLayoutSpecifier {
  type: typeof HistoryLayout;
  pin?: HistoryPin;
  afterLayout?: (startScrollTop: number) => void;
  beforeLayout?: () => number | undefined;
}

/**
 * The layout specifier of the message history for `virtualize()` (as `flow()` gives for the flow
 * layout).
 * @param pin the row to keep framed, `null` to release a pin, or undefined to leave it as it is
 * @param hooks `afterLayout`: called after each layout pass, before the frame is painted, with the
 *   log's scrollTop (px) before the pass (see {@link HistoryLayout.afterLayout}); `beforeLayout`:
 *   called before a layout pass changes the DOM, returns the log's scrollTop (see {@link HistoryLayout.beforeLayout})
 */
export function historyLayout(
  pin?: HistoryPin | null,
  hooks: { afterLayout?: (startScrollTop: number) => void; beforeLayout?: () => number | undefined } = {},
): HistoryLayoutSpecifier {
  const spec: HistoryLayoutSpecifier = { type: HistoryLayout, ...hooks };
  // `pin: null` releases a pin (the layout's setter takes null; its config type does not).
  if (pin !== undefined) spec.pin = pin as HistoryPin;
  return spec;
}
