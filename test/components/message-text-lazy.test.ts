import { expect } from '@open-wc/testing';
import { render } from 'lit';
import {
  hasMarkdownSyntax,
  loadMarkdown,
  markdownLoader,
  renderMessageText,
} from '../../src/components/message-text/message-text.js';
import { waitUntil } from '../helpers.js';

// Each test file runs in its own page: here the markdown chunk has not been loaded by anything else.

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const realLoad = markdownLoader.load;
let calls = 0;
let gate: { promise: Promise<void>; open: () => void } | null = null;
const containers: HTMLElement[] = [];

function container(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'message-text';
  document.body.append(el);
  containers.push(el);
  return el;
}

/** The element's markup without Lit's comment markers. */
function markup(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode!.removeChild(c);
  return clone.innerHTML;
}

describe('message text: marked loads only for markdown', () => {
  beforeEach(() => {
    calls = 0;
    gate = null;
    markdownLoader.load = () => {
      calls++;
      const g = gate;
      return g ? g.promise.then(() => realLoad()) : realLoad();
    };
  });
  afterEach(() => {
    markdownLoader.load = realLoad;
    delete window.__xss;
    for (const el of containers.splice(0)) el.remove();
  });

  function hold(): void {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    gate = { promise, open };
  }

  it('renders plain text at once, with paragraphs and line breaks, without loading the parser', () => {
    const el = container();
    render(renderMessageText('Hello Mira, your order 42 is on its way.\nIt arrives Friday!\n\nKind regards'), el);
    expect(calls).to.equal(0);
    const paragraphs = Array.from(el.querySelectorAll('p'));
    expect(paragraphs.map((p) => p.textContent)).to.deep.equal(['Hello Mira, your order 42 is on its way.It arrives Friday!', 'Kind regards']);
    expect(paragraphs[0]!.querySelectorAll('br')).to.have.length(1);
  });

  // Runs before anything has loaded the parser.
  it('stays plain text when the parser cannot load', async () => {
    markdownLoader.load = () => {
      calls++;
      return Promise.reject(new Error('chunk failed'));
    };
    const el = container();
    const text = '**still** readable';
    render(renderMessageText(text), el);
    await loadMarkdown().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(el.textContent).to.equal(text);
    expect(el.querySelector('strong')).to.equal(null);
  });

  // Runs after the failed load above (so it also shows a later text tries again) and loads the parser for good.
  it('shows text with markdown (also hostile text) as plain text first, then upgrades it once to the formatted rendering', async () => {
    hold();
    const el = container();
    const hostile = container();
    const hostileText = '<img src=x onerror="window.__xss=1"> **hi** [x](javascript:window.__xss=1)';
    render(renderMessageText('**Bold** and [docs](https://example.com/docs)'), el);
    render(renderMessageText(hostileText), hostile);
    expect(calls).to.equal(1);
    expect(el.querySelector('strong, a')).to.equal(null);
    expect(el.textContent).to.equal('**Bold** and [docs](https://example.com/docs)');
    expect(hostile.querySelector('img, a')).to.equal(null);
    expect(hostile.textContent).to.equal(hostileText);
    const states: string[] = [];
    const observer = new MutationObserver(() => states.push(markup(el)));
    observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    gate!.open();
    await waitUntil(() => el.querySelector('strong') !== null, 'the formatted rendering');
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(el.querySelector('strong')!.textContent).to.equal('Bold');
    expect(el.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/docs');
    // One change from plain to formatted: no flashing in between.
    expect(states).to.have.length(1);
    await waitUntil(() => hostile.querySelector('strong') !== null, 'the hostile text formatted');
    expect(hostile.querySelector('img, a')).to.equal(null);
    expect(hostile.textContent).to.contain('<img src=x onerror="window.__xss=1">');
    await new Promise((r) => setTimeout(r, 50));
    expect(window.__xss).to.equal(undefined);
    // Once loaded, the next text with markdown renders formatted at once.
    const next = container();
    render(renderMessageText('_now_ at once'), next);
    expect(next.querySelector('em')?.textContent).to.equal('now');
  });

  it('renders every text without markdown syntax exactly as the markdown reading would', async () => {
    const { renderMarkdown } = await loadMarkdown();
    const alphabet = ['a', 'B', 'é', '😀', ' ', ' ', ' ', '\n', '\n', '.', ',', '?', '!', '(', ')', '"', "'", '1', '9', ':', '/', '-', '#', '=', '+', '%', ';', '\t', '\u00a0'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let compared = 0;
    for (let i = 0; i < 3000 && compared < 400; i++) {
      const length = 1 + Math.floor(random() * 24);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      if (hasMarkdownSyntax(text) || !text.trim()) continue;
      compared++;
      const plain = container();
      const parsed = container();
      render(renderMessageText(text), plain);
      render(renderMarkdown(text), parsed);
      expect(markup(plain), JSON.stringify(text)).to.equal(markup(parsed));
    }
    expect(compared).to.be.greaterThan(100);
  });

  it('finds the syntax marked acts on', () => {
    for (const text of ['**b**', '_i_', '`c`', '~~s~~', '[a](b)', '<b>', 'a & b', '# h', '> q', '- l', '1. l', '2) l', '    code', 'a  \nb', 'x\n===', 'https://x.nl', 'www.x.nl', 'a@b.nl', 'a | b', 'a\\b', 'a\r\nb']) {
      expect(hasMarkdownSyntax(text), JSON.stringify(text)).to.equal(true);
    }
    for (const text of ['Hello, how are you?', 'Order 42: shipped.\nThanks!', 'Yes (really) - sure', 'é 😀 100%']) {
      expect(hasMarkdownSyntax(text), JSON.stringify(text)).to.equal(false);
    }
  });
});
