import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { historyPart } from '../../src/components/chat-conversation/parts.js';
import '../../src/components/chat-screen/chat-screen.define.js';
import { screenOnDashboard, standaloneWorld, waitFor } from '../wait-for.js';

// Like chat-screen-lazy.test.ts, this file imports <chat-screen> alone (not src/define.js), so the
// tabs' elements are registered only when <chat-screen> asks for them (each test file runs in its
// own page). The keyboard and a failed prefetch: chat-screen-prefetch-keyboard.test.ts.

const CHATS_TAGS = ['chat-session-list', 'chat-conversation', 'chat-person-panel'] as const;
const defined = (tag: string) => customElements.get(tag) !== undefined;

describe("<chat-screen> fetches the other tab's elements at the agent's first move", () => {
  let world: Awaited<ReturnType<typeof standaloneWorld>>;

  beforeEach(async () => {
    world = await standaloneWorld();
  });

  afterEach(() => world.dispose());

  it("the pointer over the Dashboard tab registers the Chats tab elements and fetches the conversation's history code before that tab is opened; the tab stays on Dashboard", async () => {
    const { screen, dashboard } = await screenOnDashboard(world);
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
