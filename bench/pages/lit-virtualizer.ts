/** The bare baseline of the issue's table: Lit + @lit-labs/virtualizer, pinned to the newest message. */
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, render } from 'lit';
import { type BenchMessage, box, countElements, laidOutIn, message, messages, untilFrame } from './common.js';

let items: BenchMessage[] = [];
let host: HTMLElement;

function draw(): void {
  render(
    html`<div class="log" style="height: 600px; font: 14px system-ui">
      ${virtualize({
        items,
        keyFunction: (m: BenchMessage) => m.id,
        renderItem: (m: BenchMessage) =>
          html`<div class="msg" data-id=${m.id} style="width: 100%; box-sizing: border-box; padding: 4px 16px"><b>${m.author}</b> <time>${m.time.slice(11, 16)}</time><p style="margin: 2px 0">${m.text}</p></div>`,
        scroller: true,
        layout: flow({ pin: { index: items.length - 1, block: 'end' } }),
      })}
    </div>`,
    host,
  );
}

const last = () => host.querySelector(`[data-id="${items[items.length - 1]!.id}"]`);

window.bench = {
  async open(n) {
    const data = messages(n);
    host = box();
    const t0 = performance.now();
    items = data;
    draw();
    return untilFrame(() => laidOutIn(last(), host.firstElementChild!), t0);
  },
  async append() {
    const t0 = performance.now();
    items = [...items, message(items.length, items.length + 1)];
    draw();
    return untilFrame(() => laidOutIn(last(), host.firstElementChild!), t0);
  },
  elements: countElements,
};
