import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { firstValueFrom } from 'rxjs';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import {
  allByRole,
  byRole,
  deepActiveElement,
  deepText,
  queryByRole,
  settle,
  waitUntil,
  openConversation,
  deepQuery,
  mount,
  setup,
} from '../helpers.js';

const openChat = () => openConversation({}, { name: 'Mira Okafor', text: 'Where is my order?' });

function composer(el: Element): HTMLTextAreaElement {
  return byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
}

function picker(el: Element): HTMLDialogElement {
  return byRole<HTMLDialogElement>(el, 'dialog', 'Insert');
}

/** Open the picker from the keyboard: Tab from the composer to "Insert", press Enter. */
async function openPickerWithKeyboard(el: ChatConversation): Promise<void> {
  byRole(el, 'button', 'Insert').focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => queryByRole(el, 'dialog', 'Insert'), 'the Insert picker');
  await waitUntil(() => allByRole(picker(el), 'option').length > 0, 'the picker options');
  await settle(el);
}

function optionNames(el: Element): string[] {
  return allByRole(picker(el), 'option').map((o) => deepText(o.querySelector('.option-title')!));
}

/** The groups of the picker's list (favourites, recently used, folders). */
function folderGroups(el: Element): HTMLElement[] {
  return allByRole(byRole(picker(el), 'listbox', 'Texts to insert'), 'group');
}

function activeOption(el: Element): string {
  const search = byRole<HTMLInputElement>(picker(el), 'combobox', 'Search texts');
  const id = search.getAttribute('aria-activedescendant');
  const option = allByRole(picker(el), 'option').find((o) => o.id === id)!;
  return deepText(option.querySelector('.option-title')!);
}

/** Assert that `target` has focus (compared by identity: a failed DOM-element equality is slow to print). */
function expectFocusOn(target: Element): void {
  const active = deepActiveElement();
  const describe = (e: Element | null) => (e ? `<${e.localName}${e.id ? `#${e.id}` : ''}> ${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? ''}` : 'nothing');
  expect(active === target, `focus is on ${describe(active)}, expected ${describe(target)}`).to.equal(true);
}

describe('<chat-conversation> Insert picker', () => {
  it('opens from the keyboard with the search field focused, lists all three sources in folders and passes the a11y check', async () => {
    const { el } = await openChat();
    await openPickerWithKeyboard(el);
    const d = picker(el);
    expect(d.matches(':modal')).to.equal(true);
    const search = byRole(d, 'combobox', 'Search texts');
    expectFocusOn(search);
    const groups = folderGroups(el).map((g) => deepText(g.querySelector('.picker-group-label')!));
    expect(groups).to.include('FAQ · Orders & delivery');
    expect(groups).to.include('Reply templates · Greetings');
    expect(groups).to.include('My quick replies');
    // Quick replies are the agent's own: a2's "Quote follows" is not offered.
    expect(optionNames(el)).to.include('Even kijken');
    expect(optionNames(el)).to.not.include('Quote follows');
    await expect(el).to.be.accessible();
  });

  it('closes with Escape and returns focus to the Insert button, leaving the composer as it was', async () => {
    const { el } = await openChat();
    await openPickerWithKeyboard(el);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Insert')).to.equal(null);
    expectFocusOn(byRole(el, 'button', 'Insert'));
    expect(composer(el).value).to.equal('');
  });

  it('B24 — (c) a template chosen with Enter lands at the caret with its variables filled, focus and caret in the composer after it', async () => {
    const { el, service, id } = await openChat();
    composer(el).focus();
    await sendKeys({ type: 'Hi! ' });
    await openPickerWithKeyboard(el);
    await sendKeys({ type: 'order lookup' });
    await settle(el);
    expect(activeOption(el)).to.equal('Order lookup');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Insert')).to.equal(null);
    const inserted = 'Thanks Mira Okafor. Could you give me your order number? You can find it in the confirmation e-mail.';
    const box = composer(el);
    expect(box.value).to.equal(`Hi! ${inserted}`);
    expectFocusOn(box);
    expect(box.selectionStart).to.equal(`Hi! ${inserted}`.length);
    expect(box.selectionEnd).to.equal(box.selectionStart);
    // Editable before sending: nothing was sent, and typing goes on after the inserted text.
    await sendKeys({ type: ' Thanks!' });
    expect(box.value).to.equal(`Hi! ${inserted} Thanks!`);
    expect(service.state.drafts[id]).to.equal(`Hi! ${inserted} Thanks!`);
    expect(service.state.histories[id]!.items.some((m) => m.text.includes('order number'))).to.equal(false);
  });

  it('inserts in the middle of the text at the caret, a space on either side, and arrows move through the list', async () => {
    const { el } = await openChat();
    composer(el).focus();
    await sendKeys({ type: 'AB' });
    await sendKeys({ press: 'ArrowLeft' });
    await openPickerWithKeyboard(el);
    byRole(picker(el), 'button', 'Quick replies').click();
    await settle(el);
    byRole(picker(el), 'combobox', 'Search texts').focus();
    expect(optionNames(el)).to.deep.equal(['Anything else?', 'Checking', 'Even kijken', 'Thanks for waiting']);
    expect(activeOption(el)).to.equal('Anything else?');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(activeOption(el)).to.equal('Checking');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(activeOption(el)).to.equal('Thanks for waiting');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const box = composer(el);
    // One space on either side where the text would touch a word.
    expect(box.value).to.equal('A Thank you for waiting, I have the answer for you now. B');
    expect(box.selectionStart).to.equal('A Thank you for waiting, I have the answer for you now.'.length);
  });

  it('an FAQ inserts its question and the link to the published FAQ', async () => {
    const { el } = await openChat();
    await openPickerWithKeyboard(el);
    byRole(picker(el), 'button', 'FAQ').click();
    await settle(el);
    byRole(picker(el), 'combobox', 'Search texts').focus();
    await sendKeys({ type: 'delivery take' });
    await settle(el);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(composer(el).value).to.match(/^How long does delivery take\?\nhttps:\/\/\S+delivery-time/);
  });

  it('keeps recently used and favourites per agent, shown first', async () => {
    const { el } = await openChat();
    await openPickerWithKeyboard(el);
    await sendKeys({ type: 'still there' });
    await settle(el);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await openPickerWithKeyboard(el);
    const firstGroup = folderGroups(el)[0]!;
    expect(deepText(firstGroup.querySelector('.picker-group-label')!)).to.equal('Recently used');
    expect(deepText(firstGroup)).to.contain('Still there?');
    // Make "Checking" a favourite from its preview.
    await sendKeys({ type: 'checking' });
    await settle(el);
    const favourite = byRole<HTMLButtonElement>(picker(el), 'button', 'Favourite');
    expect(favourite.getAttribute('aria-pressed')).to.equal('false');
    favourite.click();
    await settle(el);
    expect(byRole(picker(el), 'button', 'Favourite').getAttribute('aria-pressed')).to.equal('true');
    const search = byRole<HTMLInputElement>(picker(el), 'combobox', 'Search texts');
    search.value = '';
    search.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await settle(el);
    const labels = folderGroups(el).map((g) => deepText(g.querySelector('.picker-group-label')!));
    expect(labels.slice(0, 2)).to.deep.equal(['Favourites', 'Recently used']);
    expect(deepText(folderGroups(el)[0]!)).to.contain('Checking');
  });

  /** Type "/" at the start of the composer and wait for the picker's options. */
  async function slash(el: ChatConversation): Promise<void> {
    composer(el).focus();
    await sendKeys({ type: '/' });
    await waitUntil(() => queryByRole(el, 'dialog', 'Insert'), 'the picker');
    await waitUntil(() => allByRole(picker(el), 'option').length > 0, 'options');
    await settle(el);
  }

  it('typing "/" and text searches FAQs, reply templates and quick replies together, each group named by its source', async () => {
    const { el } = await openChat();
    await slash(el);
    expect(byRole(picker(el), 'button', 'All').getAttribute('aria-pressed')).to.equal('true');
    expectFocusOn(byRole(picker(el), 'combobox', 'Search texts'));
    await sendKeys({ type: 'day' });
    await settle(el);
    const labels = folderGroups(el).map((g) => deepText(g.querySelector('.picker-group-label')!));
    expect(labels[0]).to.match(/^FAQ · /);
    expect(labels).to.include('Reply templates · Closing');
    expect(labels.at(-1)).to.equal('My quick replies');
    expect(optionNames(el)).to.include.members(['How long does delivery take?', 'Goodbye', 'Anything else?']);
    expect(deepText(byRole(picker(el), 'status'))).to.equal(`${optionNames(el).length} texts found`);
    await expect(el).to.be.accessible();
  });

  it('"/" search: Arrow keys move through the sources, Enter inserts in place of "/" and the text, focus in the composer', async () => {
    const { el } = await openChat();
    await slash(el);
    await sendKeys({ type: 'else' });
    await settle(el);
    expect(optionNames(el)).to.deep.equal(['Anything else?']);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'parcel' });
    await settle(el);
    const found = optionNames(el);
    expect(found[0]).to.equal('How do I track my parcel?');
    expect(found).to.include('Return label sent');
    expect(activeOption(el)).to.equal(found[0]);
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(activeOption(el)).to.equal(found[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(activeOption(el)).to.equal(found.at(-1));
    while (activeOption(el) !== 'Return label sent') {
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
    }
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const box = composer(el);
    expect(box.value).to.equal('I have sent a return label to your e-mail address, Mira Okafor. Please drop the parcel at any service point within 14 days.');
    expectFocusOn(box);
    expect(box.selectionStart).to.equal(box.value.length);
  });

  it('"/" search: Escape closes the picker at once and the composer shows "/" and the search text as typed, caret after it', async () => {
    const { el, service, id } = await openChat();
    await slash(el);
    await sendKeys({ type: 'order look' });
    await settle(el);
    expect(optionNames(el)).to.deep.equal(['Order lookup']);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Insert')).to.equal(null);
    const box = composer(el);
    expect(box.value).to.equal('/order look');
    expectFocusOn(box);
    expect([box.selectionStart, box.selectionEnd]).to.deep.equal([11, 11]);
    expect(service.state.drafts[id]).to.equal('/order look');
    // Typing on goes on from there.
    await sendKeys({ type: 'up' });
    expect(box.value).to.equal('/order lookup');
  });

  it('"/" in the middle of a text does not open the picker', async () => {
    const { el } = await openChat();
    composer(el).focus();
    await sendKeys({ type: 'and/or' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Insert')).to.equal(null);
    expect(composer(el).value).to.equal('and/or');
  });
});

describe('<chat-conversation> quick replies', () => {
  async function openCreate(el: ChatConversation): Promise<HTMLDialogElement> {
    await openPickerWithKeyboard(el);
    byRole(picker(el), 'button', 'Create quick reply').click();
    return waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create quick reply'), 'the create dialog');
  }

  it('creates a quick reply (name not shown to the customer + content) that is in the picker at once', async () => {
    const { el, backend } = await openChat();
    const d = await openCreate(el);
    await settle(el);
    expectFocusOn(byRole(d, 'textbox', 'Name'));
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Hours' });
    byRole(d, 'textbox', 'Content').focus();
    await sendKeys({ type: 'Open 9-17' });
    byRole(d, 'button', 'Save quick reply').click();
    await waitUntil(() => !queryByRole(el, 'dialog', 'Create quick reply'), 'the create dialog to close');
    await settle(el);
    expect(optionNames(el)).to.include('Hours');
    expect(activeOption(el)).to.equal('Hours');
    expectFocusOn(byRole(picker(el), 'combobox', 'Search texts'));
    expect(backend.inspect.quickReplies('a1').some((q) => q.name === 'Hours' && q.agentId === 'a1')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(composer(el).value).to.equal('Open 9-17');
  });

  it('says what is missing and keeps the dialog open when the name is empty', async () => {
    const { el } = await openChat();
    const d = await openCreate(el);
    await settle(el);
    byRole(d, 'textbox', 'Content').focus();
    await sendKeys({ type: 'Some text' });
    byRole(d, 'button', 'Save quick reply').click();
    await settle(el);
    expect(deepText(byRole(d, 'alert'))).to.equal('Give the quick reply a name.');
    expectFocusOn(byRole(d, 'textbox', 'Name'));
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Create quick reply')).to.equal(null);
    expect(queryByRole(el, 'dialog', 'Insert')).to.exist;
    expectFocusOn(byRole(picker(el), 'button', 'Create quick reply'));
  });

  it('keeps the typed name and content when Escape or Cancel closes the Create quick reply dialog; "Discard changes" empties it; saving drops it', async () => {
    const { el } = await openChat();
    let d = await openCreate(el);
    await settle(el);
    await sendKeys({ type: 'Hours' });
    byRole(d, 'textbox', 'Content').focus();
    await sendKeys({ type: 'Open 9-17' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'dialog', 'Create quick reply')).to.equal(null);
    byRole(picker(el), 'button', 'Create quick reply').click();
    d = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create quick reply'), 'the create dialog');
    await settle(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Name').value).to.equal('Hours');
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Content').value).to.equal('Open 9-17');
    byRole(d, 'button', 'Discard changes').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Name').value).to.equal('');
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Content').value).to.equal('');
    expectFocusOn(byRole(d, 'textbox', 'Name'));
    await sendKeys({ type: 'Hours' });
    byRole(d, 'textbox', 'Content').focus();
    await sendKeys({ type: 'Open 8-18' });
    byRole(d, 'button', 'Cancel').click();
    await settle(el);
    byRole(picker(el), 'button', 'Create quick reply').click();
    d = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create quick reply'), 'the create dialog');
    await settle(el);
    expect(byRole<HTMLTextAreaElement>(d, 'textbox', 'Content').value).to.equal('Open 8-18');
    byRole(d, 'button', 'Save quick reply').click();
    await waitUntil(() => !queryByRole(el, 'dialog', 'Create quick reply'), 'the create dialog to close');
    await settle(el);
    byRole(picker(el), 'button', 'Create quick reply').click();
    d = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Create quick reply'), 'the create dialog');
    await settle(el);
    expect(byRole<HTMLInputElement>(d, 'textbox', 'Name').value).to.equal('');
    expect(queryByRole(d, 'button', 'Discard changes')).to.equal(null);
  });

  it('edits and deletes a quick reply from the picker', async () => {
    const { el, backend } = await openChat();
    await openPickerWithKeyboard(el);
    await sendKeys({ type: 'checking' });
    await settle(el);
    byRole(picker(el), 'button', 'Edit').click();
    const d = await waitUntil(() => queryByRole<HTMLDialogElement>(el, 'dialog', 'Edit quick reply'), 'the edit dialog');
    await settle(el);
    const name = byRole<HTMLInputElement>(d, 'textbox', 'Name');
    expect(name.value).to.equal('Checking');
    name.select();
    await sendKeys({ type: 'Check2' });
    byRole(d, 'button', 'Save quick reply').click();
    await waitUntil(() => !queryByRole(el, 'dialog', 'Edit quick reply'), 'the edit dialog to close');
    await settle(el);
    expect(optionNames(el)).to.include('Check2');
    expect(optionNames(el)).to.not.include('Checking');

    byRole(picker(el), 'button', 'Delete').click();
    await settle(el);
    expect(deepText(picker(el))).to.contain('Delete the quick reply “Check2”?');
    byRole(picker(el), 'button', 'Delete quick reply').click();
    await waitUntil(() => !optionNames(el).includes('Check2'), 'the quick reply to go');
    expect(backend.inspect.quickReplies('a1').some((q) => q.name.startsWith('Checking'))).to.equal(false);
    expectFocusOn(byRole(picker(el), 'combobox', 'Search texts'));
  });
});

describe('<chat-conversation> Insert picker source badges', () => {
  after(() => setViewport({ width: 1280, height: 800 }));

  /** The picker open in `lang`, with the FAQ "How do I delete my account?" a favourite. */
  async function openIn(lang: 'en' | 'nl'): Promise<ChatConversation> {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hoi' });
    await s.service.answer(id);
    const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`, lang);
    await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
    const insert = lang === 'nl' ? 'Invoegen' : 'Insert';
    (await waitUntil(() => queryByRole(el, 'button', insert), `the ${insert} button`)).click();
    await waitUntil(() => deepQuery(el, 'dialog[open] [role="option"]'), 'the picker options');
    const snippets = await firstValueFrom(s.service.snippets$);
    const faq = snippets.snippets.find((x) => x.source === 'faq' && x.title === 'How do I delete my account?')!;
    if (!s.service.toggleFavourite(faq.key)) throw new Error('was a favourite already');
    await waitUntil(() => deepQuery(el, 'dialog[open] #group-favourites'), 'the favourites');
    await settle(el);
    return el;
  }

  for (const lang of ['en', 'nl'] as const) {
    for (const width of [1440, 390]) {
      it(`${lang}, ${width} px wide: rows in a source's folder carry no badge and show their whole title; favourites carry a short one`, async () => {
        await setViewport({ width, height: 900 });
        const el = await openIn(lang);
        const dialog = deepQuery(el, 'dialog[open]')!;
        const groups = allByRole(dialog, 'group').filter((g) => g.querySelector('.picker-group-label'));
        const [favourites, ...folders] = groups;
        expect(deepText(favourites!.querySelector('.picker-group-label')!)).to.equal(lang === 'nl' ? 'Favorieten' : 'Favourites');
        expect(deepText(favourites!.querySelector('.option-source')!)).to.equal('FAQ');
        // (Compared as a boolean: a failed DOM-element equality is slow to print.)
        for (const folder of folders) expect(Boolean(folder.querySelector('.option-source')), `a badge in ${deepText(folder.querySelector('.picker-group-label')!)}`).to.equal(false);
        const row = folders.flatMap((g) => allByRole(g, 'option')).find((o) => deepText(o).includes('How do I delete my account?'))!;
        const title = row.querySelector<HTMLElement>('.option-title')!;
        expect(title.scrollWidth, 'the title is not cut off').to.be.at.most(title.clientWidth);
        // The star says "Favourite" as text in the option (its name), not in a title tooltip.
        const starred = allByRole(favourites!, 'option')[0];
        expect(starred.querySelector('[title]'), 'no tooltip').to.equal(null);
        expect(deepText(starred.querySelector('.option-star')!)).to.equal(lang === 'nl' ? 'Favoriet' : 'Favourite');
      });
    }
  }
});
