import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { byRole, deepAll, deepQuery, mount, queryByRole, settle, setup, waitUntil, edgeToEdgeViewport } from '../helpers.js';

// The elements take exactly the height their host gives (no min-height of their own overrides it):
// the history gives up height first, the conversation header and the composer stay in view, and
// when even those do not fit, the conversation pane scrolls inside the host.

type Rect = DOMRect;
const inside = (r: Rect, box: Rect) =>
  r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1;

/** A chat the agent answered, with enough messages to make the history scroll. */
async function answeredChat() {
  const s = await setup();
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
  await s.service.answer(id);
  for (let i = 0; i < 12; i++) s.backend.script.customerWrites(id, `Message number ${i + 1} about the parcel`);
  return { ...s, id };
}

/** `<chat-screen>` with a chat open, inside a `width` × `height` px box. */
async function screenIn(width: number, height: number) {
  const { service } = await answeredChat();
  const box = await mount<HTMLDivElement>(
    service,
    html`<div style="width: ${width}px; height: ${height}px"><chat-screen tab="chats"></chat-screen></div>`,
  );
  const el = box.querySelector<ChatScreen>('chat-screen')!;
  await waitUntil(() => queryByRole(el, 'button', 'Send'), 'the Send button');
  await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
  await settle(el);
  return { box, el };
}

/** `<chat-conversation>` of an answered chat inside a `width` × `height` px box. */
async function conversationIn(width: number, height: number) {
  const { service } = await answeredChat();
  const box = await mount<HTMLDivElement>(
    service,
    html`<div style="width: ${width}px; height: ${height}px"><chat-conversation></chat-conversation></div>`,
  );
  const el = box.querySelector<ChatConversation>('chat-conversation')!;
  await waitUntil(() => queryByRole(el, 'button', 'Send'), 'the Send button');
  await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
  await settle(el);
  return { box, el };
}

function expectFits(el: Element, box: Element) {
  const boxRect = box.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  expect(rect.height, `${el.localName} takes the host's height`).to.be.closeTo(boxRect.height, 1);
  expect(rect.bottom, `${el.localName}'s bottom`).to.be.at.most(boxRect.bottom + 1);
  const send = byRole(el, 'button', 'Send').getBoundingClientRect();
  expect(inside(send, boxRect), `Send (${send.top}–${send.bottom}) inside the box (${boxRect.top}–${boxRect.bottom})`).to.equal(true);
  const heading = byRole(el.localName === 'chat-conversation' ? el : deepQuery(el, 'chat-conversation')!, 'heading', 'Mira Okafor').getBoundingClientRect();
  expect(inside(heading, boxRect), 'the conversation header inside the box').to.equal(true);
  const log = byRole(el, 'log').getBoundingClientRect();
  expect(log.height, 'the history keeps some room').to.be.greaterThan(0);
  expect(log.bottom, 'the history stays above the composer').to.be.at.most(send.top);
}

describe('the elements fill the height their host gives', () => {
  edgeToEdgeViewport();

  for (const width of [1440, 800, 360]) {
    it(`<chat-screen> ${width} px wide in a 400 px tall box: exactly 400 px tall, the conversation header and Send inside the box`, async () => {
      await setViewport({ width: Math.max(width, 800), height: 800 });
      const { box, el } = await screenIn(width, 400);
      expectFits(el, box);
      const insert = byRole(el, 'button', 'Insert').getBoundingClientRect();
      expect(inside(insert, box.getBoundingClientRect()), 'Insert inside the box').to.equal(true);
    });
  }

  it('<chat-screen> in a 360 × 640 window filling it: the composer is in the window', async () => {
    await setViewport({ width: 360, height: 640 });
    const { box, el } = await screenIn(360, 640);
    expectFits(el, box);
    expect(el.getBoundingClientRect().bottom).to.be.at.most(window.innerHeight + 1);
  });

  it('<chat-screen> in a 640 × 402 slot (a 640 × 450 window at 200% zoom): Send and Attach files inside the slot', async () => {
    await setViewport({ width: 640, height: 450 });
    const { box, el } = await screenIn(640, 402);
    expectFits(el, box);
    const attach = byRole(el, 'button', 'Attach files').getBoundingClientRect();
    expect(inside(attach, box.getBoundingClientRect()), 'Attach files inside the box').to.equal(true);
  });

  for (const width of [360, 800]) {
    it(`<chat-conversation> ${width} px wide in a 400 px tall box: exactly 400 px tall, header and Send inside`, async () => {
      await setViewport({ width: Math.max(width, 800), height: 800 });
      const { box, el } = await conversationIn(width, 400);
      expectFits(el, box);
      await expect(el).to.be.accessible();
    });
  }

  it('<chat-conversation> in a box too small for header and composer: the pane scrolls inside the box, and Send can be scrolled into it', async () => {
    const { box, el } = await conversationIn(360, 180);
    const boxRect = box.getBoundingClientRect();
    expect(el.getBoundingClientRect().height).to.be.closeTo(180, 1);
    const pane = deepQuery<HTMLElement>(el, '.conversation')!;
    expect(pane.getBoundingClientRect().bottom, 'the pane ends at the box').to.be.at.most(boxRect.bottom + 1);
    expect(pane.scrollHeight, 'the pane overflows, and scrolls').to.be.greaterThan(pane.clientHeight);
    expect(getComputedStyle(pane).overflowY).to.be.oneOf(['auto', 'scroll']);
    const send = byRole(el, 'button', 'Send');
    send.scrollIntoView({ block: 'nearest' });
    await settle(el);
    expect(inside(send.getBoundingClientRect(), boxRect), 'Send scrolled into the box').to.equal(true);
  });

  // A phone with its keyboard open leaves 360–400 px; the history used to get 0 px there (the
  // header's two rows of actions and the composer took it all), so no message was readable.
  for (const [width, height] of [
    [360, 400],
    [640, 360],
  ] as const) {
    it(`<chat-screen> filling a short ${width} × ${height} window: the history keeps three lines with the newest message in them, and Send is in the window`, async () => {
      await setViewport({ width, height });
      const { box, el } = await screenIn(width, height);
      const log = byRole(el, 'log');
      const logRect = log.getBoundingClientRect();
      expect(logRect.height, 'the history keeps its minimum').to.be.at.least(71);
      const newest = await waitUntil(
        () => deepAll(el, '.log .row[data-message-id] .bubble').find((m) => m.textContent?.includes('Message number 12')),
        'the newest message rendered',
      );
      const r = newest.getBoundingClientRect();
      expect(r.bottom > logRect.top && r.top < logRect.bottom, `the newest message (${r.top}–${r.bottom}) in the history (${logRect.top}–${logRect.bottom})`).to.equal(true);
      const send = byRole(el, 'button', 'Send').getBoundingClientRect();
      expect(inside(send, box.getBoundingClientRect()), `Send (${send.top}–${send.bottom}) in the window`).to.equal(true);
      expect(logRect.bottom, 'the history stays above the composer').to.be.at.most(send.top);
    });
  }

  it('<chat-screen> with no height from its host gets a usable default height (480 px)', async () => {
    const { service } = await answeredChat();
    const box = await mount<HTMLDivElement>(service, html`<div style="width: 1000px"><chat-screen tab="chats"></chat-screen></div>`);
    const el = box.querySelector<ChatScreen>('chat-screen')!;
    await waitUntil(() => queryByRole(el, 'button', 'Send'), 'the Send button');
    await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
    await settle(el);
    expect(el.getBoundingClientRect().height).to.be.closeTo(480, 1);
    expectFits(el, box);
  });

  for (const tag of ['chat-session-list', 'chat-dashboard', 'chat-person-panel', 'chat-conversation']) {
    it(`<${tag}> in a 360 × 40 px box: exactly 40 px tall, and its first and last controls can be scrolled into the box`, async () => {
      const { service } = await answeredChat();
      const template =
        tag === 'chat-session-list'
          ? html`<div style="width: 360px; height: 40px"><chat-session-list></chat-session-list></div>`
          : tag === 'chat-dashboard'
            ? html`<div style="width: 360px; height: 40px"><chat-dashboard></chat-dashboard></div>`
            : tag === 'chat-person-panel'
              ? html`<div style="width: 360px; height: 40px"><chat-person-panel></chat-person-panel></div>`
              : html`<div style="width: 360px; height: 40px"><chat-conversation></chat-conversation></div>`;
      const box = await mount<HTMLDivElement>(service, template);
      const el = box.querySelector(tag)!;
      const shownButtons = () => deepAll(el, 'button').filter((b) => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== 'hidden');
      await waitUntil(() => shownButtons().length > 0, 'a button');
      await settle(el);
      const boxRect = box.getBoundingClientRect();
      expect(el.getBoundingClientRect().height, 'the host height').to.be.closeTo(40, 1);
      for (const button of [shownButtons()[0], shownButtons().pop()!]) {
        button.scrollIntoView({ block: 'nearest' });
        await settle(el);
        expect(inside(button.getBoundingClientRect(), boxRect), `“${button.textContent?.trim()}” scrolled into the box`).to.equal(true);
      }
    });
  }
});
