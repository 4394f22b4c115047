import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { html } from 'lit';
import type { SendMessageInput } from '../../src/backend/adapter.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import type { ChatMessage } from '../../src/model/message.js';
import {
  type Setup,
  allByRole,
  byRole,
  deepActiveElement,
  deepAll,
  deepQuery,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
  openConversation,
} from '../helpers.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/** A demo backend with one answered chat of "Mira Okafor", selected and shown in a conversation. */
const openChat = openConversation;

function log(el: Element): HTMLElement {
  return byRole(el, 'log');
}

/**
 * The virtualizer's own signal that the layout it is doing now (rows rendered, measured, pin
 * applied) is finished. Ask for it right after the change, before that layout ends.
 */
function layoutComplete(list: HTMLElement): Promise<void> {
  return (list as HTMLElement & { [virtualizerRef]: { layoutComplete: Promise<void> } })[virtualizerRef].layoutComplete;
}

function composer(el: Element): HTMLTextAreaElement {
  return byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
}

/** The message rows in DOM order. */
function rows(el: Element): HTMLElement[] {
  return deepAll(el, '.row[data-message-id]') as HTMLElement[];
}

/** Rows of the agent's own messages. */
function ownRows(el: Element): HTMLElement[] {
  return rows(el).filter((r) => r.classList.contains('agent'));
}

async function type(el: Element, text: string): Promise<void> {
  composer(el).focus();
  await sendKeys({ type: text });
  await settle(el);
}

async function pressEnter(el: Element): Promise<void> {
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Replace the adapter's sendMessage with `impl`, recording the calls; the real one stays available. */
function stubSend(
  s: Setup,
  impl: (real: (sessionId: string, input: SendMessageInput) => Promise<ChatMessage>, sessionId: string, input: SendMessageInput) => Promise<ChatMessage>,
): SendMessageInput[] {
  const calls: SendMessageInput[] = [];
  const real = s.backend.sendMessage.bind(s.backend);
  s.backend.sendMessage = (sessionId: string, input: SendMessageInput) => {
    calls.push(input);
    return impl(real, sessionId, input);
  };
  return calls;
}

describe('<chat-conversation>', () => {
  afterEach(() => {
    delete window.__xss;
  });

  describe('states', () => {
    it('explains that a chat service is missing when no provider is above it', async () => {
      const el = await fixture<ChatConversation>(html`<chat-conversation></chat-conversation>`);
      expect(deepText(el)).to.contain('No chat service');
    });

    it('shows a helpful empty state when no session is selected', async () => {
      const s = await setup();
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
      expect(deepText(el)).to.contain('Select a chat from the list, or get the next customer from the queue');
      expect(queryByRole(el, 'log')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the selected session with the customer name, channel and status in the header', async () => {
      const { el } = await openChat();
      const header = deepQuery(el, 'header')!;
      expect(deepText(header)).to.contain('Mira Okafor');
      expect(deepText(header)).to.contain('Sales website');
      expect(deepText(header)).to.contain('Waiting for customer');
      expect(header.querySelector('bdi')?.textContent).to.equal('Mira Okafor');
    });

    it('follows the session-id attribute rather than the selection', async () => {
      const s = await setup();
      const a = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello' });
      const b = s.backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hi' });
      await s.service.answer(a);
      await s.service.answer(b);
      s.service.selectSession(a);
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${b}></chat-conversation>`);
      expect(deepText(deepQuery(el, 'header')!)).to.contain('Tomasz Weber');
    });

    it('has a labelled log, the messages and no accessibility violations, also with a failed message', async () => {
      const s = await openChat({ sendTimeoutMs: 1000 });
      stubSend(s, () => Promise.reject(new Error('network')));
      await type(s.el, 'Could you share the order number?');
      await pressEnter(s.el);
      await waitUntil(() => deepQuery(s.el, '.row[data-status="failed"]'), 'failed bubble');
      await settle(s.el);
      expect(log(s.el).getAttribute('aria-label')).to.equal('Conversation with Mira Okafor');
      await expect(s.el).to.be.accessible();
    });
  });

  describe('header', () => {
    it("keeps the channel, its separator and the chat's state on one line at every width, the channel giving way first", async () => {
      const { el } = await openChat();
      const sub = deepQuery<HTMLElement>(el, '.header .sub')!;
      const [channel, sep, status] = ['.channel', '.sep', '.status'].map((s) => sub.querySelector<HTMLElement>(s)!);
      for (const width of [1000, 700, 560, 480, 420, 360, 300]) {
        el.style.width = `${width}px`;
        await settle(el);
        const [c, d, t] = [channel, sep, status].map((n) => n.getBoundingClientRect());
        expect(Math.abs(d.top - t.top), `${width} px: the separator and the state on one line`).to.be.at.most(2);
        expect(Math.abs(c.top - d.top), `${width} px: the channel on that line too`).to.be.at.most(2);
        expect(t.right, `${width} px: the state is not cut off`).to.be.at.most(sub.getBoundingClientRect().right + 1);
        expect(status.scrollWidth, `${width} px: the state shows whole`).to.be.at.most(status.clientWidth + 1);
      }
    });
  });

  describe('watching', () => {
    it('reading a conversation clears its unread count and keeps it at 0 for new messages', async () => {
      const { el, backend, service, id } = await openChat();
      backend.script.customerWrites(id, 'Are you there?');
      await settle(el);
      expect(service.state.sessions[id]!.unreadCount).to.equal(0);
      expect(deepText(log(el))).to.contain('Are you there?');
    });

    it('while hidden (display: none) or in a hidden browser tab it shows new messages but leaves them unread; shown again, it reads them', async () => {
      // The page's visibility is set by the test, not left to the browser: in the full suite another
      // test page can be brought to the front (sendKeys), which hides this one and would keep the
      // chat unread for a reason other than the one under test.
      const setVisibility = (state: DocumentVisibilityState) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      setVisibility('visible');
      try {
        const { el, backend, service, id } = await openChat();
        el.style.display = 'none';
        await waitUntil(() => {
          backend.script.customerWrites(id, 'While hidden');
          return service.state.sessions[id]!.unreadCount > 0;
        }, 'an unread message while hidden', 5000);
        el.style.display = '';
        await waitUntil(() => service.state.sessions[id]!.unreadCount === 0, 'read once shown', 5000);

        // The browser tab goes to the background.
        setVisibility('hidden');
        backend.script.customerWrites(id, 'While the browser tab is hidden');
        await settle(el);
        expect(service.state.sessions[id]!.unreadCount).to.equal(1);
        expect(deepText(log(el)), 'shown all the same').to.contain('While the browser tab is hidden');
        setVisibility('visible');
        await waitUntil(() => service.state.sessions[id]!.unreadCount === 0, 'read once the tab is back', 5000);
      } finally {
        delete (document as { visibilityState?: unknown }).visibilityState;
      }
    });

    it('releases the watch when removed and keeps exactly one when moved', async () => {
      const { el, backend, service, id } = await openChat();
      const provider = el.parentElement!;
      const box = document.createElement('div');
      provider.append(box);
      box.append(el); // move
      await settle(el);
      backend.script.customerWrites(id, 'Still reading?');
      await settle(el);
      expect(service.state.sessions[id]!.unreadCount).to.equal(0);
      el.remove();
      await settle();
      backend.script.customerWrites(id, 'Hello?');
      await settle();
      expect(service.state.sessions[id]!.unreadCount).to.equal(1);
    });
  });

  describe('lifecycle', () => {
    // Subscriptions, listeners and timers: test/reliability/leaks.test.ts (B27, 500 mounts).
    it('B27: mounting and removing 50 times leaves no watch of the session behind', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      await s.service.answer(id);
      const provider = await fixture<HTMLElement>(html`<chat-provider .service=${s.service}></chat-provider>`);
      for (let i = 0; i < 50; i++) {
        const el = document.createElement('chat-conversation');
        el.setAttribute('session-id', id);
        provider.append(el);
        await el.updateComplete;
        el.remove();
      }
      s.backend.script.customerWrites(id, 'Anyone?');
      await settle();
      // No watch left open: the new message counts as unread.
      expect(s.service.state.sessions[id]!.unreadCount).to.equal(1);
    });

    it('B27: a moved conversation keeps updating', async () => {
      const { el, backend, id } = await openChat();
      const other = document.createElement('div');
      el.parentElement!.append(other);
      other.append(el);
      await settle(el);
      backend.script.customerWrites(id, 'After the move');
      await settle(el);
      expect(deepText(log(el))).to.contain('After the move');
    });
  });

  describe('message list', () => {
    it('shows agent messages right, customer messages left and system lines centred', async () => {
      const { el, backend, id } = await openChat();
      backend.script.agentWrites('a1', id, 'Let me check that for you');
      await settle(el);
      const customer = rows(el).find((r) => r.textContent!.includes('my parcel is late'))!;
      const agent = rows(el).find((r) => r.textContent!.includes('Let me check'))!;
      expect(getComputedStyle(customer).justifyContent).to.equal('flex-start');
      expect(getComputedStyle(agent).justifyContent).to.equal('flex-end');
      backend.script.customerLeaves(id);
      await settle(el);
      const system = deepQuery(el, '.row.system')!;
      expect(system.textContent).to.contain('Closed by customer');
      expect(getComputedStyle(system).justifyContent).to.equal('center');
    });

    it('moves focus from the composer to the note that replaces it when the chat ends while the agent types', async () => {
      const { el, backend, id } = await openChat();
      byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').focus();
      backend.script.customerLeaves(id);
      await settle(el);
      expect(queryByRole(el, 'textbox', 'Message')).to.equal(null);
      const active = deepActiveElement();
      expect(active?.getAttribute('role') === 'note' && /This chat has ended/.test(active.textContent ?? ''), 'focus on "This chat has ended."').to.equal(true);
    });

    it('shows the author and the time of each message', async () => {
      const { el } = await openChat();
      const customer = rows(el).find((r) => r.textContent!.includes('my parcel is late'))!;
      expect(customer.querySelector('.author')!.textContent).to.contain('Mira Okafor');
      expect(customer.querySelector('time')!.textContent).to.equal('9:00 AM');
    });

    it('B06: shows messages in time order, equal times in a stable order, whatever the arrival order', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor' });
      await s.service.answer(id);
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
      await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
      s.backend.script.customerWrites(id, 'm3', { at: '2024-05-21T12:55:00Z' });
      s.backend.script.customerWrites(id, 'm1', { at: '2024-05-17T15:43:00Z' });
      s.backend.script.customerWrites(id, 'm2', { at: '2024-05-20T18:13:00Z' });
      s.backend.script.customerWrites(id, 'm4', { at: '2024-05-21T13:00:00Z' });
      s.backend.script.customerWrites(id, 'm5', { at: '2024-05-21T13:00:00Z' });
      await settle(el);
      const order = () =>
        rows(el)
          .map((r) => r.querySelector('.body')?.textContent?.trim())
          .filter((t) => t && /^m\d$/.test(t));
      expect(order()).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
      el.requestUpdate();
      await settle(el);
      expect(order()).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
    });

    it('puts day separators and times in the provider time zone', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor' });
      await s.service.answer(id);
      s.backend.script.customerWrites(id, 'late night question', { at: '2026-11-27T23:30:00Z' });
      const provider = await fixture<HTMLElement>(
        html`<chat-provider .service=${s.service} time-zone="Europe/Amsterdam"><chat-conversation></chat-conversation></chat-provider>`,
      );
      const el = provider.firstElementChild as ChatConversation;
      await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
      await settle(el);
      const separators = deepAll(el, '.day').map((d) => d.getAttribute('aria-label'));
      // 23:30 UTC on Friday 27 November is 00:30 on Saturday 28 November in Amsterdam.
      expect(separators).to.deep.equal(['Saturday, November 28, 2026', 'Today']);
      const row = rows(el).find((r) => r.textContent!.includes('late night question'))!;
      expect(row.querySelector('time')!.textContent).to.equal('12:30 AM');
    });

    it('shows the customer typing indicator outside the log', async () => {
      const { el, backend, id } = await openChat();
      backend.script.customerTyping(id, true);
      await settle(el);
      expect(deepText(el)).to.contain('Mira Okafor is typing…');
      expect(deepText(log(el))).to.not.contain('is typing');
      backend.script.customerTyping(id, false);
      await settle(el);
      expect(deepText(el)).to.not.contain('is typing');
    });

    it('B15: shows an HTML customer name and message as literal text in the header and the list', async () => {
      const s = await openChat({}, { name: '<img src=x onerror="window.__xss=1">Mira', text: '<script>window.__xss=1</script><b>bold?</b>' });
      await new Promise((r) => setTimeout(r, 200));
      expect(deepAll(s.el, 'img, script, b')).to.have.length(0);
      expect(deepText(deepQuery(s.el, 'header')!)).to.contain('<img src=x');
      expect(deepText(log(s.el))).to.contain('<script>window.__xss=1</script><b>bold?</b>');
      expect(window.__xss).to.equal(undefined);
    });

    it('B14: renders only the https link of hostile markdown in a customer message, and clicking anything runs nothing', async () => {
      const { el, backend, id } = await openChat();
      backend.script.customerWrites(
        id,
        '[Open invoice](javascript:window.__xss=1) [a](JaVaScRiPt:window.__xss=1) [b](java&#x09;script:window.__xss=1) ' +
          '[c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:msgbox(1)) [Help](https://example.com/help)',
      );
      await settle(el);
      // The markdown reading is a lazy chunk: the text shows as plain text until it has arrived.
      await waitUntil(() => deepAll(el, 'a').length > 0, 'the formatted message');
      const anchors = deepAll(el, 'a') as HTMLAnchorElement[];
      expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/help']);
      expect(anchors[0]!.target).to.equal('_blank');
      expect(anchors[0]!.rel).to.contain('noopener').and.to.contain('noreferrer');
      const bubble = rows(el).find((r) => r.textContent!.includes('Open invoice'))!;
      for (const node of Array.from(bubble.querySelectorAll('*'))) {
        node.addEventListener('click', (e) => e.preventDefault(), { once: true });
        (node as HTMLElement).click();
      }
      await new Promise((r) => setTimeout(r, 50));
      expect(window.__xss).to.equal(undefined);
    });

    it('B14: an agent text with the same payloads goes through the same safe renderer', async () => {
      const { el, backend, id } = await openChat();
      backend.script.agentWrites('a1', id, '[Open invoice](javascript:window.__xss=1) and [Help](https://example.com/help)');
      await settle(el);
      const row = ownRows(el).find((r) => r.textContent!.includes('Open invoice'))!;
      // The markdown reading is a lazy chunk: the text shows as plain text until it has arrived.
      await waitUntil(() => row.querySelector('a') !== null, 'the formatted message');
      expect(Array.from(row.querySelectorAll('a')).map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/help']);
    });

    it('gives message bodies dir="auto" and a start-relative alignment', async () => {
      const { el, backend, id } = await openChat();
      backend.script.customerWrites(id, 'שלום, ההזמנה שלך נשלחה היום.');
      await settle(el);
      const body = rows(el)
        .map((r) => r.querySelector<HTMLElement>('.body'))
        .find((b) => b?.textContent?.includes('שלום'))!;
      expect(body.getAttribute('dir')).to.equal('auto');
      expect(body.matches(':dir(rtl)')).to.equal(true);
      expect(getComputedStyle(body).textAlign).to.equal('start');
    });

    it('loads earlier messages when the agent scrolls to the top of the history', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'first' });
      await s.service.answer(id);
      s.backend.script.addMessages(id, 80);
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
      await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
      await settle(el);
      const before = s.service.state.histories[id]!.items.length;
      // The history is virtualized: the top row ("Load earlier messages") is only rendered near the top.
      log(el).scrollTop = 0;
      await waitUntil(() => !s.service.state.histories[id]!.loading && s.service.state.histories[id]!.items.length > before, 'older page');
      expect(s.service.state.histories[id]!.items.length).to.be.greaterThan(before);
    });

    it('keeps the log at the bottom when a message arrives and the agent is at the bottom', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'first' });
      await s.service.answer(id);
      s.backend.script.addMessages(id, 30);
      const provider = await fixture<HTMLElement>(
        html`<chat-provider .service=${s.service}><div style="height: 400px"><chat-conversation></chat-conversation></div></chat-provider>`,
      );
      const el = provider.querySelector('chat-conversation')!;
      await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
      await settle(el);
      const list = log(el);
      expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
      s.backend.script.customerWrites(id, 'newest message');
      // Rendering, measuring and pinning the new row takes the virtualizer a number of frames.
      await layoutComplete(list);
      expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.at.most(2);
      expect(deepText(list)).to.contain('newest message');
    });

    it('stays at the bottom when a message arrives while the virtualizer is still laying out the one before', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'first' });
      await s.service.answer(id);
      s.backend.script.addMessages(id, 30);
      const provider = await fixture<HTMLElement>(
        html`<chat-provider .service=${s.service}><div style="height: 400px"><chat-conversation></chat-conversation></div></chat-provider>`,
      );
      const el = provider.querySelector('chat-conversation')!;
      await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
      const list = log(el);
      await settle(el);
      await waitUntil(() => list.scrollHeight - list.scrollTop - list.clientHeight <= 2, 'the log at the bottom');
      // The second message comes at the first scroll of the log after the first one: the
      // virtualizer's own correction towards a bottom that its measurements are still moving.
      const laidOut = new Promise<Promise<void>>((resolve) =>
        list.addEventListener(
          'scroll',
          () => {
            s.backend.script.customerWrites(id, 'second of two');
            resolve(layoutComplete(list));
          },
          { once: true },
        ),
      );
      s.backend.script.customerWrites(id, 'first of two');
      await (await laidOut);
      expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.at.most(2);
      expect(deepText(list)).to.contain('second of two');
      expect(deepQuery(el, '.jump-latest')).to.equal(null);
    });
  });

  describe('composer', () => {
    it('has a textbox named "Message" and a "Send" button', async () => {
      const { el } = await openChat();
      expect(composer(el).tagName).to.equal('TEXTAREA');
      expect(byRole(el, 'button', 'Send')).to.exist;
    });

    it('sends with Enter and shows the message at once', async () => {
      const { el, service, id } = await openChat();
      await type(el, 'Thanks, checking now');
      await pressEnter(el);
      expect(ownRows(el).some((r) => r.textContent!.includes('Thanks, checking now'))).to.equal(true);
      expect(composer(el).value).to.equal('');
      await waitUntil(() => service.state.histories[id]!.items.some((m) => m.text === 'Thanks, checking now' && m.status === 'sent'), 'sent');
    });

    it('inserts a newline with Shift+Enter instead of sending', async () => {
      const { el, service, id } = await openChat();
      await type(el, 'line one');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ type: 'line two' });
      await settle(el);
      expect(composer(el).value).to.equal('line one\nline two');
      expect(service.state.histories[id]!.items.some((m) => m.text.includes('line one'))).to.equal(false);
    });

    it('fires a cancelable chat-message-send with the client id the message is sent under', async () => {
      const { el, service, id } = await openChat();
      const events: CustomEvent[] = [];
      document.addEventListener('chat-message-send', (e) => events.push(e), { once: true });
      await type(el, 'Hello Mira');
      byRole(el, 'button', 'Send').click();
      await settle(el);
      expect(events).to.have.length(1);
      const { detail, bubbles, composed, cancelable } = events[0]!;
      expect({ bubbles, composed, cancelable }).to.deep.equal({ bubbles: true, composed: true, cancelable: true });
      expect(detail).to.deep.include({ sessionId: id, text: 'Hello Mira' });
      expect(service.state.histories[id]!.items.find((m) => m.text === 'Hello Mira')!.clientId).to.equal(detail.clientId);
    });

    it('does not send and keeps the text when the host cancels chat-message-send', async () => {
      const { el, service, id } = await openChat();
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('chat-message-send', cancel);
      try {
        await type(el, 'Not this one');
        await pressEnter(el);
      } finally {
        document.removeEventListener('chat-message-send', cancel);
      }
      expect(composer(el).value).to.equal('Not this one');
      expect(service.state.histories[id]!.items.some((m) => m.text === 'Not this one')).to.equal(false);
    });

    it('keeps a draft per session and never carries it to another session', async () => {
      const s = await setup();
      const a = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello' });
      const b = s.backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hi' });
      await s.service.answer(b);
      await s.service.answer(a);
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
      await type(el, 'Half a reply for Mira');
      s.service.selectSession(b);
      await settle(el);
      expect(composer(el).value).to.equal('');
      s.service.selectSession(a);
      await settle(el);
      expect(composer(el).value).to.equal('Half a reply for Mira');
    });

    it('reports the agent typing to the service, at most once while typing on', async () => {
      const s = await openChat();
      const calls: boolean[] = [];
      s.backend.setTyping = (_id: string, isTyping: boolean) => {
        calls.push(isTyping);
        return Promise.resolve();
      };
      await type(s.el, 'abc');
      await type(s.el, 'def');
      expect(calls).to.deep.equal([true]);
      await pressEnter(s.el);
      expect(calls).to.deep.equal([true, false]);
    });

    it('B03 — Enter, Enter and Send during a slow send call sendMessage once, clear the composer and show one pending bubble', async () => {
      const s = await openChat();
      const pending = deferred<ChatMessage>();
      let confirm!: () => Promise<ChatMessage>;
      const calls = stubSend(s, (real, sessionId, input) => {
        confirm = () => real(sessionId, input);
        return pending.promise;
      });
      await type(s.el, 'Thanks, Mira – checking now');
      const box = byRole<HTMLTextAreaElement>(s.el, 'textbox', 'Message');
      const clearedOrLocked = () => box.value === '' || box.disabled || box.readOnly;
      expect(clearedOrLocked()).to.equal(false);
      await pressEnter(s.el);
      await settle(s.el);
      expect(calls).to.have.length(1);
      expect(clearedOrLocked(), 'the composer is cleared or locked while the send is pending').to.equal(true);
      await pressEnter(s.el);
      byRole(s.el, 'button', 'Send').click();
      await settle(s.el);
      expect(calls).to.have.length(1);
      expect(clearedOrLocked(), 'still cleared or locked while the send is pending').to.equal(true);
      expect(calls[0]!.clientId).to.be.a('string').and.not.equal('');
      const bubbles = () => ownRows(s.el).filter((r) => r.textContent!.includes('Thanks, Mira – checking now'));
      expect(bubbles()).to.have.length(1);
      expect(bubbles()[0]!.dataset.status).to.equal('sending');
      expect(deepText(bubbles()[0]!)).to.contain('Sending…');
      pending.resolve(await confirm());
      await waitUntil(() => bubbles()[0]?.dataset.status === 'sent', 'confirmed');
      await settle(s.el);
      expect(bubbles()).to.have.length(1);
      // Send and Enter on the empty composer after the send settled send nothing either.
      byRole(s.el, 'button', 'Send').click();
      box.focus();
      await pressEnter(s.el);
      await settle(s.el);
      expect(calls).to.have.length(1);
      expect(bubbles()).to.have.length(1);
    });

    it('B04: a rejected send keeps the bubble as failed with Retry and Delete; Retry reuses the client id', async () => {
      const s = await openChat();
      let fail = true;
      // The retry waits on this gate, so "sending" is observable however slow the machine is.
      const retryGate = deferred<void>();
      const calls = stubSend(s, async (real, sessionId, input) => {
        if (fail) {
          await new Promise((r) => setTimeout(r, 50));
          throw new Error('network');
        }
        await retryGate.promise;
        return real(sessionId, input);
      });
      await type(s.el, 'Could you share the order number?');
      await pressEnter(s.el);
      const bubble = () => ownRows(s.el).filter((r) => r.textContent!.includes('Could you share the order number?'));
      await waitUntil(() => bubble()[0]?.dataset.status === 'failed', 'failed');
      await settle(s.el);
      expect(bubble()).to.have.length(1);
      expect(deepQuery(bubble()[0]!, '[role="alert"]')!.textContent).to.contain('Failed');
      expect(deepQuery(bubble()[0]!, '.marker')).to.exist;
      fail = false;
      byRole(bubble()[0]!, 'button', 'Retry').click();
      await settle(s.el);
      expect(calls).to.have.length(2);
      expect(calls[1]!.clientId).to.equal(calls[0]!.clientId);
      // Not cleared on click: the marker stays until the adapter confirms.
      expect(bubble()[0]!.dataset.status).to.equal('sending');
      expect(deepQuery(bubble()[0]!, '.marker')).to.exist;
      expect(deepText(bubble()[0]!)).to.contain('Retrying…');
      retryGate.resolve();
      await waitUntil(() => bubble()[0]?.dataset.status === 'sent', 'sent after retry');
      await settle(s.el);
      expect(bubble()).to.have.length(1);
      expect(deepQuery(bubble()[0]!, '[role="alert"]')).to.equal(null);
      expect(deepQuery(bubble()[0]!, '.marker')).to.equal(null);
      expect(queryByRole(bubble()[0]!, 'button', 'Retry')).to.equal(null);
    });

    it('B04: a send that never settles turns failed after the send timeout', async () => {
      const s = await openChat({ sendTimeoutMs: 1000 });
      stubSend(s, () => new Promise<ChatMessage>(() => undefined));
      await type(s.el, 'Anyone there?');
      await pressEnter(s.el);
      const bubble = () => ownRows(s.el).find((r) => r.textContent!.includes('Anyone there?'))!;
      expect(bubble().dataset.status).to.equal('sending');
      await s.clock.advance(999);
      await settle(s.el);
      expect(bubble().dataset.status).to.equal('sending');
      await s.clock.advance(1);
      await settle(s.el);
      expect(bubble().dataset.status).to.equal('failed');
      expect(byRole(bubble(), 'button', 'Retry')).to.exist;
    });

    it('B04: Delete removes the failed message and puts its text back in the empty composer', async () => {
      const s = await openChat();
      stubSend(s, () => Promise.reject(new Error('network')));
      await type(s.el, 'Lost words');
      await pressEnter(s.el);
      await waitUntil(() => deepQuery(s.el, '.row[data-status="failed"]'), 'failed');
      await settle(s.el);
      byRole(s.el, 'button', 'Delete').click();
      await settle(s.el);
      expect(deepQuery(s.el, '.row[data-status="failed"]')).to.equal(null);
      expect(composer(s.el).value).to.equal('Lost words');
    });

    it('B24: keeps focus in the composer after sending with Enter', async () => {
      const { el } = await openChat();
      await type(el, 'Hello');
      await pressEnter(el);
      expect(deepActiveElement()).to.equal(composer(el));
    });

    it('B24: keeps focus in the composer after clicking Send', async () => {
      const { el } = await openChat();
      await type(el, 'Hello');
      const send = byRole(el, 'button', 'Send');
      send.focus();
      send.click();
      await settle(el);
      expect(deepActiveElement()).to.equal(composer(el));
    });

    it('B24: does not move focus into the error bubble when the send fails', async () => {
      const s = await openChat();
      stubSend(s, () => Promise.reject(new Error('network')));
      await type(s.el, 'Hello');
      await pressEnter(s.el);
      await waitUntil(() => deepQuery(s.el, '.row[data-status="failed"]'), 'failed');
      await settle(s.el);
      expect(deepActiveElement()).to.equal(composer(s.el));
    });
  });

  describe('read-only and ending', () => {
    it('"End chat" ends the session, fires chat-session-end and shows a read-only note', async () => {
      const { el, service, id } = await openChat();
      const events: CustomEvent[] = [];
      document.addEventListener('chat-session-end', (e) => events.push(e), { once: true });
      byRole(el, 'button', 'End chat').click();
      await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'ended');
      await settle(el);
      expect(events.map((e) => e.detail)).to.deep.equal([{ sessionId: id }]);
      expect(queryByRole(el, 'textbox', 'Message')).to.equal(null);
      expect(queryByRole(el, 'button', 'End chat')).to.equal(null);
      expect(deepText(el)).to.contain('This chat has ended');
      expect(deepText(deepQuery(el, 'header')!)).to.contain('Ended');
      expect(deepText(log(el))).to.contain('Chat closed by agent');
    });

    it('shows a queued chat without a composer', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello?' });
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
      expect(queryByRole(el, 'textbox', 'Message')).to.equal(null);
      expect(deepText(el)).to.contain('waiting in the queue');
      expect(deepText(deepQuery(el, 'header')!)).to.contain('Waiting in queue');
    });

    it("shows another agent's chat read-only, naming the agent", async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello?' });
      s.backend.script.agentAnswers('a2', id);
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
      await settle(el);
      expect(queryByRole(el, 'textbox', 'Message')).to.equal(null);
      expect(queryByRole(el, 'button', 'End chat')).to.equal(null);
      expect(deepText(el)).to.contain('Sanne Bakker is handling this chat');
    });

    it('offers Accept transfer and Reject transfer, with the note, for a chat transferred to the agent; accepting opens the composer', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello?' });
      s.backend.script.agentAnswers('a2', id);
      s.backend.script.transfer(id, 'a2', 'a1', 'Please take over, I am leaving');
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
      await settle(el);
      expect(queryByRole(el, 'textbox', 'Message')).to.equal(null);
      const offer = byRole(el, 'group', 'Sanne Bakker wants to transfer this chat to you');
      expect(deepText(offer)).to.contain('Please take over, I am leaving');
      await expect(el).to.be.accessible();
      byRole(el, 'button', 'Accept transfer').click();
      await waitUntil(() => queryByRole(el, 'textbox', 'Message'), 'the composer after accepting');
      expect(s.service.state.sessions[id]!.agentId).to.equal('a1');
      expect(s.service.state.sessions[id]!.transferTo).to.equal(undefined);
    });

    it('rejecting a transfer leaves the chat with the sender', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello?' });
      s.backend.script.agentAnswers('a2', id);
      s.backend.script.transfer(id, 'a2', 'a1');
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
      await settle(el);
      byRole(el, 'button', 'Reject transfer').click();
      await waitUntil(() => !s.service.state.sessions[id]!.transferTo, 'the transfer to be gone');
      await settle(el);
      expect(s.service.state.sessions[id]!.agentId).to.equal('a2');
      expect(queryByRole(el, 'button', 'Accept transfer')).to.equal(null);
      expect(deepText(el)).to.contain('Sanne Bakker is handling this chat');
    });

    it('lets the sender cancel a pending transfer', async () => {
      const { el, backend, service, id } = await openChat();
      backend.script.transfer(id, 'a1', 'a2');
      await settle(el);
      byRole(el, 'button', 'Cancel transfer').click();
      await waitUntil(() => !service.state.sessions[id]!.transferTo, 'the transfer to be cancelled');
      await settle(el);
      expect(queryByRole(el, 'button', 'Cancel transfer')).to.equal(null);
      expect(queryByRole(el, 'textbox', 'Message')).to.exist;
    });

    it('keeps the composer placeholder short for a very long customer name', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'M'.repeat(300), text: 'Hi' });
      await s.service.answer(id);
      const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
      const placeholder = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').placeholder;
      expect(Array.from(placeholder).length).to.be.at.most(60);
      expect(placeholder.endsWith('…')).to.equal(true);
    });

    for (const [name, expected] of [
      [`Maximiliane-${'X'.repeat(60)}`, `Reply to Maximiliane-${'X'.repeat(28)}…`],
      ['Bob…', 'Reply to Bob…'],
      ['Anna B...', 'Reply to Anna B…'],
      ['Mira Okafor', 'Reply to Mira Okafor…'],
    ] as const) {
      it(`the composer placeholder shows exactly one ellipsis for the name "${name.slice(0, 16)}"`, async () => {
        const s = await setup();
        const id = s.backend.script.customerArrives({ channelId: 'sales', name, text: 'Hi' });
        await s.service.answer(id);
        const el = await mount<ChatConversation>(s.service, html`<chat-conversation session-id=${id}></chat-conversation>`);
        const placeholder = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message').placeholder;
        expect(placeholder).to.equal(expected);
        expect(placeholder.match(/…|\.\.\./g)).to.have.length(1);
      });
    }

    it('replaces the composer when the chat is transferred away', async () => {
      const { el, backend, id } = await openChat();
      backend.script.transfer(id, 'a1', 'a2');
      backend.script.acceptTransfer('a2', id);
      await settle(el);
      expect(queryByRole(el, 'textbox', 'Message')).to.equal(null);
      expect(allByRole(el, 'note').length).to.be.greaterThan(0);
    });
  });
});
