/**
 * The CDN build's autoloader (the pattern of Shoelace's): each chat element's code is fetched the
 * first time its tag appears in the page, so a page pays only for the elements it shows.
 *
 * Watches `document` (an initial scan plus a `MutationObserver` over the whole tree). Tags inside
 * a host's own shadow roots are out of its sight: call {@link discover} with that root.
 */
import {
  type LazyChatTag,
  isLazyChatTag,
  lazyChatTags,
  loadChatElement,
  loadChatElements,
} from './utils/element-loaders.js';

let observer: MutationObserver | undefined;

/** The not-yet-defined chat tags in `root` (and `root` itself when it is an element). */
function undefinedTagsIn(root: Document | ShadowRoot | Element): Set<LazyChatTag> {
  const tags = new Set<LazyChatTag>();
  if (root instanceof Element && isLazyChatTag(root.localName) && !customElements.get(root.localName)) {
    tags.add(root.localName);
  }
  for (const el of root.querySelectorAll(':not(:defined)')) {
    if (isLazyChatTag(el.localName)) tags.add(el.localName);
  }
  return tags;
}

function onMutations(records: MutationRecord[]): void {
  const tags = new Set<LazyChatTag>();
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node instanceof Element) for (const tag of undefinedTagsIn(node)) tags.add(tag);
    }
  }
  if (tags.size) void loadChatElements(tags);
}

function observe(root: Document | ShadowRoot): void {
  observer ??= new MutationObserver(onMutations);
  observer.observe(root, { childList: true, subtree: true });
}

/**
 * Start the autoloader: load the chat elements already in `document`, then each one added later
 * (a tag whose code cannot be fetched is reported with `console.error`; adding it again retries).
 * Called once by the CDN entry; calling it again does nothing more.
 */
export function startAutoloader(): void {
  if (observer) return;
  observe(document);
  void loadChatElements(undefinedTagsIn(document));
}

/**
 * Load the chat elements inside `root` now, for hosts that render our tags inside their own
 * shadow roots (which the autoloader's watch over `document` cannot see). A shadow root passed
 * here is also watched from then on, so tags added to it later load by themselves.
 * @param root a shadow root, an element, or the document
 * @returns resolves when every chat tag found in `root` is defined
 * @throws (rejects with) the fetch error when an element's code cannot be loaded (e.g. offline);
 *   calling again retries
 */
export async function discover(root: Document | ShadowRoot | Element): Promise<void> {
  if (root instanceof ShadowRoot) observe(root);
  await Promise.all([...undefinedTagsIn(root)].map(loadChatElement));
}

/**
 * Load and register every chat element now, e.g. before reading an element class with
 * `customElements.get('chat-screen')`, or to fetch everything up front.
 * @returns resolves when all are defined
 * @throws (rejects with) the fetch error when an element's code cannot be loaded; calling again retries
 */
export async function loadAll(): Promise<void> {
  await Promise.all(lazyChatTags.map(loadChatElement));
}
