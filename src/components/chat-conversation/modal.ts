import { type ReactiveController, type ReactiveControllerHost, css } from 'lit';
import { keepTabInDialog } from '../shared/dialog-tab.js';
import { type ChatScopedHost, shownChat } from './shown-chat.js';

/** The element that has focus, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * Opens one native `<dialog>` of an element modally (`showModal()`: focus trapped, Escape closes,
 * the rest of the page inert; Tab and Shift+Tab go round inside it, see `keepTabInDialog`) and
 * returns focus to the control that opened it when it closes.
 * The dialog is only rendered while open: the host renders it when {@link ModalController.isOpen}
 * is true and binds {@link ModalController.onClose} to its `close` event.
 */
export class ModalController implements ReactiveController {
  /** Whether the dialog is open (or opening). */
  isOpen = false;
  private opener: HTMLElement | null = null;
  /** The chat shown when the dialog opened (hosts with {@link shownChat} only). */
  private openedFor: string | null = null;

  /**
   * @param host the element that renders the dialog
   * @param find returns the rendered `<dialog>` (e.g. `renderRoot.querySelector('#transfer-dialog')`)
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly find: () => HTMLDialogElement | null | undefined,
  ) {
    host.addController(this);
  }

  /**
   * Render and open the dialog.
   * @param opener where focus returns on close (default: the focused element)
   */
  async open(opener?: HTMLElement | null): Promise<void> {
    this.opener = opener ?? deepActiveElement();
    this.openedFor = this.shown();
    this.isOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.find();
    if (!dialog) return;
    // (The same listener again is a no-op: the dialog may be reopened while still rendered.)
    dialog.addEventListener('keydown', keepTabInDialog);
    if (!dialog.open) dialog.showModal();
  }

  /** Send focus somewhere else than the opener when the dialog closes (e.g. the composer after an insert). */
  returnFocusTo(element: HTMLElement | null | undefined): void {
    if (element) this.opener = element;
  }

  /** Close the dialog (focus returns to the opener through {@link ModalController.onClose}). */
  close(): void {
    const dialog = this.find();
    // The browser returns focus to where it was before the dialog opened, which can reset a text
    // field's caret: keep the caret of a text field that focus returns to.
    const target = this.opener;
    const caret =
      target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement
        ? { target, start: target.selectionStart, end: target.selectionEnd }
        : null;
    if (dialog?.open) dialog.close();
    else this.onClose();
    if (caret && caret.start !== null && caret.target.isConnected) {
      caret.target.focus();
      caret.target.setSelectionRange(caret.start, caret.end ?? caret.start);
    }
  }

  /**
   * Bind to the dialog's `close` event: forget the dialog and return focus to the opener. A
   * `close` event of a dialog that is open again (closed and reopened before the event's task
   * ran, e.g. a quick second click) is stale and ignored.
   */
  readonly onClose = (event?: Event): void => {
    if ((event?.target as HTMLDialogElement | null | undefined)?.open) return;
    if (!this.isOpen) return;
    this.isOpen = false;
    this.host.requestUpdate();
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  };

  /** The chat the host shows, when it tells (see {@link shownChat}). */
  private shown(): string | null {
    return (this.host as Partial<ChatScopedHost>)[shownChat]?.() ?? null;
  }

  /**
   * Before the host renders: another chat shown than the one the dialog opened for closes it as
   * if cancelled (its `close` event follows and focus returns to the opener; no caret is restored,
   * as a composer that opened it now shows the other chat).
   */
  hostUpdate(): void {
    if (!this.isOpen || !(shownChat in this.host) || this.shown() === this.openedFor) return;
    const dialog = this.find();
    if (dialog?.open) dialog.close();
    else this.onClose();
  }

  hostDisconnected(): void {
    this.isOpen = false;
    this.opener = null;
  }
}

/** Styles shared by the conversation's dialogs (native `<dialog>` with a form). */
export const dialogStyles = css`
  dialog.dialog {
    width: min(440px, calc(100vw - 32px));
    max-height: calc(100vh - 48px);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font: inherit;
    /* Names, titles, folders and texts from data may be one long unbroken word: wrap, never scroll sideways. */
    overflow-wrap: anywhere;
  }
  dialog.dialog.wide {
    width: min(560px, calc(100vw - 32px));
  }
  dialog.dialog::backdrop {
    background: var(--_backdrop);
  }
  .dialog-form {
    display: flex;
    flex-direction: column;
    gap: 14px;
    padding: 18px 20px 16px;
  }
  .dialog-title {
    margin: 0;
    font-size: 16px;
    font-weight: 600;
  }
  .dialog-text {
    margin: 0;
    color: var(--_text-muted);
  }
  .dialog-texts {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    flex-wrap: wrap;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .field > span,
  .field-label,
  fieldset.field > legend {
    font-size: 13px;
    font-weight: 600;
  }
  fieldset.field {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .field input,
  .field select,
  .field textarea {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 6px 8px;
    min-width: 0;
  }
  .field textarea {
    resize: vertical;
    min-height: 64px;
  }
  .field-row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  .form-error {
    margin: 0;
    padding: 8px 10px;
    border-radius: var(--_radius-small);
    background: var(--_danger-soft);
    color: var(--_danger);
  }
  .btn.danger-fill,
  .btn.danger-fill:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_danger-text);
  }
  .form-error:empty {
    display: none;
  }
`;
