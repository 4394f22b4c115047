import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { historyPart } from '../../src/components/chat-conversation/parts.js';
import '../../src/components/chat-screen/chat-screen.define.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatService } from '../../src/service/chat-service.js';
import { standaloneWorld, waitFor } from '../wait-for.js';

// Like chat-screen-lazy.test.ts, this file imports <chat-screen> alone (not src/define.js), so the
// tabs' elements are registered only when <chat-screen> asks for them (each test file runs in its
// own page). The keyboard and a failed prefetch: chat-screen-prefetch-keyboard.test.ts.

const CHATS_TAGS = ['chat-session-list', 'chat-conversation', 'chat-person-panel'] as const;
const defined = (tag: string) => customElements.get(tag) !== undefined;

describe("<chat-screen> fetches the other tab's elements at the agent's first move", () => {
  let world: Awaited<ReturnType<typeof standaloneWorld>>;
  let backend: InMemoryChatBackend;
  let service: ChatService;

  beforeEach(async () => {
    world = await standaloneWorld();
    ({ backend, service } = world);
  });

  afterEach(() => world.dispose());

  it("the pointer over the Dashboard tab registers the Chats tab elements and fetches the conversation's history code before that tab is opened; the tab stays on Dashboard", async () => {
    backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const screen = await fixture<ChatScreen>(
      html`<chat-screen .service=${service} style="display:block;width:1200px;height:600px"></chat-screen>`,
    );
    await waitFor(() => defined('chat-dashboard'), '<chat-dashboard> to be defined');
    const dashboard = screen.shadowRoot!.querySelector('chat-dashboard')!;
    await waitFor(() => !!dashboard.shadowRoot?.textContent?.includes('Mira Okafor'), 'the dashboard to show the waiting customer');
    expect(CHATS_TAGS.filter(defined), 'nothing fetched ahead before the agent moves').to.deep.equal([]);
    expect(historyPart.loaded).to.equal(undefined);

    const box = dashboard.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 200), Math.round(box.top + 100)] });
    await waitFor(() => CHATS_TAGS.every(defined), 'the Chats tab elements to be defined');
    await waitFor(() => historyPart.loaded !== undefined, "the conversation's history code, fetched with them");
    expect(screen.tab).to.equal('dashboard');
    expect(screen.shadowRoot!.querySelector('#panel-chats')!.hasAttribute('hidden')).to.equal(true);
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});
