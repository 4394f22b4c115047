/** deep-chat with the same messages as its history. */
import 'deep-chat';
import { type BenchMessage, box, countElements, laidOutIn, message, messages, untilFrame } from './common.js';

type DeepChat = HTMLElement & {
  history: { role: string; text: string }[];
  addMessage(message: { role: string; text: string }): void;
};
let chat: DeepChat;
let items: BenchMessage[] = [];

const convert = (m: BenchMessage) => ({ role: m.fromCustomer ? 'user' : 'ai', text: m.text });
function bubbles(): Element[] {
  return Array.from(chat.shadowRoot?.querySelectorAll('.message-bubble') ?? []);
}
function viewport(): Element {
  return chat.shadowRoot?.querySelector('#messages') ?? chat;
}

window.bench = {
  async open(n) {
    items = messages(n);
    const host = box();
    const t0 = performance.now();
    chat = document.createElement('deep-chat') as DeepChat;
    chat.style.cssText = 'width: 800px; height: 600px; display: block';
    chat.history = items.map(convert);
    host.append(chat);
    return (
      await untilFrame(() => {
        const all = bubbles();
        const last = all[all.length - 1];
        return all.length >= n && !!last && last.textContent?.includes(items[n - 1]!.text.slice(0, 20)) === true && laidOutIn(last, viewport());
      }, t0)
    ).ms;
  },
  async append() {
    const m = message(items.length, items.length + 1);
    items.push(m);
    const before = bubbles().length;
    const t0 = performance.now();
    chat.addMessage(convert(m));
    return untilFrame(() => {
      const all = bubbles();
      return all.length > before && laidOutIn(all[all.length - 1], viewport());
    }, t0);
  },
  elements: countElements,
};
