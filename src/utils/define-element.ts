/**
 * Register a custom element once. A tag that is already defined is skipped (with a console
 * warning when it is a different class), so two copies of the library on one page do not throw.
 * @param tag the custom element name, e.g. `chat-screen`
 * @param ctor the element class
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) console.warn(`chat-screen: <${tag}> is already defined by another copy; keeping the first.`);
    return;
  }
  customElements.define(tag, ctor);
}
