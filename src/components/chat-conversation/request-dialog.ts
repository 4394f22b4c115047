import { msg } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CreateRequestInput } from '../../backend/adapter.js';
import type { RequestPriority, SupportRequest } from '../../model/crm.js';
import type { ChatService } from '../../service/chat-service.js';
import type { DisplaySettings } from '../../service/state.js';
import { actionErrorText } from './action-errors.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';
import { softDisabled } from '../shared/soft-disabled.js';
import { keptFormValues, renderDiscardButton } from '../shared/form-draft.js';

/** The request form's values, as `ChatService.formDraft` keeps them. */
type RequestValues = { readonly title: string; readonly category: string; readonly priority: string; readonly text: string };

/** What the request dialog needs from the conversation that hosts it. */
export interface RequestDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

const PRIORITIES: readonly RequestPriority[] = ['low', 'medium', 'high', 'urgent'];

function priorityLabel(priority: RequestPriority): string {
  switch (priority) {
    case 'low':
      return msg('Low');
    case 'medium':
      return msg('Medium');
    case 'high':
      return msg('High');
    case 'urgent':
      return msg('Urgent');
  }
}

/**
 * The "Create request" dialog of `<chat-conversation>` (a part of the element, not an element): a
 * native modal `<dialog>` with title, category, priority and extra text, pre-filled from the chat
 * (`ChatService.requestDraft`). Saving calls `ChatService.createRequest` (the backend attaches the
 * chat log; the session records the request) and hands the request to `created`, which puts a
 * short message with the request number in the composer and fires `chat-request-create`.
 *
 * What the agent types is kept per chat (`ChatService.setFormDraft`, form `request`): Escape,
 * Cancel or another chat lose nothing, the dialog opens again with it, "Discard changes" puts the
 * pre-filled values back, and saving drops it.
 */
export class RequestDialog {
  private readonly modal: ModalController;
  private sessionId: string | null = null;
  private draft: RequestValues | null = null;
  private defaults: RequestValues | null = null;
  private changed = false;
  private busy = false;
  private error = '';

  /**
   * @param created called with the session id and the new request; returns where focus goes next
   */
  constructor(
    private readonly host: RequestDialogHost,
    private readonly service: () => ChatService | undefined,
    private readonly display: () => DisplaySettings,
    private readonly created: (sessionId: string, request: SupportRequest) => HTMLElement | null | undefined,
  ) {
    adoptPartStyles(host.renderRoot, dialogStyles);
    this.modal = new ModalController(host, () => host.renderRoot.querySelector<HTMLDialogElement>('#request-dialog'));
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /** Open the dialog for a session: with what the agent typed before in this chat, else pre-filled from the chat. */
  open(sessionId: string, opener?: HTMLElement | null): Promise<void> {
    this.sessionId = sessionId;
    const service = this.service();
    const pre = service?.requestDraft(sessionId);
    this.defaults = pre ? { title: pre.title, category: pre.category, priority: pre.priority, text: pre.text ?? '' } : null;
    const kept = service && this.defaults ? service.formDraft(sessionId, 'request', this.defaults) : null;
    this.draft = kept?.values ?? null;
    this.changed = kept?.changed ?? false;
    this.busy = false;
    this.error = '';
    return this.modal.open(opener);
  }

  /** The dialog, or nothing while closed. */
  render(): TemplateResult | typeof nothing {
    if (!this.modal.isOpen || !this.draft) return nothing;
    const d = this.draft;
    return html`<dialog id="request-dialog" class="dialog wide" aria-labelledby="request-title" @close=${this.modal.onClose}>
      <form class="dialog-form" @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput} novalidate>
        <h2 class="dialog-title" id="request-title">${msg('Create request')}</h2>
        <p class="dialog-text">${msg('The chat log is attached to the request.')}</p>
        <label class="field">
          <span>${msg('Title')}</span>
          <input name="title" required maxlength="200" autocomplete="off" .value=${live(d.title)} autofocus dir="auto" />
        </label>
        <div class="field-row">
          <label class="field">
            <span>${msg('Category')}</span>
            <input name="category" maxlength="80" autocomplete="off" .value=${live(d.category)} />
          </label>
          <label class="field">
            <span>${msg('Priority')}</span>
            <select name="priority" .value=${live(d.priority)}>
              ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${p === d.priority}>${priorityLabel(p)}</option>`)}
            </select>
          </label>
        </div>
        <label class="field">
          <span>${msg('Extra text (optional)')}</span>
          <textarea name="text" rows="4" maxlength="4000" .value=${live(d.text)} dir="auto"></textarea>
        </label>
        <p class="form-error" role="alert">${this.error}</p>
        <div class="dialog-actions">
          ${renderDiscardButton(this.changed, this.onDiscard)}
          <button type="button" class="btn" @click=${() => this.modal.close()}>${msg('Cancel')}</button>
          <button type="submit" class="btn primary" ${softDisabled(this.busy)}>${msg('Save request')}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** Keep what the agent typed, per chat (Escape and Cancel lose nothing). */
  private readonly onInput = (event: Event): void => {
    const service = this.service();
    const values = keptFormValues(event);
    if (!service || !this.sessionId || !this.defaults || !values) return;
    this.draft = values as RequestValues;
    service.setFormDraft(this.sessionId, 'request', this.draft, this.defaults);
    const changed = service.formDraft(this.sessionId, 'request', this.defaults).changed;
    if (changed !== this.changed) {
      this.changed = changed;
      this.host.requestUpdate();
    }
  };

  /** "Discard changes": the pre-filled values again, focus on the title. */
  private readonly onDiscard = (): void => {
    const service = this.service();
    if (this.sessionId) service?.discardFormDraft(this.sessionId, 'request');
    this.draft = this.defaults;
    this.changed = false;
    this.error = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('#request-dialog [name="title"]')?.focus());
  };

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const service = this.service();
    const sessionId = this.sessionId;
    if (!service || !sessionId || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    const input: CreateRequestInput = {
      title: value('title').trim(),
      category: value('category').trim(),
      priority: value('priority') as RequestPriority,
      text: value('text').trim(),
    };
    if (!input.title) {
      this.error = msg('Give the request a title.');
      this.host.requestUpdate();
      (form.elements.namedItem('title') as HTMLInputElement).focus();
      return;
    }
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const request = await service.createRequest(sessionId, input);
      service.discardFormDraft(sessionId, 'request');
      this.changed = false;
      this.busy = false;
      this.modal.returnFocusTo(this.created(sessionId, request));
      this.modal.close();
    } catch (error) {
      this.busy = false;
      this.error = actionErrorText(error, this.display());
      this.host.requestUpdate();
    }
  };
}
