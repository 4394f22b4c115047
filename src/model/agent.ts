import type { ChannelRights } from './channel.js';

/** Agent presence. Only present agents get warnings and are offered as transfer targets. */
export type Presence = 'present' | 'away';

/**
 * A customer-service agent. Source: the backend adapter (`getSnapshot()`, `agent-updated` events).
 */
export interface Agent {
  /** Stable id of the agent. */
  readonly id: string;
  /** Display name, e.g. "Anna de Vries". */
  readonly name: string;
  /** Present or away. */
  readonly presence: Presence;
  /** Rights per channel id; a channel missing here means no rights on it. */
  readonly rights: Readonly<Record<string, ChannelRights>>;
}
