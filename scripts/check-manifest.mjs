#!/usr/bin/env node
// Fails (exit 1) when custom-elements.json no longer matches what the analyzer generates from src/.
// Runs the analyzer in-process with the repository's custom-elements-manifest.config.mjs, without
// writing anything (the CLI's --outdir is always joined onto cwd, so it cannot target a temp dir).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = resolve(import.meta.dirname, '..');
const committedPath = resolve(root, 'custom-elements.json');
const hint = 'run npm run analyze and commit custom-elements.json';

const silenced = console.log;
console.log = () => {}; // the analyzer logs "Created new manifest." even with noWrite
let generated;
try {
  generated = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
} finally {
  console.log = silenced;
}

if (!existsSync(committedPath)) {
  console.error(`custom-elements.json is missing: ${hint}.`);
  process.exit(1);
}

const expected = `${JSON.stringify(generated, null, 2)}\n`;
const actual = readFileSync(committedPath, 'utf8').replace(/\r\n/g, '\n');
if (actual !== expected) {
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  console.error(`custom-elements.json is stale: ${hint}.`);
  console.error(`first difference at line ${i + 1}:`);
  console.error(`  committed: ${a[i] ?? '<end of file>'}`);
  console.error(`  generated: ${e[i] ?? '<end of file>'}`);
  process.exit(1);
}

// Every public tag is declared with its tag name, summary, parts and events. A JSDoc block that
// drifts off its class (a constant between the comment and `class`) makes the analyzer drop the
// tag silently: Storybook docs/controls for that element go empty.
const publicTags = {
  'chat-screen': { parts: true, events: true },
  'chat-dashboard': { parts: true, events: true },
  'chat-session-list': { parts: true, events: true },
  'chat-conversation': { parts: true, events: true },
  'chat-person-panel': { parts: true, events: true },
  'chat-provider': { parts: true, events: true },
};
const declared = new Map();
for (const mod of generated.modules ?? []) {
  for (const d of mod.declarations ?? []) if (d.tagName) declared.set(d.tagName, d);
}
const problems = [];
for (const [tag, need] of Object.entries(publicTags)) {
  const d = declared.get(tag);
  if (!d) { problems.push(`<${tag}> is not declared (is its JSDoc block directly above its class?)`); continue; }
  if (!d.summary) problems.push(`<${tag}> has no @summary`);
  if (need.parts && !d.cssParts?.length) problems.push(`<${tag}> has no @csspart`);
  if (need.events && !d.events?.length) problems.push(`<${tag}> has no @fires`);
}
// Every custom property a host can set (`var(--chat-…)` read anywhere in src/) is listed as a
// @cssprop of at least one public element, so it is in custom-elements.json and Storybook.
const documentedProps = new Set(
  [...declared.values()].flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)),
);
const read = new Set();
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'generated') walk(path); }
    else if (entry.name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/var\(\s*(--chat-[a-z0-9-]+)/g)) read.add(m[1]);
  }
};
walk(resolve(root, 'src'));
for (const name of [...read].sort()) {
  if (!documentedProps.has(name)) problems.push(`${name} is read in src/ but no public element documents it (@cssprop)`);
}
if (problems.length) {
  console.error(`custom-elements.json lacks public element docs:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
