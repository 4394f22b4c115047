import type { Person } from '../model/crm.js';
import type { ChatCustomer } from '../model/session.js';

/**
 * Rules for creating CRM persons and companies from a chat: pre-filling from what the customer
 * gave, and validation. Pure functions with no DOM, used by {@link ChatService} (which enforces
 * them) and by `<chat-person-panel>` (which only shows their outcome).
 */

/** What the agent fills in to create a person. Every field is plain text as typed (not trimmed). */
export interface PersonDraft {
  readonly firstName: string;
  readonly lastName: string;
  /** E-mail address; empty for none. */
  readonly email: string;
  /** Phone number; empty for none. */
  readonly phone: string;
  /** Name of a company to create with the person; empty for none. */
  readonly companyName: string;
}

/** What the agent fills in to create a company. */
export interface CompanyDraft {
  readonly name: string;
}

/** Why a field is not valid: `required` (empty) or `invalid-email` (not an e-mail address). */
export type FieldError = 'required' | 'invalid-email';

/** The invalid fields of a draft; an empty object means valid. */
export type FieldErrors<T> = Partial<Record<keyof T, FieldError>>;

/**
 * Whether `text` is an e-mail address: one `@`, a local part and a domain with at least one dot,
 * no spaces, quotes, angle brackets or parentheses, no empty labels (`a@b..c`). Leading and
 * trailing white space is ignored.
 */
export function isEmailAddress(text: string): boolean {
  const value = text.trim();
  if (value.length > 254) return false;
  const match = /^([^\s@<>"'(),;:]+)@([^\s@<>"'(),;:]+)$/.exec(value);
  if (!match) return false;
  const [, local, domain] = match as unknown as [string, string, string];
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => l.length > 0 && !l.startsWith('-') && !l.endsWith('-'));
}

/**
 * Split a full name into first and last name: the first word is the first name, the rest
 * (with prefixes such as "van der") the last name. "Mira van der Berg" → Mira / van der Berg;
 * a single word becomes the first name; white space is collapsed.
 */
export function splitPersonName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') };
}

/** A person draft pre-filled from what the chat customer gave (name, e-mail, phone, company). */
export function personDraftFromCustomer(customer: ChatCustomer): PersonDraft {
  return {
    ...splitPersonName(customer.name ?? ''),
    email: customer.email?.trim() ?? '',
    phone: customer.phone?.trim() ?? '',
    companyName: customer.companyName?.trim() ?? '',
  };
}

/**
 * Validate a person draft: first and last name are required, the e-mail address (optional)
 * must be one. @returns the invalid fields (empty object when valid)
 */
export function validatePersonDraft(draft: PersonDraft): FieldErrors<PersonDraft> {
  const errors: { -readonly [K in keyof PersonDraft]?: FieldError } = {};
  if (!draft.firstName.trim()) errors.firstName = 'required';
  if (!draft.lastName.trim()) errors.lastName = 'required';
  if (draft.email.trim() && !isEmailAddress(draft.email)) errors.email = 'invalid-email';
  return errors;
}

/** Validate a company draft: the name is required. @returns the invalid fields */
export function validateCompanyDraft(draft: CompanyDraft): FieldErrors<CompanyDraft> {
  return draft.name.trim() ? {} : { name: 'required' };
}

/** Whether a draft's field errors are empty. */
export function isValid<T>(errors: FieldErrors<T>): boolean {
  return Object.keys(errors).length === 0;
}

/** The first person in `persons` with the same e-mail address as `email` (case-insensitive), if any. */
export function personWithEmail(persons: readonly Person[], email: string): Person | undefined {
  const wanted = email.trim().toLowerCase();
  if (!wanted) return undefined;
  return persons.find((p) => p.email?.trim().toLowerCase() === wanted);
}
