import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chat-screen/chat-screen.define.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { failingLoad, standaloneWorld, waitFor } from '../wait-for.js';

// Like chat-screen-lazy.test.ts, this file imports <chat-screen> alone (not src/define.js), so
// the Chats tab's elements are fetched by the screen, and a fetch can fail.


describe('<chat-screen> when a tab\'s element cannot be fetched', () => {
  it('names the failure in an alert with "Try again", which fetches it again and clears the alert', async () => {
    const world = await standaloneWorld();
    const { service } = world;
    const load = failingLoad('chat-conversation');
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
      expect(load.attempts()).to.equal(1);
      expect(customElements.get('chat-conversation')).to.equal(undefined);
      // The other two areas of the tab did load.
      await waitFor(() => customElements.get('chat-session-list') && customElements.get('chat-person-panel'), 'the other elements');
      expect(load.errors.some((args) => String(args[0]).includes('<chat-conversation>'))).to.equal(true);
      await expect(screen).to.be.accessible();

      // The network is back: "Try again" fetches it and the alert goes.
      load.restore();
      const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again')!;
      retry.click();
      await waitFor(() => customElements.get('chat-conversation'), '<chat-conversation> to be defined');
      await waitFor(() => !root.querySelector('.load-failure'), 'the alert to go');
    } finally {
      load.restore();
      world.dispose();
    }
  });
});
