// @ts-check
// `npm start`: serves the repository root and opens http://localhost:8000/demo/ (the demo page, with
// the in-memory demo backend; the next free port when 8000 is taken, or PORT=…). TypeScript is compiled on the fly by esbuild, exactly as in the tests.
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';

/** Whether nothing listens on `port` (localhost, IPv4 and IPv6 alike: binds like the dev server). */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port);
  });
}

/** 8000, or the next free port up to 8019 when another program uses it (PORT=… picks one). */
async function pickPort() {
  if (Number(process.env.PORT)) return Number(process.env.PORT);
  for (let candidate = 8000; candidate < 8020; candidate++) if (await isFree(candidate)) return candidate;
  return 8000;
}

const port = await pickPort();
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
// On Linux without an X11/Wayland display (containers, SSH) there is no browser to open.
const noDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** @type {import('@web/dev-server').DevServerConfig} */
export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  nodeResolve: true,
  port,
  open: ci || noDisplay ? false : '/demo/',
  watch: !ci,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [
    // The site root has nothing to show: send visitors to the demo.
    function redirectRootToDemo(context, next) {
      if (context.path === '/' || context.path === '/index.html') {
        // Keep the query (e.g. ?lang=nl, as the README suggests adding to the printed address).
        context.redirect(`/demo/${context.search}`);
        return Promise.resolve();
      }
      return next();
    },
  ],
};
