import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { ChatService } from '../../src/service/chat-service.js';
import {
  type Setup,
  allByRole,
  byRole,
  deepActiveElement,
  deepAll,
  deepQuery,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

/** Two agents on one demo backend: Anna (a1) handles a chat; Sanne (a2) is a present colleague. */
interface TwoAgents extends Setup {
  id: string;
  service2: ChatService;
  conversation1: ChatConversation;
  conversation2: ChatConversation;
  list1: HTMLElement;
  list2: HTMLElement;
}

async function twoAgents(): Promise<TwoAgents> {
  const s = await setup();
  const service2 = new ChatService({ backend: s.backend.forAgent('a2'), clock: s.clock });
  await service2.ready;
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
  await s.service.answer(id);
  const screen1 = await mount<HTMLElement>(
    s.service,
    html`<div><chat-session-list></chat-session-list><chat-conversation session-id=${id}></chat-conversation></div>`,
  );
  const screen2 = await mount<HTMLElement>(
    service2,
    html`<div><chat-session-list></chat-session-list><chat-conversation session-id=${id}></chat-conversation></div>`,
  );
  await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
  await settle(screen1);
  return {
    ...s,
    id,
    service2,
    conversation1: screen1.querySelector('chat-conversation') as ChatConversation,
    conversation2: screen2.querySelector('chat-conversation') as ChatConversation,
    list1: screen1.querySelector('chat-session-list') as HTMLElement,
    list2: screen2.querySelector('chat-session-list') as HTMLElement,
  };
}

function marker(list: Element, sessionId: string): HTMLElement | null {
  const row = deepQuery(list, `[role="option"][data-id="${sessionId}"]`);
  return row ? (deepQuery(row, '.transfer') as HTMLElement | null) : null;
}

function dialog(el: Element): HTMLDialogElement {
  return byRole<HTMLDialogElement>(el, 'dialog', 'Transfer chat');
}

/** Open the Transfer dialog with a click on "Transfer"; the dialog once rendered. */
async function openTransfer(el: ChatConversation): Promise<HTMLDialogElement> {
  byRole(el, 'button', 'Transfer').click();
  await waitUntil(() => queryByRole(el, 'dialog', 'Transfer chat'), 'the transfer dialog');
  await settle(el);
  return dialog(el);
}

/** Open the Transfer dialog with the keyboard, choose `agentName`, type a note and submit. */
async function transferTo(el: ChatConversation, agentName: string, note = ''): Promise<void> {
  const button = byRole(el, 'button', 'Transfer');
  button.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => queryByRole(el, 'dialog', 'Transfer chat'), 'the transfer dialog');
  await settle(el);
  byRole(dialog(el), 'radio', new RegExp(agentName)).click();
  await settle(el);
  if (note) {
    byRole(dialog(el), 'textbox', 'Note (optional)').focus();
    await sendKeys({ type: note });
  }
  byRole(dialog(el), 'button', 'Transfer chat').click();
  await settle(el);
}

/** Assert that `target` has focus (compared by identity: a failed DOM-element equality is slow to print). */
function expectFocusOn(target: Element): void {
  const active = deepActiveElement();
  const describe = (e: Element | null) => (e ? `<${e.localName}${e.id ? `#${e.id}` : ''}> ${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? ''}` : 'nothing');
  expect(active === target, `focus is on ${describe(active)}, expected ${describe(target)}`).to.equal(true);
}

describe('<chat-conversation> transfer', () => {
  it('lists only present agents with a right on the chat channel, with their chat counts', async () => {
    const t = await twoAgents();
    // Tom (a3) is present but has no right on "sales"; Priya (a4) and Emily (a6) are away.
    const other = t.backend.script.customerArrives({ channelId: 'sales', name: 'Jon Berg', text: 'Hello' });
    t.backend.script.agentAnswers('a2', other);
    await settle(t.conversation1);
    byRole(t.conversation1, 'button', 'Transfer').click();
    await waitUntil(() => queryByRole(t.conversation1, 'dialog', 'Transfer chat'), 'the transfer dialog');
    await settle(t.conversation1);
    const radios = allByRole(dialog(t.conversation1), 'radio');
    expect(radios.length).to.equal(1);
    expect(deepText(radios[0]!.closest('label')!)).to.equal('Sanne Bakker 1 chat');
    await expect(t.conversation1).to.be.accessible();
  });

  it('traps focus, closes with Escape and returns focus to the Transfer button', async () => {
    const t = await twoAgents();
    const button = byRole(t.conversation1, 'button', 'Transfer');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const d = await waitUntil(() => queryByRole<HTMLDialogElement>(t.conversation1, 'dialog', 'Transfer chat'), 'dialog');
    expect(d.open).to.equal(true);
    expect(d.matches(':modal')).to.equal(true);
    // Tab cycles through the dialog's controls (and the browser's own UI), never the page behind.
    const inside = new Set<Element>();
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      if (active && active !== document.body) {
        expect(d.contains(active), `focus on ${active.outerHTML.slice(0, 60)}`).to.equal(true);
        inside.add(active);
      }
    }
    expect(inside.size).to.be.at.least(3);
    await sendKeys({ press: 'Escape' });
    await settle(t.conversation1);
    expect(queryByRole(t.conversation1, 'dialog', 'Transfer chat')).to.equal(null);
    expectFocusOn(button);
    expect(t.service.state.sessions[t.id]!.transferTo).to.equal(undefined);
  });

  it('keeps the colleague chosen and the note typed when Escape or Cancel closes the dialog; "Discard changes" clears them', async () => {
    const t = await twoAgents();
    const el = t.conversation1;
    const open = () => openTransfer(el);
    let d = await open();
    byRole(d, 'radio', /Sanne Bakker/).click();
    byRole(d, 'textbox', 'Note (optional)').focus();
    await sendKeys({ type: 'Knows the order' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    d = await open();
    expect(byRole<HTMLInputElement>(d, 'radio', /Sanne Bakker/).checked).to.equal(true);
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Note (optional)').value).to.equal('Knows the order');
    byRole(d, 'button', 'Cancel').click();
    await settle(el);
    d = await open();
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Note (optional)').value).to.equal('Knows the order');
    byRole(d, 'button', 'Discard changes').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(d, 'radio', /Sanne Bakker/).checked).to.equal(false);
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Note (optional)').value).to.equal('');
    expect(t.service.formDraft(t.id, 'transfer', { target: '', note: '' }).changed).to.equal(false);
  });

  it('transferring with a click that leaves focus in the note (button.click(), Safari/Firefox on macOS) drops the note: after a cancel it opens again empty, without "Discard changes"', async () => {
    const t = await twoAgents();
    const el = t.conversation1;
    const open = () => openTransfer(el);
    let d = await open();
    byRole(d, 'radio', /Sanne Bakker/).click();
    const note = byRole<HTMLTextAreaElement>(d, 'textbox', 'Note (optional)');
    note.focus();
    await sendKeys({ type: 'Knows the order' });
    await settle(el);
    expect(deepActiveElement() === note).to.equal(true);
    byRole(d, 'button', 'Transfer chat').click();
    await waitUntil(() => t.service2.state.sessions[t.id]?.transferTo, 'the transfer at a2');
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Transfer chat')).to.equal(null);
    byRole(el, 'button', 'Cancel transfer').click();
    await waitUntil(() => !t.service.state.sessions[t.id]?.transferTo, 'the transfer to be cancelled');
    await settle(el);
    d = await open();
    expect(byRole<HTMLInputElement>(d, 'radio', /Sanne Bakker/).checked).to.equal(false);
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Note (optional)').value).to.equal('');
    expect(queryByRole(d, 'button', 'Discard changes')).to.equal(null);
  });

  it('accept: both lists show the marker while pending, then the chat is the receiver’s and the sender’s view turns read-only', async () => {
    const t = await twoAgents();
    await transferTo(t.conversation1, 'Sanne Bakker', 'Knows the order');
    await waitUntil(() => t.service2.state.sessions[t.id]?.transferTo, 'the transfer at a2');
    await settle(t.list1);
    await settle(t.list2);
    expect(marker(t.list1, t.id)?.classList.contains('from-me')).to.equal(true);
    expect(marker(t.list2, t.id)?.classList.contains('to-me')).to.equal(true);
    expect(queryByRole(t.conversation1, 'dialog')).to.equal(null);
    expect(queryByRole(t.conversation1, 'button', 'Cancel transfer')).to.exist;
    await settle(t.conversation2);
    expect(deepText(byRole(t.conversation2, 'group', 'Anna de Vries wants to transfer this chat to you'))).to.contain('Knows the order');

    byRole(t.conversation2, 'button', 'Accept transfer').click();
    await waitUntil(() => t.service.state.sessions[t.id]?.agentId === 'a2', 'the chat to be a2’s');
    await settle(t.conversation1);
    await settle(t.conversation2);
    await settle(t.list1);
    await settle(t.list2);
    expect(marker(t.list1, t.id)).to.equal(null);
    expect(marker(t.list2, t.id)).to.equal(null);
    expect(queryByRole(t.conversation1, 'textbox', 'Message')).to.equal(null);
    expect(queryByRole(t.conversation1, 'button', 'Transfer')).to.equal(null);
    expect(queryByRole(t.conversation1, 'button', 'End chat')).to.equal(null);
    expect(deepText(t.conversation1)).to.contain('Sanne Bakker is handling this chat. You can read along.');
    expect(queryByRole(t.conversation2, 'textbox', 'Message')).to.exist;
    const lines = deepAll(t.conversation1, '.row.system').map((r) => deepText(r));
    expect(lines.some((l) => l.includes('Transfer to Sanne Bakker requested'))).to.equal(true);
    expect(lines.some((l) => l.includes('Chat transferred to Sanne Bakker'))).to.equal(true);
  });

  it('reject: the marker goes from both lists and the sender carries on', async () => {
    const t = await twoAgents();
    await transferTo(t.conversation1, 'Sanne Bakker');
    await waitUntil(() => t.service2.state.sessions[t.id]?.transferTo, 'the transfer at a2');
    await settle(t.conversation2);
    byRole(t.conversation2, 'button', 'Reject transfer').click();
    await waitUntil(() => !t.service.state.sessions[t.id]?.transferTo, 'the transfer to be gone');
    await settle(t.list1);
    await settle(t.list2);
    await settle(t.conversation1);
    expect(marker(t.list1, t.id)).to.equal(null);
    expect(marker(t.list2, t.id)).to.equal(null);
    expect(t.service.state.sessions[t.id]!.agentId).to.equal('a1');
    expect(queryByRole(t.conversation1, 'textbox', 'Message')).to.exist;
    expect(queryByRole(t.conversation1, 'button', 'Transfer')).to.exist;
    expect(deepAll(t.conversation1, '.row.system').some((r) => deepText(r).includes('Sanne Bakker rejected the transfer'))).to.equal(true);
  });

  it('cancel: the sender cancels, the marker goes from both lists and the receiver sees no offer', async () => {
    const t = await twoAgents();
    await transferTo(t.conversation1, 'Sanne Bakker');
    await waitUntil(() => t.service2.state.sessions[t.id]?.transferTo, 'the transfer at a2');
    await settle(t.conversation1);
    byRole(t.conversation1, 'button', 'Cancel transfer').click();
    await waitUntil(() => !t.service2.state.sessions[t.id]?.transferTo, 'the transfer to be cancelled at a2');
    await settle(t.list1);
    await settle(t.list2);
    await settle(t.conversation1);
    await settle(t.conversation2);
    expect(marker(t.list1, t.id)).to.equal(null);
    expect(marker(t.list2, t.id)).to.equal(null);
    expect(queryByRole(t.conversation2, 'button', 'Accept transfer')).to.equal(null);
    expect(queryByRole(t.conversation1, 'textbox', 'Message')).to.exist;
    expect(deepAll(t.conversation1, '.row.system').some((r) => deepText(r).includes('Transfer to Sanne Bakker cancelled'))).to.equal(true);
  });

  it('a kept colleague who went away since: the dialog says so (tied to the off "Transfer chat") and keeps the note; choosing another colleague turns it on', async () => {
    const t = await twoAgents();
    const el = t.conversation1;
    t.backend.script.setPresence('a6', 'present'); // Emily Carter: a right on "sales"
    const open = () => openTransfer(el);
    let d = await open();
    byRole(d, 'radio', /Sanne Bakker/).click();
    byRole(d, 'textbox', 'Note (optional)').focus();
    await sendKeys({ type: 'Knows the order' });
    byRole(d, 'button', 'Cancel').click();
    await settle(el);
    await t.service2.setPresence('away');
    await waitUntil(() => t.service.state.agents['a2']?.presence === 'away', 'a2 away at a1');
    d = await open();
    expect(queryByRole(d, 'radio', /Sanne Bakker/)).to.equal(null);
    const note = await waitUntil(() => deepQuery(d, '#transfer-gone'), 'the note about the kept colleague');
    expect(deepText(note)).to.contain('Sanne Bakker can no longer take this chat. Choose another colleague.');
    const submit = byRole<HTMLButtonElement>(d, 'button', 'Transfer chat');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(submit.getAttribute('aria-describedby')).to.equal('transfer-gone');
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Note (optional)').value).to.equal('Knows the order');
    await expect(el).to.be.accessible();
    byRole(d, 'radio', /Emily Carter/).click();
    await settle(el);
    expect(deepQuery(d, '#transfer-gone')).to.equal(null);
    expect(submit.hasAttribute('aria-disabled')).to.equal(false);
  });

  it('drops a colleague who goes away from the open dialog', async () => {
    const t = await twoAgents();
    byRole(t.conversation1, 'button', 'Transfer').click();
    await waitUntil(() => queryByRole(t.conversation1, 'dialog', 'Transfer chat'), 'dialog');
    await settle(t.conversation1);
    byRole(dialog(t.conversation1), 'radio', /Sanne Bakker/).click();
    await settle(t.conversation1);
    await t.service2.setPresence('away');
    await waitUntil(() => t.service.state.agents['a2']?.presence === 'away', 'a2 away at a1');
    await settle(t.conversation1);
    expect(queryByRole(dialog(t.conversation1), 'radio', /Sanne Bakker/)).to.equal(null);
    expect(deepText(dialog(t.conversation1))).to.contain('No colleague of this channel is present right now.');
    expect(byRole<HTMLButtonElement>(dialog(t.conversation1), 'button', 'Transfer chat').getAttribute('aria-disabled') === 'true').to.equal(true);
  });
});
