import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatBackendError } from '../../src/backend/errors.js';
import { byRole, deepText, openConversation, queryByRole, settle, waitUntil } from '../helpers.js';

/** Record `chat-session-end` events while `run` runs. */
async function recordingEnds(run: (ends: string[]) => Promise<void>): Promise<void> {
  const ends: string[] = [];
  const listener = (e: Event) => ends.push((e as CustomEvent<{ sessionId: string }>).detail.sessionId);
  document.addEventListener('chat-session-end', listener);
  try {
    await run(ends);
  } finally {
    document.removeEventListener('chat-session-end', listener);
  }
}

function notices(el: Element): string {
  return deepText(el.shadowRoot!.querySelector('[part="notices"]')!);
}

describe('<chat-conversation> when "End chat" fails', () => {
  it('fires no chat-session-end, keeps the chat ongoing and the draft, and shows "The chat server could not be reached. Try again."', async () => {
    const { el, backend, service, id } = await openConversation();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    backend.endSession = () => Promise.reject(new ChatBackendError('timeout', 'timed out (test)'));
    await settle(el);
    await recordingEnds(async (ends) => {
      service.setDraft(id, 'Half a reply');
      await settle(el);
      // The composer holds a reply: End chat asks first; "End chat now" then fails.
      byRole(el, 'button', 'End chat').click();
      await waitUntil(() => queryByRole(el, 'alertdialog', 'End this chat?'), 'the confirmation');
      await settle(el);
      byRole(el, 'button', 'End chat now').click();
      await waitUntil(() => notices(el).includes('The chat server could not be reached. Try again.'), 'the notice');
      expect(ends).to.deep.equal([]);
      expect(service.state.sessions[id]!.status).to.equal('ongoing');
      expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').value).to.equal('Half a reply');
      expect(byRole(el, 'button', 'End chat')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  it('fires chat-session-end only once the chat has ended', async () => {
    const { el, backend, service, id } = await openConversation();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    await settle(el);
    let finish!: () => void;
    const real = backend.endSession.bind(backend);
    backend.endSession = (sessionId) => new Promise((resolve) => (finish = () => resolve(real(sessionId))));
    await recordingEnds(async (ends) => {
      byRole(el, 'button', 'End chat').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => finish, 'the end request');
      await settle(el);
      expect(ends, 'nothing before the backend ended it').to.deep.equal([]);
      finish();
      await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat to end');
      await waitUntil(() => ends.length === 1, 'the event');
      expect(ends).to.deep.equal([id]);
      expect(notices(el)).to.equal('');
    });
  });

  it('shows the failure in Dutch', async () => {
    const { el, backend, id } = await openConversation();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    backend.endSession = () => Promise.reject(new ChatBackendError('network', 'offline (test)'));
    el.closest('chat-provider')!.setAttribute('lang', 'nl');
    const end = await waitUntil(() => queryByRole(el, 'button', 'Chat beëindigen'), 'the Dutch button');
    end.click();
    await waitUntil(() => notices(el).includes('De chatserver is niet bereikbaar. Probeer het opnieuw.'), 'the Dutch notice');
    el.closest('chat-provider')!.setAttribute('lang', 'en');
    await waitUntil(() => queryByRole(el, 'button', 'End chat'), 'English again');
  });
});
