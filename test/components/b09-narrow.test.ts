import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { type Setup, deepAll, deepQuery, mount, queryByRole, settle, setup, waitUntil, edgeToEdgeViewport } from '../helpers.js';

/** B09 inputs: a 100-character unbroken name, 400 × "S", a 450-character URL, a 120-character e-mail address. */
/** No break opportunity at all: no spaces, no hyphens, wide letters. */
const LONG_NAME = `Maximiliane${'M'.repeat(89)}`;
const LONG_WORD = 'S'.repeat(400);
if (LONG_NAME.length !== 100 || /[\s\-\u00ad\u200b]/.test(LONG_NAME)) throw new Error('LONG_NAME must be 100 characters with no break opportunity');
const LONG_URL = `https://example.com/orders/track?${Array.from({ length: 40 }, (_, i) => `p${i}=value${i}`).join('&')}`
  .padEnd(450, 'z')
  .slice(0, 450);
const LONG_EMAIL = `${'maximiliane.anastasia.'.repeat(5)}`.slice(0, 105) + '@example.com';

/** `scrollWidth <= clientWidth + 1`: the element has no horizontal overflow. */
function fits(el: Element): boolean {
  return el.scrollWidth <= el.clientWidth + 1;
}

function describeOverflow(els: Element[]): string {
  return els
    .filter((e) => !fits(e))
    .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} ${e.scrollWidth}>${e.clientWidth}`)
    .join('; ');
}

/** Whether an ancestor (across shadow roots) cuts the element's text with an ellipsis. */
function inEllipsis(el: Element): boolean {
  for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && getComputedStyle(node).textOverflow === 'ellipsis' && getComputedStyle(node).overflowX !== 'visible') return true;
  }
  return false;
}

/** Horizontally inside `outer`, with a pixel of tolerance. */
function withinWidth(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
}

/** Inside `outer`, with a pixel of tolerance. */
function inside(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

async function scene(): Promise<Setup & { id: string }> {
  await setViewport({ width: 360, height: 640 });
  const s = await setup();
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: LONG_NAME, email: LONG_EMAIL, text: 'Hello' });
  await s.service.answer(id);
  for (const text of [LONG_WORD, LONG_URL, LONG_EMAIL]) s.backend.script.customerWrites(id, text);
  // Unread customer messages for the badge.
  s.backend.script.customerWrites(id, 'Are you there?');
  s.service.selectSession(id);
  return { ...s, id };
}

describe('B09 — long unbroken text at 360 × 640', () => {
  edgeToEdgeViewport();

  it('B09 — the whole <chat-screen> and each part have no horizontal scroll', async () => {
    const s = await scene();
    const el = await mount<ChatScreen>(s.service, html`<chat-screen tab="chats" style="height: 640px"></chat-screen>`);
    await waitUntil(() => deepAll(el, '.bubble').some((b) => b.textContent!.includes(LONG_URL.slice(0, 40))), 'the long messages');
    await settle(el);
    expect(document.documentElement.scrollWidth, 'page').to.be.at.most(document.documentElement.clientWidth + 1);
    expect(fits(el), 'chat-screen').to.equal(true);
    const parts = ['chat-session-list', 'chat-conversation', 'chat-person-panel'].flatMap((tag) => deepAll(el, tag));
    expect(parts).to.have.length(3);
    expect(describeOverflow(parts), 'parts').to.equal('');
    // Nothing sticks out of the screen sideways (clipped overflow would hide controls, like the presence switch).
    const screenBox = el.getBoundingClientRect();
    const outside = deepAll(el, '*')
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && !withinWidth(r, screenBox) && !inEllipsis(e);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} [${Math.round(e.getBoundingClientRect().left)}, ${Math.round(e.getBoundingClientRect().right)}]`);
    expect(outside.join('; '), 'elements outside the screen').to.equal('');
    // The conversation header keeps room for the customer's name (its actions wrap below it).
    const conversation = deepQuery(el, 'chat-conversation')!;
    const title = queryByRole(conversation, 'heading', LONG_NAME)!;
    expect(title.getAttribute('title')).to.equal(LONG_NAME);
    expect(title.clientWidth, 'room for the name in the conversation header').to.be.at.least(150);
    expect(getComputedStyle(title).textOverflow).to.equal('ellipsis');
    const log = deepQuery(el, '[role="log"]')!;
    expect(fits(log), 'message list').to.equal(true);
    // Every element inside the message list stays within its own box.
    const inLog = deepAll(log, '*').filter((e) => e.clientWidth > 0 && /^(auto|scroll)$/.test(getComputedStyle(e).overflowX));
    expect(describeOverflow([log, ...inLog]), 'scrollers in the message list').to.equal('');
    const bubbles = deepAll(log, '.bubble');
    expect(bubbles.length, 'bubbles').to.be.at.least(4);
    for (const bubble of bubbles) {
      expect(fits(bubble), `bubble ${bubble.textContent!.slice(0, 30)}`).to.equal(true);
      expect(withinWidth(bubble.getBoundingClientRect(), log.getBoundingClientRect()), 'bubble within the list width').to.equal(true);
    }
    // The person panel at this width (below 720 px a pane in the conversation's place).
    queryByRole(el, 'button', 'Person')!.click();
    await settle(el);
    const panel = deepQuery(el, 'chat-person-panel')!;
    expect(panel.getBoundingClientRect().width, 'panel shown').to.be.greaterThan(200);
    expect(withinWidth(panel.getBoundingClientRect(), el.getBoundingClientRect()), 'panel within the screen').to.equal(true);
    expect(describeOverflow([el, panel]), 'with the panel open').to.equal('');
  });

  it('B09 — the Dashboard tab at 360 px does not scroll the page sideways', async () => {
    const s = await scene();
    s.backend.script.customerArrives({ channelId: 'support', name: LONG_NAME, text: LONG_WORD });
    const el = await mount<ChatScreen>(s.service, html`<chat-screen tab="dashboard" style="height: 640px"></chat-screen>`);
    await waitUntil(() => deepAll(el, 'chat-dashboard').length === 1, 'dashboard');
    await settle(el);
    const dashboard = deepQuery(el, 'chat-dashboard')!;
    expect(document.documentElement.scrollWidth, 'page').to.be.at.most(document.documentElement.clientWidth + 1);
    expect(describeOverflow([el, dashboard]), 'screen and dashboard').to.equal('');
    // The wide "ongoing chats" table scrolls inside its own region; everything else stays on screen.
    const screenBox = el.getBoundingClientRect();
    const outside = deepAll(el, '*')
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && !withinWidth(r, screenBox) && !inEllipsis(e) && !e.closest('.table-wrap');
      })
      .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}`);
    expect(outside.join('; '), 'elements outside the screen').to.equal('');
  });

  it('B09 — the session list truncates the long name with an ellipsis, the full name in title, time and badge inside the row', async () => {
    const s = await scene();
    const list = await mount<HTMLElement>(s.service, html`<chat-session-list style="width: 360px; height: 640px; display: block"></chat-session-list>`);
    await settle(list);
    expect(fits(list)).to.equal(true);
    const row = await waitUntil(
      () => deepAll(list, '[role="option"], [role="listitem"], li').find((r) => r.textContent!.includes(LONG_NAME.slice(0, 20))),
      'the row',
    );
    const nameEl = deepAll(row, '*').find((e) => e.children.length <= 1 && e.textContent!.trim() === LONG_NAME && getComputedStyle(e).textOverflow === 'ellipsis')
      ?? deepAll(row, '*').find((e) => getComputedStyle(e).textOverflow === 'ellipsis' && e.textContent!.includes(LONG_NAME))!;
    expect(nameEl, 'an ellipsis-truncated name').to.exist;
    expect(nameEl.scrollWidth, 'the name is cut').to.be.greaterThan(nameEl.clientWidth);
    const titled = [nameEl, ...deepAll(row, '[title]'), row].find((e) => e.getAttribute('title') === LONG_NAME || e.getAttribute('aria-label')?.includes(LONG_NAME));
    expect(titled, 'full name in title or accessible label').to.exist;
    const rowBox = row.getBoundingClientRect();
    const time = deepQuery(row, 'time')!;
    expect(time, 'time').to.exist;
    expect(inside(time.getBoundingClientRect(), rowBox), 'time inside the row').to.equal(true);
    const badge = deepQuery(row, '.unread, .badge, [part~="unread"]')!;
    expect(badge, 'unread badge').to.exist;
    expect(inside(badge.getBoundingClientRect(), rowBox), 'badge inside the row').to.equal(true);
  });

  it('B09 — the person panel truncates the long name with the full name in title and does not scroll sideways', async () => {
    const s = await scene();
    const panel = await mount<HTMLElement>(s.service, html`<chat-person-panel style="width: 360px; height: 640px"></chat-person-panel>`);
    await waitUntil(() => s.service.state.personContexts[s.id]?.status === 'ready', 'context');
    await settle(panel);
    queryByRole(panel, 'button', 'Create person')!.click();
    await settle(panel);
    expect(fits(panel), `panel: ${describeOverflow(deepAll(panel, '*'))}`).to.equal(true);
    const heading = queryByRole(panel, 'heading', LONG_NAME)!;
    expect(heading, 'heading named with the full name').to.exist;
    expect(heading.getAttribute('title')).to.equal(LONG_NAME);
    expect(getComputedStyle(heading).textOverflow).to.equal('ellipsis');
    expect(heading.scrollWidth).to.be.greaterThan(heading.clientWidth);
    const email = deepQuery(panel, 'a[href^="mailto:"]')!;
    expect(withinWidth(email.getBoundingClientRect(), panel.getBoundingClientRect()), 'e-mail wraps inside').to.equal(true);
    for (const input of deepAll(panel, 'input')) {
      expect(withinWidth(input.getBoundingClientRect(), panel.getBoundingClientRect()), `input ${input.id}`).to.equal(true);
    }
  });
});

describe('B09 — the message history stays in its area at low heights', () => {
  edgeToEdgeViewport();

  /** The history ends where the typing line begins; the typing line and the composer lie inside the conversation. */
  function expectStacked(conversation: Element): void {
    const box = conversation.getBoundingClientRect();
    const log = deepQuery(conversation, '[role="log"]')!;
    const typing = deepQuery(conversation, '.typing')!;
    const composer = deepQuery(conversation, 'form.composer')!;
    const logBox = log.getBoundingClientRect();
    expect(logBox.height, 'the history is shown').to.be.greaterThan(0);
    expect(logBox.bottom, 'history bottom ≤ typing line top').to.be.at.most(typing.getBoundingClientRect().top + 1);
    expect(logBox.bottom, 'history bottom ≤ composer top').to.be.at.most(composer.getBoundingClientRect().top + 1);
    expect(inside(composer.getBoundingClientRect(), box), 'composer inside the conversation').to.equal(true);
    expect(inside(typing.getBoundingClientRect(), box), 'typing line inside the conversation').to.equal(true);
  }

  it('B09 — at 360 × 640 in the full screen the history ends above the typing line and the composer', async () => {
    const s = await scene();
    for (let i = 0; i < 20; i++) s.backend.script.customerWrites(s.id, `Message ${i}`);
    const el = await mount<ChatScreen>(s.service, html`<chat-screen tab="chats" style="height: 640px"></chat-screen>`);
    await waitUntil(() => deepAll(el, '.bubble').some((b) => b.textContent!.includes('Message 19')), 'the messages');
    await settle(el);
    expectStacked(deepQuery(el, 'chat-conversation')!);
  });

  it('B09 — a <chat-conversation> in a 300 px tall box keeps the history above the typing line and the composer inside', async () => {
    const s = await scene();
    for (let i = 0; i < 20; i++) s.backend.script.customerWrites(s.id, `Message ${i}`);
    const box = await mount<HTMLElement>(
      s.service,
      html`<div style="width: 360px; height: 300px"><chat-conversation session-id=${s.id}></chat-conversation></div>`,
    );
    const conversation = box.querySelector('chat-conversation')!;
    await waitUntil(() => deepAll(conversation, '.bubble').some((b) => b.textContent!.includes('Message 19')), 'the messages');
    await settle(conversation);
    expect(conversation.getBoundingClientRect().height).to.be.closeTo(300, 1);
    expectStacked(conversation);
  });
});
