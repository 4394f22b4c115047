import { msg, str } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, css, html, nothing, svg } from 'lit';
import { ObserveController } from '../../controllers/observe-controller.js';
import type { QuickReply } from '../../model/crm.js';
import type { ChatService } from '../../service/chat-service.js';
import type { SnippetFilter, SnippetGroup } from '../../service/snippet-search.js';
import type { Snippet, SnippetSource, SnippetsState } from '../../service/snippets.js';
import type { DisplaySettings } from '../../service/state.js';
import { actionErrorText } from './action-errors.js';
import { noticeMessage } from '../notice-region/notice-region.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { ModalController, dialogStyles } from './modal.js';
import { QuickReplyDialog } from './quick-reply-dialog.js';
import { softDisabled } from '../shared/soft-disabled.js';

/** Which sources the picker shows. */
export type PickerFilter = SnippetFilter;

/** A group of the picker's list as shown: favourites, recently used, or one folder of one source. */
interface Group {
  readonly id: string;
  readonly label: string;
  readonly items: readonly Snippet[];
  /** The group mixes sources (favourites, recently used): each row shows a short badge with its source. */
  readonly mixed?: boolean;
}

/** What the picker needs from the conversation that hosts it. */
export interface InsertPickerHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Options of {@link InsertPicker.open}. */
export interface PickerOpenOptions {
  /** Source to show first (default: all). */
  readonly filter?: PickerFilter;
  /** Search text to start with. */
  readonly query?: string;
  /** Where focus returns when the picker closes without inserting. */
  readonly opener?: HTMLElement | null;
  /**
   * Called when the picker closes without inserting (Escape, Cancel), with the search text it
   * had then; after it, focus returns to `opener`. (The composer's "/" puts back what was typed.)
   */
  readonly onDismiss?: (query: string) => void;
}

const starIcon = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" fill="currentColor"/></svg>`;

/**
 * The "Insert" picker of `<chat-conversation>` (a part of the element, not an element): one modal
 * `<dialog>` with the three sources (FAQ, reply template, quick reply) as filter buttons, a search
 * field that is a combobox for the list (Arrow keys move, Enter inserts, Escape closes), folders as
 * groups, and the agent's favourites and recently used on top. The preview of the active item has
 * "Add to favourites" and, for the agent's own quick replies, Edit and Delete; "Create quick reply"
 * opens the quick-reply dialog. Data and rules come from `ChatService` (`snippets$`, `useSnippet`,
 * `toggleFavourite`, `deleteQuickReply`); the chosen text goes to `insert`, which puts it in the
 * composer at the caret. The search (`ChatService.searchSnippets`) looks through all three sources
 * unless a filter is pressed; results stay grouped by source and folder, and a polite status says
 * how many were found. Escape (once, also with search text) closes it without inserting.
 */
export class InsertPicker {
  private readonly modal: ModalController;
  private readonly data: ObserveController<SnippetsState>;
  private readonly quickReplyDialog: QuickReplyDialog;
  private filter: PickerFilter = 'all';
  private query = '';
  private activeKey: string | null = null;
  private confirmingDelete = false;
  private error = '';
  private onDismiss: ((query: string) => void) | undefined;

  /**
   * @param host the conversation element
   * @param service the host's chat service
   * @param sessionId the shown session's id
   * @param display the agent's locale and time zone
   * @param insert puts the chosen text into the composer and returns the composer (focus goes there)
   * @param composerText the composer's text (to start a new quick reply with)
   */
  constructor(
    private readonly host: InsertPickerHost,
    private readonly service: () => ChatService | undefined,
    private readonly sessionId: () => string | null,
    private readonly display: () => DisplaySettings,
    private readonly insert: (text: string) => HTMLElement | null | undefined,
    private readonly composerText: () => string,
  ) {
    adoptPartStyles(host.renderRoot, dialogStyles, insertPickerStyles);
    this.modal = new ModalController(host, () => host.renderRoot.querySelector<HTMLDialogElement>('#insert-dialog'));
    this.data = new ObserveController(
      host,
      () => [this.service(), this.modal.isOpen],
      () => (this.modal.isOpen ? this.service()?.snippets$ : undefined),
    );
    this.quickReplyDialog = new QuickReplyDialog(host, service, display);
  }

  /** Whether the picker is open. */
  get isOpen(): boolean {
    return this.modal.isOpen;
  }

  /** Open the picker (loads the sources the first time). */
  async open(options: PickerOpenOptions = {}): Promise<void> {
    this.filter = options.filter ?? 'all';
    this.query = options.query ?? '';
    this.activeKey = null;
    this.confirmingDelete = false;
    this.error = '';
    this.onDismiss = options.onDismiss;
    void this.service()?.loadSnippets().catch(() => undefined);
    await this.modal.open(options.opener);
    this.searchField()?.focus();
  }

  /** "Try again" after the texts could not be loaded: load them again; focus goes to the search field (the button goes). */
  private readonly onRetryLoad = (): void => {
    this.searchField()?.focus();
    void this.service()?.loadSnippets(true).catch(() => undefined);
  };

  /** Close the picker without inserting. */
  close(): void {
    this.modal.close();
  }

  /** The picker and its quick-reply dialog, or nothing while closed. */
  render(): TemplateResult {
    return html`${this.renderPicker()}${this.quickReplyDialog.render()}`;
  }

  private renderPicker(): TemplateResult | typeof nothing {
    if (!this.modal.isOpen) return nothing;
    const state = this.data.value;
    const groups = state ? this.groups() : [];
    const entries = groups.flatMap((g) => g.items.map((item) => ({ group: g.id, item })));
    const active = entries.find((e) => e.item.key === this.activeKey) ?? entries[0];
    const activeId = active ? optionId(active.group, active.item) : '';
    const filters: [PickerFilter, string][] = [
      ['all', msg('All')],
      ['faq', msg('FAQ')],
      ['template', msg('Reply templates')],
      ['quick-reply', msg('Quick replies')],
    ];
    return html`<dialog id="insert-dialog" class="dialog wide picker" aria-labelledby="insert-title" @close=${this.onClosed}>
      <div class="dialog-form">
        <h2 class="dialog-title" id="insert-title">${msg('Insert')}</h2>
        <div class="picker-filters" role="group" aria-label=${msg('Source')}>
          ${filters.map(
            ([value, label]) => html`<button
              type="button"
              class="chip"
              aria-pressed=${this.filter === value ? 'true' : 'false'}
              @click=${() => this.setFilter(value)}
            >
              ${label}
            </button>`,
          )}
        </div>
        <input
          id="insert-search"
          class="picker-search"
          type="search"
          role="combobox"
          aria-label=${msg('Search texts')}
          aria-expanded="true"
          aria-controls="insert-list"
          aria-autocomplete="list"
          aria-activedescendant=${activeId || nothing}
          placeholder=${msg('Search FAQs, templates and quick replies')}
          autocomplete="off"
          .value=${this.query}
          @input=${this.onSearch}
          @keydown=${(e: KeyboardEvent) => this.onKeyDown(e, entries.map((x) => x.item), active?.item)}
        />
        <div class="picker-body">
          <div
            id="insert-list"
            class="picker-list"
            role=${state?.status === 'error' ? nothing : 'listbox'}
            aria-label=${state?.status === 'error' ? nothing : msg('Texts to insert')}
          >
            ${this.renderGroups(groups, state, activeId)}
          </div>
          ${this.renderPreview(active?.item, state)}
        </div>
        <p class="visually-hidden" role="status">${state?.status === 'ready' && this.query.trim() ? this.foundText(entries.length) : ''}</p>
        <p class="form-error" role="alert">${this.error}</p>
        <div class="dialog-actions picker-actions">
          <button type="button" class="btn" @click=${this.onCreate}>${msg('Create quick reply')}</button>
          <span class="picker-confirm">
            <button type="button" class="btn" @click=${() => this.close()}>${msg('Cancel')}</button>
            <button type="button" class="btn primary" ${softDisabled(!active)} @click=${() => active && this.choose(active.item)}>
              ${msg('Insert text')}
            </button>
          </span>
        </div>
      </div>
    </dialog>`;
  }

  private renderGroups(groups: readonly Group[], state: SnippetsState | undefined, activeId: string): TemplateResult {
    if (!state || state.status === 'loading' || state.status === 'idle') {
      return html`<p class="picker-empty" role="presentation">${msg('Loading…')}</p>`;
    }
    if (state.status === 'error') {
      // Not a listbox then: the alert beside it says why, with "Try again".
      return html`<p class="picker-empty" aria-hidden="true">${msg('The texts could not be loaded.')}</p>`;
    }
    if (!groups.length) {
      return html`<p class="picker-empty" role="presentation">
        ${this.query ? msg(str`Nothing found for “${this.query}”.`) : msg('Nothing here yet.')}
      </p>`;
    }
    return html`${groups.map(
      (g) => html`<div class="picker-group" role="group" aria-labelledby="group-${g.id}">
        <div class="picker-group-label" id="group-${g.id}" role="presentation">${g.label}</div>
        ${g.items.map((item) => {
          const id = optionId(g.id, item);
          const favourite = state.favourites.includes(item.key);
          return html`<div
            class="picker-option ${id === activeId ? 'active' : ''}"
            id=${id}
            role="option"
            aria-selected=${id === activeId ? 'true' : 'false'}
            @click=${() => this.choose(item)}
            @mousemove=${() => this.activate(item.key)}
          >
            <span class="option-title" dir="auto">${item.title}</span>
            ${favourite ? html`<span class="option-star">${starIcon}<span class="visually-hidden">${msg('Favourite')}</span></span>` : nothing}
            ${g.mixed && this.filter === 'all' ? html`<span class="option-source">${sourceBadge(item.source)}</span>` : nothing}
          </div>`;
        })}
      </div>`,
    )}`;
  }

  private renderPreview(item: Snippet | undefined, state: SnippetsState | undefined): TemplateResult {
    if (state?.status === 'error') {
      // Why (by the error's code) and "Try again", outside the list (a listbox holds only options).
      return html`<div class="picker-preview" role="alert">
        <p class="preview-text">${msg('The texts could not be loaded.')} ${noticeMessage({ code: state.error?.code ?? 'unknown' })}</p>
        <div class="preview-actions">
          <button type="button" class="btn small" @click=${this.onRetryLoad}>${msg('Try again')}</button>
        </div>
      </div>`;
    }
    if (!item || !state) return html`<div class="picker-preview"></div>`;
    const favourite = state.favourites.includes(item.key);
    const own = item.source === 'quick-reply';
    return html`<div class="picker-preview" aria-label=${msg('Preview')} role="region">
      <p class="preview-title" dir="auto">${item.title}</p>
      <p class="preview-text" dir="auto">${item.text}</p>
      ${item.url ? html`<p class="preview-url">${item.url}</p>` : nothing}
      <div class="preview-actions">
        <button type="button" class="btn small" aria-pressed=${favourite ? 'true' : 'false'} @click=${() => this.onFavourite(item)}>
          ${starIcon}${msg('Favourite')}
        </button>
        ${own && !this.confirmingDelete
          ? html`<button type="button" class="btn small" @click=${(e: Event) => this.onEdit(item, e)}>${msg('Edit')}</button>
              <button type="button" class="btn small danger" @click=${() => this.askDelete()}>${msg('Delete')}</button>`
          : nothing}
      </div>
      ${own && this.confirmingDelete
        ? html`<div class="confirm-delete" role="group" aria-labelledby="confirm-delete-text">
            <p id="confirm-delete-text">${msg(str`Delete the quick reply “${item.title}”?`)}</p>
            <button type="button" class="btn small danger" @click=${() => this.onDelete(item)}>${msg('Delete quick reply')}</button>
            <button type="button" class="btn small" @click=${() => this.keep()}>${msg('Keep')}</button>
          </div>`
        : nothing}
    </div>`;
  }

  /**
   * The list's groups: the service's search (`ChatService.searchSnippets`: favourites and recently
   * used without a search, then one group per source and folder), each with its label.
   */
  private groups(): Group[] {
    const found = this.service()?.searchSnippets(this.query, this.filter) ?? [];
    return found.map((g) => ({ id: g.id, label: groupLabel(g), items: g.items, mixed: g.kind !== 'folder' }));
  }

  /** "3 texts found", for the status screen readers announce while the agent searches. */
  private foundText(count: number): string {
    if (count === 1) return msg('1 text found');
    return msg(str`${new Intl.NumberFormat(this.display().locale).format(count)} texts found`);
  }

  /**
   * The dialog's `close` event: closed without inserting, the `onDismiss` of {@link InsertPicker.open}
   * hears the search text; then focus returns (`ModalController.onClose`).
   */
  private readonly onClosed = (event: Event): void => {
    const dialog = event.target as HTMLDialogElement | null;
    if (!dialog?.open && this.modal.isOpen) {
      const dismiss = this.onDismiss;
      this.onDismiss = undefined;
      dismiss?.(this.query);
    }
    this.modal.onClose(event);
  };

  private searchField(): HTMLInputElement | null {
    return this.host.renderRoot.querySelector<HTMLInputElement>('#insert-search');
  }

  private setFilter(filter: PickerFilter): void {
    this.filter = filter;
    this.activeKey = null;
    this.confirmingDelete = false;
    this.host.requestUpdate();
  }

  private activate(key: string): void {
    if (this.activeKey === key) return;
    this.activeKey = key;
    this.confirmingDelete = false;
    this.host.requestUpdate();
  }

  private readonly onSearch = (event: InputEvent): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.activeKey = null;
    this.confirmingDelete = false;
    this.host.requestUpdate();
  };

  private onKeyDown(event: KeyboardEvent, items: readonly Snippet[], active: Snippet | undefined): void {
    if (event.isComposing) return;
    const index = active ? items.indexOf(active) : -1;
    let next: Snippet | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = items[(index + 1) % items.length];
        break;
      case 'ArrowUp':
        next = items[(index - 1 + items.length) % items.length];
        break;
      case 'PageDown':
        next = items[Math.min(items.length - 1, index + 8)];
        break;
      case 'PageUp':
        next = items[Math.max(0, index - 8)];
        break;
      case 'Enter':
        event.preventDefault();
        if (active) this.choose(active);
        return;
      case 'Escape':
        // One Escape closes (a search field's own Escape would first clear the search text).
        event.preventDefault();
        this.close();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    this.activate(next.key);
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector('.picker-option.active')?.scrollIntoView({ block: 'nearest' }),
    );
  }

  private choose(item: Snippet): void {
    const service = this.service();
    const sessionId = this.sessionId();
    if (!service || !sessionId) return;
    let text: string;
    try {
      text = service.useSnippet(sessionId, item.key);
    } catch (error) {
      this.error = actionErrorText(error, this.display());
      this.host.requestUpdate();
      return;
    }
    this.onDismiss = undefined;
    this.modal.returnFocusTo(this.insert(text));
    this.modal.close();
  }

  private onFavourite(item: Snippet): void {
    this.service()?.toggleFavourite(item.key);
    this.activeKey = item.key;
  }

  private readonly onCreate = (event: Event): void => {
    void this.quickReplyDialog.open({
      sessionId: this.sessionId(),
      text: this.composerText(),
      opener: event.currentTarget as HTMLElement,
      onSaved: (reply) => this.afterSave(reply),
    });
  };

  private onEdit(item: Snippet, event: Event): void {
    const service = this.service();
    if (!service) return;
    const reply: QuickReply = { id: item.id, name: item.title, text: item.text, agentId: service.agentId };
    void this.quickReplyDialog.open({ sessionId: this.sessionId(), edit: reply, opener: event.currentTarget as HTMLElement, onSaved: (r) => this.afterSave(r) });
  }

  /** Show the saved quick reply, active, so Enter inserts it; focus goes back to the search field. */
  private afterSave(reply: QuickReply): HTMLElement | null {
    this.filter = 'quick-reply';
    this.query = '';
    this.activeKey = `quick-reply:${reply.id}`;
    this.host.requestUpdate();
    return this.searchField();
  }

  private askDelete(): void {
    this.confirmingDelete = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLButtonElement>('.confirm-delete .btn.danger')?.focus(),
    );
  }

  private keep(): void {
    this.confirmingDelete = false;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.searchField()?.focus());
  }

  private async onDelete(item: Snippet): Promise<void> {
    const service = this.service();
    if (!service) return;
    try {
      await service.deleteQuickReply(item.id);
      this.error = '';
      this.activeKey = null;
    } catch (error) {
      this.error = actionErrorText(error, this.display());
    }
    this.confirmingDelete = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.searchField()?.focus();
  }
}

function optionId(group: string, item: Snippet): string {
  return `opt-${group}-${item.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/**
 * The short badge of a row's source, shown only in the groups that mix sources (a folder's label
 * and the filter already name theirs): short so that the row's title keeps the room.
 */
function sourceBadge(source: SnippetSource): string {
  switch (source) {
    case 'faq':
      return msg('FAQ', { id: 'insert-badge-faq', desc: 'Short badge of an FAQ row in the Insert picker' });
    case 'template':
      return msg('Template', { desc: 'Short badge of a reply template row in the Insert picker' });
    case 'quick-reply':
      return msg('Quick reply', { desc: 'Short badge of a quick reply row in the Insert picker' });
  }
}

/** A group's label: "Favourites", "Recently used", or its source and folder ("FAQ · Returns", "My quick replies"). */
function groupLabel(group: SnippetGroup): string {
  switch (group.kind) {
    case 'favourites':
      return msg('Favourites');
    case 'recent':
      return msg('Recently used');
    case 'folder':
      if (group.source === 'quick-reply') return msg('My quick replies');
      return `${group.source === 'faq' ? msg('FAQ') : msg('Reply templates')} · ${group.folder ?? ''}`;
  }
}

/** Styles of the Insert picker. */
export const insertPickerStyles = css`
  dialog.dialog.picker {
    width: min(720px, calc(100vw - 32px));
  }
  /* The form never grows past the dialog (its max-height less the border): the list and the preview
     shrink instead, so Cancel and "Insert text" stay in view on a short screen or at 200% zoom. */
  dialog.picker .dialog-form {
    max-height: calc(100vh - 50px);
  }
  .picker-filters {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .chip {
    font: inherit;
    font-size: 13px;
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-raised);
    color: var(--_text);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .picker-search {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 8px 10px;
  }
  .picker-body {
    flex: 0 1 320px;
    display: grid;
    grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
    gap: 12px;
    min-height: 120px;
  }
  .picker-list {
    min-height: 0;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 4px 0;
  }
  .picker-group-label {
    padding: 8px 12px 4px;
    font-size: 12px;
    font-weight: 600;
    color: var(--_text-muted);
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  /* Title, then the star and the source badge in their own columns: a long title wraps (never cut),
     so the whole title is seen and is the option's accessible name. */
  .picker-option {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-auto-flow: column;
    grid-auto-columns: auto;
    align-items: baseline;
    gap: 8px;
    padding: 6px 12px;
    cursor: pointer;
    min-width: 0;
  }
  .picker-option.active {
    background: var(--_accent-soft);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .option-title {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .option-star {
    /* The containing block of its visually hidden "Favourite" (else the dialog's, which would scroll). */
    position: relative;
    color: var(--_warning);
    display: inline-flex;
    align-self: center;
  }
  .option-source {
    max-width: 8em;
    font-size: 12px;
    color: var(--_text-muted);
    text-align: end;
    overflow-wrap: anywhere;
  }
  .picker-empty {
    margin: 0;
    padding: 16px 12px;
    color: var(--_text-muted);
  }
  .picker-preview {
    min-height: 0;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }
  .preview-title {
    margin: 0;
    font-weight: 600;
  }
  .preview-text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .preview-url {
    margin: 0;
    font-size: 13px;
    color: var(--_text-muted);
    overflow-wrap: anywhere;
  }
  .preview-actions,
  .confirm-delete {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .preview-actions .btn[aria-pressed='true'] svg {
    color: var(--_warning);
  }
  .confirm-delete p {
    margin: 0;
    flex-basis: 100%;
  }
  /* Cancel and "Insert text" stay together at the end, also when a narrow dialog wraps the row. */
  .picker-confirm {
    display: flex;
    gap: 8px;
    margin-inline-start: auto;
  }
  .picker-actions {
    justify-content: flex-start;
  }
  .field-hint {
    color: var(--_text-muted);
    font-size: 12px;
  }
  @media (max-width: 560px) {
    .picker-body {
      flex: 1 1 400px;
      grid-template-columns: minmax(0, 1fr);
      /* The list gets the larger share; the preview scrolls. At least both rows' minimums (and
         the gap): less, on a short screen, let the preview run under the dialog's buttons. */
      grid-template-rows: minmax(96px, 3fr) minmax(56px, 2fr);
      min-height: calc(96px + 56px + 12px);
    }
  }
`;
