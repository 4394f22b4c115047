import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { byRole, deepActiveElement, deepText, openConversation, queryByRole, settle, waitUntil } from '../helpers.js';

const openChat = () => openConversation();

describe('<chat-conversation> End chat', () => {
  it('asks for confirmation when the customer wrote last; Escape keeps the chat and returns focus', async () => {
    const { el, backend, service, id } = await openChat();
    backend.script.customerWrites(id, 'Are you still there?');
    await settle(el);
    const events: unknown[] = [];
    const listener = (e: Event) => events.push(e);
    document.addEventListener('chat-session-end', listener);
    try {
      const end = byRole(el, 'button', 'End chat');
      end.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation');
      await settle(el);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(deepText(dialog)).to.contain('Mira Okafor wrote last and has not had an answer yet.');
      expect(deepActiveElement() === byRole(dialog, 'button', 'Keep chatting')).to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(queryByRole(el, 'alertdialog')).to.equal(null);
      expect(deepActiveElement() === end).to.equal(true);
      expect(service.state.sessions[id]!.status).to.equal('ongoing');
      expect(events).to.have.length(0);

      end.click();
      await waitUntil(() => queryByRole(el, 'alertdialog', 'End this chat?'), 'the confirmation again');
      await settle(el);
      byRole(el, 'button', 'End chat now').click();
      await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat to end');
      expect(events).to.have.length(1);
    } finally {
      document.removeEventListener('chat-session-end', listener);
    }
  });

  it('ends at once when the agent wrote last', async () => {
    const { el, backend, service, id } = await openChat();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    await settle(el);
    // With the keyboard: the button goes with the chat; focus moves to the note that says so.
    byRole(el, 'button', 'End chat').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat to end');
    expect(queryByRole(el, 'alertdialog')).to.equal(null);
    await settle(el);
    const active = deepActiveElement();
    expect(active?.getAttribute('role') === 'note' && /This chat has ended/.test(active.textContent ?? ''), 'focus on "This chat has ended."').to.equal(true);
  });

  it('asks when the composer holds a reply that was not sent, also when the agent wrote last; "Keep chatting" keeps the text and returns focus', async () => {
    const { el, backend, service, id } = await openChat();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    await settle(el);
    const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    composer.focus();
    await sendKeys({ type: 'One more thing: the carrier' });
    const end = byRole(el, 'button', 'End chat');
    end.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation');
    await settle(el);
    expect(deepText(dialog)).to.contain('Your reply to Mira Okafor has not been sent. Ending the chat will not send it.');
    expect(deepText(dialog)).not.to.contain('wrote last');
    expect(deepActiveElement() === byRole(dialog, 'button', 'Keep chatting')).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(queryByRole(el, 'alertdialog')).to.equal(null);
    expect(deepActiveElement() === end).to.equal(true);
    expect(service.state.sessions[id]!.status).to.equal('ongoing');
    expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').value).to.equal('One more thing: the carrier');

    await sendKeys({ press: 'Enter' });
    const again = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation again');
    await settle(el);
    byRole(again, 'button', 'End chat now').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat to end');
  });

  it('a blank composer does not count as a reply', async () => {
    const { el, backend, service, id } = await openChat();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    await settle(el);
    byRole(el, 'textbox', 'Message').focus();
    await sendKeys({ type: '   ' });
    byRole(el, 'button', 'End chat').click();
    await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat to end');
    expect(queryByRole(el, 'alertdialog')).to.equal(null);
  });

  it('names both when the customer wrote last and the reply to them was not sent (a draft kept by the service)', async () => {
    const { el, backend, service, id } = await openChat();
    backend.script.customerWrites(id, 'Are you still there?');
    service.setDraft(id, 'Yes, I am checking');
    await settle(el);
    byRole(el, 'button', 'End chat').click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation');
    await settle(el);
    const text = deepText(dialog);
    expect(text).to.contain('Mira Okafor wrote last and has not had an answer yet.');
    expect(text).to.contain('Your reply to Mira Okafor has not been sent.');
    expect(text.indexOf('wrote last')).to.be.below(text.indexOf('Your reply'));
    await expect(el).to.be.accessible();
  });
});

describe('<chat-conversation> agent typing', () => {
  it('reports typing to the adapter throttled on the service clock: once per 3 s while typing, stopped after 4 s quiet', async () => {
    const { el, backend, clock, id } = await openChat();
    const reports: [string, boolean, number][] = [];
    backend.setTyping = (sessionId, isTyping) => {
      reports.push([sessionId, isTyping, clock.now()]);
      return Promise.resolve();
    };
    const start = clock.now();
    byRole(el, 'textbox', 'Message').focus();
    await sendKeys({ type: 'Hello' });
    expect(reports).to.deep.equal([[id, true, start]]);
    await clock.advance(2000);
    await sendKeys({ type: ' th' });
    expect(reports).to.have.length(1);
    await clock.advance(1000);
    await sendKeys({ type: 'e' });
    expect(reports).to.deep.equal([
      [id, true, start],
      [id, true, start + 3000],
    ]);
    await clock.advance(3999);
    expect(reports).to.have.length(2);
    await clock.advance(1);
    expect(reports[2]).to.deep.equal([id, false, start + 7000]);
    expect(reports).to.have.length(3);
  });
});
