/** A plain Lit list: every message rendered with repeat(), no virtualization. */
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { type BenchMessage, box, countElements, laidOutIn, message, messages, untilFrame, watchJank } from './common.js';

let items: BenchMessage[] = [];
let scroller: HTMLElement;

function draw(): void {
  render(
    html`<div class="log" style="height: 600px; overflow: auto; font: 14px system-ui">
      ${repeat(
        items,
        (m) => m.id,
        (m) => html`<div class="msg" data-id=${m.id} style="padding: 4px 16px"><b>${m.author}</b> <time>${m.time.slice(11, 16)}</time><p style="margin: 2px 0">${m.text}</p></div>`,
      )}
    </div>`,
    scroller,
  );
  const log = scroller.firstElementChild as HTMLElement;
  log.scrollTop = log.scrollHeight;
}

const last = () => scroller.querySelector(`[data-id="${items[items.length - 1]!.id}"]`);

window.bench = {
  async open(n) {
    const data = messages(n);
    scroller = box();
    const t0 = performance.now();
    items = data;
    draw();
    return untilFrame(() => laidOutIn(last(), scroller.firstElementChild!), t0);
  },
  async append() {
    const t0 = performance.now();
    items = [...items, message(items.length, items.length + 1)];
    draw();
    return untilFrame(() => laidOutIn(last(), scroller.firstElementChild!), t0);
  },
  async burst(sessions, perSecond, seconds) {
    // A plain session list: 1,000 rows re-rendered with repeat() on every message.
    const rows = Array.from({ length: sessions }, (_, i) => ({ id: `S${i}`, name: `Customer ${i + 1}`, preview: message(i, sessions).text, unread: 0 }));
    scroller = box();
    const paint = () =>
      render(
        html`<div style="height: 600px; overflow: auto; width: 320px; font: 14px system-ui">
          ${repeat(rows, (r) => r.id, (r) => html`<div style="padding: 8px"><b>${r.name}</b> <span>${r.unread || ''}</span><div>${r.preview}</div></div>`)}
        </div>`,
        scroller,
      );
    paint();
    await new Promise((r) => setTimeout(r, 500));
    const stop = watchJank();
    let n = 0;
    const total = perSecond * seconds;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const i = (n * 7919) % rows.length;
        rows[i] = { ...rows[i]!, preview: message(n, total).text, unread: rows[i]!.unread + 1 };
        paint();
        if (++n >= total) {
          clearInterval(timer);
          resolve();
        }
      }, 1000 / perSecond);
    });
    return stop();
  },
  elements: countElements,
};
