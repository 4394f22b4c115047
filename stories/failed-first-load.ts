import { ChatBackendError } from '../src/backend/errors.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';

/**
 * For the "could not load" stories: a service on the demo backend (one customer waiting) whose
 * first `getSnapshot` rejected with `network`; the next one answers, so "Try again" loads.
 * @param now the demo clock's time (ISO 8601 UTC)
 */
export async function serviceAfterFailedFirstLoad(now: string): Promise<ChatService> {
  const clock = new FakeClock(now);
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello?' });
  const real = backend.getSnapshot.bind(backend);
  backend.getSnapshot = () => {
    backend.getSnapshot = real;
    return Promise.reject(new ChatBackendError('network', 'The connection dropped'));
  };
  const service = new ChatService({ backend, clock });
  await service.ready.catch(() => undefined);
  return service;
}
