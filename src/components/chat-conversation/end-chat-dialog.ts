import { msg, str } from '@lit/localize';
import { type ReactiveController, type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { ObserveController } from '../../controllers/observe-controller.js';
import { formatNumber } from '../../i18n/format.js';
import type { EndChatConcern } from '../../model/session.js';
import type { ChatService } from '../../service/chat-service.js';
import type { EndChatCheck } from '../../service/leave-check.js';
import type { DisplaySettings } from '../../service/state.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';

/** What the end-chat dialog needs from the conversation that hosts it. */
export interface EndChatDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The confirmation `<chat-conversation>` asks before "End chat" when the customer wrote last, the
 * composer holds a reply that was not sent, or attached files were not sent (a part of the
 * element, not an element): a native modal `<dialog>` ("End this chat?") that names each concern
 * (the number of files with the plural of the agent's locale), with "End chat now" and "Keep
 * chatting" (closes it; focus returns to the opener and the composer keeps its text). Confirming
 * calls `end`.
 *
 * While open it follows `ChatService.endChatCheck$` (not the state when it opened): a customer
 * who writes, a draft changed elsewhere, a file that finishes uploading or fails changes what it
 * names at once; with nothing left to ask it says so and still lets the agent end the chat. When
 * the chat can no longer be ended by the agent (the customer left, it ended, another agent took
 * it) the dialog closes by itself, and the conversation's note that says why takes the focus.
 */
export class EndChatDialog implements ReactiveController {
  private readonly modal: ModalController;
  private readonly check: ObserveController<EndChatCheck>;
  private sessionId: string | null = null;

  /**
   * @param host the conversation element
   * @param service the host's chat service (may be absent)
   * @param end ends the session (fires the event and calls the service)
   * @param display the agent's locale (for the number of files and its plural)
   * @param elsewhere where focus goes when the dialog closes by itself (its opener went with the
   *   chat): the conversation's note that says why
   */
  constructor(
    host: EndChatDialogHost,
    private readonly service: () => ChatService | undefined,
    private readonly end: (sessionId: string) => void,
    private readonly display: () => DisplaySettings,
    private readonly elsewhere: () => HTMLElement | null | undefined = () => null,
  ) {
    adoptPartStyles(host.renderRoot, dialogStyles);
    this.modal = new ModalController(host, () => host.renderRoot.querySelector<HTMLDialogElement>('#end-dialog'));
    this.check = new ObserveController(
      host,
      () => [this.service(), this.modal.isOpen ? this.sessionId : null],
      () => {
        const service = this.service();
        return service && this.modal.isOpen && this.sessionId ? service.endChatCheck$(this.sessionId) : undefined;
      },
    );
    host.addController(this);
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /**
   * Ask before ending `sessionId`; focus returns to `opener` when the agent keeps chatting. What
   * the dialog names comes from `ChatService.endChatCheck$`, live.
   * @returns resolves once the dialog is shown
   */
  open(sessionId: string, opener?: HTMLElement | null): Promise<void> {
    this.sessionId = sessionId;
    return this.modal.open(opener);
  }

  /** After each render: the chat can no longer be ended (it ended, the customer left, ...): close. */
  hostUpdated(): void {
    if (!(this.modal.isOpen && this.check.value && !this.check.value.possible)) return;
    // After this update (closing asks for another one); still so by then.
    queueMicrotask(() => {
      if (!(this.modal.isOpen && this.check.value && !this.check.value.possible)) return;
      this.modal.returnFocusTo(this.elsewhere());
      this.modal.close();
    });
  }

  /** The dialog, or nothing while closed. */
  render(): TemplateResult | typeof nothing {
    if (!this.modal.isOpen) return nothing;
    const check = this.check.value;
    const concerns = check?.concerns ?? [];
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
        <div class="dialog-texts" id="end-text" aria-live="polite">
          ${check && concerns.length === 0
            ? html`<p class="dialog-text">${msg('Nothing is left unanswered or unsent any more.')}</p>`
            : concerns.map((concern) => html`<p class="dialog-text">${this.concernText(concern, check!)}</p>`)}
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn" autofocus @click=${() => this.modal.close()}>${msg('Keep chatting')}</button>
          <button type="button" class="btn primary danger-fill" @click=${this.onConfirm}>${msg('End chat now')}</button>
        </div>
      </div>
    </dialog>`;
  }

  private concernText(concern: EndChatConcern, check: EndChatCheck): string {
    const name = check.customerName;
    if (concern === 'unanswered') return msg(str`${name} wrote last and has not had an answer yet.`);
    if (concern === 'unsent-reply') return msg(str`Your reply to ${name} has not been sent. Ending the chat will not send it.`);
    const display = this.display();
    const count = formatNumber(check.unsentFiles, display);
    return new Intl.PluralRules(display.locale).select(check.unsentFiles) === 'one'
      ? msg(str`You have ${count} file that was not sent. Ending the chat will not send it.`)
      : msg(str`You have ${count} files that were not sent. Ending the chat will not send them.`);
  }

  private readonly onConfirm = (): void => {
    const id = this.sessionId;
    this.modal.close();
    if (id) this.end(id);
  };
}
