import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { conversationParts, historyPart } from '../../src/components/chat-conversation/parts.js';
import { warningAlertsLoader } from '../../src/components/chat-dashboard/alert-options.js';
import { type ChatDashboard, dashboardParts } from '../../src/components/chat-dashboard/chat-dashboard.js';
import { type ChatPersonPanel, personPanelParts } from '../../src/components/chat-person-panel/chat-person-panel.js';
import { byRole, deepActiveElement, deepQuery, deepText, mount, queryByRole, settle, setup, waitUntil, openConversation, earlierLinkedChat } from '../helpers.js';

// Each test file runs in its own page: nothing here has loaded the lazy parts before these tests.

type PartName = keyof typeof conversationParts;
const realParts = { ...conversationParts };
const loads: Record<PartName, number> = { transfer: 0, picker: 0, request: 0, endChat: 0, uploads: 0 };

/** Count each part's loads; `fail` makes those parts' chunks fail as a lost connection would. */
function instrument(fail: readonly PartName[] = []): void {
  for (const name of Object.keys(realParts) as PartName[]) {
    loads[name] = 0;
    (conversationParts as Record<PartName, () => Promise<unknown>>)[name] = () => {
      loads[name]++;
      return fail.includes(name)
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : realParts[name]();
    };
  }
}

const openChat = () => openConversation();

describe('<chat-conversation> loads its dialogs on demand', () => {
  afterEach(() => Object.assign(conversationParts, realParts));

  it('renders without loading any dialog or the upload list; pointing at Transfer starts loading it; the first click opens it with focus inside', async () => {
    instrument();
    const { el } = await openChat();
    expect(loads).to.deep.equal({ transfer: 0, picker: 0, request: 0, endChat: 0, uploads: 0 });
    expect(deepQuery(el, 'dialog')).to.equal(null);
    const transfer = byRole(el, 'button', 'Transfer');
    transfer.dispatchEvent(new PointerEvent('pointerenter'));
    expect(loads.transfer).to.equal(1);
    expect(deepQuery(el, 'dialog')).to.equal(null);
    transfer.click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Transfer chat'), 'the transfer dialog');
    await settle(el);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.contains(deepActiveElement())).to.equal(true);
    expect(loads.transfer, 'loaded once').to.equal(1);
    // The part brought its styles into the conversation's shadow root.
    expect(getComputedStyle(dialog).width).to.equal('440px');
    expect(getComputedStyle(deepQuery(dialog, '.target')!).display).to.equal('flex');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog')).to.equal(null);
    expect(deepActiveElement() === transfer).to.equal(true);
    expect(loads.picker + loads.request + loads.endChat + loads.uploads).to.equal(0);
  });

  it('with the keyboard alone: focusing Insert starts loading the picker, Enter opens it with focus in the search, Escape returns focus', async () => {
    instrument();
    const { el } = await openChat();
    const insert = byRole(el, 'button', 'Insert');
    insert.focus();
    expect(loads.picker).to.equal(1);
    await sendKeys({ press: 'Enter' });
    const picker = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Insert'), 'the Insert picker');
    await settle(el);
    expect(deepActiveElement() === byRole(picker, 'combobox', 'Search texts')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog')).to.equal(null);
    expect(deepActiveElement() === insert).to.equal(true);
  });

  it('"/" typed at the start of the composer loads and opens the Insert picker on all sources', async () => {
    instrument();
    const { el } = await openChat();
    byRole(el, 'textbox', 'Message').focus();
    expect(loads.picker).to.equal(0);
    await sendKeys({ type: '/' });
    const picker = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Insert'), 'the Insert picker');
    await settle(el);
    expect(loads.picker).to.equal(1);
    expect(byRole(picker, 'button', 'All').getAttribute('aria-pressed')).to.equal('true');
  });

  it('shows a notice instead of nothing when a dialog cannot be loaded, and opens it once it can', async () => {
    instrument(['request']);
    const { el } = await openChat();
    const create = byRole(el, 'button', 'Create request');
    create.click();
    const notice = await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(deepText(notice)).to.contain('This part of the chat screen could not be loaded. Check your connection and try again.');
    expect(queryByRole(el, 'dialog')).to.equal(null);
    await expect(el).to.be.accessible();
    // "Try again" while still offline: the notice stays; Dismiss hides it.
    const before = loads.request;
    byRole(notice as HTMLElement, 'button', 'Try again').click();
    await waitUntil(() => loads.request === before + 1, 'a second load');
    await settle(el);
    const again = await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the notice after a failed retry');
    byRole(again as HTMLElement, 'button', 'Dismiss').click();
    await settle(el);
    expect(deepQuery(el, '.load-failure')).to.equal(null);

    // The connection is back: the next click loads the dialog and opens it.
    conversationParts.request = realParts.request;
    create.click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create request'), 'the request dialog');
    await settle(el);
    expect(dialog.contains(deepActiveElement())).to.equal(true);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
  });

  it('"Try again" that loads the dialog opens the one the agent asked for, with focus returning to its opener (keyboard only)', async () => {
    instrument(['transfer']);
    const { el } = await openChat();
    const transfer = byRole(el, 'button', 'Transfer');
    transfer.focus();
    await sendKeys({ press: 'Enter' });
    const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(queryByRole(el, 'dialog')).to.equal(null);

    // The connection is back: "Try again" loads it and opens the Transfer dialog.
    conversationParts.transfer = realParts.transfer;
    byRole(notice, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Transfer chat'), 'the transfer dialog');
    await settle(el);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.contains(deepActiveElement()), 'focus in the dialog').to.equal(true);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog')).to.equal(null);
    expect(deepActiveElement() === transfer, 'focus back on Transfer').to.equal(true);
  });

  for (const [part, button, dialogName] of [
    ['picker', 'Insert', 'Insert'],
    ['request', 'Create request', 'Create request'],
  ] as const) {
    it(`"Try again" (keyboard only) opens the ${dialogName} dialog that failed to load, with focus inside it; Escape returns focus to "${button}"`, async () => {
      instrument([part]);
      const { el } = await openChat();
      const opener = byRole(el, 'button', button);
      opener.focus();
      await sendKeys({ press: 'Enter' });
      const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
      instrument(); // the connection is back
      byRole(notice, 'button', 'Try again').focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', dialogName), 'the dialog');
      await waitUntil(() => dialog.contains(deepActiveElement()), 'focus in the dialog');
      expect(dialog.matches(':modal')).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(deepActiveElement() === opener, `focus back on ${button}`).to.equal(true);
    });
  }

  it('"Try again" opens the End-chat confirmation the agent asked for; only the last request opens when two dialogs failed', async () => {
    instrument(['endChat', 'request']);
    const { el, backend, id } = await openChat();
    backend.script.customerWrites(id, 'Are you still there?');
    await settle(el);
    byRole(el, 'button', 'Create request').click();
    await waitUntil(() => loads.request === 1 && deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    const end = byRole(el, 'button', 'End chat');
    end.click();
    await waitUntil(() => loads.endChat === 1, 'the end-chat dialog requested');
    await settle(el);

    instrument();
    byRole(deepQuery<HTMLElement>(el, '.load-failure[role="alert"]')!, 'button', 'Try again').click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'alertdialog', 'End this chat?'), 'the end-chat confirmation');
    await settle(el);
    expect(dialog.contains(deepActiveElement()), 'focus in the confirmation').to.equal(true);
    expect(queryByRole(el, 'dialog', 'Create request'), 'not the earlier request as well').to.equal(null);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(deepActiveElement() === end, 'focus back on End chat').to.equal(true);
  });

  it('"Try again" after another chat was shown opens nothing for the chat left; focus goes to the composer', async () => {
    instrument(['transfer']);
    const { el, backend, service } = await openChat();
    byRole(el, 'button', 'Transfer').click();
    await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    const other = backend.script.customerArrives({ channelId: 'sales', name: 'Tom Berg', text: 'Hello?' });
    await service.answer(other);
    service.selectSession(other);
    await settle(el);
    conversationParts.transfer = realParts.transfer;
    byRole(deepQuery<HTMLElement>(el, '.load-failure[role="alert"]')!, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !deepQuery(el, '.load-failure'), 'the notice gone');
    await settle(el);
    expect(queryByRole(el, 'dialog'), 'no transfer dialog for the other chat').to.equal(null);
    expect(deepActiveElement() === byRole(el, 'textbox', 'Message'), 'focus on the composer').to.equal(true);
    expect(service.state.selectedSessionId).to.equal(other);
  });

  it('a dialog closed and at once opened again stays open (the first close event is stale)', async () => {
    instrument();
    const { el } = await openChat();
    const create = byRole(el, 'button', 'Create request');
    create.click();
    const first = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create request'), 'the request dialog');
    await settle(el);
    byRole(first, 'button', 'Cancel').click();
    create.click();
    await settle(el);
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create request'), 'the request dialog again');
    expect(dialog.open).to.equal(true);
    expect(dialog.contains(deepActiveElement())).to.equal(true);
  });

  it('the upload list loads with the first file; a file refused while it loads is shown once it is there', async () => {
    instrument();
    const { el } = await openChat();
    const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([], 'empty.txt', { type: 'text/plain' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    // The list's chunk is requested with the first file and shows the refusal when it has arrived.
    expect(loads.uploads).to.equal(1);
    const item = await waitUntil(() => deepQuery(el, '.upload.refused'), 'the refused file');
    expect(deepText(item)).to.contain('The file is empty');
    expect(getComputedStyle(deepQuery(el, 'ul.uploads')!).listStyleType).to.equal('none');
  });
});

describe('<chat-dashboard> loads the warning alerts only when one is turned on', () => {
  const realLoad = warningAlertsLoader.load;
  let count = 0;
  afterEach(() => (warningAlertsLoader.load = realLoad));

  it('does not load them while every alert is off; turning one on loads them, and a failed load shows a notice', async () => {
    warningAlertsLoader.load = () => {
      count++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    const { service } = await setup();
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    await settle(el);
    expect(count).to.equal(0);
    byRole<HTMLInputElement>(byRole(el, 'group', 'Alerts'), 'checkbox', 'Count in page title').click();
    const notice = await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(count).to.equal(1);
    expect(deepText(notice)).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
  });

  it('"Try again" that loads them (keyboard only) leaves focus on the alert that was turned on, not on the page', async () => {
    let fail = true;
    warningAlertsLoader.load = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad());
    const { service } = await setup();
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const titleCount = byRole<HTMLInputElement>(byRole(el, 'group', 'Alerts'), 'checkbox', 'Count in page title');
    titleCount.focus();
    await sendKeys({ press: 'Space' });
    const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    fail = false;
    byRole(notice, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !deepQuery(el, '.load-failure'), 'the notice gone');
    await settle(el);
    expect(deepActiveElement() === titleCount, 'focus on "Count in page title"').to.equal(true);
  });
});

describe('<chat-person-panel> loads its forms and the transcript view on demand', () => {
  const realLoad = personPanelParts.load;
  let count = 0;
  afterEach(() => (personPanelParts.load = realLoad));

  async function panel() {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hello', name: 'Mira van der Berg', email: 'mira@example.org' });
    await s.service.answer(id);
    const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
    await waitUntil(() => s.service.state.personContexts[id]?.status === 'ready', 'person context');
    await settle(el);
    return el;
  }

  it('renders without them; focusing "Create person" starts loading; Enter opens the form with focus in First name', async () => {
    count = 0;
    personPanelParts.load = () => {
      count++;
      return realLoad();
    };
    const el = await panel();
    expect(count).to.equal(0);
    expect(deepQuery(el, 'form')).to.equal(null);
    const create = byRole(el, 'button', 'Create person');
    create.focus();
    expect(count).to.equal(1);
    await sendKeys({ press: 'Enter' });
    const first = await waitUntil(() => queryByRole<HTMLInputElement>(el, 'textbox', /^First name/), 'the form');
    await waitUntil(() => deepActiveElement() === first, 'focus in First name');
    expect(first.value).to.equal('Mira');
    expect(getComputedStyle(deepQuery(el, 'form.form')!).display).to.equal('grid');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActiveElement() === create, 'focus back on Create person');
    expect(deepQuery(el, 'form')).to.equal(null);
  });

  it('shows a notice when they cannot be loaded', async () => {
    personPanelParts.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const el = await panel();
    byRole(el, 'button', 'Create company').click();
    const notice = await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(deepText(notice)).to.contain('could not be loaded');
    expect(deepQuery(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<chat-dashboard> loads the listen-in dialog on demand', () => {
  const realLoad = dashboardParts.listen;
  let count = 0;
  afterEach(() => (dashboardParts.listen = realLoad));

  /** A dashboard of agent a1 with Sanne's (a2) ongoing support chat, which a1 may listen in on. */
  async function dashboard() {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
    s.backend.script.agentAnswers('a2', id);
    const el = await mount<ChatDashboard>(s.service, html`<chat-dashboard></chat-dashboard>`);
    return { ...s, el };
  }

  it('shows a notice and opens no feed when the dialog cannot be loaded; pointing at "Listen in" loads it, the click opens it', async () => {
    count = 0;
    dashboardParts.listen = () => {
      count++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    const { el, backend } = await dashboard();
    expect(count, 'not loaded by the first render').to.equal(0);
    const baseline = backend.openSubscriptions;
    const button = byRole(el, 'button', 'Listen in');
    button.click();
    const notice = await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(count).to.equal(1);
    expect(deepText(notice)).to.contain('could not be loaded');
    // Next to the "Listen in" buttons (in the ongoing chats), not below the whole dashboard.
    expect(!!notice.closest('section')?.contains(button), 'the notice is in the section of the button').to.equal(true);
    expect(queryByRole(el, 'dialog')).to.equal(null);
    await waitUntil(() => backend.openSubscriptions === baseline, 'the feed stopped again');
    await expect(el).to.be.accessible();

    dashboardParts.listen = () => {
      count++;
      return realLoad();
    };
    button.dispatchEvent(new PointerEvent('pointerenter'));
    expect(count).to.equal(2);
    button.click();
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Listening in: Mira Okafor'), 'the listen-in dialog');
    expect(dialog.open).to.equal(true);
    expect(count, 'loaded once').to.equal(2);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
    expect(deepText(byRole(dialog, 'log', 'Conversation'))).to.contain('My parcel is late');
    // The part brought its styles into the dashboard's shadow root.
    expect(getComputedStyle(dialog).display).to.equal('flex');
  });
});

describe('<chat-dashboard> "Try again" finishes the listen-in', () => {
  const realLoad = dashboardParts.listen;
  afterEach(() => (dashboardParts.listen = realLoad));

  it('opens the listen-in dialog the agent asked for once "Try again" loads it; Escape returns focus to "Listen in" (keyboard only)', async () => {
    let fail = true;
    dashboardParts.listen = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad());
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
    s.backend.script.agentAnswers('a2', id);
    const el = await mount<ChatDashboard>(s.service, html`<chat-dashboard></chat-dashboard>`);
    const button = byRole(el, 'button', 'Listen in');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(queryByRole(el, 'dialog')).to.equal(null);

    fail = false;
    byRole(notice, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Listening in: Mira Okafor'), 'the listen-in dialog');
    await waitUntil(() => dialog.contains(deepActiveElement()), 'focus in the dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
    expect(deepText(byRole(dialog, 'log', 'Conversation'))).to.contain('My parcel is late');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActiveElement() === button, 'focus back on "Listen in"');
    expect(queryByRole(el, 'dialog')).to.equal(null);
  });
});

describe('<chat-person-panel> "Try again" opens the form asked for', () => {
  const realLoad = personPanelParts.load;
  afterEach(() => (personPanelParts.load = realLoad));

  it('"Create company" whose code failed: "Try again" loads it and opens the form with focus in its first field', async () => {
    let fail = true;
    personPanelParts.load = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad());
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hello', name: 'Mira van der Berg', email: 'mira@example.org' });
    await s.service.answer(id);
    const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
    await waitUntil(() => s.service.state.personContexts[id]?.status === 'ready', 'person context');
    await settle(el);
    byRole(el, 'button', 'Create company').focus();
    await sendKeys({ press: 'Enter' });
    const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(deepQuery(el, 'form')).to.equal(null);
    fail = false;
    byRole(notice, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    const form = await waitUntil(() => deepQuery<HTMLFormElement>(el, 'form'), 'the company form');
    await waitUntil(() => form.contains(deepActiveElement()), 'focus in the form');
    expect(deepQuery(el, '.load-failure')).to.equal(null);
  });

  /** Mira's earlier chat, ended and linked to a person; her second chat, linked too, in a panel with its sections open. */
  async function panelWithEarlierChat() {
    const { s, first, second, el } = await earlierLinkedChat('Where is my parcel?');
    const record = await waitUntil(() => deepQuery<HTMLButtonElement>(el, `button[aria-controls="transcript-${first}"]`), 'the earlier chat');
    return { ...s, el, first, second, record };
  }

  it('an earlier chat whose transcript view failed: "Try again" (keyboard only) opens the transcript with focus on its button, not on the page', async () => {
    let fail = true;
    personPanelParts.load = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad());
    const { el, first, record } = await panelWithEarlierChat();
    record.focus();
    await sendKeys({ press: 'Enter' });
    const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(deepQuery(el, `#transcript-${first}`)).to.equal(null);
    fail = false;
    byRole(notice, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    const transcript = await waitUntil(() => queryByRole(el, 'list', /^Transcript of the chat of/), 'the transcript');
    await settle(el);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
    expect(deepText(transcript)).to.contain('Where is my parcel?');
    expect(deepActiveElement() === record, 'focus on the button that opened the transcript').to.equal(true);
    expect(record.getAttribute('aria-expanded')).to.equal('true');
    // The keyboard goes on from there: Enter closes the transcript again.
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(record.getAttribute('aria-expanded')).to.equal('false');
  });

  it('"Try again" after another chat was shown opens nothing for the chat left; focus goes to the customer\'s name, not to the page', async () => {
    let fail = true;
    personPanelParts.load = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad());
    const { el, service, backend, record } = await panelWithEarlierChat();
    record.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    const tom = backend.script.customerArrives({ channelId: 'sales', name: 'Tom Berg', text: 'Hello?' });
    await service.answer(tom);
    el.sessionId = tom;
    await waitUntil(() => service.state.personContexts[tom]?.status === 'ready', 'the other person context');
    await settle(el);
    fail = false;
    byRole(deepQuery<HTMLElement>(el, '.load-failure[role="alert"]')!, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !deepQuery(el, '.load-failure'), 'the notice gone');
    await settle(el);
    expect(queryByRole(el, 'list', /^Transcript of the chat of/), 'no transcript for the chat left').to.equal(null);
    expect(deepActiveElement() === byRole(el, 'heading', 'Tom Berg'), 'focus on the customer\'s name').to.equal(true);
  });
});

describe('<chat-conversation> loads its message history with the first chat shown', () => {
  const realLoad = historyPart.load;
  afterEach(() => (historyPart.load = realLoad));

  it('does not load it without a chat; a failed load keeps the labelled log with a notice in it; showing another chat and "Try again" load it again, and it shows the messages', async () => {
    let count = 0;
    let fail = true;
    historyPart.load = () => {
      count++;
      return fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad();
    };
    // As in a page where no conversation has shown a chat yet.
    historyPart.loaded = undefined;
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    await s.service.answer(id);
    s.service.selectSession(null);
    const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
    expect(deepText(el)).to.contain('Select a chat');
    expect(count, 'not loaded without a chat').to.equal(0);

    s.service.selectSession(id);
    const notice = await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(count).to.equal(1);
    expect(deepText(notice)).to.contain('could not be loaded');
    const logEl = byRole(el, 'log', 'Conversation with Mira Okafor');
    expect(logEl.getAttribute('aria-busy')).to.equal('false');
    // The composer works meanwhile.
    expect(queryByRole(el, 'textbox', 'Message')).to.exist;
    await settle(el);
    expect(count, 'not retried on every render').to.equal(1);
    await expect(el).to.be.accessible();

    expect(logEl.contains(notice), 'the notice is in the log').to.equal(true);
    const [box, log] = [notice.getBoundingClientRect(), logEl.getBoundingClientRect()];
    expect(box.left >= log.left && box.right <= log.right, 'the notice fits inside the log, not cut off').to.equal(true);
    expect(queryByRole(el, 'button', 'Dismiss'), 'the history cannot be dismissed, only loaded again').to.equal(null);

    // Showing another chat tries again (once); it fails again.
    const other = s.backend.script.customerArrives({ channelId: 'sales', name: 'Tom Berg', text: 'Hello?' });
    await s.service.answer(other);
    s.service.selectSession(other);
    await waitUntil(() => count === 2, 'a second attempt for the other chat');
    await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the notice again');
    await settle(el);
    expect(count, 'not retried on every render').to.equal(2);

    // "Try again" in the log (with the keyboard) loads it again; still failing here, the notice
    // and the focused button stay.
    const tryAgain = byRole(el, 'button', 'Try again');
    tryAgain.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => count === 3, 'a third attempt');
    await settle(el);
    expect(!!deepQuery(el, '.load-failure[role="alert"]'), 'the notice stays').to.equal(true);
    expect(deepActiveElement() === tryAgain, 'focus stays on "Try again"').to.equal(true);

    // The connection is back; going back to the first chat loads it and shows its messages.
    fail = false;
    s.service.selectSession(id);
    await waitUntil(() => deepText(byRole(el, 'log', 'Conversation with Mira Okafor')).includes('Hi, my parcel is late'), 'the history shown');
    expect(count).to.equal(4);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
    expect(byRole(el, 'log', 'Conversation with Mira Okafor'), 'the same log element').to.equal(logEl);
  });
});
