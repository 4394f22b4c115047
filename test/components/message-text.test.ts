import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { loadMarkdown, renderMessageText, safeHref } from '../../src/components/message-text/message-text.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const containers: HTMLElement[] = [];

/** A fresh element in the page (removed after the test). */
function container(style = ''): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('style', style);
  document.body.append(el);
  containers.push(el);
  return el;
}

/** Render untrusted text through the message renderer into a fresh container. */
async function show(text: string): Promise<HTMLElement> {
  const el = container();
  el.className = 'message-text';
  el.dir = 'auto';
  render(renderMessageText(text), el);
  return el;
}

const B14_PAYLOADS = [
  '[Open invoice](javascript:window.__xss=1)',
  '[a](JaVaScRiPt:window.__xss=1)',
  '[b](java&#x09;script:window.__xss=1)',
  '[c](data:text/html;base64,PHNjcmlwdD4=)',
  '[d](vbscript:msgbox(1))',
  '[Help](https://example.com/help)',
].join('\n\n');

describe('message text rendering', () => {
  // The markdown reading is a lazy chunk (see message-text-lazy.test.ts); these tests check it.
  before(() => loadMarkdown());

  afterEach(() => {
    delete window.__xss;
    for (const el of containers.splice(0)) el.remove();
  });

  it('B14: renders only the https link of the markdown payloads as an anchor, with target and rel', async () => {
    const el = await show(B14_PAYLOADS);
    const anchors = el.querySelectorAll('a');
    expect(anchors.length).to.equal(1);
    expect(anchors[0]!.getAttribute('href')).to.equal('https://example.com/help');
    expect(anchors[0]!.getAttribute('target')).to.equal('_blank');
    expect(anchors[0]!.getAttribute('rel')).to.contain('noopener').and.to.contain('noreferrer');
  });

  it('B14: shows the unsafe links as their literal text', async () => {
    const el = await show(B14_PAYLOADS);
    expect(el.textContent).to.contain('[Open invoice](javascript:window.__xss=1)');
    expect(el.textContent).to.contain('[d](vbscript:msgbox(1))');
    expect(el.textContent).to.contain('data:text/html;base64');
  });

  it('B14: clicking every element of the payloads leaves window.__xss undefined', async () => {
    const el = await show(B14_PAYLOADS);
    for (const node of Array.from(el.querySelectorAll('*'))) {
      // Keep the safe link from opening a tab; unsafe ones must not be anchors at all.
      node.addEventListener('click', (e) => e.preventDefault(), { once: true });
      (node as HTMLElement).click();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(window.__xss).to.equal(undefined);
  });

  it('B15: shows raw HTML as literal text and creates no element from it', async () => {
    const el = await show('<script>window.__xss=1</script><b>bold?</b> <img src=x onerror="window.__xss=1">');
    expect(el.querySelector('script, b, img')).to.equal(null);
    expect(el.textContent).to.contain('<script>window.__xss=1</script><b>bold?</b>');
    expect(el.textContent).to.contain('<img src=x');
    await new Promise((r) => setTimeout(r, 50));
    expect(window.__xss).to.equal(undefined);
  });

  it('turns bare URLs and e-mail addresses into links (GFM autolinks)', async () => {
    const el = await show('See https://example.com/track?id=42 or mail help@example.com');
    const hrefs = Array.from(el.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://example.com/track?id=42', 'mailto:help@example.com']);
  });

  it('renders bold, italic, code, line breaks and lists as elements', async () => {
    const el = await show('**bold** _italic_ `code`\nnext line\n\n- one\n- two\n\n1. first\n2. second');
    expect(el.querySelector('strong')?.textContent).to.equal('bold');
    expect(el.querySelector('em')?.textContent).to.equal('italic');
    expect(el.querySelector('code')?.textContent).to.equal('code');
    expect(el.querySelector('br')).to.not.equal(null);
    expect(Array.from(el.querySelectorAll('ul > li')).map((li) => li.textContent)).to.deep.equal(['one', 'two']);
    expect(el.querySelectorAll('ol > li').length).to.equal(2);
  });

  it('shows images as their literal markdown, never as img elements', async () => {
    const el = await show('![tracker](https://example.com/pixel.png)');
    expect(el.querySelector('img')).to.equal(null);
    expect(el.textContent).to.contain('![tracker](https://example.com/pixel.png)');
  });

  it('accepts only http, https and mailto hrefs', () => {
    expect(safeHref('https://example.com/a')).to.equal('https://example.com/a');
    expect(safeHref('mailto:a@example.com')).to.equal('mailto:a@example.com');
    expect(safeHref('javascript:alert(1)')).to.equal(null);
    expect(safeHref('java\tscript:alert(1)')).to.equal(null);
    expect(safeHref('/relative')).to.equal(null);
    expect(safeHref('data:text/html,x')).to.equal(null);
  });

  it('B09: wraps a 400-character word and a 450-character URL inside a narrow box', async () => {
    const url = `https://example.com/${'a'.repeat(400)}?q=${'b'.repeat(27)}`;
    const box = container('width: 200px');
    const { messageTextStyles } = await import('../../src/components/message-text/message-text.js');
    const host = document.createElement('div');
    box.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [messageTextStyles.styleSheet!];
    const body = document.createElement('div');
    body.className = 'message-text';
    body.dir = 'auto';
    root.append(body);
    render(renderMessageText(`${'S'.repeat(400)}\n\n${url}`), body);
    expect(body.scrollWidth).to.be.at.most(body.clientWidth + 1);
    expect(getComputedStyle(body).textAlign).to.equal('start');
  });
});
