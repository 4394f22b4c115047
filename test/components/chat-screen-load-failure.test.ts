import { expect, fixture, html } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import '../../src/components/chat-screen/chat-screen.define.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { chatElementLoaders } from '../../src/utils/element-loaders.js';
import { waitFor } from '../wait-for.js';

// Like chat-screen-lazy.test.ts, this file imports <chat-screen> alone (not src/define.js), so
// the Chats tab's elements are fetched by the screen, and a fetch can fail.


describe('<chat-screen> when a tab\'s element cannot be fetched', () => {
  it('names the failure in an alert with "Try again", which fetches it again and clears the alert', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const service = new ChatService({ backend, clock });
    await service.ready;
    const real = chatElementLoaders['chat-conversation'];
    let attempts = 0;
    chatElementLoaders['chat-conversation'] = () => {
      attempts++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    const errors: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const screen = await fixture<ChatScreen>(
        html`<chat-screen .service=${service} style="display:block;width:1200px;height:600px"></chat-screen>`,
      );
      const root = screen.shadowRoot!;
      await waitFor(() => customElements.get('chat-dashboard'), '<chat-dashboard>');
      expect(root.querySelector('[role="alert"]'), 'no alert while all loads').to.equal(null);

      root.querySelector<HTMLButtonElement>('#tab-chats')!.click();
      const alert = await waitFor(() => root.querySelector<HTMLElement>('.load-failure[role="alert"]'), 'the alert');
      expect(alert.textContent).to.contain('could not be loaded');
      expect(root.querySelector('#panel-chats [role="status"]'), 'no "Loading…" once the fetch failed').to.equal(null);
      expect(attempts).to.equal(1);
      expect(customElements.get('chat-conversation')).to.equal(undefined);
      // The other two areas of the tab did load.
      await waitFor(() => customElements.get('chat-session-list') && customElements.get('chat-person-panel'), 'the other elements');
      expect(errors.some((args) => String(args[0]).includes('<chat-conversation>'))).to.equal(true);
      await expect(screen).to.be.accessible();

      // The network is back: "Try again" fetches it and the alert goes.
      chatElementLoaders['chat-conversation'] = real;
      const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again')!;
      retry.click();
      await waitFor(() => customElements.get('chat-conversation'), '<chat-conversation> to be defined');
      await waitFor(() => !root.querySelector('.load-failure'), 'the alert to go');
    } finally {
      chatElementLoaders['chat-conversation'] = real;
      console.error = consoleError;
      service.dispose();
      backend.dispose();
    }
  });
});
