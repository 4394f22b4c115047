import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { UploadOptions } from '../../src/backend/adapter.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { thumbnailSrc } from '../../src/components/chat-conversation/message-history.js';
import {
  type Setup,
  byRole,
  deepAll,
  deepQuery,
  deepText,
  mount,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

const MiB = 1024 * 1024;

interface Open extends Setup {
  id: string;
  el: ChatConversation;
  /** Calls of the adapter's uploadFile (file name, size). */
  uploads: { name: string; size: number; options: UploadOptions | undefined }[];
}

async function openChat(): Promise<Open> {
  const s = await setup();
  const uploads: Open['uploads'] = [];
  const real = s.backend.uploadFile.bind(s.backend);
  s.backend.uploadFile = (sessionId, file, options) => {
    uploads.push({ name: file.name, size: file.size, options });
    return real(sessionId, file, options);
  };
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Can I send you a photo?' });
  await s.service.answer(id);
  const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
  await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
  // The history's code is a lazy part, loaded with the first chat shown.
  await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
  await settle(el);
  return { ...s, id, el, uploads };
}

function files(...list: File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const f of list) transfer.items.add(f);
  return transfer;
}

/** Choose files through the conversation's file input (what "Attach files" opens). */
async function pick(el: Element, ...list: File[]): Promise<void> {
  const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
  input.files = files(...list).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/** Drop files onto the conversation. */
async function drop(el: Element, ...list: File[]): Promise<void> {
  const target = deepQuery(el, '.log')!;
  const dataTransfer = files(...list);
  target.dispatchEvent(new DragEvent('dragenter', { dataTransfer, bubbles: true, composed: true, cancelable: true }));
  target.dispatchEvent(new DragEvent('dragover', { dataTransfer, bubbles: true, composed: true, cancelable: true }));
  target.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, composed: true, cancelable: true }));
  await settle(el);
}

function progressBars(el: Element): HTMLProgressElement[] {
  return deepAll(el, 'progress') as HTMLProgressElement[];
}

/** Rows of the agent's own messages. */
function ownRows(el: Element): HTMLElement[] {
  return deepAll(el, '.row.agent[data-message-id]') as HTMLElement[];
}

describe('<chat-conversation> files', () => {
  it('has an "Attach files" button that opens the file picker, limited to the allowed types', async () => {
    const { el } = await openChat();
    const input = deepQuery<HTMLInputElement>(el, 'input[type="file"]')!;
    let opened = 0;
    input.addEventListener('click', (e) => {
      opened++;
      e.preventDefault();
    });
    byRole(el, 'button', 'Attach files').click();
    expect(opened).to.equal(1);
    expect(input.multiple).to.equal(true);
    expect(input.accept).to.equal('image/*,application/pdf,text/plain,.docx,.xlsx,.csv');
  });

  it('B21 — refuses a file of 10 MiB + 1 byte at once, naming the limit, and never calls uploadFile', async () => {
    const { el, uploads, clock } = await openChat();
    await pick(el, new File([new Uint8Array(10 * MiB + 1)], 'scan.pdf', { type: 'application/pdf' }));
    // The upload list is a lazily loaded part: it shows once its chunk is there.
    const item = await waitUntil(() => deepQuery(el, '.upload.refused'), 'the refused file');
    expect(deepText(item)).to.contain('scan.pdf');
    // The size shown and the limit named never read the same (not "10.5 MB" next to "the limit of 10.5 MB").
    expect(deepQuery(item, '.upload-size')!.textContent!.trim()).to.equal('10,485,761 bytes');
    expect(deepText(item)).to.contain('File is larger than the limit of 10,485,760 bytes');
    expect(progressBars(el)).to.have.length(0);
    await clock.advance(5000);
    expect(uploads).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('B21 — a refused file a little over the limit shows its size with the precision that tells it from the limit', async () => {
    const { el } = await openChat();
    await pick(el, new File([new Uint8Array(Math.round(10.4 * MiB))], 'scan.pdf', { type: 'application/pdf' }));
    const item = await waitUntil(() => deepQuery(el, '.upload.refused'), 'the refused file');
    // Decimal units (1 MB = 1,000,000 bytes): 10.4 MiB is 10.9 MB, the 10 MiB limit 10.5 MB (not "10 MB").
    expect(deepQuery(item, '.upload-size')!.textContent!.trim()).to.equal('10.9 MB');
    expect(deepText(item)).to.contain('File is larger than the limit of 10.5 MB');
  });

  it('B21 — accepts a file of exactly 10 MiB, uploads it and sends it with a download link', async () => {
    const { el, uploads, clock, service, id } = await openChat();
    await pick(el, new File([new Uint8Array(10 * MiB)], 'scan.pdf', { type: 'application/pdf' }));
    expect(uploads.map((u) => u.size)).to.deep.equal([10 * MiB]);
    expect(deepQuery(el, '.upload.refused')).to.equal(null);
    await clock.advance(1000);
    await settle(el);
    expect(progressBars(el)).to.have.length(0);
    const message = service.state.histories[id]!.items.find((m) => m.attachments.some((a) => a.name === 'scan.pdf'));
    expect(message?.status).to.equal('sent');
    const link = byRole<HTMLAnchorElement>(el, 'link', /scan\.pdf/);
    expect(link.protocol).to.equal('blob:');
    expect(link.getAttribute('download')).to.equal('scan.pdf');
  });

  it('B21 — an upload the adapter rejects (413) shows a failed state with a readable reason that can be removed', async () => {
    const { el, backend } = await openChat();
    backend.uploadFile = () =>
      Promise.reject(new ChatBackendError('file-too-large', 'HTTP 413', { details: { limit: 5 * MiB } }));
    await pick(el, new File([new Uint8Array(6 * MiB)], 'scan.pdf', { type: 'application/pdf' }));
    await waitUntil(() => deepQuery(el, '.upload.failed'), 'the failed upload');
    await settle(el);
    expect(deepText(deepQuery(el, '.upload.failed')!)).to.contain('Upload failed: File is larger than the limit of 5.24 MB');
    expect(progressBars(el)).to.have.length(0);
    byRole(el, 'button', 'Remove scan.pdf').click();
    await settle(el);
    expect(deepQuery(el, '.upload')).to.equal(null);
  });

  for (const how of ['the file input', 'drag and drop'] as const) {
    it(`B20 — a 0-byte file through ${how} is refused at once as empty, leaves no spinner and the composer works`, async () => {
      const { el, clock, uploads, service, id } = await openChat();
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
      const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const empty = new File([], 'empty.txt', { type: 'text/plain' });
        if (how === 'drag and drop') await drop(el, empty);
        else await pick(el, empty);
        expect(deepText(deepQuery(el, '.upload.refused')!)).to.contain('The file is empty');
        await clock.advance(1000);
        await settle(el);
        expect(progressBars(el)).to.have.length(0);
        expect(uploads).to.have.length(0);
        // The composer keeps working.
        byRole(el, 'textbox', 'Message').focus();
        await sendKeys({ type: 'Still here' });
        await sendKeys({ press: 'Enter' });
        await settle(el);
        expect(service.state.histories[id]!.items.some((m) => m.text === 'Still here')).to.equal(true);
        byRole(el, 'button', 'Remove empty.txt').click();
        await settle(el);
        expect(deepQuery(el, '.upload')).to.equal(null);
        await clock.advance(1000);
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });
  }

  it('a file with an empty type is refused with the allowed types unless its extension is allowed', async () => {
    const { el, uploads, clock } = await openChat();
    await pick(el, new File(['x'], 'notes', { type: '' }), new File(['y'], 'report.docx', { type: '' }));
    const refused = deepQuery(el, '.upload.refused')!;
    expect(deepText(refused)).to.contain('notes');
    expect(deepText(refused)).to.contain('This file type is not allowed. Allowed: image/*, application/pdf, text/plain, .docx, .xlsx, or .csv');
    expect(uploads.map((u) => u.name)).to.deep.equal(['report.docx']);
    await clock.advance(1000);
    await settle(el);
    expect(byRole(el, 'link', /report\.docx/)).to.exist;
  });

  it('shows a labelled progress bar that moves, and Cancel stops the upload and sends nothing', async () => {
    const { el, clock, uploads, service, id } = await openChat();
    await pick(el, new File([new Uint8Array(4 * MiB)], 'manual.pdf', { type: 'application/pdf' }));
    await waitUntil(() => progressBars(el).length === 1, 'a progress bar');
    const bar = byRole<HTMLProgressElement>(el, 'progressbar', 'Uploading manual.pdf');
    expect(bar.value).to.equal(0);
    expect(bar.max).to.equal(4 * MiB);
    await clock.advance(150);
    await settle(el);
    const first = byRole<HTMLProgressElement>(el, 'progressbar', 'Uploading manual.pdf').value;
    expect(first).to.be.greaterThan(0);
    await clock.advance(150);
    await settle(el);
    expect(byRole<HTMLProgressElement>(el, 'progressbar', 'Uploading manual.pdf').value).to.be.greaterThan(first);
    await expect(el).to.be.accessible();

    byRole(el, 'button', 'Cancel upload of manual.pdf').click();
    await settle(el);
    expect(progressBars(el)).to.have.length(0);
    expect(uploads[0]!.options?.signal?.aborted).to.equal(true);
    await clock.advance(2000);
    await settle(el);
    expect(service.state.histories[id]!.items.some((m) => m.attachments.length > 0)).to.equal(false);
    expect(ownRows(el).some((r) => deepText(r).includes('manual.pdf'))).to.equal(false);
  });

  it('an uploaded image shows a thumbnail from the adapter URL inside its download link', async () => {
    const { el, clock } = await openChat();
    await drop(el, new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' }));
    await clock.advance(1000);
    await settle(el);
    const link = byRole<HTMLAnchorElement>(el, 'link', /photo\.png/);
    const img = link.querySelector('img')!;
    expect(img.getAttribute('src')).to.match(/^blob:/);
    expect(img.alt).to.equal('');
  });

  it('a customer image arrives the same way, with a download link', async () => {
    const { el, backend, id } = await openChat();
    backend.script.customerSendsFile(id, { name: 'damage.jpg', size: 204800, type: 'image/jpeg' });
    await settle(el);
    const link = byRole<HTMLAnchorElement>(el, 'link', /damage\.jpg/);
    expect(link.protocol).to.equal('https:');
    expect(link.querySelector('img.thumb')).to.exist;
  });

  it('thumbnails load only from http(s), blob and data:image URLs of image attachments', () => {
    const src = (url: string, type = 'image/png') => thumbnailSrc({ url, type });
    expect(src('https://files.example.com/a.png')).to.equal('https://files.example.com/a.png');
    expect(src('blob:http://localhost/1234')).to.equal('blob:http://localhost/1234');
    expect(src('data:image/png;base64,iVBORw0KGgo=')).to.equal('data:image/png;base64,iVBORw0KGgo=');
    expect(src('javascript:alert(1)')).to.equal(null);
    expect(src('data:text/html;base64,PHNjcmlwdD4=')).to.equal(null);
    expect(src('not a url')).to.equal(null);
    expect(src('https://files.example.com/a.pdf', 'application/pdf')).to.equal(null);
  });
});
