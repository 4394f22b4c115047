import { expect } from '@open-wc/testing';
import { setup } from '../helpers.js';

/** Unsaved typed input of forms, kept per chat by the service (DOM-free, like the composer draft). */
describe('ChatService form drafts', () => {
  const defaults = { title: 'My invoice', category: 'Support', priority: 'medium', text: '' };

  it('keeps what was typed per chat and form, and gives the defaults where nothing was typed', async () => {
    const { service } = await setup();
    expect(service.formDraft('s1', 'request', defaults)).to.deep.equal({ values: defaults, changed: false });
    service.setFormDraft('s1', 'request', { ...defaults, title: 'My invoice (VAT)', text: 'Call back' }, defaults);
    expect(service.formDraft('s1', 'request', defaults)).to.deep.equal({
      values: { title: 'My invoice (VAT)', category: 'Support', priority: 'medium', text: 'Call back' },
      changed: true,
    });
    // Another chat, another form: untouched.
    expect(service.formDraft('s2', 'request', defaults).changed).to.equal(false);
    expect(service.formDraft('s1', 'person', { firstName: 'Mira' }).values).to.deep.equal({ firstName: 'Mira' });
  });

  it('drops the draft when the values are back at the defaults, and on discard', async () => {
    const { service } = await setup();
    service.setFormDraft('s1', 'request', { ...defaults, text: 'x' }, defaults);
    service.setFormDraft('s1', 'request', { ...defaults }, defaults);
    expect(service.formDraft('s1', 'request', defaults).changed).to.equal(false);
    service.setFormDraft('s1', 'transfer', { target: 'a2', note: 'VIP' }, { target: '', note: '' });
    service.setFormDraft('s2', 'transfer', { target: 'a3', note: '' }, { target: '', note: '' });
    service.discardFormDraft('s1', 'transfer');
    expect(service.formDraft('s1', 'transfer', { target: '', note: '' })).to.deep.equal({ values: { target: '', note: '' }, changed: false });
    expect(service.formDraft('s2', 'transfer', { target: '', note: '' }).values).to.deep.equal({ target: 'a3', note: '' });
  });
});
