import { type EndChatConcern, type TransferConcern, endChatConcerns, transferConcerns } from '../model/session.js';
import { canWrite } from './selectors.js';
import type { ChatState } from './state.js';
import type { UploadView } from './uploads.js';

/**
 * What the agent is asked before a chat leaves them, derived live from service state (the
 * session, its draft) and the session's attached files: the source of the "End chat"
 * confirmation ({@link endChatCheck}) and of the warning in the Transfer dialog
 * ({@link transferCheck}). Views follow it while their dialog is open, so a customer who
 * leaves, a file that finishes uploading or a draft changed elsewhere shows at once.
 */
export interface LeaveCheck<C extends EndChatConcern = EndChatConcern> {
  /**
   * Whether the agent can still do it: the chat is ongoing and theirs (for a transfer also: no
   * transfer is pending). `false` once the customer left, the chat ended, another agent took it,
   * or the session is unknown; a dialog open for it then has nothing left to confirm.
   */
  readonly possible: boolean;
  /** What to warn about, in the order the dialog names them; empty when there is nothing to ask. */
  readonly concerns: readonly C[];
  /** How many attached files were not sent (uploading or failed; refused ones never count). */
  readonly unsentFiles: number;
  /** The customer's name as they gave it (untrusted text), `''` for an unknown session. */
  readonly customerName: string;
}

/** The "End chat" check: `endChatConcerns`. */
export type EndChatCheck = LeaveCheck<EndChatConcern>;

/**
 * The transfer check: `transferConcerns` (a reply typed and not sent, files attached and not
 * sent). The draft does not travel with the transfer: it is a reply to the customer, not a note
 * to the colleague (the spec's transfer note is what the sender chooses to write in the Transfer
 * dialog), and the sender keeps the chat until the colleague accepts (after a rejection or a
 * cancel they carry on with it). So the draft stays the sender's own (service `drafts`): in
 * their composer while the transfer is pending, read-only with "Not sent" once it was accepted
 * (see `unsentReply`); the colleague never sees it. Hence the warning, so the agent can go back
 * and send it first.
 */
export type TransferCheck = LeaveCheck<TransferConcern>;

/** How many of a session's attached files have not reached the customer (refused ones never can, and do not count). */
export function countUnsentFiles(uploads: readonly UploadView[]): number {
  let count = 0;
  for (const upload of uploads) if (upload.status !== 'refused') count++;
  return count;
}

/**
 * What "End chat" asks about for a session now.
 * @param sessionId `ChatSession.id`
 * @param uploads the session's attached files (`ChatService.uploads$`)
 */
export function endChatCheck(state: ChatState, sessionId: string, uploads: readonly UploadView[]): EndChatCheck {
  const session = state.sessions[sessionId];
  const unsentFiles = countUnsentFiles(uploads);
  const possible = !!session && canWrite(state, session);
  return {
    possible,
    concerns: possible ? endChatConcerns(session!, state.drafts[sessionId] ?? '', unsentFiles) : [],
    unsentFiles,
    customerName: session?.customer.name ?? '',
  };
}

/**
 * What a transfer warns about for a session now (see {@link TransferCheck} for where the draft goes).
 * @param sessionId `ChatSession.id`
 * @param uploads the session's attached files (`ChatService.uploads$`)
 */
export function transferCheck(state: ChatState, sessionId: string, uploads: readonly UploadView[]): TransferCheck {
  const session = state.sessions[sessionId];
  const unsentFiles = countUnsentFiles(uploads);
  const possible = !!session && canWrite(state, session) && !session.transferTo;
  return {
    possible,
    concerns: possible ? transferConcerns(state.drafts[sessionId] ?? '', unsentFiles) : [],
    unsentFiles,
    customerName: session?.customer.name ?? '',
  };
}

/** Whether two checks say the same (for `distinctUntilChanged`). */
export function sameLeaveCheck(a: LeaveCheck, b: LeaveCheck): boolean {
  return (
    a.possible === b.possible &&
    a.unsentFiles === b.unsentFiles &&
    a.customerName === b.customerName &&
    a.concerns.length === b.concerns.length &&
    a.concerns.every((c, i) => c === b.concerns[i])
  );
}
