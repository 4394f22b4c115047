/**
 * Test helpers: a seeded demo backend on a fake clock, a provider around the element under test,
 * and queries by role and accessible name that look inside shadow roots, as a screen-reader user
 * would find controls.
 */
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import type { TemplateResult } from 'lit';
import type { ChatBackendAdapter } from '../src/backend/adapter.js';
import { InMemoryChatBackend } from '../src/backend/in-memory/index.js';
import { ChatService } from '../src/service/chat-service.js';
import { FakeClock } from '../src/service/clock.js';
import '../src/define.js';
import type { ChatConversation } from '../src/components/chat-conversation/chat-conversation.js';
import type { ChatPersonPanel } from '../src/components/chat-person-panel/chat-person-panel.js';

export interface Setup {
  clock: FakeClock;
  backend: InMemoryChatBackend;
  service: ChatService;
}

/** A demo backend with no simulator (only what the test scripts happens) and a ready service. */
export async function setup(options: { agentId?: string; start?: string; sendTimeoutMs?: number } = {}): Promise<Setup> {
  const clock = new FakeClock(options.start ?? '2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false, agentId: options.agentId });
  const service = new ChatService({ backend, clock, sendTimeoutMs: options.sendTimeoutMs });
  await service.ready;
  return { clock, backend, service };
}

/** Render `template` inside a `<chat-provider>` for `service`; resolves with the first child element. */
export async function mount<T extends Element>(service: ChatService, template: TemplateResult, lang = 'en'): Promise<T> {
  const provider = await fixture<HTMLElement>(
    html`<chat-provider .service=${service} lang=${lang}>${template}</chat-provider>`,
  );
  const el = provider.firstElementChild as T;
  await settle(el);
  return el;
}

/** Wait for Lit updates of the element and everything inside its shadow roots, and for timers to flush. */
export async function settle(root?: Element | null, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const all = root ? [root, ...deepAll(root, '*')] : [];
    await Promise.all(
      all.map((el) => (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete).filter(Boolean),
    );
  }
}

/** Every element matching `selector` inside `root`, its shadow roots and theirs (document order). */
export function deepAll(root: Element | Document | ShadowRoot, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | Document | ShadowRoot) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** The first element matching `selector` deep inside `root`. */
export function deepQuery<T extends Element = HTMLElement>(root: Element | Document | ShadowRoot, selector: string): T | null {
  return (deepAll(root, selector)[0] as T | undefined) ?? null;
}

function visible(el: Element): boolean {
  if (el.closest('[hidden]')) return false;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  // Not inside an ancestor with `display: none` either (across shadow roots, e.g. a hidden pane).
  for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && getComputedStyle(node).display === 'none') return false;
  }
  return true;
}

/**
 * Elements with the given ARIA role whose accessible name matches `name` (exact string, or a
 * RegExp), deep inside `root`. Hidden elements are skipped.
 */
export function allByRole<T extends Element = HTMLElement>(
  root: Element | Document | ShadowRoot,
  role: string,
  name?: string | RegExp,
): T[] {
  return deepAll(root, '*').filter((el) => {
    if (getRole(el) !== role || !visible(el)) return false;
    if (name === undefined) return true;
    const accessible = computeAccessibleName(el).trim();
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  }) as T[];
}

/** The one element with that role and name; throws a readable error when there is none or several. */
export function byRole<T extends Element = HTMLElement>(
  root: Element | Document | ShadowRoot,
  role: string,
  name?: string | RegExp,
): T {
  const found = allByRole<T>(root, role, name);
  if (found.length !== 1) {
    const names = deepAll(root, '*')
      .filter((el) => getRole(el) === role)
      .map((el) => JSON.stringify(computeAccessibleName(el)));
    throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}. ${role}s here: ${names.join(', ')}`);
  }
  return found[0]!;
}

/** Like {@link byRole} but `null` when absent. */
export function queryByRole<T extends Element = HTMLElement>(
  root: Element | Document | ShadowRoot,
  role: string,
  name?: string | RegExp,
): T | null {
  return allByRole<T>(root, role, name)[0] ?? null;
}

/**
 * Poll until `check` returns truthy (default 2 s). A check that throws counts as "not yet"; on
 * timeout the error names `what` and the last thrown message.
 */
export async function waitUntil<T>(check: () => T, what = 'condition', timeoutMs = 2000): Promise<NonNullable<T>> {
  const start = performance.now();
  let lastError = '';
  for (;;) {
    try {
      const value = check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (performance.now() - start > timeoutMs) {
      throw new Error(`Timed out waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Visible text of an element including its shadow content, whitespace collapsed. */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const el = node as Element;
    if (el.shadowRoot) walk(el.shadowRoot);
    const children = el instanceof HTMLSlotElement ? el.assignedNodes({ flatten: true }) : Array.from(node.childNodes);
    for (const child of children) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Replaces `window.AudioContext` with a fake that counts beeps (one per oscillator created).
 * Call `restore()` in a `finally` block.
 */
export function fakeAudioContext(): { readonly beeps: number; restore(): void } {
  const win = window as unknown as { AudioContext: unknown };
  const real = win.AudioContext;
  let beeps = 0;
  const node = (): unknown => ({
    connect: (next: unknown) => next ?? node(),
    frequency: { value: 0 },
    gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
    start() {},
    stop() {},
  });
  win.AudioContext = class {
    currentTime = 0;
    destination = {};
    resume = () => Promise.resolve();
    close = () => Promise.resolve();
    createOscillator() {
      beeps++;
      return node();
    }
    createGain = node;
  };
  return {
    get beeps() {
      return beeps;
    },
    restore: () => {
      win.AudioContext = real;
    },
  };
}

/**
 * A `<chat-conversation>` showing a chat the agent answered: the customer arrives on the sales
 * channel with `customer`, the agent answers, and the history (its first page and the lazily
 * loaded history view) is rendered.
 * @param options for {@link setup}
 * @param customer the arriving customer's name, e-mail and first line
 */
export async function openConversation(
  options: Parameters<typeof setup>[0] = {},
  customer: { name?: string; email?: string; text?: string } = { name: 'Mira Okafor', text: 'Hi, my parcel is late' },
): Promise<Setup & { id: string; el: ChatConversation }> {
  const s = await setup(options);
  const id = s.backend.script.customerArrives({ channelId: 'sales', ...customer });
  await s.service.answer(id);
  const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`);
  await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
  // The history's code is a lazy part, loaded with the first chat shown.
  await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
  await settle(el);
  return { ...s, id, el };
}

/**
 * In a `describe` block whose tests set the viewport (`setViewport`): the body without its default
 * margin while they run, and the default 1280 × 800 viewport and the margin back after them.
 */
export function edgeToEdgeViewport(): void {
  let margin = '';
  before(() => {
    margin = document.body.style.margin;
    document.body.style.margin = '0';
  });
  after(async () => {
    document.body.style.margin = margin;
    await setViewport({ width: 1280, height: 800 });
  });
}

/** The demo backend with some members replaced by `override` (the others delegate to it). */
export function tampered(backend: InMemoryChatBackend, override: Partial<Record<keyof ChatBackendAdapter, unknown>>): ChatBackendAdapter {
  return new Proxy(backend, {
    get(target, key) {
      if (key in override) return override[key as keyof ChatBackendAdapter];
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as ChatBackendAdapter;
}

/**
 * Mira's earlier chat (first message `text`, then `more`), linked to a new person and ended; her
 * second chat, answered and linked to that person, in a person panel with its sections open.
 */
export async function earlierLinkedChat(text: string, more: (s: Setup, first: string) => unknown = () => undefined) {
  const s = await setup();
  const first = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text });
  await s.service.answer(first);
  more(s, first);
  const person = await s.service.createPersonAndLink(first, {
    firstName: 'Mira',
    lastName: 'Okafor',
    email: 'mira.okafor@example.org',
    phone: '',
    companyName: '',
  });
  await s.service.endSession(first);
  const second = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Me again' });
  await s.service.answer(second);
  await s.service.linkPerson(second, person.id);
  const el = await mount<ChatPersonPanel>(s.service, html`<chat-person-panel session-id=${second}></chat-person-panel>`);
  await waitUntil(() => s.service.state.personContexts[second]?.details, 'details');
  for (const d of deepAll(el, 'details') as HTMLDetailsElement[]) d.open = true;
  await settle(el);
  return { s, first, second, el };
}
