/**
 * The Insert picker's texts (FAQs, templates, quick replies) that cannot be loaded: the picker
 * says why (by the error's code, kept in the service's snippets state) with "Try again", which
 * loads them while the picker stays open.
 */
import { expect } from '@open-wc/testing';
import { ChatBackendError } from '../../src/backend/errors.js';
import type { SnippetsState } from '../../src/service/snippets.js';
import { allByRole, byRole, deepActiveElement, deepText, openConversation, queryByRole, settle, waitUntil } from '../helpers.js';

describe('<chat-conversation> Insert picker whose texts cannot be loaded', () => {
  it('says why with "Try again", which loads the texts (focus to the search field)', async () => {
    const { el, service, backend } = await openConversation({}, { name: 'Mira Okafor', text: 'Where is my order?' });
    let snippets: SnippetsState | undefined;
    const sub = service.snippets$.subscribe((s) => (snippets = s));
    const real = backend.listFaqs.bind(backend);
    backend.listFaqs = () => Promise.reject(new ChatBackendError('network', 'offline (test)'));
    byRole(el, 'button', 'Insert').click();
    const dialog = await waitUntil(() => queryByRole(el, 'dialog', 'Insert'), 'the picker');
    await waitUntil(() => snippets?.status === 'error', 'the failure');
    expect(snippets?.error?.code).to.equal('network');
    await settle(el);
    const alert = byRole(dialog, 'alert');
    expect(deepText(alert)).to.contain('The texts could not be loaded. The chat server could not be reached.');
    await expect(el).to.be.accessible();

    backend.listFaqs = real;
    byRole(alert, 'button', 'Try again').click();
    await waitUntil(() => allByRole(dialog, 'option').length > 0, 'the texts after Try again');
    expect(queryByRole(dialog, 'alert')).to.equal(null);
    expect(deepActiveElement()).to.equal(byRole(dialog, 'combobox', 'Search texts'));
    sub.unsubscribe();
  });
});
