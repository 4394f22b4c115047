/** @vaadin/message-list with the same messages as items. */
import '@vaadin/message-list/vaadin-message-list.js';
import { type BenchMessage, box, countElements, laidOutIn, message, messages, untilFrame } from './common.js';

type MessageList = HTMLElement & { items: { text: string; userName: string; time: string }[] };
let list: MessageList;
let items: BenchMessage[] = [];

const convert = (m: BenchMessage) => ({ text: m.text, userName: m.author, time: m.time.slice(11, 16) });
const last = () => {
  const all = list.querySelectorAll('vaadin-message');
  return all[all.length - 1] ?? null;
};

window.bench = {
  async open(n) {
    items = messages(n);
    const host = box();
    const t0 = performance.now();
    list = document.createElement('vaadin-message-list') as MessageList;
    list.style.cssText = 'height: 600px; overflow: auto; display: block';
    list.items = items.map(convert);
    host.append(list);
    return (
      await untilFrame(() => {
        const el = last();
        if (!el || list.querySelectorAll('vaadin-message').length < n) return false;
        list.scrollTop = list.scrollHeight;
        return laidOutIn(el, list);
      }, t0)
    ).ms;
  },
  async append() {
    const m = message(items.length, items.length + 1);
    items.push(m);
    const count = items.length;
    const t0 = performance.now();
    list.items = items.map(convert);
    return untilFrame(() => list.querySelectorAll('vaadin-message').length >= count && laidOutIn(last(), list), t0);
  },
  elements: countElements,
};
