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
 * host renders {@link renderLoadFailure}; the next attempt loads again.
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
   * Load the part again after a failure (the agent pressed "Try again"). The failure (and so its
   * notice, with the focused button) stays until the attempt succeeds.
   * @returns the part, or `undefined` when its module could still not be loaded
   */
  retry(): Promise<T | undefined> {
    return this.get();
  }

  /** Forget a failure (the agent dismissed the notice). */
  dismissFailure(): void {
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
 * the failed parts again) and "Dismiss", or nothing when no part failed.
 * @param parts the element's lazy parts
 * @param focusAfter what gets the focus when "Try again" succeeded (the notice and its button go)
 */
export function renderLoadFailure(
  parts: readonly LazyPart<unknown>[],
  focusAfter?: () => HTMLElement | null | undefined,
): TemplateResult | typeof nothing {
  if (!parts.some((p) => p.failed)) return nothing;
  const retry = async () => {
    const results = await Promise.all(parts.filter((p) => p.failed).map((p) => p.retry()));
    // The notice (and the focused button) went: focus what the agent goes on with.
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
