import { msg, str } from '@lit/localize';
import { type ReactiveController, type ReactiveControllerHost, type TemplateResult, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ObserveController } from '../../controllers/observe-controller.js';
import { formatNumber } from '../../i18n/format.js';
import type { TransferConcern } from '../../model/session.js';
import type { ChatService } from '../../service/chat-service.js';
import type { TransferCheck } from '../../service/leave-check.js';
import type { DisplaySettings } from '../../service/state.js';
import type { TransferTarget } from '../../service/transfer-targets.js';
import { actionErrorText } from './action-errors.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';
import { softDisabled } from '../shared/soft-disabled.js';
import { keptFormValues, renderDiscardButton } from '../shared/form-draft.js';

/** The transfer form without a draft: no colleague chosen, no note. */
const NO_TRANSFER = { target: '', note: '' } as const;

/** What the transfer dialog needs from the conversation that hosts it. */
export interface TransferDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The conversation's "Transfer" dialog (a part of `<chat-conversation>`, not an element): a native
 * modal `<dialog>` listing the agents the chat can go to (present, with a right on the chat's
 * channel; from `ChatService.transferTargets$`) with their current chat counts, and an optional
 * note. Submitting calls `ChatService.requestTransfer`; a refusal (`not-permitted`,
 * `invalid-state`, ...) is shown in the dialog, which stays open. After a transfer was asked the
 * dialog closes and focus goes to the composer ("Transfer" itself is gone while it is pending).
 *
 * When the composer holds a reply that was not sent or attached files were not sent
 * (`ChatService.transferCheck$`, followed live while open), the dialog names them first, as the
 * End-chat confirmation does, with "Back to the chat" (closes it and puts focus in the composer,
 * to send them) and the submit reading "Transfer anyway". The reply does not go with the transfer
 * (see `TransferCheck`). When the chat can no longer be transferred (it ended, a transfer is
 * pending, another agent took it) the dialog closes by itself.
 *
 * The colleague chosen and the note typed are kept per chat (`ChatService.setFormDraft`, form
 * `transfer`): Escape, Cancel or "Back to the chat" lose nothing, the dialog opens again with them,
 * "Discard changes" clears them, and a transfer asked drops them.
 */
export class TransferDialog implements ReactiveController {
  private readonly modal: ModalController;
  private readonly targets: ObserveController<readonly TransferTarget[]>;
  private readonly check: ObserveController<TransferCheck>;
  private sessionId: string | null = null;
  private chosen: string | null = null;
  private note = '';
  private changed = false;
  private busy = false;
  private error = '';

  /**
   * @param host the conversation element
   * @param service the host's chat service (may be absent)
   * @param display the agent's locale and time zone
   * @param composer the conversation's composer, where "Back to the chat" puts focus
   * @param elsewhere where focus goes when the dialog closes by itself (its opener went with the
   *   chat's state): the composer, or the conversation's note that says why it is gone
   */
  constructor(
    private readonly host: TransferDialogHost,
    private readonly service: () => ChatService | undefined,
    private readonly display: () => DisplaySettings,
    private readonly composer: () => HTMLElement | null | undefined = () => null,
    private readonly elsewhere: () => HTMLElement | null | undefined = () => null,
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
    this.check = new ObserveController(
      host,
      () => [this.service(), this.modal.isOpen ? this.sessionId : null],
      () => {
        const service = this.service();
        return service && this.modal.isOpen && this.sessionId ? service.transferCheck$(this.sessionId) : undefined;
      },
    );
    host.addController(this);
  }

  /** After each render: the chat can no longer be transferred (ended, taken, a transfer pending): close. */
  hostUpdated(): void {
    if (!(this.modal.isOpen && !this.busy && this.check.value && !this.check.value.possible)) return;
    // After this update (closing asks for another one); still so by then.
    queueMicrotask(() => {
      if (!(this.modal.isOpen && !this.busy && this.check.value && !this.check.value.possible)) return;
      this.modal.returnFocusTo(this.elsewhere());
      this.close();
    });
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /**
   * Open the dialog for a session, with the colleague and note chosen before in this chat; focus
   * returns to `opener` when it closes.
   */
  open(sessionId: string, opener?: HTMLElement | null): Promise<void> {
    this.sessionId = sessionId;
    const kept = this.service()?.formDraft(sessionId, 'transfer', NO_TRANSFER);
    this.chosen = kept?.values.target || null;
    this.note = kept?.values.note ?? '';
    this.changed = kept?.changed ?? false;
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
    // The colleague kept from before can no longer take the chat (away, gone, without the right):
    // say so, rather than leave "Transfer chat" off without a reason.
    const gone = this.chosen && !chosen && targets.length ? (this.service()?.state.agents[this.chosen]?.name ?? '') : null;
    const check = this.check.value;
    const concerns = check?.possible ? check.concerns : [];
    return html`<dialog
      id="transfer-dialog"
      class="dialog"
      aria-labelledby="transfer-title"
      aria-describedby=${concerns.length ? 'transfer-concerns' : nothing}
      @close=${this.modal.onClose}
    >
      <form class="dialog-form" @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput}>
        <h2 class="dialog-title" id="transfer-title">${msg('Transfer chat')}</h2>
        ${concerns.length
          ? html`<div class="dialog-texts concerns" id="transfer-concerns" aria-live="polite">
              ${concerns.map((concern) => html`<p class="dialog-text">${this.concernText(concern, check!)}</p>`)}
              <button type="button" class="btn small" @click=${this.onBack}>${msg('Back to the chat')}</button>
            </div>`
          : nothing}
        ${gone !== null
          ? html`<p class="dialog-text" id="transfer-gone" role="note">
              ${gone
                ? msg(str`${gone} can no longer take this chat. Choose another colleague.`)
                : msg('The colleague you chose can no longer take this chat. Choose another colleague.')}
            </p>`
          : nothing}
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
          <textarea name="note" rows="3" maxlength="500" ?disabled=${!targets.length} .value=${live(this.note)}></textarea>
        </label>
        <p class="form-error" role="alert">${this.error}</p>
        <div class="dialog-actions">
          ${renderDiscardButton(this.changed, this.onDiscard)}
          <button type="button" class="btn" @click=${() => this.close()}>${msg('Cancel')}</button>
          <button
            type="submit"
            class="btn primary"
            aria-describedby=${gone !== null ? 'transfer-gone' : nothing}
            ${softDisabled(!chosen || this.busy)}
          >
            ${concerns.length ? msg('Transfer anyway') : msg('Transfer chat')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private concernText(concern: TransferConcern, check: TransferCheck): string {
    if (concern === 'unsent-reply') {
      return msg(
        str`Your reply to ${check.customerName} has not been sent and does not go with the transfer. Once your colleague accepts, you can no longer send it.`,
      );
    }
    const display = this.display();
    const count = formatNumber(check.unsentFiles, display);
    return new Intl.PluralRules(display.locale).select(check.unsentFiles) === 'one'
      ? msg(str`You have ${count} file that was not sent. Once your colleague accepts, it can no longer be sent.`)
      : msg(str`You have ${count} files that were not sent. Once your colleague accepts, they can no longer be sent.`);
  }

  /** "Back to the chat": close without transferring; focus goes to the composer, to send what is waiting. */
  private readonly onBack = (): void => {
    this.modal.returnFocusTo(this.composer());
    this.close();
  };

  /** Keep the colleague chosen and the note typed, per chat (Escape and Cancel lose nothing). */
  private readonly onInput = (event: Event): void => {
    const service = this.service();
    const kept = keptFormValues(event);
    if (!service || !this.sessionId || !kept) return;
    const values = { ...NO_TRANSFER, ...kept };
    this.note = values.note;
    service.setFormDraft(this.sessionId, 'transfer', values, NO_TRANSFER);
    const changed = service.formDraft(this.sessionId, 'transfer', NO_TRANSFER).changed;
    if (changed !== this.changed) {
      this.changed = changed;
      this.host.requestUpdate();
    }
  };

  /** "Discard changes": no colleague chosen, no note. */
  private readonly onDiscard = (): void => {
    if (this.sessionId) this.service()?.discardFormDraft(this.sessionId, 'transfer');
    this.chosen = null;
    this.note = '';
    this.changed = false;
    this.error = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('#transfer-dialog input[name="target"], #transfer-dialog textarea')?.focus(),
    );
  };

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
    if (!(this.targets.value ?? []).some((t) => t.agent.id === this.chosen)) return;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement | null)?.value ?? '';
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await service.requestTransfer(sessionId, this.chosen, note.trim() || undefined);
      service.discardFormDraft(sessionId, 'transfer');
      this.changed = false;
      this.busy = false;
      // The opener ("Transfer") goes while the transfer is pending: focus goes to the composer
      // (the agent still has the chat, e.g. to tell the customer), else where the chat's state says.
      this.modal.returnFocusTo(this.composer() ?? this.elsewhere());
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
  .concerns {
    padding: 10px 12px;
    border: 1px solid var(--_warning);
    border-radius: var(--_radius-small);
    background: var(--_warning-soft);
  }
  .concerns .btn {
    align-self: flex-start;
  }
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
