// Custom Elements Manifest analyzer config: `npm run analyze` writes ./custom-elements.json.
// `node scripts/check-manifest.mjs` (part of `npm test`) fails when the committed file is stale.
export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.stories.ts',
    'src/generated/**',
    // `export const { a, b } = configureLocalization(...)` is recorded as a variable named "{ a, b }"
    'src/localization.ts',
    // not custom elements
    'src/backend/**',
    'src/service/**',
    'src/model/**',
  ],
  outdir: '.',
  litelement: true,
  // package.json already has "customElements": "custom-elements.json"
  packagejson: false,
};
