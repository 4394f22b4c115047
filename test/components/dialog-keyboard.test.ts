/**
 * The modal dialogs with the keyboard alone: Tab and Shift+Tab go round inside the dialog (never
 * to the browser's own controls or the page's body), and after a dialog's submit button focus
 * lands on a sensible control (the opener, what replaced it, or the composer), never `<body>`.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import { MemoryAlertPreferences } from '../../src/service/alert-preferences.js';
import { ChatService } from '../../src/service/chat-service.js';
import { allByRole, byRole, deepActiveElement, mount, openConversation, queryByRole, settle, setup, waitUntil } from '../helpers.js';

/** `<tag#id> name` of an element, for failure messages. */
function describeEl(e: Element | null): string {
  if (!e) return 'nothing';
  const name = e.getAttribute('aria-label') ?? e.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
  return `<${e.localName}${e.id ? `#${e.id}` : ''}> ${name}`;
}

/**
 * Press `key` (Tab or Shift+Tab) until focus is back where it started: every step stays inside
 * `dialog`, and it does come back (it goes round). Returns how many steps one round took.
 */
async function expectTabGoesRound(dialog: HTMLDialogElement, key: 'Tab' | 'Shift+Tab'): Promise<number> {
  const start = deepActiveElement();
  expect(start && dialog.contains(start), `focus starts in the dialog (on ${describeEl(start)})`).to.equal(true);
  for (let step = 1; step <= 40; step++) {
    if (key === 'Tab') await sendKeys({ press: 'Tab' });
    else {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    }
    const active = deepActiveElement();
    expect(active !== null && dialog.contains(active), `${key} number ${step} left the dialog: focus on ${describeEl(active)}`).to.equal(true);
    if (active === start) return step;
  }
  throw new Error(`${key} never came back to ${describeEl(start)}`);
}

/** Both directions go round, through the same number of stops. */
async function expectTabTrapped(dialog: HTMLDialogElement): Promise<void> {
  const forward = await expectTabGoesRound(dialog, 'Tab');
  const backward = await expectTabGoesRound(dialog, 'Shift+Tab');
  expect(backward, 'Shift+Tab stops as often as Tab').to.equal(forward);
  expect(forward, 'the dialog has more than one stop').to.be.greaterThan(1);
}

/** Open a conversation dialog from its button with the keyboard (focus, Enter). */
async function openWithKeyboard(
  el: Element,
  button: string,
  dialogName: string | RegExp,
  role: 'dialog' | 'alertdialog' = 'dialog',
): Promise<{ opener: HTMLElement; dialog: HTMLDialogElement }> {
  const opener = byRole(el, 'button', button);
  opener.focus();
  await sendKeys({ press: 'Enter' });
  const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, role, dialogName), `the ${button} dialog`);
  await settle(el);
  return { opener, dialog };
}

/** A conversation whose customer wrote last, so "End chat" asks first. */
async function unansweredConversation() {
  const opened = await openConversation();
  opened.backend.script.customerWrites(opened.id, 'Are you still there?');
  await waitUntil(() => opened.service.state.sessions[opened.id]?.unreadCount === 0 && opened.service.state.histories[opened.id]?.items.length, 'the line');
  await settle(opened.el);
  return opened;
}

/** The listen-in dialog of a dashboard on another agent's support chat. */
async function listenInDialog() {
  const s = await setup();
  const service = new ChatService({ backend: s.backend, clock: s.clock, alertStorage: new MemoryAlertPreferences() });
  await service.ready;
  s.service.dispose();
  const id = s.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
  s.backend.script.agentAnswers('a2', id);
  const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
  const opened = await openWithKeyboard(el, 'Listen in', 'Listening in: Mira Okafor');
  return { el, service, ...opened };
}

describe('Tab and Shift+Tab stay inside every modal dialog', () => {
  it('the Insert picker: Tab past the last button comes back to the first control, Shift+Tab the other way', async () => {
    const { el } = await openConversation();
    const { dialog } = await openWithKeyboard(el, 'Insert', 'Insert');
    await waitUntil(() => allByRole(dialog, 'option').length > 0, 'the options');
    await expectTabTrapped(dialog);
    await sendKeys({ press: 'Escape' });
  });

  it('the Create quick reply dialog opened from the picker', async () => {
    const { el } = await openConversation();
    const { dialog: picker } = await openWithKeyboard(el, 'Insert', 'Insert');
    await waitUntil(() => allByRole(picker, 'option').length > 0, 'the options');
    byRole(picker, 'button', 'Create quick reply').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create quick reply'), 'the quick reply dialog');
    await settle(el);
    await expectTabTrapped(dialog);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    await sendKeys({ press: 'Escape' });
  });

  it('the Transfer dialog (with its radio group of agents)', async () => {
    const { el } = await openConversation();
    const { dialog } = await openWithKeyboard(el, 'Transfer', 'Transfer chat');
    await expectTabTrapped(dialog);
    // With an agent chosen the submit button is live too: still round.
    byRole(dialog, 'radio', /Sanne Bakker/).click();
    await settle(el);
    byRole(dialog, 'radio', /Sanne Bakker/).focus();
    await expectTabTrapped(dialog);
    await sendKeys({ press: 'Escape' });
  });

  it('the End chat confirmation', async () => {
    const { el } = await unansweredConversation();
    const { dialog } = await openWithKeyboard(el, 'End chat', 'End this chat?', 'alertdialog');
    await expectTabTrapped(dialog);
    await sendKeys({ press: 'Escape' });
  });

  it('the Create request form', async () => {
    const { el } = await openConversation();
    const { dialog } = await openWithKeyboard(el, 'Create request', 'Create request');
    await expectTabTrapped(dialog);
    await sendKeys({ press: 'Escape' });
  });

  it('the Listen in view of the dashboard', async () => {
    const { dialog, service } = await listenInDialog();
    await expectTabTrapped(dialog);
    await sendKeys({ press: 'Escape' });
    service.dispose();
  });
});

describe('focus after a dialog is submitted', () => {
  /** Focus is on `target`, not on the page's body. */
  function expectFocusOn(target: Element | null, what: string): void {
    const active = deepActiveElement();
    expect(active !== document.body && active !== null, `focus fell to ${describeEl(active)}`).to.equal(true);
    expect(active === target, `focus is on ${describeEl(active)}, expected ${what} ${describeEl(target)}`).to.equal(true);
  }

  it('Transfer chat: focus goes to the composer ("Transfer" is gone while the transfer is pending)', async () => {
    const { el, service, id } = await openConversation();
    const { dialog } = await openWithKeyboard(el, 'Transfer', 'Transfer chat');
    byRole(dialog, 'radio', /Sanne Bakker/).click();
    await settle(el);
    byRole(dialog, 'button', 'Transfer chat').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => service.state.sessions[id]?.transferTo, 'the pending transfer');
    await waitUntil(() => !queryByRole(el, 'dialog', 'Transfer chat'), 'the dialog closed');
    await settle(el);
    expect(queryByRole(el, 'button', 'Transfer')).to.equal(null);
    expectFocusOn(byRole(el, 'textbox', 'Message'), 'the composer');
  });

  it('End chat now: focus goes to the note that says the chat ended', async () => {
    const { el, service, id } = await unansweredConversation();
    const { dialog } = await openWithKeyboard(el, 'End chat', 'End this chat?', 'alertdialog');
    byRole(dialog, 'button', 'End chat now').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => service.state.sessions[id]?.status === 'ended', 'the chat ended');
    await settle(el);
    expect(queryByRole(el, 'dialog')).to.equal(null);
    expectFocusOn(byRole(el, 'note'), 'the read-only note');
  });

  it('Create request: focus goes to the composer with the request number in it', async () => {
    const { el } = await openConversation();
    const { dialog } = await openWithKeyboard(el, 'Create request', 'Create request');
    byRole(dialog, 'button', 'Save request').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !queryByRole(el, 'dialog', 'Create request'), 'the dialog closed');
    await settle(el);
    const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    expect(composer.value).to.match(/^I have created request \S+ for you\.$/);
    expectFocusOn(composer, 'the composer');
  });

  it('Insert text: focus goes to the composer with the caret after the inserted text', async () => {
    const { el } = await openConversation();
    const { dialog } = await openWithKeyboard(el, 'Insert', 'Insert');
    await waitUntil(() => allByRole(dialog, 'option').length > 0, 'the options');
    byRole(dialog, 'button', 'Insert text').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !queryByRole(el, 'dialog', 'Insert'), 'the picker closed');
    await settle(el);
    const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    expect(composer.value).to.not.equal('');
    expectFocusOn(composer, 'the composer');
    expect(composer.selectionStart).to.equal(composer.value.length);
  });
});
