import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';
import { pastedLog } from './pasted-log.js';

/** A scripted demo (no simulator, fixed clock) and the session the story shows. */
interface Scene {
  service: ChatService;
  sessionId: string;
  clock: FakeClock;
  backend: InMemoryChatBackend;
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
  return { service, sessionId, clock, backend };
}

/** A CRM person with requests, sales, follow-ups and earlier chats in the seeded demo data. */
async function busyPersonId(backend: InMemoryChatBackend): Promise<string | undefined> {
  for (const person of await backend.searchPersons('co', 500)) {
    const d = await backend.getPersonDetails(person.id);
    if (d.requests.length > 1 && d.sales.length && d.followUps.length && d.chatSessions.length && d.company) return person.id;
  }
  return undefined;
}

function show(s: Scene, lang = 'en', cards: unknown = nothing) {
  return html`<chat-provider .service=${s.service} lang=${lang} time-zone="Europe/Amsterdam">
    <div style="height: 720px; width: 340px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
      <chat-person-panel session-id=${s.sessionId}>${cards}</chat-person-panel>
    </div>
  </chat-provider>`;
}

// ---------------------------------------------------------------- play helpers (drive the panel as a person would)

/** Poll (real time) until `find` returns something; fails after 3 s. */
async function until<T>(find: () => T | null | undefined, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - start > 3000) throw new Error(`Story: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function panelRoot(canvas: HTMLElement): ShadowRoot {
  return canvas.querySelector('chat-person-panel')!.shadowRoot!;
}

/** The button whose trimmed text is `text`, once it is rendered. */
function button(canvas: HTMLElement, text: string): Promise<HTMLButtonElement> {
  return until(
    () => [...panelRoot(canvas).querySelectorAll('button')].find((b) => b.textContent!.trim() === text),
    `button "${text}"`,
  );
}

/** Type a query into the person search and let the (fake-clock) debounce pass. */
async function search(canvas: HTMLElement, scene: Scene, query: string): Promise<void> {
  const box = await until(() => panelRoot(canvas).querySelector<HTMLInputElement>('input[type="search"]'), 'search box');
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await scene.clock.advance(250);
  await until(() => /found/.test(panelRoot(canvas).querySelector('.search-status')?.textContent ?? ''), 'search results');
}

/** Like {@link search}, for a query that finds nobody. */
async function searchNobody(canvas: HTMLElement, scene: Scene, query: string): Promise<void> {
  const box = await until(() => panelRoot(canvas).querySelector<HTMLInputElement>('input[type="search"]'), 'search box');
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await scene.clock.advance(250);
  await until(() => /No persons/.test(panelRoot(canvas).querySelector('.search-status')?.textContent ?? ''), 'no results');
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

/** Person search: results as you type (name, e-mail, phone or company), each with "Link". */
export const SearchResults: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Zoë Kaplan', email: 'zoe@kaplan-studio.example' }) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement, loaded }) => search(canvasElement, loaded.scene as Scene, 'Bennett'),
};

/** Person search that finds nobody. */
export const SearchNoResults: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Zoë Kaplan', email: 'zoe@kaplan-studio.example' }) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement, loaded }) => searchNobody(canvasElement, loaded.scene as Scene, 'Qwxyz'),
};

/** A linked person with "Change link" open: search another person to link instead. */
export const ChangeLink: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Customer' }, busyPersonId) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement, loaded }) => {
    (await button(canvasElement, 'Change link')).click();
    await search(canvasElement, loaded.scene as Scene, 'de Graaf');
  },
};

/** A "Link" that fails: the panel shows (and announces) that the link could not be changed. */
export const LinkFailed: Story = {
  loaders: [
    async () => {
      const s = await scene({ name: 'Lotte de Graaf', email: 'o.bennett@brightwave-logistics.co.uk' });
      s.backend.linkPerson = () => Promise.reject(new Error('The demo backend refuses this link'));
      return { scene: s };
    },
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => {
    (await button(canvasElement, 'Link')).click();
    await until(() => panelRoot(canvasElement).querySelector('.action-error span'), 'the failure');
  },
};

/** "Create person": the inline form pre-filled from the chat (name split, e-mail, phone, company). */
export const CreatePersonForm: Story = {
  loaders: [
    async () => ({
      scene: await scene({ name: 'Mira van der Berg', email: 'mira@vdberg.example', phone: '+31 6 1234 5678', companyName: 'Van der Berg Design' }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => (await button(canvasElement, 'Create person')).click(),
};

/** Validation: a missing last name and a malformed e-mail address, each message tied to its field. */
export const CreatePersonInvalid: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Cher', email: 'cher@' }) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => {
    (await button(canvasElement, 'Create person')).click();
    (await button(canvasElement, 'Save and link')).click();
    await until(() => panelRoot(canvasElement).querySelector('.field-error'), 'field errors');
  },
};

/** Duplicate warning: a person with that e-mail address exists; link them instead or create anyway. */
export const DuplicateWarning: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Olly Bennett', email: 'o.bennett@brightwave-logistics.co.uk' }) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => {
    (await button(canvasElement, 'Create person')).click();
    (await button(canvasElement, 'Save and link')).click();
    await button(canvasElement, 'Link this person instead');
  },
};

/** "Create company": the company form pre-filled with the company name the customer gave. */
export const CreateCompanyForm: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Zoë Kaplan', companyName: 'Kaplan Studio' }) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => (await button(canvasElement, 'Create company')).click(),
};

/** A previous chat opened: its transcript, read-only, inside the "Previous chats" section. */
export const PreviousChatTranscript: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Customer' }, busyPersonId) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => {
    const root = panelRoot(canvasElement);
    const summary = await until(
      () => [...root.querySelectorAll('summary')].find((s) => s.textContent!.includes('Previous chats')),
      'previous chats',
    );
    (summary.parentElement as HTMLDetailsElement).open = true;
    (await until(() => root.querySelector<HTMLButtonElement>('button[aria-controls^="transcript-"]'), 'a previous chat')).click();
    await until(() => root.querySelector('ol.transcript'), 'transcript');
  },
};

/**
 * A previous chat in which the customer pasted a log of about 9,000 characters: its transcript
 * shows the start with "Show full message", as the conversation does.
 */
export const TranscriptWithLongMessage: Story = {
  loaders: [
    async () => {
      const clock = new FakeClock('2026-11-30T10:00:00Z');
      const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
      const service = new ChatService({ backend, clock });
      await service.ready;
      const earlier = backend.script.customerArrives({ channelId: 'support', name: 'James Holloway', text: 'The export fails every night.' });
      await service.answer(earlier);
      backend.script.agentWrites('a1', earlier, 'Could you paste the log of last night?');
      backend.script.customerWrites(earlier, pastedLog(140));
      const person = await service.createPersonAndLink(earlier, {
        firstName: 'James',
        lastName: 'Holloway',
        email: 'james.holloway@example.org',
        phone: '',
        companyName: '',
      });
      await service.endSession(earlier);
      await clock.advance(3_600_000);
      const sessionId = backend.script.customerArrives({ channelId: 'support', name: 'James Holloway', text: 'The export failed again.' });
      await service.answer(sessionId);
      await service.linkPerson(sessionId, person.id);
      return { scene: { service, sessionId, clock, backend } satisfies Scene };
    },
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async (context) => {
    await PreviousChatTranscript.play!(context);
    const root = panelRoot(context.canvasElement);
    (await until(() => root.querySelector('.transcript .show-more'), '"Show full message"')).scrollIntoView({ block: 'center' });
  },
};

/** The host's own cards in the "cards" slot, after the built-in ones. */
export const HostCards: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Customer' }, busyPersonId) })],
  render: (_args, { loaded }) =>
    show(
      loaded.scene as Scene,
      'en',
      html`<section slot="cards" aria-label="Loyalty"
        style="background:#fff;border:1px solid #e2e5ea;border-radius:8px;padding:14px;font:14px system-ui">
        <h3 style="margin:0 0 8px;font-size:13px">Loyalty</h3>
        <p style="margin:0">Gold member since 2021 · 4,820 points</p>
      </section>`,
    ),
};

/** A linked person in Dutch (lang="nl"). */
export const MatchedDutch: Story = {
  loaders: [async () => ({ scene: await scene({ name: 'Klant' }, busyPersonId) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene, 'nl'),
};

/** B09: a 100-character unbroken name and a 120-character e-mail address at phone width (360 px). */
export const NarrowLongName: Story = {
  loaders: [
    async () => ({
      scene: await scene({
        name: `Maximiliane-Anastasia-${'Hohenzollern-'.repeat(6)}`.padEnd(100, 'x').slice(0, 100),
        email: `${'maximiliane.anastasia.'.repeat(5)}`.slice(0, 108) + '@example.com',
        companyName: 'Hohenzollern-Sigmaringen-Vermögensverwaltungsgesellschaft-mbH',
      }),
    }),
  ],
  render: (_args, { loaded }) => {
    const s = loaded.scene as Scene;
    return html`<chat-provider .service=${s.service} lang="en" time-zone="Europe/Amsterdam">
      <div style="height: 640px; width: 360px; border: 1px solid #e2e5ea; overflow: hidden">
        <chat-person-panel session-id=${s.sessionId}></chat-person-panel>
      </div>
    </chat-provider>`;
  },
  play: async ({ canvasElement }) => (await button(canvasElement, 'Create person')).click(),
};
