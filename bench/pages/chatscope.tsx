/**
 * @chatscope/chat-ui-kit-react: a MessageList of Message (its default styles), rendered by React 19
 * with the same messages as the other contenders. Every message is a DOM node (no virtualisation);
 * the list scrolls itself to the bottom on mount and when a message arrives (autoScrollToBottom,
 * scrollBehavior "auto": its defaults).
 */
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { MainContainer, Message, MessageList } from '@chatscope/chat-ui-kit-react';
import { createRoot, type Root } from 'react-dom/client';
import { type BenchMessage, box, countElements, laidOutIn, message, messages, removeBoxes, untilFrame } from './common.js';

let items: BenchMessage[] = [];
let root: Root;
let host: HTMLElement;

function List({ items }: { items: BenchMessage[] }) {
  return (
    <MainContainer style={{ height: '600px', width: '800px' }}>
      <MessageList>
        {items.map((m) => (
          <Message
            key={m.id}
            data-id={m.id}
            model={{
              type: 'text',
              message: m.text,
              sender: m.author,
              sentTime: m.time.slice(11, 16),
              direction: m.fromCustomer ? 'incoming' : 'outgoing',
              position: 'single',
            }}
          />
        ))}
      </MessageList>
    </MainContainer>
  );
}

const viewport = () => host.querySelector('.cs-message-list');
const last = () => host.querySelector(`[data-id="${items[items.length - 1]!.id}"]`);

window.bench = {
  async open(n) {
    const data = messages(n);
    host = box();
    const t0 = performance.now();
    items = data;
    root = createRoot(host);
    root.render(<List items={items} />);
    return untilFrame(() => !!viewport() && laidOutIn(last(), viewport()!), t0);
  },
  async append() {
    const t0 = performance.now();
    items = [...items, message(items.length, items.length + 1)];
    root.render(<List items={items} />);
    return untilFrame(() => laidOutIn(last(), viewport()!), t0);
  },
  elements: countElements,
  close() {
    root.unmount();
    removeBoxes();
  },
};
