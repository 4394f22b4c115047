import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatPersonPanel } from '../../src/components/chat-person-panel/chat-person-panel.js';
import type { PersonCandidate, PersonDetails } from '../../src/model/crm.js';
import {
  type Setup,
  allByRole,
  byRole,
  deepAll,
  deepQuery,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const OLIVER_EMAIL = 'o.bennett@brightwave-logistics.co.uk';

/** A chat of a customer, answered by the current agent and selected, with the panel mounted. */
async function panelFor(
  customer: { name?: string; email?: string; phone?: string; companyName?: string },
  s?: Setup,
): Promise<Setup & { id: string; el: ChatPersonPanel }> {
  const env = s ?? (await setup());
  const id = env.backend.script.customerArrives({ channelId: 'sales', text: 'Hello', ...customer });
  await env.service.answer(id);
  const el = await mount<ChatPersonPanel>(env.service, html`<chat-person-panel></chat-person-panel>`);
  await waitUntil(() => env.service.state.personContexts[id]?.status === 'ready', 'person context');
  await settle(el);
  return { ...env, id, el };
}

/** A CRM person who has requests, sales, follow-ups and earlier chats in the seeded demo data. */
async function busyPerson(s: Setup): Promise<PersonDetails> {
  for (const person of await s.backend.searchPersons('co', 500)) {
    const details = await s.backend.getPersonDetails(person.id);
    if (
      details.requests.length &&
      details.sales.length &&
      details.followUps.length &&
      details.chatSessions.length &&
      details.company &&
      person.phone
    ) {
      return details;
    }
  }
  throw new Error('no person with every kind of record in the seed');
}

/** The panel for a chat already linked to a person with records of every kind. */
async function matched(): Promise<Setup & { id: string; el: ChatPersonPanel; details: PersonDetails }> {
  const s = await setup();
  const details = await busyPerson(s);
  const p = details.person;
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: `${p.firstName} ${p.lastName}`, email: p.email, text: 'Hi' });
  await s.service.answer(id);
  await s.service.linkPerson(id, p.id);
  const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
  await waitUntil(() => s.service.state.personContexts[id]?.details, 'details');
  await settle(el);
  return { ...s, id, el, details };
}

function listen<T>(name: string): CustomEvent<T>[] {
  const events: CustomEvent<T>[] = [];
  const handler = (e: Event) => events.push(e as CustomEvent<T>);
  document.addEventListener(name, handler);
  after(() => document.removeEventListener(name, handler));
  return events;
}

/** Open every collapsed section. */
async function openSections(el: Element): Promise<void> {
  for (const d of deepAll(el, 'details') as HTMLDetailsElement[]) d.open = true;
  await settle(el);
}

describe('<chat-person-panel>', () => {
  afterEach(() => {
    delete window.__xss;
  });

  it('explains that a chat service is missing when no provider is above it', async () => {
    const el = await fixture<ChatPersonPanel>(html`<chat-person-panel></chat-person-panel>`);
    expect(deepText(el)).to.contain('No chat service');
  });

  it('shows a helpful empty state when no session is selected', async () => {
    const s = await setup();
    const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
    expect(deepText(el)).to.contain('Select a chat to see who you are talking to.');
    await expect(el).to.be.accessible();
  });

  describe('unmatched customer', () => {
    it("shows the customer's own details as given", async () => {
      const { el } = await panelFor({ name: 'Mira Okafor', email: 'mira@example.org', phone: '+31 6 1234 5678', companyName: 'Okafor Trading' });
      const text = deepText(el);
      expect(text).to.contain('Mira Okafor');
      expect(text).to.contain('Okafor Trading');
      expect(deepQuery<HTMLAnchorElement>(el, 'a[href^="mailto:"]')!.getAttribute('href')).to.equal('mailto:mira@example.org');
      expect(deepQuery<HTMLAnchorElement>(el, 'a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:+31612345678');
    });

    it('links only contact details that look like an e-mail address or a phone number', async () => {
      const { el } = await panelFor({ name: 'Mira Okafor', email: 'not an address <b>', phone: '<svg onload=window.__xss=3>' });
      expect(deepAll(el, 'a[href^="mailto:"], a[href^="tel:"]')).to.have.length(0);
      const text = deepText(el);
      expect(text).to.contain('not an address <b>');
      expect(text).to.contain('<svg onload=window.__xss=3>');
      expect(deepAll(el, 'svg b, b')).to.have.length(0);
    });

    it('lists candidates found by e-mail and by name, each with what matched and a Link button', async () => {
      const { el, service, id } = await panelFor({ name: 'Lotte de Graaf', email: OLIVER_EMAIL });
      const candidates = service.state.personContexts[id]!.candidates;
      expect(candidates.map((c: PersonCandidate) => c.matchedOn)).to.deep.equal(['email', 'name']);
      const text = deepText(el);
      expect(text).to.contain('This could be ...');
      expect(text).to.contain('Oliver Bennett');
      expect(text).to.contain('Same e-mail address');
      expect(text).to.contain('Lotte de Graaf');
      expect(text).to.contain('Same name');
      expect(allByRole(el, 'button', 'Link')).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('Link links the customer to that person, fires chat-person-link and shows the person', async () => {
      const { el, service, id } = await panelFor({ name: 'Somebody Else', email: OLIVER_EMAIL });
      const events = listen<{ sessionId: string; personId: string }>('chat-person-link');
      const personId = service.state.personContexts[id]!.candidates[0]!.person.id;
      byRole(el, 'button', 'Link').click();
      await waitUntil(() => events.length === 1, 'chat-person-link');
      expect(events[0]!.detail).to.deep.equal({ sessionId: id, personId });
      expect(service.state.sessions[id]!.personId).to.equal(personId);
      await waitUntil(() => service.state.personContexts[id]?.details, 'details');
      await settle(el);
      expect(byRole(el, 'button', 'Open in CRM')).to.exist;
      expect(queryByRole(el, 'button', 'Link')).to.equal(null);
    });

    it('says so when nobody in the CRM matches', async () => {
      const { el } = await panelFor({ name: 'Zxqv Nobody', email: 'nobody@nowhere.invalid' });
      expect(deepText(el)).to.contain('No CRM person matches');
      expect(queryByRole(el, 'button', 'Link')).to.equal(null);
    });

    it('Create person opens a form pre-filled from the chat that creates and links the person', async () => {
      const { el, service, id } = await panelFor({ name: 'Mira van der Berg', email: 'mira@example.org' });
      const events = listen<{ sessionId: string; personId: string }>('chat-person-link');
      byRole(el, 'button', 'Create person').click();
      await settle(el);
      expect(byRole<HTMLInputElement>(el, 'textbox', 'First name').value).to.equal('Mira');
      expect(byRole<HTMLInputElement>(el, 'textbox', 'Last name').value).to.equal('van der Berg');
      expect(byRole<HTMLInputElement>(el, 'textbox', 'E-mail').value).to.equal('mira@example.org');
      byRole(el, 'button', 'Save and link').click();
      await waitUntil(() => events.length === 1, 'linked');
      const personId = service.state.sessions[id]!.personId!;
      expect(events[0]!.detail).to.deep.equal({ sessionId: id, personId });
      await waitUntil(() => service.state.personContexts[id]?.details, 'details');
      expect(service.state.personContexts[id]!.details!.person).to.deep.include({ firstName: 'Mira', lastName: 'van der Berg' });
    });

    it('Create company opens a form pre-filled with the company name the customer gave and creates it', async () => {
      const s = await setup();
      const created: string[] = [];
      const real = s.backend.createCompany.bind(s.backend);
      s.backend.createCompany = async (input) => {
        created.push(input.name);
        return real(input);
      };
      const { el } = await panelFor({ name: 'Mira Okafor', companyName: 'Okafor Trading' }, s);
      byRole(el, 'button', 'Create company').click();
      await settle(el);
      expect(byRole<HTMLInputElement>(el, 'textbox', 'Company name').value).to.equal('Okafor Trading');
      byRole(el, 'button', 'Save company').click();
      await waitUntil(() => deepText(el).includes('Company "Okafor Trading" created.'), 'created');
      expect(created).to.deep.equal(['Okafor Trading']);
    });

    it('shows an HTML customer name as literal text', async () => {
      const { el } = await panelFor({ name: '<img src=x onerror="window.__xss=1">Mira' });
      await new Promise((r) => setTimeout(r, 100));
      expect(deepAll(el, 'img, script')).to.have.length(0);
      expect(deepText(el)).to.contain('<img src=x');
      expect(window.__xss).to.equal(undefined);
    });
  });

  describe('matched person', () => {
    it("shows the person's name, title, company, e-mail and phone", async () => {
      const { el, details } = await matched();
      const p = details.person;
      const text = deepText(el);
      expect(text).to.contain(`${p.firstName} ${p.lastName}`);
      if (p.title) expect(text).to.contain(p.title);
      expect(byRole(el, 'button', details.company!.name)).to.exist;
      expect(deepQuery<HTMLAnchorElement>(el, 'a[href^="mailto:"]')!.textContent).to.equal(p.email);
      expect(deepQuery<HTMLAnchorElement>(el, 'a[href^="tel:"]')!.textContent).to.equal(p.phone);
      await expect(el).to.be.accessible();
    });

    it('fires chat-person-open and chat-company-open with the ids', async () => {
      const { el, details } = await matched();
      const persons = listen<{ id: string }>('chat-person-open');
      const companies = listen<{ id: string }>('chat-company-open');
      byRole(el, 'button', 'Open in CRM').click();
      byRole(el, 'button', details.company!.name).click();
      expect(persons.map((e) => e.detail)).to.deep.equal([{ id: details.person.id }]);
      expect(companies.map((e) => e.detail)).to.deep.equal([{ id: details.company!.id }]);
    });

    it('has collapsible sections for requests, sales, follow-ups and previous chats with counts', async () => {
      const { el, details } = await matched();
      const summaries = deepAll(el, 'summary').map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
      expect(summaries).to.deep.equal([
        `Requests ${details.requests.length}`,
        `Sales ${details.sales.length}`,
        `Follow-ups ${details.followUps.length}`,
        `Previous chats ${details.chatSessions.length}`,
      ]);
    });

    it('opens a request, a sale and a follow-up through events', async () => {
      const { el, details } = await matched();
      await openSections(el);
      const requests = listen<{ id: string }>('chat-request-open');
      const sales = listen<{ id: string }>('chat-sale-open');
      const followUps = listen<{ id: string }>('chat-follow-up-open');
      const request = details.requests[0]!;
      byRole(el, 'button', new RegExp(`^${request.number}`)).click();
      byRole(el, 'button', new RegExp(`^${escape(details.sales[0]!.title)}`)).click();
      allByRole(el, 'button', new RegExp(`^${escape(details.followUps[0]!.title)}`))[0]!.click();
      expect(requests.map((e) => e.detail)).to.deep.equal([{ id: request.id }]);
      expect(sales.map((e) => e.detail)).to.deep.equal([{ id: details.sales[0]!.id }]);
      expect(followUps.map((e) => e.detail.id)).to.include(details.followUps[0]!.id);
    });

    it('shows sale amounts as money and previous chats with their channel', async () => {
      const { el, details } = await matched();
      await openSections(el);
      const amount = new Intl.NumberFormat('en', { style: 'currency', currency: details.sales[0]!.currency }).format(details.sales[0]!.amount);
      expect(deepText(el)).to.contain(amount);
      const channelNames: Record<string, string> = { sales: 'Sales website', support: 'Support portal', 'webshop-nl': 'Webshop NL' };
      expect(deepText(el)).to.contain(channelNames[details.chatSessions[0]!.channelId]!);
      await expect(el).to.be.accessible();
    });
  });

  describe('loading', () => {
    it('loads the person context again when the selected session changes', async () => {
      const s = await setup();
      const a = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      const b = s.backend.script.customerArrives({ channelId: 'sales', name: 'Lotte de Graaf', text: 'Hi' });
      await s.service.answer(b);
      await s.service.answer(a);
      const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
      await waitUntil(() => deepText(el).includes('Mira Okafor'), 'first customer');
      s.service.selectSession(b);
      await waitUntil(() => s.service.state.personContexts[b]?.status === 'ready', 'second context');
      await settle(el);
      expect(deepText(el)).to.contain('Same name');
    });

    it('follows a link made elsewhere (the personId changes)', async () => {
      const { el, service, id } = await panelFor({ name: 'Somebody', email: OLIVER_EMAIL });
      const personId = service.state.personContexts[id]!.candidates[0]!.person.id;
      await service.linkPerson(id, personId);
      await waitUntil(() => deepText(el).includes('Open in CRM'), 'person shown');
    });

    it('shows a skeleton while loading and an error with "Try again" when loading fails', async () => {
      const s = await setup();
      let release!: () => void;
      s.backend.findPersonCandidates = () =>
        new Promise((_, reject) => {
          release = () => reject(new Error('network'));
        });
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      await s.service.answer(id);
      const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
      expect(deepQuery(el, '[aria-busy="true"]')).to.exist;
      release();
      await waitUntil(() => s.service.state.personContexts[id]?.status === 'error', 'error');
      await settle(el);
      expect(deepText(el)).to.contain('could not be loaded');
      expect(byRole(el, 'button', 'Try again')).to.exist;
    });

    it('places host cards from the "cards" slot in the panel', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      await s.service.answer(id);
      const el = await mount<ChatPersonPanel>(
        s.service,
        html`<chat-person-panel><div slot="cards" id="host-card">Loyalty: gold</div></chat-person-panel>`,
      );
      const slot = deepQuery<HTMLSlotElement>(el, 'slot[name="cards"]')!;
      expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['host-card']);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
