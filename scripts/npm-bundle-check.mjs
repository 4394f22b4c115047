#!/usr/bin/env node
// The npm build (dist/) as a host's bundler sees it: bundles dist/index.js and dist/define.js with
// esbuild, the way an app importing `chat-screen` and `chat-screen/define.js` would, and fails on
// any warning or error. (An import left empty by tree-shaking, e.g. `import 'rxjs'`, makes esbuild
// warn that it is ignored because the package has no side effects.)
//   node scripts/npm-bundle-check.mjs   (after `rollup -c`)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, formatMessages } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const entries = ['dist/index.js', 'dist/define.js'].map((file) => resolve(root, file));
const missing = entries.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`npm-bundle-check: ${missing.join(', ')} missing; run "rollup -c" first.`);
  process.exit(1);
}
let problems = 0;
for (const entry of entries) {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, logLevel: 'silent', absWorkingDir: root }).catch((e) => e);
  const messages = [...(result.errors ?? []), ...(result.warnings ?? [])];
  if (messages.length) {
    problems += messages.length;
    console.error((await formatMessages(messages, { kind: 'warning' })).join('\n'));
  }
}
if (problems) {
  console.error(`npm-bundle-check: ${problems} bundler warning(s)/error(s) in the npm build.`);
  process.exit(1);
}
console.log('npm-bundle-check: dist/index.js and dist/define.js bundle with esbuild without warnings.');
