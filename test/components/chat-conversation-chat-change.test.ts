import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { allByRole, byRole, openConversation, queryByRole, settle, waitUntil } from '../helpers.js';

/** Two answered chats, A ("Where is my order?") shown, B answered beside it. */
async function twoChats() {
  const s = await openConversation({}, { name: 'Mira Okafor', text: 'Where is my order?' });
  const other = s.backend.script.customerArrives({ channelId: 'sales', name: 'Jon Berg', text: 'Hello' });
  await s.service.answer(other);
  s.service.selectSession(s.id);
  await settle(s.el);
  return { ...s, other };
}

const composer = (el: Element) => byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');

describe('<chat-conversation> dialogs when the chat shown changes', () => {
  it('the "/" Insert picker closes as cancelled for the first chat: its draft gets "/" and the search text, nothing goes into the other chat', async () => {
    const { el, service, id, other } = await twoChats();
    composer(el).focus();
    await sendKeys({ type: '/' });
    const picker = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Insert'), 'the picker');
    await waitUntil(() => allByRole(picker, 'option').length > 0, 'options');
    await sendKeys({ type: 'order' });
    await settle(el);
    expect(byRole(picker, 'button', 'All').getAttribute('aria-pressed')).to.equal('true');
    expect(composer(el).value).to.equal('/');

    service.selectSession(other);
    await settle(el);
    await waitUntil(() => !queryByRole(el, 'dialog', 'Insert'), 'the picker closed');
    await sendKeys({ press: 'Enter' });
    await settle(el);

    expect(queryByRole(el, 'dialog', 'Insert')).to.equal(null);
    expect(service.state.drafts[other] ?? '').to.equal('');
    expect(composer(el).value).to.equal('');
    expect(service.state.drafts[id]).to.equal('/order');
    service.selectSession(id);
    await settle(el);
    expect(composer(el).value).to.equal('/order');
  });

  it('the Insert picker opened by its button closes and inserts nothing into the other chat', async () => {
    const { el, service, other } = await twoChats();
    byRole(el, 'button', 'Insert').click();
    const picker = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Insert'), 'the picker');
    await waitUntil(() => allByRole(picker, 'option').length > 0, 'options');
    service.selectSession(other);
    await settle(el);
    await waitUntil(() => !queryByRole(el, 'dialog', 'Insert'), 'the picker closed');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(service.state.drafts[other] ?? '').to.equal('');
  });

  it('Transfer, Create request and End chat close when another chat is shown', async () => {
    const { el, service, id, other } = await twoChats();
    for (const [button, name] of [
      ['Transfer', 'Transfer chat'],
      ['Create request', 'Create request'],
    ] as const) {
      service.selectSession(id);
      await settle(el);
      byRole(el, 'button', button).click();
      await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', name), name);
      service.selectSession(other);
      await settle(el);
      await waitUntil(() => !queryByRole(el, 'dialog', name), `${name} closed`);
    }
    // End chat asks first: the composer holds a reply not sent.
    service.selectSession(id);
    await settle(el);
    composer(el).focus();
    await sendKeys({ type: 'Almost done' });
    await settle(el);
    byRole(el, 'button', 'End chat').click();
    await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'End this chat?');
    service.selectSession(other);
    await settle(el);
    await waitUntil(() => !queryByRole(el, 'alertdialog', 'End this chat?'), 'End this chat? closed');
    expect(service.state.sessions[id]?.endedAt).to.equal(undefined);
    expect(service.state.drafts[id]).to.equal('Almost done');
  });
});
