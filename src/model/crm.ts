import type { IsoDateTime } from './common.js';

/** A company in the CRM. Source: the backend adapter. */
export interface Company {
  readonly id: string;
  readonly name: string;
  readonly city?: string;
  readonly country?: string;
  readonly phone?: string;
  readonly website?: string;
}

/** A person (contact) in the CRM. Source: the backend adapter. */
export interface Person {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly mobile?: string;
  readonly title?: string;
  readonly companyId?: string;
  /** The company's name, denormalised for lists. */
  readonly companyName?: string;
}

/** Request (support ticket) status. */
export type RequestStatus = 'open' | 'in-progress' | 'closed';
/** Request priority. */
export type RequestPriority = 'low' | 'medium' | 'high' | 'urgent';

/** A request (support ticket) in the CRM. */
export interface SupportRequest {
  readonly id: string;
  /** Human-readable request number, e.g. `R-10234`. */
  readonly number: string;
  readonly title: string;
  readonly category: string;
  readonly priority: RequestPriority;
  readonly status: RequestStatus;
  readonly personId?: string;
  readonly sessionId?: string;
  readonly createdAt: IsoDateTime;
}

/** A sale (opportunity) in the CRM. */
export interface Sale {
  readonly id: string;
  readonly title: string;
  /** Amount in the currency's major unit (e.g. euros). */
  readonly amount: number;
  /** ISO 4217 currency code, e.g. `EUR`. */
  readonly currency: string;
  readonly stage: 'open' | 'won' | 'lost';
  readonly personId?: string;
  readonly date: IsoDateTime;
}

/** A follow-up activity (appointment, call, task) in the CRM. */
export interface FollowUp {
  readonly id: string;
  readonly title: string;
  readonly kind: 'call' | 'meeting' | 'task';
  readonly dueAt: IsoDateTime;
  readonly done: boolean;
  readonly personId?: string;
}

/** A previous chat session of a person, for the person panel. */
export interface ChatSessionSummary {
  readonly id: string;
  readonly channelId: string;
  readonly createdAt: IsoDateTime;
  readonly endedAt?: IsoDateTime;
  readonly agentId: string | null;
  readonly lastMessageText?: string;
}

/** Everything the person panel shows about one person. Source: the backend adapter. */
export interface PersonDetails {
  readonly person: Person;
  readonly company?: Company;
  readonly requests: readonly SupportRequest[];
  readonly sales: readonly Sale[];
  readonly followUps: readonly FollowUp[];
  readonly chatSessions: readonly ChatSessionSummary[];
}

/** A person found for a chat customer, with why they matched. */
export interface PersonCandidate {
  readonly person: Person;
  /** What matched: the e-mail address, the full name, or the phone number. */
  readonly matchedOn: 'email' | 'name' | 'phone';
}

/** A published FAQ entry. */
export interface Faq {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  /** Public URL of the published FAQ (http or https). */
  readonly url: string;
  readonly folder: string;
}

/** A shared reply template; its text may contain `{customerName}`, `{agentName}`, `{channelName}`. */
export interface ReplyTemplate {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly folder: string;
}

/** An agent's own quick reply: a name (not shown to the customer) and content. */
export interface QuickReply {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly agentId: string;
}
