import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatPersonPanel } from '../../src/components/chat-person-panel/chat-person-panel.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { byRole, deepAll, deepText, mount, queryByRole, settle, setup, waitUntil } from '../helpers.js';

/** The Requests section's summary text, e.g. "Requests 2". */
function requestsSummary(el: Element): string {
  const summary = deepAll(el, 'summary').find((s) => s.textContent!.includes('Requests'));
  return summary ? summary.textContent!.replace(/\s+/g, ' ').trim() : '';
}

describe('<chat-person-panel> stays current', () => {
  it('lists a request right after Create request → Save request in the conversation of a chat linked with Link', async () => {
    const s = await setup();
    // A new person, so the Requests section starts empty ("0 / No requests yet").
    const person = await s.service.createPerson({ firstName: 'Mira', lastName: 'Okafor', email: 'mira.okafor@example.org' });
    const id = s.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', email: 'mira.okafor@example.org', text: 'Wrong VAT number' });
    await s.service.answer(id);
    const host = await mount<HTMLElement>(
      s.service,
      html`<div><chat-conversation></chat-conversation><chat-person-panel></chat-person-panel></div>`,
    );
    const panel = host.querySelector<ChatPersonPanel>('chat-person-panel')!;
    const conversation = host.querySelector<ChatConversation>('chat-conversation')!;
    await waitUntil(() => s.service.state.personContexts[id]?.candidates.some((c) => c.person.id === person.id), 'candidate');
    await settle(panel);
    byRole(panel, 'button', 'Link').click();
    await waitUntil(() => s.service.state.personContexts[id]?.details, 'details');
    await settle(panel);
    expect(requestsSummary(panel)).to.equal('Requests 0');
    expect(deepText(panel)).to.contain('No requests yet.');

    await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
    await settle(conversation);
    byRole(conversation, 'button', 'Create request').click();
    await waitUntil(() => queryByRole(conversation, 'dialog', 'Create request'), 'the request dialog');
    await settle(conversation);
    byRole(byRole(conversation, 'dialog', 'Create request'), 'button', 'Save request').click();
    await waitUntil(() => !queryByRole(conversation, 'dialog', 'Create request'), 'the dialog to close');

    const request = s.backend.inspect.requests().find((r) => r.sessionId === id)!;
    await waitUntil(() => requestsSummary(panel) === 'Requests 1', 'Requests 1');
    for (const d of deepAll(panel, 'details') as HTMLDetailsElement[]) d.open = true;
    await settle(panel);
    expect(byRole(panel, 'button', new RegExp(`^${request.number}`))).to.exist;
    expect(deepText(panel)).not.to.contain('No requests yet.');
  });
});
