/** <chat-conversation> (and <chat-session-list> for the burst) with every feature on, on the demo backend. */
import '../../src/define.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService } from '../../src/service/chat-service.js';
import { box, laidOutIn, message, untilFrame, watchJank } from './common.js';
import { countElements } from './common.js';

let backend: InMemoryChatBackend;
let sessionId = '';
let conversation: HTMLElement;
let count = 0;

function newest(): Element | null {
  const log = conversation.shadowRoot?.querySelector('[role="log"]');
  const last = backend.inspect.messages(sessionId).at(-1)!;
  return log?.querySelector(`[data-message-id="${last.id}"]`) ?? null;
}

window.bench = {
  async open(n) {
    // The data: the demo backend's long-running chat of n messages (same generator as the peers').
    backend = new InMemoryChatBackend({ autoplay: false, longChatMessages: n });
    sessionId = backend.inspect.sessions()[0]!.id;
    count = n;
    const service = new ChatService({ backend });
    await service.ready;
    const host = box();
    const t0 = performance.now();
    const provider = document.createElement('chat-provider') as HTMLElement & { service: ChatService };
    provider.service = service;
    provider.style.cssText = 'display: block; height: 100%';
    conversation = document.createElement('chat-conversation');
    conversation.setAttribute('session-id', sessionId);
    conversation.style.cssText = 'display: block; height: 100%';
    provider.append(conversation);
    host.append(provider);
    const log = () => conversation.shadowRoot?.querySelector('[role="log"]');
    return untilFrame(() => !!log() && laidOutIn(newest(), log()!), t0);
  },
  async append() {
    const log = conversation.shadowRoot!.querySelector('[role="log"]')!;
    const t0 = performance.now();
    backend.script.customerWrites(sessionId, message(count, count + 1).text);
    count++;
    return untilFrame(() => laidOutIn(newest(), log), t0);
  },
  async burst(sessions, perSecond, seconds) {
    backend = new InMemoryChatBackend({ autoplay: false });
    const ids: string[] = [];
    for (let i = 0; i < sessions; i++) {
      const id = backend.script.customerArrives({ channelId: 'sales', name: `Customer ${i + 1}`, text: message(i, sessions).text });
      backend.script.agentAnswers('a1', id);
      ids.push(id);
    }
    const service = new ChatService({ backend });
    await service.ready;
    service.selectSession(ids[ids.length - 1]!);
    const host = box();
    host.style.flexDirection = 'row';
    const provider = document.createElement('chat-provider') as HTMLElement & { service: ChatService };
    provider.service = service;
    provider.style.cssText = 'display: flex; height: 100%; width: 100%';
    const list = document.createElement('chat-session-list');
    list.style.cssText = 'display: flex; flex-direction: column; width: 320px; height: 100%';
    const conv = document.createElement('chat-conversation');
    conv.style.cssText = 'display: block; flex: 1; height: 100%';
    provider.append(list, conv);
    host.append(provider);
    await new Promise((r) => setTimeout(r, 500));
    const stop = watchJank();
    let n = 0;
    const total = perSecond * seconds;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const id = ids[(n * 7919) % ids.length]!;
        backend.script.customerWrites(id, message(n, total).text);
        if (++n >= total) {
          clearInterval(timer);
          resolve();
        }
      }, 1000 / perSecond);
    });
    return stop();
  },
  elements: countElements,
};
