import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';

const MINUTE = 60_000;

/** A deterministic demo backend (no simulator, fixed clock) set up by `script`, and its service. */
async function scene(script: (backend: InMemoryChatBackend, clock: FakeClock) => void | Promise<void>): Promise<ChatService> {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  await script(backend, clock);
  const service = new ChatService({ backend, clock });
  await service.ready;
  return service;
}

function show(service: ChatService, lang = 'en') {
  return html`<chat-provider .service=${service} lang=${lang} time-zone="Europe/Amsterdam">
    <div style="height: 720px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
      <chat-dashboard></chat-dashboard>
    </div>
  </chat-provider>`;
}

const meta: Meta = {
  title: 'Chat/Dashboard',
  component: 'chat-dashboard',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** Nobody waiting, nothing going on. */
export const Quiet: Story = {
  loaders: [async () => ({ service: await scene(() => undefined) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** A queue (one over its channel's 2-minute limit) and chats of several agents. */
export const Busy: Story = {
  loaders: [
    async () => ({
      service: await scene(async (backend, clock) => {
        const { script } = backend;
        const ongoing: [string, string, string, string][] = [
          ['a2', 'sales', 'Hannah Lawson', 'Can I upgrade my plan mid-month?'],
          ['a5', 'support', 'James Holloway', 'The export button does nothing.'],
          ['a1', 'webshop-nl', 'Mehmet Yilmaz', 'Moet ik hem opsturen of naar de winkel brengen?'],
        ];
        for (const [agent, channelId, name, text] of ongoing) {
          const id = script.customerArrives({ channelId, name, text });
          script.agentAnswers(agent, id);
          await clock.advance(4 * MINUTE);
          script.customerWrites(id, text);
        }
        script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hi there, the desk lamp I ordered arrived with a cracked base.' });
        await clock.advance(3 * MINUTE);
        script.customerArrives({ channelId: 'sales', name: 'Harry P.', text: 'Could someone call me back about our contract renewal?' });
        await clock.advance(45_000);
        script.customerArrives({ channelId: 'webshop-nl', name: 'Sanne de Boer', text: 'Goedemiddag, ik heb een vraag over retourneren.' });
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};
