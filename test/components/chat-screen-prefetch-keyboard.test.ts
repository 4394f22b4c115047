import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import '../../src/components/chat-screen/chat-screen.define.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { chatElementLoaders } from '../../src/utils/element-loaders.js';
import { waitFor } from '../wait-for.js';

// This file imports <chat-screen> alone (not src/define.js), in its own page: the tabs' elements
// are registered only when <chat-screen> asks for them. The pointer: chat-screen-prefetch.test.ts.

const defined = (tag: string) => customElements.get(tag) !== undefined;

describe("<chat-screen> fetches the other tab's elements when focus first enters it", () => {
  it('Tab into the screen registers the Chats tab elements, quietly skips one that fails, and opening the tab fetches that one again', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const service = new ChatService({ backend, clock });
    await service.ready;
    const realPanel = chatElementLoaders['chat-person-panel'];
    let failedLoads = 0;
    chatElementLoaders['chat-person-panel'] = () => {
      failedLoads++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const screen = await fixture<ChatScreen>(
        html`<chat-screen .service=${service} style="display:block;width:1200px;height:600px"></chat-screen>`,
      );
      await waitFor(() => defined('chat-dashboard') && !!screen.shadowRoot!.querySelector('#tab-dashboard'), 'the dashboard');
      expect(['chat-session-list', 'chat-conversation'].filter(defined), 'nothing fetched ahead before focus enters').to.deep.equal([]);

      await sendKeys({ press: 'Tab' });
      const focused = screen.shadowRoot!.activeElement;
      expect(focused, 'focus is inside the screen').to.exist;
      await waitFor(() => defined('chat-session-list') && defined('chat-conversation') && failedLoads === 1, 'the prefetch');
      expect(screen.tab, 'the tab stays').to.equal('dashboard');
      expect(screen.shadowRoot!.activeElement, 'focus stays').to.equal(focused);
      expect(defined('chat-person-panel')).to.equal(false);
      expect(errors, 'a failed prefetch is quiet').to.deep.equal([]);
      expect(screen.shadowRoot!.querySelector('[part="load-failure"]'), 'and shows nothing').to.equal(null);

      chatElementLoaders['chat-person-panel'] = realPanel;
      screen.shadowRoot!.querySelector<HTMLButtonElement>('#tab-chats')!.click();
      await waitFor(() => defined('chat-person-panel'), 'the person panel fetched again when the tab needs it');
      await screen.updateComplete;
      expect(screen.shadowRoot!.querySelector('[part="load-failure"]')).to.equal(null);
    } finally {
      console.error = consoleError;
      chatElementLoaders['chat-person-panel'] = realPanel;
      service.dispose();
      backend.dispose();
    }
  });
});
