import { ChatBackendError } from '../../src/backend/errors.js';
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { type ChatPersonPanel, personPanelParts } from '../../src/components/chat-person-panel/chat-person-panel.js';
import type { PersonCandidate, PersonDetails } from '../../src/model/crm.js';
import {
  type Setup,
  allByRole,
  byRole,
  deepActiveElement,
  deepAll,
  deepQuery,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
  earlierLinkedChat,
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

// The forms and the transcript are a lazily loaded part of the panel (tested in lazy-parts.test.ts);
// these tests are about what they do, so the part's chunk is in the page before they click.
before(() => personPanelParts.load());

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

    it('has collapsible sections for contact details, company, requests, sales, follow-ups and previous chats', async () => {
      const { el, details } = await matched();
      const summaries = deepAll(el, 'summary').map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
      expect(summaries).to.deep.equal([
        'Contact details',
        'Company',
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

/** The text of the elements an element's aria-describedby points at (inside its shadow root). */
function computeDescription(el: Element): string {
  const root = el.getRootNode() as ShadowRoot | Document;
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Type into the focused field, as a person would. */
async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Put the text into the search box and let the debounce (250 ms on the fake clock) pass. */
async function searchFor(s: Setup, el: Element, text: string): Promise<void> {
  const box = byRole<HTMLInputElement>(el, 'searchbox', 'Search persons');
  box.focus();
  box.select();
  await type(text);
  await s.clock.advance(250);
  await waitUntil(() => deepQuery(el, '.search-status')?.textContent?.match(/found/), `results for ${text}`);
  await settle(el);
}

describe('<chat-person-panel> linking and search', () => {
  it('searches persons by name, e-mail, phone and company as the agent types', async () => {
    const s = await setup();
    const details = await busyPerson(s);
    const p = details.person;
    const { el } = await panelFor({ name: 'Zxqv Nobody', email: 'nobody@nowhere.invalid' }, s);
    const name = `${p.firstName} ${p.lastName}`;
    for (const query of [name, p.email!, p.phone!, details.company!.name]) {
      await searchFor(s, el, query);
      const results = deepAll(el, '[part~="search"] .candidate-name').map((n) => n.textContent!.trim());
      expect(results, query).to.include(name);
    }
    await expect(el).to.be.accessible();
  });

  it('searches once after the agent stops typing (debounced on the service clock)', async () => {
    const s = await setup();
    const queries: string[] = [];
    const real = s.backend.searchPersons.bind(s.backend);
    s.backend.searchPersons = (q, limit) => (queries.push(q), real(q, limit));
    const { el } = await panelFor({ name: 'Zxqv Nobody' }, s);
    byRole(el, 'searchbox', 'Search persons').focus();
    await type('Bennett');
    await settle(el);
    expect(queries).to.deep.equal([]);
    expect(deepText(el)).to.contain('Searching ...');
    await s.clock.advance(250);
    await waitUntil(() => deepText(el).includes('person found') || deepText(el).includes('persons found'), 'results');
    expect(queries).to.deep.equal(['Bennett']);
  });

  it('ignores a stale search response that arrives after a newer one', async () => {
    const s = await setup();
    const pending: { q: string; resolve: () => void }[] = [];
    const real = s.backend.searchPersons.bind(s.backend);
    s.backend.searchPersons = (q, limit) =>
      new Promise((resolve) => pending.push({ q, resolve: () => resolve(real(q, limit)) }));
    const { el } = await panelFor({ name: 'Zxqv Nobody' }, s);
    const box = byRole<HTMLInputElement>(el, 'searchbox', 'Search persons');
    box.focus();
    await type('Lotte');
    await s.clock.advance(250);
    box.select();
    await type('Oliver');
    await s.clock.advance(250);
    expect(pending.map((p) => p.q)).to.deep.equal(['Lotte', 'Oliver']);
    pending[1]!.resolve();
    await waitUntil(() => deepText(el).includes('Oliver Bennett'), 'newer results');
    pending[0]!.resolve();
    await settle(el);
    await new Promise((r) => setTimeout(r, 20));
    await settle(el);
    const names = deepAll(el, '[part~="search"] .candidate-name').map((n) => n.textContent!.trim());
    expect(names).to.include('Oliver Bennett');
    expect(names).to.not.include('Lotte de Graaf');
  });

  it('says when the search finds nobody, and when it fails', async () => {
    const s = await setup();
    const { el } = await panelFor({ name: 'Zxqv Nobody' }, s);
    byRole(el, 'searchbox', 'Search persons').focus();
    await type('Qqqqzz');
    await s.clock.advance(250);
    await waitUntil(() => deepText(el).includes('No persons found.'), 'no results');
    s.backend.searchPersons = () => Promise.reject(new Error('network'));
    await type('x');
    await s.clock.advance(250);
    await waitUntil(() => deepText(el).includes('The search failed. Try again.'), 'search error');
    const status = deepQuery(el, '#search-status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('The search failed. Try again.');
    await expect(el).to.be.accessible();
  });

  it('links a search result with the keyboard alone and fires chat-person-link', async () => {
    const s = await setup();
    const { el, id } = await panelFor({ name: 'Zxqv Nobody' }, s);
    const events = listen<{ sessionId: string; personId: string | null }>('chat-person-link');
    await searchFor(s, el, 'Oliver Bennett');
    const oliver = (await s.backend.searchPersons('Oliver Bennett'))[0]!;
    expect(deepActiveElement()).to.equal(byRole(el, 'searchbox', 'Search persons'));
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Link');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'chat-person-link');
    expect(events[0]!.detail).to.deep.equal({ sessionId: id, personId: oliver.id });
    expect(s.service.state.sessions[id]!.personId).to.equal(oliver.id);
    await waitUntil(() => queryByRole(el, 'button', 'Open in CRM'), 'person shown');
    await waitUntil(() => deepActiveElement()?.id === 'person-name', 'focus on the linked person');
  });

  it('Change link links another person instead, with the keyboard alone', async () => {
    const { el, id, service, clock } = await matched();
    const events = listen<{ sessionId: string; personId: string | null }>('chat-person-link');
    const change = byRole(el, 'button', 'Change link');
    change.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(change.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActiveElement()).to.equal(byRole(el, 'searchbox', 'Search persons'));
    await expect(el).to.be.accessible();
    const other = (await service.searchPersons('Lotte de Graaf'))[0]!;
    await type('Lotte de Graaf');
    await clock.advance(250);
    await waitUntil(() => allByRole(el, 'button', 'Link').length > 0, 'results');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'chat-person-link');
    expect(events[0]!.detail).to.deep.equal({ sessionId: id, personId: other.id });
    await waitUntil(() => service.state.personContexts[id]?.details?.person.id === other.id, 'other person');
    await settle(el);
    expect(deepText(el)).to.contain('Lotte de Graaf');
  });

  it('Remove link unlinks, fires chat-person-link with a null personId and shows the candidates again', async () => {
    const { el, id, service } = await matched();
    const events = listen<{ sessionId: string; personId: string | null }>('chat-person-link');
    byRole(el, 'button', 'Remove link').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'chat-person-link');
    expect(events[0]!.detail).to.deep.equal({ sessionId: id, personId: null });
    expect(service.state.sessions[id]!.personId).to.equal(undefined);
    await waitUntil(() => queryByRole(el, 'heading', 'This could be ...'), 'candidates');
    await waitUntil(() => deepActiveElement() === byRole(el, 'searchbox', 'Search persons'), 'focus in the search');
    await expect(el).to.be.accessible();
  });
});

/**
 * The element showing `text` inside `el`'s shadow root, checked to be seen by a sighted agent: it has
 * a box of real size, is not clipped away (as visually hidden text is) and lies within the panel's view.
 */
function assertVisibleText(el: HTMLElement, text: string): HTMLElement {
  const holder = (deepAll(el, 'p, span, div') as HTMLElement[]).find(
    (node) => node.textContent?.trim() === text && node.children.length === 0,
  );
  expect(holder, `an element with "${text}"`).to.exist;
  const box = holder!.getBoundingClientRect();
  expect(box.width, 'width').to.be.greaterThan(20);
  expect(box.height, 'height').to.be.greaterThan(8);
  for (let node: Element | null = holder!; node && node !== el; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
    const style = getComputedStyle(node);
    expect(style.clipPath, 'clip-path').to.equal('none');
    expect(style.clip === 'auto' || style.clip === '', 'clip').to.equal(true);
    expect(style.visibility, 'visibility').to.equal('visible');
    expect(Number(style.opacity), 'opacity').to.be.greaterThan(0.5);
  }
  const view = el.getBoundingClientRect();
  expect(box.top >= view.top - 1 && box.bottom <= view.bottom + 1, 'inside the panel\'s view').to.equal(true);
  return holder!;
}

describe('<chat-person-panel> failed actions are shown, not only announced', () => {
  it('a Link that fails shows (and announces) "The link could not be changed. Try again." in view', async () => {
    const s = await setup();
    s.backend.linkPerson = () => Promise.reject(new Error('network'));
    const { el } = await panelFor({ name: 'Somebody Else', email: OLIVER_EMAIL }, s);
    el.style.height = '300px';
    el.scrollTop = el.scrollHeight;
    byRole(el, 'button', 'Link').click();
    const message = 'The link could not be changed. Try again.';
    await waitUntil(() => deepText(el).includes(message), 'the failure');
    await settle(el);
    const shown = assertVisibleText(el, message);
    expect(shown.closest('[role="alert"]'), 'announced').to.exist;
    await expect(el).to.be.accessible();
    // Dismissed by the agent.
    byRole(el, 'button', 'Dismiss').click();
    await settle(el);
    expect(deepText(el)).not.to.contain(message);
  });

  it('a Remove link that fails shows the message in view; a later attempt that succeeds clears it', async () => {
    const { el, backend } = await matched();
    const real = backend.linkPerson.bind(backend);
    backend.linkPerson = () => Promise.reject(new Error('network'));
    byRole(el, 'button', 'Remove link').click();
    const message = 'The link could not be changed. Try again.';
    await waitUntil(() => deepText(el).includes(message), 'the failure');
    await settle(el);
    assertVisibleText(el, message);
    backend.linkPerson = real;
    byRole(el, 'button', 'Remove link').click();
    await waitUntil(() => queryByRole(el, 'heading', 'This could be ...'), 'candidates');
    expect(deepText(el)).not.to.contain(message);
  });
});

describe('<chat-person-panel> create person and company', () => {
  it('pre-fills first and last name, e-mail, phone and company name from the chat', async () => {
    const { el } = await panelFor({ name: 'Mira van der Berg', email: 'mira@example.org', phone: '+31 6 1234 5678', companyName: 'Okafor Trading' });
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(el, 'textbox', /^First name/).value).to.equal('Mira');
    expect(byRole<HTMLInputElement>(el, 'textbox', /^Last name/).value).to.equal('van der Berg');
    expect(byRole<HTMLInputElement>(el, 'textbox', 'E-mail').value).to.equal('mira@example.org');
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Phone').value).to.equal('+31 6 1234 5678');
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Company name').value).to.equal('Okafor Trading');
    expect(deepActiveElement()).to.equal(byRole(el, 'textbox', /^First name/));
    await expect(el).to.be.accessible();
  });

  it('keeps what the agent typed when Escape or Cancel closes the form, per chat; "Discard changes" goes back to the pre-filled values; saving drops it', async () => {
    const s = await setup();
    const { el, id } = await panelFor({ name: 'Mira van der Berg', email: 'mira@example.org' }, s);
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    expect(queryByRole(el, 'button', 'Discard changes')).to.equal(null);
    byRole<HTMLInputElement>(el, 'textbox', 'Phone').focus();
    await sendKeys({ type: '+31 20 555 0101' });
    byRole<HTMLInputElement>(el, 'textbox', 'Company name').focus();
    await sendKeys({ type: 'Berg BV' });
    await settle(el);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'form', 'Create person')).to.equal(null);

    byRole(el, 'button', 'Create person').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Phone').value).to.equal('+31 20 555 0101');
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Company name').value).to.equal('Berg BV');
    expect(byRole<HTMLInputElement>(el, 'textbox', /^First name/).value).to.equal('Mira');
    byRole(el, 'button', 'Cancel').click();
    await settle(el);

    // Another chat has its own form; back in the first one, the typed input is there.
    const other = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi', name: 'Tom Smit' });
    await s.service.answer(other);
    s.service.selectSession(other);
    await waitUntil(() => s.service.state.personContexts[other]?.status === 'ready', 'person context');
    await settle(el);
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Phone').value).to.equal('');
    byRole(el, 'button', 'Cancel').click();
    s.service.selectSession(id);
    await settle(el);
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Phone').value).to.equal('+31 20 555 0101');
    await expect(el).to.be.accessible();

    byRole(el, 'button', 'Discard changes').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Phone').value).to.equal('');
    expect(byRole<HTMLInputElement>(el, 'textbox', 'Company name').value).to.equal('');
    expect(queryByRole(el, 'button', 'Discard changes')).to.equal(null);
    expect(deepActiveElement()).to.equal(byRole(el, 'textbox', /^First name/));

    byRole<HTMLInputElement>(el, 'textbox', 'Phone').focus();
    await sendKeys({ type: '0201234567' });
    byRole(el, 'button', 'Save and link').click();
    await waitUntil(() => !queryByRole(el, 'form', 'Create person'), 'the form to close');
    expect(s.service.formDraft(id, 'person', {}).changed).to.equal(false);
  });

  it('keeps the typed company name when the Create company form closes, until it is discarded', async () => {
    const { el } = await panelFor({ name: 'Mira van der Berg', companyName: 'Okafor Trading' });
    byRole(el, 'button', 'Create company').click();
    await settle(el);
    const name = byRole<HTMLInputElement>(el, 'textbox', /^Company name/);
    name.focus();
    name.setSelectionRange(name.value.length, name.value.length);
    await sendKeys({ type: ' Ltd' });
    byRole(el, 'button', 'Cancel').click();
    await settle(el);
    byRole(el, 'button', 'Create company').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(el, 'textbox', /^Company name/).value).to.equal('Okafor Trading Ltd');
    byRole(el, 'button', 'Discard changes').click();
    await settle(el);
    expect(byRole<HTMLInputElement>(el, 'textbox', /^Company name/).value).to.equal('Okafor Trading');
  });

  it('shows validation messages tied to the fields and creates nothing while invalid', async () => {
    const s = await setup();
    let created = 0;
    const real = s.backend.createPerson.bind(s.backend);
    s.backend.createPerson = (input) => (created++, real(input));
    const { el } = await panelFor({ name: 'Cher', email: 'cher@' }, s);
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    byRole(el, 'button', 'Save and link').click();
    await settle(el);
    const last = byRole<HTMLInputElement>(el, 'textbox', /^Last name/);
    const email = byRole<HTMLInputElement>(el, 'textbox', 'E-mail');
    expect(last.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(byRole(el, 'textbox', /^First name/).getAttribute('aria-invalid')).to.equal('false');
    expect(computeDescription(last)).to.equal('Enter a last name.');
    expect(computeDescription(email)).to.equal('Enter an e-mail address such as name@example.com.');
    expect(deepActiveElement()).to.equal(last);
    expect(created).to.equal(0);
    await expect(el).to.be.accessible();
    // Fixing a field clears its message as the agent types.
    last.focus();
    await type('Sarkisian');
    await settle(el);
    expect(last.getAttribute('aria-invalid')).to.equal('false');
    expect(last.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('warns about a person with the same e-mail address and offers to link that one instead', async () => {
    const { el, id, service } = await panelFor({ name: 'Olly Bennett', email: OLIVER_EMAIL });
    const events = listen<{ sessionId: string; personId: string | null }>('chat-person-link');
    const oliver = (await service.searchPersons(OLIVER_EMAIL))[0]!;
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    byRole(el, 'button', 'Save and link').click();
    await waitUntil(() => queryByRole(el, 'button', 'Link this person instead'), 'duplicate warning');
    await settle(el);
    expect(deepText(el)).to.contain('A person with this e-mail address already exists: Oliver Bennett');
    expect(deepActiveElement()).to.equal(byRole(el, 'button', 'Link this person instead'));
    await expect(el).to.be.accessible();
    byRole(el, 'button', 'Link this person instead').click();
    await waitUntil(() => events.length === 1, 'linked');
    expect(events[0]!.detail).to.deep.equal({ sessionId: id, personId: oliver.id });
    expect(service.state.sessions[id]!.personId).to.equal(oliver.id);
  });

  it('"Create anyway" creates a second person with that e-mail address and links them', async () => {
    const { el, id, service } = await panelFor({ name: 'Olly Bennett', email: OLIVER_EMAIL });
    const oliver = (await service.searchPersons(OLIVER_EMAIL))[0]!;
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    byRole(el, 'button', 'Save and link').click();
    await waitUntil(() => queryByRole(el, 'button', 'Create anyway'), 'duplicate warning');
    byRole(el, 'button', 'Create anyway').click();
    await waitUntil(() => service.state.sessions[id]!.personId, 'linked');
    expect(service.state.sessions[id]!.personId).to.not.equal(oliver.id);
    await waitUntil(() => service.state.personContexts[id]?.details, 'details');
    expect(service.state.personContexts[id]!.details!.person).to.deep.include({ firstName: 'Olly', lastName: 'Bennett', email: OLIVER_EMAIL });
  });

  it('creates the company named in the form with the person', async () => {
    const { el, id, service } = await panelFor({ name: 'Mira Okafor', companyName: 'Okafor Trading' });
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    byRole(el, 'button', 'Save and link').click();
    await waitUntil(() => service.state.personContexts[id]?.details, 'details');
    expect(service.state.personContexts[id]!.details!.company!.name).to.equal('Okafor Trading');
    await settle(el);
    expect(byRole(el, 'button', 'Okafor Trading')).to.exist;
  });

  it('a company created first becomes the new person\'s company', async () => {
    const { el, id, service } = await panelFor({ name: 'Mira Okafor', companyName: 'Okafor Trading' });
    byRole(el, 'button', 'Create company').click();
    await settle(el);
    byRole(el, 'button', 'Save company').click();
    await waitUntil(() => deepText(el).includes('Company "Okafor Trading" created.'), 'company created');
    expect(deepActiveElement()).to.equal(byRole(el, 'button', 'Create company'));
    byRole(el, 'button', 'Create person').click();
    await settle(el);
    expect(deepText(el)).to.contain('Company: Okafor Trading');
    await expect(el).to.be.accessible();
    byRole(el, 'button', 'Save and link').click();
    await waitUntil(() => service.state.personContexts[id]?.details, 'details');
    const companies = (await service.searchPersons('Okafor Trading')).map((p) => p.companyId);
    expect(new Set(companies).size).to.equal(1);
  });

  it('the company form requires a name, with the message tied to the field', async () => {
    const { el } = await panelFor({ name: 'Mira Okafor' });
    byRole(el, 'button', 'Create company').click();
    await settle(el);
    byRole(el, 'button', 'Save company').click();
    await settle(el);
    const input = byRole<HTMLInputElement>(el, 'textbox', /^Company name/);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(computeDescription(input)).to.equal('Enter a company name.');
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Enter opens the form with focus in the first field, Escape closes it and returns focus', async () => {
    const { el, id, service } = await panelFor({ name: 'Mira Okafor', email: 'mira.okafor@example.org' });
    const events = listen<{ sessionId: string; personId: string | null }>('chat-person-link');
    const open = byRole(el, 'button', 'Create person');
    open.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActiveElement()).to.equal(byRole(el, 'textbox', /^First name/));
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(queryByRole(el, 'button', 'Save and link')).to.equal(null);
    expect(deepActiveElement()).to.equal(open);
    // Open again and save with Enter in a field.
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.length === 1, 'saved and linked');
    expect(service.state.sessions[id]!.personId).to.equal(events[0]!.detail.personId);
  });
});

describe('<chat-person-panel> person data', () => {
  it('shows contact details and the company in their own sections; the company opens in the CRM', async () => {
    const { el, details } = await matched();
    const companies = listen<{ id: string }>('chat-company-open');
    const contact = deepAll(el, 'details').find((d) => d.querySelector('summary')!.textContent!.includes('Contact details'))!;
    expect((contact as HTMLDetailsElement).open).to.equal(true);
    expect(contact.querySelector('a[href^="mailto:"]')!.textContent).to.equal(details.person.email);
    byRole(el, 'button', details.company!.name).click();
    expect(companies.map((e) => e.detail)).to.deep.equal([{ id: details.company!.id }]);
  });

  it('sections open and close with the keyboard', async () => {
    const { el } = await matched();
    const summary = deepAll(el, 'summary').find((s) => s.textContent!.includes('Sales'))! as HTMLElement;
    const details = summary.parentElement as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    await sendKeys({ press: 'Space' });
    expect(details.open).to.equal(false);
  });

  it('opens a previous chat as a read-only transcript through the service and adapter', async () => {
    const s = await setup();
    const opened: string[] = [];
    const real = s.backend.getChatTranscript.bind(s.backend);
    s.backend.getChatTranscript = (id) => (opened.push(id), real(id));
    const details = await busyPerson(s);
    const p = details.person;
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: `${p.firstName} ${p.lastName}`, text: 'Hi' });
    await s.service.answer(id);
    await s.service.linkPerson(id, p.id);
    const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
    await waitUntil(() => s.service.state.personContexts[id]?.details, 'details');
    await openSections(el);
    const chat = details.chatSessions.find((c) => c.id !== id)!;
    const button = allByRole(el, 'button').find((b) => b.getAttribute('aria-controls') === `transcript-${chat.id}`)!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => s.service.state.transcripts[chat.id]?.status === 'ready', 'transcript');
    await settle(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(opened).to.deep.equal([chat.id]);
    const transcript = byRole(el, 'list', /^Transcript of the chat of/);
    const lines = Array.from(transcript.querySelectorAll('li')).map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(lines.length).to.be.greaterThan(2);
    expect(lines.some((l) => l.includes(chat.lastMessageText!))).to.equal(true);
    expect(transcript.querySelectorAll('input, textarea, button, [contenteditable]')).to.have.length(0);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(queryByRole(el, 'list', /^Transcript of the chat of/)).to.equal(null);
  });

  it("an earlier linked chat of this agent's shows its messages and files in the transcript, as text", async () => {
    const { s, first, el } = await earlierLinkedChat('<b>not bold</b> see the photo', (s, first) =>
      s.backend.script.customerSendsFile(first, { name: 'cracked-lamp.jpg', size: 2048, type: 'image/jpeg' }),
    );
    const open = allByRole(el, 'button').find((b) => b.getAttribute('aria-controls') === `transcript-${first}`)!;
    open.click();
    await waitUntil(() => s.service.state.transcripts[first]?.status === 'ready', 'transcript');
    await settle(el);
    const transcript = byRole(el, 'list', /^Transcript of the chat of/);
    expect(transcript.textContent).to.contain('<b>not bold</b> see the photo');
    expect(transcript.querySelectorAll('b')).to.have.length(0);
    const file = byRole<HTMLAnchorElement>(transcript, 'link', /^cracked-lamp\.jpg/);
    expect(file.protocol).to.match(/^https?:$/);
    expect(file.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
  });

  it('an earlier chat\'s last message is quoted as plain text: markdown markers dropped, HTML literal', async () => {
    const { first, el } = await earlierLinkedChat('Hi', (s, first) =>
      s.backend.script.customerWrites(first, 'Zie **dit** en [link](https://example.com/x) <b>not bold</b>'),
    );
    const record = allByRole(el, 'button').find((b) => b.getAttribute('aria-controls') === `transcript-${first}`)!;
    const quote = record.querySelector('.record-quote')!;
    expect(quote.textContent).to.equal('Zie dit en link <b>not bold</b>');
    expect(record.querySelectorAll('b, strong, a')).to.have.length(0);
  });

  it('shows a transcript that fails to load with "Try again"', async () => {
    const { el, details, backend, service, id } = await matched();
    backend.getChatTranscript = () => Promise.reject(new Error('network'));
    await openSections(el);
    const chat = details.chatSessions.find((c) => c.id !== id)!;
    allByRole(el, 'button').find((b) => b.getAttribute('aria-controls') === `transcript-${chat.id}`)!.click();
    await waitUntil(() => service.state.transcripts[chat.id]?.status === 'error', 'error');
    await settle(el);
    expect(deepText(el)).to.contain('The transcript could not be loaded.');
    expect(allByRole(el, 'button', 'Try again')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('says why a transcript could not be loaded (by the error code) and loads it on "Try again"', async () => {
    const { el, details, backend, service, id } = await matched();
    const real = backend.getChatTranscript.bind(backend);
    backend.getChatTranscript = () => Promise.reject(new ChatBackendError('network', 'offline (test)'));
    await openSections(el);
    const chat = details.chatSessions.find((c) => c.id !== id)!;
    allByRole(el, 'button').find((b) => b.getAttribute('aria-controls') === `transcript-${chat.id}`)!.click();
    await waitUntil(() => service.state.transcripts[chat.id]?.status === 'error', 'error');
    expect(service.state.transcripts[chat.id]!.error?.code).to.equal('network');
    await settle(el);
    expect(deepText(el)).to.contain('The transcript could not be loaded. The chat server could not be reached.');
    backend.getChatTranscript = real;
    byRole(el, 'button', 'Try again').click();
    await waitUntil(() => service.state.transcripts[chat.id]?.status === 'ready', 'loaded after Try again');
  });
});

describe('<chat-person-panel> lifecycle and languages', () => {
  it('leaves no search timer or subscription behind when removed mid-search, however often', async () => {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Zxqv Nobody', text: 'Hi' });
    await s.service.answer(id);
    const timers = s.clock.pendingTimers;
    const subscriptions = s.backend.openSubscriptions;
    let searches = 0;
    const real = s.backend.searchPersons.bind(s.backend);
    s.backend.searchPersons = (q, limit) => (searches++, real(q, limit));
    for (let i = 0; i < 10; i++) {
      const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`);
      await waitUntil(() => queryByRole(el, 'searchbox', 'Search persons'), 'search box');
      const box = byRole<HTMLInputElement>(el, 'searchbox', 'Search persons');
      box.value = 'Bennett';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      expect(s.clock.pendingTimers).to.equal(timers + 1);
      el.closest('chat-provider')!.remove();
      expect(s.clock.pendingTimers).to.equal(timers);
    }
    await s.clock.advance(1000);
    expect(searches).to.equal(0);
    expect(s.backend.openSubscriptions).to.equal(subscriptions);
  });

  it('speaks Dutch: search, forms, validation and the duplicate warning', async () => {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Olly', email: OLIVER_EMAIL, text: 'Hoi' });
    await s.service.answer(id);
    const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel></chat-person-panel>`, 'nl');
    await waitUntil(() => queryByRole(el, 'searchbox', 'Personen zoeken'), 'Dutch search box');
    byRole(el, 'button', 'Persoon maken').click();
    await settle(el);
    byRole(el, 'button', 'Opslaan en koppelen').click();
    await settle(el);
    expect(computeDescription(byRole(el, 'textbox', /^Achternaam/))).to.equal('Vul een achternaam in.');
    byRole<HTMLInputElement>(el, 'textbox', /^Achternaam/).focus();
    await type('Bennett');
    byRole(el, 'button', 'Opslaan en koppelen').click();
    await waitUntil(() => queryByRole(el, 'button', 'Deze persoon koppelen'), 'Dutch duplicate warning');
    expect(deepText(el)).to.contain('Er bestaat al een persoon met dit e-mailadres: Oliver Bennett');
    expect(byRole(el, 'button', 'Toch maken')).to.exist;
  });
});
