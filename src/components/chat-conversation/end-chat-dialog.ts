import { msg, str } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { formatNumber } from '../../i18n/format.js';
import type { EndChatConcern } from '../../model/session.js';
import type { DisplaySettings } from '../../service/state.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';

/** What the end-chat dialog needs from the conversation that hosts it. */
export interface EndChatDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The confirmation `<chat-conversation>` asks before "End chat" when the customer wrote last, the
 * composer holds a reply that was not sent, or attached files were not sent (see `endChatConcerns`;
 * a part of the element, not an element): a native modal `<dialog>` ("End this chat?") that names
 * each concern (the number of files with the plural of the agent's locale), with
 * "End chat now" and "Keep chatting" (closes it; focus returns to the opener and the composer
 * keeps its text). Confirming calls `end`.
 */
export class EndChatDialog {
  private readonly modal: ModalController;
  private sessionId: string | null = null;
  private customerName = '';
  private concerns: readonly EndChatConcern[] = [];
  private unsentFiles = 0;

  /**
   * @param end ends the session (fires the event and calls the service)
   * @param display the agent's locale (for the number of files and its plural)
   */
  constructor(
    host: EndChatDialogHost,
    private readonly end: (sessionId: string) => void,
    private readonly display: () => DisplaySettings,
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
   * @param unsentFiles how many attached files were not sent (named with `unsent-files`; from `ChatService.unsentFiles`)
   */
  open(
    sessionId: string,
    customerName: string,
    concerns: readonly EndChatConcern[],
    opener?: HTMLElement | null,
    unsentFiles = 0,
  ): Promise<void> {
    this.sessionId = sessionId;
    this.customerName = customerName;
    this.concerns = concerns.length ? concerns : ['unanswered'];
    this.unsentFiles = unsentFiles;
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
          ${this.concerns.map((concern) => html`<p class="dialog-text">${this.concernText(concern)}</p>`)}
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn" autofocus @click=${() => this.modal.close()}>${msg('Keep chatting')}</button>
          <button type="button" class="btn primary danger-fill" @click=${this.onConfirm}>${msg('End chat now')}</button>
        </div>
      </div>
    </dialog>`;
  }

  private concernText(concern: EndChatConcern): string {
    if (concern === 'unanswered') return msg(str`${this.customerName} wrote last and has not had an answer yet.`);
    if (concern === 'unsent-reply') return msg(str`Your reply to ${this.customerName} has not been sent. Ending the chat will not send it.`);
    const display = this.display();
    const count = formatNumber(this.unsentFiles, display);
    return new Intl.PluralRules(display.locale).select(this.unsentFiles) === 'one'
      ? msg(str`You have ${count} file that was not sent. Ending the chat will not send it.`)
      : msg(str`You have ${count} files that were not sent. Ending the chat will not send them.`);
  }

  private readonly onConfirm = (): void => {
    const id = this.sessionId;
    this.modal.close();
    if (id) this.end(id);
  };
}
