/**
 * Leaks (B27 and its kind): mount and remove every element and the whole screen 500 times; the
 * demo backend's open subscriptions, the service's state subscribers, window / document listeners
 * and the clock's timers return to their baseline, and a removed element is garbage-collected
 * (a WeakRef to it is cleared after gc()). Moving an element keeps exactly one
 * subscription. 50 disconnect / reconnect cycles leave one handler per event.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { BehaviorSubject } from 'rxjs';
import { withFaults } from '../../src/backend/fault-injection.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import type { ChatState } from '../../src/service/state.js';
import { deepAll, deepText, settle, setup } from '../helpers.js';

const MOUNTS = 500;

/** Subscribers of the service's state subject (every element's observe() ends up here). */
function stateSubscribers(service: ChatService): number {
  return (service as unknown as { store: BehaviorSubject<ChatState> }).store.observers.length;
}

/**
 * Live listeners on window and document while installed, counted as the browser keeps them: one per
 * (target, type, listener, capture); adding the same one twice keeps one.
 */
function listenerCounter() {
  const targets = [window, document] as EventTarget[];
  const live: { target: EventTarget; type: string; listener: unknown; capture: boolean }[] = [];
  const capture = (options: unknown) => (typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture);
  const find = (target: EventTarget, type: string, listener: unknown, options: unknown) =>
    live.findIndex((l) => l.target === target && l.type === type && l.listener === listener && l.capture === capture(options));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    if (targets.includes(this) && listener && find(this, type, listener, options) < 0) {
      live.push({ target: this, type, listener, capture: capture(options) });
    }
    return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    const i = targets.includes(this) ? find(this, type, listener, options) : -1;
    if (i >= 0) live.splice(i, 1);
    return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
  };
  return {
    get net() {
      return live.length;
    },
    restore() {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    },
  };
}

async function world() {
  const s = await setup();
  const mine = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', email: 'mira@example.org', text: 'Hi, my parcel is late' });
  s.backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello?' });
  await s.service.answer(mine);
  await settle();
  return { ...s, mine };
}

const ELEMENTS: readonly { tag: string; attrs?: (id: string) => Record<string, string> }[] = [
  { tag: 'chat-dashboard' },
  { tag: 'chat-session-list' },
  { tag: 'chat-conversation', attrs: (id) => ({ 'session-id': id }) },
  { tag: 'chat-person-panel', attrs: (id) => ({ 'session-id': id }) },
  { tag: 'chat-screen' },
];

/** A new `tag` element with the attributes it needs for the chat `mine`, not yet in the page. */
function make(tag: string, attrs: ((id: string) => Record<string, string>) | undefined, mine: string) {
  const el = document.createElement(tag) as HTMLElement & { requestUpdate(): void; updateComplete: Promise<unknown> };
  for (const [k, v] of Object.entries(attrs?.(mine) ?? {})) el.setAttribute(k, v);
  return el;
}

/** Mount `tag` once and remove it, so that lazily made, shared things (selectors, styles) exist in a baseline. */
async function warmUp(provider: HTMLElement, tag: string, attrs: ((id: string) => Record<string, string>) | undefined, mine: string) {
  const warm = make(tag, attrs, mine);
  provider.append(warm);
  await settle(warm);
  warm.remove();
  await settle();
}

describe('Leaks', () => {
  for (const { tag, attrs } of ELEMENTS) {
    it(`B27: mounting and removing <${tag}> ${MOUNTS} times returns subscriptions, listeners and timers to baseline`, async function () {
      this.timeout(60_000);
      const { service, backend, clock, mine } = await world();
      const provider = await fixture<HTMLElement>(html`<chat-provider .service=${service}></chat-provider>`);
      await warmUp(provider, tag, attrs, mine);
      const baseline = { backend: backend.openSubscriptions, state: stateSubscribers(service), timers: clock.pendingTimers };
      const listeners = listenerCounter();
      try {
        for (let i = 0; i < MOUNTS; i++) {
          const el = make(tag, attrs, mine);
          provider.append(el);
          await el.updateComplete;
          if (i % 100 === 0) await settle(el, 1);
          el.remove();
        }
        await settle();
        expect(backend.openSubscriptions, 'backend subscriptions').to.equal(baseline.backend);
        expect(stateSubscribers(service), 'service state subscribers').to.equal(baseline.state);
        expect(listeners.net, 'window/document listeners').to.equal(0);
        expect(clock.pendingTimers, 'clock timers').to.equal(baseline.timers);
      } finally {
        listeners.restore();
      }
      // Nothing watches the chat any more: a new customer message stays unread.
      const unread = service.state.sessions[mine]!.unreadCount;
      backend.script.customerWrites(mine, 'Anyone there?');
      await settle();
      expect(service.state.sessions[mine]!.unreadCount).to.equal(unread + 1);
    });
  }

  for (const { tag, attrs } of ELEMENTS) {
    it(`B27: an update of <${tag}> that runs after its removal subscribes nothing`, async () => {
      const { service, backend, mine } = await world();
      const provider = await fixture<HTMLElement>(html`<chat-provider .service=${service}></chat-provider>`);
      await warmUp(provider, tag, attrs, mine);
      const baseline = { backend: backend.openSubscriptions, state: stateSubscribers(service) };
      for (let i = 0; i < 20; i++) {
        const el = make(tag, attrs, mine);
        provider.append(el);
        await el.updateComplete;
        // An update requested while in the page runs after the element has left it (as when a
        // value arrives just before removal, e.g. under load).
        el.requestUpdate();
        el.remove();
        await el.updateComplete;
      }
      await settle();
      expect(stateSubscribers(service), 'service state subscribers').to.equal(baseline.state);
      expect(backend.openSubscriptions, 'backend subscriptions').to.equal(baseline.backend);
    });
  }

  for (const { tag, attrs } of ELEMENTS) {
    it(`B27: a removed <${tag}> is garbage-collected (a WeakRef to it is cleared after gc())`, async () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      expect(gc, 'Chromium runs with --js-flags=--expose-gc (web-test-runner.config.mjs)').to.be.a('function');
      const { service, mine } = await world();
      const provider = await fixture<HTMLElement>(html`<chat-provider .service=${service}></chat-provider>`);
      await warmUp(provider, tag, attrs, mine);
      // Made, shown and removed inside a function of its own, so no variable here holds it.
      const mountAndRemove = async () => {
        const el = make(tag, attrs, mine);
        provider.append(el);
        await settle(el);
        // A frame, so observers (resize, intersection) and the virtualizer have run on it.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        el.remove();
        return new WeakRef(el);
      };
      const refs = [await mountAndRemove(), await mountAndRemove()];
      await settle();
      // Let pending tasks and frames drop their last references, then collect (twice: a finalizer
      // or weak callback may free more on the second pass).
      await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      gc!();
      await new Promise((r) => setTimeout(r, 0));
      gc!();
      expect(refs.map((ref) => ref.deref() === undefined), 'both removed elements collected').to.deep.equal([true, true]);
    });
  }

  it('B27: a moved conversation keeps exactly one subscription and keeps updating', async () => {
    const { service, backend, mine } = await world();
    const provider = await fixture<HTMLElement>(html`<chat-provider .service=${service}><div id="a"></div><div id="b"></div></chat-provider>`);
    const before = stateSubscribers(service);
    const el = document.createElement('chat-conversation');
    el.setAttribute('session-id', mine);
    provider.querySelector('#a')!.append(el);
    await settle(el);
    const mounted = stateSubscribers(service);
    expect(mounted).to.be.greaterThan(before);
    for (let i = 0; i < 20; i++) {
      provider.querySelector(i % 2 ? '#a' : '#b')!.append(el);
      await settle(el, 1);
    }
    expect(stateSubscribers(service)).to.equal(mounted);
    backend.script.customerWrites(mine, 'After the moves');
    await settle(el);
    const shown = deepText(el).split('After the moves').length - 1;
    expect(shown).to.equal(1);
    el.remove();
    await settle();
    expect(stateSubscribers(service)).to.equal(before);
  });

  it('50 disconnect / reconnect cycles leave one backend subscription and one handling of every event', async () => {
    const { service, backend, clock, mine } = await world();
    const screen = await fixture<HTMLElement>(html`<chat-screen style="height: 700px" .service=${service}></chat-screen>`);
    await settle(screen);
    service.selectSession(mine);
    const release = service.watchSession(mine);
    await settle(screen);
    let emissions = 0;
    const counting = service.state$.subscribe(() => emissions++);
    const perMessage = async () => {
      emissions = 0;
      backend.script.customerWrites(mine, `ping ${clock.now()}`);
      await settle(screen);
      return emissions;
    };
    const before = await perMessage();
    const subscriptions = backend.openSubscriptions;
    for (let i = 0; i < 50; i++) {
      backend.script.disconnect();
      await clock.advance(10);
      backend.script.reconnect();
      await clock.advance(10);
    }
    await clock.advance(5_000);
    await settle(screen);
    expect(backend.openSubscriptions).to.equal(subscriptions);
    expect(await perMessage()).to.equal(before);
    backend.script.customerWrites(mine, 'Exactly once please');
    await settle(screen);
    expect(deepAll(screen, '*').filter((el) => el.childNodes.length && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.includes('Exactly once please')))).to.have.length(1);
    expect(service.state.histories[mine]!.items.filter((m) => m.text === 'Exactly once please')).to.have.length(1);
    counting.unsubscribe();
    release();
  });

  it('50 outages of the fault-injecting wrapper keep one inner subscription and leave no timer behind', async () => {
    const clock = new FakeClock();
    const backend = new InMemoryChatBackend({ seed: 2, clock, autoplay: false });
    const faulty = withFaults(backend, { clock, reconnectAfterMs: 100 });
    const service = new ChatService({ backend: faulty, clock });
    await service.ready;
    const baseline = backend.openSubscriptions;
    const timers = clock.pendingTimers; // e.g. the service's midnight rollover of the day's figures
    for (let i = 0; i < 50; i++) {
      faulty.faults.disconnect();
      await clock.advance(100);
    }
    expect(faulty.faults.stats.disconnects).to.equal(50);
    expect(backend.openSubscriptions).to.equal(baseline);
    expect(service.state.connection).to.equal('online');
    await clock.advance(10_000);
    expect(clock.pendingTimers).to.equal(timers);
    service.dispose();
    expect(backend.openSubscriptions).to.equal(baseline - 1);
  });
});
