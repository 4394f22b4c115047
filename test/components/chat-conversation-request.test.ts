import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { byRole, deepActiveElement, deepText, mount, queryByRole, settle, setup, waitUntil } from '../helpers.js';

async function openChat() {
  const s = await setup();
  const id = s.backend.script.customerArrives({
    channelId: 'support',
    name: 'Mira Okafor',
    text: 'My invoice shows the wrong VAT number',
  });
  await s.service.answer(id);
  s.backend.script.customerWrites(id, 'It is for order 4521');
  const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
  await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
  await settle(el);
  return { ...s, id, el };
}

function dialog(el: Element): HTMLDialogElement {
  return byRole<HTMLDialogElement>(el, 'dialog', 'Create request');
}

describe('<chat-conversation> Create request', () => {
  it('opens a form pre-filled from the chat that traps focus, passes the a11y check and closes with Escape', async () => {
    const { el } = await openChat();
    const opener = byRole(el, 'button', 'Create request');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => queryByRole(el, 'dialog', 'Create request'), 'the request dialog');
    await settle(el);
    const d = dialog(el);
    expect(d.matches(':modal')).to.equal(true);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Title').value).to.equal('My invoice shows the wrong VAT number');
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Category').value).to.equal('Support portal');
    expect(byRole<HTMLSelectElement>(d, 'combobox', 'Priority').value).to.equal('medium');
    expect(deepActiveElement() === byRole(d, 'textbox', 'Title')).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Create request')).to.equal(null);
    expect(deepActiveElement() === opener).to.equal(true);
  });

  it('B26 — saves the request with the chat log attached, records it on the session, puts its number in the composer and fires chat-request-create once at document, composed and bubbling', async () => {
    const { el, backend, service, id } = await openChat();
    const events: { sessionId: string; requestId: string }[] = [];
    const flags: { composed: boolean; bubbles: boolean }[] = [];
    const listener = (e: GlobalEventHandlersEventMap['chat-request-create']): void => {
      events.push(e.detail);
      flags.push({ composed: e.composed, bubbles: e.bubbles });
    };
    document.addEventListener('chat-request-create', listener);
    const box = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    box.focus();
    await sendKeys({ type: 'Thanks Mira.' });
    byRole(el, 'button', 'Create request').click();
    await waitUntil(() => queryByRole(el, 'dialog', 'Create request'), 'the request dialog');
    await settle(el);
    byRole<HTMLSelectElement>(dialog(el), 'combobox', 'Priority').value = 'high';
    byRole(dialog(el), 'textbox', 'Extra text (optional)').focus();
    await sendKeys({ type: 'VAT' });
    byRole(dialog(el), 'button', 'Save request').click();
    await waitUntil(() => !queryByRole(el, 'dialog', 'Create request'), 'the dialog to close');
    await settle(el);

    document.removeEventListener('chat-request-create', listener);
    expect(events).to.have.length(1);
    expect(flags).to.deep.equal([{ composed: true, bubbles: true }]);
    const request = backend.inspect.requests().find((r) => r.id === events[0]!.requestId)!;
    expect(request).to.not.equal(undefined);
    expect(events[0]).to.deep.equal({ sessionId: id, requestId: request.id });
    expect(request).to.include({ title: 'My invoice shows the wrong VAT number', category: 'Support portal', priority: 'high', sessionId: id });
    const log = backend.inspect.requestLog(request.id)!;
    expect(log).to.contain('VAT');
    expect(log).to.contain('It is for order 4521');
    expect(service.state.sessions[id]!.requestIds).to.include(request.id);
    expect(box.value).to.equal(`Thanks Mira. I have created request ${request.number} for you.`);
    expect(deepActiveElement() === box).to.equal(true);
    expect(box.selectionStart).to.equal(box.value.length);
    // Placed, not sent.
    expect(service.state.histories[id]!.items.some((m) => m.text.includes(request.number))).to.equal(false);
  });

  it('keeps the dialog open and says why when the title is empty', async () => {
    const { el, backend } = await openChat();
    byRole(el, 'button', 'Create request').click();
    await waitUntil(() => queryByRole(el, 'dialog', 'Create request'), 'the request dialog');
    await settle(el);
    const title = byRole<HTMLInputElement>(dialog(el), 'textbox', 'Title');
    title.value = '   ';
    byRole(dialog(el), 'button', 'Save request').click();
    await settle(el);
    expect(deepText(byRole(dialog(el), 'alert'))).to.equal('Give the request a title.');
    expect(backend.inspect.requests().filter((r) => r.sessionId)).to.have.length(0);
  });
  async function openDialog(el: ChatConversation): Promise<HTMLDialogElement> {
    byRole(el, 'button', 'Create request').click();
    await waitUntil(() => queryByRole(el, 'dialog', 'Create request'), 'the request dialog');
    await settle(el);
    return dialog(el);
  }

  it('keeps what the agent typed when Escape or Cancel closes the form: it opens again with it; "Discard changes" puts the pre-filled values back', async () => {
    const { el } = await openChat();
    let d = await openDialog(el);
    expect(queryByRole(d, 'button', 'Discard changes')).to.equal(null);
    const title = byRole<HTMLInputElement>(d, 'textbox', 'Title');
    title.focus();
    title.setSelectionRange(title.value.length, title.value.length);
    await sendKeys({ type: ' (order 4521)' });
    byRole(d, 'textbox', 'Extra text (optional)').focus();
    await sendKeys({ type: 'Customer asks for a corrected invoice' });
    await settle(el);
    expect(queryByRole(d, 'button', 'Discard changes')).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Create request')).to.equal(null);

    d = await openDialog(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Title').value).to.equal('My invoice shows the wrong VAT number (order 4521)');
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Extra text (optional)').value).to.equal('Customer asks for a corrected invoice');
    byRole<HTMLSelectElement>(d, 'combobox', 'Priority').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    byRole(d, 'button', 'Cancel').click();
    await settle(el);

    d = await openDialog(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Title').value).to.equal('My invoice shows the wrong VAT number (order 4521)');
    expect(byRole<HTMLSelectElement>(d, 'combobox', 'Priority').value).to.equal('high');
    await expect(el).to.be.accessible();
    byRole(d, 'button', 'Discard changes').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Title').value).to.equal('My invoice shows the wrong VAT number');
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Extra text (optional)').value).to.equal('');
    expect(byRole<HTMLSelectElement>(d, 'combobox', 'Priority').value).to.equal('medium');
    expect(queryByRole(d, 'button', 'Discard changes')).to.equal(null);
    expect(deepActiveElement() === byRole(d, 'textbox', 'Title')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    d = await openDialog(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Title').value).to.equal('My invoice shows the wrong VAT number');
  });

  it('keeps typed input per chat, and saving the request drops it', async () => {
    const { el, service, backend, id } = await openChat();
    let d = await openDialog(el);
    byRole(d, 'textbox', 'Extra text (optional)').focus();
    await sendKeys({ type: 'Only for this chat' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    // Another chat: its own pre-filled form.
    const other = backend.script.customerArrives({ channelId: 'support', name: 'Tom', text: 'Where is my parcel?' });
    await service.answer(other);
    service.selectSession(other);
    await settle(el);
    d = await openDialog(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Title').value).to.equal('Where is my parcel?');
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Extra text (optional)').value).to.equal('');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    service.selectSession(id);
    await settle(el);
    d = await openDialog(el);
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Extra text (optional)').value).to.equal('Only for this chat');
    byRole(d, 'button', 'Save request').click();
    await waitUntil(() => !queryByRole(el, 'dialog', 'Create request'), 'the dialog to close');
    await settle(el);
    d = await openDialog(el);
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Extra text (optional)').value).to.equal('');
    expect(queryByRole(d, 'button', 'Discard changes')).to.equal(null);
  });
  it('saving with a click that leaves focus in the title (button.click(), Safari/Firefox on macOS) drops the typed input: it opens again pre-filled, without "Discard changes"', async () => {
    const { el, backend, id } = await openChat();
    let d = await openDialog(el);
    const title = byRole<HTMLInputElement>(d, 'textbox', 'Title');
    title.focus();
    title.setSelectionRange(title.value.length, title.value.length);
    await sendKeys({ type: ' (order 4521)' });
    expect(deepActiveElement() === title).to.equal(true);
    byRole(d, 'button', 'Save request').click();
    await waitUntil(() => !queryByRole(el, 'dialog', 'Create request'), 'the dialog to close');
    await settle(el);
    expect(backend.inspect.requests().filter((r) => r.sessionId === id).map((r) => r.title)).to.deep.equal([
      'My invoice shows the wrong VAT number (order 4521)',
    ]);
    d = await openDialog(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Title').value).to.equal('My invoice shows the wrong VAT number');
    expect(queryByRole(d, 'button', 'Discard changes')).to.equal(null);
  });
});
