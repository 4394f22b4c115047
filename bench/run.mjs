#!/usr/bin/env node
// npm run bench: <chat-conversation> against a bare Lit + virtualizer list, a plain Lit repeat()
// list, @vaadin/message-list, deep-chat, @chatscope/chat-ui-kit-react and stream-chat-react's
// VirtualizedMessageList in headless Chromium, same data, alternating contenders, medians over RUNS runs.
// Prints a table with ratios (ours / each peer) and writes bench/results.md.
//   BENCH_RUNS=5 (default)  BENCH_SIZES=100,1000,10000,100000  BENCH_BURST_SECONDS=10
//   BENCH_CONTENDERS=lit-virtualizer,lit-repeat (a subset of lit-virtualizer, lit-repeat, vaadin,
//   deep-chat, chatscope, stream; ours always runs)
// Not part of npm test (it measures time).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, serveStatic } from '../scripts/lib/browser.mjs';
import { targetsSection } from './targets.mjs';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,100000').split(',').map(Number);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 10);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 30_000);
const ALL_CONTENDERS = [
  { id: 'ours', label: '<chat-conversation> (ours)' },
  { id: 'lit-virtualizer', label: 'Lit + virtualizer (bare)' },
  { id: 'lit-repeat', label: 'plain Lit repeat()' },
  { id: 'vaadin', label: '@vaadin/message-list' },
  { id: 'deep-chat', label: 'deep-chat' },
  { id: 'chatscope', label: '@chatscope/chat-ui-kit-react' },
  { id: 'stream', label: 'stream-chat-react VirtualizedMessageList' },
];
// BENCH_CONTENDERS=ours,lit-virtualizer runs a subset (for profiling; results.md wants all).
const only = process.env.BENCH_CONTENDERS?.split(',');
const CONTENDERS = only ? ALL_CONTENDERS.filter((c) => c.id === 'ours' || only.includes(c.id)) : ALL_CONTENDERS;

// The machine's load average (1, 5, 15 min) at the start and the end, so a reader can tell a noisy run.
const loadAtStart = loadavg();
const startedAt = Date.now();

// 1. Build the pages (esbuild, production builds of the libraries, not minified).
const out = join(root, 'dist/bench');
mkdirSync(out, { recursive: true });
await build({
  // The React peers are .tsx pages (automatic JSX runtime); their CSS is bundled next to the script.
  entryPoints: Object.fromEntries(CONTENDERS.map((c) => {
    const page = join(root, 'bench/pages', `${c.id}.ts`);
    return [c.id, existsSync(page) ? page : `${page}x`];
  })),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outdir: out,
  tsconfig: join(root, 'tsconfig.json'),
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  jsx: 'automatic',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  logLevel: 'warning',
});
for (const c of CONTENDERS) {
  writeFileSync(
    join(out, `${c.id}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${c.id}</title>${existsSync(join(out, `${c.id}.css`)) ? `<link rel="stylesheet" href="./${c.id}.css">` : ''}<style>body{margin:0}</style></head><body><script type="module" src="./${c.id}.js"></script></body></html>`,
  );
}

// 2. Run.
const server = await serveStatic(root);
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  defaultViewport: { width: 1000, height: 700 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined;
};

/** One measurement in a fresh page (`budget` ms at most). */
async function measure(contender, fn, budget = TIMEOUT_MS + 5_000) {
  const page = await browser.newPage();
  // Every contender runs offline: a request that leaves the local server is recorded and reported.
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) offline.add(`${contender}: ${url}`);
  });
  try {
    await page.goto(`${server.url}/dist/bench/${contender}.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => !!window.bench, { timeout: 10_000 });
    return await Promise.race([
      fn(page),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), budget)),
    ]);
  } catch (error) {
    return { error: String(error instanceof Error ? error.message : error) };
  } finally {
    await page.close();
  }
}

/** @type {Record<string, Record<string, any[]>>} metric → contender → samples */
const samples = {};
const add = (metric, contender, value) => ((samples[metric] ??= {})[contender] ??= []).push(value);
const log = (s) => process.stdout.write(s);
/** Requests that left the local server (contender: URL); none expected. */
const offline = new Set();
/** contender → the smallest size whose opening timed out */
const timedOut = new Map();
/** contender → the run in which its append / DOM / heap measurement timed out */
const appendTimedOut = new Map();

/** In ours' page: the elements of the history (the conversation's `role="log"` subtree, shadow roots too). */
function historyElements() {
  const log = document.querySelector('chat-conversation')?.shadowRoot?.querySelector('[role="log"]');
  if (!log) return 'no history found';
  let count = 1;
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      count++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (log.shadowRoot) walk(log.shadowRoot);
  walk(log);
  return count;
}

for (let run = 1; run <= RUNS; run++) {
  // Alternate the order every run.
  const order = run % 2 ? CONTENDERS : [...CONTENDERS].reverse();
  log(`run ${run}/${RUNS}:`);
  for (const n of SIZES) {
    for (const c of order) {
      // A contender that timed out on a smaller size (in any run) is not run again on this size.
      if ((timedOut.get(c.id) ?? Infinity) <= n) {
        add(`open ${n.toLocaleString('en')} (ms)`, c.id, `not run (timeout at ${timedOut.get(c.id).toLocaleString('en')})`);
        continue;
      }
      let history;
      const r = await measure(c.id, async (page) => {
        const opened = await page.evaluate((n, t) => window.bench.open(n, t), n, TIMEOUT_MS);
        if (c.id === 'ours') history = await page.evaluate(historyElements);
        return opened;
      });
      // A page returns ms, or { ms, frames } (frames until the newest was painted; 1 = the next frame).
      const ms = typeof r === 'number' ? r : r.ms;
      add(`open ${n.toLocaleString('en')} (ms)`, c.id, typeof ms === 'number' ? ms : r.error);
      if (typeof r.frames === 'number') add(`open ${n.toLocaleString('en')} (frames)`, c.id, r.frames);
      if (history !== undefined) add(`history DOM elements after open ${n.toLocaleString('en')}`, c.id, history);
      if (typeof ms !== 'number') timedOut.set(c.id, Math.min(n, timedOut.get(c.id) ?? Infinity));
      log('.');
    }
  }
  for (const c of order) {
    const skip = (timedOut.get(c.id) ?? Infinity) <= 10_000 ? 'not run (open 10,000 timed out)' : appendTimedOut.has(c.id) ? `not run (timed out in run ${appendTimedOut.get(c.id)})` : undefined;
    if (skip) {
      for (const m of ['append 1 @10,000 (ms)', 'append 1 @10,000 (frames)', 'DOM elements @10,000', 'JS heap @10,000 (MB)']) add(m, c.id, skip);
      continue;
    }
    const r = await measure(c.id, async (page) => {
      await page.evaluate((t) => window.bench.open(10_000, t), TIMEOUT_MS);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      const append = await page.evaluate(() => window.bench.append());
      const elements = await page.evaluate(() => window.bench.elements());
      const cdp = await page.createCDPSession();
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return { append, elements, heap: usedSize };
    }, 3 * TIMEOUT_MS);
    if (r.error) {
      // Timed out: not run again in later runs (it cost up to 3 × the timeout each time).
      if (/timeout/.test(r.error)) appendTimedOut.set(c.id, run);
      add('append 1 @10,000 (ms)', c.id, r.error);
      add('append 1 @10,000 (frames)', c.id, r.error);
      add('DOM elements @10,000', c.id, r.error);
      add('JS heap @10,000 (MB)', c.id, r.error);
    } else {
      add('append 1 @10,000 (ms)', c.id, r.append.ms);
      add('append 1 @10,000 (frames)', c.id, r.append.frames);
      add('DOM elements @10,000', c.id, r.elements);
      add('JS heap @10,000 (MB)', c.id, r.heap / 1e6);
    }
    log('.');
  }
  for (const c of order) {
    const r = await measure(c.id, (page) =>
      page.evaluate((s) => (window.bench.burst ? window.bench.burst(1000, 50, s) : null), BURST_SECONDS),
    );
    if (r && !r.error) {
      add('burst: long tasks > 50 ms', c.id, r.longTasks);
      add('burst: longest task (ms)', c.id, r.longestTaskMs);
      add('burst: dropped frames', c.id, r.droppedFrames);
    } else if (r?.error) {
      add('burst: long tasks > 50 ms', c.id, r.error);
    }
    log('.');
  }
  log('\n');
}
await browser.close();
await server.close();

// 3. Table.
const fmt = (v) => (v === undefined ? 'n/a' : typeof v !== 'number' ? String(v) : v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1));
const header = ['metric (median of ' + RUNS + ')', ...CONTENDERS.map((c) => c.label), ...CONTENDERS.slice(1).map((c) => `ours / ${c.id}`)];
const rows = [];
/** @type {Record<string, Record<string, number | string | undefined>>} metric → contender → median (or first error) */
const medians = {};
for (const [metric, byContender] of Object.entries(samples)) {
  const med = Object.fromEntries(CONTENDERS.map((c) => {
    const list = byContender[c.id] ?? [];
    const errors = list.filter((x) => typeof x !== 'number');
    const m = median(list);
    return [c.id, m === undefined ? (errors.length ? errors[0] : undefined) : m];
  }));
  medians[metric] = med;
  const ratio = (peer) => {
    const a = med.ours;
    const b = med[peer];
    if (typeof a !== 'number' || typeof b !== 'number') return typeof b === 'string' ? `peer: ${b}` : 'n/a';
    if (b === 0) return a === 0 ? '1 (both 0)' : '∞';
    return (a / b).toFixed(3);
  };
  rows.push([metric, ...CONTENDERS.map((c) => fmt(med[c.id])), ...CONTENDERS.slice(1).map((c) => ratio(c.id))]);
}
const md = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const targets = targetsSection({
  median: (metric, id) => medians[metric]?.[id],
  samples: (metric, id) => samples[metric]?.[id] ?? [],
  label: (id) => ALL_CONTENDERS.find((c) => c.id === id)?.label ?? id,
  timeoutMs: TIMEOUT_MS,
  sizes: SIZES,
});
const loadAtEnd = loadavg();
const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
const load = (l) => l.map((x) => x.toFixed(2)).join(', ');
const network = offline.size
  ? `**Requests that left the page's local server** (the contenders are meant to run offline): ${[...offline].slice(0, 10).join(', ')}.`
  : 'No request left the local server during the run.';
const loadLine = `Load average (1, 5, 15 min) at the start: ${load(loadAtStart)}; at the end: ${load(loadAtEnd)} (${cpus().length} CPUs; a 1-minute load above the CPU count means other work competed with the run). The run took ${minutes} min.`;
console.log(`\n${md}\n\n${targets}\n\n${loadLine}\n${network}\n`);

const version = await (async () => {
  const b = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const v = await b.version();
  await b.close();
  return v;
})();
writeFileSync(
  join(root, 'bench/results.md'),
  `# Benchmark results (issue 7)

Measured by \`npm run bench\` (bench/run.mjs) on this machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${version},
headless, ${new Date().toISOString().slice(0, 10)}. Medians of ${RUNS} runs; the contenders alternate (the order flips every run),
each measurement in a fresh page. Absolute times depend on how busy the machine was; the ratios are the point.
${loadLine}
${network}

${md}

${targets}

## Method

- Same data for every contender: the demo backend's long-chat generator (src/backend/in-memory/data/long-chat.ts),
  5–300 characters per message, customer and agent in turn. Each contender sits in an 800 × 600 px box.
- **open N**: from just before the element is put in the page (data already in memory: the demo backend for ours,
  an array for the peers) until the end of the first frame that painted the newest message laid out inside the
  visible list (bottom edge within the viewport); frames = animation frames until then (1 = the next frame). The
  check runs after each frame's rendering steps (animation-frame callbacks, style, layout, ResizeObserver callbacks,
  paint), in a task queued from the frame's animation-frame callback, so corrections a list makes during layout
  (a virtualizer measuring rows in its ResizeObserver callback) count in the frame they are painted in. Ours loads
  one page of 50 from its adapter and virtualizes; the peers render all N.
- **The React peers** (React 19, production builds, each with its own default stylesheet): @chatscope/chat-ui-kit-react
  is a MainContainer > MessageList of Message (text type), one React element per message, its default auto-scroll
  to the bottom. stream-chat-react's VirtualizedMessageList (react-virtuoso) runs inside Chat > Channel, offline: a
  StreamChat client with its user set locally (no connectUser, no WebSocket, no token) and the channel filled by
  \`client.hydrateActiveChannels()\` with a channel response holding the whole history (the SDK's own path from a
  query response into channel state; timed as part of opening, as the peers' conversion of the data is); read and
  delivery receipts are off in the channel config (they need the server); scrolling to a new message is "auto"
  instead of its default "smooth", so no animation is timed. No request leaves the page.
- **append 1 @10,000**: with 10,000 open, one incoming message (ours: the demo backend pushes it through the
  service; peers: their API; Stream: a \`message.new\` event through \`client.dispatchEvent\`, the path a WebSocket
  event takes; Stream copies channel state into React at most every 500 ms, and the single append here is that
  throttle's leading edge) until it is laid out in view and painted, checked as for open; frames = animation frames
  until then (1 = the next frame).
- **history DOM elements after open N** (ours only): the elements of the conversation's \`role="log"\` history
  (shadow roots included) right after open N was measured.
- **DOM elements / JS heap @10,000**: every element of the page including shadow roots, and the V8 heap after a
  forced garbage collection (includes each contender's copy of the data; ours also the demo backend).
- **burst**: 1,000 sessions, 50 incoming messages per second for ${BURST_SECONDS} s. Ours: <chat-session-list> and
  <chat-conversation> on the demo backend; plain Lit: a list of 1,000 session rows re-rendered with repeat() per
  message. Long tasks from a PerformanceObserver ('longtask', > 50 ms); dropped frames counted from animation-frame
  gaps over 25 ms. deep-chat, @vaadin/message-list, @chatscope and Stream's list have no session list here: not
  measured (n/a).
- Timeouts: opening is abandoned after ${TIMEOUT_MS / 1000} s ("timeout"; larger sizes of that contender are then not
  run); the append / DOM / heap measurement (which opens 10,000 first) after ${(3 * TIMEOUT_MS) / 1000} s (it is then
  not run again in later runs).
`,
);
console.log('wrote bench/results.md');
