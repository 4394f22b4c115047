import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/chat-screen/chat-screen.define.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { failingLoad, standaloneWorld, waitFor } from '../wait-for.js';

// This file imports <chat-screen> alone (not src/define.js), in its own page: the tabs' elements
// are registered only when <chat-screen> asks for them. The pointer: chat-screen-prefetch.test.ts.

const defined = (tag: string) => customElements.get(tag) !== undefined;

describe("<chat-screen> fetches the other tab's elements when focus first enters it", () => {
  it('Tab into the screen registers the Chats tab elements, quietly skips one that fails, and opening the tab fetches that one again', async () => {
    const world = await standaloneWorld();
    const { service } = world;
    const panelLoad = failingLoad('chat-person-panel');
    try {
      const screen = await fixture<ChatScreen>(
        html`<chat-screen .service=${service} style="display:block;width:1200px;height:600px"></chat-screen>`,
      );
      await waitFor(() => defined('chat-dashboard') && !!screen.shadowRoot!.querySelector('#tab-dashboard'), 'the dashboard');
      expect(['chat-session-list', 'chat-conversation'].filter(defined), 'nothing fetched ahead before focus enters').to.deep.equal([]);

      await sendKeys({ press: 'Tab' });
      const focused = screen.shadowRoot!.activeElement;
      expect(focused, 'focus is inside the screen').to.exist;
      await waitFor(() => defined('chat-session-list') && defined('chat-conversation') && panelLoad.attempts() === 1, 'the prefetch');
      expect(screen.tab, 'the tab stays').to.equal('dashboard');
      expect(screen.shadowRoot!.activeElement, 'focus stays').to.equal(focused);
      expect(defined('chat-person-panel')).to.equal(false);
      expect(panelLoad.errors, 'a failed prefetch is quiet').to.deep.equal([]);
      expect(screen.shadowRoot!.querySelector('[part="load-failure"]'), 'and shows nothing').to.equal(null);

      panelLoad.restore();
      screen.shadowRoot!.querySelector<HTMLButtonElement>('#tab-chats')!.click();
      await waitFor(() => defined('chat-person-panel'), 'the person panel fetched again when the tab needs it');
      await screen.updateComplete;
      expect(screen.shadowRoot!.querySelector('[part="load-failure"]')).to.equal(null);
    } finally {
      panelLoad.restore();
      world.dispose();
    }
  });
});
