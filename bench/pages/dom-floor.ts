/**
 * A reference, not a peer: the least any list must do to show a chat, and so the floor of what
 * "open N" can take on this machine. Plain DOM (no framework, no virtualizer, no shadow DOM, no
 * features): only the newest 50 messages are created, in a scroller kept at its bottom. It is not a
 * usable list (no scrolling back, no paging); it shows how much of each contender's time is the
 * page's own first frame.
 */
import { type BenchMessage, box, countElements, laidOutIn, message, messages, untilFrame } from './common.js';

/** As many messages as ours loads in its first page. */
const SHOWN = 50;
let scroller: HTMLElement;
let count = 0;

function row(m: BenchMessage): HTMLElement {
  const el = document.createElement('div');
  el.className = 'msg';
  el.dataset.id = m.id;
  el.style.cssText = 'padding: 4px 16px';
  const author = document.createElement('b');
  author.textContent = m.author;
  const time = document.createElement('time');
  time.textContent = m.time.slice(11, 16);
  const text = document.createElement('p');
  text.style.margin = '2px 0';
  text.textContent = m.text;
  el.append(author, ' ', time, text);
  return el;
}

const last = () => scroller.querySelector(`[data-id="m${count - 1}"]`);

window.bench = {
  async open(n) {
    const data = messages(n);
    const host = box();
    const t0 = performance.now();
    count = n;
    scroller = document.createElement('div');
    scroller.style.cssText = 'height: 600px; overflow: auto; font: 14px system-ui';
    scroller.append(...data.slice(-SHOWN).map(row));
    host.append(scroller);
    scroller.scrollTop = scroller.scrollHeight;
    return untilFrame(() => laidOutIn(last(), scroller), t0);
  },
  async append() {
    const t0 = performance.now();
    scroller.append(row(message(count, count + 1)));
    count++;
    scroller.scrollTop = scroller.scrollHeight;
    return untilFrame(() => laidOutIn(last(), scroller), t0);
  },
  elements: countElements,
};
