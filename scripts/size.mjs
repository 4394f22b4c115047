#!/usr/bin/env node
// Prints raw / gzip / brotli sizes of the build output (node zlib; gzip level 9, brotli quality 11).
//   node scripts/size.mjs [distDir]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(dist)) {
  console.error(`size: ${dist}/ does not exist; run "npm run build" first.`);
  process.exit(1);
}

/** @param {string} dir @returns {string[]} */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** @param {string[]} files */
function measure(files) {
  const buffers = files.map((f) => readFileSync(f));
  const all = Buffer.concat(buffers);
  return {
    files: files.length,
    raw: all.length,
    // Compressed per file and summed: that is what a browser downloads for separate modules.
    gzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    brotli: buffers.reduce(
      (n, b) =>
        n +
        brotliCompressSync(b, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length },
        }).length,
      0,
    ),
  };
}

const rel = (f) => relative(dist, f).split(sep).join('/');
const all = jsFiles(dist).filter((f) => !rel(f).startsWith('types/'));
const cdn = all.filter((f) => rel(f) === 'cdn/chat-screen.js');
const cdnLazy = all.filter((f) => rel(f).startsWith('cdn/') && !cdn.includes(f));
const demo = all.filter((f) => rel(f).startsWith('backend/in-memory/'));
const conformance = all.filter((f) => /^backend\/conformance(\/|\.js$)/.test(rel(f)));
const library = all.filter((f) => !rel(f).startsWith('cdn/') && !demo.includes(f) && !conformance.includes(f));

const rows = [
  ['CDN entry dist/cdn/chat-screen.js (deps inlined)', cdn],
  ['  CDN lazy chunks (elements, demo backend, Dutch, markdown)', cdnLazy],
  ['library dist/**/*.js (deps external, no demo backend)', library],
  ['  demo backend dist/backend/in-memory/', demo],
  ['  conformance suite dist/backend/conformance*', conformance],
].filter(([, files]) => files.length > 0);

const kB = (n) => `${(n / 1000).toFixed(2)} kB`;
const table = [['output', 'files', 'raw', 'gzip', 'brotli']];
for (const [label, files] of rows) {
  const m = measure(/** @type {string[]} */ (files));
  table.push([/** @type {string} */ (label), String(m.files), kB(m.raw), kB(m.gzip), kB(m.brotli)]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table.slice(1)) console.log(line(r));
if (cdn.length === 0) {
  console.error('size: dist/cdn/chat-screen.js is missing');
  process.exit(1);
}
