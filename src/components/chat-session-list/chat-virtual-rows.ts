import { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';

const ROWS_LAYOUT = flow({});

/**
 * The virtualized rows of a long `<chat-session-list>` group: `LitVirtualizer` of
 * @lit-labs/virtualizer under this library's own tag (so a host page that defines
 * `<lit-virtualizer>` itself does not clash). An element rather than the directive, so the
 * virtualizer starts once it is in the page and finds the list's scrolling container.
 *
 * Internal: set `items`, `renderItem` and `keyFunction` as properties (the layout is the flow layout).
 * Defined by `chat-virtual-rows.define.ts`, which `<chat-session-list>` loads when a group is long.
 *
 * @summary Virtualized rows of the session list (internal).
 * @tag chat-virtual-rows
 */
export class ChatVirtualRows extends LitVirtualizer {
  constructor() {
    super();
    // The flow layout (rows of any height, top to bottom).
    this.layout = ROWS_LAYOUT;
  }
}
