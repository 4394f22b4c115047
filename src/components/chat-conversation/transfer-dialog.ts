import { msg, str } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, css, html, nothing } from 'lit';
import { ObserveController } from '../../controllers/observe-controller.js';
import type { ChatService } from '../../service/chat-service.js';
import type { DisplaySettings } from '../../service/state.js';
import type { TransferTarget } from '../../service/transfer-targets.js';
import { actionErrorText } from './action-errors.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';

/** What the transfer dialog needs from the conversation that hosts it. */
export interface TransferDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The conversation's "Transfer" dialog (a part of `<chat-conversation>`, not an element): a native
 * modal `<dialog>` listing the agents the chat can go to (present, with a right on the chat's
 * channel; from `ChatService.transferTargets$`) with their current chat counts, and an optional
 * note. Submitting calls `ChatService.requestTransfer`; a refusal (`not-permitted`,
 * `invalid-state`, ...) is shown in the dialog, which stays open.
 */
export class TransferDialog {
  private readonly modal: ModalController;
  private readonly targets: ObserveController<readonly TransferTarget[]>;
  private sessionId: string | null = null;
  private chosen: string | null = null;
  private busy = false;
  private error = '';

  /**
   * @param host the conversation element
   * @param service the host's chat service (may be absent)
   * @param display the agent's locale and time zone
   */
  constructor(
    private readonly host: TransferDialogHost,
    private readonly service: () => ChatService | undefined,
    private readonly display: () => DisplaySettings,
  ) {
    adoptPartStyles(host.renderRoot, dialogStyles, transferDialogStyles);
    this.modal = new ModalController(host, () => host.renderRoot.querySelector<HTMLDialogElement>('#transfer-dialog'));
    this.targets = new ObserveController(
      host,
      () => [this.service(), this.modal.isOpen ? this.sessionId : null],
      () => {
        const service = this.service();
        return service && this.modal.isOpen && this.sessionId ? service.transferTargets$(this.sessionId) : undefined;
      },
    );
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /** Open the dialog for a session; focus returns to `opener` when it closes. */
  open(sessionId: string, opener?: HTMLElement | null): Promise<void> {
    this.sessionId = sessionId;
    this.chosen = null;
    this.error = '';
    this.busy = false;
    return this.modal.open(opener);
  }

  /** Close the dialog without transferring. */
  close(): void {
    this.modal.close();
  }

  /** The dialog, or nothing while closed. */
  render(): TemplateResult | typeof nothing {
    if (!this.modal.isOpen) return nothing;
    const targets = this.targets.value ?? [];
    const chosen = targets.some((t) => t.agent.id === this.chosen) ? this.chosen : null;
    return html`<dialog id="transfer-dialog" class="dialog" aria-labelledby="transfer-title" @close=${this.modal.onClose}>
      <form class="dialog-form" @submit=${this.onSubmit}>
        <h2 class="dialog-title" id="transfer-title">${msg('Transfer chat')}</h2>
        ${targets.length
          ? html`<fieldset class="field">
              <legend>${msg('Transfer to')}</legend>
              <div class="targets">
                ${targets.map(
                  (t) => html`<label class="target">
                    <input
                      type="radio"
                      name="target"
                      .value=${t.agent.id}
                      .checked=${t.agent.id === chosen}
                      @change=${() => this.choose(t.agent.id)}
                    />
                    <span class="target-name"><bdi>${t.agent.name}</bdi></span>
                    <span class="target-count">${chatCount(t.chatCount)}</span>
                  </label>`,
                )}
              </div>
            </fieldset>`
          : html`<p class="dialog-text" role="note">${msg('No colleague of this channel is present right now.')}</p>`}
        <label class="field">
          <span>${msg('Note (optional)')}</span>
          <textarea name="note" rows="3" maxlength="500" ?disabled=${!targets.length}></textarea>
        </label>
        <p class="form-error" role="alert">${this.error}</p>
        <div class="dialog-actions">
          <button type="button" class="btn" @click=${() => this.close()}>${msg('Cancel')}</button>
          <button type="submit" class="btn primary" ?disabled=${!chosen || this.busy}>${msg('Transfer chat')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private choose(agentId: string): void {
    this.chosen = agentId;
    this.error = '';
    this.host.requestUpdate();
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const service = this.service();
    const form = event.currentTarget as HTMLFormElement;
    const sessionId = this.sessionId;
    if (!service || !sessionId || !this.chosen || this.busy) return;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement | null)?.value ?? '';
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await service.requestTransfer(sessionId, this.chosen, note.trim() || undefined);
      this.busy = false;
      this.close();
    } catch (error) {
      this.busy = false;
      this.error = actionErrorText(error, this.display());
      this.host.requestUpdate();
    }
  };
}

/** "2 chats" in the agent's language. */
function chatCount(count: number): string {
  return count === 1 ? msg('1 chat') : msg(str`${count} chats`);
}

/** Styles of the transfer dialog's agent list. */
export const transferDialogStyles = css`
  .targets {
    display: flex;
    flex-direction: column;
    gap: 2px;
    max-height: 240px;
    overflow: auto;
    margin-top: 6px;
  }
  .target {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    cursor: pointer;
  }
  .target:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .target-name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .target-count {
    color: var(--_text-muted);
    font-size: 13px;
    white-space: nowrap;
  }
`;
