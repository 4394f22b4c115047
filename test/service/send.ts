/** DOM-free test helper for sending through the ChatService, as the composer does. */
import type { ChatBackendError } from '../../src/backend/errors.js';
import type { ChatService } from '../../src/service/chat-service.js';

let sent = 0;

/**
 * Start sending `text` in a session, as `<chat-conversation>` does: the message's client id is
 * known at once (the test gives it), and the delivery's outcome is kept as a value, so a test can
 * assert it and a failed delivery is never an unhandled rejection.
 * @returns the client id, and a promise of `{ sent: clientId }` or `{ error }` (never rejects)
 */
export function startSend(
  service: ChatService,
  sessionId: string,
  text: string,
): { clientId: string; outcome: Promise<{ sent?: string; error?: ChatBackendError }> } {
  const clientId = `test-send-${++sent}`;
  const outcome = service.sendMessage(sessionId, { text, clientId }).then(
    (id) => ({ sent: id }),
    (error: ChatBackendError) => ({ error }),
  );
  return { clientId, outcome };
}
