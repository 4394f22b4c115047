/**
 * A chat channel: one chat entry point on the CRM owner's website, e.g. "Sales website".
 * Source: the backend adapter (`getSnapshot()`, `channel-updated` events).
 */
export interface Channel {
  /** Stable id of the channel. */
  readonly id: string;
  /** Display name shown to agents, e.g. "Support portal". */
  readonly name: string;
  /** Language the channel's customers mostly write in (BCP 47, e.g. `en`, `nl`). */
  readonly language: string;
  /** Message sent to the customer when an agent picks up the chat; empty for none. */
  readonly welcomeMessage: string;
  /** A queued chat waiting longer than this many minutes is highlighted (0 = no warning). */
  readonly waitWarningMinutes: number;
  /** A customer message left unanswered longer than this many minutes is highlighted (0 = no warning). */
  readonly unansweredWarningMinutes: number;
  /** Whether customers can start chats now (false when no agent of the channel is present). */
  readonly open: boolean;
}

/** The rights an agent has on one channel (the source product's per-channel agent rights). */
export interface ChannelRights {
  /** May answer and write in chats of the channel. */
  readonly respond: boolean;
  /** Gets the "not answered within N minutes" warnings. */
  readonly notify: boolean;
  /** May listen in (read-only) on other agents' chats of the channel. */
  readonly listenIn: boolean;
  /** May change the channel's settings. */
  readonly manage: boolean;
}
