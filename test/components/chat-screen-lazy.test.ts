import { expect } from '@open-wc/testing';
import '../../src/components/chat-screen/chat-screen.define.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { screenOnDashboard, standaloneWorld, waitFor } from '../wait-for.js';

// This file imports <chat-screen> alone, NOT src/define.js (nor test/helpers.ts, which imports
// it): each test file runs in its own page, so here the child elements are registered only when
// <chat-screen> asks for them.

const CHATS_TAGS = ['chat-session-list', 'chat-conversation', 'chat-person-panel'] as const;
const defined = (tag: string) => customElements.get(tag) !== undefined;


function tab(screen: ChatScreen, id: 'dashboard' | 'chats'): HTMLButtonElement {
  return screen.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${id}`)!;
}

describe('<chat-screen> registers its tabs\' elements when each tab is first shown', () => {
  let world: Awaited<ReturnType<typeof standaloneWorld>>;

  before(() => {
    // The autoloader is not imported here: nothing else registers these.
    expect(['chat-dashboard', ...CHATS_TAGS].filter(defined)).to.deep.equal([]);
  });

  beforeEach(async () => {
    world = await standaloneWorld();
  });

  afterEach(() => world.dispose());

  it('the Dashboard tab (the default) loads <chat-dashboard> only; the Chats tab then loads its three elements, their areas laid out before they arrive', async () => {
    const { screen } = await screenOnDashboard(world);
    expect(CHATS_TAGS.filter(defined)).to.deep.equal([]);

    tab(screen, 'chats').click();
    await screen.updateComplete;
    // Only microtasks have run since the click, so no chunk can have arrived yet: the three areas
    // are still undefined elements, and keep their columns of the Chats grid side by side.
    expect(CHATS_TAGS.filter(defined)).to.deep.equal([]);
    const panel = screen.shadowRoot!.querySelector<HTMLElement>('#panel-chats')!;
    const boxes = ['chat-session-list', '.area-conversation', 'chat-person-panel'].map((selector) =>
      panel.querySelector(selector)!.getBoundingClientRect(),
    );
    const panelHeight = Math.round(panel.getBoundingClientRect().height);
    expect(boxes.map((b) => Math.round(b.height))).to.deep.equal([panelHeight, panelHeight, panelHeight]);
    expect(boxes[0]!.right).to.be.at.most(boxes[1]!.left + 1);
    expect(boxes[1]!.right).to.be.at.most(boxes[2]!.left + 1);
    expect(boxes.map((b) => b.width > 150)).to.deep.equal([true, true, true]);

    await waitFor(() => CHATS_TAGS.every(defined), 'the Chats tab elements to be defined');
    const list = screen.shadowRoot!.querySelector('chat-session-list')!;
    await waitFor(() => !!list.shadowRoot?.textContent?.includes('Get next in queue'), 'the session list to render');
    expect(screen.shadowRoot!.querySelector('chat-conversation')!.shadowRoot).to.exist;
    expect(screen.shadowRoot!.querySelector('chat-person-panel')!.shadowRoot).to.exist;
  });
});
