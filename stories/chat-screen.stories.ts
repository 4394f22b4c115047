import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';

const MINUTE = 60_000;

/** A scripted, deterministic busy afternoon: a queue, ongoing chats of the agent and colleagues, an ended chat. */
async function busyService(options: { transfer?: boolean } = {}): Promise<ChatService> {
  const clock = new FakeClock('2026-11-30T12:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const { script } = backend;
  const ended = script.customerArrives({ channelId: 'support', name: 'Niamh O’Brien', text: 'Can I change my delivery address?' });
  script.agentAnswers('a1', ended);
  script.agentWrites('a1', ended, 'Done, the new address is saved.');
  script.customerWrites(ended, 'Good to know, thanks!');
  script.agentEnds('a1', ended);
  await clock.advance(90 * MINUTE);
  const mine = script.customerArrives({ channelId: 'support', name: 'Mira Okafor', email: 'mira.okafor@example.org', text: 'Hi, my parcel is late' });
  script.agentAnswers('a1', mine);
  script.agentWrites('a1', mine, 'Sorry to hear that! Could you give me your order number?');
  script.customerWrites(mine, 'It is ORD-4521.');
  const other = script.customerArrives({ channelId: 'webshop-nl', name: 'Mehmet Yilmaz', text: 'Kan ik ruilen?' });
  script.agentAnswers('a1', other);
  script.customerWrites(other, 'Moet ik hem opsturen of naar de winkel brengen?');
  const colleague = script.customerArrives({ channelId: 'sales', name: 'Hannah Lawson', text: 'Can I upgrade mid-month?' });
  script.agentAnswers('a2', colleague);
  await clock.advance(5 * MINUTE);
  if (options.transfer) script.transfer(colleague, 'a2', 'a1', 'She asks about the annual plan; I am off in 10 minutes.');
  script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'The desk lamp arrived with a cracked base.' });
  await clock.advance(MINUTE);
  script.customerArrives({ channelId: 'sales', name: 'Harry P.', text: 'Could someone call me back?' });
  const service = new ChatService({ backend, clock });
  await service.ready;
  service.selectSession(mine);
  return service;
}

const frame = 'height: 720px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden';

const meta: Meta = {
  title: 'Chat/Screen',
  component: 'chat-screen',
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

/** The live demo: the in-memory backend simulates customers and colleagues in real time. */
export const LiveDemo: Story = {
  render: () => html`<chat-screen demo style="height: 100vh"></chat-screen>`,
};

/** A scripted busy state (deterministic): queue, the agent's chats, a colleague's chat, an ended chat. */
export const Busy: Story = {
  loaders: [async () => ({ service: await busyService() })],
  render: (_args, { loaded }) =>
    html`<chat-screen .service=${loaded.service as ChatService} tab="chats" time-zone="Europe/Amsterdam" style=${frame}></chat-screen>`,
};

/** The busy state in Dutch. */
export const Dutch: Story = {
  loaders: [async () => ({ service: await busyService() })],
  render: (_args, { loaded }) =>
    html`<chat-screen .service=${loaded.service as ChatService} lang="nl" tab="chats" time-zone="Europe/Amsterdam" style=${frame}></chat-screen>`,
};

/** The dark theme: the host only sets `color-scheme: dark` on a wrapper. */
export const DarkTheme: Story = {
  loaders: [async () => ({ service: await busyService() })],
  render: (_args, { loaded }) => html`<div style="color-scheme: dark; background: #0f1115; padding: 16px">
    <chat-screen .service=${loaded.service as ChatService} tab="chats" time-zone="Europe/Amsterdam" style=${frame}></chat-screen>
  </div>`,
};

/** The dark theme on the dashboard. */
export const DarkDashboard: Story = {
  loaders: [async () => ({ service: await busyService() })],
  render: (_args, { loaded }) => html`<div style="color-scheme: dark; background: #0f1115; padding: 16px">
    <chat-screen .service=${loaded.service as ChatService} tab="dashboard" time-zone="Europe/Amsterdam" style=${frame}></chat-screen>
  </div>`,
};

/**
 * A colleague transfers a chat to the agent while the Dashboard shows: the Chats badge counts it,
 * a notice under the header says "Sanne Bakker transfers Hannah Lawson to you" with the note,
 * "Open" and "Dismiss", and the dashboard's ongoing row offers "Open" instead of "Listen in".
 * "Open" shows the chat in the Chats tab with Accept transfer / Reject transfer.
 */
export const TransferOffered: Story = {
  loaders: [async () => ({ service: await busyService({ transfer: true }) })],
  render: (_args, { loaded }) =>
    html`<chat-screen .service=${loaded.service as ChatService} tab="dashboard" time-zone="Europe/Amsterdam" style=${frame}></chat-screen>`,
};

/** The transfer offer at phone width (360 × 640), on the Chats tab with another chat open. */
export const TransferOfferedPhone: Story = {
  loaders: [async () => ({ service: await busyService({ transfer: true }) })],
  render: (_args, { loaded }) =>
    html`<chat-screen .service=${loaded.service as ChatService} tab="chats" time-zone="Europe/Amsterdam"
      style="width: 360px; height: 640px; border: 1px solid #e2e5ea; overflow: hidden"></chat-screen>`,
};

/**
 * Phone width (360 × 640, B09): one pane at a time. A chat is selected, so its conversation shows,
 * with "Back to chats" and "Person" above it.
 */
export const Phone: Story = {
  loaders: [async () => ({ service: await busyService() })],
  render: (_args, { loaded }) =>
    html`<chat-screen .service=${loaded.service as ChatService} tab="chats" time-zone="Europe/Amsterdam"
      style="width: 360px; height: 640px; border: 1px solid #e2e5ea; overflow: hidden"></chat-screen>`,
};

/** The phone layout in Dutch ("Terug naar chats", "Persoon"). */
export const PhoneDutch: Story = {
  loaders: [async () => ({ service: await busyService() })],
  render: (_args, { loaded }) =>
    html`<chat-screen .service=${loaded.service as ChatService} lang="nl" tab="chats" time-zone="Europe/Amsterdam"
      style="width: 360px; height: 640px; border: 1px solid #e2e5ea; overflow: hidden"></chat-screen>`,
};

/**
 * A narrow column of a wide page (a CRM side panel of 380 px): the layout follows the element's own
 * width, not the window's. No chat is selected, so the session list shows; choosing a chat shows
 * its conversation.
 */
export const NarrowSidePanel: Story = {
  loaders: [
    async () => {
      const service = await busyService();
      service.selectSession(null);
      return { service };
    },
  ],
  render: (_args, { loaded }) => html`<div style="display: flex; gap: 16px; height: 680px; padding: 16px; box-sizing: border-box">
    <div style="flex: 1; border: 1px dashed #c4c9d2; border-radius: 8px; padding: 16px; color: #5b6472; font: 14px system-ui">
      The CRM's own page content
    </div>
    <chat-screen .service=${loaded.service as ChatService} tab="chats" time-zone="Europe/Amsterdam"
      style="flex: none; width: 380px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden"></chat-screen>
  </div>`,
};

/** Tablet width (800 px): the list and the conversation; the person panel opens as a drawer from "Person" in the header. */
export const Tablet: Story = {
  loaders: [async () => ({ service: await busyService() })],
  render: (_args, { loaded }) =>
    html`<chat-screen .service=${loaded.service as ChatService} tab="chats" time-zone="Europe/Amsterdam"
      style="width: 800px; height: 600px; border: 1px solid #e2e5ea; overflow: hidden"></chat-screen>`,
};

/**
 * A failed first load: the adapter's `getSnapshot` rejects (here with a plain Error). The screen
 * says why by the error's code, the adapter's message under "Details", and "Try again" reloads.
 */
export const FirstLoadFailed: Story = {
  loaders: [
    async () => {
      const clock = new FakeClock('2026-11-30T12:00:00Z');
      const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
      let failing = true;
      const getSnapshot = backend.getSnapshot.bind(backend);
      backend.getSnapshot = () => (failing ? Promise.reject(new Error('HTTP 500 from /chat/snapshot')) : getSnapshot());
      const service = new ChatService({ backend, clock });
      await service.ready.catch(() => undefined);
      failing = false; // "Try again" works.
      return { service };
    },
  ],
  render: (_args, { loaded }) => html`<chat-screen .service=${loaded.service as ChatService} style=${frame}></chat-screen>`,
};
