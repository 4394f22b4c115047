import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { ChatBackendError } from '../src/backend/errors.js';
import { conversationParts } from '../src/components/chat-conversation/parts.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';

/** A scripted demo (no simulator, fixed clock) and the session the story shows. */
interface Scene {
  service: ChatService;
  sessionId: string;
  /** The scene's fake clock (time moves only when a story advances it). */
  clock?: FakeClock;
  /** The scene's demo backend (a story's `after` may move the world on). */
  backend?: InMemoryChatBackend;
}

const NOW = '2026-11-30T10:00:00Z';

/** Build a deterministic demo backend, let `script` set the scene, and wait for the service. */
async function scene(script: (backend: InMemoryChatBackend) => string | Promise<string>, after?: (s: Scene) => void | Promise<void>): Promise<Scene> {
  const clock = new FakeClock(NOW);
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const sessionId = await script(backend);
  const service = new ChatService({ backend, clock });
  await service.ready;
  const result = { service, sessionId, clock, backend };
  await after?.(result);
  return result;
}

/** Render the scene's session inside a provider. */
function show(s: Scene | undefined, lang = 'en') {
  if (!s) return html``;
  return html`<chat-provider .service=${s.service} lang=${lang} time-zone="Europe/Amsterdam">
    <div style="height: 640px; max-width: 880px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
      <chat-conversation session-id=${s.sessionId}></chat-conversation>
    </div>
  </chat-provider>`;
}

/** A busy, friendly chat: earlier day, markdown, links, the customer typing now. */
function lively(backend: InMemoryChatBackend): string {
  const { script } = backend;
  const id = script.customerArrives({
    channelId: 'support',
    name: 'Mira Okafor',
    email: 'mira.okafor@example.org',
    text: 'Hi! My parcel was supposed to arrive yesterday but the tracking has not moved since Friday.',
  });
  script.agentAnswers('a1', id);
  script.agentWrites('a1', id, 'Hi Mira, sorry to hear that. Could you share your **order number**?');
  script.customerWrites(id, 'Sure, it is `ORD-4521`. The tracking page is https://example.com/track?id=4521');
  script.agentWrites(
    'a1',
    id,
    'Thanks! I checked with the carrier:\n\n- the parcel is at the depot in Utrecht\n- it goes out for delivery **today**\n\nYou can follow it [here](https://example.com/track?id=4521).',
  );
  script.customerWrites(id, 'That is great news, thank you so much 🙏');
  script.customerTyping(id, true);
  return id;
}

const meta: Meta = {
  title: 'Chat/Conversation',
  component: 'chat-conversation',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** Nothing selected: a hint where to start. */
export const Empty: Story = {
  loaders: [async () => ({ scene: await scene(() => '') })],
  render: (_args, { loaded }) => html`<chat-provider .service=${(loaded.scene as Scene).service}>
    <div style="height: 480px; max-width: 880px; border: 1px solid #e2e5ea; border-radius: 8px; overflow: hidden">
      <chat-conversation></chat-conversation>
    </div>
  </chat-provider>`,
};

/** An ongoing chat with formatting, links, the agent's own replies and the customer typing. */
export const LivelyConversation: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** The agent's last message failed to send: it keeps its text with Retry and Delete. */
export const FailedMessage: Story = {
  loaders: [
    async () => ({
      scene: await scene(lively, async ({ service, sessionId }) => {
        const backend = service.backend as InMemoryChatBackend;
        const original = backend.sendMessage;
        backend.sendMessage = () => Promise.reject(new ChatBackendError('network', 'The connection dropped'));
        await service.loadHistory(sessionId);
        // Fails on purpose: the story shows the failed message with Retry (the rejection is expected).
        service.sendMessage(sessionId, 'I have also asked the carrier to call you before delivery.').catch(() => undefined);
        await new Promise((r) => setTimeout(r, 0));
        // Later sends (e.g. Retry in the story) go through again.
        backend.sendMessage = original;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** A chat that has ended: the history stays readable, the composer gives way to a note. */
export const EndedChat: Story = {
  loaders: [
    async () => ({
      scene: await scene((backend) => {
        const { script } = backend;
        const id = script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Do you offer a discount for non-profits?' });
        script.agentAnswers('a1', id);
        script.agentWrites('a1', id, 'Yes: registered charities get 40% off every plan.');
        script.customerWrites(id, 'Perfect, thanks!');
        script.agentEnds('a1', id);
        return id;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** The customer left while the agent was writing: the reply that was not sent stays readable (read-only, to copy) below the note. */
export const CustomerLeftMidReply: Story = {
  loaders: [
    async () => ({
      scene: await scene(
        (backend) => lively(backend),
        async ({ service, sessionId, backend }) => {
          service.setDraft(sessionId, 'Great! One more thing: the carrier will call you half an hour before');
          backend!.script.customerLeaves(sessionId);
          // The end reaches the service as a backend event.
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
      ),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** The same screen in Dutch (lang="nl"), with times in Amsterdam time. */
export const Dutch: Story = {
  loaders: [
    async () => ({
      scene: await scene((backend) => {
        const { script } = backend;
        const id = script.customerArrives({
          channelId: 'webshop-nl',
          name: 'Sanne de Jong',
          text: 'Hoi, mijn bestelling is nog niet binnen. Kunnen jullie even kijken?',
        });
        script.agentAnswers('a1', id);
        script.agentWrites('a1', id, 'Hoi Sanne, natuurlijk! Wat is je **bestelnummer**?');
        script.customerWrites(id, 'Het is NL-20931.');
        script.customerTyping(id, true);
        return id;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene, 'nl'),
};

/** Hostile input: HTML in the name and messages, script links, a 400-character word, a huge URL. */
export const HostileText: Story = {
  loaders: [
    async () => ({
      scene: await scene((backend) => {
        const { script } = backend;
        const id = script.customerArrives({
          channelId: 'support',
          name: '<img src=x onerror="alert(1)">Mira',
          text: '<script>alert(1)</script><b>bold?</b>',
        });
        script.agentAnswers('a1', id);
        script.customerWrites(
          id,
          '[Open invoice](javascript:alert(1)) [a](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [Help](https://example.com/help)',
        );
        script.customerWrites(id, 'S'.repeat(400));
        script.customerWrites(id, `https://example.com/${'very-long-path/'.repeat(26)}?q=${'x'.repeat(40)}`);
        script.customerWrites(id, 'שלום, ההזמנה שלך נשלחה היום.');
        return id;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** Click the conversation's button named `name` (a story's play step that opens a dialog). */
async function press(canvas: HTMLElement, name: string): Promise<void> {
  const conversation = await waitFor(() => canvas.querySelector('chat-conversation')?.shadowRoot ?? null);
  const button = await waitFor(
    () => Array.from(conversation.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) ?? null,
  );
  button.click();
  await waitFor(() => conversation.querySelector('dialog[open]'));
}

/** Wait (a few animation frames at most) until `find` returns something. */
async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('Story: element not found');
}

/** The Transfer dialog: present colleagues of the chat's channel with their chat counts, and a note. */
export const TransferDialog: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => press(canvasElement, 'Transfer'),
};

/** A transfer to a colleague is pending: the sender can cancel it. */
export const TransferPending: Story = {
  loaders: [
    async () => ({
      scene: await scene((backend) => {
        const id = lively(backend);
        backend.script.transfer(id, 'a1', 'a5', 'Knows the depot in Utrecht');
        return id;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** After the colleague accepted: the sender reads along, without a composer. */
export const TransferredAway: Story = {
  loaders: [
    async () => ({
      scene: await scene((backend) => {
        const id = lively(backend);
        backend.script.transfer(id, 'a1', 'a5');
        backend.script.acceptTransfer('a5', id);
        return id;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/**
 * Files: one from the customer (a document), one sent image (a document with a check mark), one
 * uploading (an arrow up, progress, Cancel) and one refused before upload (an exclamation mark,
 * over the limit).
 */
export const Files: Story = {
  loaders: [
    async () => ({
      scene: await scene(lively, async ({ service, sessionId, clock, backend }) => {
        backend!.script.customerSendsFile(sessionId, { name: 'order-confirmation.pdf', size: 48_200, type: 'application/pdf' });
        await service.loadHistory(sessionId);
        const label = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="280"><rect width="400" height="280" fill="#f6f1e7"/><rect x="24" y="24" width="352" height="232" rx="10" fill="#fff" stroke="#333" stroke-width="3"/><text x="48" y="84" font-family="sans-serif" font-size="28" font-weight="bold">PARCEL 4521</text><text x="48" y="130" font-family="sans-serif" font-size="20">Depot Utrecht → Mira Okafor</text><rect x="48" y="160" width="300" height="60" fill="#333"/></svg>`;
        const sent = service.attachFiles(sessionId, [new File([label], 'parcel-label.svg', { type: 'image/svg+xml' })]);
        await clock!.advance(1000);
        await sent;
        void service.attachFiles(sessionId, [
          new File([new Uint8Array(3 * 1024 * 1024)], 'delivery-note.pdf', { type: 'application/pdf' }),
          new File([new Uint8Array(11 * 1024 * 1024)], 'scan-of-everything.pdf', { type: 'application/pdf' }),
        ]);
        await clock!.advance(300);
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/** The Insert picker: FAQs, reply templates and quick replies in folders, with search, favourites and recently used. */
export const InsertPicker: Story = {
  loaders: [
    async () => ({
      scene: await scene(lively, async ({ service, sessionId }) => {
        await service.loadSnippets();
        service.toggleFavourite('faq:FAQ2');
        service.useSnippet(sessionId, 'template:T4');
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => press(canvasElement, 'Insert'),
};

/**
 * Type "/" at the start of the composer, then `search` in the picker that opens (as an agent would:
 * the picker opens on the "/", focus in its search field).
 */
async function slashSearch(canvas: HTMLElement, search: string): Promise<void> {
  const root = await waitFor(() => canvas.querySelector('chat-conversation')?.shadowRoot ?? null);
  const composer = await waitFor(() => root.querySelector<HTMLTextAreaElement>('textarea'));
  composer.focus();
  composer.value = '/';
  composer.setSelectionRange(1, 1);
  composer.dispatchEvent(new InputEvent('input', { data: '/', inputType: 'insertText', bubbles: true, composed: true }));
  const field = await waitFor(() => root.querySelector<HTMLInputElement>('#insert-dialog[open] #insert-search'));
  await waitFor(() => root.querySelector('#insert-dialog [role="option"]'));
  field.value = search;
  field.dispatchEvent(new InputEvent('input', { data: search, inputType: 'insertText', bubbles: true, composed: true }));
}

/** "/day" in the composer: FAQs, reply templates and quick replies found together, each group named by its source. */
export const InsertPickerSlashSearch: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => slashSearch(canvasElement, 'day'),
};

/** "/" and a text nothing matches: the picker says so; Escape would put "/zebra" back in the composer. */
export const InsertPickerNothingFound: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => slashSearch(canvasElement, 'zebra'),
};

/** "Create quick reply" from the picker: a name only the agent sees, and the content. */
export const CreateQuickReply: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Insert');
    const root = canvasElement.querySelector('chat-conversation')!.shadowRoot!;
    const create = await waitFor(() =>
      Array.from(root.querySelectorAll<HTMLButtonElement>('#insert-dialog button')).find((b) => b.textContent?.trim() === 'Create quick reply'),
    );
    create.click();
    await waitFor(() => root.querySelector('#quick-reply-dialog[open]'));
  },
};

/** "Create request": a form pre-filled from the chat (title, category, priority, extra text). */
export const CreateRequest: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => press(canvasElement, 'Create request'),
};

/**
 * "Create request" opened again after Escape: what the agent typed in this chat is still there
 * (kept by the service per chat), with "Discard changes" to start over from the pre-filled values.
 */
export const CreateRequestKeptInput: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement, loaded }) => {
    const { service, sessionId } = loaded.scene as Scene;
    const defaults = service.requestDraft(sessionId);
    const values = { title: defaults.title, category: defaults.category, priority: defaults.priority, text: defaults.text ?? '' };
    service.setFormDraft(sessionId, 'request', { ...values, priority: 'high', text: 'Customer asks for a call back before Friday.' }, values);
    await press(canvasElement, 'Create request');
  },
};

/**
 * A dialog's code (a lazily loaded chunk) could not be loaded, e.g. the connection dropped: the
 * click on "Create request" shows a notice instead of nothing.
 */
export const DialogCouldNotLoad: Story = {
  loaders: [async () => ({ scene: await scene(lively) })],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => {
    const real = conversationParts.request;
    conversationParts.request = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const conversation = await waitFor(() => canvasElement.querySelector('chat-conversation')?.shadowRoot ?? null);
      const button = await waitFor(
        () => Array.from(conversation.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Create request') ?? null,
      );
      button.click();
      await waitFor(() => conversation.querySelector('.load-failure'));
    } finally {
      conversationParts.request = real;
    }
  },
};

/** "End chat" when the customer wrote last: the agent is asked to confirm. */
export const EndChatConfirmation: Story = {
  loaders: [
    async () => ({
      scene: await scene((backend) => {
        const id = lively(backend);
        backend.script.customerWrites(id, 'One more question: can I change the delivery address?');
        return id;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => press(canvasElement, 'End chat'),
};

/** "End chat" with a half-typed reply in the composer: the agent is asked to confirm, and told the reply will not be sent. */
export const EndChatWithUnsentReply: Story = {
  loaders: [
    async () => ({
      scene: await scene(
        (backend) => {
          const id = lively(backend);
          backend.script.agentWrites('a1', id, 'You are welcome!');
          return id;
        },
        ({ service, sessionId }) => service.setDraft(sessionId, 'One more thing: the carrier will call you before'),
      ),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => press(canvasElement, 'End chat'),
};

/** "End chat" while two attached files are still uploading: the agent is asked to confirm, and told the files will not be sent. */
export const EndChatWithUnsentFiles: Story = {
  loaders: [
    async () => ({
      scene: await scene(
        (backend) => {
          const id = lively(backend);
          backend.script.agentWrites('a1', id, 'I will send you the delivery note and the label.');
          return id;
        },
        async ({ service, sessionId, clock }) => {
          void service.attachFiles(sessionId, [
            new File([new Uint8Array(3 * 1024 * 1024)], 'delivery-note.pdf', { type: 'application/pdf' }),
            new File([new Uint8Array(2 * 1024 * 1024)], 'parcel-label.pdf', { type: 'application/pdf' }),
          ]);
          await clock!.advance(300);
        },
      ),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => press(canvasElement, 'End chat'),
};

/**
 * "Transfer" with a half-typed reply and a file still uploading: the dialog names both first
 * (the reply does not go with the transfer), with "Back to the chat" and "Transfer anyway".
 */
export const TransferWithUnsentWork: Story = {
  loaders: [
    async () => ({
      scene: await scene(lively, async ({ service, sessionId, clock }) => {
        service.setDraft(sessionId, 'One more thing: the carrier will call you before');
        void service.attachFiles(sessionId, [new File([new Uint8Array(3 * 1024 * 1024)], 'delivery-note.pdf', { type: 'application/pdf' })]);
        await clock!.advance(300);
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement }) => press(canvasElement, 'Transfer'),
};

/**
 * The End-chat confirmation follows the chat while open: here the file it named finished
 * uploading meanwhile, so nothing is left to warn about (it says so).
 */
export const EndChatNothingLeft: Story = {
  loaders: [
    async () => ({
      scene: await scene((backend) => {
        const id = lively(backend);
        backend.script.agentWrites('a1', id, 'Here is the delivery note.');
        return id;
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
  play: async ({ canvasElement, loaded }) => {
    const { service, sessionId, clock } = loaded.scene as Scene;
    const sent = service.attachFiles(sessionId, [new File([new Uint8Array(64 * 1024)], 'delivery-note.pdf', { type: 'application/pdf' })]);
    await clock!.advance(1);
    await press(canvasElement, 'End chat');
    await clock!.advance(60_000);
    await sent;
  },
};

/** Without a provider the element explains what is missing instead of failing. */
export const NoProvider: Story = {
  render: () => html`<div style="max-width: 880px; border: 1px solid #e2e5ea; border-radius: 8px">
    <chat-conversation></chat-conversation>
  </div>`,
};

/**
 * A long-running chat of 10,000 messages (the demo backend's `longChatMessages`): it opens with the
 * newest 50 and stays at the bottom; scrolling to the top loads the page before, keeping the first
 * message in view in place. Only the rows near the viewport are in the DOM.
 */
export const LongHistory: Story = {
  loaders: [
    async () => {
      const clock = new FakeClock(NOW);
      const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false, longChatMessages: 10_000 });
      const service = new ChatService({ backend, clock });
      await service.ready;
      return { scene: { service, sessionId: backend.inspect.sessions()[0]!.id, clock } satisfies Scene };
    },
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/**
 * The chat's messages could not be loaded (the adapter's `getMessages` failed with `network`): the
 * log says why, with "Try again" (which loads them: the backend answers again from then on).
 */
export const HistoryCouldNotLoad: Story = {
  loaders: [
    async () => ({
      scene: await scene(lively, ({ service }) => {
        const backend = service.backend as InMemoryChatBackend;
        const original = backend.getMessages.bind(backend);
        let fail = true;
        backend.getMessages = (sessionId, options) => {
          if (!fail) return original(sessionId, options);
          // The first attempts fail (the view may ask more than once while it opens); a later one loads.
          setTimeout(() => (fail = false), 1000);
          return Promise.reject(new ChatBackendError('network', 'The connection dropped'));
        };
      }),
    }),
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};

/**
 * Scrolled to the top of a long chat, the page before could not be loaded (`timeout`): the
 * loading row became a failure row with "Try again"; the messages shown stay where they are.
 */
export const EarlierMessagesCouldNotLoad: Story = {
  loaders: [
    async () => {
      const clock = new FakeClock(NOW);
      const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false, longChatMessages: 500 });
      const service = new ChatService({ backend, clock });
      await service.ready;
      const sessionId = backend.inspect.sessions()[0]!.id;
      await service.loadHistory(sessionId);
      const original = backend.getMessages.bind(backend);
      backend.getMessages = () => {
        // Only this once: "Try again" (or scrolling up again) loads the page.
        backend.getMessages = original;
        return Promise.reject(new ChatBackendError('timeout', 'No answer in time'));
      };
      await service.loadHistory(sessionId, true).catch(() => undefined);
      return { scene: { service, sessionId, clock } satisfies Scene };
    },
  ],
  render: (_args, { loaded }) => show(loaded.scene as Scene),
};
