import { nothing } from 'lit';
import { Directive, type ElementPart, PartType, type PartInfo, directive } from 'lit/directive.js';

/**
 * Turns a button off without taking the keyboard focus from it: `aria-disabled="true"` instead of
 * the `disabled` attribute, and its clicks (mouse, Enter, Space, a form's implicit submission,
 * `element.click()`) are stopped before the element's own listeners run and their default action
 * (a form submission) is prevented.
 *
 * A `disabled` button that has the focus loses it (Chromium moves it to the page's `<body>`), so
 * the agent's next Tab starts over at the top of the page. This is for the buttons that can turn
 * off while the agent is on them, because of the live state ("Get next in queue" when the last
 * waiting customer leaves, "Answer" while the answer is on its way, a dialog's submit button while
 * it saves): the button keeps the focus, stays in the Tab order, and screen readers say it is
 * unavailable. Say why in text tied to it with `aria-describedby` (not a tooltip).
 *
 * Usage: `<button ${softDisabled(busy || empty)} @click=${...}>`. Style it with
 * `.btn[aria-disabled='true']` (the shared `.btn` styles in `tokens` do).
 */
class SoftDisabledDirective extends Directive {
  private element: HTMLElement | undefined;
  private off = false;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('softDisabled() belongs on an element: <button ${softDisabled(off)}>');
  }

  render(_off: boolean): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [off]: [boolean]): typeof nothing {
    const element = part.element as HTMLElement;
    if (element !== this.element) {
      this.element = element;
      // At the target, capture listeners run before the element's own (bubble) listeners.
      element.addEventListener('click', this.onClick, { capture: true });
    }
    this.off = off;
    if (off) element.setAttribute('aria-disabled', 'true');
    else element.removeAttribute('aria-disabled');
    return nothing;
  }

  private readonly onClick = (event: Event): void => {
    if (!this.off) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
}

/**
 * `aria-disabled` for a button that may turn off while focused (see {@link SoftDisabledDirective}).
 * @param off whether the button is off now
 */
export const softDisabled = directive(SoftDisabledDirective);
