import { runAdapterConformance } from '../../src/backend/conformance.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { FakeClock } from '../../src/service/clock.js';

runAdapterConformance('InMemoryChatBackend', async () => {
  const backend = new InMemoryChatBackend({ seed: 7, clock: new FakeClock(), autoplay: false });
  return {
    adapter: backend,
    secondAgent: backend.forAgent('ben'),
    listener: backend.forAgent('a5'),
    queueCustomer: async (input = {}) => backend.script.customerArrives({ channelId: 'support', ...input }),
    customerWrites: async (sessionId, text) => {
      backend.script.customerWrites(sessionId, text);
    },
    dispose: () => backend.dispose(),
  };
});

runAdapterConformance('InMemoryChatBackend with latency', async () => {
  // Latency runs on the real clock here: the suite waits in real time.
  const backend = new InMemoryChatBackend({ seed: 7, autoplay: false, latencyMs: 3 });
  return {
    adapter: backend.forAgent('carla'),
    secondAgent: backend.forAgent('ben'),
    listener: backend.forAgent('a5'),
    queueCustomer: async (input = {}) => backend.script.customerArrives({ channelId: 'webshop-nl', ...input }),
    customerWrites: async (sessionId, text) => {
      backend.script.customerWrites(sessionId, text);
    },
    dispose: () => backend.dispose(),
  };
});
