// @ts-check
// `npm start`: serves the repository root and opens http://localhost:8000/demo/ (the demo page, with
// the in-memory demo backend). TypeScript is compiled on the fly by esbuild, exactly as in the tests.
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT) || 8000;
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
        context.redirect('/demo/');
        return Promise.resolve();
      }
      return next();
    },
  ],
};
