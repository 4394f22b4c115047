#!/usr/bin/env node
// First-render payload of the CDN build: for a plain page holding just one of our elements, the
// JavaScript it loads until its first render is done, measured in headless Chromium.
//   node scripts/size-pages.mjs          (after `npm run build`; prints)
//   node scripts/size-pages.mjs --check  (exits 1 when a page exceeds its budget below)
//
// Each page loads dist/cdn/chat-screen.js and holds one element with the demo backend
// (`<chat-screen demo>`, or the element inside `<chat-provider demo>`), in English. The page is
// loaded, the element's first render awaited (it is defined and its shadow root shows its content),
// then the network left idle; every .js file the page requested is counted at its size gzip -9,
// except the demo backend's own chunks (a host brings its own backend) — those are shown apart.
// kB = 1,000 bytes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEEP_QUERY_SOURCE, launchChromium, serveStatic, watchPageProblems } from './lib/browser.mjs';
import { CDN_STATS, isDemoModule } from './lib/cdn-build.mjs';

/**
 * No-regression budgets in bytes (min+gzip): the value measured when the budget was set, rounded up
 * to the next whole kB, plus 2 kB. Lower a budget when a page gets smaller; never raise one
 * without saying why in the commit.
 */
export const PAGE_BUDGETS = {
  // Raised again on 2026-11-30 (next stop) by the rule above, for three pages, after a fresh
  // review's fixes: <chat-screen> shows a transfer offered to the agent from either tab (a notice
  // with Open and Dismiss, the Chats badge counting it) and slims its header on a short host; the
  // conversation names the receiving agent in transfer lines, keeps typed form input per chat
  // (with "Discard changes"), searches all texts with "/" and wraps Tab inside its dialogs; the
  // dashboard offers Open instead of Listen in on such a chat; file sizes use Intl unit formatting.
  // The element base classes, tokens and formatting moved from the entry into the elements'
  // shared chunk (the entry: 25.4 → 22.3 kB, lit and rxjs external); pages load it either way.
  // Before: 57, 51 and 94 kB budgets for <chat-screen>, <chat-dashboard> and the whole screen,
  // which measured 55.5, 49.6 and 92.1 kB at the start of the stop.
  // Raised on 2026-11-30 by the rule above, after this stop's review fixes: every element keeps
  // keyboard focus when the control it was on goes (a shared focus keeper, aria-disabled buttons),
  // long messages are clipped in the listen-in dialog and transcripts too, files show a document
  // icon with their state, the End chat and Transfer dialogs follow the live state, failed data
  // loads again after a reconnect, and the adapter's data is checked more (the agent, records of
  // another chat, two records with one id, missing methods). To keep the entry within issue 7's
  // 25 kB (lit and rxjs external), the elements' shared UI (avatar, notices, list icons, text
  // previews) moved out of the entry into one chunk every element page loads (one file more per
  // page), and the Insert picker's snippet store and the listen-in feed load on first use.
  // Before, in this order: 53, 45, 48, 46, 47 and 88 kB budgets for 50.8, 42.6, 45.5, 43.8, 44.9
  // and 85.8 kB measured at the start of the stop.
  'chat-screen': 60_000, // 58.0 kB measured (54.6 kB when the budget was 57 kB)
  'chat-session-list': 49_000, // 46.1 kB
  'chat-conversation': 51_000, // 48.5 kB (59.1 kB before its dialogs, 51.8 kB before its history were split off)
  'chat-person-panel': 49_000, // 46.7 kB (42.1 kB before its forms and transcript were split off)
  'chat-dashboard': 54_000, // 51.0 kB (48.6 kB when the budget was 51 kB; its warning alerts and listen-in dialog are chunks of their own)
  // The whole screen as an agent uses it: both tabs shown and a chat open (no dialog opened yet).
  // This is what issue 7's 45 kB CDN budget was meant to bound; it is over that, see README.
  // 95.8 kB measured (91.2 kB when the budget was 94 kB; 85.8 kB before that; 76.7 kB before the
  // first review fixes of 2026-11-29; 74.7 kB before the conversation's history was split off).
  'chat-screen-chats': 98_000,
};

/**
 * The pages: the markup and a check (run in the page) that the element's first render is there.
 * @type {Record<keyof typeof PAGE_BUDGETS, { body: string, rendered: string }>}
 */
const PAGES = {
  'chat-screen': {
    body: '<chat-screen demo></chat-screen>',
    // The default tab, Dashboard, with the dashboard's content.
    rendered: `const s = document.querySelector('chat-screen');
      const d = s?.shadowRoot?.querySelector('chat-dashboard');
      return !!d?.shadowRoot && deepElements(d.shadowRoot).some((e) => e.getAttribute('role') === 'tab' || /Incoming chats/.test(e.textContent ?? ''));`,
  },
  'chat-screen-chats': {
    // The Chats tab is clicked once the screen shows its tabs, then the first chat of the list is
    // opened: the session list, the conversation with its history and the person panel.
    body: `<chat-screen demo></chat-screen><script type="module">
      const s = document.querySelector('chat-screen');
      const tick = setInterval(() => {
        const tab = s.shadowRoot?.querySelector('#tab-chats');
        const list = s.shadowRoot?.querySelector('chat-session-list');
        const row = list?.shadowRoot?.querySelector('[role="option"]');
        if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
        else if (row) { clearInterval(tick); row.click(); }
      }, 20);
    </script>`,
    rendered: `const s = document.querySelector('chat-screen');
      const c = s?.shadowRoot?.querySelector('chat-conversation');
      const p = s?.shadowRoot?.querySelector('chat-person-panel');
      return !!c?.shadowRoot?.querySelector('[role="log"] [data-message-id]') && !!p?.shadowRoot && !/Select a chat/.test(p.shadowRoot.textContent ?? '');`,
  },
  'chat-session-list': {
    body: '<chat-provider demo><chat-session-list></chat-session-list></chat-provider>',
    rendered: `const e = document.querySelector('chat-session-list');
      return !!e?.shadowRoot && /Get next in queue/.test(e.shadowRoot.textContent ?? '');`,
  },
  'chat-conversation': {
    body: '<chat-provider demo><chat-conversation></chat-conversation></chat-provider>',
    rendered: `const e = document.querySelector('chat-conversation');
      return !!e?.shadowRoot && /Select a chat/.test(e.shadowRoot.textContent ?? '');`,
  },
  'chat-person-panel': {
    body: '<chat-provider demo><chat-person-panel></chat-person-panel></chat-provider>',
    rendered: `const e = document.querySelector('chat-person-panel');
      return !!e?.shadowRoot && /Select a chat/.test(e.shadowRoot.textContent ?? '');`,
  },
  'chat-dashboard': {
    body: '<chat-provider demo><chat-dashboard></chat-dashboard></chat-provider>',
    rendered: `const e = document.querySelector('chat-dashboard');
      return !!e?.shadowRoot && /Incoming chats/.test(e.shadowRoot.textContent ?? '');`,
  },
};

const root = resolve(import.meta.dirname, '..');
const gz = (/** @type {Buffer} */ buf) => gzipSync(buf, { level: 9 }).length;
const kB = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;

/**
 * Load each page in Chromium and sum what it fetched.
 * @returns {Promise<Record<string, { bytes: number, files: string[], demoBytes: number, problems: string[] }>>}
 */
export async function measurePages() {
  if (!existsSync(join(root, 'dist/cdn/chat-screen.js')) || !existsSync(join(root, CDN_STATS))) {
    throw new Error('dist/cdn/ (or its chunk stats) is missing; run "npm run build" first.');
  }
  /** @type {{ fileName: string, modules: Record<string, number> }[]} */
  const stats = JSON.parse(readFileSync(join(root, CDN_STATS), 'utf8'));
  const demoOnly = new Set(
    stats.filter((c) => Object.keys(c.modules).length > 0 && Object.keys(c.modules).every(isDemoModule)).map((c) => c.fileName),
  );
  const pagesDir = join(root, 'node_modules/.cache/chat-screen/pages');
  mkdirSync(pagesDir, { recursive: true });
  const server = await serveStatic(root);
  const browser = await launchChromium({ width: 1280, height: 800 });
  /** @type {Record<string, { bytes: number, files: string[], demoBytes: number, problems: string[] }>} */
  const results = {};
  try {
    for (const [name, { body, rendered }] of Object.entries(PAGES)) {
      writeFileSync(
        join(pagesDir, `${name}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/dist/cdn/chat-screen.js"></script>
<style>html,body{margin:0;height:100%}chat-screen,chat-session-list,chat-conversation,chat-person-panel,chat-dashboard{display:block;height:100vh}</style>
</head><body>${body}</body></html>`,
      );
      const page = await browser.newPage();
      const problems = watchPageProblems(page);
      /** @type {Set<string>} */
      const requested = new Set();
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.endsWith('.js')) requested.add(path);
      });
      await page.goto(`${server.url}/node_modules/.cache/chat-screen/pages/${name}.html`, { waitUntil: 'load' });
      const ok = await page
        .waitForFunction(new Function(`${DEEP_QUERY_SOURCE}\n${rendered}`), { timeout: 15_000, polling: 50 })
        .then(() => true, () => false);
      if (!ok) problems.push(`<${name}> did not finish its first render`);
      await page.waitForNetworkIdle({ idleTime: 500, timeout: 15_000 }).catch(() => {});
      let bytes = 0;
      let demoBytes = 0;
      const files = [];
      for (const path of requested) {
        const file = join(root, path);
        if (!path.startsWith('/dist/cdn/') || !existsSync(file)) {
          problems.push(`loaded ${path}, which is not a file of dist/cdn/`);
          continue;
        }
        const size = gz(readFileSync(file));
        const fileName = path.slice('/dist/cdn/'.length);
        if (demoOnly.has(fileName)) demoBytes += size;
        else {
          bytes += size;
          files.push(fileName);
        }
      }
      results[name] = { bytes, files, demoBytes, problems };
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const results = await measurePages();
  let failed = false;
  console.log('First-render payload of a page (CDN build, JS min+gzip, demo backend not counted)');
  for (const [name, r] of Object.entries(results)) {
    const budget = PAGE_BUDGETS[/** @type {keyof typeof PAGE_BUDGETS} */ (name)];
    const over = budget > 0 && r.bytes > budget;
    const suggested = (Math.ceil(r.bytes / 1000) + 2) * 1000;
    const label = name === 'chat-screen-chats' ? '<chat-screen> Chats tab, a chat open' : `<${name}>`;
    console.log(
      `  ${label}`.padEnd(40) +
        `${kB(r.bytes).padStart(8)} in ${String(r.files.length).padStart(2)} files` +
        `  budget ${budget ? kB(budget) : 'unset'}${over ? `  OVER by ${kB(r.bytes - budget)}` : budget ? '  within' : ` (would be ${kB(suggested)})`}` +
        `  (+ demo backend ${kB(r.demoBytes)})`,
    );
    if (process.argv.includes('--files')) for (const f of r.files) console.log(`      ${f}`);
    for (const p of r.problems) console.log(`    problem: ${p}`);
    if (over || r.problems.length || (check && !budget)) failed = true;
  }
  if (check && failed) {
    console.error('size-pages: a page is over its budget, has no budget, or failed to render (see above)');
    process.exit(1);
  }
}
