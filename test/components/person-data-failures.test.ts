/**
 * The person panel's data and an earlier chat's transcript that cannot be loaded say why (by the
 * error's code, kept in service state) next to "Try again", which loads them.
 */
import { expect, html } from '@open-wc/testing';
import { ChatBackendError } from '../../src/backend/errors.js';
import { byRole, deepAll, deepText, mount, settle, setup, waitUntil } from '../helpers.js';

const reject = (code: ChatBackendError['code']) => () => Promise.reject(new ChatBackendError(code, `${code} (test)`));

describe('<chat-person-panel> data that cannot be loaded', () => {
  it('the customer information: the reason by code with "Try again" (kept in personContexts[id].error), which loads it', async () => {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Zxqv Nobody', text: 'Hi' });
    const real = s.backend.findPersonCandidates.bind(s.backend);
    s.backend.findPersonCandidates = reject('timeout');
    await s.service.answer(id);
    const el = await mount<HTMLElement>(s.service, html`<chat-person-panel></chat-person-panel>`);
    await waitUntil(() => s.service.state.personContexts[id]?.status === 'error', 'the failure');
    expect(s.service.state.personContexts[id]!.error?.code).to.equal('timeout');
    await settle(el);
    const failure = (deepAll(el, '[role="alert"]') as HTMLElement[]).find((a) => deepText(a).includes('customer information'))!;
    expect(deepText(failure)).to.contain('The customer information could not be loaded.').and.contain('The chat server could not be reached.');
    s.backend.findPersonCandidates = real;
    byRole(failure, 'button', 'Try again').click();
    await waitUntil(() => s.service.state.personContexts[id]?.status === 'ready', 'loaded after Try again');
    expect(s.service.state.personContexts[id]!.error).to.equal(undefined);
  });
});
