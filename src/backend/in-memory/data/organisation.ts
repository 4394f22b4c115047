import type { ChannelRights } from '../../../model/channel.js';

/** A channel as the demo defines it (`open` is derived from agent presence at run time). */
export interface ChannelSeed {
  readonly id: string;
  readonly name: string;
  readonly language: 'en' | 'nl';
  readonly welcomeMessage: string;
  readonly waitWarningMinutes: number;
  readonly unansweredWarningMinutes: number;
}

/** The three demo channels. */
export const CHANNELS: readonly ChannelSeed[] = [
  {
    id: 'sales',
    name: 'Sales website',
    language: 'en',
    welcomeMessage: 'Hello, thank you for contacting our sales team! How can I help you today?',
    waitWarningMinutes: 2,
    unansweredWarningMinutes: 3,
  },
  {
    id: 'support',
    name: 'Support portal',
    language: 'en',
    welcomeMessage: 'Hi, thanks for reaching out to support. I am reading your message now.',
    waitWarningMinutes: 2,
    unansweredWarningMinutes: 3,
  },
  {
    id: 'webshop-nl',
    name: 'Webshop NL',
    language: 'nl',
    welcomeMessage: 'Hallo, bedankt voor uw bericht! Waarmee kan ik u helpen?',
    waitWarningMinutes: 2,
    unansweredWarningMinutes: 3,
  },
];

const ALL: ChannelRights = { respond: true, notify: true, listenIn: true, manage: true };
const RESPOND: ChannelRights = { respond: true, notify: true, listenIn: false, manage: false };
const RESPOND_LISTEN: ChannelRights = { respond: true, notify: true, listenIn: true, manage: false };
const QUIET: ChannelRights = { respond: true, notify: false, listenIn: false, manage: false };

/** An agent as the demo defines it. */
export interface AgentSeed {
  readonly id: string;
  readonly name: string;
  readonly presence: 'present' | 'away';
  readonly rights: Readonly<Record<string, ChannelRights>>;
}

/** The demo's agents: `a1` is the current agent; the others are simulated colleagues. */
export const AGENTS: readonly AgentSeed[] = [
  {
    id: 'a1',
    name: 'Anna de Vries',
    presence: 'present',
    rights: {
      sales: { respond: true, notify: true, listenIn: true, manage: false },
      support: { respond: true, notify: true, listenIn: true, manage: false },
      'webshop-nl': { respond: true, notify: true, listenIn: true, manage: false },
    },
  },
  { id: 'a2', name: 'Sanne Bakker', presence: 'present', rights: { sales: RESPOND, support: RESPOND } },
  { id: 'a3', name: 'Tom Hendriks', presence: 'present', rights: { support: RESPOND, 'webshop-nl': RESPOND } },
  { id: 'a4', name: 'Priya Raman', presence: 'away', rights: { sales: QUIET } },
  {
    id: 'a5',
    name: 'Lars Visser',
    presence: 'present',
    rights: { 'webshop-nl': RESPOND_LISTEN, support: RESPOND_LISTEN },
  },
  { id: 'a6', name: 'Emily Carter', presence: 'away', rights: { sales: ALL, support: ALL, 'webshop-nl': ALL } },
];

/** Rights given to an agent id the demo does not know, on every channel. */
export const GUEST_RIGHTS: ChannelRights = RESPOND;

/** "ben" → "Ben", "ben-smith" → "Ben Smith": a display name for an unknown agent id. */
export function nameFromAgentId(agentId: string): string {
  const words = agentId.split(/[-_.\s]+/).filter(Boolean);
  if (words.length === 0) return agentId;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
