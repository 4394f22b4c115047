// @ts-check
// The CDN build's pipeline, shared by rollup.config.mjs (which writes dist/cdn/) and
// scripts/size-budget.mjs (which measures "elements alone" with the very same plugins, only with lit
// and rxjs external), so the budget measures what ships.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { transformSync as esbuildTransform } from 'esbuild';

/** Where the CDN build writes what each chunk holds (read by scripts/size-budget.mjs). */
export const CDN_STATS = 'node_modules/.cache/chat-screen/cdn-chunks.json';

/**
 * Terser options of the CDN build. Class names are kept only for the public classes (the elements,
 * `ChatService`, `ChatBackendError`, the storages, `PersonSearch`, the demo backend), so a host's
 * devtools and stack traces show them; internal classes (controllers, parts, Lit's and RxJS's) get
 * short names (0.2-0.3 kB min+gzip less per page). Properties are never mangled: decorators refer
 * to property names as strings.
 */
export const terserOptions = {
  ecma: /** @type {const} */ (2020),
  module: true,
  compress: { passes: 2 },
  keep_classnames: /^(Chat|InMemory|LocalStorage|Memory|PersonSearch$|FakeClock$)/,
  format: { comments: false },
};

/** A module of the in-memory demo backend (its own lazy chunk, loaded only for `demo`). */
export const isDemoModule = (/** @type {string} */ id) => /[\\/]backend[\\/]in-memory[\\/]/.test(id);

/**
 * Modules the CDN entry holds although only the elements use them: what (nearly) every element's
 * first render needs (the element base classes, design tokens, formatting, avatar, lazy parts,
 * notices, Lit's directives and decorators). Left to rollup, each set of importers got its own
 * small chunk, so an element page fetched up to 15 files and gzip started afresh in each: held in
 * the entry they cost the whole screen 3 kB min+gzip less (see scripts/size-pages.mjs).
 */
const ENTRY_SHARED = [
  /[\\/]src[\\/]cdn\.ts$/,
  /[\\/]src[\\/]components[\\/]base[\\/]chat-(session-)?element\.ts$/,
  /[\\/]src[\\/]components[\\/]shared[\\/](avatar|lazy-part)\.ts$/,
  /[\\/]src[\\/]components[\\/]notice-region[\\/]notice-region\.ts$/,
  /[\\/]src[\\/]components[\\/]chat-session-list[\\/]icons\.ts$/,
  /[\\/]src[\\/]styles[\\/]tokens\.ts$/,
  /[\\/]src[\\/]i18n[\\/]format\.ts$/,
  // One-line previews of message text (session list, dashboard, person panel): as a chunk of its
  // own it cost each of those pages a file more.
  /[\\/]src[\\/]components[\\/]message-text[\\/]plain-preview\.ts$/,
  // Which long messages are expanded (the history, the dashboard's listen-in dialog, the person
  // panel's transcripts): a few lines every one of those elements holds from its first render.
  /[\\/]src[\\/]components[\\/]message-text[\\/]expanded-texts\.ts$/,
  /[\\/]lit-html[\\/](directive|directive-helpers|async-directive|directives[\\/](repeat|live|ref))\.js$/,
  /[\\/]@lit[\\/]reactive-element[\\/]decorators[\\/]/,
  /[\\/]@lit[\\/]context[\\/]lib[\\/](controllers[\\/]context-consumer|decorators[\\/]consume)\.js$/,
  /[\\/]@lit[\\/]localize[\\/]internal[\\/]localized-(controller|decorator)\.js$/,
];

/**
 * Modules of the elements' own that (nearly) every element shows from its first render: one shared
 * chunk (`chat-screen-elements-shared-<hash>.js`) that every element's page loads beside its own
 * file, instead of the entry, which stays the service and the loader (issue 7's budget for it).
 */
const ELEMENTS_SHARED = [
  /[\\/]src[\\/]components[\\/]base[\\/]chat-(session-)?element\.ts$/,
  /[\\/]src[\\/]components[\\/]shared[\\/]lazy-part\.ts$/,
  /[\\/]src[\\/]styles[\\/]tokens\.ts$/,
  /[\\/]src[\\/]i18n[\\/]format\.ts$/,
  /[\\/]src[\\/]components[\\/]shared[\\/]avatar\.ts$/,
  /[\\/]src[\\/]components[\\/]notice-region[\\/]notice-region\.ts$/,
  /[\\/]src[\\/]components[\\/]chat-session-list[\\/]icons\.ts$/,
  /[\\/]src[\\/]components[\\/]message-text[\\/](plain-preview|expanded-texts)\.ts$/,
];

/**
 * The conversation's message history (a lazy part) with the virtualizer it needs: one chunk, not
 * one for the history and one for the virtualizer (which rollup made, the session list's long
 * groups needing the virtualizer too). `LitVirtualizer` (only the session list's) stays out.
 */
const HISTORY = [
  /[\\/]@lit-labs[\\/]virtualizer[\\/](?!LitVirtualizer\.js$)/,
  /[\\/]src[\\/]components[\\/]chat-conversation[\\/](message-history|history-layout)\.ts$/,
];

/**
 * `manualChunks` of the CDN build: the entry module and {@link ENTRY_SHARED} form one manual chunk,
 * which (holding the entry module) is the entry file `chat-screen.js` itself; rollup adds the
 * modules they import (lit, rxjs, the service...), as the entry held them before. {@link HISTORY}
 * and the message text are chunks of their own. Every other module is left to rollup (the
 * elements, the other lazy parts, the demo backend: chunks of their own).
 * @param {string} id
 */
export const cdnManualChunks = (id) => {
  if (ELEMENTS_SHARED.some((re) => re.test(id))) return 'elements-shared';
  if (ENTRY_SHARED.some((re) => re.test(id))) return 'chat-screen';
  if (HISTORY.some((re) => re.test(id))) return 'history';
  // Its own chunk, so the history chunk does not claim it: the person panel's transcript and the
  // dashboard's listen-in dialog need it without the virtualizer.
  if (/[\\/]src[\\/]components[\\/]message-text[\\/]message-text\.ts$/.test(id)) return 'message-text';
  return undefined;
};

/**
 * Names of the CDN build's lazy chunks: `chat-screen-demo-<hash>.js` for the demo backend (its entry module),
 * `chat-screen-<first module>-<hash>.js` for the others (an element's: `chat-screen-<tag>-<hash>.js`).
 * @param {import('rollup').PreRenderedChunk} chunk
 */
export const cdnChunkFileNames = (chunk) =>
  chunk.facadeModuleId && /[\\/]backend[\\/]in-memory[\\/]index\.ts$/.test(chunk.facadeModuleId)
    ? 'chat-screen-demo-[hash].js'
    : `chat-screen-${chunk.name.replace(/\.define$/, '')}-[hash].js`;

/**
 * The CDN build's plugins: production Lit, TypeScript (emit only: `npm run typecheck` checks types),
 * node resolution, Lit's minifier of `html`/`css`/`svg` tagged template literals, then terser.
 * @param {{ outDir: string, sourceMap?: boolean }} options `outDir`: where the TypeScript plugin thinks it
 *   writes (inside rollup's output dir); `sourceMap`: false when rollup writes no source maps
 * @returns {import('rollup').Plugin[]}
 */
export function cdnPlugins({ outDir, sourceMap = true }) {
  return [
    replace({
      preventAssignment: true,
      values: { 'process.env.NODE_ENV': JSON.stringify('production') },
    }),
    typescript({
      tsconfig: './tsconfig.build.json',
      declaration: false,
      declarationMap: false,
      declarationDir: undefined,
      outDir,
      sourceMap,
      // Types are checked by `npm run typecheck`; checking them again here doubles the build time.
      noCheck: true,
    }),
    nodeResolve({ exportConditions: ['production', 'es2015'], browser: true }),
    // After TypeScript (which ignores earlier transforms and emits from the files on disk), before
    // terser (which does not touch the text inside template literals). Lit's own plugin: it keeps
    // every binding (`${...}`) in place and fails the build instead of shipping a broken template.
    /** @type {import('rollup').Plugin} */ (
      minifyLiterals({
        failOnError: true,
        // Whitespace runs become one space but never vanish: a space between two inline parts
        // (`${a} ${b}`, `</b> text`) is part of the rendered text.
        options: { minifyOptions: { conservativeCollapse: true } },
      })
    ),
    terser(terserOptions),
  ];
}

/**
 * Writes what each chunk of a build holds (file, entry or not, static and dynamic imports,
 * bytes per module, each minified alone with esbuild) to a JSON file, for scripts/size-budget.mjs.
 * @param {string} file where to write (outside the published dist/cdn/)
 * @returns {import('rollup').Plugin}
 */
export function chunkStats(file) {
  return {
    name: 'chunk-stats',
    async generateBundle(_options, bundle) {
      const { mkdir, writeFile } = await import('node:fs/promises');
      const { dirname } = await import('node:path');
      const chunks = Object.values(bundle)
        .filter((c) => c.type === 'chunk')
        .map((c) => ({
          fileName: c.fileName,
          isEntry: c.isEntry,
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          modules: Object.fromEntries(Object.entries(c.modules).map(([id, m]) => [id, minifiedLength(m)])),
        }));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(chunks, null, 1));
    },
  };
}

/**
 * A module's bytes in its chunk, minified alone (esbuild; rollup's renderedLength still counts
 * comments and whitespace that terser removes later).
 * @param {import('rollup').RenderedModule} m
 */
function minifiedLength(m) {
  if (!m.code) return 0;
  try {
    return esbuildTransform(m.code, { minify: true, format: 'esm', target: 'es2022', logLevel: 'silent' }).code.length;
  } catch {
    return m.renderedLength;
  }
}
