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
  plugins: [
    {
      // The analyzer lists modules in the order its (concurrent) file glob returns them, which
      // varies between runs. Sort them so the committed file only changes when the source does.
      name: 'chat-screen:sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
    {
      // Stylesheets are not API: keep their CSS text out of the manifest, so a style edit does
      // not make the committed manifest stale (the declaration itself stays listed).
      name: 'chat-screen:drop-css-text',
      packageLinkPhase({ customElementsManifest }) {
        const isCss = (value) => typeof value === 'string' && /^(css|unsafeCSS)`|^\[\s*css`|^\[[\s\S]*css`/.test(value.trim());
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (isCss(declaration.default)) delete declaration.default;
            for (const member of declaration.members ?? []) {
              if (member.name === 'styles' && member.static) delete member.default;
            }
          }
        }
      },
    },
  ],
};
