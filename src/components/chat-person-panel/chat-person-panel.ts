import { localized, msg, str } from '@lit/localize';
import { type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import type {
  ChatSessionSummary,
  FollowUp,
  Person,
  PersonCandidate,
  PersonDetails,
  RequestStatus,
  Sale,
  SupportRequest,
} from '../../model/crm.js';
import type { ChatCustomer, ChatSession } from '../../model/session.js';
import { ChatSessionElement } from '../base/chat-session-element.js';
import { renderAvatar } from '../shared/avatar.js';
import { styles } from './chat-person-panel.styles.js';

/** Which inline form is open. */
type OpenForm = 'person' | 'company' | null;

/**
 * The chatting customer as a CRM person, for the selected session or the one in `session-id`.
 *
 * When the customer is linked to a person it shows the person's card (name, title, company,
 * e-mail, phone), a button to open the person in the CRM and collapsible sections with their
 * requests, sales, follow-up activities and previous chats; each record can be opened in the
 * host CRM through an event. When the customer is not linked it shows what the customer told
 * about themselves, the CRM persons that could be them ("This could be ...") with a "Link"
 * button each, and small forms to create a person (linked at once) or a company.
 *
 * @summary The customer of the selected chat as a CRM person.
 * @tag chat-person-panel
 *
 * @slot - Extra content below the built-in cards (e.g. the host's own widgets).
 * @slot cards - Extra cards from the host, placed after the built-in cards.
 * @slot empty - Replaces the text shown when no session is selected.
 *
 * @csspart card - Each built-in card.
 * @csspart person-card - The linked person's (or the customer's own) card.
 * @csspart candidates - The list of persons that could be the customer.
 * @csspart empty - The empty state.
 * @csspart no-service - The explanation shown without a chat service.
 *
 * @cssprop [--chat-color-surface=light-dark(#f6f7f9, #1f2229)] - Background of the panel.
 * @cssprop [--chat-color-surface-raised=light-dark(#ffffff, #262a33)] - Background of the cards.
 * @cssprop [--chat-color-border=light-dark(#e2e5ea, #343946)] - Border colour of the cards.
 * @cssprop [--chat-color-accent=light-dark(#2357d8, #7aa2ff)] - Colour of links and primary buttons.
 *
 * @fires {CustomEvent<{ id: string }>} chat-person-open - The agent asks to open the person in the CRM.
 * @fires {CustomEvent<{ id: string }>} chat-company-open - The agent asks to open the person's company in the CRM.
 * @fires {CustomEvent<{ id: string }>} chat-request-open - The agent asks to open one of the person's requests.
 * @fires {CustomEvent<{ id: string }>} chat-sale-open - The agent asks to open one of the person's sales.
 * @fires {CustomEvent<{ id: string }>} chat-follow-up-open - The agent asks to open one of the person's follow-up activities.
 * @fires {CustomEvent<{ sessionId: string; personId: string | null }>} chat-person-link - The chat customer was linked to a person (an existing one, or one just created).
 */
@localized()
export class ChatPersonPanel extends ChatSessionElement {
  static override styles = styles;

  @state() private openForm: OpenForm = null;
  @state() private busy = false;
  @state() private formError = '';
  @state() private createdCompany: { id: string; name: string } | null = null;

  private readonly context = this.observeSession((service, id) => service.personContext$(id));
  private readonly channels = this.observe(() => this.service?.select((s) => s.channels));

  private loadedKey: string | null = null;
  private formFor: string | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.formFor !== this.currentId) {
      this.formFor = this.currentId;
      this.openForm = null;
      this.formError = '';
      this.createdCompany = null;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
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
    if (!session || !context || (context.status === 'loading' && !context.details && context.candidates.length === 0)) {
      body = this.renderSkeleton();
    } else if (context.status === 'error') {
      body = html`<div class="card error" part="card" role="alert">
        <p>${msg('The customer information could not be loaded.')}</p>
        <button type="button" class="btn" @click=${() => this.run(this.service!.loadPersonContext(id, true))}>
          ${msg('Try again')}
        </button>
      </div>`;
    } else if (context.details) {
      body = this.renderMatched(context.details);
    } else {
      body = this.renderUnmatched(session, context.candidates);
    }
    return html`<aside class="panel" aria-label=${msg('Customer')}>
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

  private renderMatched(details: PersonDetails): TemplateResult {
    const { person, company } = details;
    const name = fullName(person);
    const companyName = company?.name ?? person.companyName;
    const companyId = company?.id ?? person.companyId;
    const previous = details.chatSessions.filter((c) => c.id !== this.currentId);
    return html`
      <section class="card person" part="card person-card" aria-labelledby="person-name">
        <div class="identity">
          ${renderAvatar(name, 'large')}
          <div class="identity-text">
            <h2 id="person-name" class="name" title=${name}><bdi>${name}</bdi></h2>
            ${person.title ? html`<div class="title" title=${person.title}>${person.title}</div>` : nothing}
            ${companyName
              ? companyId
                ? html`<button type="button" class="link-button company" title=${companyName}
                    @click=${() => this.emit('chat-company-open', { id: companyId })}><bdi>${companyName}</bdi></button>`
                : html`<div class="company" title=${companyName}><bdi>${companyName}</bdi></div>`
              : nothing}
          </div>
        </div>
        <dl class="facts">
          ${person.email ? this.fact(msg('E-mail'), emailLink(person.email)) : nothing}
          ${person.phone ? this.fact(msg('Phone'), phoneLink(person.phone)) : nothing}
          ${person.mobile ? this.fact(msg('Mobile'), phoneLink(person.mobile)) : nothing}
        </dl>
        <div class="card-actions">
          <button type="button" class="btn" @click=${() => this.emit('chat-person-open', { id: person.id })}>
            ${msg('Open in CRM')}
          </button>
        </div>
      </section>
      ${this.section(msg('Requests'), details.requests, (r) => this.renderRequest(r), msg('No requests yet.'), true)}
      ${this.section(msg('Sales'), details.sales, (s) => this.renderSale(s), msg('No sales yet.'))}
      ${this.section(msg('Follow-ups'), details.followUps, (f) => this.renderFollowUp(f), msg('No follow-up activities.'))}
      ${this.section(msg('Previous chats'), previous, (c) => this.renderPreviousChat(c), msg('No earlier chats.'))}
    `;
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
    return html`<div class="record static">
      <span class="record-main">
        <span class="record-sub">
          <time datetime=${c.createdAt} title=${formatDateTime(c.createdAt, this.display)}>${formatDate(c.createdAt, this.display)}</time>
          · ${channel}
        </span>
        ${c.lastMessageText
          ? html`<span class="record-quote" dir="auto" title=${c.lastMessageText}>${c.lastMessageText}</span>`
          : nothing}
      </span>
    </div>`;
  }

  // ------------------------------------------------------------------ unmatched

  private renderUnmatched(session: ChatSession, candidates: readonly PersonCandidate[]): TemplateResult {
    const customer = session.customer;
    return html`
      <section class="card person" part="card person-card" aria-labelledby="customer-name">
        <div class="identity">
          ${renderAvatar(customer.name, 'large')}
          <div class="identity-text">
            <h2 id="customer-name" class="name" title=${customer.name}><bdi>${customer.name}</bdi></h2>
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
              ${candidates.map((c) => this.renderCandidate(session.id, c))}
            </ul>`
          : html`<p class="none">${msg('No CRM person matches the e-mail address, name or phone number the customer gave.')}</p>`}
      </section>
      <section class="card" part="card" aria-labelledby="create-title">
        <h3 id="create-title" class="card-title">${msg('Add to the CRM')}</h3>
        <div class="card-actions">
          <button type="button" class="btn" aria-expanded=${this.openForm === 'person' ? 'true' : 'false'}
            @click=${() => this.toggleForm('person')}>${msg('Create person')}</button>
          <button type="button" class="btn" aria-expanded=${this.openForm === 'company' ? 'true' : 'false'}
            @click=${() => this.toggleForm('company')}>${msg('Create company')}</button>
        </div>
        ${this.createdCompany
          ? html`<p class="done" role="status">${msg(str`Company "${this.createdCompany.name}" created.`)}</p>`
          : nothing}
        ${this.openForm === 'person' ? this.renderPersonForm(session) : nothing}
        ${this.openForm === 'company' ? this.renderCompanyForm(customer) : nothing}
      </section>
    `;
  }

  private renderCandidate(sessionId: string, candidate: PersonCandidate): TemplateResult {
    const p = candidate.person;
    const name = fullName(p);
    const descId = `candidate-${p.id}`;
    return html`<li class="candidate">
      ${renderAvatar(name, 'small')}
      <div class="candidate-text" id=${descId}>
        <div class="candidate-name" title=${name}><bdi>${name}</bdi></div>
        ${p.companyName ? html`<div class="record-sub" title=${p.companyName}><bdi>${p.companyName}</bdi></div>` : nothing}
        ${p.email ? html`<div class="record-sub" title=${p.email}>${p.email}</div>` : nothing}
        <div class="match">${matchLabel(candidate.matchedOn)}</div>
      </div>
      <button type="button" class="btn primary small" aria-describedby=${descId} ?disabled=${this.busy}
        @click=${() => this.onLink(sessionId, p.id)}>${msg('Link')}</button>
    </li>`;
  }

  private renderPersonForm(session: ChatSession): TemplateResult {
    const [first, last] = splitName(session.customer.name);
    return html`<form class="form" @submit=${(e: SubmitEvent) => this.onCreatePerson(e, session.id)}>
      <div class="field-row">
        <label class="field">
          <span>${msg('First name')}</span>
          <input name="firstName" autocomplete="off" .value=${first} required />
        </label>
        <label class="field">
          <span>${msg('Last name')}</span>
          <input name="lastName" autocomplete="off" .value=${last} required />
        </label>
      </div>
      <label class="field">
        <span>${msg('E-mail')}</span>
        <input name="email" type="email" autocomplete="off" .value=${session.customer.email ?? ''} />
      </label>
      <label class="field">
        <span>${msg('Phone')}</span>
        <input name="phone" type="tel" autocomplete="off" .value=${session.customer.phone ?? ''} />
      </label>
      ${this.createdCompany
        ? html`<p class="record-sub">${msg(str`Company: ${this.createdCompany.name}`)}</p>`
        : nothing}
      ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      <div class="card-actions">
        <button type="submit" class="btn primary" ?disabled=${this.busy}>${msg('Save and link')}</button>
        <button type="button" class="btn ghost" @click=${() => this.toggleForm(null)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private renderCompanyForm(customer: ChatCustomer): TemplateResult {
    return html`<form class="form" @submit=${this.onCreateCompany}>
      <label class="field">
        <span>${msg('Company name')}</span>
        <input name="name" autocomplete="off" .value=${customer.companyName ?? ''} required />
      </label>
      ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      <div class="card-actions">
        <button type="submit" class="btn primary" ?disabled=${this.busy}>${msg('Save company')}</button>
        <button type="button" class="btn ghost" @click=${() => this.toggleForm(null)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  // ------------------------------------------------------------------ actions

  private toggleForm(form: OpenForm): void {
    this.openForm = this.openForm === form ? null : form;
    this.formError = '';
  }

  private async onLink(sessionId: string, personId: string): Promise<void> {
    if (!this.service || this.busy) return;
    this.busy = true;
    const linked = await this.run(this.service.linkPerson(sessionId, personId));
    this.busy = false;
    if (linked) this.emit('chat-person-link', { sessionId, personId });
  }

  private async onCreatePerson(event: SubmitEvent, sessionId: string): Promise<void> {
    event.preventDefault();
    if (!this.service || this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '').trim();
    const firstName = value('firstName');
    const lastName = value('lastName');
    if (!firstName || !lastName) {
      this.formError = msg('Enter a first and a last name.');
      return;
    }
    this.busy = true;
    this.formError = '';
    const person = await this.run(
      this.service.createPerson({
        firstName,
        lastName,
        ...(value('email') ? { email: value('email') } : {}),
        ...(value('phone') ? { phone: value('phone') } : {}),
        ...(this.createdCompany ? { companyId: this.createdCompany.id } : {}),
      }),
    );
    if (!person) {
      this.busy = false;
      this.formError = msg('The person could not be created.');
      return;
    }
    const linked = await this.run(this.service.linkPerson(sessionId, person.id));
    this.busy = false;
    if (!linked) {
      this.formError = msg('The person was created but could not be linked.');
      return;
    }
    this.openForm = null;
    this.emit('chat-person-link', { sessionId, personId: person.id });
  }

  private async onCreateCompany(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.service || this.busy) return;
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    if (!name) {
      this.formError = msg('Enter a company name.');
      return;
    }
    this.busy = true;
    this.formError = '';
    const company = await this.run(this.service.createCompany({ name }));
    this.busy = false;
    if (!company) {
      this.formError = msg('The company could not be created.');
      return;
    }
    this.createdCompany = { id: company.id, name: company.name };
    this.openForm = null;
  }
}

function fullName(person: Person): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** "Mira van der Berg" → ["Mira", "van der Berg"]. */
function splitName(name: string): [string, string] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return [words[0] ?? '', words.slice(1).join(' ')];
}

/**
 * An e-mail address as a `mailto:` link when it looks like one (else plain text), with line-break
 * opportunities after the `@` and before dots so it wraps at sensible places.
 */
function emailLink(email: string): TemplateResult {
  const parts = email.split(/(?=[.@])|(?<=@)/);
  const text = parts.map((part, i) => (i ? html`<wbr>${part}` : part));
  return /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(email)
    ? html`<a href=${`mailto:${email}`}>${text}</a>`
    : html`<span>${text}</span>`;
}

/** A phone number as a `tel:` link (digits and a leading + kept) when it looks like one, else plain text. */
function phoneLink(phone: string): TemplateResult {
  const digits = phone.replace(/\D/g, '');
  return /^\+?[\d\s().\-/]+$/.test(phone.trim()) && digits.length >= 6
    ? html`<a href=${`tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`}>${phone}</a>`
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
