#!/usr/bin/env node
// Browser check of the one-file CDN bundle: serves the repository root, opens demo/cdn.html (a plain
// page that loads only dist/cdn/chat-screen.js) in headless Chromium and asserts that <chat-screen>
// is defined, renders its "Dashboard" and "Chats" tabs, and that the page reported no error.
//   npm run test:cdn            (builds first)
//   node scripts/cdn-check.mjs  (uses the existing dist/)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic, launchChromium, watchPageProblems, DEEP_QUERY_SOURCE } from './lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const bundle = resolve(root, 'dist/cdn/chat-screen.js');
if (!existsSync(bundle)) {
  console.error('cdn-check: dist/cdn/chat-screen.js is missing; run "npm run build" first.');
  process.exit(1);
}

const started = Date.now();
const server = await serveStatic(root);
const browser = await launchChromium({ width: 1280, height: 800 });
/** @type {string[]} */
const failures = [];
try {
  const page = await browser.newPage();
  const problems = watchPageProblems(page);
  await page.goto(`${server.url}/demo/cdn.html`, { waitUntil: 'load' });

  const defined = await page
    .waitForFunction(() => customElements.get('chat-screen') !== undefined, { timeout: 10_000 })
    .then(() => true, () => false);
  if (!defined) failures.push('<chat-screen> was not defined by dist/cdn/chat-screen.js');

  // Only the bundle (and its own lazy chunks beside it) may be loaded: nothing from
  // node_modules or the npm build.
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /\.m?js$/.test(p)),
  );
  const others = scripts.filter((p) => !p.startsWith('/dist/cdn/'));
  if (others.length) failures.push(`the page loaded more than the bundle: ${others.join(', ')}`);
  // The demo backend is not in the entry file; `demo` loads it as a separate chunk.
  if (readFileSync(bundle, 'utf8').includes('Anna de Vries')) failures.push('dist/cdn/chat-screen.js inlines the demo backend');

  if (defined) {
    // Tabs by role and accessible name; a badge may follow the name ("Chats 3").
    const tabs = await page
      .waitForFunction(
        new Function(`${DEEP_QUERY_SOURCE}
          const screen = document.querySelector('chat-screen');
          if (!screen || !screen.shadowRoot) return false;
          const names = deepElements(screen.shadowRoot)
            .filter((el) => el.getAttribute('role') === 'tab')
            .map(accessibleText);
          const has = (n) => names.some((t) => t === n || t.startsWith(n + ' ') || new RegExp('^' + n + '\\\\b').test(t));
          return has('Dashboard') && has('Chats') ? names : false;
        `),
        { timeout: 10_000, polling: 200 },
      )
      .then((handle) => handle.jsonValue(), () => null);
    if (tabs) {
      console.log(`cdn-check: tabs rendered: ${tabs.map((t) => JSON.stringify(t)).join(', ')}`);
    } else {
      const seen = await page.evaluate(
        new Function(`${DEEP_QUERY_SOURCE}
          const s = document.querySelector('chat-screen');
          return s && s.shadowRoot ? deepElements(s.shadowRoot).filter((el) => el.getAttribute('role') === 'tab').map(accessibleText) : null;`),
      );
      failures.push(
        seen === null
          ? '<chat-screen> has no shadow root'
          : `the shadow root does not render tabs "Dashboard" and "Chats" (role="tab" found: ${JSON.stringify(seen)})`,
      );
    }
  }

  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
  );
  if (!loaded.some((p) => /^\/dist\/cdn\/chat-screen-demo-[^/]+\.js$/.test(p))) {
    failures.push('<chat-screen demo> did not load the demo chunk dist/cdn/chat-screen-demo-*.js');
  }

  await new Promise((r) => setTimeout(r, 500)); // let late errors surface
  failures.push(...problems);
} finally {
  await browser.close();
  await server.close();
}

if (failures.length) {
  console.error(`cdn-check FAILED (demo/cdn.html):\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log(`cdn-check: demo/cdn.html OK with only dist/cdn/ files, the demo backend as a lazy chunk (${Date.now() - started} ms)`);
