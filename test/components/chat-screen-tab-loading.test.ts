import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chat-screen/chat-screen.define.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatService } from '../../src/service/chat-service.js';
import { type LazyChatTag, chatElementLoaders, loadChatElements } from '../../src/utils/element-loaders.js';
import { standaloneWorld, waitFor } from '../wait-for.js';

// Like chat-screen-lazy.test.ts, this file imports <chat-screen> alone (not src/define.js), so a
// tab's elements are fetched by the screen; the test holds a fetch back to see the placeholder.


/** Replace a tag's loader by one that waits for `release()` before fetching the real code. */
function holdBack(tag: LazyChatTag): { release: () => void; restore: () => void } {
  const real = chatElementLoaders[tag];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  chatElementLoaders[tag] = () => gate.then(real);
  return { release, restore: () => (chatElementLoaders[tag] = real) };
}

/** The "Loading…" status in a tab panel, if any. */
function placeholder(screen: ChatScreen, panelId: string): HTMLElement | null {
  return screen.shadowRoot!.querySelector<HTMLElement>(`#${panelId} [role="status"]`);
}

describe('<chat-screen> while a tab\'s elements are fetched', () => {
  let world: Awaited<ReturnType<typeof standaloneWorld>>;
  let service: ChatService;

  beforeEach(async () => {
    world = await standaloneWorld();
    ({ service } = world);
  });

  afterEach(() => world.dispose());

  it('shows a "Loading…" status in the tab until its elements are defined, then removes it', async () => {
    const dashboard = holdBack('chat-dashboard');
    const chats = holdBack('chat-conversation');
    try {
      const screen = await fixture<ChatScreen>(
        html`<chat-screen .service=${service} style="display:block;width:1200px;height:600px"></chat-screen>`,
      );
      // The Dashboard tab (the default): its element is held back.
      const status = await waitFor(() => placeholder(screen, 'panel-dashboard'), 'the placeholder');
      expect(status.textContent!.trim()).to.equal('Loading…');
      expect(customElements.get('chat-dashboard') === undefined, '<chat-dashboard> not defined yet').to.equal(true);
      // The placeholder fades in after a short delay (so fast loads do not flash): check its
      // contrast once it is fully shown, not halfway through the fade.
      await Promise.all(status.closest('.tab-loading')!.getAnimations().map((a) => a.finished));
      await expect(screen).to.be.accessible();

      dashboard.release();
      await waitFor(() => customElements.get('chat-dashboard'), '<chat-dashboard>');
      await waitFor(() => !placeholder(screen, 'panel-dashboard'), 'the placeholder to go');

      // The Chats tab: two of its three elements arrive, the placeholder stays until the third does.
      screen.shadowRoot!.querySelector<HTMLButtonElement>('#tab-chats')!.click();
      await waitFor(() => customElements.get('chat-session-list') && customElements.get('chat-person-panel'), 'two of the elements');
      await screen.updateComplete;
      expect(placeholder(screen, 'panel-chats')?.textContent?.trim()).to.equal('Loading…');
      chats.release();
      await waitFor(() => customElements.get('chat-conversation'), '<chat-conversation>');
      await waitFor(() => !placeholder(screen, 'panel-chats'), 'the placeholder to go');
      expect(!!screen.shadowRoot!.querySelector('[role="alert"]'), 'no alert').to.equal(false);
    } finally {
      dashboard.restore();
      chats.restore();
    }
  });

  it('shows no placeholder for a tab whose elements are already defined', async () => {
    // Defined up front (not relying on the previous test having loaded them).
    await loadChatElements(['chat-dashboard', 'chat-session-list', 'chat-conversation', 'chat-person-panel']);
    const screen = await fixture<ChatScreen>(
      html`<chat-screen .service=${service} tab="chats" style="display:block;width:1200px;height:600px"></chat-screen>`,
    );
    await screen.updateComplete;
    expect(!!placeholder(screen, 'panel-chats'), 'no placeholder on Chats').to.equal(false);
    screen.shadowRoot!.querySelector<HTMLButtonElement>('#tab-dashboard')!.click();
    await screen.updateComplete;
    expect(!!placeholder(screen, 'panel-dashboard'), 'no placeholder on Dashboard').to.equal(false);
  });
});
