import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What had the keyboard focus in an element before an update took it away. */
export interface FocusLoss {
  /**
   * The element of the host's shadow root that had the focus (a control, or the host of a nested
   * element). It is no longer in the page, or it is `disabled` now. Its detached subtree still
   * answers `closest()` (e.g. the row it was in, with its `data-id`).
   */
  readonly element: HTMLElement;
  /** The focusable elements of the shadow root before the update, in document order (`element` among them). */
  readonly before: readonly HTMLElement[];
  /**
   * Whether the element was inside an element matching `selector` before the update (its
   * ancestors in the shadow root then: an element removed on its own has none left).
   */
  wasIn(selector: string): boolean;
  /** The caret or selection (`selectionStart`, `selectionEnd`) when it was a text field. */
  readonly selection?: readonly [number, number];
}

/** What a {@link FocusKeeper} host says about a loss: where focus goes, and why (announced). */
export type FocusRescue = HTMLElement | null | undefined;

/** The elements a keyboard user can be on (a neighbour of the lost one can take the focus). */
const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]';

/**
 * Keeps the keyboard focus in an element when the live state takes the focused control away:
 * a row that goes because another agent answered its chat, "End chat" when the chat ended, a button
 * that turned `disabled`. The browser would drop the focus on the page's `<body>` (the agent's next
 * Tab starts over at the top of the page, and a screen reader says nothing).
 *
 * Before each update of its host the controller notes the focused element of the host's shadow
 * root; after the update, when that element has left the DOM or is `disabled` and nothing else took
 * the focus meanwhile, it asks the host where focus goes (`rescue`), else moves it to the nearest
 * focusable element that was its neighbour before the update (the next one, else the previous one).
 *
 * Buttons that turn off while the state changes under them should rather stay focusable (see
 * `softDisabled`); this controller is for what goes away.
 */
export class FocusKeeper implements ReactiveController {
  private pending: FocusLoss | undefined;

  /**
   * @param host the element (its `renderRoot` is a shadow root)
   * @param rescue where focus goes after a loss; `undefined` leaves it to the nearest neighbour,
   *   `null` to nothing (the host moves it itself). The host may set its own announcement of why
   *   (a polite live region) here.
   */
  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly rescue: (loss: FocusLoss) => FocusRescue = () => undefined,
  ) {
    host.addController(this);
  }

  private get root(): ShadowRoot | null {
    const root = this.host.renderRoot;
    return root instanceof ShadowRoot ? root : null;
  }

  hostUpdate(): void {
    const root = this.root;
    const active = root?.activeElement;
    if (!root || !(active instanceof HTMLElement)) {
      this.pending = undefined;
      return;
    }
    const text = active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement ? active : undefined;
    const selection = text && text.selectionStart !== null ? ([text.selectionStart, text.selectionEnd ?? text.selectionStart] as const) : undefined;
    const ancestors: Element[] = [];
    for (let el = active.parentElement; el; el = el.parentElement) ancestors.push(el);
    this.pending = {
      element: active,
      before: [...root.querySelectorAll<HTMLElement>(FOCUSABLE)],
      wasIn: (selector) => ancestors.some((el) => el.matches(selector)),
      ...(selection ? { selection } : {}),
    };
  }

  hostUpdated(): void {
    const loss = this.pending;
    this.pending = undefined;
    const root = this.root;
    if (!loss || !root) return;
    const { element } = loss;
    const gone = !element.isConnected || element.getRootNode() !== root;
    if (!gone && !element.matches(':disabled')) return;
    // Something else has the focus already (the update moved it on purpose).
    const now = root.activeElement;
    if (now && now !== element) return;
    const rescue = this.rescue(loss);
    if (rescue === null) return;
    (rescue ?? nearest(loss, root))?.focus();
  }
}

/** Whether `el` can take the focus now (in `root`, enabled, rendered). */
export function canTakeFocus(el: HTMLElement, root: ShadowRoot): boolean {
  return el.isConnected && el.getRootNode() === root && !el.matches(':disabled') && el.getClientRects().length > 0;
}

/**
 * The nearest of `loss.before` that can still take the focus, after the lost element first (the
 * next row moves up into its place), then before it.
 * @param loss what was lost
 * @param root the host's shadow root
 * @param among only elements matching this selector (default: any)
 */
export function nearest(loss: FocusLoss, root: ShadowRoot, among?: string): HTMLElement | undefined {
  const list = among ? loss.before.filter((el) => el === loss.element || el.matches(among)) : loss.before;
  const at = list.indexOf(loss.element);
  const ok = (el: HTMLElement) => el !== loss.element && canTakeFocus(el, root);
  return list.slice(at + 1).find(ok) ?? list.slice(0, Math.max(at, 0)).reverse().find(ok);
}
