import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { MemoryChannelSelection } from '../src/service/channel-selection.js';
import { FakeClock } from '../src/service/clock.js';
import { serviceAfterFailedFirstLoad } from './failed-first-load.js';
import { pastedLog } from './pasted-log.js';

const MINUTE = 60_000;

interface SceneOptions {
  /** The agent whose dashboard it is (default the demo's own, Anna, who may listen in everywhere). */
  readonly agentId?: string;
  /** Channels the agent selected (default all). */
  readonly channels?: readonly string[];
  /** Set the agent away after the script. */
  readonly away?: boolean;
}

/** A deterministic demo backend (no simulator, fixed clock) set up by `script`, and its service. */
async function scene(
  script: (backend: InMemoryChatBackend, clock: FakeClock) => void | Promise<void>,
  options: SceneOptions = {},
): Promise<ChatService> {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  await script(backend, clock);
  const selectionStorage = new MemoryChannelSelection();
  const agentId = options.agentId ?? backend.agentId;
  if (options.channels) selectionStorage.save(agentId, options.channels);
  const service = new ChatService({
    backend: options.agentId ? backend.forAgent(options.agentId) : backend,
    clock,
    selectionStorage,
  });
  await service.ready;
  if (options.away) await service.setPresence('away');
  return service;
}

/** A morning: chats answered, missed and ended earlier; a queue; colleagues' chats going on. */
async function busyMorning(backend: InMemoryChatBackend, clock: FakeClock): Promise<void> {
  const { script } = backend;
  const done = script.customerArrives({ channelId: 'support', name: 'Niamh O’Brien', text: 'Can I change my delivery address?' });
  await clock.advance(40_000);
  script.agentAnswers('a2', done);
  await clock.advance(25_000);
  script.agentWrites('a2', done, 'Of course, which address should it go to?');
  script.agentEnds('a2', done);
  const missed = script.customerArrives({ channelId: 'sales', name: 'Visitor', text: 'Hello?' });
  await clock.advance(3 * MINUTE);
  script.customerLeaves(missed);
  const ongoing: [string, string, string, string][] = [
    ['a2', 'sales', 'Hannah Lawson', 'Can I upgrade my plan mid-month?'],
    ['a5', 'support', 'James Holloway', 'The export button does nothing.'],
    ['a1', 'webshop-nl', 'Mehmet Yilmaz', 'Moet ik hem opsturen of naar de winkel brengen?'],
  ];
  for (const [agent, channelId, name, text] of ongoing) {
    const id = script.customerArrives({ channelId, name, text });
    await clock.advance(20_000);
    script.agentAnswers(agent, id);
    await clock.advance(4 * MINUTE);
    script.customerWrites(id, text);
  }
  script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hi there, the desk lamp I ordered arrived with a cracked base.' });
  await clock.advance(3 * MINUTE);
  script.customerArrives({ channelId: 'sales', name: 'Harry P.', text: 'Could someone call me back about our contract renewal?' });
  await clock.advance(45_000);
  script.customerArrives({ channelId: 'webshop-nl', name: 'Sanne de Boer', text: 'Goedemiddag, ik heb een vraag over retourneren.' });
}

const FIRST = ['Mira', 'Tomasz', 'Sofia', 'Harry', 'Aylin', 'Joost', 'Priya', 'Lucas', 'Emma', 'Noah'];
const LAST = ['Okafor', 'Weber', 'Rossi', 'Jansen', 'Demir', 'de Vries', 'Patel', 'Martin', 'Visser', 'Smit'];
const QUESTIONS = [
  'Where is my order?',
  'Can I still change my delivery address?',
  'The invoice shows the wrong VAT number.',
  'Do you ship to Belgium?',
  'Ik wil mijn bestelling annuleren.',
];

/** 40 customers waiting in three channels, the oldest for 40 minutes; a few chats going on. */
async function fortyWaiting(backend: InMemoryChatBackend, clock: FakeClock): Promise<void> {
  const { script } = backend;
  const channels = ['sales', 'support', 'webshop-nl'];
  for (let i = 0; i < 40; i++) {
    script.customerArrives({
      channelId: channels[i % 3],
      name: `${FIRST[i % 10]} ${LAST[(i * 7) % 10]}`,
      text: QUESTIONS[i % QUESTIONS.length],
    });
    if (i === 2) {
      for (const [agent, channelId] of [['a2', 'sales'], ['a3', 'support'], ['a5', 'webshop-nl']] as const) {
        const id = script.customerArrives({ channelId, name: 'Chris Evans', text: 'Still waiting for my refund.' });
        script.agentAnswers(agent, id);
        script.customerWrites(id, 'Any news?');
      }
    }
    await clock.advance(MINUTE);
  }
}

function show(service: ChatService, lang = 'en') {
  return html`<chat-provider .service=${service} lang=${lang} time-zone="Europe/Amsterdam">
    <div style="height: 820px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
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

/** Nobody waiting, nothing going on, nothing yet today. */
export const Quiet: Story = {
  loaders: [async () => ({ service: await scene(() => undefined) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** A queue (one over its channel's 2-minute limit, highlighted), chats of several agents and today's figures. */
export const Busy: Story = {
  loaders: [async () => ({ service: await scene(busyMorning) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** 40 customers waiting across three channels; most are past their channel's limit. */
export const FortyWaiting: Story = {
  loaders: [async () => ({ service: await scene(fortyWaiting) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** The agent selected one channel: figures and both lists show only "Support portal". */
export const OneChannelSelected: Story = {
  loaders: [async () => ({ service: await scene(busyMorning, { channels: ['support'] }) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** Sanne may answer chats but has no listen-in right: "Listen in" is absent. */
export const NoPermissionToListen: Story = {
  loaders: [async () => ({ service: await scene(busyMorning, { agentId: 'a2' }) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/**
 * Priya may see the sales queue (she may listen in there) but not answer it: "Answer" is disabled
 * and the row says why, as text tied to the button (`aria-describedby`), not as a tooltip.
 */
export const NoRightToAnswer: Story = {
  loaders: [
    async () => ({
      service: await scene(
        async (backend, clock) => {
          // The demo has no such agent: give Priya a listen-in-only right on sales (the store's
          // agent record is the demo's truth; the script has no command for rights).
          const store = (backend as unknown as { store: { agents: Map<string, { rights: Record<string, unknown> }> } }).store;
          store.agents.get('a4')!.rights.sales = { respond: false, notify: false, listenIn: true, manage: false };
          backend.script.customerArrives({ channelId: 'sales', name: 'Harry P.', text: 'Could someone call me back about our contract renewal?' });
          await clock.advance(MINUTE);
        },
        { agentId: 'a4' },
      ),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/**
 * The browser blocks notifications from the page: "Desktop notifications" is disabled and the
 * alert options say why, as text tied to the checkbox. (The story fakes the Notification API.)
 */
export const DesktopNotificationsBlocked: Story = {
  beforeEach: () => {
    const win = window as unknown as { Notification?: unknown };
    const real = win.Notification;
    win.Notification = class {
      static permission = 'denied';
      static requestPermission = () => Promise.resolve('denied');
    };
    return () => {
      win.Notification = real;
    };
  },
  loaders: [async () => ({ service: await scene(busyMorning) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** The agent is away: no warnings are highlighted for them. */
export const Away: Story = {
  loaders: [async () => ({ service: await scene(busyMorning, { away: true }) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};

/** The busy dashboard in Dutch. */
export const Dutch: Story = {
  loaders: [async () => ({ service: await scene(busyMorning) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService, 'nl'),
};

/** Listening in on a colleague's chat: the live, read-only dialog. */
export const ListeningIn: Story = {
  loaders: [async () => ({ service: await scene(busyMorning) })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
  play: async ({ canvasElement }) => {
    const dashboard = canvasElement.querySelector('chat-dashboard');
    await (dashboard as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    const button = dashboard?.shadowRoot?.querySelector<HTMLButtonElement>('[part="listen-in"]');
    if (!button) throw new Error('No "Listen in" button');
    button.click();
  },
};

/**
 * Listening in on a chat where the customer pasted a log of about 9,000 characters: the dialog
 * shows its start with "Show full message", as the conversation does.
 */
export const ListeningInLongMessage: Story = {
  loaders: [
    async () => ({
      service: await scene(async (backend, clock) => {
        const id = backend.script.customerArrives({ channelId: 'support', name: 'James Holloway', text: 'The export fails every night.' });
        await clock.advance(20_000);
        backend.script.agentAnswers('a2', id);
        backend.script.agentWrites('a2', id, 'Could you paste the log of last night?');
        await clock.advance(MINUTE);
        backend.script.customerWrites(id, pastedLog(140));
        backend.script.agentWrites('a2', id, 'Thank you, I am reading it now.');
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
  play: ListeningIn.play,
};

/**
 * The first load failed (`getSnapshot` rejected with `network`): no figures (zeros would be false)
 * and no empty lists, only why with "Try again" (which loads: the backend answers again).
 */
export const CouldNotLoad: Story = {
  loaders: [async () => ({ service: await serviceAfterFailedFirstLoad('2026-11-30T09:00:00Z') })],
  render: (_args, { loaded }) => show(loaded.service as ChatService),
};
