/**
 * Codes of the typed errors the backend adapter and the service reject with.
 * - `already-taken`: another agent answered / accepted the chat first.
 * - `not-permitted`: the agent lacks the right (channel right, ownership, presence rule).
 * - `not-found`: the session, message, person or record does not exist.
 * - `invalid-state`: the session is not in a state that allows the command (e.g. ending an ended chat).
 * - `invalid-input`: the input is malformed (empty message, bad e-mail, ...).
 * - `duplicate`: the record already exists (e.g. a person with the same e-mail address); `details.person`.
 * - `queue-empty`: "Get next in queue" found no waiting chat.
 * - `file-too-large`, `file-type-not-allowed`, `file-empty`: a file was refused before upload.
 * - `network`, `timeout`, `disconnected`: the backend could not be reached in time.
 * - `no-service`: an element or command found no chat service.
 * - `unknown`: anything else.
 */
export type ChatErrorCode =
  | 'already-taken'
  | 'not-permitted'
  | 'not-found'
  | 'invalid-state'
  | 'invalid-input'
  | 'duplicate'
  | 'queue-empty'
  | 'file-too-large'
  | 'file-type-not-allowed'
  | 'file-empty'
  | 'network'
  | 'timeout'
  | 'disconnected'
  | 'no-service'
  | 'unknown';

/**
 * The typed error every adapter command rejects with. Integrators' adapters should map their
 * transport's failures onto these codes; the service wraps anything else as `unknown`.
 */
export class ChatBackendError extends Error {
  /** Machine-readable reason. */
  readonly code: ChatErrorCode;
  /** Extra facts for the message, e.g. `{ limit: 10485760 }` for `file-too-large` (bytes). */
  readonly details: Readonly<Record<string, unknown>>;

  /**
   * @param code machine-readable reason
   * @param message human-readable English explanation (for logs; the UI localises by `code`)
   * @param options `cause` (the original error) and `details`
   */
  constructor(
    code: ChatErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ChatBackendError';
    this.code = code;
    this.details = options.details ?? {};
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Whether `error` is a {@link ChatBackendError}, optionally with the given code. */
export function isChatError(error: unknown, code?: ChatErrorCode): error is ChatBackendError {
  return error instanceof ChatBackendError && (code === undefined || error.code === code);
}

/** Wrap any thrown value as a {@link ChatBackendError} (`unknown` unless it already is one). */
export function toChatError(error: unknown): ChatBackendError {
  if (error instanceof ChatBackendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChatBackendError('unknown', message || 'Unknown error', { cause: error });
}
