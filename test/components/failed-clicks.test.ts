import { expect, html } from '@open-wc/testing';
import { ChatBackendError, type ChatErrorCode } from '../../src/backend/errors.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import type { ChatEvent } from '../../src/events.js';
import { byRole, deepText, mount, openConversation, queryByRole, settle, setup, waitUntil } from '../helpers.js';

const UNREACHABLE = 'The chat server could not be reached. Try again.';
const UNREACHABLE_NL = 'De chatserver is niet bereikbaar. Probeer het opnieuw.';

function rejecting(code: ChatErrorCode) {
  return () => Promise.reject(new ChatBackendError(code, `${code} (test)`));
}

/** The notices the element shows (its `role="status"` notice region). */
function noticeText(el: Element): string {
  const region = el.shadowRoot!.querySelector('[part="notices"]');
  return region?.getAttribute('role') === 'status' ? deepText(region) : '';
}

/** Collect `chat-error` codes fired on the document while the test runs. */
function chatErrors(): { codes: string[]; stop(): void } {
  const codes: string[] = [];
  const listener = (e: ChatEvent<'chat-error'>) => codes.push(e.detail.code);
  document.addEventListener('chat-error', listener);
  return { codes, stop: () => document.removeEventListener('chat-error', listener) };
}

describe('a click whose command fails shows it (no silent failures)', () => {
  describe('dashboard "Answer"', () => {
    for (const code of ['network', 'timeout'] as const) {
      it(`shows "${UNREACHABLE}" when answering fails with ${code}; the chat stays in the queue`, async () => {
        const { backend, service } = await setup();
        const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
        backend.answer = rejecting(code);
        const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
        byRole(el, 'button', 'Answer').click();
        await waitUntil(() => noticeText(el).includes(UNREACHABLE), 'the notice');
        expect(service.state.sessions[id]!.status).to.equal('queued');
        expect(byRole(el, 'button', 'Answer')).to.exist;
        await expect(el).to.be.accessible();
        // Dismiss removes it.
        byRole(el, 'button', 'Dismiss').click();
        await waitUntil(() => !noticeText(el).includes(UNREACHABLE), 'the notice to go');
      });
    }

    it('shows the notice in Dutch', async () => {
      const { backend, service } = await setup();
      backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      backend.answer = rejecting('network');
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`, 'nl');
      const answer = await waitUntil(() => queryByRole(el, 'button', 'Beantwoorden'), 'the Dutch button');
      answer.click();
      await waitUntil(() => noticeText(el).includes(UNREACHABLE_NL), 'the Dutch notice');
    });

    it('shows the notice when the chat server is disconnected', async () => {
      const { backend, service } = await setup();
      backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      backend.script.disconnect();
      await settle(el);
      byRole(el, 'button', 'Answer').click();
      await waitUntil(() => noticeText(el).includes(UNREACHABLE), 'the notice');
    });
  });

  describe('session list "Get next in queue"', () => {
    for (const code of ['network', 'timeout'] as const) {
      it(`shows "${UNREACHABLE}" when taking the next chat fails with ${code}`, async () => {
        const { backend, service } = await setup();
        const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
        backend.takeNextInQueue = rejecting(code);
        const errors = chatErrors();
        try {
          const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
          byRole(el, 'button', 'Get next in queue').click();
          await waitUntil(() => noticeText(el).includes(UNREACHABLE), 'the notice');
          expect(service.state.sessions[id]!.status).to.equal('queued');
          expect(errors.codes).to.deep.equal([code]);
        } finally {
          errors.stop();
        }
      });
    }

    it('shows the notice after the chat server disconnected, in Dutch too', async () => {
      const { backend, service } = await setup();
      backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`, 'nl');
      const take = await waitUntil(() => queryByRole(el, 'button', 'Volgende in wachtrij ophalen'), 'the Dutch button');
      backend.script.disconnect();
      await settle(el);
      take.click();
      await waitUntil(() => noticeText(el).includes(UNREACHABLE_NL), 'the Dutch notice');
    });
  });

  describe('conversation transfer answers', () => {
    it('shows the notice in the conversation when "Accept transfer" fails with timeout; the offer stays', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      s.backend.script.agentAnswers('a2', id);
      s.backend.script.transfer(id, 'a2', 'a1', 'Can you take this?');
      s.backend.acceptTransfer = rejecting('timeout');
      s.service.selectSession(id);
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
      (await waitUntil(() => queryByRole(el, 'button', 'Accept transfer'), 'the offer')).click();
      await waitUntil(() => noticeText(el).includes(UNREACHABLE), 'the notice in the conversation');
      expect(byRole(el, 'button', 'Accept transfer')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows the notice when "Cancel transfer" fails with network', async () => {
      const { el, backend, service, id } = await openConversation();
      await service.requestTransfer(id, 'a2');
      await settle(el);
      backend.cancelTransfer = rejecting('network');
      byRole(el, 'button', 'Cancel transfer').click();
      await waitUntil(() => noticeText(el).includes(UNREACHABLE), 'the notice');
    });
  });

  describe('the presence switch', () => {
    it('shows the notice on the open tab when switching presence fails with network; the agent stays present', async () => {
      const { backend, service } = await setup();
      backend.setPresence = rejecting('network');
      const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
      byRole(el, 'switch', 'Present').click();
      const dashboard = await waitUntil(() => el.shadowRoot!.querySelector('chat-dashboard'), 'the dashboard');
      await waitUntil(() => noticeText(dashboard).includes(UNREACHABLE), 'the notice on the dashboard');
      expect(service.state.agents[service.agentId]!.presence).to.equal('present');
    });
  });
});
