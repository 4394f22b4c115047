#!/usr/bin/env node
// Smoke test of a built Storybook (toolchain.md §5, option 2): serves the static build, opens every
// story listed in index.json in headless Chromium and fails on page errors, console errors, failed
// requests and Storybook's error display (a render or play function that throws).
//   node scripts/storybook-smoke.mjs [storybook-static]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic, launchChromium, watchPageProblems } from './lib/browser.mjs';

const dir = resolve(process.argv[2] ?? 'storybook-static');
const indexFile = join(dir, 'index.json');
if (!existsSync(indexFile)) {
  console.error(`storybook-smoke: ${indexFile} is missing; run "npm run build-storybook" first.`);
  process.exit(1);
}
const stories = Object.values(JSON.parse(readFileSync(indexFile, 'utf8')).entries ?? {}).filter(
  (entry) => entry.type === 'story',
);
if (stories.length === 0) {
  console.log('storybook-smoke: no stories in index.json; nothing to check.');
  process.exit(0);
}

const STORY_TIMEOUT = Number(process.env.STORY_TIMEOUT) || 15_000;
const started = Date.now();
const server = await serveStatic(dir);
const browser = await launchChromium({ width: 1280, height: 800 });
let failed = 0;
try {
  const page = await browser.newPage();
  /** @type {string[]} */
  let problems = watchPageProblems(page);
  for (const story of stories) {
    problems.length = 0;
    const t0 = Date.now();
    const url = `${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`;
    await page.goto(url, { waitUntil: 'load' });
    const outcome = await page
      .waitForFunction(
        () => {
          if (document.body.classList.contains('sb-show-errordisplay')) return 'error-display';
          // @ts-ignore Storybook's preview global
          const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
          return ['finished', 'errored', 'aborted'].includes(phase) ? phase : false;
        },
        { timeout: STORY_TIMEOUT, polling: 50 },
      )
      .then((h) => h.jsonValue(), () => 'timeout');
    await new Promise((r) => setTimeout(r, 300)); // late errors (timers, first updates)
    const errorText =
      outcome === 'error-display' || outcome === 'errored'
        ? await page.evaluate(() =>
            (document.querySelector('#error-message')?.textContent ?? '').trim().slice(0, 500),
          )
        : '';
    // A story whose element import was tree-shaken away renders an inert, undefined tag and no error.
    const undefinedTags = await page.evaluate(() => {
      const found = new Set();
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName.includes('-') && !customElements.get(el.localName)) found.add(el.localName);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      const storyRoot = document.querySelector('#storybook-root') ?? document.body;
      walk(storyRoot);
      return [...found];
    });
    const bad = [
      ...(outcome === 'finished' ? [] : [`story did not finish: ${outcome}${errorText ? `: ${errorText}` : ''}`]),
      ...(undefinedTags.length ? [`custom elements not defined: <${undefinedTags.join('>, <')}>`] : []),
      ...problems,
    ];
    if (bad.length) {
      failed++;
      console.error(`✗ ${story.title} › ${story.name} (${story.id})\n    - ${bad.join('\n    - ')}`);
    } else {
      console.log(`✓ ${story.title} › ${story.name} (${Date.now() - t0} ms)`);
    }
  }
  // The toolbar's Theme switch (globals theme:dark) sets color-scheme: dark on the page, which the
  // elements' light-dark() tokens follow (a chat element's computed color-scheme is dark).
  {
    const story = stories.find((s) => /session-list|conversation|dashboard/.test(s.id)) ?? stories[0];
    const url = `${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=theme:dark`;
    await page.goto(url, { waitUntil: 'load' });
    const dark = await page
      .waitForFunction(
        () => {
          if (document.documentElement.style.colorScheme !== 'dark') return false;
          const el = [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName.startsWith('chat-') && e.localName !== 'chat-provider' && e.shadowRoot);
          if (!el) return false;
          const scheme = getComputedStyle(el).colorScheme;
          return scheme === 'dark' ? `<${el.localName}> color-scheme ${scheme}` : false;
        },
        { timeout: STORY_TIMEOUT, polling: 50 },
      )
      .then((h) => h.jsonValue(), () => null);
    if (!dark) {
      failed++;
      console.error(`✗ Theme switch: globals=theme:dark did not set color-scheme: dark on ${story.id}`);
    } else {
      console.log(`✓ Theme switch: dark theme applied (${dark})`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const summary = `${stories.length - failed}/${stories.length} stories OK in ${((Date.now() - started) / 1000).toFixed(1)} s`;
if (failed) {
  console.error(`storybook-smoke FAILED: ${summary}`);
  process.exit(1);
}
console.log(`storybook-smoke: ${summary}`);
