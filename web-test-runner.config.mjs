// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // Serve .ts through esbuild; tsconfig supplies experimentalDecorators + useDefineForClassFields=false.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), a11ySnapshotPlugin()],
  browsers: [
    chromeLauncher({
      // Each test page in its own browser context (its own window): two pages run at once
      // (concurrency 2), and a background tab of one window gets no animation frames, which
      // layout-driven code (the virtualizer, ResizeObserver) needs.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox', '--disable-setuid-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--disable-quic', '--no-first-run', '--no-default-browser-check',
          // window.gc() for the leak tests' WeakRef checks (B27).
          '--js-flags=--expose-gc',
        ],
      },
    }),
  ],
  // NO_COVERAGE=1 when running a few files by hand (the thresholds are for the whole suite).
  coverage: !process.env.NO_COVERAGE,
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['**/node_modules/**', 'test/**', 'stories/**', 'src/generated/**'],
    reportDir: 'coverage',
    reporters: ['text-summary'],
    threshold: { statements: 75, branches: 65, functions: 70, lines: 75 },
  },
  testFramework: { config: { timeout: 10000 } },
  // Benign "ResizeObserver loop ..." errors reach window.onerror and would fail the mocha test.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>
      // SOAK=full runs the soak test (test/reliability/soak.test.ts) at its larger local size.
      window.__SOAK__ = ${JSON.stringify(process.env.SOAK ?? '')};
      window.addEventListener('error', (e) => {
        if (/ResizeObserver loop/.test(e.message)) { e.stopImmediatePropagation(); e.preventDefault(); }
      });
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
};
