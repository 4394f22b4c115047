import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';

/** A scripted demo (no simulator, fixed clock) and the session the story shows. */
interface Scene {
  service: ChatService;
  sessionId: string;
}

/** A deterministic demo backend with one answered chat of `customer`, optionally linked to a person. */
async function scene(
  customer: { name: string; email?: string; phone?: string; companyName?: string; text?: string },
  link?: (backend: InMemoryChatBackend) => Promise<string | undefined>,
): Promise<Scene> {
  const clock = new FakeClock('2026-11-30T10:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const sessionId = backend.script.customerArrives({ channelId: 'support', text: 'Hello, I have a question about my invoice.', ...customer });
  backend.script.agentAnswers('a1', sessionId);
  const personId = await link?.(backend);
  if (personId) await backend.linkPerson(sessionId, personId);
  const service = new ChatService({ backend, clock });
  await service.ready;
  return { service, sessionId };
}

/** A CRM person with requests, sales, follow-ups and earlier chats in the seeded demo data. */
async function busyPersonId(backend: InMemoryChatBackend): Promise<string | undefined> {
  for (const person of await backend.searchPersons('co', 500)) {
    const d = await backend.getPersonDetails(person.id);
    if (d.requests.length > 1 && d.sales.length && d.followUps.length && d.chatSessions.length && d.company) return person.id;
  }
  return undefined;
}

function show(s: Scene, lang = 'en') {
  return html`<chat-provider .service=${s.service} lang=${lang} time-zone="Europe/Amsterdam">
    <div style="height: 720px; width: 340px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
      <chat-person-panel session-id=${s.sessionId}></chat-person-panel>
    </div>
  </chat-provider>`;
}

const meta: Meta = {
  title: 'Chat/Person panel',
  component: 'chat-person-panel',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** The customer is linked to a CRM person: card, contact details and their records. */
export const MatchedPerson: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Customer' }, busyPersonId) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** Not linked yet: persons found by e-mail and by name, each with "Link"; create person or company. */
export const Candidates: Story = {
  loaders: [
    async () => ({
      scene: await scene({ name: 'Lotte de Graaf', email: 'o.bennett@brightwave-logistics.co.uk', phone: '+31 6 1234 5678' }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** Nobody in the CRM matches: what the customer told, and the buttons to add them. */
export const UnknownCustomer: Story = {
  loaders: [
    async () => ({
      scene: await scene({ name: 'Zoë Kaplan', email: 'zoe@kaplan-studio.example', companyName: 'Kaplan Studio' }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** Candidates in Dutch (lang="nl"). */
export const Dutch: Story = {
  loaders: [
    async () => ({
      scene: await scene({ name: 'Lotte de Graaf', email: 'lotte@example.nl', companyName: 'Veldkamp Installatie' }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene, 'nl'),
};

/** No session selected. */
export const Empty: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Mira Okafor' }) })],
  render: (_args, { loaded }) => html`<chat-provider .service=${(loaded.scene as Scene).service}>
    <div style="height: 360px; width: 340px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
      <chat-person-panel></chat-person-panel>
    </div>
  </chat-provider>`,
};
