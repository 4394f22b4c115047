/**
 * Work not sent when a chat leaves the agent, through the DOM: the Transfer dialog warns about a
 * reply typed and not sent and files attached and not sent (as End chat does), and the End-chat
 * confirmation follows the live state while it is open.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { byRole, deepActiveElement, deepQuery, deepText, openConversation, queryByRole, settle, waitUntil } from '../helpers.js';

function attach(el: ChatConversation, files: File[]): void {
  const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
const pdf = (name: string) => new File([new Uint8Array(4096)], name, { type: 'application/pdf' });

/** Open the Transfer dialog with the keyboard; resolves with it once rendered. */
async function openTransfer(el: ChatConversation): Promise<HTMLDialogElement> {
  byRole(el, 'button', 'Transfer').focus();
  await sendKeys({ press: 'Enter' });
  const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Transfer chat'), 'the transfer dialog');
  await settle(el);
  return dialog;
}

/** Open the End-chat confirmation; resolves with it once rendered. */
async function openEnd(el: ChatConversation): Promise<HTMLDialogElement> {
  byRole(el, 'button', 'End chat').click();
  const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the confirmation');
  await settle(el);
  return dialog;
}

describe('<chat-conversation> Transfer with work not sent', () => {
  it('names the reply typed and not sent; "Back to the chat" closes without transferring and puts focus in the composer with the text (keyboard only)', async () => {
    const { el, service, id } = await openConversation();
    const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    composer.focus();
    await sendKeys({ type: 'Your parcel is at the depot in' });
    const dialog = await openTransfer(el);
    expect(deepText(dialog)).to.contain(
      'Your reply to Mira Okafor has not been sent and does not go with the transfer. Once your colleague accepts, you can no longer send it.',
    );
    expect(dialog.getAttribute('aria-describedby')).to.equal('transfer-concerns');
    expect(queryByRole(dialog, 'button', 'Transfer chat')).to.equal(null);
    expect(byRole<HTMLButtonElement>(dialog, 'button', 'Transfer anyway').getAttribute('aria-disabled') === 'true', 'until a colleague is chosen').to.equal(true);
    await expect(el).to.be.accessible();

    const back = byRole(dialog, 'button', 'Back to the chat');
    back.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Transfer chat')).to.equal(null);
    expect(deepActiveElement() === byRole(el, 'textbox', 'Message'), 'focus in the composer').to.equal(true);
    expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').value).to.equal('Your parcel is at the depot in');
    expect(service.state.sessions[id]!.transferTo).to.equal(undefined);
  });

  it('"Transfer anyway" transfers with the reply and the file named; the reply stays in the sender’s composer, not in the note', async () => {
    const { el, service, id } = await openConversation();
    service.setDraft(id, 'One more thing');
    await settle(el);
    attach(el, [pdf('invoice.pdf')]);
    await waitUntil(() => service.unsentFiles(id) === 1, 'the file uploading');
    const dialog = await openTransfer(el);
    const text = deepText(dialog);
    expect(text).to.contain('Your reply to Mira Okafor has not been sent');
    expect(text).to.contain('You have 1 file that was not sent. Once your colleague accepts, it can no longer be sent.');
    expect(text.indexOf('Your reply')).to.be.lessThan(text.indexOf('You have 1 file'));
    byRole(dialog, 'radio', /Sanne Bakker/).click();
    await settle(el);
    byRole(dialog, 'button', 'Transfer anyway').click();
    await waitUntil(() => service.state.sessions[id]!.transferTo, 'the transfer requested');
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Transfer chat')).to.equal(null);
    expect(service.state.sessions[id]!.transferTo!.note).to.equal(undefined);
    expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').value, 'still the sender’s while pending').to.equal('One more thing');
  });

  it('says it in Dutch, with the plural of the files', async () => {
    const { el, service, id } = await openConversation();
    service.setDraft(id, 'Nog één ding');
    el.closest('chat-provider')!.setAttribute('lang', 'nl');
    await waitUntil(() => queryByRole(el, 'button', 'Overbrengen'), 'the Dutch Transfer button');
    attach(el, [pdf('factuur.pdf'), pdf('label.pdf')]);
    await waitUntil(() => service.unsentFiles(id) === 2, 'two files uploading');
    queryByRole(el, 'button', 'Overbrengen')!.click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Chat overbrengen'), 'the Dutch dialog');
    await settle(el);
    const text = deepText(dialog);
    expect(text).to.contain('Uw antwoord aan Mira Okafor is nog niet verzonden en gaat niet mee met de overdracht.');
    expect(text).to.contain('U hebt 2 bestanden die niet zijn verzonden. Zodra uw collega accepteert, kunnen ze niet meer worden verzonden.');
    expect(queryByRole(dialog, 'button', 'Terug naar de chat')).to.not.equal(null);
    expect(queryByRole(dialog, 'button', 'Toch overbrengen')).to.not.equal(null);
    dialog.close();
    await settle(el);
    el.closest('chat-provider')!.setAttribute('lang', 'en');
    await waitUntil(() => queryByRole(el, 'button', 'Transfer'), 'English again');
  });

  it('follows the state while open: the warning goes when the file has been sent, and the button reads "Transfer chat" again', async () => {
    const { el, clock, service, id } = await openConversation();
    attach(el, [pdf('invoice.pdf')]);
    await waitUntil(() => service.unsentFiles(id) === 1, 'the file uploading');
    const dialog = await openTransfer(el);
    expect(deepText(dialog)).to.contain('You have 1 file that was not sent.');
    await clock.advance(60_000);
    await waitUntil(() => service.unsentFiles(id) === 0, 'the file sent');
    await settle(el);
    expect(deepText(dialog)).not.to.contain('not sent');
    expect(queryByRole(dialog, 'button', 'Back to the chat')).to.equal(null);
    expect(queryByRole(dialog, 'button', 'Transfer chat')).to.not.equal(null);
    expect(dialog.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('closes by itself when the customer leaves while it is open; focus goes to the note that says the chat ended', async () => {
    const { el, backend, service, id } = await openConversation();
    service.setDraft(id, 'One more thing');
    await openTransfer(el);
    backend.script.customerLeaves(id);
    await waitUntil(() => !queryByRole(el, 'dialog', 'Transfer chat'), 'the dialog closed');
    await settle(el);
    const active = deepActiveElement();
    expect(active?.getAttribute('role') === 'note' && /This chat has ended/.test(active.textContent ?? ''), 'focus on "This chat has ended."').to.equal(true);
    expect(service.state.sessions[id]!.transferTo).to.equal(undefined);
  });

  it('asks nothing with an empty composer and no files, even when the customer wrote last', async () => {
    const { el, backend, service, id } = await openConversation();
    backend.script.customerWrites(id, 'Are you still there?');
    await waitUntil(() => service.state.sessions[id]!.lastMessage?.kind === 'from-customer', 'the customer wrote last');
    const dialog = await openTransfer(el);
    expect(deepText(dialog)).not.to.contain('not been sent');
    expect(queryByRole(dialog, 'button', 'Back to the chat')).to.equal(null);
    expect(queryByRole(dialog, 'button', 'Transfer chat')).to.not.equal(null);
  });
});

describe('<chat-conversation> End-chat confirmation follows the live state', () => {
  it('names a draft changed elsewhere and the customer writing while it is open', async () => {
    const { el, backend, service, id } = await openConversation();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    service.setDraft(id, 'And one more thing');
    await settle(el);
    const dialog = await openEnd(el);
    expect(deepText(dialog)).to.contain('Your reply to Mira Okafor has not been sent.');
    expect(deepText(dialog)).not.to.contain('wrote last');
    // Another element or the host (another tab of the same service) clears the draft; the customer writes.
    service.setDraft(id, '');
    backend.script.customerWrites(id, 'Thanks! And the invoice?');
    await waitUntil(() => deepText(dialog).includes('Mira Okafor wrote last and has not had an answer yet.'), 'the customer named');
    expect(deepText(dialog)).not.to.contain('Your reply');
    expect(queryByRole(el, 'alertdialog', 'End this chat?')).to.equal(dialog);
    await expect(el).to.be.accessible();
  });

  it('a file that finishes uploading goes from the text; with nothing left it says so and still ends the chat', async () => {
    const { el, clock, backend, service, id } = await openConversation();
    backend.script.agentWrites('a1', id, 'Here is your invoice.');
    await settle(el);
    attach(el, [pdf('invoice.pdf')]);
    await waitUntil(() => service.unsentFiles(id) === 1, 'the file uploading');
    const dialog = await openEnd(el);
    expect(deepText(dialog)).to.contain('You have 1 file that was not sent.');
    await clock.advance(60_000);
    await waitUntil(() => !deepText(dialog).includes('You have 1 file'), 'the file gone from the text');
    expect(deepText(dialog)).to.contain('Nothing is left unanswered or unsent any more.');
    byRole(dialog, 'button', 'End chat now').click();
    await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat ended');
  });

  it('closes by itself when the customer leaves meanwhile: focus on the note that says the chat ended, no chat-session-end', async () => {
    const { el, backend, service, id } = await openConversation();
    const events: Event[] = [];
    const listener = (e: Event) => events.push(e);
    document.addEventListener('chat-session-end', listener);
    try {
      backend.script.customerWrites(id, 'Are you still there?');
      await settle(el);
      const dialog = await openEnd(el);
      expect(deepActiveElement() === byRole(dialog, 'button', 'Keep chatting')).to.equal(true);
      backend.script.customerLeaves(id);
      await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat ended');
      await waitUntil(() => !queryByRole(el, 'alertdialog'), 'the confirmation closed');
      await settle(el);
      const active = deepActiveElement();
      expect(active?.getAttribute('role') === 'note' && /This chat has ended/.test(active.textContent ?? ''), 'focus on "This chat has ended."').to.equal(true);
      expect(events).to.have.length(0);
    } finally {
      document.removeEventListener('chat-session-end', listener);
    }
  });
});

describe('<chat-conversation> a file sent while typing', () => {
  it('keeps the text being typed in the composer when an attached file finishes uploading and is sent', async () => {
    const { el, clock, service, id } = await openConversation();
    attach(el, [pdf('invoice.pdf')]);
    await waitUntil(() => service.unsentFiles(id) === 1, 'the file uploading');
    const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    composer.focus();
    await sendKeys({ type: 'Here is the invoice you asked' });
    await clock.advance(60_000);
    await waitUntil(() => service.unsentFiles(id) === 0, 'the file sent');
    await settle(el);
    expect(byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').value).to.equal('Here is the invoice you asked');
    expect(service.state.drafts[id]).to.equal('Here is the invoice you asked');
  });
});
