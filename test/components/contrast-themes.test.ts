import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import { byRole, deepQuery, mount, openConversation, queryByRole, settle, setup, waitUntil } from '../helpers.js';

/**
 * Text contrast (axe, WCAG AA 4.5:1) in both themes. The library switches theme by the host's
 * `color-scheme` (tokens use `light-dark()`); here the page's root sets it, as a dark host page would.
 */
for (const scheme of ['light', 'dark'] as const) {
  describe(`contrast in the ${scheme} theme`, () => {
    beforeEach(() => {
      document.documentElement.style.colorScheme = scheme;
    });
    afterEach(() => {
      document.documentElement.style.colorScheme = '';
    });

    it(`session list: avatars of ongoing and ended chats pass axe (${scheme})`, async () => {
      const { backend, service } = await setup();
      const names = ['Mira Okafor', 'Yusuf Demir', 'Ana Lima', 'Kenji Sato', 'Lotte de Vries', 'Zoë Haddad'];
      const ids = names.map((name) => backend.script.customerArrives({ channelId: 'sales', name, text: 'Hello' }));
      for (const id of ids) await service.answer(id);
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
      for (const id of ids.slice(0, 3)) await service.endSession(id);
      await settle(el);
      await waitUntil(() => queryByRole(el, 'group', /Recent/), 'the ended chats under Recent');
      await expect(el).to.be.accessible();
    });

    it(`conversation: a file in the agent's bubble and the End chat dialog pass axe (${scheme})`, async () => {
      const { el, backend, id, service, clock } = await openConversation();
      const sent = service.attachFiles(id, [new File([new Uint8Array(2048)], 'invoice.pdf', { type: 'application/pdf' })]);
      await clock.advance(1000);
      await sent;
      await settle(el);
      await waitUntil(() => deepQuery(el, '.row.agent .file-size'), 'the file in the agent bubble');
      await expect(el).to.be.accessible();

      backend.script.customerWrites(id, 'Are you still there?');
      await settle(el);
      byRole(el, 'button', 'End chat').click();
      await waitUntil(() => queryByRole(el, 'alertdialog', 'End this chat?'), 'the confirmation');
      await settle(el);
      byRole(el, 'button', 'End chat now');
      await expect(el).to.be.accessible();
    });
  });
}
