import { expect } from '@open-wc/testing';
import { setup, waitUntil } from '../helpers.js';

/** A chat answered by the signed-in agent (a1), its panel data loaded. */
async function answeredChat(s: Awaited<ReturnType<typeof setup>>, name: string, email?: string): Promise<string> {
  const id = s.backend.script.customerArrives({ channelId: 'sales', name, text: 'Hello', ...(email ? { email } : {}) });
  await s.service.answer(id);
  await waitUntil(() => s.service.state.personContexts[id]?.status === 'ready', 'panel data loaded');
  return id;
}

describe('ChatService keeps the person panels current after its own commands', () => {
  it('createRequest: the new request is in the panel data of the chat at once, also after loading again', async () => {
    const s = await setup();
    const id = await answeredChat(s, 'Oliver Bennett');
    await s.service.linkPerson(id, 'P1');
    expect(s.service.state.personContexts[id]!.details!.requests.map((r) => r.title)).not.to.include('Broken pallet');

    const request = await s.service.createRequest(id, { title: 'Broken pallet', category: 'Logistics', priority: 'medium' });
    expect(request.personId).to.equal('P1');
    await waitUntil(
      () => s.service.state.personContexts[id]!.details!.requests.some((r) => r.id === request.id),
      'the request in the panel data',
    );
    // Switching chats and back asks for the data again without force: the held data is current.
    await s.service.loadPersonContext(id);
    expect(s.service.state.personContexts[id]!.details!.requests[0]!.id).to.equal(request.id);
  });

  it('createRequest: another chat linked to the same person shows the request too; the refresh keeps the data shown', async () => {
    const s = await setup();
    const first = await answeredChat(s, 'Oliver Bennett');
    const second = await answeredChat(s, 'Oliver Bennett');
    await s.service.linkPerson(first, 'P1');
    await s.service.linkPerson(second, 'P1');
    const statuses: string[] = [];
    const sub = s.service.personContext$(second).subscribe((c) => c && statuses.push(c.status));
    const request = await s.service.createRequest(first, { title: 'Late delivery', category: '', priority: 'low' });
    await waitUntil(() => s.service.state.personContexts[second]!.details!.requests.some((r) => r.id === request.id), 'second panel');
    sub.unsubscribe();
    expect(statuses, 'no loading state while it refreshes').not.to.include('loading');
  });

  it('linkPerson: the panel of another chat of that person lists this chat among its chats', async () => {
    const s = await setup();
    const first = await answeredChat(s, 'Oliver Bennett');
    const second = await answeredChat(s, 'Oliver Bennett');
    await s.service.linkPerson(first, 'P1');
    expect(s.service.state.personContexts[first]!.details!.chatSessions.map((c) => c.id)).not.to.include(second);
    await s.service.linkPerson(second, 'P1');
    await waitUntil(() => s.service.state.personContexts[first]!.details!.chatSessions.some((c) => c.id === second), 'listed');
    await s.service.linkPerson(second, null);
    await waitUntil(() => !s.service.state.personContexts[first]!.details!.chatSessions.some((c) => c.id === second), 'gone after unlinking');
  });

  it('createPerson: a chat whose customer matches the new person lists them as a candidate', async () => {
    const s = await setup();
    const id = await answeredChat(s, 'Mira Okafor', 'mira.okafor@example.org');
    expect(s.service.state.personContexts[id]!.candidates).to.deep.equal([]);
    const person = await s.service.createPerson({ firstName: 'Mira', lastName: 'Okafor', email: 'mira.okafor@example.org' });
    await waitUntil(() => s.service.state.personContexts[id]!.candidates.some((c) => c.person.id === person.id), 'candidate');
  });

  it('endSession: another chat of the person shows the chat as ended', async () => {
    const s = await setup();
    const first = await answeredChat(s, 'Oliver Bennett');
    const second = await answeredChat(s, 'Oliver Bennett');
    await s.service.linkPerson(first, 'P1');
    await s.service.linkPerson(second, 'P1');
    await waitUntil(() => s.service.state.personContexts[second]!.details!.chatSessions.some((c) => c.id === first), 'listed');
    await s.service.endSession(first);
    await waitUntil(
      () => s.service.state.personContexts[second]!.details!.chatSessions.find((c) => c.id === first)?.endedAt,
      'ended in the other panel',
    );
  });

  it('of two overlapping loads of one chat, the one started last lands', async () => {
    const s = await setup();
    const id = await answeredChat(s, 'Oliver Bennett');
    const real = s.backend.getPersonDetails.bind(s.backend);
    let release: () => void = () => undefined;
    let calls = 0;
    s.backend.getPersonDetails = async (personId) => {
      calls++;
      if (calls === 1) {
        const stale = await real(personId);
        await new Promise<void>((r) => (release = r));
        return stale;
      }
      return real(personId);
    };
    await s.backend.linkPerson(id, 'P1').then(() => undefined);
    const slow = s.service.loadPersonContext(id, true);
    await waitUntil(() => calls === 1, 'first load asked');
    await s.service.createRequest(id, { title: 'Newest', category: '', priority: 'low' });
    await waitUntil(() => s.service.state.personContexts[id]!.details?.requests.some((r) => r.title === 'Newest'), 'newest');
    release();
    await slow;
    expect(s.service.state.personContexts[id]!.details!.requests.some((r) => r.title === 'Newest'), 'not overwritten by the older answer').to.equal(true);
  });
});
