/**
 * The demo's pool of invented customer dialogues. Each dialogue is what one customer says, line by
 * line; the simulator plays the next line after an agent answered. Some customers are CRM persons
 * found by e-mail, some only by name (or phone), some are unknown.
 */
export interface Dialogue {
  /** Stable id, e.g. `late-parcel`. */
  readonly id: string;
  readonly language: 'en' | 'nl';
  readonly channelId: 'sales' | 'support' | 'webshop-nl';
  /** Short English label of the topic (for logs and stories). */
  readonly topic: string;
  readonly customer: { readonly name: string; readonly email?: string; readonly phone?: string };
  /** The customer's lines in order; the first one is sent when the chat starts. */
  readonly lines: readonly string[];
}

/** At least 30 dialogues, in English and Dutch. */
export const DIALOGUES: readonly Dialogue[] = [
  // ---- Support portal (English) ----
  {
    id: 'late-parcel',
    language: 'en',
    channelId: 'support',
    topic: 'Late parcel',
    customer: { name: 'Mira Okafor', email: 'mira.okafor@mailbox.example' },
    lines: [
      'Hi, my parcel is late. It was supposed to arrive on Tuesday.',
      'The order number is 58213, ordered last Friday.',
      'The tracking page has said "in transit" for three days now.',
      'Okay, so it should come tomorrow? I will be home all day.',
      'Great, thanks for checking!',
    ],
  },
  {
    id: 'password-reset',
    language: 'en',
    channelId: 'support',
    topic: 'Password reset',
    customer: { name: 'Oliver Bennett', email: 'o.bennett@brightwave-logistics.co.uk' },
    lines: [
      'Hello, I cannot log in to the portal any more. The reset link in the e-mail says it has expired.',
      'I requested it about an hour ago, maybe a bit longer.',
      'Got the new mail. Should I use it right away?',
      'That worked, I am in. Thank you!',
    ],
  },
  {
    id: 'invoice-question',
    language: 'en',
    channelId: 'support',
    topic: 'Invoice question',
    customer: { name: 'Grace Whitfield', email: 'grace.whitfield@kestrel-analytics.co.uk' },
    lines: [
      'Good morning, I have a question about invoice 2024-0871. We were charged for 12 users but we only have 9.',
      'We removed three accounts at the start of the month.',
      'Can you send a corrected invoice to our finance address? It is finance@kestrel-analytics.co.uk.',
      'Perfect, that is all I needed.',
    ],
  },
  {
    id: 'damaged-product',
    language: 'en',
    channelId: 'support',
    topic: 'Damaged product',
    customer: { name: 'Tomasz Weber', email: 'tomasz.weber@postbox.example' },
    lines: [
      'Hi there, the desk lamp I ordered arrived with a cracked base.',
      'The box looked fine from the outside, so it must have broken before packing.',
      'I can send a photo. Should I just attach it here?',
      'A replacement would be best, I do not need a refund.',
      'Thanks, I will keep an eye on my inbox.',
    ],
  },
  {
    id: 'two-factor',
    language: 'en',
    channelId: 'support',
    topic: 'Lost phone, two-factor login',
    customer: { name: 'Daniel Foster', email: 'daniel.foster@bluestone-software.co.uk' },
    lines: [
      'I lost my phone and now I cannot get past the two-factor step. Can you help?',
      'I still have access to my work e-mail.',
      'Yes, I can confirm the last four digits of our account number: 4471.',
      'Brilliant, I will set up the authenticator app on my new phone tonight.',
    ],
  },
  {
    id: 'export-csv',
    language: 'en',
    channelId: 'support',
    topic: 'Export to CSV',
    customer: { name: 'Alice Mercer', email: 'alice.mercer@ashdown-legal.co.uk' },
    lines: [
      'Is there a way to export all our contacts to a CSV file?',
      'I looked under Settings but could not find it.',
      'Ah, under Reports. Does it include the custom fields as well?',
      'Lovely, thank you.',
    ],
  },
  {
    id: 'slow-dashboard',
    language: 'en',
    channelId: 'support',
    topic: 'Slow dashboard',
    customer: { name: 'Hannah Lawson', email: 'h.lawson@pinecrest-hotels.co.uk' },
    lines: [
      'Our dashboard takes almost a minute to load since this morning.',
      'It is the same for everyone in the office, on different browsers.',
      'Is there an outage? Nothing on the status page.',
      'Okay, I will try again in half an hour. Thanks for looking into it.',
    ],
  },
  {
    id: 'change-address-en',
    language: 'en',
    channelId: 'support',
    topic: 'Change of address',
    customer: { name: 'edward chapman', email: 'ed.chapman@mailbox.example' },
    lines: [
      'hello, we are moving office next month and I want to update our billing address',
      'the new address is 14 Mill Street, Reading, RG1 2AB',
      'from the 1st of next month please',
      'cheers',
    ],
  },
  {
    id: 'cancel-subscription',
    language: 'en',
    channelId: 'support',
    topic: 'Cancel subscription',
    customer: { name: 'Niamh O\u2019Brien', email: 'niamh.obrien@inbox.example' },
    lines: [
      'Hi, I would like to cancel my subscription at the end of this billing period.',
      'We are merging with another company and they use a different system.',
      'Will we still be able to export our data after cancelling?',
      'Good to know. Please go ahead with the cancellation.',
    ],
  },
  {
    id: 'phone-caller',
    language: 'en',
    channelId: 'support',
    topic: 'Callback request',
    customer: { name: 'Harry P.', phone: '+44 20 7946 0321' },
    lines: [
      'Could someone call me back about our contract renewal? I would rather discuss it by phone.',
      'Any time after 2 pm works for me.',
      'Thank you, speak to you later.',
    ],
  },
  {
    id: 'opening-hours-en',
    language: 'en',
    channelId: 'support',
    topic: 'Opening hours',
    customer: { name: 'Kwame Asante', email: 'kwame.asante@postbox.example' },
    lines: [
      'What are your support opening hours over the holidays?',
      'And is the phone line open on Boxing Day?',
      'Thanks, that helps.',
    ],
  },
  {
    id: 'api-limit',
    language: 'en',
    channelId: 'support',
    topic: 'API rate limit',
    customer: { name: 'James Holloway', email: 'james.holloway@redfern-engineering.co.uk' },
    lines: [
      'Our integration keeps getting HTTP 429 responses from your API since yesterday.',
      'We send maybe 40 requests a minute, it never was a problem before.',
      'Is the limit per key or per account?',
      'Understood, we will add a back-off and spread the calls. Thanks.',
    ],
  },
  // ---- Sales website (English) ----
  {
    id: 'quote-licences',
    language: 'en',
    channelId: 'sales',
    topic: 'Quote for 20 licences',
    customer: { name: 'Yusuf Demir', email: 'yusuf.demir@harbourview-consulting.example' },
    lines: [
      'Hello, could you send me a quote for 20 licences of the Professional plan?',
      'We are a consultancy with 20 people, maybe 25 by summer.',
      'Is there a discount if we pay yearly?',
      'Please send it to this e-mail address. Thank you!',
    ],
  },
  {
    id: 'demo-request',
    language: 'en',
    channelId: 'sales',
    topic: 'Product demo',
    customer: { name: 'Hannah Lawson', email: 'hannah.lawson@pinecrest-hotels.co.uk' },
    lines: [
      'Hi! We are looking at a new booking and CRM tool for our four hotels. Do you offer a demo?',
      'Next Wednesday or Thursday afternoon would suit us.',
      'Thursday at 3 pm is perfect. Will you send an invite?',
      'Great, looking forward to it.',
    ],
  },
  {
    id: 'upgrade-plan',
    language: 'en',
    channelId: 'sales',
    topic: 'Upgrade plan',
    customer: { name: 'Grace Whitfield', email: 'grace.whitfield@kestrel-analytics.co.uk' },
    lines: [
      'We would like to upgrade from Basic to Professional. Does the price change mid-contract?',
      'So we only pay the difference for the remaining months?',
      'Sounds fair. How do we go ahead?',
      'Thanks, I will do it this afternoon.',
    ],
  },
  {
    id: 'nonprofit-discount',
    language: 'en',
    channelId: 'sales',
    topic: 'Non-profit discount',
    customer: { name: 'Ingrid Solberg', email: 'ingrid@fjordhelp.example' },
    lines: [
      'Do you have special pricing for charities? We are a small non-profit.',
      'We have 6 staff and around 40 volunteers who would only need read access.',
      'Could you put that in an e-mail so I can share it with our board?',
      'Thank you very much, that is very kind.',
    ],
  },
  {
    id: 'onprem',
    language: 'en',
    channelId: 'sales',
    topic: 'Hosting in the EU',
    customer: { name: 'Chiara Romano', email: 'chiara.romano@studioromano.example' },
    lines: [
      'Is your software hosted in the EU? Our clients ask about data protection.',
      'Do you have a data processing agreement we can sign?',
      'Perfect, please send the agreement.',
    ],
  },
  {
    id: 'trial-extension',
    language: 'en',
    channelId: 'sales',
    topic: 'Trial extension',
    customer: { name: 'Daniel Foster', email: 'daniel.foster@bluestone-software.co.uk' },
    lines: [
      'Our trial ends tomorrow but our manager is on holiday until next week. Can the trial be extended?',
      'One more week would be enough.',
      'Excellent, thank you!',
    ],
  },
  {
    id: 'bulk-order',
    language: 'en',
    channelId: 'sales',
    topic: 'Bulk order of headsets',
    customer: { name: 'Bogdan Nowak', email: 'b.nowak@nowak-logistics.example' },
    lines: [
      'We need 35 headsets for our new call centre. Do you give volume discounts?',
      'Delivery would be to our warehouse in Rotterdam.',
      'Before the end of the month if possible.',
      'Okay, I will wait for the quote.',
    ],
  },
  // ---- Webshop NL (Dutch) ----
  {
    id: 'pakket-te-laat',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Late parcel (NL)',
    customer: { name: 'Lotte de Graaf', email: 'lotte.degraaf@veldkamp-installatie.nl' },
    lines: [
      'Hoi, mijn bestelling is nog steeds niet binnen. Ik heb vorige week woensdag besteld.',
      'Het ordernummer is 77310.',
      'Volgens de track & trace ligt hij al twee dagen bij het sorteercentrum.',
      'Oké, dan wacht ik tot morgen. Bedankt!',
    ],
  },
  {
    id: 'retour',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Return request',
    customer: { name: 'Femke Mulder', email: 'femke.mulder@korenschoof-bakkerij.nl' },
    lines: [
      'Goedemiddag, ik wil graag een jas retourneren. Hij is te klein.',
      'Kan ik hem ruilen voor een maat groter of moet ik eerst retourneren?',
      'Moet ik het retourlabel zelf printen?',
      'Top, dank je wel!',
    ],
  },
  {
    id: 'adreswijziging',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Change of address (NL)',
    customer: { name: 'Jeroen van Dijk', email: 'j.vandijk@rijnmondtechniek.nl' },
    lines: [
      'Ik ben verhuisd en mijn bestelling van gisteren gaat nog naar het oude adres. Kan dat nog aangepast worden?',
      'Het nieuwe adres is Lindelaan 12, 3012 AB Rotterdam.',
      'Fijn, en wordt het bezorgmoment dan ook anders?',
      'Prima, bedankt voor het snelle antwoord.',
    ],
  },
  {
    id: 'openingstijden',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Opening hours (NL)',
    customer: { name: 'Fatima El Amrani', email: 'fatima.elamrani@postvak.example' },
    lines: [
      'Hallo, wat zijn de openingstijden van jullie afhaalpunt in Utrecht?',
      'Zijn jullie op zaterdag ook open?',
      'Dank je, dan kom ik zaterdagochtend.',
    ],
  },
  {
    id: 'factuur-btw',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Invoice with VAT number',
    customer: { name: 'Noor Bosman', email: 'noor.bosman@hetweiland-kaas.nl' },
    lines: [
      'Goedemorgen, op mijn factuur staat ons btw-nummer niet. Kunnen jullie een nieuwe sturen?',
      'Het btw-nummer is NL001234567B01.',
      'Graag naar dit e-mailadres.',
      'Super, hartelijk dank.',
    ],
  },
  {
    id: 'beschadigd',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Damaged product (NL)',
    customer: { name: 'Thijs Hoekstra', email: 'thijs@fietsfabrieknoord.nl' },
    lines: [
      'Hoi, de fietstas die ik kreeg heeft een scheur in de naad.',
      'Ik heb hem nog niet gebruikt, hij zat zo in de doos.',
      'Ik kan een foto sturen als dat helpt.',
      'Een nieuwe is prima. Hoe lang duurt dat ongeveer?',
      'Oké, bedankt voor de hulp.',
    ],
  },
  {
    id: 'wachtwoord',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Password reset (NL)',
    customer: { name: 'Maaike Schouten', email: 'maaike1984@webmail.example' },
    lines: [
      'Ik kan niet meer inloggen in mijn account. Ik krijg geen mail om mijn wachtwoord te herstellen.',
      'Ik heb ook in mijn spamfolder gekeken.',
      'Ja, ik zie hem nu binnenkomen!',
      'Gelukt, dank je wel.',
    ],
  },
  {
    id: 'cadeaubon',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Gift card',
    customer: { name: 'Sven Lindqvist', email: 'sven.lindqvist@postvak.example' },
    lines: [
      'Kan ik een cadeaubon gebruiken in combinatie met een kortingscode?',
      'De code is WINTER10 en de bon is van 25 euro.',
      'Duidelijk, dan gebruik ik alleen de bon. Bedankt!',
    ],
  },
  {
    id: 'levertijd',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Delivery time',
    customer: { name: 'Zoe Brouwer' },
    lines: [
      'Hoe lang is de levertijd van de eikenhouten eettafel?',
      'En wordt hij in onderdelen geleverd of in zijn geheel?',
      'Kan de bezorger hem ook naar de eerste verdieping brengen?',
      'Fijn, dan bestel ik hem vandaag nog.',
    ],
  },
  {
    id: 'betaling-mislukt',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Payment failed',
    customer: { name: 'Renee Kuipers', email: 'renee.k@postvak.example' },
    lines: [
      'Mijn betaling met iDEAL is mislukt maar het geld is wel van mijn rekening af.',
      'Het gaat om 89,95 euro, vanochtend rond tien uur.',
      'Dus het geld komt vanzelf terug? Binnen hoeveel dagen?',
      'Oké, dan probeer ik het opnieuw. Dank je.',
    ],
  },
  {
    id: 'offerte-nl',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Quote for office chairs',
    customer: { name: 'Saskia Verhoeven', email: 's.verhoeven@polderzicht-zorg.nl' },
    lines: [
      'Wij willen 15 bureaustoelen bestellen voor ons nieuwe kantoor. Kunnen jullie een offerte maken?',
      'Het gaat om het model Ergo Plus, in het zwart.',
      'Levering in Almere, graag begin volgende maand.',
      'Dank je, ik zie de offerte tegemoet.',
    ],
  },
  {
    id: 'garantie',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Warranty',
    customer: { name: 'Mehmet Yilmaz', email: 'mehmet.yilmaz@inbox.example' },
    lines: [
      'Mijn koffiezetapparaat is na acht maanden kapot. Valt dat onder de garantie?',
      'Hij lekt aan de onderkant als hij aan staat.',
      'Moet ik hem opsturen of naar de winkel brengen?',
      'Goed, ik stuur hem deze week op.',
    ],
  },
  {
    id: 'account-verwijderen',
    language: 'nl',
    channelId: 'webshop-nl',
    topic: 'Delete account',
    customer: { name: 'Aiko Tanaka', email: 'aiko.tanaka@postvak.example' },
    lines: [
      'Ik wil graag mijn account laten verwijderen.',
      'Ja, inclusief mijn bestelgeschiedenis.',
      'Bedankt voor de bevestiging.',
    ],
  },
];

/** Generic lines the simulated agents write, per language. */
export const AGENT_LINES: Readonly<Record<'en' | 'nl', readonly string[]>> = {
  en: [
    'Thanks for the details, let me look that up for you.',
    'One moment please, I am checking this with our system.',
    'I can see your account here. Give me a second.',
    'Good news: I have sorted that out for you.',
    'Could you tell me a bit more about when this started?',
    'I have passed this on to the right team, you will hear from us today.',
    'That should be fixed now. Could you try again?',
    'I have sent you an e-mail with the details.',
    'Is there anything else I can help you with?',
    'You are welcome, have a nice day!',
  ],
  nl: [
    'Bedankt voor de informatie, ik zoek het even voor u op.',
    'Een moment alstublieft, ik kijk het na in ons systeem.',
    'Ik zie uw bestelling hier staan.',
    'Goed nieuws: ik heb het voor u geregeld.',
    'Kunt u iets meer vertellen over wanneer dit begon?',
    'Ik heb het doorgezet naar de juiste afdeling, u hoort vandaag nog van ons.',
    'Dat zou nu opgelost moeten zijn. Wilt u het nog eens proberen?',
    'Ik heb u een e-mail gestuurd met alle details.',
    'Kan ik u verder nog ergens mee helpen?',
    'Graag gedaan, nog een fijne dag!',
  ],
};
