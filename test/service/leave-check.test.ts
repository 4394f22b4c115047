/**
 * What the agent is asked before a chat leaves them (DOM-free): `ChatService.transferCheck$`
 * (a reply typed and not sent, files attached and not sent, before a transfer) and
 * `ChatService.endChatCheck$` (the live source of the End-chat confirmation), both following the
 * service state as it changes.
 */
import { expect } from '@open-wc/testing';
import { transferConcerns } from '../../src/model/session.js';
import type { ChatService } from '../../src/service/chat-service.js';
import type { LeaveCheck } from '../../src/service/leave-check.js';
import { setup } from '../helpers.js';

/** Every value an observable emits, newest last. */
function record<T>(service: ChatService, source: (s: ChatService) => import('rxjs').Observable<T>): { values: T[]; stop(): void } {
  const values: T[] = [];
  const subscription = source(service).subscribe((v) => values.push(v));
  return { values, stop: () => subscription.unsubscribe() };
}

const pdf = (name: string) => new File([new Uint8Array(2048)], name, { type: 'application/pdf' });
const last = <T>(values: T[]): T => values[values.length - 1]!;
const brief = (c: LeaveCheck) => ({ possible: c.possible, concerns: [...c.concerns], unsentFiles: c.unsentFiles });

async function answered() {
  const s = await setup();
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
  await s.service.answer(id);
  return { ...s, id };
}

describe('transferConcerns', () => {
  it('names a reply that was not sent and files that were not sent, in that order; blank text does not count', () => {
    expect(transferConcerns()).to.deep.equal([]);
    expect(transferConcerns(' \n ', 0)).to.deep.equal([]);
    expect(transferConcerns('One more thing')).to.deep.equal(['unsent-reply']);
    expect(transferConcerns('', 2)).to.deep.equal(['unsent-files']);
    expect(transferConcerns('One more thing', 1)).to.deep.equal(['unsent-reply', 'unsent-files']);
  });
});

describe('ChatService.transferCheck$', () => {
  it('nothing to warn about with an empty composer and no files, even when the customer wrote last', async () => {
    const { service, id } = await answered();
    const check = record(service, (s) => s.transferCheck$(id));
    expect(brief(last(check.values))).to.deep.equal({ possible: true, concerns: [], unsentFiles: 0 });
    expect(last(check.values).customerName).to.equal('Mira Okafor');
    check.stop();
  });

  it('follows the draft and the files live: the reply, then a file while it uploads, gone once sent', async () => {
    const { clock, service, id } = await answered();
    const check = record(service, (s) => s.transferCheck$(id));
    service.setDraft(id, 'I am checking with the carrier');
    expect(brief(last(check.values))).to.deep.equal({ possible: true, concerns: ['unsent-reply'], unsentFiles: 0 });
    const done = service.attachFiles(id, [pdf('invoice.pdf'), pdf('label.pdf')]);
    expect(brief(last(check.values))).to.deep.equal({ possible: true, concerns: ['unsent-reply', 'unsent-files'], unsentFiles: 2 });
    service.setDraft(id, '   ');
    expect(brief(last(check.values))).to.deep.equal({ possible: true, concerns: ['unsent-files'], unsentFiles: 2 });
    await clock.advance(60_000);
    await done;
    expect(brief(last(check.values)), 'the files were sent').to.deep.equal({ possible: true, concerns: [], unsentFiles: 0 });
    check.stop();
  });

  it('counts a failed file, not a refused one', async () => {
    const { backend, service, id } = await answered();
    await service.attachFiles(id, [new File([], 'empty.txt', { type: 'text/plain' })]);
    expect(brief(await firstValue(service, id))).to.deep.equal({ possible: true, concerns: [], unsentFiles: 0 });
    backend.uploadFile = () => Promise.reject(new Error('network'));
    await service.attachFiles(id, [pdf('invoice.pdf')]);
    expect(brief(await firstValue(service, id))).to.deep.equal({ possible: true, concerns: ['unsent-files'], unsentFiles: 1 });
  });

  it('no longer possible once a transfer is pending, the chat ended or is unknown (and then asks nothing)', async () => {
    const { backend, service, id } = await answered();
    service.setDraft(id, 'Draft');
    const check = record(service, (s) => s.transferCheck$(id));
    backend.script.transfer(id, 'a1', 'a2');
    await waitFor(() => !last(check.values).possible);
    expect(last(check.values).concerns).to.deep.equal([]);
    backend.script.customerLeaves(id);
    await waitFor(() => service.state.sessions[id]!.status === 'ended');
    expect(last(check.values).possible).to.equal(false);
    expect((await firstValue(service, 'S-unknown')).possible).to.equal(false);
    check.stop();
  });

  it('the reply does not go with the transfer: the note is only what the agent wrote, and the draft stays the sender’s, read-only once accepted', async () => {
    const { backend, service, id } = await answered();
    service.setDraft(id, 'Your parcel is at the depot in');
    await service.requestTransfer(id, 'a2', 'Knows the depot');
    expect(service.state.sessions[id]!.transferTo?.note).to.equal('Knows the depot');
    expect(service.state.drafts[id], 'still the sender’s draft while pending').to.equal('Your parcel is at the depot in');
    backend.script.acceptTransfer('a2', id);
    await waitFor(() => service.state.sessions[id]!.agentId === 'a2');
    let unsent: unknown;
    service.unsentReply$(id).subscribe((u) => (unsent = u)).unsubscribe();
    expect(unsent).to.deep.equal({ text: 'Your parcel is at the depot in', reason: 'not-writable' });
    const history = await backend.forAgent('a2').getMessages(id, { limit: 50 });
    expect(history.messages.some((m) => m.text.includes('depot in')), 'nothing of the draft reached the chat').to.equal(false);
  });
});

describe('ChatService.endChatCheck$ (live)', () => {
  it('follows the customer, the draft and the files while subscribed', async () => {
    const { clock, backend, service, id } = await answered();
    backend.script.agentWrites('a1', id, 'It arrives today.');
    await waitFor(() => service.state.sessions[id]!.lastMessage?.kind === 'to-customer');
    const check = record(service, (s) => s.endChatCheck$(id));
    expect(brief(last(check.values))).to.deep.equal({ possible: true, concerns: [], unsentFiles: 0 });
    backend.script.customerWrites(id, 'Thanks, and the invoice?');
    await waitFor(() => last(check.values).concerns.includes('unanswered'));
    service.setDraft(id, 'Here it');
    const done = service.attachFiles(id, [pdf('invoice.pdf')]);
    expect(brief(last(check.values))).to.deep.equal({ possible: true, concerns: ['unanswered', 'unsent-reply', 'unsent-files'], unsentFiles: 1 });
    await clock.advance(60_000);
    await done;
    // The file went to the customer as the agent's message: no longer unanswered either.
    await waitFor(() => last(check.values).concerns.length === 1, () => JSON.stringify([last(check.values), service.state.sessions[id]!.lastMessage]));
    expect(last(check.values).concerns).to.deep.equal(['unsent-reply']);
    backend.script.customerLeaves(id);
    await waitFor(() => !last(check.values).possible);
    expect(brief(last(check.values))).to.deep.equal({ possible: false, concerns: [], unsentFiles: 0 });
    check.stop();
  });

  it('a file sent when its upload is done leaves the draft being typed (only a message with text clears it)', async () => {
    const { clock, service, id } = await answered();
    const done = service.attachFiles(id, [pdf('invoice.pdf')]);
    service.setDraft(id, 'Here is the invoice');
    await clock.advance(60_000);
    await done;
    expect(service.unsentFiles(id)).to.equal(0);
    expect(service.state.drafts[id]).to.equal('Here is the invoice');
    void service.sendMessage(id, 'Here is the invoice').catch(() => undefined);
    expect(service.state.drafts[id]).to.equal('');
  });

  it('emits only when what it says changes (not on every state change)', async () => {
    const { service, id } = await answered();
    service.setDraft(id, 'a');
    const check = record(service, (s) => s.endChatCheck$(id));
    const before = check.values.length;
    service.setDraft(id, 'ab');
    service.setDraft(id, 'abc');
    service.selectSession(id);
    expect(check.values.length).to.equal(before);
    check.stop();
  });
});

async function firstValue(service: ChatService, id: string): Promise<LeaveCheck> {
  let value: LeaveCheck | undefined;
  service.transferCheck$(id).subscribe((v) => (value = v)).unsubscribe();
  return value!;
}

async function waitFor(check: () => boolean, what: () => string = () => ''): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(check(), what()).to.equal(true);
}
