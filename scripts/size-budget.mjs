#!/usr/bin/env node
// Bundle budget of issue 7, with a breakdown of where the bytes go.
//   node scripts/size-budget.mjs          (after `npm run build`; prints, exits 0)
//   node scripts/size-budget.mjs --check  (exits 1 when a budget is exceeded)
//
// Measured:
//  1. the CDN entry dist/cdn/chat-screen.js as built by rollup + terser (lit, rxjs, marked, ...
//     inlined; the demo backend and the Dutch messages are separate chunks, not counted);
//  2. "elements alone": src/cdn.ts bundled into ONE file with lit and rxjs external (esbuild; lazy
//     chunks split off as in the CDN build), minified with the CDN build's terser options, demo
//     backend excluded — one file, not a sum per module;
//  3. the breakdown: esbuild's metafile of the CDN entry (minified bytes per input module, grouped by
//     package), each group's share applied to the entry's real min+gzip size (an estimate: gzip
//     works across module borders).
// Sizes are gzip level 9 (node zlib), in kB = 1,000 bytes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'terser';

const BUDGET_CDN = 45_000;
const BUDGET_ELEMENTS = 25_000;

const root = resolve(import.meta.dirname, '..');
const cdnDir = join(root, 'dist/cdn');
const entry = join(cdnDir, 'chat-screen.js');
if (!existsSync(entry)) {
  console.error('size-budget: dist/cdn/chat-screen.js is missing; run "npm run build" first.');
  process.exit(1);
}
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

const entryBytes = readFileSync(entry);
const entryGz = gz(entryBytes);
const chunks = readdirSync(cdnDir).filter((f) => f.endsWith('.js') && f !== 'chat-screen.js');

// The demo backend (and nothing else) hidden from the bundles below, as in the CDN build.
const noDemo = {
  name: 'no-demo',
  setup(b) {
    b.onResolve({ filter: /backend\/in-memory\/index\.js$/ }, () => ({ path: 'demo', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const InMemoryChatBackend = undefined;' }));
  },
};
const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  metafile: true,
  tsconfig: join(root, 'tsconfig.build.json'),
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
  plugins: [noDemo],
  absWorkingDir: root,
};

// 2. Elements alone: one file (lazy chunks such as the Dutch messages split off), lit and rxjs
//    external, minified with the CDN build's terser options.
const elements = await build({
  ...common,
  minify: false,
  entryPoints: { elements: join(root, 'src/cdn.ts') },
  external: ['lit', 'lit/*', '@lit/reactive-element', '@lit/reactive-element/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', 'rxjs', 'rxjs/*'],
  splitting: true,
  outdir: join(root, 'dist/size'),
});
const elementsFile = elements.outputFiles.find((f) => /[\\/]elements\.js$/.test(f.path));
const elementsMin = await minify(elementsFile.text, {
  ecma: 2020,
  module: true,
  compress: { passes: 2 },
  keep_classnames: true,
  format: { comments: false },
});
const elementsGz = gz(Buffer.from(elementsMin.code ?? ''));

// 3. Breakdown of the CDN entry by package.
const cdn = await build({
  ...common,
  entryPoints: { 'chat-screen': join(root, 'src/cdn.ts') },
  outdir: join(root, 'dist/size'),
});
const out = Object.values(cdn.metafile.outputs).find((o) => o.entryPoint);
const groups = new Map();
const groupOf = (path) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (!m) return 'ours (src/)';
  const pkg = m[1];
  if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg)) return 'lit (lit-html, reactive-element)';
  return pkg;
};
let total = 0;
for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
  if (path.includes('src/generated/locales/')) continue; // a lazy chunk in the CDN build
  const g = groupOf(path);
  groups.set(g, (groups.get(g) ?? 0) + bytesInOutput);
  total += bytesInOutput;
}

console.log('Bundle budget (min+gzip, gzip -9)');
const status = (size, budget) => (size <= budget ? 'within' : `OVER by ${kB(size - budget)}`);
console.log(`  CDN entry dist/cdn/chat-screen.js (no demo):  ${kB(entryGz).padStart(9)}  budget ${kB(BUDGET_CDN)}  ${status(entryGz, BUDGET_CDN)}`);
console.log(`  elements alone (lit, rxjs external, 1 file):  ${kB(elementsGz).padStart(9)}  budget ${kB(BUDGET_ELEMENTS)}  ${status(elementsGz, BUDGET_ELEMENTS)}`);
for (const f of chunks) console.log(`  lazy chunk ${f}: ${kB(gz(readFileSync(join(cdnDir, f))))} (not counted)`);
console.log('Where the bytes of the CDN entry go (minified bytes per package; min+gzip share estimated):');
for (const [g, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${g.padEnd(36)} ${kB(bytes).padStart(9)} min  ~${kB((bytes / total) * entryGz).padStart(8)} min+gz  ${((bytes / total) * 100).toFixed(1).padStart(5)} %`);
}

if (process.argv.includes('--check') && (entryGz > BUDGET_CDN || elementsGz > BUDGET_ELEMENTS)) {
  console.error('size-budget: over budget');
  process.exit(1);
}
