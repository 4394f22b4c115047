// Shared by the browser scripts (storybook-smoke, cdn-check, screenshot): a tiny static file server
// and a headless Chromium via puppeteer-core. No browser is ever downloaded: Debian's chromium at
// /usr/bin/chromium is used, or whatever CHROME_PATH points at.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 (port 0 = any free port). Resolves to { url, close }.
 * @param {string} dir
 * @param {number} [port]
 */
export function serveStatic(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolvePromise({
        url: `http://127.0.0.1:${address.port}`,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

/** @param {{ width?: number, height?: number }} [viewport] */
export async function launchChromium(viewport = { width: 1280, height: 800 }) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.`,
    );
  }
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    defaultViewport: viewport,
    args: [
      '--no-sandbox',
      '--disable-setuid-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
}

/**
 * Collects problems a page reports: uncaught errors, console errors and failed same-origin requests
 * (a missing favicon is not a problem).
 * @param {import('puppeteer-core').Page} page
 * @param {{ ignore?: RegExp }} [options]
 */
export function watchPageProblems(page, { ignore } = {}) {
  /** @type {string[]} */
  const problems = [];
  const add = (text) => {
    if (!ignore || !ignore.test(text)) problems.push(text);
  };
  page.on('pageerror', (error) => add(`page error: ${error instanceof Error ? error.stack || error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    if (/favicon\.ico/.test(where)) return;
    add(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !/favicon\.ico/.test(response.url())) {
      add(`HTTP ${response.status()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason === 'net::ERR_ABORTED') return; // navigation away, cancelled fetches
    add(`request failed: ${request.url()} ${reason}`);
  });
  return problems;
}

/**
 * All elements in the page, looking through open shadow roots (runs in the browser).
 * Serialised into page.evaluate calls.
 */
export const DEEP_QUERY_SOURCE = `
  function deepElements(root = document) {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    return out;
  }
  function accessibleText(el) {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const r = el.getRootNode();
      const text = by.split(/\\s+/).map((id) => r.getElementById?.(id)?.textContent ?? '').join(' ').trim();
      if (text) return text.replace(/\\s+/g, ' ');
    }
    return (el.textContent ?? '').replace(/\\s+/g, ' ').trim();
  }
`;
