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

/** Terser options of the CDN build. */
export const terserOptions = {
  ecma: /** @type {const} */ (2020),
  module: true,
  compress: { passes: 2 },
  keep_classnames: true,
  format: { comments: false },
};

/** A module of the in-memory demo backend (its own lazy chunk, loaded only for `demo`). */
export const isDemoModule = (/** @type {string} */ id) => /[\\/]backend[\\/]in-memory[\\/]/.test(id);

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
