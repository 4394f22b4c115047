#!/usr/bin/env node
// Screenshots of the demo page (demo/index.html, in-memory demo backend) in English and Dutch.
//   npm run screenshot                                   starts the dev server itself
//   npm run screenshot -- http://localhost:8000/demo/    reuses a running `npm start`
//   npm run screenshot -- --sizes 1440x900,1024x768      more viewports (default 1440x900)
//   npm run screenshot -- --themes light,dark            themes (?theme= of the demo; default light)
//   npm run screenshot -- --zoom 2                       browser zoom (2 = 200%: the CSS viewport is
//                                                        WIDTH/2 x HEIGHT/2 at 2 device pixels per px)
//   npm run screenshot -- --langs nl                     languages (default en,nl)
//   npm run screenshot -- --insert                       also open the conversation's Insert picker
//   SCREENSHOT_WAIT=8000                                  ms to let customers arrive (default 8000)
// Writes screenshots/<lang>-<w>x<h>[-dark][-zoom200]-dashboard.png, -chats.png and, with --insert,
// -insert.png (the folder is gitignored).
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { launchChromium, watchPageProblems, DEEP_QUERY_SOURCE } from './lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const KNOWN = new Set(['--sizes', '--themes', '--zoom', '--langs', '--insert', '--help', '-h']);
const unknown = args.filter((a, i) => a.startsWith('-') && !KNOWN.has(a) && !KNOWN.has(args[i - 1] ?? ''));
if (args.includes('--help') || args.includes('-h') || unknown.length) {
  // The usage is the comment at the top of this file.
  const { readFileSync } = await import('node:fs');
  const usage = readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1).filter((l) => l.startsWith('//')).map((l) => l.slice(3));
  if (unknown.length) console.error(`screenshot: unknown option ${unknown.join(', ')}`);
  console.log(usage.join('\n'));
  process.exit(unknown.length ? 2 : 0);
}
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1440x900';
const sizes = sizesArg.split(',').map((s) => {
  const [width, height] = s.split('x').map(Number);
  if (!width || !height) throw new Error(`bad size "${s}", expected WIDTHxHEIGHT`);
  return { width, height };
});
/** @param {string} name @param {string} fallback */
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const themes = option('--themes', 'light').split(',');
const langs = option('--langs', 'en,nl').split(',');
const zoom = Number(option('--zoom', '1'));
if (!(zoom > 0)) throw new Error('bad --zoom, expected a number such as 2');
const withInsert = args.includes('--insert');
const givenUrl = args.find((a) => /^https?:\/\//.test(a));
const WAIT = Number(process.env.SCREENSHOT_WAIT) || 8000;
const outDir = resolve(root, 'screenshots');
mkdirSync(outDir, { recursive: true });

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => done(port));
    });
  });
}

let server;
let base = givenUrl;
if (!base) {
  process.chdir(root);
  const { startDevServer } = await import('@web/dev-server');
  const port = await freePort();
  // Our overrides must win over web-dev-server.config.mjs, so read the file config here.
  const { default: fileConfig } = await import('../web-dev-server.config.mjs');
  server = await startDevServer({
    config: { ...fileConfig, port, open: false, watch: false, hostname: '127.0.0.1' },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  base = `http://127.0.0.1:${port}/demo/`;
  console.log(`screenshot: dev server on ${base}`);

}

// Accessible names in both shipped languages (Dutch wording may change; English is the contract).
const CHATS_TAB = /^(Chats)\b/;
const NEXT_IN_QUEUE = /get next in queue|volgende (uit de |in de )?wachtrij|volgende/i;
const INSERT = /^(Insert|Invoegen)$/;

/**
 * @param {import('puppeteer-core').Page} page
 * @param {'tab'|'button'} role
 * @param {RegExp} name
 */
function findDeep(page, role, name) {
  return page.evaluateHandle(
    new Function(
      'role',
      'source',
      'flags',
      `${DEEP_QUERY_SOURCE}
       const re = new RegExp(source, flags);
       return deepElements().find((el) => {
         const r = el.getAttribute('role') || (el.tagName === 'BUTTON' ? 'button' : '');
         return r === role && re.test(accessibleText(el));
       }) ?? null;`,
    ),
    role,
    name.source,
    name.flags,
  );
}

const browser = await launchChromium(sizes[0]);
let failures = 0;
try {
  for (const size of sizes) {
    for (const theme of themes) {
      for (const lang of langs) {
        const page = await browser.newPage();
        await page.setViewport({
          width: Math.round(size.width / zoom),
          height: Math.round(size.height / zoom),
          deviceScaleFactor: zoom,
        });
        const problems = watchPageProblems(page, { ignore: /Lit is in dev mode/ });
        const url = new URL(base);
        url.searchParams.set('lang', lang);
        url.searchParams.set('theme', theme);
        await page.goto(url.href, { waitUntil: 'load' });
        await page.waitForFunction(() => customElements.get('chat-screen'), { timeout: 30_000 });
        await new Promise((r) => setTimeout(r, WAIT));
        const stem =
          `${lang}-${size.width}x${size.height}` +
          (theme === 'light' ? '' : `-${theme}`) +
          (zoom === 1 ? '' : `-zoom${Math.round(zoom * 100)}`);
        await page.screenshot({ path: resolve(outDir, `${stem}-dashboard.png`) });
        console.log(`screenshot: screenshots/${stem}-dashboard.png`);

        const chatsTab = (await findDeep(page, 'tab', CHATS_TAB)).asElement();
        if (chatsTab) await chatsTab.click();
        await new Promise((r) => setTimeout(r, 500));
        const next = (await findDeep(page, 'button', NEXT_IN_QUEUE)).asElement();
        if (next) {
          const enabled = await page
            .waitForFunction((el) => !el.disabled && el.getAttribute('aria-disabled') !== 'true', { timeout: 10_000 }, next)
            .then(() => true, () => false);
          if (enabled) await next.click();
          else console.warn(`screenshot: (${stem}) "Get next in queue" stayed disabled (empty queue?)`);
        } else {
          console.warn(`screenshot: (${stem}) no "Get next in queue" button found`);
        }
        await new Promise((r) => setTimeout(r, 1500));
        await page.screenshot({ path: resolve(outDir, `${stem}-chats.png`) });
        console.log(`screenshot: screenshots/${stem}-chats.png`);
        if (withInsert) {
          const insert = (await findDeep(page, 'button', INSERT)).asElement();
          if (insert) {
            await insert.click();
            await new Promise((r) => setTimeout(r, 800));
            await page.screenshot({ path: resolve(outDir, `${stem}-insert.png`) });
            console.log(`screenshot: screenshots/${stem}-insert.png`);
          } else {
            console.warn(`screenshot: (${stem}) no "Insert" button found`);
          }
        }
        if (problems.length) {
          failures++;
          console.error(`screenshot: (${stem}) the page reported problems:\n  - ${problems.join('\n  - ')}`);
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server?.stop();
}
process.exit(failures ? 1 : 0);
