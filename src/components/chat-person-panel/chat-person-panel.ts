import { localized, msg, str } from '@lit/localize';
import { type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isChatError } from '../../backend/errors.js';
import { PersonSearchController } from '../../controllers/person-search-controller.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import type {
  ChatSessionSummary,
  Company,
  FollowUp,
  Person,
  PersonCandidate,
  PersonDetails,
  RequestStatus,
  Sale,
  SupportRequest,
} from '../../model/crm.js';
import type { ChatCustomer, ChatSession } from '../../model/session.js';
import {
  type CompanyDraft,
  type PersonDraft,
  isValid,
  personDraftFromCustomer,
  validateCompanyDraft,
  validatePersonDraft,
} from '../../service/person-rules.js';
import type { PersonSearchState } from '../../service/person-search.js';
import { ChatSessionElement } from '../base/chat-session-element.js';
import { LazyPart, adoptPartStyles, renderLoadFailure } from '../shared/lazy-part.js';
import { ExpandedTexts } from '../message-text/expanded-texts.js';
import { plainPreview } from '../message-text/plain-preview.js';
import { renderAvatar } from '../shared/avatar.js';
import { renderChatsLoadFailure } from '../shared/load-failure.js';
import { noticeMessage } from '../notice-region/notice-region.js';
import { styles } from './chat-person-panel.styles.js';
import type { FormView } from './panel-parts.js';
import { softDisabled } from '../shared/soft-disabled.js';

/**
 * Loads the panel's on-demand parts (forms, transcript; a separate chunk). Not part of the public
 * API: tests replace it to see what happens when the chunk fails.
 */
export const personPanelParts = { load: () => import('./panel-parts.js') };

/** Which inline form is open. */
type OpenForm = 'person' | 'company' | null;

const PERSON_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'companyName'] as const;

/**
 * The chatting customer as a CRM person, for the selected session or the one in `session-id`.
 *
 * **Not linked:** what the customer told about themselves; the CRM persons that could be them,
 * found by e-mail, name and phone ("This could be ...") with a "Link" button each; a person
 * search (name, e-mail, phone, company) with results as you type; and "Create person" /
 * "Create company" inline forms pre-filled from the chat, validated by the service's rules, with
 * a duplicate warning when a person with the e-mail address exists. A created person is linked.
 * What the agent types in a form is kept per chat by the service (`ChatService.setFormDraft`,
 * forms `person` and `company`): Escape, Cancel or another chat lose nothing, the form opens again
 * with it and shows "Discard changes" (back to the pre-filled values); saving drops it.
 *
 * **Linked:** the person's card with "Open in CRM", "Change link" (the same search, to link
 * another person) and "Remove link"; collapsible sections with contact details, company,
 * requests, sales, follow-up activities and previous chats. Opening a previous chat shows its
 * transcript read-only. Each record opens in the host CRM through a `chat-*-open` event.
 *
 * The forms and the transcript view are loaded on demand (when the agent points at or focuses
 * their buttons, or on the click); when they cannot be loaded, a notice (`role="alert"`) says so.
 * A link or unlink that fails shows "The link could not be changed. Try again." (`role="alert"`,
 * kept in view at the top of the scrolling panel) until the next attempt, another chat or "Dismiss".
 *
 * Keyboard: every control is a native button, input or `<summary>`; in a form, Escape closes it
 * and returns focus to the button that opened it; in the search box, Enter searches at once and
 * Escape clears it.
 *
 * @summary The customer of the selected chat as a CRM person.
 * @tag chat-person-panel
 *
 * @slot - Extra content below the built-in cards (e.g. the host's own widgets).
 * @slot cards - The host's own cards (e.g. loyalty status, open orders), placed after the built-in cards; each slotted element is shown as given.
 * @slot empty - Replaces the text shown when no session is selected.
 *
 * @csspart card - Each built-in card and section.
 * @csspart person-card - The linked person's (or the customer's own) card.
 * @csspart candidates - The list of persons that could be the customer.
 * @csspart search - The person search card.
 * @csspart form - The create person / create company form.
 * @csspart transcript - The read-only transcript of a previous chat.
 * @csspart empty - The empty state.
 * @csspart no-service - The explanation shown without a chat service.
 *
 * @cssprop [--chat-color-surface=light-dark(#f6f7f9, #1f2229)] - Background of the panel.
 * @cssprop [--chat-color-surface-raised=light-dark(#ffffff, #262a33)] - Background of the cards.
 * @cssprop [--chat-color-border=light-dark(#e2e5ea, #343946)] - Border colour of the cards.
 * @cssprop [--chat-color-accent=light-dark(#2357d8, #7aa2ff)] - Colour of links and primary buttons.
 * @cssprop [--chat-color-danger=light-dark(#c62828, #ff8a80)] - Colour of field errors.
 * @cssprop [--chat-color-warning-soft=light-dark(#fff4e0, #3d3015)] - Background of the duplicate warning.
 *
 * @fires {CustomEvent<{ id: string }>} chat-person-open - The agent asks to open the person in the CRM (`id`: person id).
 * @fires {CustomEvent<{ id: string }>} chat-company-open - The agent asks to open the person's company in the CRM (`id`: company id).
 * @fires {CustomEvent<{ id: string }>} chat-request-open - The agent asks to open one of the person's requests (`id`: request id).
 * @fires {CustomEvent<{ id: string }>} chat-sale-open - The agent asks to open one of the person's sales (`id`: sale id).
 * @fires {CustomEvent<{ id: string }>} chat-follow-up-open - The agent asks to open one of the person's follow-up activities (`id`: follow-up id).
 * @fires {CustomEvent<{ sessionId: string; personId: string | null }>} chat-person-link - After the session's customer was linked to a person (an existing one, another one, or one just created; `personId`) or unlinked ("Remove link"; `personId: null`). Fired once the service confirmed the change.
 */
@localized()
export class ChatPersonPanel extends ChatSessionElement {
  static override styles = styles;

  @state() private openForm: OpenForm = null;
  @state() private busy = false;
  @state() private formError = '';
  @state() private createdCompany: { id: string; name: string } | null = null;
  @state() private personDraft: PersonDraft | null = null;
  @state() private companyDraft: CompanyDraft = { name: '' };
  /** The open form's values without a draft (pre-filled from the chat): what "Discard changes" goes back to. */
  private personDefaults: PersonDraft | null = null;
  private companyDefaults: CompanyDraft = { name: '' };
  /** Field errors are shown after the first attempt to save, then follow the input. */
  @state() private showErrors = false;
  /** A person with the draft's e-mail address exists: offer to link them instead. */
  @state() private duplicate: Person | null = null;
  /** The linked person's "Change link" search is open. */
  @state() private changingLink = false;
  /** Previous chats whose transcript is shown. */
  @state() private openTranscripts: ReadonlySet<string> = new Set();
  /** What a panel action just did, for screen readers only (the panel itself shows the result). */
  @state() private notice = '';
  /** Why the last panel action failed: shown (and announced) until the next attempt, the chat changes or the agent dismisses it. */
  @state() private actionError = '';

  private readonly context = this.observeSession((service, id) => service.personContext$(id));
  private readonly loadStatus = this.observe(() => this.service?.select((s) => s.status));
  private readonly loadError = this.observe(() => this.service?.select((s) => s.loadError));
  private readonly channels = this.observe(() => this.service?.select((s) => s.channels));
  private readonly transcripts = this.observe(() => this.service?.select((s) => s.transcripts));
  private readonly search = new PersonSearchController(this, () => this.service);
  /** The forms and the transcript view: loaded on intent (pointer or focus on their buttons) or on the click. */
  private readonly parts = new LazyPart(this, async () => {
    const parts = await personPanelParts.load();
    adoptPartStyles(this.renderRoot, ...parts.panelPartStyles);
    return parts;
  });

  /** Long messages expanded in the transcripts (collapsed again when the panel shows another chat). */
  private readonly transcriptExpanded = new ExpandedTexts(() => {
    this.requestUpdate();
    return this.updateComplete;
  });
  private loadedKey: string | null = null;
  private formFor: string | null = null;
  /** Where focus goes after the next render (a selector inside the shadow root). */
  private focusAfterRender: string | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.formFor !== this.currentId) {
      this.formFor = this.currentId;
      this.closeForm();
      this.createdCompany = null;
      this.changingLink = false;
      this.openTranscripts = new Set();
      this.transcriptExpanded.clear();
      this.notice = '';
      this.actionError = '';
      this.search.clear();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      if (target) {
        this.focusAfterRender = null;
        target.focus();
      }
    }
    const session = this.session.value;
    if (!session || !this.service) return;
    const key = `${session.id}|${session.personId ?? ''}`;
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      const service = this.service;
      const id = session.id;
      // After this update has finished, so the loading state renders as a fresh update.
      queueMicrotask(() => void this.run(service.loadPersonContext(id)));
    }
  }

  override render(): TemplateResult {
    if (!this.service) return this.renderNoService();
    const id = this.currentId;
    if (!id) {
      return html`<div class="empty" part="empty">
        <div class="empty-icon" aria-hidden="true"></div>
        <slot name="empty"><p>${msg('Select a chat to see who you are talking to.')}</p></slot>
      </div>`;
    }
    const session = this.session.value;
    const context = this.context.value;
    let body: unknown;
    const status = this.loadStatus.value;
    if (!session && status === 'error') {
      // The chats could not be loaded: the chat is unknown (not missing), and nothing loads by itself.
      body = renderChatsLoadFailure(this.loadError.value?.code, () => void this.run(this.service!.reload()));
    } else if (!session && status === 'ready') {
      body = html`<div class="card" part="card"><p>${msg('This chat could not be found.')}</p></div>`;
    } else if (!session || !context || (context.status === 'loading' && !context.details && context.candidates.length === 0)) {
      body = this.renderSkeleton();
    } else if (context.status === 'error') {
      body = html`<div class="card error" part="card" role="alert">
        <p>${msg('The customer information could not be loaded.')} ${noticeMessage({ code: context.error?.code ?? 'unknown' })}</p>
        <button type="button" class="btn" @click=${() => this.run(this.service!.loadPersonContext(id, true))}>
          ${msg('Try again')}
        </button>
      </div>`;
    } else if (context.details) {
      body = this.renderMatched(session, context.details);
    } else {
      body = this.renderUnmatched(session, context.candidates);
    }
    return html`<aside class="panel" aria-label=${msg('Customer')}>
      <p class="visually-hidden" role="status">${this.notice}</p>
      <div class="action-error" role="alert" ?hidden=${!this.actionError}>
        ${this.actionError
          ? html`<span>${this.actionError}</span>
              <button type="button" class="btn small" @click=${() => (this.actionError = '')}>${msg('Dismiss')}</button>`
          : nothing}
      </div>
      ${renderLoadFailure([this.parts], () => this.renderRoot.querySelector<HTMLElement>('#person-name, #customer-name'))}
      ${body}
      <slot name="cards"></slot>
      <slot></slot>
    </aside>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="card skeleton" part="card" aria-busy="true" aria-label=${msg('Loading customer information')}>
      <div class="sk-row"><span class="sk sk-avatar"></span><span class="sk sk-line"></span></div>
      <span class="sk sk-line wide"></span>
      <span class="sk sk-line"></span>
    </div>`;
  }

  // ------------------------------------------------------------------ matched

  private renderMatched(session: ChatSession, details: PersonDetails): TemplateResult {
    const { person, company } = details;
    const name = fullName(person);
    const companyName = company?.name ?? person.companyName;
    const previous = details.chatSessions.filter((c) => c.id !== session.id);
    return html`
      <section class="card person" part="card person-card" aria-labelledby="person-name">
        <div class="identity">
          ${renderAvatar(name, 'large')}
          <div class="identity-text">
            <h2 id="person-name" class="name" title=${name} tabindex="-1"><bdi>${name}</bdi></h2>
            ${person.title ? html`<div class="title" title=${person.title}>${person.title}</div>` : nothing}
            ${companyName ? html`<div class="company" title=${companyName}><bdi>${companyName}</bdi></div>` : nothing}
          </div>
        </div>
        <div class="card-actions">
          <button type="button" class="btn" @click=${() => this.emit('chat-person-open', { id: person.id })}>
            ${msg('Open in CRM')}
          </button>
          <button type="button" class="btn" id="change-link" aria-expanded=${this.changingLink ? 'true' : 'false'}
            ${softDisabled(this.busy)} @click=${this.onToggleChangeLink}>${msg('Change link')}</button>
          <button type="button" class="btn ghost" ${softDisabled(this.busy)}
            @click=${() => this.onLink(session.id, null)}>${msg('Remove link')}</button>
        </div>
      </section>
      ${this.changingLink ? this.renderSearch(session.id, person.id, msg('Link another person')) : nothing}
      ${this.renderContactSection(person)}
      ${this.renderCompanySection(company, person.companyName)}
      ${this.section(msg('Requests'), details.requests, (r) => this.renderRequest(r), msg('No requests yet.'), true)}
      ${this.section(msg('Sales'), details.sales, (s) => this.renderSale(s), msg('No sales yet.'))}
      ${this.section(msg('Follow-ups'), details.followUps, (f) => this.renderFollowUp(f), msg('No follow-up activities.'))}
      ${this.section(msg('Previous chats'), previous, (c) => this.renderPreviousChat(c), msg('No earlier chats.'))}
    `;
  }

  private renderContactSection(person: Person): TemplateResult {
    const facts = [
      person.email ? this.fact(msg('E-mail'), emailLink(person.email)) : null,
      person.phone ? this.fact(msg('Phone'), phoneLink(person.phone)) : null,
      person.mobile ? this.fact(msg('Mobile'), phoneLink(person.mobile)) : null,
    ].filter((f) => f !== null);
    return html`<details class="card section" part="card" open>
      <summary><span class="section-title">${msg('Contact details')}</span></summary>
      ${facts.length ? html`<dl class="facts">${facts}</dl>` : html`<p class="none">${msg('No contact details.')}</p>`}
    </details>`;
  }

  private renderCompanySection(company: Company | undefined, companyName: string | undefined): TemplateResult {
    const place = company ? [company.city, company.country].filter(Boolean).join(', ') : '';
    return html`<details class="card section" part="card" ?open=${!!company}>
      <summary><span class="section-title">${msg('Company')}</span></summary>
      ${company
        ? html`<div class="company-body">
            <button type="button" class="record" title=${company.name}
              @click=${() => this.emit('chat-company-open', { id: company.id })}>
              <span class="record-main"><span class="record-title"><bdi>${company.name}</bdi></span></span>
            </button>
            <dl class="facts">
              ${place ? this.fact(msg('Place'), place) : nothing}
              ${company.phone ? this.fact(msg('Phone'), phoneLink(company.phone)) : nothing}
              ${company.website && /^https?:\/\//i.test(company.website)
                ? this.fact(msg('Website'), html`<a href=${company.website} target="_blank" rel="noopener noreferrer">${company.website}</a>`)
                : nothing}
            </dl>
          </div>`
        : companyName
          ? html`<p class="none"><bdi>${companyName}</bdi></p>`
          : html`<p class="none">${msg('Not linked to a company.')}</p>`}
    </details>`;
  }

  private fact(label: string, value: unknown): TemplateResult {
    return html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  private section<T>(title: string, items: readonly T[], item: (value: T) => TemplateResult, none: string, open = false): TemplateResult {
    return html`<details class="card section" part="card" ?open=${open && items.length > 0}>
      <summary>
        <span class="section-title">${title}</span>
        <span class="count">${items.length}</span>
      </summary>
      ${items.length
        ? html`<ul class="records">${items.map((value) => html`<li>${item(value)}</li>`)}</ul>`
        : html`<p class="none">${none}</p>`}
    </details>`;
  }

  private renderRequest(r: SupportRequest): TemplateResult {
    return html`<button type="button" class="record" @click=${() => this.emit('chat-request-open', { id: r.id })}>
      <span class="record-main">
        <span class="record-kicker">${r.number}</span>
        <span class="record-title" title=${r.title}>${r.title}</span>
      </span>
      <span class="status-pill ${r.status}">${requestStatusLabel(r.status)}</span>
    </button>`;
  }

  private renderSale(s: Sale): TemplateResult {
    return html`<button type="button" class="record" @click=${() => this.emit('chat-sale-open', { id: s.id })}>
      <span class="record-main">
        <span class="record-title" title=${s.title}>${s.title}</span>
        <span class="record-sub">${formatDate(s.date, this.display)} · ${saleStageLabel(s.stage)}</span>
      </span>
      <span class="amount">${formatMoney(s.amount, s.currency, this.display)}</span>
    </button>`;
  }

  private renderFollowUp(f: FollowUp): TemplateResult {
    const due = html`<time datetime=${f.dueAt} title=${formatDateTime(f.dueAt, this.display)}>${formatDate(f.dueAt, this.display)}</time>`;
    return html`<button type="button" class="record" @click=${() => this.emit('chat-follow-up-open', { id: f.id })}>
      <span class="record-main">
        <span class="record-title" title=${f.title}>${f.title}</span>
        <span class="record-sub">${followUpKindLabel(f.kind)} · ${msg(html`Due ${due}`)}</span>
      </span>
      ${f.done ? html`<span class="status-pill closed">${msg('Done')}</span>` : nothing}
    </button>`;
  }

  private renderPreviousChat(c: ChatSessionSummary): TemplateResult {
    const channel = this.channels.value?.[c.channelId]?.name ?? c.channelId;
    const open = this.openTranscripts.has(c.id);
    const transcriptId = `transcript-${c.id}`;
    const quote = c.lastMessageText ? plainPreview(c.lastMessageText) : '';
    return html`<button type="button" class="record" aria-expanded=${open ? 'true' : 'false'} aria-controls=${transcriptId}
        @pointerenter=${this.parts.preload} @focus=${this.parts.preload}
        @click=${() => void this.onToggleTranscript(c.id)}>
        <span class="record-main">
          <span class="record-sub">
            <time datetime=${c.createdAt} title=${formatDateTime(c.createdAt, this.display)}>${formatDate(c.createdAt, this.display)}</time>
            · ${channel}
          </span>
          ${quote
            ? html`<span class="record-quote" dir="auto" title=${quote}>${quote}</span>`
            : nothing}
        </span>
        <span class="chevron" aria-hidden="true"></span>
      </button>
      ${open && this.parts.value
        ? this.parts.value.renderTranscript(
            c,
            transcriptId,
            this.transcripts.value?.[c.id],
            this.display,
            () => void this.run(this.service!.loadTranscript(c.id)),
            this.transcriptExpanded,
          )
        : nothing}`;
  }

  // ------------------------------------------------------------------ unmatched

  private renderUnmatched(session: ChatSession, candidates: readonly PersonCandidate[]): TemplateResult {
    const customer = session.customer;
    return html`
      <section class="card person" part="card person-card" aria-labelledby="customer-name">
        <div class="identity">
          ${renderAvatar(customer.name, 'large')}
          <div class="identity-text">
            <h2 id="customer-name" class="name" title=${customer.name} tabindex="-1"><bdi>${customer.name}</bdi></h2>
            <div class="title">${msg('Not linked to a CRM person')}</div>
          </div>
        </div>
        <dl class="facts">
          ${customer.email ? this.fact(msg('E-mail'), emailLink(customer.email)) : nothing}
          ${customer.phone ? this.fact(msg('Phone'), phoneLink(customer.phone)) : nothing}
          ${customer.companyName ? this.fact(msg('Company (as given)'), html`<bdi>${customer.companyName}</bdi>`) : nothing}
        </dl>
      </section>
      <section class="card" part="card candidates" aria-labelledby="candidates-title">
        <h3 id="candidates-title" class="card-title">${msg('This could be ...')}</h3>
        ${candidates.length
          ? html`<ul class="candidates">
              ${candidates.map((c) => this.renderPersonRow(session.id, c.person, 'candidate', matchLabel(c.matchedOn)))}
            </ul>`
          : html`<p class="none">${msg('No CRM person matches the e-mail address, name or phone number the customer gave.')}</p>`}
      </section>
      ${this.renderSearch(session.id, null, msg('Find a person'))}
      <section class="card" part="card" aria-labelledby="create-title">
        <h3 id="create-title" class="card-title">${msg('Add to the CRM')}</h3>
        <div class="card-actions">
          <button type="button" class="btn" id="open-person-form" aria-expanded=${this.openForm === 'person' ? 'true' : 'false'}
            @pointerenter=${this.parts.preload} @focus=${this.parts.preload}
            @click=${() => void this.toggleForm('person', customer)}>${msg('Create person')}</button>
          <button type="button" class="btn" id="open-company-form" aria-expanded=${this.openForm === 'company' ? 'true' : 'false'}
            @pointerenter=${this.parts.preload} @focus=${this.parts.preload}
            @click=${() => void this.toggleForm('company', customer)}>${msg('Create company')}</button>
        </div>
        ${this.createdCompany
          ? html`<p class="done" role="status">${msg(str`Company "${this.createdCompany.name}" created.`)}</p>`
          : nothing}
        ${this.openForm === 'person' && this.personDraft && this.parts.value
          ? this.parts.value.renderPersonForm(this.formView(session.id), this.personDraft)
          : nothing}
        ${this.openForm === 'company' && this.parts.value ? this.parts.value.renderCompanyForm(this.formView(session.id), this.companyDraft) : nothing}
      </section>
    `;
  }

  /** A person with a "Link" button: a candidate, or a search result (`prefix` keeps ids unique). */
  private renderPersonRow(sessionId: string, p: Person, prefix: string, why?: string): TemplateResult {
    const name = fullName(p);
    const descId = `${prefix}-${p.id}`;
    return html`<li class="candidate">
      ${renderAvatar(name, 'small')}
      <div class="candidate-text" id=${descId}>
        <div class="candidate-name" title=${name}><bdi>${name}</bdi></div>
        ${p.companyName ? html`<div class="record-sub" title=${p.companyName}><bdi>${p.companyName}</bdi></div>` : nothing}
        ${p.email ? html`<div class="record-sub" title=${p.email}>${p.email}</div>` : nothing}
        ${why ? html`<div class="match">${why}</div>` : nothing}
      </div>
      <button type="button" class="btn primary small" aria-describedby=${descId} ${softDisabled(this.busy)}
        @click=${() => this.onLink(sessionId, p.id)}>${msg('Link')}</button>
    </li>`;
  }

  // ------------------------------------------------------------------ search

  private renderSearch(sessionId: string, linkedId: string | null, title: string): TemplateResult {
    const s: PersonSearchState = this.search.value ?? { query: '', status: 'idle', results: [] };
    const results = s.results.filter((p) => p.id !== linkedId);
    let status = '';
    if (s.status === 'waiting' || s.status === 'searching') status = msg('Searching ...');
    else if (s.status === 'error') status = msg('The search failed. Try again.');
    else if (s.status === 'ready') {
      status = results.length === 0 ? msg('No persons found.') : results.length === 1 ? msg('1 person found.') : msg(str`${formatNumber(results.length, this.display)} persons found.`);
    }
    return html`<section class="card" part="card search" aria-labelledby="search-title">
      <h3 id="search-title" class="card-title">${title}</h3>
      <input type="search" id="person-search" class="search" aria-label=${msg('Search persons')}
        aria-describedby="search-status"
        placeholder=${msg('Name, e-mail, phone or company')} autocomplete="off" .value=${live(s.query)}
        @input=${(e: InputEvent) => this.search.setQuery((e.target as HTMLInputElement).value)}
        @keydown=${this.onSearchKeydown} />
      <p id="search-status" class="search-status" role="status">${status}</p>
      ${results.length
        ? html`<ul class="candidates">${results.map((p) => this.renderPersonRow(sessionId, p, 'result'))}</ul>`
        : nothing}
    </section>`;
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.search.flush();
    } else if (event.key === 'Escape' && (event.target as HTMLInputElement).value) {
      event.preventDefault();
      event.stopPropagation();
      this.search.clear();
    } else if (event.key === 'ArrowDown') {
      const first = this.renderRoot.querySelector<HTMLButtonElement>('[part~="search"] .candidates button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  private onToggleChangeLink(): void {
    this.changingLink = !this.changingLink;
    if (this.changingLink) this.focusAfterRender = '#person-search';
    else this.search.clear();
  }

  // ------------------------------------------------------------------ forms

  /** The open form's state and actions, for the lazily loaded form templates. */
  private formView(sessionId: string): FormView {
    return {
      showErrors: this.showErrors,
      busy: this.busy,
      formError: this.formError,
      createdCompany: this.createdCompany,
      duplicate: this.duplicate,
      changed: this.openForm !== null && !!this.service?.formDraft(sessionId, this.openForm, {}).changed,
      onDiscard: () => this.onDiscard(sessionId),
      onPersonInput: (key, value) => this.onPersonInput(key, value),
      onCompanyInput: (name) => this.onCompanyInput(name),
      onCreatePerson: (event, allowDuplicate) => void this.onCreatePerson(event, sessionId, allowDuplicate),
      onCreateCompany: (event) => void this.onCreateCompany(event),
      onLink: (personId) => void this.onLink(sessionId, personId),
      onCancel: () => this.closeForm(true),
      onKeydown: (event) => this.onFormKeydown(event),
    };
  }

  private onFormKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.closeForm(true);
  }

  /** Typed input is kept per chat in the service (`ChatService.setFormDraft`): closing the form loses nothing. */
  private onPersonInput(key: keyof PersonDraft, value: string): void {
    if (!this.personDraft) return;
    this.personDraft = { ...this.personDraft, [key]: value };
    if (key === 'email') this.duplicate = null;
    if (this.currentId && this.personDefaults) this.service?.setFormDraft(this.currentId, 'person', { ...this.personDraft }, { ...this.personDefaults });
  }

  private onCompanyInput(name: string): void {
    this.companyDraft = { name };
    if (this.currentId) this.service?.setFormDraft(this.currentId, 'company', { name }, { ...this.companyDefaults });
  }

  /** "Discard changes": the open form goes back to its values pre-filled from the chat; focus on its first field. */
  private onDiscard(sessionId: string): void {
    if (!this.openForm) return;
    this.service?.discardFormDraft(sessionId, this.openForm);
    this.showErrors = false;
    this.duplicate = null;
    this.formError = '';
    if (this.openForm === 'person') {
      this.personDraft = this.personDefaults;
      this.focusAfterRender = '#person-firstName';
    } else {
      this.companyDraft = this.companyDefaults;
      this.focusAfterRender = '#company-name';
    }
  }

  // ------------------------------------------------------------------ actions

  private async toggleForm(form: Exclude<OpenForm, null>, customer: ChatCustomer): Promise<void> {
    if (this.openForm === form) {
      this.closeForm();
      return;
    }
    // The forms are a lazily loaded part: wait for it (a notice shows when it cannot be loaded;
    // its "Try again" opens the form once loaded, for the same chat).
    const sessionId = this.currentId;
    if (!(await this.parts.get())) {
      this.parts.resumeAfterRetry(() => this.currentId === sessionId && this.openForm !== form && this.toggleForm(form, customer).then(() => true));
      return;
    }
    if (this.currentId !== sessionId) return;
    this.closeForm();
    this.openForm = form;
    // With what the agent typed in this form of this chat before (kept by the service), else pre-filled.
    if (form === 'person') {
      this.personDefaults = personDraftFromCustomer(customer);
      this.personDraft = this.service?.formDraft(sessionId!, 'person', { ...this.personDefaults }).values ?? this.personDefaults;
      this.focusAfterRender = '#person-firstName';
    } else {
      this.companyDefaults = { name: customer.companyName?.trim() ?? '' };
      this.companyDraft = this.service?.formDraft(sessionId!, 'company', { ...this.companyDefaults }).values ?? this.companyDefaults;
      this.focusAfterRender = '#company-name';
    }
  }

  /** Close the open form; with `returnFocus`, focus goes back to the button that opened it. */
  private closeForm(returnFocus = false): void {
    if (returnFocus && this.openForm) this.focusAfterRender = this.openForm === 'person' ? '#open-person-form' : '#open-company-form';
    this.openForm = null;
    this.personDraft = null;
    this.showErrors = false;
    this.duplicate = null;
    this.formError = '';
  }

  private async onLink(sessionId: string, personId: string | null): Promise<void> {
    if (!this.service || this.busy) return;
    this.busy = true;
    this.notice = '';
    this.actionError = '';
    const linked = await this.run(this.service.linkPerson(sessionId, personId));
    this.busy = false;
    if (!linked) {
      // Shown where the agent sees it (and announced): the panel itself does not change.
      this.actionError = msg('The link could not be changed. Try again.');
      return;
    }
    this.closeForm();
    this.changingLink = false;
    this.search.clear();
    this.notice = personId ? msg('Linked.') : msg('Link removed.');
    this.focusAfterRender = personId ? '#person-name' : '#person-search';
    this.emit('chat-person-link', { sessionId, personId });
  }

  private async onCreatePerson(event: SubmitEvent | null, sessionId: string, allowDuplicate: boolean): Promise<void> {
    event?.preventDefault();
    const draft = this.personDraft;
    if (!this.service || this.busy || !draft) return;
    this.showErrors = true;
    this.formError = '';
    const errors = validatePersonDraft(draft);
    if (!isValid(errors)) {
      const first = PERSON_FIELDS.find((key) => errors[key]);
      this.focusAfterRender = `#person-${first}`;
      return;
    }
    this.busy = true;
    try {
      const person = await this.service.createPersonAndLink(sessionId, draft, {
        allowDuplicate,
        ...(this.createdCompany ? { companyId: this.createdCompany.id } : {}),
      });
      this.service.discardFormDraft(sessionId, 'person');
      this.closeForm();
      this.notice = msg('Person created and linked.');
      this.focusAfterRender = '#person-name';
      this.emit('chat-person-link', { sessionId, personId: person.id });
    } catch (error) {
      if (isChatError(error, 'duplicate')) {
        this.duplicate = error.details['person'] as Person;
        this.focusAfterRender = '#link-duplicate';
      } else if (isChatError(error, 'invalid-input')) {
        this.formError = msg('Check the highlighted fields.');
      } else {
        this.formError = msg('The person could not be created.');
      }
    } finally {
      this.busy = false;
    }
  }

  private async onCreateCompany(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.service || this.busy) return;
    this.showErrors = true;
    this.formError = '';
    if (!isValid(validateCompanyDraft(this.companyDraft))) {
      this.focusAfterRender = '#company-name';
      return;
    }
    this.busy = true;
    const company = await this.run(this.service.createCompany({ name: this.companyDraft.name.trim() }));
    this.busy = false;
    if (!company) {
      this.formError = msg('The company could not be created.');
      return;
    }
    if (this.currentId) this.service.discardFormDraft(this.currentId, 'company');
    this.createdCompany = { id: company.id, name: company.name };
    this.closeForm(true);
  }

  private async onToggleTranscript(chatId: string): Promise<void> {
    // The transcript view is a lazily loaded part: wait for it (a notice shows when it cannot be
    // loaded; its "Try again" opens the transcript once loaded, for the same chat).
    if (!this.openTranscripts.has(chatId) && !(await this.parts.get())) {
      const sessionId = this.currentId;
      // Run after "Try again" (whose button goes with the notice): focus goes to the chat's
      // button, as after a click that opened it at once.
      this.parts.resumeAfterRetry(
        () =>
          this.currentId === sessionId &&
          !this.openTranscripts.has(chatId) &&
          this.onToggleTranscript(chatId).then(() => {
            this.focusAfterRender = `button[aria-controls="${CSS.escape(`transcript-${chatId}`)}"]`;
            this.requestUpdate();
            return true;
          }),
      );
      return;
    }
    const open = new Set(this.openTranscripts);
    if (open.has(chatId)) open.delete(chatId);
    else {
      open.add(chatId);
      if (this.service) void this.run(this.service.loadTranscript(chatId));
    }
    this.openTranscripts = open;
  }
}

function fullName(person: Person): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/**
 * An e-mail address as a `mailto:` link when it looks like one (else plain text), with line-break
 * opportunities after the `@` and before dots so it wraps at sensible places.
 */
function emailLink(email: string): TemplateResult {
  const parts = email.split(/(?=[.@])|(?<=@)/);
  const text = parts.map((part, i) => (i ? html`<wbr>${part}` : part));
  return /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(email)
    ? html`<a href=${`mailto:${email}`} rel="noopener noreferrer">${text}</a>`
    : html`<span>${text}</span>`;
}

/** A phone number as a `tel:` link (digits and a leading + kept) when it looks like one, else plain text. */
function phoneLink(phone: string): TemplateResult {
  const digits = phone.replace(/\D/g, '');
  return /^\+?[\d\s().\-/]+$/.test(phone.trim()) && digits.length >= 6
    ? html`<a href=${`tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`} rel="noopener noreferrer">${phone}</a>`
    : html`<span>${phone}</span>`;
}

function matchLabel(on: PersonCandidate['matchedOn']): string {
  switch (on) {
    case 'email':
      return msg('Same e-mail address');
    case 'name':
      return msg('Same name');
    case 'phone':
      return msg('Same phone number');
  }
}

function requestStatusLabel(status: RequestStatus): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'in-progress':
      return msg('In progress');
    case 'closed':
      return msg('Closed');
  }
}

function saleStageLabel(stage: Sale['stage']): string {
  switch (stage) {
    case 'open':
      return msg('Open');
    case 'won':
      return msg('Won');
    case 'lost':
      return msg('Lost');
  }
}

function followUpKindLabel(kind: FollowUp['kind']): string {
  switch (kind) {
    case 'call':
      return msg('Call');
    case 'meeting':
      return msg('Meeting');
    case 'task':
      return msg('Task');
  }
}
