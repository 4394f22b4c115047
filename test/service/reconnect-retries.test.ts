/**
 * After a connection drop and reconnect the service loads again, by itself and once, what had
 * failed and would otherwise wait for "Try again": person panel data, earlier-chat transcripts and
 * the Insert picker's texts (DOM-free; demo backend behind `withFaults`, FakeClock).
 */
import { expect } from '@open-wc/testing';
import { withFaults } from '../../src/backend/fault-injection.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import type { SnippetsState } from '../../src/service/snippets.js';

async function make() {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 3, clock, autoplay: false });
  // Injected failures happen before the request reaches the demo backend.
  const faulty = withFaults(backend, { clock, seed: 1, lostResponseShare: 0 });
  /** Calls per command (and per customer name / person id / chat id where it matters). */
  const calls = new Map<string, number>();
  const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);
  const find = faulty.findPersonCandidates.bind(faulty);
  faulty.findPersonCandidates = (customer) => (count(`candidates:${customer.name}`), find(customer));
  const details = faulty.getPersonDetails.bind(faulty);
  faulty.getPersonDetails = (personId) => (count(`details:${personId}`), details(personId));
  const faqs = faulty.listFaqs.bind(faulty);
  faulty.listFaqs = () => (count('faqs'), faqs());
  const transcript = faulty.getChatTranscript.bind(faulty);
  faulty.getChatTranscript = (chatId) => (count(`transcript:${chatId}`), transcript(chatId));
  const service = new ChatService({ backend: faulty, clock, retryDelayMs: 2_000 });
  await service.ready;
  const calls$ = (key: string) => calls.get(key) ?? 0;
  return { clock, backend, faulty, service, calls: calls$ };
}

type Ctx = Awaited<ReturnType<typeof make>>;

/** The connection drops and comes back; then the clock runs well past every retry delay. */
async function dropAndReconnect(ctx: Ctx): Promise<void> {
  ctx.faulty.faults.disconnect(false);
  await ctx.clock.advance(500);
  ctx.faulty.faults.reconnect();
  for (let i = 0; i < 10; i++) await ctx.clock.advance(2_000);
}

/** The Insert picker's data now. */
function snippets(service: ChatService): SnippetsState {
  let state: SnippetsState | undefined;
  service.snippets$.subscribe((s) => (state = s)).unsubscribe();
  return state!;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(check(), what).to.equal(true);
}

/** A customer arrives and the agent answers (which loads the person panel's data). */
async function answered(ctx: Ctx, name: string, email?: string): Promise<string> {
  const id = ctx.backend.script.customerArrives({ channelId: 'sales', name, ...(email ? { email } : {}), text: 'Hi' });
  await ctx.service.answer(id);
  await until(() => ['ready', 'error'].includes(ctx.service.state.personContexts[id]?.status ?? ''), `person data of ${name} settled`);
  return id;
}

describe('ChatService: a reconnect loads failed data again', () => {
  it('failed person data (a linked person’s details, or the candidates) loads again once; data that loaded is not loaded again', async () => {
    const ctx = await make();
    const fine = await answered(ctx, 'Tom Berg');
    ctx.faulty.faults.configure({ failureRate: { findPersonCandidates: 1, getPersonDetails: 1 } });
    const noCandidates = await answered(ctx, 'Mira Okafor');
    const linked = await answered(ctx, 'Oliver Bennett', 'o.bennett@brightwave-logistics.co.uk');
    ctx.faulty.faults.configure({ failureRate: 0 });
    const person = (await ctx.service.searchPersons('o.bennett@brightwave-logistics.co.uk'))[0]!;
    ctx.faulty.faults.configure({ failureRate: { getPersonDetails: 1 } });
    await ctx.service.linkPerson(linked, person.id);
    ctx.faulty.faults.configure({ failureRate: 0 });
    expect(ctx.service.state.personContexts[fine]!.status).to.equal('ready');
    expect(ctx.service.state.personContexts[noCandidates]!.status).to.equal('error');
    expect(ctx.service.state.personContexts[linked]!.status).to.equal('error');
    expect(ctx.service.state.personContexts[linked]!.error?.code).to.equal('network');
    const before = { fine: ctx.calls('candidates:Tom Berg'), mira: ctx.calls('candidates:Mira Okafor'), details: ctx.calls(`details:${person.id}`) };

    await dropAndReconnect(ctx);
    await until(() => ctx.service.state.personContexts[linked]!.status === 'ready', 'the linked person loaded');
    await until(() => ctx.service.state.personContexts[noCandidates]!.status === 'ready', 'the candidates loaded');
    const details = ctx.service.state.personContexts[linked]!.details!;
    expect(details.person.id).to.equal(person.id);
    expect(details.company?.name, 'with the company').to.be.a('string');
    expect(ctx.calls(`details:${person.id}`) - before.details, 'the details loaded once more').to.equal(1);
    expect(ctx.calls('candidates:Mira Okafor') - before.mira, 'the candidates loaded once more').to.equal(1);
    expect(ctx.calls('candidates:Tom Berg') - before.fine, 'data that loaded is not loaded again').to.equal(0);
  });

  it('once per reconnect, not in a loop: still failing, it waits (for "Try again" or the next reconnect)', async () => {
    const ctx = await make();
    ctx.faulty.faults.configure({ failureRate: { findPersonCandidates: 1 } });
    const id = await answered(ctx, 'Mira Okafor');
    expect(ctx.calls('candidates:Mira Okafor')).to.equal(1);

    await dropAndReconnect(ctx);
    await until(() => ctx.calls('candidates:Mira Okafor') === 2 && ctx.service.state.personContexts[id]!.status === 'error', 'tried once more');
    for (let i = 0; i < 30; i++) await ctx.clock.advance(2_000);
    expect(ctx.calls('candidates:Mira Okafor'), 'no further attempt by itself').to.equal(2);
    expect(ctx.service.state.personContexts[id]!.status).to.equal('error');

    await dropAndReconnect(ctx);
    await until(() => ctx.calls('candidates:Mira Okafor') === 3, 'one more attempt after the next reconnect');
    ctx.faulty.faults.configure({ failureRate: 0 });
    await ctx.service.loadPersonContext(id, true);
    expect(ctx.service.state.personContexts[id]!.status, '"Try again" still loads it').to.equal('ready');
  });

  it('a reconnect whose snapshot fails at first retries them once it loads', async () => {
    const ctx = await make();
    ctx.faulty.faults.configure({ failureRate: { findPersonCandidates: 1 } });
    const id = await answered(ctx, 'Mira Okafor');
    ctx.faulty.faults.configure({ failureRate: { getSnapshot: 1 } });
    ctx.faulty.faults.disconnect(false);
    await ctx.clock.advance(500);
    ctx.faulty.faults.reconnect();
    await ctx.clock.advance(500);
    expect(ctx.calls('candidates:Mira Okafor'), 'not before the new snapshot is in').to.equal(1);
    ctx.faulty.faults.configure({ failureRate: 0 });
    for (let i = 0; i < 10; i++) await ctx.clock.advance(2_000);
    await until(() => ctx.service.state.personContexts[id]!.status === 'ready', 'loaded after the snapshot');
    expect(ctx.calls('candidates:Mira Okafor')).to.equal(2);
  });

  it('the Insert picker’s texts that failed load again; once loaded they are not loaded again', async () => {
    const ctx = await make();
    ctx.faulty.faults.configure({ failureRate: { listFaqs: 1 } });
    await ctx.service.loadSnippets().catch(() => undefined);
    ctx.faulty.faults.configure({ failureRate: 0 });
    expect(snippets(ctx.service).status).to.equal('error');

    await dropAndReconnect(ctx);
    await until(() => snippets(ctx.service).status === 'ready', 'the texts loaded');
    expect(snippets(ctx.service).snippets.some((s) => s.source === 'faq')).to.equal(true);
    expect(ctx.calls('faqs')).to.equal(2);

    await dropAndReconnect(ctx);
    expect(ctx.calls('faqs'), 'loaded texts are not loaded again').to.equal(2);
  });

  it('a failed transcript of an earlier chat loads again; a loaded one is not loaded again', async () => {
    const ctx = await make();
    const earlier = await answered(ctx, 'Mira Okafor');
    const other = await answered(ctx, 'Tom Berg');
    await ctx.service.endSession(earlier);
    await ctx.service.endSession(other);
    await ctx.service.loadTranscript(other);
    ctx.faulty.faults.configure({ failureRate: { getChatTranscript: 1 } });
    await ctx.service.loadTranscript(earlier).catch(() => undefined);
    ctx.faulty.faults.configure({ failureRate: 0 });
    expect(ctx.service.state.transcripts[earlier]!.status).to.equal('error');

    await dropAndReconnect(ctx);
    await until(() => ctx.service.state.transcripts[earlier]!.status === 'ready', 'the transcript loaded');
    expect(ctx.service.state.transcripts[earlier]!.messages.map((m) => m.text)).to.include('Hi');
    expect(ctx.calls(`transcript:${earlier}`)).to.equal(2);
    expect(ctx.calls(`transcript:${other}`)).to.equal(1);
  });
});
