import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { computeAccessibleName } from 'dom-accessibility-api';
import { html } from 'lit';
import { firstValueFrom } from 'rxjs';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { allByRole, byRole, deepQuery, deepText, mount, queryByRole, settle, setup, waitUntil } from '../helpers.js';

/** A quick reply with a long Dutch name (no customer text), made a favourite so its row carries a badge. */
const LONG_TITLE = 'Retourlabel verstuurd naar het e-mailadres van de klant, met uitleg over het servicepunt';

/** The Insert picker open in `lang`, with a FAQ and the long quick reply as favourites (rows with badges). */
async function openIn(lang: 'en' | 'nl'): Promise<{ el: ChatConversation; dialog: HTMLDialogElement }> {
  const s = await setup();
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hoi' });
  await s.service.answer(id);
  const reply = await s.service.createQuickReply({ name: LONG_TITLE, text: 'Ik heb een retourlabel naar je gestuurd.' });
  const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`, lang);
  await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
  const insert = lang === 'nl' ? 'Invoegen' : 'Insert';
  (await waitUntil(() => queryByRole(el, 'button', insert), `the ${insert} button`)).click();
  await waitUntil(() => deepQuery(el, 'dialog[open] [role="option"]'), 'the picker options');
  const snippets = await firstValueFrom(s.service.snippets$);
  const faq = snippets.snippets.find((x) => x.source === 'faq' && x.title === 'How do I set up two-factor authentication?')!;
  const mine = snippets.snippets.find((x) => x.source === 'quick-reply' && x.id === reply.id)!;
  for (const key of [faq.key, mine.key]) if (!s.service.toggleFavourite(key)) throw new Error('was a favourite already');
  await waitUntil(() => deepQuery(el, 'dialog[open] #group-favourites'), 'the favourites');
  await settle(el);
  return { el, dialog: deepQuery<HTMLDialogElement>(el, 'dialog[open]')! };
}

/** Inside `outer`, with a pixel of tolerance. */
function inside(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

/** Why a row's title is not fully shown ('' when it is). */
function cut(title: HTMLElement): string {
  const style = getComputedStyle(title);
  if (style.textOverflow === 'ellipsis' && style.overflowX !== 'visible') return 'ellipsis';
  if (title.scrollWidth > title.clientWidth + 1) return `wider than its box (${title.scrollWidth} > ${title.clientWidth})`;
  if (title.scrollHeight > title.clientHeight + 1) return `taller than its box (${title.scrollHeight} > ${title.clientHeight})`;
  if (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '') return `clamped to ${style.webkitLineClamp} lines`;
  return '';
}

describe('<chat-conversation> Insert picker at narrow and wide sizes', () => {
  after(() => setViewport({ width: 1280, height: 800 }));

  for (const lang of ['en', 'nl'] as const) {
    for (const [width, height] of [
      [360, 640],
      [1440, 900],
    ] as const) {
      it(`${lang}, ${width} × ${height}: every row shows its whole title (wrapped, not cut), is named by it, and keeps its badge inside the row`, async () => {
        await setViewport({ width, height });
        const { dialog } = await openIn(lang);
        const options = allByRole(dialog, 'option');
        expect(options.length).to.be.greaterThan(20);
        const long = options.filter((o) => deepText(o.querySelector('.option-title')!) === LONG_TITLE);
        expect(long.length, 'the long quick reply in Favourites and in its folder').to.equal(2);
        for (const option of options) {
          const title = option.querySelector<HTMLElement>('.option-title')!;
          const text = deepText(title).trim();
          expect(cut(title), `“${text}”`).to.equal('');
          expect(computeAccessibleName(option), 'the accessible name holds the whole title').to.contain(text);
          expect(option.scrollWidth, `row “${text}” scrolls sideways`).to.be.at.most(option.clientWidth + 1);
          const badge = option.querySelector<HTMLElement>('.option-source');
          if (badge) expect(inside(badge.getBoundingClientRect(), option.getBoundingClientRect()), `badge of “${text}” inside its row`).to.equal(true);
        }
        const list = byRole(dialog, 'listbox');
        expect(list.scrollWidth, 'the list does not scroll sideways').to.be.at.most(list.clientWidth + 1);
        if (width === 360) {
          // The long title wraps to more lines instead of being cut.
          const title = long[0]!.querySelector<HTMLElement>('.option-title')!;
          const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
          expect(title.getBoundingClientRect().height, 'the long title wraps').to.be.greaterThan(lineHeight * 1.5);
        }
      });
    }
  }

  for (const lang of ['en', 'nl'] as const) {
    for (const [what, width, height] of [
      ['360 × 640', 360, 640],
      ['1440 × 900 at 200% zoom (720 × 450 CSS px)', 720, 450],
    ] as const) {
      it(`${lang}, ${what}: the picker fits the screen, Cancel and "Insert text" side by side in view with no scrolling, and passes axe`, async () => {
        await setViewport({ width, height });
        const { el, dialog } = await openIn(lang);
        expect(dialog.scrollHeight, 'the dialog does not scroll').to.be.at.most(dialog.clientHeight + 1);
        const screen = new DOMRect(0, 0, innerWidth, innerHeight);
        expect(inside(dialog.getBoundingClientRect(), screen), 'the dialog inside the viewport').to.equal(true);
        const [cancel, confirm] = (lang === 'nl' ? ['Annuleren', 'Tekst invoegen'] : ['Cancel', 'Insert text']).map((name) => {
          const rect = byRole(dialog, 'button', name).getBoundingClientRect();
          expect(inside(rect, screen), `“${name}” in view`).to.equal(true);
          return rect;
        });
        expect(Math.abs(cancel!.top - confirm!.top), 'Cancel and Insert text on one row').to.be.at.most(1);
        expect(cancel!.right, 'Cancel before Insert text').to.be.at.most(confirm!.left);
        const list = byRole(dialog, 'listbox');
        expect(list.clientHeight, 'the list keeps room for rows').to.be.at.least(90);
        await expect(el).to.be.accessible();
      });
    }
  }

  // A phone with its keyboard open: too short for the whole picker, so the dialog scrolls; its
  // parts must still not draw over each other (the preview ran under "Create quick reply").
  it('360 × 400: the list, the preview and the buttons do not overlap, and "Insert text" can be scrolled into view', async () => {
    await setViewport({ width: 360, height: 400 });
    const { dialog } = await openIn('en');
    const list = byRole(dialog, 'listbox').getBoundingClientRect();
    const preview = deepQuery<HTMLElement>(dialog, '.picker-preview')!.getBoundingClientRect();
    const create = byRole(dialog, 'button', 'Create quick reply').getBoundingClientRect();
    expect(preview.top, 'the preview below the list').to.be.at.least(list.bottom - 1);
    expect(create.top, `the buttons (${create.top}) below the preview (${preview.bottom})`).to.be.at.least(preview.bottom - 1);
    const insert = byRole(dialog, 'button', 'Insert text');
    insert.scrollIntoView({ block: 'nearest' });
    await settle(dialog);
    expect(inside(insert.getBoundingClientRect(), dialog.getBoundingClientRect()), '"Insert text" scrolled into the dialog').to.equal(true);
  });
});
