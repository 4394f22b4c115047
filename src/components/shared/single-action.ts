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
    void action(event);
  };
}

/** Whether `event` is the second (or later) click of a double- or triple-click. */
export function isRepeatClick(event: Event): boolean {
  return event.type === 'click' && (event as MouseEvent).detail > 1;
}
