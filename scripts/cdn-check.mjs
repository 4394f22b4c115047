#!/usr/bin/env node
// Browser check of the CDN build (dist/cdn/): serves the repository root and, in headless Chromium,
// proves on plain pages that load only dist/cdn/chat-screen.js:
//  1. demo/cdn.html: <chat-screen demo> is defined and renders its "Dashboard" and "Chats" tabs;
//     only <chat-provider>, <chat-screen> and the Dashboard tab's <chat-dashboard> are defined
//     then (the Chats tab's elements load when that tab is shown); the demo backend chunk is fetched;
//  4. there, the screen works: "Answer" on an incoming chat opens the Chats tab (whose elements
//     load then) with that chat, and a message typed and sent appears in the history;
//  then on a second page holding only <chat-screen> (no `demo`):
//  5. the demo backend chunk is never fetched;
//  2. a chat tag added to the document later is defined by the autoloader;
//  3. a chat tag inside a host's shadow root is defined after `discover(root)`, and one added to
//     that root afterwards too;
//  6. the entry exports RxJS's Observable, Subject and BehaviorSubject, working, for a no-build adapter;
// and that no page loaded anything outside dist/cdn/ or reported an error.
//   npm run test:cdn            (builds first)
//   node scripts/cdn-check.mjs  (uses the existing dist/)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic, launchChromium, watchPageProblems, DEEP_QUERY_SOURCE } from './lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const bundle = resolve(root, 'dist/cdn/chat-screen.js');
if (!existsSync(bundle)) {
  console.error('cdn-check: dist/cdn/chat-screen.js is missing; run "npm run build" first.');
  process.exit(1);
}
const DEMO_CHUNK = /^\/dist\/cdn\/chat-screen-demo-[^/]+\.js$/;

const started = Date.now();
const server = await serveStatic(root);
const browser = await launchChromium({ width: 1280, height: 800 });
/** @type {string[]} */
const failures = [];
const log = (/** @type {string} */ text) => console.log(`cdn-check: ${text}`);

/**
 * Wait for `body` (a function body run in the page, with deepElements / accessibleText in scope)
 * to return a truthy value; resolves with it, or null after `timeout` ms.
 * @param {import('puppeteer-core').Page} page
 * @param {string} body
 */
async function waitInPage(page, body, timeout = 10_000) {
  return page
    .waitForFunction(new Function(`${DEEP_QUERY_SOURCE}\n${body}`), { timeout, polling: 50 })
    .then((handle) => handle.jsonValue(), () => null);
}

/** The .js paths a page has requested so far. @param {import('puppeteer-core').Page} page */
async function scriptsOf(page) {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
  );
}

/** @param {import('puppeteer-core').Page} page @param {string} what */
async function onlyDistCdn(page, what) {
  const others = (await scriptsOf(page)).filter((p) => !p.startsWith('/dist/cdn/'));
  if (others.length) failures.push(`${what} loaded more than dist/cdn/: ${others.join(', ')}`);
}

try {
  // ---------------------------------------------------------------- 1. demo/cdn.html renders
  const page = await browser.newPage();
  const problems = watchPageProblems(page);
  await page.goto(`${server.url}/demo/cdn.html`, { waitUntil: 'load' });

  const tabs = await waitInPage(
    page,
    `const screen = document.querySelector('chat-screen');
     if (!customElements.get('chat-screen') || !screen?.shadowRoot) return false;
     const names = deepElements(screen.shadowRoot).filter((el) => el.getAttribute('role') === 'tab').map(accessibleText);
     const has = (n) => names.some((t) => t === n || t.startsWith(n + ' '));
     const dashboard = screen.shadowRoot.querySelector('chat-dashboard');
     return has('Dashboard') && has('Chats') && dashboard?.shadowRoot && /Incoming chats/.test(dashboard.shadowRoot.textContent) ? names : false;`,
  );
  if (!tabs) {
    failures.push('<chat-screen demo> did not render its "Dashboard" and "Chats" tabs and the dashboard');
  } else {
    log(`tabs rendered: ${tabs.map((t) => JSON.stringify(t)).join(', ')}`);
  }
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 10_000 }).catch(() => {});
  const definedAtFirst = await page.evaluate(() =>
    ['chat-provider', 'chat-screen', 'chat-dashboard', 'chat-session-list', 'chat-conversation', 'chat-person-panel'].filter(
      (t) => customElements.get(t),
    ),
  );
  const expected = ['chat-provider', 'chat-screen', 'chat-dashboard'];
  if (JSON.stringify(definedAtFirst) !== JSON.stringify(expected)) {
    failures.push(`on the Dashboard tab the defined elements are ${definedAtFirst.join(', ')}; expected only ${expected.join(', ')}`);
  } else {
    log(`on first render only ${expected.join(', ')} are defined`);
  }
  if (!(await scriptsOf(page)).some((p) => DEMO_CHUNK.test(p))) {
    failures.push('<chat-screen demo> did not load the demo chunk dist/cdn/chat-screen-demo-*.js');
  }
  if (readFileSync(bundle, 'utf8').includes('Anna de Vries')) failures.push('dist/cdn/chat-screen.js inlines the demo backend');

  // ---------------------------------------------------------------- 4. answer and send
  const customer = await page.evaluate(
    new Function(`${DEEP_QUERY_SOURCE}
      const screen = document.querySelector('chat-screen');
      const answer = deepElements(screen.shadowRoot).find((el) => el.tagName === 'BUTTON' && accessibleText(el) === 'Answer');
      if (!answer) return null;
      const row = answer.closest('[part~="incoming-row"]') ?? answer.parentElement?.parentElement;
      answer.click();
      return row ? row.textContent.replace(/\\s+/g, ' ').trim() : '';`),
  );
  if (customer === null) {
    failures.push('the dashboard shows no "Answer" button');
  } else {
    const composer = await waitInPage(
      page,
      `const screen = document.querySelector('chat-screen');
       const chats = screen.shadowRoot.querySelector('#tab-chats');
       const conversation = screen.shadowRoot.querySelector('chat-conversation');
       return chats.getAttribute('aria-selected') === 'true' && !!conversation?.shadowRoot?.querySelector('textarea');`,
    );
    if (!composer) {
      failures.push('"Answer" did not open the Chats tab with the chat and its composer');
    } else {
      const text = `Hello from the CDN check ${Date.now()}`;
      const textarea = await page.evaluateHandle(
        () => document.querySelector('chat-screen').shadowRoot.querySelector('chat-conversation').shadowRoot.querySelector('textarea'),
      );
      await /** @type {import('puppeteer-core').ElementHandle<HTMLTextAreaElement>} */ (textarea).type(text);
      await page.keyboard.press('Enter');
      const sent = await waitInPage(
        page,
        `const c = document.querySelector('chat-screen').shadowRoot.querySelector('chat-conversation');
         return deepElements(c.shadowRoot).some((el) => el.children.length === 0 && el.textContent.includes(${JSON.stringify(text)}));`,
      );
      if (!sent) failures.push('a message typed and sent with Enter did not appear in the history');
      else log('"Answer" opens the chat in the Chats tab; a sent message appears in the history');
    }
  }
  await onlyDistCdn(page, 'demo/cdn.html');
  await new Promise((r) => setTimeout(r, 300)); // let late errors surface
  failures.push(...problems.map((p) => `demo/cdn.html: ${p}`));
  await page.close();

  // ------------------------- 5. a page without demo: no demo chunk; 2. tags added later; 3. discover()
  const pagesDir = join(root, 'node_modules/.cache/chat-screen/pages');
  mkdirSync(pagesDir, { recursive: true });
  writeFileSync(
    join(pagesDir, 'no-demo.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/dist/cdn/chat-screen.js"></script></head>
<body><chat-screen></chat-screen></body></html>`,
  );
  const plain = await browser.newPage();
  const plainProblems = watchPageProblems(plain);
  await plain.goto(`${server.url}/node_modules/.cache/chat-screen/pages/no-demo.html`, { waitUntil: 'load' });
  const noService = await waitInPage(
    plain,
    `const s = document.querySelector('chat-screen');
     return !!s?.shadowRoot && /No chat service/.test(s.shadowRoot.textContent);`,
  );
  await plain.waitForNetworkIdle({ idleTime: 300, timeout: 10_000 }).catch(() => {});
  if (!noService) failures.push('<chat-screen> without inputs did not render its "No chat service" note');
  const demoLoaded = (await scriptsOf(plain)).filter((p) => DEMO_CHUNK.test(p));
  if (demoLoaded.length) failures.push(`a page without \`demo\` fetched the demo backend: ${demoLoaded.join(', ')}`);
  else log('a page without `demo` does not fetch the demo backend chunk');
  await onlyDistCdn(plain, 'the page without demo');
  // ---------------------------------------------------------------- 2. a tag added later
  await plain.evaluate(() => {
    const list = document.createElement('chat-session-list');
    list.id = 'added-later';
    list.hidden = true;
    document.body.append(list);
  });
  const addedLater = await waitInPage(plain, `return customElements.get('chat-session-list') !== undefined && !!document.getElementById('added-later').shadowRoot;`);
  if (!addedLater) failures.push('a <chat-session-list> added to the page later was not defined');
  else log('a tag added to the page later is defined');
  await plain.evaluate(() => document.getElementById('added-later')?.remove());

  // ---------------------------------------------------------------- 3. discover(shadowRoot)
  await plain.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'host';
    host.hidden = true;
    host.attachShadow({ mode: 'open' }).innerHTML = '<chat-conversation></chat-conversation>';
    document.body.append(host);
  });
  // The autoloader watches the document only: without discover() the tag stays undefined.
  await plain.waitForNetworkIdle({ idleTime: 300, timeout: 10_000 }).catch(() => {});
  if (await plain.evaluate(() => customElements.get('chat-conversation') !== undefined)) {
    failures.push('<chat-conversation> inside a shadow root was defined before discover() (check 3 proves nothing)');
  }
  const discovered = await plain.evaluate(async () => {
    const cdn = await import('/dist/cdn/chat-screen.js');
    const shadow = /** @type {ShadowRoot} */ (document.getElementById('host')?.shadowRoot);
    await cdn.discover(shadow);
    const first = customElements.get('chat-conversation') !== undefined && !!shadow.querySelector('chat-conversation')?.shadowRoot;
    shadow.append(document.createElement('chat-person-panel'));
    return first;
  });
  const laterInRoot = await waitInPage(plain, `return customElements.get('chat-person-panel') !== undefined;`);
  if (!discovered) failures.push('<chat-conversation> inside a host\'s shadow root was not defined after discover(root)');
  else if (!laterInRoot) failures.push('a tag added to a shadow root after discover(root) was not defined');
  else log('discover(shadowRoot) defines the tags in it, and tags added to that root later');
  await plain.evaluate(() => document.getElementById('host')?.remove());

  // ---------------------------------------------------------------- 6. RxJS for a no-build adapter
  // A host page without a bundler writes its adapter's events$ with the CDN file's RxJS exports.
  const rx = await plain.evaluate(async () => {
    const cdn = await import('/dist/cdn/chat-screen.js');
    const { Observable, Subject, BehaviorSubject } = cdn;
    if (typeof Observable !== 'function' || typeof Subject !== 'function' || typeof BehaviorSubject !== 'function') {
      return `exports: Observable ${typeof Observable}, Subject ${typeof Subject}, BehaviorSubject ${typeof BehaviorSubject}`;
    }
    const events = new Subject();
    const seen = [];
    let ended = false;
    const events$ = new Observable((subscriber) => {
      const sub = events.subscribe(subscriber);
      return () => { sub.unsubscribe(); ended = true; };
    });
    const sub = events$.subscribe((e) => seen.push(e.type));
    events.next({ type: 'session-updated' });
    sub.unsubscribe();
    events.next({ type: 'after' });
    const presence = new BehaviorSubject('away');
    if (!(events instanceof Observable)) return 'a Subject is not an instance of the exported Observable';
    if (seen.join() !== 'session-updated' || !ended) return `events seen: ${seen.join()}, teardown ran: ${ended}`;
    if (presence.getValue() !== 'away') return 'BehaviorSubject has no current value';
    return 'ok';
  });
  if (rx !== 'ok') failures.push(`the CDN file's RxJS exports for adapters do not work: ${rx}`);
  else log('the CDN file exports Observable, Subject and BehaviorSubject for a no-build adapter');

  // ---------------------------------------------------------------- 7. The demo backend's hint
  // The class is not in the CDN file; constructing the placeholder says how to get it.
  const demoHint = await plain.evaluate(async () => {
    const cdn = await import('/dist/cdn/chat-screen.js');
    try {
      new cdn.InMemoryChatBackend();
      return 'constructed without an error';
    } catch (error) {
      if (!/loadDemoBackend/.test(String(error))) return `unhelpful error: ${error}`;
    }
    const Loaded = await cdn.loadDemoBackend();
    return typeof new Loaded({ autoplay: false }).getSnapshot === 'function' ? 'ok' : 'loadDemoBackend() gave no backend';
  });
  if (demoHint !== 'ok') failures.push(`new InMemoryChatBackend() from the CDN file: ${demoHint}`);
  else log('new InMemoryChatBackend() from the CDN file says to use loadDemoBackend(), which gives the class');

  failures.push(...plainProblems.map((p) => `page without demo: ${p}`));
} finally {
  await browser.close();
  await server.close();
}

if (failures.length) {
  console.error(`cdn-check FAILED:\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
log(`OK: the CDN build loads lazily and works, only dist/cdn/ files loaded (${Date.now() - started} ms)`);
