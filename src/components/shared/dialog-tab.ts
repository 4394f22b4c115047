/**
 * Tab and Shift+Tab go round inside a modal `<dialog>`.
 *
 * `showModal()` makes the rest of the page inert, but Chromium still lets Tab leave the dialog
 * after its last control: focus goes to the browser's own controls (the address bar; `<body>` in a
 * headless browser) before it comes back. A keyboard user then has to find the way back. Every
 * modal dialog of the library binds {@link keepTabInDialog} (the conversation's through
 * `ModalController`, the dashboard's listen-in view directly), so the last control's Tab goes to
 * the first and the first control's Shift+Tab to the last; between them the browser moves focus
 * as usual.
 */

/** Elements that may be in the tab order. */
const CANDIDATES = 'button, a[href], input, select, textarea, summary, [tabindex], [contenteditable="true"]';

/** Whether `el` is a stop of the tab order now: focusable by Tab, enabled, rendered, not inert. */
function isStop(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || el.matches(':disabled') || el.closest('[inert]')) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  return el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true });
}

/** A radio button's group key (its form and name), or `null` for any other element. */
function radioGroup(el: Element): string | null {
  return el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `${el.form ? 'form' : ''}:${el.name}` : null;
}

/**
 * The stops of `dialog`'s tab order, in document order. A radio group is one stop (the browser's
 * rule): its checked radio, else its first one.
 */
export function tabStops(dialog: HTMLElement): HTMLElement[] {
  const all = [...dialog.querySelectorAll<HTMLElement>(CANDIDATES)].filter(isStop);
  const checked = new Set(all.filter((el) => (el as HTMLInputElement).checked && radioGroup(el)).map((el) => radioGroup(el)));
  const seen = new Set<string>();
  return all.filter((el) => {
    const group = radioGroup(el);
    if (group === null) return true;
    if (checked.has(group)) return (el as HTMLInputElement).checked;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}

/**
 * `keydown` listener for a modal `<dialog>` (bind it to the dialog): Tab on the dialog's last
 * stop focuses its first, Shift+Tab on the first focuses the last; a dialog without stops keeps
 * the focus where it is. Other keys, and Tab between the stops, are left to the browser.
 */
export function keepTabInDialog(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  const dialog = event.currentTarget as HTMLElement;
  const stops = tabStops(dialog);
  const root = dialog.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  // A radio of a group stands for its group's stop.
  const group = active ? radioGroup(active) : null;
  const at = group === null ? active : (stops.find((el) => radioGroup(el) === group) ?? active);
  const outside = !active || active === dialog || !dialog.contains(active);
  if (event.shiftKey ? at === first || outside : at === last || outside) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
