import { msg } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuickReply } from '../../model/crm.js';
import type { ChatService } from '../../service/chat-service.js';
import type { DisplaySettings } from '../../service/state.js';
import { actionErrorText } from './action-errors.js';
import { ModalController } from './modal.js';
import { softDisabled } from '../shared/soft-disabled.js';
import { keptFormValues, renderDiscardButton } from '../shared/form-draft.js';

/** The quick reply form's values, as `ChatService.formDraft` keeps them. */
type QuickReplyValues = { readonly name: string; readonly text: string };

/** What the quick-reply dialog needs from the conversation that hosts it. */
export interface QuickReplyDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The "Create quick reply" / "Edit quick reply" dialog of `<chat-conversation>` (a part of the
 * element, not an element): a native modal `<dialog>` with the name (not shown to the customer)
 * and the content. Saving calls `ChatService.createQuickReply` or `updateQuickReply`; the quick
 * reply is in the Insert picker at once. Refusals are shown in the dialog, which stays open.
 *
 * What the agent types is kept per chat (`ChatService.setFormDraft`, form `quick-reply`, or
 * `quick-reply:<id>` when editing one): Escape or Cancel lose nothing, the dialog opens again with
 * it, "Discard changes" puts the starting values back, and saving drops it.
 */
export class QuickReplyDialog {
  private readonly modal: ModalController;
  private editing: QuickReply | null = null;
  private sessionId = '';
  private defaults: QuickReplyValues = { name: '', text: '' };
  private values: QuickReplyValues = { name: '', text: '' };
  private changed = false;
  private busy = false;
  private error = '';
  private saved: ((reply: QuickReply) => HTMLElement | null | void) | undefined;

  constructor(
    private readonly host: QuickReplyDialogHost,
    private readonly service: () => ChatService | undefined,
    private readonly display: () => DisplaySettings,
  ) {
    this.modal = new ModalController(host, () => host.renderRoot.querySelector<HTMLDialogElement>('#quick-reply-dialog'));
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /**
   * Open the dialog, with what the agent typed in it before in this chat (else the starting values).
   * @param options.sessionId the chat it is opened in (its typed input is kept for that chat)
   * @param options.edit the quick reply to edit (omit to create one)
   * @param options.text content to start a new quick reply with (e.g. the composer's text)
   * @param options.opener where focus returns when the dialog closes
   * @param options.onSaved called with the saved quick reply; may return where focus goes next
   */
  open(
    options: {
      sessionId?: string | null;
      edit?: QuickReply;
      text?: string;
      opener?: HTMLElement | null;
      onSaved?: (reply: QuickReply) => HTMLElement | null | void;
    } = {},
  ): Promise<void> {
    this.editing = options.edit ?? null;
    this.sessionId = options.sessionId ?? '';
    this.defaults = { name: options.edit?.name ?? '', text: options.edit?.text ?? options.text ?? '' };
    const kept = this.service()?.formDraft(this.sessionId, this.formKey, this.defaults);
    this.values = kept?.values ?? this.defaults;
    this.changed = kept?.changed ?? false;
    this.saved = options.onSaved;
    this.busy = false;
    this.error = '';
    return this.modal.open(options.opener);
  }

  /** The form's key for `ChatService.formDraft`. */
  private get formKey(): string {
    return this.editing ? `quick-reply:${this.editing.id}` : 'quick-reply';
  }

  /** The dialog, or nothing while closed. */
  render(): TemplateResult | typeof nothing {
    if (!this.modal.isOpen) return nothing;
    const title = this.editing ? msg('Edit quick reply') : msg('Create quick reply');
    return html`<dialog id="quick-reply-dialog" class="dialog" aria-labelledby="quick-reply-title" @close=${this.onClose}>
      <form class="dialog-form" @submit=${this.onSubmit} @input=${this.onInput} novalidate>
        <h2 class="dialog-title" id="quick-reply-title">${title}</h2>
        <div class="field">
          <label class="field-label" for="quick-reply-name">${msg('Name')}</label>
          <input
            id="quick-reply-name"
            name="name"
            required
            maxlength="80"
            autocomplete="off"
            aria-describedby="quick-reply-name-hint"
            .value=${live(this.values.name)}
            autofocus
          />
          <small class="field-hint" id="quick-reply-name-hint">${msg('Only you see the name; the customer sees the content.')}</small>
        </div>
        <label class="field">
          <span>${msg('Content')}</span>
          <textarea name="text" rows="4" required maxlength="2000" .value=${live(this.values.text)}></textarea>
        </label>
        <p class="form-error" role="alert">${this.error}</p>
        <div class="dialog-actions">
          ${renderDiscardButton(this.changed, this.onDiscard)}
          <button type="button" class="btn" @click=${() => this.modal.close()}>${msg('Cancel')}</button>
          <button type="submit" class="btn primary" ${softDisabled(this.busy)}>${msg('Save quick reply')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private readonly onClose = (event: Event): void => {
    // Closing this dialog must not close a dialog around it (the picker).
    event.stopPropagation();
    this.modal.onClose(event);
  };

  /** Keep what the agent typed, per chat (Escape and Cancel lose nothing). */
  private readonly onInput = (event: Event): void => {
    const service = this.service();
    const values = keptFormValues(event);
    if (!service || !values) return;
    this.values = values as QuickReplyValues;
    service.setFormDraft(this.sessionId, this.formKey, this.values, this.defaults);
    const changed = service.formDraft(this.sessionId, this.formKey, this.defaults).changed;
    if (changed !== this.changed) {
      this.changed = changed;
      this.host.requestUpdate();
    }
  };

  /** "Discard changes": the starting values again, focus on the name. */
  private readonly onDiscard = (): void => {
    this.service()?.discardFormDraft(this.sessionId, this.formKey);
    this.values = this.defaults;
    this.changed = false;
    this.error = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('#quick-reply-name')?.focus());
  };

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const service = this.service();
    if (!service || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value;
    const text = (form.elements.namedItem('text') as HTMLTextAreaElement).value;
    if (!name.trim() || !text.trim()) {
      this.error = !name.trim() ? msg('Give the quick reply a name.') : msg('Write the content of the quick reply.');
      this.host.requestUpdate();
      (form.elements.namedItem(!name.trim() ? 'name' : 'text') as HTMLElement).focus();
      return;
    }
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const reply = this.editing
        ? await service.updateQuickReply(this.editing.id, { name, text })
        : await service.createQuickReply({ name, text });
      service.discardFormDraft(this.sessionId, this.formKey);
      this.changed = false;
      this.busy = false;
      this.modal.returnFocusTo(this.saved?.(reply) ?? undefined);
      this.modal.close();
    } catch (error) {
      this.busy = false;
      this.error = actionErrorText(error, this.display());
      this.host.requestUpdate();
    }
  };
}
