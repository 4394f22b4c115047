import { expect } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import type { Person } from '../../src/model/crm.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import {
  isEmailAddress,
  personDraftFromCustomer,
  personWithEmail,
  splitPersonName,
  validateCompanyDraft,
  validatePersonDraft,
} from '../../src/service/person-rules.js';
import { PersonSearch } from '../../src/service/person-search.js';

const draft = { firstName: 'Mira', lastName: 'Okafor', email: 'mira@example.org', phone: '', companyName: '' };

describe('person rules (no DOM)', () => {
  it('splits a full name into the first word and the rest', () => {
    expect(splitPersonName('  Mira   van der Berg ')).to.deep.equal({ firstName: 'Mira', lastName: 'van der Berg' });
    expect(splitPersonName('Cher')).to.deep.equal({ firstName: 'Cher', lastName: '' });
    expect(splitPersonName('')).to.deep.equal({ firstName: '', lastName: '' });
  });

  it('pre-fills a person draft from what the customer gave', () => {
    expect(
      personDraftFromCustomer({ name: 'Lotte de Graaf', email: ' lotte@example.nl ', phone: '+31 6 1234 5678', companyName: 'Veldkamp' }),
    ).to.deep.equal({ firstName: 'Lotte', lastName: 'de Graaf', email: 'lotte@example.nl', phone: '+31 6 1234 5678', companyName: 'Veldkamp' });
    expect(personDraftFromCustomer({ name: 'Mira' })).to.deep.equal({ firstName: 'Mira', lastName: '', email: '', phone: '', companyName: '' });
  });

  it('accepts e-mail addresses and refuses what is not one', () => {
    for (const ok of ['mira@example.org', 'o.bennett@brightwave-logistics.co.uk', ' a+b@x.nl ']) expect(isEmailAddress(ok), ok).to.equal(true);
    for (const bad of ['', 'mira', 'mira@', '@example.org', 'mira@example', 'mi ra@example.org', 'a@b..nl', '.a@b.nl', 'a@-b.nl', '<a>@b.nl', 'a@b@c.nl']) {
      expect(isEmailAddress(bad), bad).to.equal(false);
    }
  });

  it('requires first and last name and a valid e-mail address when one is given', () => {
    expect(validatePersonDraft(draft)).to.deep.equal({});
    expect(validatePersonDraft({ ...draft, email: '' })).to.deep.equal({});
    expect(validatePersonDraft({ ...draft, firstName: ' ', lastName: '', email: 'nope' })).to.deep.equal({
      firstName: 'required',
      lastName: 'required',
      email: 'invalid-email',
    });
  });

  it('requires a company name', () => {
    expect(validateCompanyDraft({ name: 'Okafor Trading' })).to.deep.equal({});
    expect(validateCompanyDraft({ name: '  ' })).to.deep.equal({ name: 'required' });
  });

  it('finds a person by e-mail ignoring case and white space', () => {
    const persons = [{ id: 'P1', firstName: 'A', lastName: 'B', email: 'Mira@Example.org' }] as Person[];
    expect(personWithEmail(persons, ' mira@example.ORG')?.id).to.equal('P1');
    expect(personWithEmail(persons, 'other@example.org')).to.equal(undefined);
    expect(personWithEmail(persons, '')).to.equal(undefined);
  });
});

describe('PersonSearch (no DOM)', () => {
  function deferred() {
    let resolve!: (value: readonly Person[]) => void;
    const promise = new Promise<readonly Person[]>((r) => (resolve = r));
    return { promise, resolve };
  }
  const person = (id: string) => ({ id, firstName: id, lastName: 'X' }) as Person;

  it('searches once, after the debounce following the last keystroke', async () => {
    const clock = new FakeClock();
    const queries: string[] = [];
    const search = new PersonSearch({ clock, debounceMs: 250, search: async (q) => (queries.push(q), [person(q)]) });
    for (const q of ['B', 'Be', 'Ben', 'Benn']) {
      search.setQuery(q);
      await clock.advance(100);
    }
    expect(queries).to.deep.equal([]);
    expect(search.state.status).to.equal('waiting');
    await clock.advance(250);
    await Promise.resolve();
    expect(queries).to.deep.equal(['Benn']);
    expect(search.state).to.deep.equal({ query: 'Benn', status: 'ready', results: [person('Benn')] });
    search.dispose();
  });

  it('ignores a response that arrives after a newer query was typed', async () => {
    const clock = new FakeClock();
    const calls: { q: string; d: ReturnType<typeof deferred> }[] = [];
    const search = new PersonSearch({
      clock,
      debounceMs: 10,
      search: (q) => {
        const d = deferred();
        calls.push({ q, d });
        return d.promise;
      },
    });
    search.setQuery('Ol');
    await clock.advance(10);
    search.setQuery('Oliver');
    await clock.advance(10);
    expect(calls.map((c) => c.q)).to.deep.equal(['Ol', 'Oliver']);
    calls[1]!.d.resolve([person('new')]);
    await Promise.resolve();
    await Promise.resolve();
    calls[0]!.d.resolve([person('stale')]);
    await Promise.resolve();
    await Promise.resolve();
    expect(search.state.query).to.equal('Oliver');
    expect(search.state.results.map((p) => p.id)).to.deep.equal(['new']);
    search.dispose();
  });

  it('does not search for fewer than two characters and clears the results', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const search = new PersonSearch({ clock, search: async () => (calls++, [person('a')]) });
    search.setQuery('a');
    await clock.advance(1000);
    expect(calls).to.equal(0);
    expect(search.state.status).to.equal('idle');
    search.dispose();
  });

  it('reports a failed search as error and cancels its timer on dispose', async () => {
    const clock = new FakeClock();
    const search = new PersonSearch({ clock, search: async () => Promise.reject(new Error('network')) });
    search.setQuery('Oliver');
    await clock.advance(250);
    await Promise.resolve();
    await Promise.resolve();
    expect(search.state.status).to.equal('error');
    search.setQuery('Olivia');
    expect(clock.pendingTimers).to.equal(1);
    search.dispose();
    expect(clock.pendingTimers).to.equal(0);
  });
});

describe('ChatService person commands (no DOM)', () => {
  async function make() {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const service = new ChatService({ backend, clock });
    await service.ready;
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', email: 'mira@example.org', text: 'Hi' });
    await service.answer(id);
    return { clock, backend, service, id };
  }

  it('answering a chat looks up the CRM persons that could be the customer, without any element', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const service = new ChatService({ backend, clock });
    await service.ready;
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Lotte de Graaf', email: 'o.bennett@brightwave-logistics.co.uk', text: 'Hi' });
    const next = backend.script.customerArrives({ channelId: 'sales', name: 'Oliver Bennett', text: 'Hello' });
    await service.answer(id);
    await new Promise((r) => setTimeout(r, 0));
    expect(service.state.personContexts[id]!.candidates.map((c) => [c.person.lastName, c.matchedOn])).to.deep.equal([
      ['Bennett', 'email'],
      ['de Graaf', 'name'],
    ]);
    const taken = await service.takeNextInQueue();
    expect(taken!.id).to.equal(next);
    await new Promise((r) => setTimeout(r, 0));
    expect(service.state.personContexts[next]!.candidates.map((c) => c.matchedOn)).to.deep.equal(['name']);
  });

  it('createPersonAndLink refuses an invalid draft with invalid-input and the field errors, creating nothing', async () => {
    const { service, backend, id } = await make();
    let created = 0;
    const real = backend.createPerson.bind(backend);
    backend.createPerson = async (input) => (created++, real(input));
    const error = await service.createPersonAndLink(id, { ...draft, lastName: '', email: 'mira@' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChatBackendError);
    expect((error as ChatBackendError).code).to.equal('invalid-input');
    expect((error as ChatBackendError).details['fields']).to.deep.equal({ lastName: 'required', email: 'invalid-email' });
    expect(created).to.equal(0);
  });

  it('createPersonAndLink refuses a duplicate e-mail with the existing person, unless allowed', async () => {
    const { service, id } = await make();
    const existing = (await service.searchPersons('o.bennett@brightwave-logistics.co.uk'))[0]!;
    const input = { ...draft, email: 'O.Bennett@brightwave-logistics.co.uk' };
    const error = (await service.createPersonAndLink(id, input).catch((e: unknown) => e)) as ChatBackendError;
    expect(error.code).to.equal('duplicate');
    expect((error.details['person'] as Person).id).to.equal(existing.id);
    expect(service.state.sessions[id]!.personId).to.equal(undefined);
    const person = await service.createPersonAndLink(id, input, { allowDuplicate: true });
    expect(person.id).to.not.equal(existing.id);
    expect(service.state.sessions[id]!.personId).to.equal(person.id);
  });

  it('createPersonAndLink creates the named company with the person and links the session', async () => {
    const { service, id } = await make();
    const person = await service.createPersonAndLink(id, { ...draft, companyName: 'Okafor Trading' });
    expect(person.companyName).to.equal('Okafor Trading');
    expect(service.state.sessions[id]!.personId).to.equal(person.id);
    expect(service.state.personContexts[id]!.details!.company!.name).to.equal('Okafor Trading');
  });

  it('createCompany refuses an empty name with invalid-input', async () => {
    const { service } = await make();
    const error = (await service.createCompany({ name: ' ' }).catch((e: unknown) => e)) as ChatBackendError;
    expect(error.code).to.equal('invalid-input');
  });

  it('linkPerson(null) unlinks and loads candidates again', async () => {
    const { service, id } = await make();
    const p = (await service.searchPersons('Oliver Bennett'))[0]!;
    await service.linkPerson(id, p.id);
    expect(service.state.personContexts[id]!.details!.person.id).to.equal(p.id);
    await service.linkPerson(id, null);
    expect(service.state.sessions[id]!.personId).to.equal(undefined);
    expect(service.state.personContexts[id]!.details).to.equal(undefined);
    expect(service.state.personContexts[id]!.status).to.equal('ready');
  });

  it("loadTranscript loads a previous chat's messages oldest first, once", async () => {
    const { service, backend } = await make();
    let calls = 0;
    const real = backend.getChatTranscript.bind(backend);
    backend.getChatTranscript = async (sid) => (calls++, real(sid));
    const archived = backend.inspect.archivedChats()[0]!;
    await service.loadTranscript(archived.id);
    await service.loadTranscript(archived.id);
    const t = service.state.transcripts[archived.id]!;
    expect(t.status).to.equal('ready');
    expect(t.messages.length).to.be.greaterThan(2);
    expect(t.messages.at(-2)!.text).to.equal(archived.lastMessageText);
    expect(calls).to.equal(1);
  });
});
