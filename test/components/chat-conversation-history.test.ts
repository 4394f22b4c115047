/**
 * The conversation's message history as a virtualized, paged log: older pages on scrolling up
 * (B10), pinning and the "new messages" control (B11), geometry of variable-height rows on resize
 * (B13) and live-region behaviour (B25).
 */
import { expect, fixture } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { html } from 'lit';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, deepAll, deepQuery, deepText, queryByRole, settle, waitUntil } from '../helpers.js';

interface Opened {
  backend: InMemoryChatBackend;
  service: ChatService;
  id: string;
  el: ChatConversation;
  box: HTMLElement;
}

/**
 * A demo backend with one answered chat of "Mira Okafor" holding `messages` messages in total,
 * shown in a conversation inside a box of the given size.
 */
async function open(
  options: {
    messages: number;
    pageSize?: number;
    width?: number;
    height?: number;
    texts?: (n: number) => string;
    wrap?: (backend: InMemoryChatBackend) => void;
  },
): Promise<Opened> {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const service = new ChatService({ backend, clock, pageSize: options.pageSize });
  await service.ready;
  const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: options.texts?.(1) ?? 'm1' });
  await service.answer(id);
  let n = backend.inspect.messages(id).length;
  while (n < options.messages) {
    n++;
    backend.script.customerWrites(id, options.texts?.(n) ?? `m${n}`);
  }
  options.wrap?.(backend);
  const provider = await fixture<HTMLElement>(
    html`<chat-provider .service=${service}>
      <div style="width: ${options.width ?? 600}px; height: ${options.height ?? 400}px">
        <chat-conversation></chat-conversation>
      </div>
    </chat-provider>`,
  );
  const el = provider.querySelector<ChatConversation>('chat-conversation')!;
  await waitUntil(() => service.state.histories[id]?.loaded, 'history loaded');
  // The history's code is a lazy part, loaded with the first chat shown.
  await waitUntil(() => deepQuery(el, '.row[data-message-id]'), 'the history rendered');
  await settle(el);
  await frames(3);
  return { backend, service, id, el, box: provider.querySelector('div')! };
}

function frames(count = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(count);
  });
}

/**
 * Resolves after the next frame's rendering steps (animation-frame callbacks, style, layout,
 * ResizeObserver callbacks, paint): a task queued from the animation-frame callback runs after
 * them, so the DOM then shows what that frame painted.
 */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Whether `row` is laid out with its bottom edge inside the log's viewport (±2 px). */
function bottomInView(logEl: HTMLElement, row: Element | null | undefined): boolean {
  if (!row) return false;
  const r = row.getBoundingClientRect();
  const v = logEl.getBoundingClientRect();
  return r.height > 0 && r.bottom <= v.bottom + 2 && r.bottom > v.top;
}

/** The rows of the log in view neither overlap nor leave gaps (±1 px). */
function expectRowsTouchingInView(logEl: HTMLElement, what: string): void {
  const view = logEl.getBoundingClientRect();
  const boxes = Array.from(logEl.children)
    .filter((c) => !c.hasAttribute('virtualizer-sizer'))
    .map((r) => r.getBoundingClientRect())
    .filter((b) => b.bottom > view.top && b.top < view.bottom)
    .sort((a, b) => a.top - b.top);
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.top - boxes[i - 1]!.bottom, `${what}: no gap or overlap before row ${i} in view`).to.be.within(-1, 1);
  }
}

function log(el: Element): HTMLElement {
  return byRole(el, 'log');
}

/** The rendered message row of message `text` (rows carry their text in `.body`). */
function rowOf(el: Element, text: string): HTMLElement | undefined {
  return (deepAll(el, '.row[data-message-id]') as HTMLElement[]).find((r) => r.querySelector('.body')?.textContent?.trim() === text);
}

/** Offset (px) of `row`'s top from the top of the log's viewport. */
function offsetIn(logEl: HTMLElement, row: HTMLElement): number {
  return row.getBoundingClientRect().top - logEl.getBoundingClientRect().top;
}

function distanceFromBottom(logEl: HTMLElement): number {
  return logEl.scrollHeight - logEl.scrollTop - logEl.clientHeight;
}

/** Wait (up to 5 s: the virtualizer settles over frames, which come slowly on a loaded machine) until the log is at the bottom. */
async function atBottom(el: Element): Promise<void> {
  await waitUntil(() => distanceFromBottom(log(el)) <= 2, 'log at the bottom', 5000);
}

describe('<chat-conversation> history', () => {
  describe('paging', () => {
    it('B10 — scrolling to the top loads one older page, keeps the first message in place, then shows the start', async () => {
      const calls: number[] = [];
      let pending: Promise<unknown> | undefined;
      let release = () => {};
      const s = await open({
        messages: 100,
        pageSize: 20,
        texts: (n) => `m${n}`,
        wrap: (backend) => {
          const real = backend.getMessages.bind(backend);
          backend.getMessages = (sessionId, options) => {
            if (options?.beforeSeq === undefined) return real(sessionId, options);
            calls.push(options.beforeSeq);
            // loadOlder: 20 per page, answered after 30 ms (and not before the test has looked
            // at the loading state, so a slow frame cannot race the answer).
            const gate = new Promise<void>((r) => (release = r));
            const page = Promise.all([new Promise((r) => setTimeout(r, 30)), gate]).then(() => real(sessionId, options));
            pending = page;
            return page;
          };
        },
      });
      const list = log(s.el);
      expect(s.service.state.histories[s.id]!.items.map((m) => m.text)[0]).to.equal('m81');
      await atBottom(s.el);

      let oldest = 81;
      for (let page = 1; page <= 4; page++) {
        // Scroll to the very top; the oldest loaded message is then in view.
        list.scrollTop = 0;
        await waitUntil(() => calls.length === page, `older page ${page} requested`);
        await frames(1);
        // A loading indicator shows while fetching.
        expect(list.getAttribute('aria-busy')).to.equal('true');
        expect(deepText(list)).to.contain('Loading earlier messages');
        const first = rowOf(s.el, `m${oldest}`)!;
        expect(first, `m${oldest} rendered at the top`).to.exist;
        const before = offsetIn(list, first);
        release();
        await pending;
        await settle(s.el);
        await frames(2);
        expect(calls, 'exactly one call per scroll to the top').to.have.length(page);
        const after = rowOf(s.el, `m${oldest}`)!;
        expect(Math.abs(offsetIn(list, after) - before), `m${oldest} keeps its offset`).to.be.at.most(2);
        expect(rowOf(s.el, `m${oldest - 1}`), 'the older page is shown above').to.exist;
        // No second call until the agent scrolls up again.
        await frames(5);
        await new Promise((r) => setTimeout(r, 60));
        expect(calls).to.have.length(page);
        oldest -= 20;
      }
      // All 100 loaded: the adapter has no more.
      expect(s.service.state.histories[s.id]!.hasMore).to.equal(false);
      list.scrollTop = 0;
      await frames(3);
      await new Promise((r) => setTimeout(r, 60));
      expect(calls).to.have.length(4);
      expect(deepText(list)).to.contain('Start of conversation');
      expect(queryByRole(s.el, 'button', 'Load earlier messages')).to.equal(null);
    });

    it('offers "Load earlier messages" at the top when the first page does not fill the log', async () => {
      const s = await open({ messages: 30, pageSize: 3, height: 700 });
      const button = byRole(s.el, 'button', 'Load earlier messages');
      button.click();
      await waitUntil(() => s.service.state.histories[s.id]!.items.length === 6, 'second page');
      expect(deepText(log(s.el))).to.contain('m25');
    });
  });

  describe('pinning', () => {
    it('B11 — an incoming message does not move an agent who scrolled up; "1 new message" counts and jumps', async () => {
      const s = await open({ messages: 40, pageSize: 50 });
      const list = log(s.el);
      await atBottom(s.el);
      list.scrollTop = list.scrollHeight - list.clientHeight - 600;
      await frames(3);
      const top = list.scrollTop;
      expect(distanceFromBottom(list)).to.be.closeTo(600, 2);

      s.backend.script.customerWrites(s.id, 'a new question');
      await settle(s.el);
      await frames(3);
      expect(Math.abs(list.scrollTop - top), 'scrollTop unchanged').to.be.at.most(1);
      byRole(s.el, 'button', /^1 new message$/);

      s.backend.script.customerWrites(s.id, 'and another one');
      await settle(s.el);
      await frames(3);
      expect(Math.abs(list.scrollTop - top)).to.be.at.most(1);
      const jump = byRole(s.el, 'button', /^2 new messages$/);
      jump.click();
      await atBottom(s.el);
      await settle(s.el);
      expect(queryByRole(s.el, 'button', /new message/)).to.equal(null);
      expect(rowOf(s.el, 'and another one')).to.exist;
    });

    it('B11 — the agent scrolling up just as a message arrives (while the log settles at the bottom) is not pulled back down', async () => {
      const s = await open({ messages: 40, pageSize: 50 });
      const list = log(s.el);
      await atBottom(s.el);
      for (const wait of [0, 1, 2]) {
        s.backend.script.customerWrites(s.id, `arrives ${wait}`);
        await settle(s.el, 1);
        await frames(wait);
        // The agent's wheel: its event, then the scroll it causes.
        list.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, bubbles: true }));
        list.scrollTop -= 300;
        const top = list.scrollTop;
        await frames(5);
        expect(Math.abs(list.scrollTop - top), `${wait} frame(s) after the message: the agent's scroll holds`).to.be.at.most(2);
        expect(distanceFromBottom(list)).to.be.greaterThan(200);
        // Back to the bottom for the next round.
        list.scrollTop = list.scrollHeight;
        await atBottom(s.el);
        await frames(3);
      }
    });

    it('B11 — control: at the bottom an incoming message keeps the log at the bottom', async () => {
      const s = await open({ messages: 40, pageSize: 50 });
      await atBottom(s.el);
      s.backend.script.customerWrites(s.id, 'x'.repeat(300));
      await settle(s.el);
      await frames(3);
      expect(distanceFromBottom(log(s.el))).to.be.at.most(2);
      expect(queryByRole(s.el, 'button', /new message/)).to.equal(null);
    });

    it("B11 — control: the agent's own sent message always scrolls to the bottom", async () => {
      const s = await open({ messages: 40, pageSize: 50 });
      const list = log(s.el);
      await atBottom(s.el);
      list.scrollTop = 0;
      await frames(3);
      byRole<HTMLTextAreaElement>(s.el, 'textbox', 'Message').focus();
      await sendKeys({ type: 'my own reply' });
      await sendKeys({ press: 'Enter' });
      await settle(s.el);
      await atBottom(s.el);
      expect(rowOf(s.el, 'my own reply')).to.exist;
      expect(queryByRole(s.el, 'button', /new message/)).to.equal(null);
    });

    it('opening a long chat paints its newest message at the bottom in the first frame, with rows around it (no blank log)', async () => {
      const clock = new FakeClock('2026-11-30T09:00:00Z');
      const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false, longChatMessages: 2000 });
      const service = new ChatService({ backend, clock });
      await service.ready;
      const id = backend.inspect.sessions().find((session) => backend.inspect.messages(session.id).length === 2000)!.id;
      const newest = backend.inspect.messages(id).at(-1)!;
      const box = await fixture<HTMLElement>(html`<div style="width: 600px; height: 500px"></div>`);
      // Start from a task of its own (fixture() may resolve inside a frame's callbacks, before that
      // frame's layout).
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Put the conversation in the page in one go, as a host opening a chat does, and look at the
      // very next frame.
      const provider = document.createElement('chat-provider') as HTMLElement & { service: ChatService };
      provider.service = service;
      provider.style.cssText = 'display: block; height: 100%';
      const el = document.createElement('chat-conversation');
      el.setAttribute('session-id', id);
      el.style.cssText = 'display: block; height: 100%';
      provider.append(el);
      box.append(provider);
      await painted();
      const list = log(el);
      const row = deepQuery(el, `.row[data-message-id="${newest.id}"]`);
      expect(row, 'the newest message is rendered in the first frame').to.exist;
      expect(bottomInView(list, row), 'the newest message is at the bottom of the log in the first frame').to.equal(true);
      // The rows above it fill the log up to its top edge: no blank part of the log is painted.
      const rows = Array.from(list.children).filter((c) => !c.hasAttribute('virtualizer-sizer'));
      const tops = rows.map((r) => r.getBoundingClientRect().top);
      expect(Math.min(...tops), 'rows reach the top of the log').to.be.at.most(list.getBoundingClientRect().top);
      expect(distanceFromBottom(list)).to.be.at.most(2);
      expectRowsTouchingInView(list, 'first frame');
    });

    it('switching to another chat shows only its rows, its newest message at the bottom, and pins again', async () => {
      const s = await open({ messages: 120, pageSize: 50, texts: (n) => `first chat ${n}` });
      await atBottom(s.el);
      // A second chat with a history of its own, not loaded yet.
      const other = s.backend.script.customerArrives({ channelId: 'sales', name: 'Jonas Verbeek', text: 'second chat 1' });
      await s.service.answer(other);
      for (let n = 2; n <= 80; n++) s.backend.script.customerWrites(other, `second chat ${n}`);
      s.el.setAttribute('session-id', other);
      await waitUntil(() => s.service.state.histories[other]?.loaded, 'second history loaded');
      await settle(s.el);
      await painted();
      const list = log(s.el);
      expect(list.getAttribute('aria-label')).to.equal('Conversation with Jonas Verbeek');
      const texts = (deepAll(s.el, '.row[data-message-id] .body') as HTMLElement[]).map((b) => b.textContent!.trim());
      expect(texts.length).to.be.greaterThan(3);
      expect(texts.every((t) => t.startsWith('second chat')), 'no row of the first chat is left').to.equal(true);
      expect(bottomInView(list, rowOf(s.el, 'second chat 80'))).to.equal(true);
      await atBottom(s.el);
      s.backend.script.customerWrites(other, 'second chat 81');
      await settle(s.el);
      await painted();
      expect(bottomInView(list, rowOf(s.el, 'second chat 81')), 'pinned to the bottom in the new chat').to.equal(true);
      // And back to the first chat (its history is kept): its newest message at the bottom.
      s.el.setAttribute('session-id', s.id);
      await settle(s.el);
      await frames(2);
      expect(bottomInView(list, rowOf(s.el, 'first chat 120'))).to.equal(true);
    });

    it('B11 — an incoming message at the bottom is painted in view in the next frame, short or long', async () => {
      const s = await open({ messages: 200, pageSize: 50 });
      await atBottom(s.el);
      const list = log(s.el);
      for (const text of ['ok', 'x '.repeat(200).trim(), 'thanks', 'y'.repeat(300)]) {
        s.backend.script.customerWrites(s.id, text);
        const newest = s.backend.inspect.messages(s.id).at(-1)!;
        await painted();
        expect(bottomInView(list, deepQuery(s.el, `.row[data-message-id="${newest.id}"]`)), `"${text.slice(0, 10)}…" in view in the next frame`).to.equal(true);
        expectRowsTouchingInView(list, `next frame after "${text.slice(0, 10)}…"`);
        await frames(2);
        expect(distanceFromBottom(list), 'still at the bottom').to.be.at.most(2);
      }
    });

    it('stays at the bottom when the newest message grows', async () => {
      const s = await open({ messages: 40, pageSize: 50 });
      await atBottom(s.el);
      const last = rowOf(s.el, 'm40')!;
      last.querySelector<HTMLElement>('.body')!.style.height = '300px';
      await frames(4);
      await atBottom(s.el);
    });
  });

  describe('images that change size late', () => {
    /**
     * The customer sends an image; resolves with its thumbnail once rendered (200 × 140 px until
     * it fails). The demo's file URLs are not reachable from the test browser, which may already
     * have failed it: the thumbnail is given a local image and shown again, so only the test
     * decides when it fails.
     */
    async function customerImage(s: Opened, name: string): Promise<HTMLImageElement> {
      s.backend.script.customerSendsFile(s.id, { name, size: 204_800, type: 'image/jpeg' });
      await settle(s.el);
      const img = await waitUntil(
        () => (deepAll(s.el, 'a') as HTMLAnchorElement[]).find((a) => a.textContent?.includes(name))?.querySelector<HTMLImageElement>('img.thumb') ?? null,
        `the thumbnail of ${name}`,
      );
      img.src = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="14"/>');
      img.hidden = false;
      await frames(3);
      return img;
    }

    it('a thumbnail that fails to load shrinks its row: at the bottom the log stays at the bottom, rows neither overlap nor leave gaps', async () => {
      const s = await open({ messages: 40, pageSize: 50 });
      const list = log(s.el);
      const img = await customerImage(s, 'damage.jpg');
      await atBottom(s.el);
      const row = img.closest<HTMLElement>('.row')!;
      const before = row.getBoundingClientRect().height;
      // What the browser does when the image cannot be fetched (no network needed here).
      img.dispatchEvent(new Event('error'));
      await frames(4);
      expect(img.hidden).to.equal(true);
      expect(row.getBoundingClientRect().height, 'the row shrank').to.be.below(before - 100);
      expect(distanceFromBottom(list), 'still at the bottom').to.be.at.most(2);
      expectRowsTouchingInView(list, 'after the thumbnail went');
      expect(bottomInView(list, row)).to.equal(true);
    });

    it('scrolled up, a thumbnail failing below the view does not move the messages the agent reads', async () => {
      const s = await open({ messages: 40, pageSize: 50 });
      const list = log(s.el);
      const img = await customerImage(s, 'receipt.jpg');
      s.backend.script.customerWrites(s.id, 'one more line after the image');
      await settle(s.el);
      await atBottom(s.el);
      // A moment later (the virtualizer treats a scroll within two frames of its own correction
      // as its own and keeps the pin).
      await frames(5);
      // Scroll up until the image's row starts 60 px below the view (still rendered: the
      // virtualizer keeps rows just outside the view).
      const imageRow = img.closest<HTMLElement>('.row')!;
      list.scrollTop -= list.getBoundingClientRect().bottom - imageRow.getBoundingClientRect().top + 60;
      await frames(3);
      expect(img.isConnected, 'the image row is still rendered').to.equal(true);
      const reading = (deepAll(s.el, '.row[data-message-id]') as HTMLElement[]).find((r) => {
        const b = r.getBoundingClientRect();
        const v = list.getBoundingClientRect();
        return b.top >= v.top && b.bottom <= v.bottom;
      })!;
      const offset = offsetIn(list, reading);
      expect(img.getBoundingClientRect().top, 'the image is below the view').to.be.greaterThan(list.getBoundingClientRect().bottom);
      img.dispatchEvent(new Event('error'));
      await frames(4);
      expect(offsetIn(list, reading), 'the row in view did not move').to.be.closeTo(offset, 1);
      expectRowsTouchingInView(list, 'scrolled up, after the thumbnail went');
    });
  });

  describe('virtualization', () => {
    it('B13 — rows of varied length neither overlap nor leave gaps after a resize, and the last one scrolls fully into view', async () => {
      const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore'.split(' ');
      // Deterministic lengths from 5 to 400 characters.
      const text = (n: number) => {
        const length = 5 + ((n * 7919) % 396);
        let out = `m${n} `;
        for (let i = 0; out.length < length; i++) out += `${words[(n + i) % words.length]} `;
        return out.slice(0, length).trim();
      };
      const s = await open({ messages: 500, pageSize: 500, texts: text, width: 600, height: 500 });
      const list = log(s.el) as HTMLElement & { [virtualizerRef]: { element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } } };
      const items = s.service.state.histories[s.id]!.items;
      expect(items).to.have.length(500);
      const indexOf = (messageId: string) =>
        1 + 1 + items.findIndex((m) => m.id === messageId); // start row, one day separator
      const target = items[249]!;
      list[virtualizerRef].element(indexOf(target.id)).scrollIntoView({ block: 'start' });
      await frames(4);
      const inView = () => {
        const box = list.getBoundingClientRect();
        return (deepAll(s.el, '.row[data-message-id]') as HTMLElement[]).filter((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > box.top && b.top < box.bottom;
        });
      };
      const firstInView = inView()[0]!.dataset.messageId;

      s.box.style.width = '320px';
      await frames(3);
      await settle(s.el);
      await frames(3);

      const rendered = Array.from(list.children)
        .filter((c) => !c.hasAttribute('virtualizer-sizer'))
        .map((c) => c.getBoundingClientRect())
        .sort((a, b) => a.top - b.top);
      expect(rendered.length).to.be.greaterThan(5);
      for (let i = 1; i < rendered.length; i++) {
        const prev = rendered[i - 1]!;
        const next = rendered[i]!;
        expect(next.top, `row ${i} does not overlap the one before`).to.be.at.least(prev.bottom - 1);
        expect(next.top - prev.bottom, `no gap before row ${i}`).to.be.at.most(1);
      }
      const ids = inView().map((r) => r.dataset.messageId);
      expect(ids.includes(target.id) || ids.includes(firstInView), 'message 250 (or the first in view) stays in view').to.equal(true);

      list[virtualizerRef].element(indexOf(items[499]!.id)).scrollIntoView({ block: 'end' });
      await frames(4);
      await waitUntil(() => {
        const last = deepQuery<HTMLElement>(s.el, `.row[data-message-id="${items[499]!.id}"]`);
        return last && Math.abs(last.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom) <= 2;
      }, 'the last message fully visible at the bottom');
    });

    it('renders only the rows near the viewport of a long history', async () => {
      const s = await open({ messages: 400, pageSize: 400 });
      expect(s.service.state.histories[s.id]!.items).to.have.length(400);
      const rendered = deepAll(s.el, '.row[data-message-id]').length;
      expect(rendered).to.be.greaterThan(3);
      expect(rendered).to.be.at.most(100);
    });
  });

  describe('live region', () => {
    it('B25 — one new message adds exactly one node to the log and keeps the earlier ones', async () => {
      const s = await open({ messages: 10, height: 700 });
      const list = log(s.el);
      expect(list.getAttribute('role')).to.equal('log');
      const before = Array.from(list.children).filter((c) => !c.hasAttribute('virtualizer-sizer'));
      const messages = before.filter((c) => c.matches('.row[data-message-id]'));
      expect(messages).to.have.length(10);

      s.backend.script.customerWrites(s.id, 'Is my parcel on its way?');
      await settle(s.el);
      await frames(2);
      const after = Array.from(list.children).filter((c) => !c.hasAttribute('virtualizer-sizer'));
      const added = after.filter((c) => !before.includes(c));
      expect(added).to.have.length(1);
      expect(added[0]!.textContent).to.contain('Is my parcel on its way?');
      for (const node of messages) expect(after.includes(node), 'earlier node kept').to.equal(true);

      // The typing indicator lives outside the log.
      s.backend.script.customerTyping(s.id, true);
      await settle(s.el);
      expect(deepText(s.el)).to.contain('is typing');
      expect(deepText(list)).to.not.contain('is typing');

      // The accessibility tree shows the new message with its author.
      type AxNode = { role?: string; name?: string; children?: AxNode[] };
      const snapshot = (await a11ySnapshot({})) as unknown as AxNode & { children: AxNode[] };
      const found = findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'log' && node.name === 'Conversation with Mira Okafor');
      expect(found).to.exist;
      const texts: string[] = [];
      const walk = (node: AxNode) => {
        if (node.name) texts.push(node.name);
        for (const child of node.children ?? []) walk(child);
      };
      walk(found!);
      const joined = texts.join(' | ');
      expect(joined).to.contain('Is my parcel on its way?');
      expect(joined).to.contain('Mira Okafor');
    });

    it('B25 — a failed send is announced through role="alert"', async () => {
      const s = await open({ messages: 5 });
      s.backend.sendMessage = () => Promise.reject(new Error('network'));
      byRole<HTMLTextAreaElement>(s.el, 'textbox', 'Message').focus();
      await sendKeys({ type: 'will fail' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepQuery(s.el, '.row[data-status="failed"]'), 'failed');
      await settle(s.el);
      const alert = byRole(s.el, 'alert');
      expect(alert.textContent).to.contain('Failed');
    });
  });

  describe('long messages', () => {
    /** A pasted log: `lines` lines of markdown, about 64 characters each. */
    const log = (lines: number) =>
      Array.from({ length: lines }, (_, i) => `line ${i + 1}: **status** ok, see https://example.com/${i} for _details_`).join('\n');

    it('a message over 3,000 characters shows its start and "Show full message"; expanding and collapsing work with the keyboard', async () => {
      const long = log(800); // about 55,000 characters
      const s = await open({ messages: 4, texts: (n) => (n === 3 ? long : `m${n}`) });
      const id = s.backend.inspect.messages(s.id).find((m) => m.text === long)!.id;
      const row = () => deepQuery<HTMLElement>(s.el, `.row[data-message-id="${id}"]`)!;
      const body = () => row().querySelector('.body')!.textContent!;
      await waitUntil(() => row() && body().includes('line 1: status ok'), 'the long message rendered, as markdown');
      expect(body().length).to.be.below(3_100);
      expect(body()).to.contain('line 1: status ok').and.not.contain('line 800:');
      expect(body().trimEnd()).to.match(/…$/);
      const button = queryByRole<HTMLButtonElement>(row(), 'button', 'Show full message')!;
      expect(button, 'Show full message').to.exist;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      // The other messages have no such control.
      expect(queryByRole(s.el, 'button', 'Show full message')).to.equal(button);

      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => body().includes('line 800:'), 'expanded');
      expect(body()).to.contain('line 400: status ok');
      const less = queryByRole<HTMLButtonElement>(row(), 'button', 'Show less')!;
      expect(less.getAttribute('aria-expanded')).to.equal('true');

      less.click();
      await waitUntil(() => !body().includes('line 800:'), 'collapsed');
      expect(queryByRole(row(), 'button', 'Show full message')).to.exist;
    });

    it('a message of exactly 3,000 characters is shown whole, without the control', async () => {
      const text = 'x'.repeat(2_999) + 'y';
      const s = await open({ messages: 3, texts: (n) => (n === 3 ? text : `m${n}`) });
      const id = s.backend.inspect.messages(s.id).find((m) => m.text === text)!.id;
      await waitUntil(() => deepQuery(s.el, `.row[data-message-id="${id}"]`), 'rendered');
      expect(deepQuery(s.el, `.row[data-message-id="${id}"] .body`)!.textContent).to.contain('xy');
      expect(queryByRole(s.el, 'button', 'Show full message')).to.equal(null);
    });
  });
});
