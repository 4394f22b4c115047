/**
 * Paging up through a long chat (the demo backend's `longChatMessages`, rows of varied height):
 * - while the older page is slow and fails: the loading row, the failure row with its "Try again"
 *   and the "Start of conversation" marker are in the log's visible rect when the agent reached the
 *   top (by wheel, Home or PageUp), and "Try again" loads the page without moving the message the
 *   agent was reading;
 * - at the very top with the failure row, scrolling up again (a wheel turn, an up key, a finger
 *   dragging the log down) tries the page again, once per gesture (not in a loop while the adapter
 *   keeps failing);
 * - scrolling up through pages as they arrive, and through rows whose image fails late, no painted
 *   frame shows a correction (B11), also from the first frame after leaving the bottom, and rows at
 *   and above the message read changing height just after leaving it do not move it.
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ChatBackendError } from '../../src/backend/errors.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, deepQuery, settle, waitUntil } from '../helpers.js';

/** An older page the test answers by hand (the loading row shows until then). */
interface Held {
  pass(): void;
  fail(code: ChatBackendError['code']): void;
}

type Way = 'wheel' | 'Home' | 'PageUp';

/**
 * The demo backend's long chat of `messages` messages in a conversation `width` px wide. Older
 * pages wait in `held` until the test answers them, unless `holdOlder` is false.
 */
async function open(options: { messages: number; width: number; height?: number; holdOlder?: boolean; images?: boolean | 'broken' }) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false, longChatMessages: options.images ? undefined : options.messages });
  const service = new ChatService({ backend, clock });
  await service.ready;
  let id = backend.inspect.sessions()[0]?.id;
  if (options.images) {
    // Wrapping lines of varied length, and every sixth message an image of the customer's.
    id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'hello' });
    await service.answer(id);
    for (let n = backend.inspect.messages(id).length; n < options.messages; n++) {
      if (n % 6 === 3) backend.script.customerSendsFile(id, { name: `photo-${n}.jpg`, size: 1000, type: 'image/jpeg' });
      else backend.script.customerWrites(id, `line ${n} ${'some wrapping words here '.repeat(n % 9)}`);
    }
  }
  const held: Held[] = [];
  const stored = backend.getMessages.bind(backend);
  // Each image gets a URL of its own that loads without a network (the test fails it when it wants).
  const real: typeof stored = async (sessionId, o) => {
    const page = await stored(sessionId, o);
    if (!options.images) return page;
    // 'broken': a URL of its own for each image that the browser cannot decode (it fails by itself, when it loads).
    const image = (name: string) =>
      options.images === 'broken'
        ? `data:image/svg+xml,broken-${encodeURIComponent(name)}`
        : 'data:image/svg+xml,' + encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="20" height="14"><title>${name}</title></svg>`);
    return { ...page, messages: page.messages.map((m) => ({ ...m, attachments: m.attachments?.map((a) => ({ ...a, url: image(a.name) })) })) };
  };
  backend.getMessages = (sessionId, o) => {
    if (o?.beforeSeq === undefined || options.holdOlder === false) return real(sessionId, o);
    return new Promise((resolve, reject) => {
      held.push({
        pass: () => void real(sessionId, o).then(resolve, reject),
        fail: (code) => reject(new ChatBackendError(code, `${code} (test)`)),
      });
    });
  };
  const provider = await fixture<HTMLElement>(
    html`<chat-provider .service=${service}>
      <div style="width: ${options.width}px; height: ${options.height ?? 480}px">
        <chat-conversation session-id=${id!}></chat-conversation>
      </div>
    </chat-provider>`,
  );
  const el = provider.querySelector<ChatConversation>('chat-conversation')!;
  await waitUntil(() => deepQuery(el, '.row[data-message-id]'), 'the history rendered');
  await frames(4);
  const log = byRole(el, 'log');
  return { clock, service, id: id!, el, log, held };
}

function frames(count = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(count);
  });
}

/**
 * Resolves after the next frame's rendering steps (animation-frame callbacks, style, layout,
 * ResizeObserver callbacks, paint): the DOM then shows what that frame painted.
 */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The log's start row (loading, failure, "Load earlier messages" or "Start of conversation"). */
function startRow(log: HTMLElement): HTMLElement | null {
  return log.querySelector<HTMLElement>('.history-start');
}

/** Whether `el` lies wholly inside the log's visible rect (±1 px). */
function inView(log: HTMLElement, el: Element): boolean {
  const box = log.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
}

function where(log: HTMLElement, el: Element | null): string {
  if (!el) return 'missing';
  const box = log.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return `top ${Math.round(r.top - box.top)} px, bottom ${Math.round(r.bottom - box.top)} px of a ${Math.round(box.height)} px log (scrollTop ${Math.round(log.scrollTop)})`;
}

/** The message row the agent reads: the first one whose top is in view; its key and offset (px). */
function reading(log: HTMLElement): { key: string; offset: number } {
  const top = log.getBoundingClientRect().top;
  const rows = Array.from(log.querySelectorAll<HTMLElement>('.row[data-message-id]'))
    .map((row) => ({ key: row.dataset.key!, offset: row.getBoundingClientRect().top - top }))
    .filter((r) => r.offset >= 0)
    .sort((a, b) => a.offset - b.offset);
  expect(rows.length, 'a message in view').to.be.greaterThan(0);
  return rows[0]!;
}

function offsetOf(log: HTMLElement, key: string): number {
  const row = log.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(key)}"]`);
  expect(row, `row ${key} rendered`).to.not.equal(null);
  return row!.getBoundingClientRect().top - log.getBoundingClientRect().top;
}

/**
 * Scroll the log to its very top the way an agent does: wheel turns (a `wheel` event, then the
 * scroll it causes, one per frame), or the Home key, or PageUp presses, on the focused log.
 */
async function scrollToTop(log: HTMLElement, way: Way): Promise<void> {
  if (way !== 'wheel') log.focus();
  for (let step = 0; step < 200 && log.scrollTop > 0; step++) {
    if (way === 'wheel') {
      log.dispatchEvent(new WheelEvent('wheel', { deltaY: -240, bubbles: true, composed: true }));
      log.scrollTop -= 240;
      await frames(1);
    } else {
      await sendKeys({ press: way });
      await frames(3);
    }
  }
  await waitUntil(() => log.scrollTop === 0, 'the log at its top');
}

describe('<chat-conversation> paging up a long chat whose older page is slow or fails', () => {
for (const width of [600, 360]) {
  for (const way of ['wheel', 'Home', 'PageUp'] as const) {
    it(`${width} px wide, at the top by ${way}: the loading row, then the failure row with "Try again", are in view; Try again keeps the message read in place`, async () => {
      const s = await open({ messages: 3000, width });
      const { log, held } = s;
      await scrollToTop(log, way);
      await waitUntil(() => held.length === 1, 'the older page requested');
      await waitUntil(() => startRow(log)?.textContent?.includes('Loading earlier messages'), 'the loading row');
      await frames(8);
      expect(inView(log, startRow(log)!), `the loading row in view: ${where(log, startRow(log))}`).to.equal(true);

      held[0]!.fail('timeout');
      const alert = await waitUntil(() => deepQuery(log, '.history-start [role="alert"]'), 'the failure row');
      await settle(s.el);
      await frames(10);
      expect(alert.textContent).to.contain('Earlier messages could not be loaded.');
      expect(inView(log, alert), `the failure row in view: ${where(log, alert)}`).to.equal(true);
      const tryAgain = byRole(log, 'button', 'Try again');
      expect(inView(log, tryAgain), `"Try again" in view: ${where(log, tryAgain)}`).to.equal(true);

      // Try again: the failure row turns back into the loading row, then the page comes.
      const read = reading(log);
      tryAgain.click();
      await waitUntil(() => startRow(log)?.textContent?.includes('Loading earlier messages'), 'the loading row again');
      await frames(8);
      expect(offsetOf(log, read.key) - read.offset, 'the message read stays while the page loads').to.be.within(-1, 1);
      expect(held).to.have.length(2);
      held[1]!.pass();
      await waitUntil(() => !s.service.state.histories[s.id]!.loading, 'the page arrived');
      await settle(s.el);
      await frames(10);
      expect(s.service.state.histories[s.id]!.items.length, 'the older page is shown').to.equal(100);
      expect(offsetOf(log, read.key) - read.offset, 'the message read stays when the page arrives').to.be.within(-1, 1);
    });
  }
}

it('at the very top with the failure row, scrolling up again (wheel turns, a key) tries the older page again once per gesture, not in a loop; Try again still works', async () => {
  const s = await open({ messages: 3000, width: 600 });
  const { log, held } = s;
  const loadingRow = () => startRow(log)?.textContent?.includes('Loading earlier messages');
  const failureRow = () => deepQuery(log, '.history-start [role="alert"]');
  /** One gesture of `turns` wheel turns up, a frame apart (no scroll follows at the very top). */
  const wheelUp = async (turns: number) => {
    for (let turn = 0; turn < turns; turn++) {
      log.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, bubbles: true, composed: true }));
      log.scrollTop -= 120;
      await frames(1);
    }
  };
  await scrollToTop(log, 'wheel');
  await waitUntil(() => held.length === 1, 'the older page requested');
  held[0]!.fail('timeout');
  await waitUntil(failureRow, 'the failure row');
  await settle(s.el);
  await frames(4);
  expect(log.scrollTop, 'at the very top').to.equal(0);
  expect(inView(log, failureRow()!), `the failure row in view: ${where(log, failureRow())}`).to.equal(true);

  // The same gesture goes on at the very top: no retry (the page failed during it).
  await wheelUp(3);
  expect(held, 'no retry within the gesture that requested the page').to.have.length(1);

  // A new gesture (a pause since the last wheel turn): one retry, the row shows loading again.
  await s.clock.advance(1000);
  await wheelUp(1);
  await waitUntil(() => held.length === 2, 'wheeling up at the top tries again');
  await waitUntil(loadingRow, 'the loading row again');
  // More turns of the same gesture, and the retry failing meanwhile: no further retry (no loop).
  await wheelUp(3);
  held[1]!.fail('network');
  await waitUntil(failureRow, 'the failure row again');
  await wheelUp(5);
  expect(held, 'one retry per gesture while the adapter keeps failing').to.have.length(2);

  // The keyboard: PageUp on the log at the very top tries again.
  log.focus();
  await sendKeys({ press: 'PageUp' });
  await waitUntil(() => held.length === 3, 'PageUp at the top tries again');
  await waitUntil(loadingRow, 'the loading row after PageUp');
  held[2]!.fail('timeout');
  await waitUntil(failureRow, 'the failure row after PageUp');

  // "Try again" still works, and the page then arrives with the message read in place.
  const read = reading(log);
  byRole(log, 'button', 'Try again').click();
  await waitUntil(() => held.length === 4, 'Try again requests the page');
  held[3]!.pass();
  await waitUntil(() => !s.service.state.histories[s.id]!.loading, 'the page arrived');
  await settle(s.el);
  await frames(10);
  expect(s.service.state.histories[s.id]!.items.length, 'the older page is shown').to.equal(100);
  expect(failureRow(), 'no failure row').to.equal(null);
  expect(offsetOf(log, read.key) - read.offset, 'the message read stays when the page arrives').to.be.within(-1, 1);
});

it('at the very top with the failure row, dragging the log down with a finger tries the older page again once per touch gesture', async () => {
  const s = await open({ messages: 3000, width: 360 });
  const { log, held } = s;
  const failureRow = () => deepQuery(log, '.history-start [role="alert"]');
  /** One touch gesture: the finger moves `moves` times 40 px down the log, a frame apart. */
  const drag = async (moves: number) => {
    const x = log.getBoundingClientRect().left + 20;
    let y = log.getBoundingClientRect().top + 20;
    for (let move = 0; move <= moves; move++, y += 40) {
      const touch = new Touch({ identifier: 1, target: log, clientX: x, clientY: y });
      log.dispatchEvent(new TouchEvent('touchmove', { touches: [touch], changedTouches: [touch], bubbles: true, composed: true }));
      await frames(1);
    }
  };
  log.scrollTop = 0;
  await waitUntil(() => held.length === 1, 'the older page requested');
  held[0]!.fail('network');
  await waitUntil(failureRow, 'the failure row');
  await settle(s.el);
  await frames(4);
  expect(log.scrollTop, 'at the very top').to.equal(0);

  await drag(4);
  await waitUntil(() => held.length === 2, 'dragging down at the top tries again');
  await waitUntil(() => startRow(log)?.textContent?.includes('Loading earlier messages'), 'the loading row again');
  held[1]!.fail('network');
  await waitUntil(failureRow, 'the failure row again');
  await drag(4);
  expect(held, 'one retry per touch gesture').to.have.length(2);

  // The next gesture (the finger lifted a moment) tries again; the page arrives.
  await s.clock.advance(1000);
  await drag(2);
  await waitUntil(() => held.length === 3, 'the next gesture tries again');
  held[2]!.pass();
  await waitUntil(() => !s.service.state.histories[s.id]!.loading, 'the page arrived');
  expect(s.service.state.histories[s.id]!.items.length, 'the older page is shown').to.equal(100);
});

for (const way of ['wheel', 'Home'] as const) {
  it(`at the top by ${way} after the last page: "Start of conversation" is in view`, async () => {
    const s = await open({ messages: 70, width: 360 });
    const { log, held } = s;
    await scrollToTop(log, way);
    await waitUntil(() => held.length === 1, 'the older page requested');
    held[0]!.pass();
    await waitUntil(() => !s.service.state.histories[s.id]!.loading, 'the page arrived');
    await settle(s.el);
    await frames(10);
    expect(s.service.state.histories[s.id]!.hasMore).to.equal(false);
    await scrollToTop(log, way);
    await frames(4);
    const marker = startRow(log)!;
    expect(marker.textContent).to.contain('Start of conversation');
    expect(inView(log, marker), `the marker in view: ${where(log, marker)}`).to.equal(true);
  });
}

/**
 * One wheel turn of the agent's up by `step` px (the event, then the scroll it causes), then the
 * painted frame: how far the message read before it moved on screen, and how far the log scrolled.
 */
async function wheelUpOneFrame(log: HTMLElement, step: number): Promise<{ key: string; moved: number; scrolled: number }> {
  const ref = reading(log);
  const before = log.scrollTop;
  log.dispatchEvent(new WheelEvent('wheel', { deltaY: -step, bubbles: true, composed: true }));
  log.scrollTop -= step;
  const scrolled = before - log.scrollTop;
  await painted();
  return { key: ref.key, moved: offsetOf(log, ref.key) - ref.offset, scrolled };
}

for (const width of [600, 360]) {
  it(`B11 — ${width} px wide, scrolling up through a 10,000-message chat as older pages arrive: every painted frame moves the rows by the amount scrolled`, async () => {
    const s = await open({ messages: 10_000, width, holdOlder: false });
    const { log } = s;
    const step = 100;
    const misses: string[] = [];
    for (let frame = 0; frame < 120; frame++) {
      const { key, moved, scrolled } = await wheelUpOneFrame(log, step);
      if (Math.abs(moved - scrolled) > 1) {
        misses.push(`frame ${frame}: ${key} moved ${moved.toFixed(1)} px for ${scrolled} px scrolled (${s.service.state.histories[s.id]!.items.length} loaded)`);
      }
    }
    expect(s.service.state.histories[s.id]!.items.length, 'two older pages arrived meanwhile').to.be.at.least(150);
    expect(misses, 'frames where the rows did not move with the scroll').to.deep.equal([]);
  });
}

/** What the browser does when shown images cannot be fetched (no network needed here). */
function failShownImages(log: HTMLElement): number {
  const shown = Array.from(log.querySelectorAll<HTMLImageElement>('img.thumb:not([hidden])'));
  for (const img of shown) img.dispatchEvent(new Event('error'));
  return shown.length;
}

for (const width of [600, 360]) {
  it(`B11 — ${width} px wide, scrolling up fast through wrapping text and images that fail as they come into view: every painted frame moves the rows by the amount scrolled`, async () => {
    const s = await open({ messages: 400, width, holdOlder: false, images: true });
    const { log } = s;
    failShownImages(log);
    await frames(10);
    // Already scrolled up a little (leaving the bottom is not what this test is about).
    log.dispatchEvent(new WheelEvent('wheel', { deltaY: -600, bubbles: true, composed: true }));
    log.scrollTop -= 600;
    await frames(6);
    const step = 300;
    const misses: string[] = [];
    let failed = 0;
    for (let frame = 0; frame < 60; frame++) {
      // The images of the rows that came into view fail (a task before the next frame), and the
      // agent flicks the wheel again.
      failed += failShownImages(log);
      const { key, moved, scrolled } = await wheelUpOneFrame(log, step);
      if (Math.abs(moved - scrolled) > 1) misses.push(`frame ${frame}: ${key} moved ${moved.toFixed(1)} px for ${scrolled} px scrolled`);
    }
    expect(failed, 'images failed on the way').to.be.at.least(10);
    expect(s.service.state.histories[s.id]!.items.length, 'older pages arrived meanwhile').to.be.at.least(150);
    expect(misses, 'frames where the rows did not move with the scroll').to.deep.equal([]);
  });
}

/**
 * Change the height of the rows whose top is at or above the top of row `key` (the message read
 * and those above it): their shown images fail (the rows get smaller), or their hidden images show
 * (the rows grow, as when an image loads late). Returns how many images changed.
 */
function changeRowsAbove(log: HTMLElement, key: string, change: 'shrink' | 'grow'): number {
  const limit = log.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(key)}"]`)!.getBoundingClientRect().top + 1;
  const images = Array.from(log.querySelectorAll<HTMLImageElement>(change === 'shrink' ? 'img.thumb:not([hidden])' : 'img.thumb[hidden]')).filter(
    (img) => img.closest('.row')!.getBoundingClientRect().top <= limit,
  );
  for (const img of images) {
    if (change === 'shrink') img.dispatchEvent(new Event('error'));
    else img.hidden = false;
  }
  return images.length;
}

type Leaving = 'images already failed, 100 px turns' | 'images failing as the agent leaves, 300 px turns';

for (const width of [600, 360]) {
  for (const leaving of ['images already failed, 100 px turns', 'images failing as the agent leaves, 300 px turns'] as Leaving[]) {
    it(`B11 — ${width} px wide, leaving the bottom (${leaving}), images of rows coming into range fail: from the first painted frame on, the message read moves by the amount scrolled`, async () => {
      const s = await open({ messages: 400, width, height: 600, holdOlder: false, images: true });
      const { log } = s;
      const step = leaving.includes('100 px') ? 100 : 300;
      if (leaving.includes('already failed')) {
        failShownImages(log);
        await frames(10);
      }
      expect(log.scrollHeight - log.scrollTop - log.clientHeight, 'at the bottom').to.be.at.most(2);
      const misses: string[] = [];
      let failed = 0;
      for (let frame = 0; frame < 2400 / step; frame++) {
        // In the same task as the wheel turn, the images of the rows in range fail.
        failed += failShownImages(log);
        const { key, moved, scrolled } = await wheelUpOneFrame(log, step);
        if (Math.abs(moved - scrolled) > 1) misses.push(`frame ${frame}: ${key} moved ${moved.toFixed(1)} px for ${scrolled} px scrolled`);
      }
      expect(failed, 'images failed on the way').to.be.at.least(2);
      expect(misses, 'frames where the message read did not move with the scroll').to.deep.equal([]);
    });
  }

  for (const change of ['shrink', 'grow'] as const) {
    const how = change === 'shrink' ? 'get smaller (images fail)' : 'grow (images show late)';
    it(`B11 — ${width} px wide, just after leaving the bottom, rows at and above the message read ${how}: it does not move`, async () => {
      const s = await open({ messages: 400, width, height: 600, holdOlder: false, images: true });
      const { log } = s;
      // The agent leaves the bottom (one wheel turn) and stops.
      await wheelUpOneFrame(log, 300);
      if (change === 'grow') {
        // The images in range have not loaded yet (hidden).
        for (const img of Array.from(log.querySelectorAll<HTMLImageElement>('img.thumb'))) img.hidden = true;
        await frames(10);
      }
      const misses: string[] = [];
      let changed = 0;
      for (let frame = 0; frame < 6; frame++) {
        const read = reading(log);
        changed += changeRowsAbove(log, read.key, change);
        await painted();
        const moved = offsetOf(log, read.key) - read.offset;
        if (Math.abs(moved) > 1) misses.push(`frame ${frame}: ${read.key} moved ${moved.toFixed(1)} px`);
      }
      expect(changed, 'rows changed height at and above the message read').to.be.at.least(1);
      expect(misses, 'frames where the message read moved').to.deep.equal([]);
    });
  }
}

for (const width of [600, 360]) {
  it(`B11 — ${width} px wide, leaving the bottom of a chat whose images the browser cannot load (they fail by themselves as they load): every painted frame moves the message read by the amount scrolled`, async () => {
    const s = await open({ messages: 400, width, height: 600, holdOlder: false, images: 'broken' });
    const { log } = s;
    await waitUntil(() => log.querySelector('img.thumb[hidden]'), 'an image failed by itself');
    await frames(6);
    const misses: string[] = [];
    for (let frame = 0; frame < 24; frame++) {
      const { key, moved, scrolled } = await wheelUpOneFrame(log, 150);
      if (Math.abs(moved - scrolled) > 1) misses.push(`frame ${frame}: ${key} moved ${moved.toFixed(1)} px for ${scrolled} px scrolled`);
    }
    expect(log.querySelectorAll('img.thumb[hidden]').length, 'images failed on the way').to.be.at.least(2);
    expect(misses, 'frames where the message read did not move with the scroll').to.deep.equal([]);
  });
}

it('an image that could not be loaded starts hidden when its row is rendered again (scrolled out of range and back)', async () => {
  const s = await open({ messages: 400, width: 600, holdOlder: false, images: true });
  const { log } = s;
  const img = log.querySelector<HTMLImageElement>('img.thumb')!;
  const key = img.closest<HTMLElement>('.row')!.dataset.key!;
  img.dispatchEvent(new Event('error'));
  expect(img.hidden).to.equal(true);
  const height = log.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(key)}"]`)!.getBoundingClientRect().height;
  // Far enough up that the row leaves the virtualizer's range, then back down to the bottom.
  for (let i = 0; i < 20 && log.querySelector(`.row[data-key="${CSS.escape(key)}"]`); i++) {
    log.scrollTop -= 400;
    await frames(2);
  }
  expect(log.querySelector(`.row[data-key="${CSS.escape(key)}"]`), 'the row left the range').to.equal(null);
  log.scrollTop = log.scrollHeight;
  const again = await waitUntil(() => log.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(key)}"]`), 'the row rendered again');
  const thumb = again.querySelector<HTMLImageElement>('img.thumb')!;
  expect(thumb, 'a new image element').to.not.equal(img);
  expect(thumb.hidden, 'hidden from the start').to.equal(true);
  expect(again.getBoundingClientRect().height).to.be.closeTo(height, 1);
});
});
