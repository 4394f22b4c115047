/**
 * The Insert picker's search (`ChatService.searchSnippets`), DOM-free: what "/" + text in the
 * composer and the picker's search field find among FAQs, reply templates and quick replies.
 */
import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import { type SnippetGroup, searchSnippets } from '../../src/service/snippet-search.js';
import type { Snippet, SnippetsState } from '../../src/service/snippets.js';
import { setup } from '../helpers.js';

async function loaded() {
  const s = await setup();
  await s.service.loadSnippets();
  return s;
}

/** Each group as "kind source/folder: titles". */
const outline = (groups: readonly SnippetGroup[]) =>
  groups.map((g) => `${g.kind}${g.source ? ` ${g.source}/${g.folder}` : ''}: ${g.items.map((i) => i.title).join(', ')}`);

describe('ChatService.searchSnippets', () => {
  it('finds FAQs, reply templates and quick replies together, grouped by source and folder in that order', async () => {
    const { service } = await loaded();
    const groups = service.searchSnippets('day');
    expect(groups.every((g) => g.kind === 'folder')).to.equal(true);
    expect([...new Set(groups.map((g) => g.source))]).to.deep.equal(['faq', 'template', 'quick-reply']);
    expect(outline(groups)).to.include('folder faq/Orders & delivery: How long does delivery take?');
    expect(outline(groups)).to.include('folder template/Closing: Goodbye');
    expect(outline(groups)).to.include('folder quick-reply/: Anything else?');
    service.dispose();
  });

  it('a leading "/" (the composer\'s trigger) is not searched for', async () => {
    const { service } = await loaded();
    expect(service.searchSnippets('/day')).to.deep.equal(service.searchSnippets('day'));
    expect(service.searchSnippets('/').map((g) => g.kind)).to.deep.equal(service.searchSnippets('').map((g) => g.kind));
    service.dispose();
  });

  it('every word must match (title, text, folder or link), ignoring case and accents', async () => {
    const { service } = await loaded();
    expect(outline(service.searchSnippets('PARCEL track'))).to.deep.equal(['folder faq/Orders & delivery: How do I track my parcel?']);
    expect(outline(service.searchSnippets('vat-number'))).to.deep.equal(['folder faq/Billing: How do I add our VAT number to invoices?']);
    expect(outline(service.searchSnippets('ogenblíkje'))).to.deep.equal(['folder quick-reply/: Even kijken']);
    expect(service.searchSnippets('parcel zebra')).to.deep.equal([]);
    service.dispose();
  });

  it('a title that starts with the search comes first in its group, then titles holding every word, then the rest', () => {
    const snippet = (id: string, title: string, text: string): Snippet => ({ key: `template:${id}`, source: 'template', id, title, text, folder: 'F' });
    const state: SnippetsState = {
      status: 'ready',
      recent: [],
      favourites: [],
      snippets: [snippet('1', 'Greeting', 'return label'), snippet('2', 'Label resent', 'x'), snippet('3', 'Send label', 'y')],
    };
    expect(searchSnippets(state, 'label').map((g) => g.items.map((i) => i.id))).to.deep.equal([['2', '3', '1']]);
  });

  it('a filter searches one source only', async () => {
    const { service } = await loaded();
    expect(service.searchSnippets('day', 'quick-reply').map((g) => g.source)).to.deep.equal(['quick-reply']);
    expect(service.searchSnippets('day', 'faq').every((g) => g.source === 'faq')).to.equal(true);
    service.dispose();
  });

  it('without a search: favourites and recently used first (mixing sources), then every folder; none with a search', async () => {
    const { service, backend } = await loaded();
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira', text: 'Hi' });
    service.toggleFavourite('faq:FAQ2');
    service.useSnippet(id, 'quick-reply:QR1');
    const groups = service.searchSnippets('');
    expect(outline(groups).slice(0, 2)).to.deep.equal(['favourites: How do I track my parcel?', 'recent: Checking']);
    expect(groups.filter((g) => g.kind === 'folder').flatMap((g) => g.items).length).to.equal((await firstValueFrom(service.snippets$)).snippets.length);
    expect(service.searchSnippets('parcel').some((g) => g.kind !== 'folder')).to.equal(false);
    service.dispose();
  });

  it('finds nothing before the snippets are loaded', async () => {
    const { service } = await setup();
    expect(service.searchSnippets('day')).to.deep.equal([]);
    service.dispose();
  });
});
