/**
 * Shared by the benchmark pages: the same invented messages for every contender, a box of
 * 800 × 600 px, and frame-based waiting (no timers).
 */
import { longChatLine } from '../../src/backend/in-memory/data/long-chat.js';

export interface BenchMessage {
  id: string;
  fromCustomer: boolean;
  author: string;
  text: string;
  time: string;
}

const START = Date.parse('2026-10-31T09:00:00Z');
const END = Date.parse('2026-11-30T08:55:00Z');

/** Message `i` of a history of `n`: the demo's long-chat generator (varied 5–300 character lines). */
export function message(i: number, n: number): BenchMessage {
  const line = longChatLine(i, n, START, END);
  return {
    id: `m${i}`,
    fromCustomer: line.fromCustomer,
    author: line.fromCustomer ? 'Jonas Verbeek' : 'Anna de Vries',
    text: line.text,
    time: new Date(line.at).toISOString(),
  };
}

export function messages(n: number): BenchMessage[] {
  return Array.from({ length: n }, (_, i) => message(i, n));
}

/** An 800 × 600 px box on the page for the contender. */
export function box(): HTMLElement {
  const el = document.createElement('div');
  el.style.cssText = 'width: 800px; height: 600px; display: flex; flex-direction: column; overflow: hidden';
  document.body.append(el);
  return el;
}

/**
 * Wait, frame by frame, until `done()` holds in what a frame painted.
 *
 * `done()` is checked after each frame's rendering steps (animation-frame callbacks, style, layout,
 * ResizeObserver callbacks, paint), in a task queued from the frame's animation-frame callback:
 * Chromium runs that task after the frame. A check inside the animation-frame callback itself
 * would run before the frame's layout and miss changes made during it (e.g. a virtualizer
 * measuring a new row in its ResizeObserver callback and scrolling it into view before paint),
 * counting one frame too many.
 * @returns ms from `t0` to the end of the frame that painted it, and how many frames that took (1 = the next frame)
 */
export function untilFrame(done: () => boolean, t0: number, timeoutMs = 30_000): Promise<{ ms: number; frames: number }> {
  return new Promise((resolve, reject) => {
    let frames = 0;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (done()) {
        channel.port1.close();
        resolve({ ms: performance.now() - t0, frames });
      } else if (performance.now() - t0 > timeoutMs) {
        channel.port1.close();
        reject(new Error('timeout'));
      } else requestAnimationFrame(step);
    };
    const step = () => {
      frames++;
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(step);
  });
}

/** Whether `el` is laid out (has a box) and its bottom is inside `viewport` (±2 px). */
export function laidOutIn(el: Element | null | undefined, viewport: Element): boolean {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const v = viewport.getBoundingClientRect();
  return r.height > 0 && r.bottom <= v.bottom + 2 && r.bottom > v.top;
}

/** Every element of the page, inside shadow roots too. */
export function countElements(): number {
  let count = 0;
  const walk = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      count++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return count;
}

/**
 * Watch for long tasks (> 50 ms) and late frames (an animation frame more than 1.5 frame
 * intervals, 25 ms, after the one before) until `stop()` is called.
 */
export function watchJank(): () => { longTasks: number; longestTaskMs: number; droppedFrames: number; frames: number } {
  let longTasks = 0;
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration > 50) longTasks++;
      longest = Math.max(longest, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let dropped = 0;
  let frames = 0;
  let last = performance.now();
  let running = true;
  const tick = (t: number) => {
    if (!running) return;
    frames++;
    if (t - last > 25) dropped += Math.max(1, Math.round((t - last) / 16.7) - 1);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    observer.disconnect();
    return { longTasks, longestTaskMs: Math.round(longest), droppedFrames: dropped, frames };
  };
}

/** What every benchmark page offers the runner (window.bench). */
export interface BenchPage {
  /**
   * Show a history of `n` messages; ms until the newest is laid out in view and painted (or ms and
   * the frames that took, see {@link untilFrame}).
   */
  open(n: number): Promise<number | { ms: number; frames: number }>;
  /** Append one message to the open history; ms and frames until it is laid out in view. */
  append(): Promise<{ ms: number; frames: number }>;
  /** `sessions` sessions, `perSecond` incoming messages for `seconds` s; long tasks and dropped frames. */
  burst?(sessions: number, perSecond: number, seconds: number): Promise<{ longTasks: number; longestTaskMs: number; droppedFrames: number; frames: number }>;
  /** Elements in the page (deep). */
  elements(): number;
  /**
   * Take the open history out of the page (React peers unmount their root), so the next `open`
   * starts in a page whose code, styles and elements are already warm. Without it the runner
   * removes the box.
   */
  close?(): void;
}

/** Remove every contender box from the page (what `close` does when a page has nothing to unmount). */
export function removeBoxes(): void {
  for (const el of Array.from(document.body.children)) if (el.tagName === 'DIV') el.remove();
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}
