import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { byRole, deepActiveElement, deepQuery, deepText, openConversation, queryByRole, settle, waitUntil } from '../helpers.js';

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

/** Pick `files` with the conversation's "Attach files" input (as the file chooser would). */
function attach(el: ChatConversation, files: File[]): void {
  const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
const pdf = (name: string) => new File([new Uint8Array(4096)], name, { type: 'application/pdf' });

describe('<chat-conversation> End chat with attached files that were not sent', () => {
  it('asks when a file is still uploading (empty composer, agent wrote last); "Keep chatting" keeps the file (keyboard only)', async () => {
    const { el, backend, service, id } = await openChat();
    backend.script.agentWrites('a1', id, 'Here is your invoice.');
    await settle(el);
    attach(el, [pdf('invoice.pdf')]);
    await waitUntil(() => deepQuery(el, '.upload'), 'the uploading file in the composer');
    const end = byRole(el, 'button', 'End chat');
    end.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation');
    await settle(el);
    expect(deepText(dialog)).to.contain('You have 1 file that was not sent. Ending the chat will not send it.');
    expect(deepText(dialog)).not.to.contain('wrote last');
    expect(deepText(dialog)).not.to.contain('Your reply');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' }); // "Keep chatting" has the focus
    await settle(el);
    expect(queryByRole(el, 'alertdialog')).to.equal(null);
    expect(deepActiveElement() === end).to.equal(true);
    expect(service.state.sessions[id]!.status).to.equal('ongoing');
    expect(deepText(deepQuery(el, '.uploads')!)).to.contain('invoice.pdf');
  });

  it('names the number of files with the plural, in English and in Dutch, after the reply', async () => {
    const { el, backend, service, id } = await openChat();
    backend.script.agentWrites('a1', id, 'Here are the documents.');
    service.setDraft(id, 'And one more thing');
    await settle(el);
    attach(el, [pdf('invoice.pdf'), pdf('label.pdf')]);
    await waitUntil(() => service.unsentFiles(id) === 2, 'two files uploading');
    byRole(el, 'button', 'End chat').click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation');
    await settle(el);
    const text = deepText(dialog);
    expect(text).to.contain('You have 2 files that were not sent. Ending the chat will not send them.');
    expect(text.indexOf('Your reply')).to.be.within(0, text.indexOf('You have 2 files'));
    byRole(dialog, 'button', 'Keep chatting').click();
    await settle(el);

    el.closest('chat-provider')!.setAttribute('lang', 'nl');
    const end = await waitUntil(() => queryByRole(el, 'button', 'Chat beëindigen'), 'the Dutch button');
    end.click();
    const nl = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog'), 'the Dutch confirmation');
    await settle(el);
    expect(deepText(nl)).to.contain('U hebt 2 bestanden die niet zijn verzonden. Als u de chat beëindigt, worden ze niet verzonden.');
    nl.close();
    await settle(el);
    el.closest('chat-provider')!.setAttribute('lang', 'en');
    await waitUntil(() => queryByRole(el, 'button', 'End chat'), 'English again');
  });

  it('the files stay with their chat: shown again after another chat was shown, and End chat still asks; once sent it ends at once', async () => {
    const { el, backend, service, clock, id } = await openChat();
    backend.script.agentWrites('a1', id, 'Here is your invoice.');
    await settle(el);
    attach(el, [pdf('invoice.pdf')]);
    await waitUntil(() => deepQuery(el, '.upload'), 'the uploading file');
    const other = backend.script.customerArrives({ channelId: 'sales', name: 'Tom Berg', text: 'Hello?' });
    await service.answer(other);
    service.selectSession(other);
    await waitUntil(() => deepText(el).includes('Hello?'), 'the other chat');
    await settle(el);
    expect(deepQuery(el, '.upload'), 'not in the other chat').to.equal(null);
    service.selectSession(id);
    const upload = await waitUntil(() => deepQuery(el, '.upload'), 'the file back with its chat');
    expect(deepText(upload)).to.contain('invoice.pdf');
    byRole(el, 'button', 'End chat').click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation');
    await settle(el);
    expect(deepText(dialog)).to.contain('You have 1 file that was not sent.');
    byRole(dialog, 'button', 'Keep chatting').click();
    await settle(el);
    // Uploaded: the file goes to the customer, and nothing is left to ask about.
    await clock.advance(60_000);
    await waitUntil(() => service.unsentFiles(id) === 0, 'the file sent');
    await settle(el);
    byRole(el, 'button', 'End chat').click();
    await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat to end at once');
    expect(queryByRole(el, 'alertdialog')).to.equal(null);
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
