import { msg, str } from '@lit/localize';
import { type TemplateResult, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatBytes, formatDateTime, formatTime } from '../../i18n/format.js';
import type { ChatSessionSummary, Person } from '../../model/crm.js';
import type { MessageView } from '../../model/message.js';
import {
  type CompanyDraft,
  type FieldError,
  type FieldErrors,
  type PersonDraft,
  validateCompanyDraft,
  validatePersonDraft,
} from '../../service/person-rules.js';
import type { DisplaySettings, Transcript } from '../../service/state.js';
import type { ExpandedTexts } from '../message-text/expanded-texts.js';
import { longTextStyles, renderLongText } from '../message-text/long-text.js';
import { messageTextStyles } from '../message-text/message-text.js';
import { noticeMessage } from '../notice-region/notice-region.js';
import { softDisabled } from '../shared/soft-disabled.js';
import { renderDiscardButton } from '../shared/form-draft.js';

/**
 * The parts of `<chat-person-panel>` shown only after a click, loaded on demand (a separate
 * chunk): the "Create person" and "Create company" forms and the transcript of a previous chat.
 * Render helpers, not elements: the panel keeps the state and the service calls and hands them in
 * as a {@link FormView}; validation comes from the service's person rules.
 */

/** The state and actions of the panel's open form (for {@link renderPersonForm} / {@link renderCompanyForm}). */
export interface FormView {
  /** Field errors are shown (after the first attempt to save). */
  readonly showErrors: boolean;
  /** A save or link is running. */
  readonly busy: boolean;
  /** Why the last save failed, or empty. */
  readonly formError: string;
  /** A company created from the panel, used for the new person. */
  readonly createdCompany: { id: string; name: string } | null;
  /** A person with the draft's e-mail address that exists already. */
  readonly duplicate: Person | null;
  /** The open form holds input the agent typed (kept per chat by the service): "Discard changes" shows. */
  readonly changed: boolean;
  /** "Discard changes": the form's values pre-filled from the chat again. */
  onDiscard(): void;
  onPersonInput(key: keyof PersonDraft, value: string): void;
  onCompanyInput(name: string): void;
  /** Save the person (`allowDuplicate` after "Create anyway"). */
  onCreatePerson(event: SubmitEvent | null, allowDuplicate: boolean): void;
  onCreateCompany(event: SubmitEvent): void;
  /** Link the existing person instead. */
  onLink(personId: string): void;
  /** Close the form, focus back on its button. */
  onCancel(): void;
  /** Escape closes the form. */
  onKeydown(event: KeyboardEvent): void;
}

/** The "Create person" form, pre-filled with `draft`. */
export function renderPersonForm(v: FormView, draft: PersonDraft): TemplateResult {
  const errors = v.showErrors ? validatePersonDraft(draft) : {};
  const field = (key: keyof PersonDraft, label: string, type = 'text', required = false) => {
    const error = errors[key];
    const errorId = `person-${key}-error`;
    return html`<div class="field">
      <label for=${`person-${key}`}>${label}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      <input id=${`person-${key}`} name=${key} type=${type} autocomplete="off" ?required=${required}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? errorId : nothing}
        .value=${live(draft[key])}
        @input=${(e: InputEvent) => v.onPersonInput(key, (e.target as HTMLInputElement).value)} />
      ${error ? html`<span id=${errorId} class="field-error">${fieldErrorText(key, error)}</span>` : nothing}
    </div>`;
  };
  return html`<form class="form" part="form" novalidate aria-label=${msg('Create person')}
    @submit=${(e: SubmitEvent) => v.onCreatePerson(e, false)} @keydown=${v.onKeydown}>
    <div class="field-row">
      ${field('firstName', msg('First name'), 'text', true)}
      ${field('lastName', msg('Last name'), 'text', true)}
    </div>
    ${field('email', msg('E-mail'), 'email')}
    ${field('phone', msg('Phone'), 'tel')}
    ${v.createdCompany
      ? html`<p class="record-sub">${msg(str`Company: ${v.createdCompany.name}`)}</p>`
      : field('companyName', msg('Company name'))}
    ${v.duplicate ? renderDuplicate(v, v.duplicate) : nothing}
    ${v.formError ? html`<p class="form-error" role="alert">${v.formError}</p>` : nothing}
    <div class="card-actions">
      <button type="submit" class="btn primary" ${softDisabled(v.busy)}>${msg('Save and link')}</button>
      <button type="button" class="btn ghost" @click=${v.onCancel}>${msg('Cancel')}</button>
      ${renderDiscardButton(v.changed, v.onDiscard)}
    </div>
  </form>`;
}

function renderDuplicate(v: FormView, person: Person): TemplateResult {
  const who = person.companyName ? `${fullName(person)} (${person.companyName})` : fullName(person);
  return html`<div class="duplicate" role="alert" id="duplicate-warning">
    <p>${msg(str`A person with this e-mail address already exists: ${who}.`)}</p>
    <div class="card-actions">
      <button type="button" class="btn primary small" id="link-duplicate" aria-describedby="duplicate-warning" ${softDisabled(v.busy)}
        @click=${() => v.onLink(person.id)}>${msg('Link this person instead')}</button>
      <button type="button" class="btn small" ${softDisabled(v.busy)}
        @click=${() => v.onCreatePerson(null, true)}>${msg('Create anyway')}</button>
    </div>
  </div>`;
}

/** The "Create company" form. */
export function renderCompanyForm(v: FormView, draft: CompanyDraft): TemplateResult {
  const errors: FieldErrors<CompanyDraft> = v.showErrors ? validateCompanyDraft(draft) : {};
  const error = errors.name;
  return html`<form class="form" part="form" novalidate aria-label=${msg('Create company')}
    @submit=${v.onCreateCompany} @keydown=${v.onKeydown}>
    <div class="field">
      <label for="company-name">${msg('Company name')}<span aria-hidden="true"> *</span></label>
      <input id="company-name" name="name" autocomplete="off" required .value=${live(draft.name)}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'company-name-error' : nothing}
        @input=${(e: InputEvent) => v.onCompanyInput((e.target as HTMLInputElement).value)} />
      ${error ? html`<span id="company-name-error" class="field-error">${msg('Enter a company name.')}</span>` : nothing}
    </div>
    ${v.formError ? html`<p class="form-error" role="alert">${v.formError}</p>` : nothing}
    <div class="card-actions">
      <button type="submit" class="btn primary" ${softDisabled(v.busy)}>${msg('Save company')}</button>
      <button type="button" class="btn ghost" @click=${v.onCancel}>${msg('Cancel')}</button>
      ${renderDiscardButton(v.changed, v.onDiscard)}
    </div>
  </form>`;
}

/**
 * The read-only transcript of a previous chat (loading, failed with Try again, or its messages).
 * A long message shows its start with "Show full message", as in the conversation.
 * @param id the element id the chat's button controls
 * @param retry loads the transcript again
 * @param expanded the long messages the agent expanded (kept by the panel for the shown chat)
 */
export function renderTranscript(
  c: ChatSessionSummary,
  id: string,
  transcript: Transcript | undefined,
  display: DisplaySettings,
  retry: () => void,
  expanded: ExpandedTexts,
): TemplateResult {
  const when = formatDateTime(c.createdAt, display);
  const label = msg(str`Transcript of the chat of ${when}`);
  if (!transcript || transcript.status === 'loading') {
    return html`<div id=${id} class="transcript" part="transcript" aria-busy="true">${msg('Loading the transcript ...')}</div>`;
  }
  if (transcript.status === 'error') {
    return html`<div id=${id} class="transcript" part="transcript" role="alert">
      <p>${msg('The transcript could not be loaded.')} ${noticeMessage({ code: transcript.error?.code ?? 'unknown' })}</p>
      <button type="button" class="btn small" @click=${retry}>${msg('Try again')}</button>
    </div>`;
  }
  return html`<ol id=${id} class="transcript" part="transcript" aria-label=${label}>
    ${transcript.messages.map((m) => renderTranscriptLine(m, display, expanded))}
  </ol>`;
}

function renderTranscriptLine(m: MessageView, display: DisplaySettings, expanded: ExpandedTexts): TemplateResult {
  const time = html`<time datetime=${m.sentAt} title=${formatDateTime(m.sentAt, display)}>${formatTime(m.sentAt, display)}</time>`;
  if (m.kind === 'system') return html`<li class="line system">${time} <span dir="auto">${m.text}</span></li>`;
  return html`<li class="line ${m.kind}">
    <div class="line-head"><bdi class="author">${m.authorName}</bdi> ${time}</div>
    ${m.text ? renderLongText(m.id, m.text, expanded) : nothing}
    ${m.attachments.length
      ? html`<ul class="files">
          ${m.attachments.map((a) => {
            const href = downloadUrl(a.url);
            const label = html`<bdi>${a.name}</bdi> <span class="record-sub">(${formatBytes(a.size, display)})</span>`;
            return html`<li>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label}</li>`;
          })}
        </ul>`
      : nothing}
  </li>`;
}

/** An attachment's URL when it is one a link may point to (http, https, blob), else `null`. */
function downloadUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'blob:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

function fieldErrorText(key: keyof PersonDraft, error: FieldError): string {
  if (error === 'invalid-email') return msg('Enter an e-mail address such as name@example.com.');
  return key === 'firstName' ? msg('Enter a first name.') : msg('Enter a last name.');
}

function fullName(person: Person): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** Styles of the forms and the transcript (adopted into the panel's shadow root when loaded). */
export const panelPartStyles = [
  messageTextStyles,
  longTextStyles,
  css`
  .form {
    display: grid;
    gap: 12px;
    margin-top: 16px;
    padding-top: 16px;
    border-top: 1px solid var(--_border);
  }
  .field-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
    gap: 12px;
  }
  .field {
    display: grid;
    align-content: start;
    gap: 4px;
    font-size: 13px;
    font-weight: 500;
    min-width: 0;
  }
  .form .card-actions {
    margin-top: 0;
  }
  .form-error {
    margin: 0;
    color: var(--_danger);
    font-size: 13px;
  }
  .field-error {
    color: var(--_danger);
    font-size: 12px;
    font-weight: 400;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .duplicate {
    padding: 10px 12px;
    border-radius: var(--_radius-small);
    background: var(--_warning-soft);
    border: 1px solid var(--_warning);
    font-size: 13px;
    overflow-wrap: anywhere;
  }
  .duplicate p {
    margin: 0;
  }
  .duplicate .card-actions {
    margin-top: 8px;
  }

  .transcript {
    list-style: none;
    margin: 4px 8px 8px;
    padding: 8px;
    display: grid;
    gap: 8px;
    border-inline-start: 3px solid var(--_border);
    background: var(--_surface);
    border-radius: var(--_radius-small);
    font-size: 13px;
    min-width: 0;
    max-height: 320px;
    overflow-y: auto;
  }
  .line {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .line-head {
    display: flex;
    gap: 6px;
    align-items: baseline;
    color: var(--_text-muted);
    font-size: 12px;
    min-width: 0;
  }
  .line-head .author {
    font-weight: 600;
    color: var(--_text);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .line.to-customer .author {
    color: var(--_accent);
  }
  .files {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .files .record-sub {
    display: inline;
  }
  .line.system {
    color: var(--_text-muted);
    font-style: italic;
    font-size: 12px;
  }
  `,
];
