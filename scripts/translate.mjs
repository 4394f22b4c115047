// Fills the Dutch targets of xliff/nl.xlf from xliff/nl-translations.json (id → text, with {0},
// {1} … standing for the source's placeholders in order), then reports untranslated ids.
// Usage: npm run localize (extract → translate → build); `--check` only reports (npm test runs it).
// Exits 1 when a message has no Dutch, or when a Dutch text addresses the agent informally
// ("je", "jouw", … instead of "u", "uw"; see lib/dutch-address.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { informalAddress } from './lib/dutch-address.mjs';

const xlfPath = new URL('../xliff/nl.xlf', import.meta.url);
const translations = JSON.parse(readFileSync(new URL('../xliff/nl-translations.json', import.meta.url), 'utf8'));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let xlf = readFileSync(xlfPath, 'utf8');
const missing = [];
xlf = xlf.replace(
  /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target>[\s\S]*?<\/target>)?/g,
  (unit, id, source) => {
    const dutch = translations[id];
    if (dutch === undefined) {
      missing.push(`${id}: ${source}`);
      return unit;
    }
    const placeholders = source.match(/<x [^>]*\/>/g) ?? [];
    const target = escape(dutch).replace(/\{(\d+)\}/g, (_, i) => placeholders[Number(i)] ?? '');
    return `<trans-unit id="${id}">\n        <source>${source}</source>\n        <target>${target}</target>`;
  },
);
if (!process.argv.includes('--check')) writeFileSync(xlfPath, xlf);
const informal = informalAddress(translations);
if (informal.length) {
  console.error(`Informal address in ${informal.length} Dutch text(s) (write "u"/"uw"):\n${informal.join('\n')}`);
}
if (missing.length) {
  console.error(`No Dutch for ${missing.length} message(s):\n${missing.join('\n')}`);
}
if (informal.length || missing.length) process.exit(1);
console.log('Every message has a Dutch translation.');
