import { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';

/**
 * The virtualized rows of a long `<chat-session-list>` group: `LitVirtualizer` of
 * @lit-labs/virtualizer under this library's own tag (so a host page that defines
 * `<lit-virtualizer>` itself does not clash). An element rather than the directive, so the
 * virtualizer starts once it is in the page and finds the list's scrolling container.
 *
 * Internal: set `items`, `renderItem`, `keyFunction` and `layout` as properties.
 *
 * @summary Virtualized rows of the session list (internal).
 * @tag chat-virtual-rows
 */
export class ChatVirtualRows extends LitVirtualizer {}
