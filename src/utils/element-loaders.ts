/**
 * On-demand registration of the chat elements: each public tag's define module behind a dynamic
 * `import()`, so a bundler (and the CDN build) puts every element in its own chunk, fetched the
 * first time the tag is needed. Used by `<chat-screen>` for the elements of a tab when that tab is
 * first shown, and by the CDN build's autoloader (`src/autoloader.ts`).
 *
 * The npm entry `chat-screen/define.js` still registers every element at once; then each load
 * below finds its tag defined and resolves without fetching anything.
 */

/** The chat element tags that can be loaded on demand (`<chat-provider>` is always defined with the service). */
export type LazyChatTag = 'chat-screen' | 'chat-dashboard' | 'chat-session-list' | 'chat-conversation' | 'chat-person-panel';

/**
 * Each tag's define module (imported for its side effect: `customElements.define`). Not part of
 * the public API: tests replace an entry to see what happens when a fetch fails.
 */
export const chatElementLoaders: Record<LazyChatTag, () => Promise<unknown>> = {
  'chat-screen': () => import('../components/chat-screen/chat-screen.define.js'),
  'chat-dashboard': () => import('../components/chat-dashboard/chat-dashboard.define.js'),
  'chat-session-list': () => import('../components/chat-session-list/chat-session-list.define.js'),
  'chat-conversation': () => import('../components/chat-conversation/chat-conversation.define.js'),
  'chat-person-panel': () => import('../components/chat-person-panel/chat-person-panel.define.js'),
};

/** Every tag {@link loadChatElement} knows, in a stable order. */
export const lazyChatTags = Object.keys(chatElementLoaders) as readonly LazyChatTag[];

/** Whether `tag` (a lower-case local name) is one of ours that loads on demand. */
export function isLazyChatTag(tag: string): tag is LazyChatTag {
  return Object.prototype.hasOwnProperty.call(chatElementLoaders, tag);
}

const pending = new Map<LazyChatTag, Promise<void>>();

/**
 * Register `tag`, fetching its code first when it is not defined yet. Concurrent and repeated
 * calls share one fetch; a tag that is already defined (e.g. by `chat-screen/define.js`) resolves
 * without fetching.
 * @param tag a chat element tag, e.g. `chat-dashboard`
 * @returns resolves once `customElements.get(tag)` is set
 * @throws (rejects with) the loader's error when the code cannot be fetched (e.g. offline); the
 *   next call tries again
 */
export function loadChatElement(tag: LazyChatTag): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let load = pending.get(tag);
  if (!load) {
    load = chatElementLoaders[tag]().then(
      () => customElements.whenDefined(tag).then(() => undefined),
      (error: unknown) => {
        pending.delete(tag);
        throw error;
      },
    );
    pending.set(tag, load);
  }
  return load;
}

/**
 * Register several tags (see {@link loadChatElement}); a tag that fails to load is reported on the
 * console (`console.error`, with the tag) and does not stop the others.
 * @param options.quiet a prefetch: failures are not reported on the console (the load that needs
 *   the tag tries again and reports its own failure)
 * @returns resolves, once every tag is defined or has failed, with the tags that failed (empty
 *   when all are defined)
 */
export async function loadChatElements(tags: Iterable<LazyChatTag>, options: { quiet?: boolean } = {}): Promise<LazyChatTag[]> {
  const results = await Promise.all(
    [...tags].map((tag) =>
      loadChatElement(tag).then(
        () => null,
        (error: unknown) => {
          if (!options.quiet) console.error(`chat-screen: could not load <${tag}>`, error);
          return tag;
        },
      ),
    ),
  );
  return results.filter((tag): tag is LazyChatTag => tag !== null);
}
