/**
 * Invented names for the demo CRM. Any likeness to real people or companies is accidental.
 * Customers in the dialogues who must stay unknown use names that are not in these lists.
 */

/** Dutch first names. */
export const DUTCH_FIRST_NAMES: readonly string[] = [
  'Daan', 'Sem', 'Lotte', 'Fleur', 'Bram', 'Ruben', 'Iris', 'Noor', 'Joris', 'Maaike',
  'Wouter', 'Femke', 'Jeroen', 'Eva', 'Thijs', 'Marieke', 'Koen', 'Anouk', 'Sjoerd', 'Ilse',
  'Pieter', 'Esther', 'Niels', 'Renée', 'Gijs', 'Saskia', 'Hidde', 'Floor', 'Stijn', 'Annelies',
];

/** Dutch last names (with their particles). */
export const DUTCH_LAST_NAMES: readonly string[] = [
  'Jansen', 'de Boer', 'van Dijk', 'Smit', 'Meijer', 'Mulder', 'de Graaf', 'van Leeuwen', 'Dekker',
  'Vos', 'Peters', 'van den Berg', 'Kok', 'Bosman', 'Huisman', 'Verhoeven', 'Post', 'Kuipers',
  'Veenstra', 'Schouten', 'van der Linden', 'Koster', 'Prins', 'Blom', 'Hoekstra', 'Wolters',
  'Dijkstra', 'Timmermans', 'Sanders', 'Groen',
];

/** English first names. */
export const ENGLISH_FIRST_NAMES: readonly string[] = [
  'Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Grace', 'Jack', 'Freya', 'Charlie', 'Poppy',
  'Thomas', 'Alice', 'James', 'Sophie', 'William', 'Evie', 'Henry', 'Lucy', 'Samuel', 'Chloe',
  'Daniel', 'Hannah', 'Joseph', 'Ruby', 'Edward', 'Megan', 'Arthur', 'Zoë', 'Matthew', 'Ellie',
];

/** English last names. */
export const ENGLISH_LAST_NAMES: readonly string[] = [
  'Hughes', 'Bennett', 'Walsh', 'Fletcher', 'Harrison', 'Turner', 'Marsh', 'Holloway', 'Pearce',
  'Lambert', 'Whitfield', 'Gardner', 'Atkinson', 'Barlow', 'Chapman', 'Doyle', 'Ellison', 'Foster',
  'Griffiths', 'Hartley', 'Kendall', 'Lawson', 'Mercer', 'Norris', 'Osborne', 'Preston', 'Quinn',
  'Rowley', 'Sutton', 'Thornton',
];

/** Job titles for persons. */
export const JOB_TITLES: readonly string[] = [
  'Office manager', 'Purchasing manager', 'IT coordinator', 'Managing director', 'Finance officer',
  'Customer service lead', 'Operations manager', 'Marketing specialist', 'Project manager',
  'Facility manager', 'Sales manager', 'HR advisor',
];

/**
 * The 50 demo companies: name, city, country (ISO 3166-1 alpha-2), web domain and phone.
 * Dutch companies use a `.nl` domain, British ones `.co.uk`, the rest `.com`.
 */
export const COMPANIES: readonly (readonly [name: string, city: string, country: string, domain: string])[] = [
  ['Brightwave Logistics', 'Manchester', 'GB', 'brightwave-logistics.co.uk'],
  ['Veldkamp Installatietechniek', 'Zwolle', 'NL', 'veldkamp-installatie.nl'],
  ['Northgate Dental Group', 'Leeds', 'GB', 'northgate-dental.co.uk'],
  ['Bakkerij de Korenschoof', 'Utrecht', 'NL', 'korenschoof-bakkerij.nl'],
  ['Harbourline Shipping', 'Southampton', 'GB', 'harbourline-shipping.co.uk'],
  ['Groenhof Hoveniers', 'Amersfoort', 'NL', 'groenhof-hoveniers.nl'],
  ['Kestrel Analytics', 'Bristol', 'GB', 'kestrel-analytics.co.uk'],
  ['Van Loon Bouwmaterialen', 'Eindhoven', 'NL', 'vanloon-bouw.nl'],
  ['Marlow & Finch Accountants', 'Reading', 'GB', 'marlowfinch.co.uk'],
  ['Zeeuwse Vishandel Koster', 'Vlissingen', 'NL', 'vishandel-koster.nl'],
  ['Pinecrest Hotels', 'Edinburgh', 'GB', 'pinecrest-hotels.co.uk'],
  ['De Fietsfabriek Noord', 'Groningen', 'NL', 'fietsfabrieknoord.nl'],
  ['Ashdown Legal', 'Oxford', 'GB', 'ashdown-legal.co.uk'],
  ['Tulpenveld Kwekerij', 'Lisse', 'NL', 'tulpenveld-kwekerij.nl'],
  ['Copperleaf Studios', 'Brighton', 'GB', 'copperleaf-studios.co.uk'],
  ['Rijnmond Techniek', 'Rotterdam', 'NL', 'rijnmondtechniek.nl'],
  ['Silverbirch Care Homes', 'York', 'GB', 'silverbirch-care.co.uk'],
  ['Hofstede Advocaten', 'Den Haag', 'NL', 'hofstede-advocaten.nl'],
  ['Quayside Coffee Roasters', 'Cardiff', 'GB', 'quayside-coffee.co.uk'],
  ['Polderzicht Zorg', 'Almere', 'NL', 'polderzicht-zorg.nl'],
  ['Redfern Engineering', 'Sheffield', 'GB', 'redfern-engineering.co.uk'],
  ['Kaasmakerij Het Weiland', 'Gouda', 'NL', 'hetweiland-kaas.nl'],
  ['Bluestone Software', 'Cambridge', 'GB', 'bluestone-software.co.uk'],
  ['Duinrand Vakantieparken', 'Bergen', 'NL', 'duinrand-parken.nl'],
  ['Thistle & Thorn Florists', 'Glasgow', 'GB', 'thistlethorn.co.uk'],
  ['Maasoever Transport', 'Venlo', 'NL', 'maasoever-transport.nl'],
  ['Oakridge Print Works', 'Norwich', 'GB', 'oakridge-print.co.uk'],
  ['Stadsbrouwerij De Gans', 'Haarlem', 'NL', 'brouwerijdegans.nl'],
  ['Westbrook Veterinary', 'Exeter', 'GB', 'westbrook-vets.co.uk'],
  ['Lindeboom Kinderopvang', 'Arnhem', 'NL', 'lindeboom-opvang.nl'],
  ['Ironbridge Fitness', 'Birmingham', 'GB', 'ironbridge-fitness.co.uk'],
  ['Molenaar Elektro', 'Leeuwarden', 'NL', 'molenaar-elektro.nl'],
  ['Fernhill Architects', 'Bath', 'GB', 'fernhill-architects.co.uk'],
  ['Noordkaap Reizen', 'Den Helder', 'NL', 'noordkaap-reizen.nl'],
  ['Lakeside Opticians', 'Kendal', 'GB', 'lakeside-opticians.co.uk'],
  ['Brinkman Schoonmaak', 'Apeldoorn', 'NL', 'brinkman-schoonmaak.nl'],
  ['Greyfriars Books', 'Durham', 'GB', 'greyfriars-books.co.uk'],
  ['Klaverblad Verzekeringsadvies', 'Tilburg', 'NL', 'klaverblad-advies.nl'],
  ['Summit Outdoor Gear', 'Inverness', 'GB', 'summit-outdoor.co.uk'],
  ['De Zilveren Lepel Catering', 'Maastricht', 'NL', 'zilverenlepel.nl'],
  ['Nimbus Cloud Services', 'Dublin', 'IE', 'nimbus-cloudservices.com'],
  ['Hazelwood Interiors', 'Cheltenham', 'GB', 'hazelwood-interiors.co.uk'],
  ['Wadden Zeilmakerij', 'Harlingen', 'NL', 'wadden-zeilmakerij.nl'],
  ['Orchard Lane Nurseries', 'Canterbury', 'GB', 'orchardlane.co.uk'],
  ['Van Riet Optiek', 'Breda', 'NL', 'vanriet-optiek.nl'],
  ['Blackwater Marine', 'Plymouth', 'GB', 'blackwater-marine.co.uk'],
  ['Heuvelland Wijnimport', 'Valkenburg', 'NL', 'heuvelland-wijn.nl'],
  ['Starling Digital', 'Amsterdam', 'NL', 'starlingdigital.com'],
  ['Crossways Conference Centre', 'Nottingham', 'GB', 'crossways-centre.co.uk'],
  ['Beukema Agrarisch Advies', 'Assen', 'NL', 'beukema-agrarisch.nl'],
];
