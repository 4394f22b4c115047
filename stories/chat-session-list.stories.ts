import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';
import { serviceAfterFailedFirstLoad } from './failed-first-load.js';

const NOW = '2026-11-30T10:00:00Z';
const MINUTE = 60_000;

/** A deterministic demo backend (no simulator, fixed clock) set up by `script`, and its service. */
async function scene(script: (backend: InMemoryChatBackend, clock: FakeClock) => void | Promise<void>): Promise<ChatService> {
  const clock = new FakeClock('2026-11-30T06:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  await script(backend, clock);
  await clock.set(NOW);
  const service = new ChatService({ backend, clock });
  await service.ready;
  return service;
}

function show(service: ChatService, lang = 'en') {
  return html`<chat-provider .service=${service} lang=${lang} time-zone="Europe/Amsterdam">
    <div style="height: 640px; width: 320px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
      <chat-session-list></chat-session-list>
    </div>
  </chat-provider>`;
}

/** A working day: two ongoing chats (one unread), a queue, and chats that ended earlier. */
async function busy(backend: InMemoryChatBackend, clock: FakeClock): Promise<void> {
  const { script } = backend;
  const ended = script.customerArrives({ channelId: 'webshop-nl', name: 'Aiko Tanaka', text: 'Is mijn bestelling al verzonden?' });
  script.agentAnswers('a1', ended);
  script.agentWrites('a1', ended, 'Ja, hij is vanochtend verzonden.');
  script.customerWrites(ended, 'Bedankt voor de bevestiging.');
  script.agentEnds('a1', ended);
  await clock.advance(120 * MINUTE);
  const a = script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
  script.agentAnswers('a1', a);
  script.agentWrites('a1', a, 'Let me check that for you.');
  await clock.advance(60 * MINUTE);
  const b = script.customerArrives({ channelId: 'sales', name: 'Bartholomew Featherstonehaugh-Wolstenholme', text: 'Do you offer volume discounts?' });
  script.agentAnswers('a1', b);
  script.customerWrites(b, 'We would need about 250 licences for next year, starting in January.');
  script.customerWrites(b, 'And is there an education discount?');
  await clock.advance(30 * MINUTE);
  script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello?' });
  script.customerArrives({ channelId: 'webshop-nl', name: 'Sanne de Boer', text: 'Goedemiddag!' });
}

const meta: Meta = {
  title: 'Chat/Session list',
  component: 'chat-session-list',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** No chats and nobody waiting: "Get next in queue" is disabled and says why. */
export const Empty: Story = {
  loaders: [async () => ({ service: await scene(() => undefined) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** Ongoing chats with unread messages and previews, a queue, and recent (ended) chats. */
export const Busy: Story = {
  loaders: [async () => ({ service: await scene(busy) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** A colleague transfers a chat to the agent, and the agent transfers one away: both marked. */
export const TransferPending: Story = {
  loaders: [
    async () => ({
      service: await scene(async (backend) => {
        const { script } = backend;
        const toMe = script.customerArrives({ channelId: 'support', name: 'Lena Fischer', text: 'I need help with an invoice' });
        script.agentAnswers('a3', toMe);
        script.agentWrites('a3', toMe, 'One moment, a colleague from billing will take over.');
        script.transfer(toMe, 'a3', 'a1', 'Billing question, you know this customer');
        const fromMe = script.customerArrives({ channelId: 'sales', name: 'Omar Haddad', text: 'Can I get a demo?' });
        script.agentAnswers('a1', fromMe);
        script.transfer(fromMe, 'a1', 'a2', 'Sanne does the demos');
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** The busy list in Dutch (times in 24-hour Amsterdam time). */
export const Dutch: Story = {
  loaders: [async () => ({ service: await scene(busy) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService, 'nl'),
};

/**
 * 300 ongoing chats: the group is virtualized (only rows near the viewport are in the DOM), and a
 * new message re-renders only its own row. Arrow keys, Home and End still reach every row.
 */
export const ManySessions: Story = {
  loaders: [
    async () => ({
      service: await scene((backend) => {
        for (let i = 0; i < 300; i++) {
          const id = backend.script.customerArrives({ channelId: 'support', name: `Customer ${i + 1}`, text: `Question number ${i + 1}` });
          backend.script.agentAnswers('a1', id);
        }
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/**
 * The first load failed (`getSnapshot` rejected with `network`): the queue is unknown, so no count
 * and no "queue is empty", only why with "Try again" (which loads: the backend answers again).
 */
export const CouldNotLoad: Story = {
  loaders: [async () => ({ service: await serviceAfterFailedFirstLoad(NOW) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};
