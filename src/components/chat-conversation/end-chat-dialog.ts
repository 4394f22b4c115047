import { msg, str } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';

/** What the end-chat dialog needs from the conversation that hosts it. */
export interface EndChatDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The confirmation `<chat-conversation>` asks before "End chat" when the customer wrote last (a
 * part of the element, not an element): a native modal `<dialog>` ("End this chat?") with
 * "End chat now" and "Keep chatting". Confirming calls `end`.
 */
export class EndChatDialog {
  private readonly modal: ModalController;
  private sessionId: string | null = null;
  private customerName = '';

  /** @param end ends the session (fires the event and calls the service) */
  constructor(
    host: EndChatDialogHost,
    private readonly end: (sessionId: string) => void,
  ) {
    adoptPartStyles(host.renderRoot, dialogStyles);
    this.modal = new ModalController(host, () => host.renderRoot.querySelector<HTMLDialogElement>('#end-dialog'));
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /** Ask before ending `sessionId`; focus returns to `opener` when the agent keeps chatting. */
  open(sessionId: string, customerName: string, opener?: HTMLElement | null): Promise<void> {
    this.sessionId = sessionId;
    this.customerName = customerName;
    return this.modal.open(opener);
  }

  /** The dialog, or nothing while closed. */
  render(): TemplateResult | typeof nothing {
    if (!this.modal.isOpen) return nothing;
    return html`<dialog
      id="end-dialog"
      class="dialog"
      role="alertdialog"
      aria-labelledby="end-title"
      aria-describedby="end-text"
      @close=${this.modal.onClose}
    >
      <div class="dialog-form">
        <h2 class="dialog-title" id="end-title">${msg('End this chat?')}</h2>
        <p class="dialog-text" id="end-text">${msg(str`${this.customerName} wrote last and has not had an answer yet.`)}</p>
        <div class="dialog-actions">
          <button type="button" class="btn" autofocus @click=${() => this.modal.close()}>${msg('Keep chatting')}</button>
          <button type="button" class="btn primary danger-fill" @click=${this.onConfirm}>${msg('End chat now')}</button>
        </div>
      </div>
    </dialog>`;
  }

  private readonly onConfirm = (): void => {
    const id = this.sessionId;
    this.modal.close();
    if (id) this.end(id);
  };
}
