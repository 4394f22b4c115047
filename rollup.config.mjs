// @ts-check
// Two builds (see /work/shared/toolchain.md §6):
//  1. the npm library: ESM, one file per source module (preserveModules), runtime dependencies
//     external, type declarations in dist/types;
//  2. dist/cdn/chat-screen.js: one self-contained, minified ESM file (lit, rxjs, marked, ... inlined)
//     that a host page loads with a single <script type="module">; the demo backend is a separate
//     chunk beside it (dist/cdn/chat-screen-demo-*.js), fetched only when `demo` is used.
import { existsSync, rmSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { cdnChunkFileNames, cdnManualChunks, cdnPlugins, chunkStats, isDemoModule, CDN_STATS } from './scripts/lib/cdn-build.mjs';

// Runtime dependencies stay external in the npm build. tslib is among them because
// @rollup/plugin-typescript always turns on importHelpers (toolchain gotcha 10).
const external = [
  /^lit(\/.*)?$/,
  /^@lit\//,
  /^@lit-labs\//,
  /^rxjs(\/.*)?$/,
  /^tslib$/,
  /^marked(\/.*)?$/,
];

// A bare import that is neither external nor resolvable would silently become an external
// reference to a package the consumer may not have: fail the build instead.
/** @type {import('rollup').WarningHandlerWithDefault} */
function onwarn(warning, warn) {
  if (warning.code === 'UNRESOLVED_IMPORT') {
    throw new Error(
      `${warning.message}\nAdd it to "external" in rollup.config.mjs (and to dependencies) or fix the import.`,
    );
  }
  // `this` at the top level of some dependencies' ES modules is harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}

const libraryInputs = [
  'src/index.ts',
  'src/define.ts',
  'src/localization.ts',
  'src/backend/in-memory/index.ts',
  'src/backend/conformance.ts',
].filter((file) => file !== 'src/backend/conformance.ts' || existsSync(file));

// Stale chunks of an earlier build would be counted by the size scripts and shipped: start clean.
rmSync('dist/cdn', { recursive: true, force: true });

/** @type {import('rollup').RollupOptions[]} */
export default [
  // 1) npm library
  {
    input: libraryInputs,
    external,
    onwarn,
    // Only the *.define modules have side effects (custom element registration), as package.json's
    // "sideEffects" says. Without this, an import whose bindings were all tree-shaken stays as an
    // empty `import 'rxjs'` / `import './backend/in-memory/data/crm.js'` in dist/index.js, which
    // bundlers warn about (esbuild: "ignored because sideEffects is false").
    treeshake: { moduleSideEffects: (id, isExternal) => !isExternal && /\.define\.ts$/.test(id) },
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'src',
    },
    // No include/exclude here: the plugin resolves them against rootDir (gotcha 9); the file set
    // comes from tsconfig.build.json.
    plugins: [typescript({ tsconfig: './tsconfig.build.json' })],
  },
  // 2) CDN bundle: everything inlined, Lit's production build, minified (template literals too),
  //    no declarations; the pipeline is in scripts/lib/cdn-build.mjs
  {
    input: { 'chat-screen': 'src/cdn.ts' },
    onwarn,
    // The entry may export what the lazy chunks need from it (no extra facade file).
    preserveEntrySignatures: 'allow-extension',
    // The demo backend is only re-exported (and hidden by src/cdn.ts) and dynamically imported:
    // its modules have no side effects, so it lands in its own chunk, loaded only for `demo`.
    treeshake: { moduleSideEffects: (id) => !isDemoModule(id) },
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // The demo backend's chunk is named "demo". No manual chunk for it: a manual chunk also claims
      // the modules it imports (rxjs, tslib), which the entry then imported from the demo chunk at
      // load. The one manual chunk is the entry itself with the modules every element shares.
      chunkFileNames: cdnChunkFileNames,
      manualChunks: cdnManualChunks,
    },
    plugins: [...cdnPlugins({ outDir: 'dist/cdn' }), chunkStats(CDN_STATS)],
  },
];
