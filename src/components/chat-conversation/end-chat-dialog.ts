import { msg, str } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import type { EndChatConcern } from '../../model/session.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';

/** What the end-chat dialog needs from the conversation that hosts it. */
export interface EndChatDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The confirmation `<chat-conversation>` asks before "End chat" when the customer wrote last or
 * the composer holds a reply that was not sent (see `endChatConcerns`; a part of the element, not
 * an element): a native modal `<dialog>` ("End this chat?") that names each concern, with
 * "End chat now" and "Keep chatting" (closes it; focus returns to the opener and the composer
 * keeps its text). Confirming calls `end`.
 */
export class EndChatDialog {
  private readonly modal: ModalController;
  private sessionId: string | null = null;
  private customerName = '';
  private concerns: readonly EndChatConcern[] = [];

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

  /**
   * Ask before ending `sessionId`; focus returns to `opener` when the agent keeps chatting.
   * @param customerName the customer's name, as the dialog's text names them
   * @param concerns what to warn about (from `endChatConcerns`); with none, the unanswered customer
   */
  open(sessionId: string, customerName: string, concerns: readonly EndChatConcern[], opener?: HTMLElement | null): Promise<void> {
    this.sessionId = sessionId;
    this.customerName = customerName;
    this.concerns = concerns.length ? concerns : ['unanswered'];
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
        <div class="dialog-texts" id="end-text">
          ${this.concerns.map((concern) =>
            concern === 'unanswered'
              ? html`<p class="dialog-text">${msg(str`${this.customerName} wrote last and has not had an answer yet.`)}</p>`
              : html`<p class="dialog-text">${msg(str`Your reply to ${this.customerName} has not been sent. Ending the chat will not send it.`)}</p>`,
          )}
        </div>
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
