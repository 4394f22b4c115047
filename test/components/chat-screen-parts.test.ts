import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { byRole, deepQuery, mount, settle, setup, waitUntil } from '../helpers.js';

describe('<chat-screen> parts', () => {
  it("passes the conversation's and person panel's parts through (::part on the screen styles them)", async () => {
    const style = document.createElement('style');
    style.textContent = `
      chat-screen::part(composer) { border-top: 5px solid rgb(1, 2, 3); }
      chat-screen::part(conversation-header) { border-bottom: 4px solid rgb(4, 5, 6); }
      chat-screen::part(person-card) { outline: 3px solid rgb(7, 8, 9); }
    `;
    document.head.append(style);
    try {
      const { backend, service } = await setup();
      const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      await service.answer(id);
      service.selectSession(id);
      const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
      byRole(el, 'tab', 'Chats').click();
      await settle(el);
      const composer = await waitUntil(() => deepQuery(el, 'form.composer'), 'the composer');
      const header = deepQuery(el.shadowRoot!.querySelector('chat-conversation')!, '.header')!;
      const card = await waitUntil(() => deepQuery(el, '.card.person'), "the customer's card");
      expect(getComputedStyle(composer).borderTopColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(composer).borderTopWidth).to.equal('5px');
      expect(getComputedStyle(header).borderBottomColor).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(card).outlineColor).to.equal('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });
});
