import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { byRole, deepQuery, mount, settle, setup, waitUntil } from '../helpers.js';

const MiB = 1024 * 1024;

async function openChat() {
  const s = await setup();
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Can I send you a photo?' });
  await s.service.answer(id);
  const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
  await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
  await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered', 10_000);
  await settle(el);
  return { ...s, id, el };
}

/** Choose files through the conversation's file input (what "Attach files" opens). */
async function pick(el: Element, ...list: File[]): Promise<void> {
  const transfer = new DataTransfer();
  for (const f of list) transfer.items.add(f);
  const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/** The icon inside `container`: an inline SVG document, decorative, 16-20 px, in currentColor. */
function iconIn(container: Element): SVGSVGElement {
  const icon = container.querySelector<SVGSVGElement>('svg.file-icon');
  expect(icon, 'a file icon').to.exist;
  expect(icon!.getAttribute('aria-hidden')).to.equal('true');
  const box = icon!.getBoundingClientRect();
  expect(box.width).to.be.within(16, 20);
  expect(box.height).to.be.within(16, 20);
  // A document: a page outline taller than it is wide, not a square box.
  const page = icon!.querySelector<SVGGraphicsElement>('.page');
  expect(page, 'the page outline').to.exist;
  const bbox = page!.getBBox();
  expect(bbox.height / bbox.width).to.be.above(1.2);
  const color = getComputedStyle(icon!).color;
  for (const shape of icon!.querySelectorAll('path, circle')) {
    const style = getComputedStyle(shape);
    expect(style.stroke, 'drawn in currentColor').to.equal(color);
    expect(style.fill, 'lines, not filled shapes').to.equal('none');
  }
  return icon!;
}

/** The icon's shapes (geometry only, no colour): two icons that differ here differ in shape. */
function shapeOf(icon: SVGSVGElement): string {
  return Array.from(icon.querySelectorAll('path, circle'))
    .map((e) => e.getAttribute('d') ?? `circle ${e.getAttribute('cx')} ${e.getAttribute('cy')} ${e.getAttribute('r')}`)
    .join(' | ');
}

describe('file icons', () => {
  it('a sent file shows a document with a check mark; a file from the customer a document without a mark', async () => {
    const { el, clock, backend, id } = await openChat();
    await pick(el, new File([new Uint8Array(2 * MiB)], 'scan.pdf', { type: 'application/pdf' }));
    await clock.advance(1000);
    await settle(el);
    const sent = iconIn(byRole(el, 'link', /scan\.pdf/));
    expect(sent.dataset.state).to.equal('sent');
    expect(sent.querySelector('.mark'), 'the mark').to.exist;

    backend.script.customerSendsFile(id, { name: 'invoice.pdf', size: 20480, type: 'application/pdf' });
    await waitUntil(() => deepQuery(el, 'a.file[download="invoice.pdf"]'), 'the customer file');
    await settle(el);
    const received = iconIn(byRole(el, 'link', /invoice\.pdf/));
    expect(received.dataset.state).to.equal('file');
    expect(received.querySelector('.mark'), 'no mark').to.equal(null);
    expect(shapeOf(received)).to.not.equal(shapeOf(sent));
    await expect(el).to.be.accessible();
  });

  it('uploading, refused and sent files differ in the shape of their icon, not only in colour', async () => {
    const { el, clock } = await openChat();
    await pick(el, new File([new Uint8Array(1 * MiB)], 'label.pdf', { type: 'application/pdf' }));
    await clock.advance(1000);
    await settle(el);
    await pick(
      el,
      new File([new Uint8Array(4 * MiB)], 'manual.pdf', { type: 'application/pdf' }),
      new File([new Uint8Array(11 * MiB)], 'everything.pdf', { type: 'application/pdf' }),
    );
    await clock.advance(150);
    await settle(el);
    const uploading = iconIn(deepQuery(el, '.upload.uploading')!);
    const refused = iconIn(deepQuery(el, '.upload.refused')!);
    const sent = iconIn(byRole(el, 'link', /label\.pdf/));
    expect([uploading, refused, sent].map((i) => i.dataset.state)).to.deep.equal(['uploading', 'failed', 'sent']);
    const shapes = new Set([uploading, refused, sent].map(shapeOf));
    expect(shapes.size, 'three different shapes').to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('a file whose message failed to send shows the failed mark in the history', async () => {
    const { el, clock, backend } = await openChat();
    backend.sendMessage = () => Promise.reject(new Error('network'));
    await pick(el, new File([new Uint8Array(1 * MiB)], 'label.pdf', { type: 'application/pdf' }));
    await clock.advance(1000);
    await waitUntil(() => deepQuery(el, '.row[data-status="failed"]'), 'the failed message');
    await settle(el);
    const row = deepQuery<HTMLElement>(el, '.row[data-status="failed"]')!;
    const icon = iconIn(row.querySelector('.file')!);
    expect(icon.dataset.state).to.equal('failed');
  });
});
