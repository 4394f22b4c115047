import { msg } from '@lit/localize';
import {
  type CSSResultOrNative,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
  css,
  html,
  nothing,
  supportsAdoptingStyleSheets,
} from 'lit';

/**
 * One on-demand part of an element (a dialog, a form, a list shown only after a click) that lives
 * in a lazily imported module, so the element's first render does not carry its code. The host
 * calls {@link LazyPart.preload} when the agent shows intent (pointer over or focus on the
 * opener) and awaits {@link LazyPart.get} on the click. When the module cannot be loaded (network
 * gone, new deployment), `get` resolves to `undefined` and {@link LazyPart.failed} is set so the
 * host renders {@link renderLoadFailure}; the next attempt loads again. Use {@link LazyPart.use}
 * for what the agent asked for (open a dialog): when the load fails, "Try again" in the notice
 * finishes it once the part has loaded.
 *
 * @typeParam T the part (usually a controller made by `create` with the loaded module)
 */
export class LazyPart<T> implements ReactiveController {
  /** The part once loaded (render it only when present). */
  value: T | undefined;
  /** Whether the last attempt to load the part failed. */
  failed = false;
  private loading: Promise<T> | undefined;

  /**
   * @param host the element the part belongs to (updated when the part has loaded or failed to)
   * @param load imports the part's module and makes the part for this host
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {
    host.addController(this);
  }

  /** Start loading (on intent). Never rejects; a failure shows on the next {@link LazyPart.get}. */
  readonly preload = (): void => {
    void this.start().catch(() => undefined);
  };

  /**
   * The part, loading it first if needed.
   * @returns the part, or `undefined` when its module could not be loaded ({@link LazyPart.failed} is then true)
   */
  async get(): Promise<T | undefined> {
    try {
      const value = await this.start();
      if (this.failed) {
        this.failed = false;
        this.host.requestUpdate();
      }
      return value;
    } catch {
      this.failed = true;
      this.host.requestUpdate();
      return undefined;
    }
  }

  /**
   * Do what the agent asked for with the part (e.g. open a dialog), loading it first if needed.
   * When it cannot be loaded, the action waits: a "Try again" of {@link renderLoadFailure} that
   * loads the part runs it then (unless the agent asked for another part since, or dismissed the
   * notice). Run then, the action checks that it still applies (the same chat is shown) and
   * resolves to `false` when it does not (focus then goes where the notice's `focusAfter` says).
   * @param action what to do with the part; awaited
   */
  async use(action: (value: T) => unknown): Promise<void> {
    const value = await this.get();
    if (value === undefined) {
      this.resumeAfterRetry(action);
      return;
    }
    waiting.delete(this as LazyPart<unknown>);
    await action(value);
  }

  /**
   * Have a "Try again" that loads the part run `action` (what the agent asked for when the part
   * could not be loaded; as in {@link LazyPart.use}, for a host that awaited {@link LazyPart.get} itself).
   * @param action what to do with the part; awaited; resolves to `false` when it no longer applies
   */
  resumeAfterRetry(action: (value: T) => unknown): void {
    waiting.set(this as LazyPart<unknown>, { action: action as (value: unknown) => unknown, order: ++asked });
  }

  /**
   * Load the part again after a failure (the agent pressed "Try again"). The failure (and so its
   * notice, with the focused button) stays until the attempt succeeds.
   * @returns the part, or `undefined` when its module could still not be loaded
   */
  retry(): Promise<T | undefined> {
    return this.get();
  }

  /** Forget a failure (the agent dismissed the notice), and the action that waited for the part. */
  dismissFailure(): void {
    waiting.delete(this as LazyPart<unknown>);
    if (!this.failed) return;
    this.failed = false;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  private start(): Promise<T> {
    this.loading ??= this.load().then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}

/** Actions waiting for a part that failed to load (see {@link LazyPart.use}), in the order the agent asked. */
const waiting = new WeakMap<LazyPart<unknown>, { action: (value: unknown) => unknown; order: number }>();
let asked = 0;

/**
 * After "Try again": run the action that waited for one of `parts` (the one the agent asked for
 * last, if its part has loaded now; the others are forgotten, so two dialogs never open at once).
 * @returns whether an action ran (and did not resolve to `false`)
 */
async function resumeLatest(parts: readonly LazyPart<unknown>[]): Promise<boolean> {
  let latest: LazyPart<unknown> | undefined;
  for (const part of parts) {
    const entry = waiting.get(part);
    if (entry && (!latest || entry.order > waiting.get(latest)!.order)) latest = part;
  }
  if (!latest || latest.value === undefined) return false;
  const { action } = waiting.get(latest)!;
  for (const part of parts) waiting.delete(part);
  return (await action(latest.value)) !== false;
}

const adopted = new WeakMap<ShadowRoot, Set<CSSResultOrNative>>();

/**
 * Add a lazily loaded part's styles to its host's shadow root (once per root), after the
 * element's own styles.
 * @param root the host's `renderRoot`
 */
export function adoptPartStyles(root: HTMLElement | DocumentFragment, ...styles: CSSResultOrNative[]): void {
  if (!(root instanceof ShadowRoot)) return;
  const done = adopted.get(root) ?? new Set<CSSResultOrNative>();
  adopted.set(root, done);
  const fresh = styles.filter((s) => !done.has(s));
  for (const s of fresh) done.add(s);
  if (!fresh.length) return;
  if (supportsAdoptingStyleSheets) {
    const sheets = fresh.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet)).filter((s): s is CSSStyleSheet => !!s);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  } else {
    for (const s of fresh) {
      const style = document.createElement('style');
      style.textContent = s instanceof CSSStyleSheet ? '' : s.cssText;
      root.appendChild(style);
    }
  }
}

/**
 * The notice shown when a part could not be loaded: a `role="alert"` line with "Try again" (loads
 * the failed parts again, then finishes what the agent asked for: see {@link LazyPart.use}) and
 * "Dismiss", or nothing when no part failed.
 * @param parts the element's lazy parts
 * @param focusAfter where focus goes when "Try again" succeeded (the notice and its button go) and
 *   no waiting action took it (a dialog that opened): returns the element to focus, or moves the
 *   focus itself and returns nothing
 */
export function renderLoadFailure(
  parts: readonly LazyPart<unknown>[],
  focusAfter?: () => HTMLElement | null | undefined | void,
): TemplateResult | typeof nothing {
  if (!parts.some((p) => p.failed)) return nothing;
  const retry = async () => {
    const failed = parts.filter((p) => p.failed);
    const results = await Promise.all(failed.map((p) => p.retry()));
    // Open what the agent asked for (the dialog takes the focus) ...
    if (await resumeLatest(failed)) return;
    // ... else, the notice (and the focused button) went: focus what the agent goes on with.
    if (results.every((r) => r !== undefined)) focusAfter?.()?.focus();
  };
  return html`<div class="load-failure" role="alert">
    <span>${msg('This part of the chat screen could not be loaded. Check your connection and try again.')}</span>
    <button type="button" class="btn small" @click=${retry}>${msg('Try again')}</button>
    <button type="button" class="btn small" @click=${() => parts.forEach((p) => p.dismissFailure())}>${msg('Dismiss')}</button>
  </div>`;
}

/** Styles of {@link renderLoadFailure} (include after `tokens`). */
export const loadFailureStyles = css`
  .load-failure {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 8px 16px;
    padding: 8px 10px;
    border-radius: var(--_radius-small);
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .load-failure span {
    flex: 1;
    min-width: 0;
  }
`;
