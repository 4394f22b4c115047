import { expect, fixture, html } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatProvider } from '../../src/context/chat-provider.js';
import { demoBackendLoader } from '../../src/controllers/service-host-controller.js';
import type { ChatEvent } from '../../src/events.js';
import { byRole, deepText, queryByRole, settle, waitUntil } from '../helpers.js';

/** Every demo agent id the README documents. */
const DEMO_AGENTS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

/** Collect uncaught errors and unhandled rejections of the page while `run` runs. */
async function catchingUncaught(run: (uncaught: unknown[]) => Promise<void>): Promise<void> {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run(uncaught);
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

describe('the demo for every documented agent id', () => {
  for (const agentId of DEMO_AGENTS) {
    it(`<chat-screen demo agent-id="${agentId}"> gets past "Loading chats…" to its dashboard, with no uncaught error`, async () => {
      await catchingUncaught(async (uncaught) => {
        const errors: string[] = [];
        const el = await fixture<ChatScreen>(
          html`<chat-screen demo agent-id=${agentId} @chat-error=${(e: ChatEvent<'chat-error'>) => errors.push(e.detail.message)}></chat-screen>`,
        );
        await waitUntil(() => queryByRole(el, 'tab', 'Dashboard') || el.shadowRoot!.querySelector('[role="alert"]'), 'the screen to load', 10_000);
        expect(el.shadowRoot!.querySelector('[part="error"]'), deepText(el)).to.equal(null);
        expect(byRole(el, 'tab', 'Dashboard').getAttribute('aria-selected')).to.equal('true');
        await waitUntil(() => queryByRole(el, 'heading', 'Incoming chats') && queryByRole(el, 'heading', 'Ongoing chats'), 'the dashboard', 5000);
        expect(deepText(el)).to.not.contain('Loading chats…');
        await settle(el);
        expect(uncaught).to.deep.equal([]);
        expect(errors).to.deep.equal([]);
        el.remove();
      });
    });
  }

  it('each demo agent has past and ongoing chats only on channels where they may respond', () => {
    for (const agentId of DEMO_AGENTS) {
      const backend = new InMemoryChatBackend({ agentId, longChatMessages: 50 });
      try {
        const me = backend.inspect.agents().find((a) => a.id === agentId)!;
        const mine = backend.inspect.sessions().filter((s) => s.agentId === agentId);
        expect(mine.length, agentId).to.be.greaterThan(0);
        for (const s of mine) expect(me.rights[s.channelId]?.respond, `${agentId} on ${s.channelId}`).to.equal(true);
      } finally {
        backend.dispose();
      }
    }
  });
});

describe('when the demo backend cannot be built', () => {
  const realLoad = demoBackendLoader.load;
  afterEach(() => {
    demoBackendLoader.load = realLoad;
  });

  it('<chat-screen demo> shows "The chats could not be loaded" with "Try again" and fires chat-error when the demo code cannot be fetched; "Try again" loads it', async () => {
    let attempts = 0;
    demoBackendLoader.load = () => {
      attempts++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    const errors: ChatEvent<'chat-error'>['detail'][] = [];
    const el = await fixture<ChatScreen>(
      html`<chat-screen demo @chat-error=${(e: ChatEvent<'chat-error'>) => errors.push(e.detail)}></chat-screen>`,
    );
    const alert = await waitUntil(() => el.shadowRoot!.querySelector<HTMLElement>('[part="error"][role="alert"]'), 'the error state');
    expect(alert.textContent).to.contain('The chats could not be loaded');
    expect(deepText(el)).to.not.contain('Loading chats…');
    expect(errors.map((e) => e.code)).to.deep.equal(['network']);
    await expect(el).to.be.accessible();

    demoBackendLoader.load = realLoad;
    byRole(el, 'button', 'Try again').click();
    await waitUntil(() => queryByRole(el, 'tab', 'Dashboard'), 'the dashboard after "Try again"', 10_000);
    expect(attempts).to.equal(1);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    el.remove();
  });

  it('<chat-screen demo> shows the error state and fires chat-error when building the backend throws', async () => {
    demoBackendLoader.load = () =>
      realLoad().then((module) => ({
        ...module,
        InMemoryChatBackend: class extends module.InMemoryChatBackend {
          constructor() {
            super();
            throw new Error('seed failed');
          }
        } as typeof module.InMemoryChatBackend,
      }));
    const errors: string[] = [];
    const el = await fixture<ChatScreen>(
      html`<chat-screen demo @chat-error=${(e: ChatEvent<'chat-error'>) => errors.push(e.detail.message)}></chat-screen>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"][role="alert"]'), 'the error state');
    expect(errors).to.deep.equal(['seed failed']);
    el.remove();
  });

  it('<chat-provider demo> shows an alert with "Try again" and fires chat-error; "Try again" provides the service', async () => {
    demoBackendLoader.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const errors: string[] = [];
    const provider = await fixture<ChatProvider>(
      html`<chat-provider demo @chat-error=${(e: ChatEvent<'chat-error'>) => errors.push(e.detail.code)}></chat-provider>`,
    );
    const alert = await waitUntil(() => provider.shadowRoot!.querySelector<HTMLElement>('[role="alert"]'), 'the alert');
    expect(alert.textContent).to.contain('The chats could not be loaded');
    expect(errors).to.deep.equal(['network']);
    demoBackendLoader.load = realLoad;
    byRole(provider, 'button', 'Try again').click();
    await waitUntil(() => provider.currentService, 'the service', 10_000);
    await settle(provider);
    expect(provider.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    provider.currentService!.dispose();
    provider.remove();
  });
});
