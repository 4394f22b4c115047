import type {
  ChatSessionSummary,
  Company,
  Faq,
  FollowUp,
  Person,
  QuickReply,
  ReplyTemplate,
  RequestPriority,
  RequestStatus,
  Sale,
  SupportRequest,
} from '../../../model/crm.js';
import type { Random } from '../random.js';
import {
  COMPANIES,
  DUTCH_FIRST_NAMES,
  DUTCH_LAST_NAMES,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  JOB_TITLES,
} from './names.js';

const DAY = 24 * 60 * 60 * 1000;

/** A previous (archived) chat of a CRM person, with the person it belongs to. */
export interface ArchivedChat extends ChatSessionSummary {
  readonly personId: string;
}

/** The whole demo CRM. */
export interface CrmData {
  readonly companies: Company[];
  readonly persons: Person[];
  readonly requests: SupportRequest[];
  readonly sales: Sale[];
  readonly followUps: FollowUp[];
  readonly archivedChats: ArchivedChat[];
  /** The next free request number (e.g. 10342 for `R-10342`). */
  readonly nextRequestNumber: number;
}

/**
 * Persons the dialogues refer to, with their company (index into {@link COMPANIES}). Some dialogue
 * customers match these by e-mail, some only by name (other e-mail, different case or accents) and
 * one only by phone number.
 */
const KNOWN_PERSONS: readonly (readonly [first: string, last: string, email: string, company: number, phone?: string])[] = [
  ['Oliver', 'Bennett', 'o.bennett@brightwave-logistics.co.uk', 0],
  ['Lotte', 'de Graaf', 'lotte.degraaf@veldkamp-installatie.nl', 1],
  ['Femke', 'Mulder', 'femke.mulder@korenschoof-bakkerij.nl', 3],
  ['Grace', 'Whitfield', 'grace.whitfield@kestrel-analytics.co.uk', 6],
  ['Edward', 'Chapman', 'edward.chapman@marlowfinch.co.uk', 8],
  ['Hannah', 'Lawson', 'hannah.lawson@pinecrest-hotels.co.uk', 10],
  ['Thijs', 'Hoekstra', 'thijs@fietsfabrieknoord.nl', 11],
  ['Alice', 'Mercer', 'alice.mercer@ashdown-legal.co.uk', 12],
  ['Jeroen', 'van Dijk', 'j.vandijk@rijnmondtechniek.nl', 15],
  ['Saskia', 'Verhoeven', 's.verhoeven@polderzicht-zorg.nl', 19],
  ['James', 'Holloway', 'james.holloway@redfern-engineering.co.uk', 20],
  ['Noor', 'Bosman', 'noor.bosman@hetweiland-kaas.nl', 21],
  ['Daniel', 'Foster', 'daniel.foster@bluestone-software.co.uk', 22],
  ['Zoë', 'Brouwer', 'zoe.brouwer@lindeboom-opvang.nl', 29],
  ['Renée', 'Kuipers', 'renee.kuipers@brinkman-schoonmaak.nl', 35],
  ['Maaike', 'Schouten', 'maaike.schouten@klaverblad-advies.nl', 37],
  ['Harry', 'Pearce', 'harry.pearce@crossways-centre.co.uk', 48, '+44 20 7946 0321'],
];

const REQUEST_TITLES = [
  'Cannot log in after password change',
  'Invoice shows wrong number of users',
  'Export of contacts misses custom fields',
  'Request for extra training session',
  'Delivery address change',
  'Dashboard loads slowly',
  'Question about contract renewal',
  'E-mail notifications not arriving',
  'Factuur opnieuw versturen',
  'Retourzending niet ontvangen',
  'Koppeling met boekhoudpakket werkt niet',
  'Extra gebruikersaccounts aanvragen',
];
const REQUEST_CATEGORIES = ['Billing', 'Technical', 'Account', 'Delivery', 'Product question'];
const PRIORITIES: readonly RequestPriority[] = ['low', 'medium', 'medium', 'high', 'urgent'];
const STATUSES: readonly RequestStatus[] = ['open', 'in-progress', 'closed', 'closed'];
const SALE_TITLES = [
  'Professional plan, 20 licences',
  'Basic plan renewal',
  'Onboarding package',
  'Headsets for support team',
  'Extra storage 500 GB',
  'Jaarcontract Professional',
  'Trainingsdag voor nieuwe medewerkers',
  'Upgrade naar Enterprise',
];
const FOLLOW_UP_TITLES: readonly (readonly [string, FollowUp['kind']])[] = [
  ['Call about renewal', 'call'],
  ['Send updated quote', 'task'],
  ['Product demo', 'meeting'],
  ['Check satisfaction after onboarding', 'call'],
  ['Offerte nabellen', 'call'],
  ['Kennismakingsgesprek', 'meeting'],
  ['Contract laten tekenen', 'task'],
];
const ARCHIVED_CHAT_LINES = [
  'Thanks, that solved it!',
  'Great, I will wait for the e-mail.',
  'Perfect, thank you for your help.',
  'Bedankt, dat was alles.',
  'Top, fijne dag nog!',
  'Okay, I will try that tomorrow.',
];

/** Lower-case ASCII form of a name part for e-mail addresses ("van Dijk" → "vandijk", "Zoë" → "zoe"). */
export function emailPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function phoneFor(country: string, random: Random): string {
  if (country === 'NL') return `+31 ${random.int(10, 79)} ${random.int(100, 999)} ${random.int(1000, 9999)}`;
  // 020 7946 0xxx is a range set aside for drama in the UK, so these numbers are fictional.
  return `+44 20 7946 0${random.int(100, 999)}`;
}

function mobileFor(country: string, random: Random): string {
  if (country === 'NL') return `+31 6 ${random.int(1000, 9999)} ${random.int(1000, 9999)}`;
  return `+44 7700 900${random.int(100, 999)}`;
}

/**
 * Build the demo CRM: 50 companies, at least 150 persons (the known persons of the dialogues plus
 * generated ones), and their requests, sales, follow-ups and previous chats.
 * @param random the generator to draw from (its sequence decides all generated data)
 * @param now current time in ms since epoch; dates are spread around it
 */
export function generateCrm(random: Random, now: number): CrmData {
  const iso = (ms: number) => new Date(ms).toISOString();
  const companies: Company[] = COMPANIES.map(([name, city, country, domain], i) => ({
    id: `C${i + 1}`,
    name,
    city,
    country,
    phone: phoneFor(country, random),
    website: `https://www.${domain}`,
  }));

  const persons: Person[] = [];
  const usedNames = new Set<string>();
  const addPerson = (first: string, last: string, email: string, companyIndex: number, phone?: string) => {
    const company = companies[companyIndex];
    const country = COMPANIES[companyIndex][2];
    persons.push({
      id: `P${persons.length + 1}`,
      firstName: first,
      lastName: last,
      email,
      phone: phone ?? phoneFor(country, random),
      mobile: random.chance(0.6) ? mobileFor(country, random) : undefined,
      title: random.pick(JOB_TITLES),
      companyId: company.id,
      companyName: company.name,
    });
    usedNames.add(`${first} ${last}`);
  };
  for (const [first, last, email, company, phone] of KNOWN_PERSONS) addPerson(first, last, email, company, phone);

  // Three or four people per company, named after the company's country.
  for (let c = 0; c < COMPANIES.length; c++) {
    const [, , country, domain] = COMPANIES[c];
    const dutch = country === 'NL';
    const count = random.int(2, 3);
    for (let k = 0; k < count; k++) {
      let first: string;
      let last: string;
      do {
        first = random.pick(dutch ? DUTCH_FIRST_NAMES : ENGLISH_FIRST_NAMES);
        last = random.pick(dutch ? DUTCH_LAST_NAMES : ENGLISH_LAST_NAMES);
      } while (usedNames.has(`${first} ${last}`));
      const email = random.chance(0.5)
        ? `${emailPart(first)}.${emailPart(last)}@${domain}`
        : `${emailPart(first).charAt(0)}.${emailPart(last)}@${domain}`;
      addPerson(first, last, email, c);
    }
  }
  // Top up to at least 150 persons.
  while (persons.length < 155) {
    const c = random.int(0, COMPANIES.length - 1);
    const [, , country, domain] = COMPANIES[c];
    const dutch = country === 'NL';
    const first = random.pick(dutch ? DUTCH_FIRST_NAMES : ENGLISH_FIRST_NAMES);
    const last = random.pick(dutch ? DUTCH_LAST_NAMES : ENGLISH_LAST_NAMES);
    if (usedNames.has(`${first} ${last}`)) continue;
    addPerson(first, last, `${emailPart(first)}.${emailPart(last)}@${domain}`, c);
  }

  const requests: SupportRequest[] = [];
  const sales: Sale[] = [];
  const followUps: FollowUp[] = [];
  const archivedChats: ArchivedChat[] = [];
  let requestNumber = 10001;
  const agents = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
  const channels = ['sales', 'support', 'webshop-nl'];
  for (const person of persons) {
    for (let i = random.int(0, 3); i > 0; i--) {
      requests.push({
        id: `R${requests.length + 1}`,
        number: `R-${requestNumber++}`,
        title: random.pick(REQUEST_TITLES),
        category: random.pick(REQUEST_CATEGORIES),
        priority: random.pick(PRIORITIES),
        status: random.pick(STATUSES),
        personId: person.id,
        createdAt: iso(now - random.int(1, 200) * DAY - random.int(0, 8 * 3600) * 1000),
      });
    }
    for (let i = random.int(0, 2); i > 0; i--) {
      sales.push({
        id: `SL${sales.length + 1}`,
        title: random.pick(SALE_TITLES),
        amount: random.int(9, 960) * 50,
        currency: 'EUR',
        stage: random.pick(['open', 'won', 'won', 'lost'] as const),
        personId: person.id,
        date: iso(now - random.int(0, 300) * DAY),
      });
    }
    for (let i = random.int(0, 2); i > 0; i--) {
      const [title, kind] = random.pick(FOLLOW_UP_TITLES);
      const offsetDays = random.int(-20, 30);
      followUps.push({
        id: `FU${followUps.length + 1}`,
        title,
        kind,
        dueAt: iso(now + offsetDays * DAY + random.int(0, 8) * 3600 * 1000),
        done: offsetDays < 0 && random.chance(0.7),
        personId: person.id,
      });
    }
    if (random.chance(0.4)) {
      for (let i = random.int(1, 2); i > 0; i--) {
        const created = now - random.int(2, 120) * DAY - random.int(0, 8 * 3600) * 1000;
        archivedChats.push({
          id: `H${archivedChats.length + 1}`,
          channelId: random.pick(channels),
          createdAt: iso(created),
          endedAt: iso(created + random.int(3, 25) * 60 * 1000),
          agentId: random.pick(agents),
          lastMessageText: random.pick(ARCHIVED_CHAT_LINES),
          personId: person.id,
        });
      }
    }
  }
  return { companies, persons, requests, sales, followUps, archivedChats, nextRequestNumber: requestNumber };
}

/** The demo's published FAQs (14, in five folders). */
export const FAQS: readonly Faq[] = [
  ['Orders & delivery', 'How long does delivery take?', 'Orders placed before 22:00 on a working day are delivered the next working day in the Netherlands and within 2–3 working days in the UK.', 'delivery-time'],
  ['Orders & delivery', 'How do I track my parcel?', 'You receive a tracking link by e-mail as soon as your parcel leaves our warehouse. You can also find it under My orders.', 'track-parcel'],
  ['Orders & delivery', 'Can I change my delivery address?', 'You can change the address until the order is packed. After that, contact us and we will ask the carrier to redirect it.', 'change-delivery-address'],
  ['Returns', 'How do I return a product?', 'Register the return under My orders within 30 days, print the label and drop the parcel at any service point.', 'return-product'],
  ['Returns', 'When do I get my money back?', 'We refund within 5 working days after we receive your return, to the payment method you used.', 'refund-time'],
  ['Returns', 'What if my product arrived damaged?', 'Send us a photo of the damage within 14 days and we send a replacement at no cost.', 'damaged-product'],
  ['Billing', 'Where can I find my invoices?', 'All invoices are under Account › Billing, as PDF. Administrators can also have them sent to a finance address.', 'find-invoices'],
  ['Billing', 'How do I add our VAT number to invoices?', 'Enter the VAT number under Account › Company details. New invoices show it; ask us to reissue older ones.', 'vat-number'],
  ['Billing', 'Which payment methods do you accept?', 'We accept iDEAL, credit card, PayPal, and bank transfer for business customers.', 'payment-methods'],
  ['Account', 'I forgot my password', 'Use "Forgot password" on the login page. The reset link is valid for 30 minutes.', 'forgot-password'],
  ['Account', 'How do I set up two-factor authentication?', 'Go to Profile › Security, choose "Authenticator app" and scan the QR code with your app.', 'two-factor'],
  ['Account', 'How do I delete my account?', 'Ask us in the chat or by e-mail. We delete your account and personal data within 30 days.', 'delete-account'],
  ['Products & licences', 'What is the difference between Basic and Professional?', 'Professional adds reports, custom fields, the API and priority support.', 'plans-compared'],
  ['Products & licences', 'Do you offer discounts for non-profits?', 'Registered charities get 40% off every plan. Ask our sales team for the details.', 'non-profit-discount'],
].map(([folder, question, answer, slug], i) => ({
  id: `FAQ${i + 1}`,
  folder,
  question,
  answer,
  url: `https://help.example.com/faq/${slug}`,
}));

/** The demo's shared reply templates (10, with `{customerName}`, `{agentName}`, `{channelName}`). */
export const REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  ['Greetings', 'Welcome', 'Hello {customerName}, my name is {agentName}. Thank you for contacting {channelName}. How can I help you?'],
  ['Greetings', 'Welkom', 'Hallo {customerName}, ik ben {agentName} van {channelName}. Waarmee kan ik u helpen?'],
  ['Greetings', 'Still there?', 'Hi {customerName}, are you still there? I am happy to help as soon as you are back.'],
  ['Orders', 'Order lookup', 'Thanks {customerName}. Could you give me your order number? You can find it in the confirmation e-mail.'],
  ['Orders', 'Bestelling opzoeken', 'Dank u, {customerName}. Wat is uw bestelnummer? U vindt het in de bevestigingsmail.'],
  ['Orders', 'Return label sent', 'I have sent a return label to your e-mail address, {customerName}. Please drop the parcel at any service point within 14 days.'],
  ['Billing', 'Corrected invoice', 'I have asked our finance team to send you a corrected invoice, {customerName}. You will receive it within one working day.'],
  ['Technical', 'Escalated to specialist', 'I have passed your question on to a specialist, {customerName}. They will contact you today. Kind regards, {agentName}'],
  ['Closing', 'Goodbye', 'Thank you for chatting with {channelName}, {customerName}. Have a nice day! {agentName}'],
  ['Closing', 'Tot ziens', 'Bedankt voor uw bericht aan {channelName}, {customerName}. Nog een fijne dag! Groet, {agentName}'],
].map(([folder, name, text], i) => ({ id: `T${i + 1}`, folder, name, text }));

/** Quick replies each demo agent starts with. */
export const QUICK_REPLIES: readonly QuickReply[] = [
  ['a1', 'Checking', 'One moment please, I am checking this for you.'],
  ['a1', 'Thanks for waiting', 'Thank you for waiting, I have the answer for you now.'],
  ['a1', 'Even kijken', 'Een ogenblikje, ik kijk het even voor u na.'],
  ['a1', 'Anything else?', 'Is there anything else I can help you with today?'],
  ['a2', 'Quote follows', 'I will send you a quote by e-mail within the hour.'],
  ['a3', 'Restart', 'Could you log out, clear your browser cache and log in again?'],
  ['a3', 'Tracking', 'You can follow your parcel with the tracking link in your e-mail.'],
  ['a5', 'Moment', 'Moment, ik zoek het voor u uit.'],
  ['a6', 'Escalate', 'I am passing this on to our second-line team.'],
].map(([agentId, name, text], i) => ({ id: `QR${i + 1}`, agentId, name, text }));
