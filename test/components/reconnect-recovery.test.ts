/**
 * The person panel's data that could not be loaded while the connection was down loads by
 * itself when the connection comes back, and so do the Insert picker's texts: the agent does not
 * have to press "Try again".
 */
import { expect, html } from '@open-wc/testing';
import { allByRole, byRole, deepAll, deepText, mount, openConversation, queryByRole, settle, setup, waitUntil } from '../helpers.js';

describe('<chat-person-panel> after a reconnect', () => {
  it('the customer information that failed while offline shows by itself once the connection is back (no "Try again")', async () => {
    const s = await setup();
    const id = s.backend.script.customerArrives({
      channelId: 'sales',
      name: 'Oliver Bennett',
      email: 'o.bennett@brightwave-logistics.co.uk',
      text: 'Hi',
    });
    const person = (await s.service.searchPersons('o.bennett@brightwave-logistics.co.uk'))[0]!;
    s.backend.script.agentAnswers('a1', id);
    await waitUntil(() => s.service.state.sessions[id]?.agentId === 'a1', 'the chat is the agent’s');
    await s.service.linkPerson(id, person.id);
    await s.service.loadPersonContext(id);

    s.backend.script.disconnect();
    await waitUntil(() => s.service.state.connection === 'offline', 'offline');
    // The panel asks again while offline (e.g. "Try again" pressed once too early): it fails.
    const el = await mount<HTMLElement>(s.service, html`<chat-person-panel session-id=${id}></chat-person-panel>`);
    await s.service.loadPersonContext(id, true).catch(() => undefined);
    await settle(el);
    const failure = await waitUntil(
      () => (deepAll(el, '[role="alert"]') as HTMLElement[]).find((a) => deepText(a).includes('customer information')),
      'the failure shown',
    );
    expect(queryByRole(failure, 'button', 'Try again')).to.not.equal(null);

    s.backend.script.reconnect();
    await s.clock.advance(5_000);
    await waitUntil(() => s.service.state.personContexts[id]?.status === 'ready', 'loaded by itself');
    await settle(el);
    expect((deepAll(el, '[role="alert"]') as HTMLElement[]).some((a) => deepText(a).includes('customer information'))).to.equal(false);
    expect(deepText(el)).to.contain('Oliver Bennett').and.contain('Brightwave Logistics').and.contain('Requests 2').and.contain('Sales 2').and.contain('Previous chats 2');
    expect(queryByRole(el, 'button', 'Remove link')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('candidates for an unlinked customer that failed while offline show by itself after the reconnect', async () => {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Oliver Bennett', email: 'o.bennett@brightwave-logistics.co.uk', text: 'Hi' });
    s.backend.script.agentAnswers('a1', id);
    await waitUntil(() => s.service.state.sessions[id]?.agentId === 'a1', 'the chat is the agent’s');
    s.backend.script.disconnect();
    await waitUntil(() => s.service.state.connection === 'offline', 'offline');
    const el = await mount<HTMLElement>(s.service, html`<chat-person-panel session-id=${id}></chat-person-panel>`);
    await waitUntil(() => s.service.state.personContexts[id]?.status === 'error', 'the panel’s load fails');
    await settle(el);
    expect(deepText(el)).to.contain('The customer information could not be loaded.');

    s.backend.script.reconnect();
    await s.clock.advance(5_000);
    const link = await waitUntil(() => queryByRole(el, 'button', /Link/), 'a candidate with Link');
    expect(deepText(el)).not.to.contain('could not be loaded');
    expect(link).to.not.equal(null);
    expect(byRole(el, 'complementary', 'Customer')).to.not.equal(null);
  });
});

describe('<chat-conversation> Insert picker after a reconnect', () => {
  it('the texts that failed while offline show in the open picker once the connection is back (no "Try again")', async () => {
    const { el, service, backend, clock } = await openConversation({}, { name: 'Mira Okafor', text: 'Where is my order?' });
    backend.script.disconnect();
    await waitUntil(() => service.state.connection === 'offline', 'offline');
    byRole(el, 'button', 'Insert').click();
    const dialog = await waitUntil(() => queryByRole(el, 'dialog', 'Insert'), 'the picker');
    const alert = await waitUntil(() => queryByRole(dialog, 'alert'), 'the failure');
    expect(deepText(alert)).to.contain('The texts could not be loaded.');

    backend.script.reconnect();
    await clock.advance(5_000);
    await waitUntil(() => allByRole(dialog, 'option').length > 0, 'the texts by themselves');
    expect(queryByRole(dialog, 'alert')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
