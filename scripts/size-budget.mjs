#!/usr/bin/env node
// Bundle budget of issue 7, with a breakdown of where the bytes go.
//   node scripts/size-budget.mjs          (after `npm run build`; prints, exits 0)
//   node scripts/size-budget.mjs --check  (exits 1 when a budget is exceeded)
//
// Measured, all with the CDN build's own pipeline (scripts/lib/cdn-build.mjs: TypeScript, Lit's
// template-literal minifier, terser):
//  1. the CDN entry dist/cdn/chat-screen.js as built by `rollup -c` (lit, rxjs, ... inlined; the lazy
//     chunks beside it, such as the elements, the demo backend and the Dutch messages, not counted);
//  2. issue 7's "elements alone": the same entry (src/cdn.ts) built again with lit and rxjs
//     external — the entry file only, its lazy chunks not counted. The elements are lazy chunks, so
//     this holds none of them (the service, provider and autoloader): the whole screen's payload is
//     measured by scripts/size-pages.mjs (page "chat-screen-chats") and stated in README;
//  3. the breakdown: the bytes of each module in the entry (rollup's rendering, minified alone), each
//     group's share applied to the entry's real min+gzip size (an estimate: gzip works across
//     module borders), and the size of every lazy chunk with what it mainly holds.
// Sizes are gzip level 9 (node zlib), in kB = 1,000 bytes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { CDN_STATS, cdnChunkFileNames, cdnManualChunks, cdnPlugins, isDemoModule } from './lib/cdn-build.mjs';

export const BUDGET_CDN = 45_000;
export const BUDGET_ELEMENTS = 25_000;

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
const cdnDir = join(root, 'dist/cdn');
const entry = join(cdnDir, 'chat-screen.js');
if (!existsSync(entry) || !existsSync(CDN_STATS)) {
  console.error('size-budget: dist/cdn/chat-screen.js (or its chunk stats) is missing; run "npm run build" first.');
  process.exit(1);
}
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

const entryGz = gz(readFileSync(entry));

// 2. Elements alone: the CDN entry with lit and rxjs external.
const elementsDir = 'node_modules/.cache/chat-screen/elements';
const elementsBuild = await rollup({
  input: { 'chat-screen': 'src/cdn.ts' },
  external: [/^lit(\/.*)?$/, /^lit-html(\/.*)?$/, /^lit-element(\/.*)?$/, /^@lit\/reactive-element(\/.*)?$/, /^rxjs(\/.*)?$/],
  preserveEntrySignatures: 'allow-extension',
  treeshake: { moduleSideEffects: (id) => !isDemoModule(id) },
  onwarn: (warning, warn) => {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    warn(warning);
  },
  plugins: cdnPlugins({ outDir: elementsDir, sourceMap: false }),
});
const { output } = await elementsBuild.generate({
  dir: elementsDir,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: cdnChunkFileNames,
  manualChunks: cdnManualChunks,
});
await elementsBuild.close();
const elementsEntry = output.find((o) => o.type === 'chunk' && o.isEntry);
const elementsGz = gz(Buffer.from(/** @type {import('rollup').OutputChunk} */ (elementsEntry).code));

// 3. Breakdown.
/** @type {{ fileName: string, isEntry: boolean, imports: string[], dynamicImports: string[], modules: Record<string, number> }[]} */
const stats = JSON.parse(readFileSync(CDN_STATS, 'utf8'));
const groupOf = (/** @type {string} */ id) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (!m) {
    const src = /[\\/]src[\\/](.*)$/.exec(id);
    if (!src) return 'other';
    // Our own code by folder: service, backend, components/<name>, ...
    const parts = src[1].split(/[\\/]/);
    return `src/${parts[0] === 'components' && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  const pkg = m[1];
  if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg)) return 'lit';
  return pkg;
};
const groupsOf = (/** @type {Record<string, number>} */ modules) => {
  const groups = new Map();
  for (const [id, bytes] of Object.entries(modules)) groups.set(groupOf(id), (groups.get(groupOf(id)) ?? 0) + bytes);
  return [...groups].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
};

const status = (size, budget) => (size <= budget ? 'within' : `OVER by ${kB(size - budget)}`);
console.log('Bundle budget (min+gzip, gzip -9)');
console.log(`  CDN entry dist/cdn/chat-screen.js:           ${kB(entryGz).padStart(8)}  budget ${kB(BUDGET_CDN)}  ${status(entryGz, BUDGET_CDN)}`);
console.log(`  entry, lit+rxjs external (no element):      ${kB(elementsGz).padStart(8)}  budget ${kB(BUDGET_ELEMENTS)}  ${status(elementsGz, BUDGET_ELEMENTS)}`);

const entryStats = stats.find((c) => c.isEntry);
if (entryStats) {
  const groups = groupsOf(entryStats.modules);
  const total = groups.reduce((n, [, b]) => n + b, 0);
  console.log('  What the CDN entry holds (min+gzip share of each part, estimated):');
  for (const [g, bytes] of groups) {
    if (bytes / total < 0.005) continue;
    console.log(`    ${g.padEnd(34)} ~${kB((bytes / total) * entryGz).padStart(8)}  ${((bytes / total) * 100).toFixed(1).padStart(5)} %`);
  }
}
const onDisk = new Set(readdirSync(cdnDir));
console.log('  Lazy chunks beside it (min+gzip each; loaded only when needed, see README):');
for (const chunk of stats.filter((c) => !c.isEntry && onDisk.has(c.fileName))) {
  const top = groupsOf(chunk.modules).slice(0, 3).map(([g]) => g).join(', ');
  console.log(`    ${chunk.fileName.padEnd(50)} ${kB(gz(readFileSync(join(cdnDir, chunk.fileName)))).padStart(8)}  ${top}`);
}

if (process.argv.includes('--check')) {
  if (entryGz > BUDGET_CDN || elementsGz > BUDGET_ELEMENTS) {
    console.error('size-budget: over budget (see above)');
    process.exit(1);
  }
  console.log('size-budget: within budget');
}
