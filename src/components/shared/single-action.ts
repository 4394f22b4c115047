/**
 * The click handler of a button whose action must happen once per intent ("Get next in queue",
 * "Answer", "Accept transfer", "Send"): the clicks after the first of a double- or triple-click
 * (`MouseEvent.detail` > 1: the browser counts clicks in quick succession at one spot) are ignored
 * and their default action (a submit button's form submission) is prevented. A click from the
 * keyboard (Enter / Space, `detail` 0) or from `element.click()` runs the action.
 *
 * This covers what a busy flag cannot: the first click's command may already have finished (the
 * flag cleared) when the second click of the same double-click arrives.
 *
 * @param action what one click does (receives the first click)
 * @returns the listener to bind with `@click`
 */
export function singleAction<E extends Event>(action: (event: E) => unknown): (event: E) => void {
  return (event: E) => {
    if (isRepeatClick(event)) {
      event.preventDefault();
      return;
    }
    if (event.type === 'click' && (event as unknown as MouseEvent).detail === 1) {
      lastActionAt = event.timeStamp;
      guardSecondPress();
    }
    void action(event);
  };
}

/** When (event time stamp, ms) the last mouse click ran a single action. */
let lastActionAt = -Infinity;
let guarding = false;
/** How long after a single action's click the next press of a double-click is kept from moving focus (ms). */
const SECOND_PRESS_MS = 1000;

/**
 * The second press of a double-click on a single action lands where the button was: after
 * "Answer" or "Get next in queue" that is another row, or nothing, and the press would take focus
 * from the composer the action has just focused. So a press that continues a double-click
 * (`mousedown` with `detail` > 1) within {@link SECOND_PRESS_MS} of a single action's click has its
 * default action (focus, text selection) prevented. Installed once, on the first such click.
 */
function guardSecondPress(): void {
  if (guarding || typeof document === 'undefined') return;
  guarding = true;
  document.addEventListener(
    'mousedown',
    (event) => {
      if (event.detail > 1 && event.timeStamp - lastActionAt < SECOND_PRESS_MS) event.preventDefault();
    },
    { capture: true },
  );
}

/** Whether `event` is the second (or later) click of a double- or triple-click. */
export function isRepeatClick(event: Event): boolean {
  return event.type === 'click' && (event as MouseEvent).detail > 1;
}
