/**
 * Waiting in tests that must not import test/helpers.ts (which defines every element through
 * src/define.js): the tests of what `<chat-screen>` loads by itself.
 */

/**
 * Poll `get` every 10 ms until it returns a truthy value.
 * @param what named in the error on timeout
 * @param timeoutMs how long to wait, in ms
 * @returns the value
 * @throws Error "Timed out waiting for …" after `timeoutMs`
 */
export async function waitFor<T>(get: () => T, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = get();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
