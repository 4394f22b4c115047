import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import type { ChatSession } from '../../src/model/session.js';
import { checkSession } from '../../src/service/adapter-data.js';
import { byRole, deepText, mount, settle, setup, tampered, waitUntil } from '../helpers.js';
import { ChatService } from '../../src/service/chat-service.js';

const rowText = (el: Element, name: RegExp) => deepText(byRole(el, 'option', name)).replace(/\s+/g, ' ');

describe('<chat-session-list> says who wrote the last message', () => {
  it('credits a colleague\'s message to them after their chat is transferred to the agent, and the agent\'s own to "You:"', async () => {
    const { backend, service } = await setup(); // signed in as Anna (a1)
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'I need help with a quote' });
    backend.script.agentAnswers('a2', id);
    backend.script.agentWrites('a2', id, 'Let me get a colleague');
    backend.script.transfer(id, 'a2', 'a1');
    const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`, 'en');
    await waitUntil(() => service.state.sessions[id]?.transferTo, 'the transfer');
    await settle(el);
    expect(rowText(el, /Mira Okafor/)).to.contain('Sanne Bakker: Let me get a colleague');

    await service.acceptTransfer(id);
    await waitUntil(() => service.state.sessions[id]?.agentId === 'a1', 'accepted');
    await settle(el);
    const text = rowText(el, /Mira Okafor/);
    expect(text).to.contain('Sanne Bakker: Let me get a colleague');
    expect(text).not.to.contain('You:');

    await service.sendMessage(id, 'Hello Mira, Anna here');
    await waitUntil(() => rowText(el, /Mira Okafor/).includes('You: Hello Mira, Anna here'), 'own message after "You:"');
  });

  it('without a known agent it shows the message\'s author name, and "Agent:" when the adapter names no author; Dutch too', async () => {
    const { backend, clock } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
    await backend.answer(id);
    let strip: 'unknown-agent' | 'no-author' = 'unknown-agent';
    const edit = (session: ChatSession): ChatSession => {
      const last = session.lastMessage;
      if (!last || last.kind !== 'to-customer') return session;
      const { agentId: _, authorName, ...rest } = last;
      return {
        ...session,
        lastMessage: strip === 'unknown-agent' ? { ...rest, agentId: 'a-gone', ...(authorName ? { authorName: 'Former Colleague' } : {}) } : rest,
      };
    };
    const adapter = tampered(backend, {
      getSnapshot: async () => {
        const snapshot = await backend.getSnapshot();
        return { ...snapshot, sessions: snapshot.sessions.map(edit) };
      },
    });
    backend.script.agentWrites('a1', id, 'Sorted');
    for (const [mode, lang, expected] of [
      ['unknown-agent', 'en', 'Former Colleague: Sorted'],
      ['no-author', 'en', 'Agent: Sorted'],
      ['unknown-agent', 'nl', 'Former Colleague: Sorted'],
    ] as const) {
      strip = mode;
      const service = new ChatService({ backend: adapter, clock });
      await service.ready;
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`, lang);
      await settle(el);
      const text = rowText(el, /Mira Okafor/);
      expect(text, `${mode} ${lang}`).to.contain(expected);
      expect(text).not.to.contain('You:');
      service.dispose();
    }
  });
});

describe('adapter data: the author of lastMessage is optional', () => {
  const base = { id: 's1', channelId: 'sales', status: 'ongoing', customer: { name: 'Mira' }, createdAt: '2026-11-30T09:00:00Z' };
  const preview = { kind: 'to-customer', text: 'Hi', sentAt: '2026-11-30T09:01:00Z' };

  it('keeps agentId and authorName when they are strings, and a preview without them', () => {
    const named = checkSession({ ...base, lastMessage: { ...preview, agentId: 'a2', authorName: 'Sanne Bakker' } }) as ChatSession;
    expect(named.lastMessage).to.deep.equal({ ...preview, agentId: 'a2', authorName: 'Sanne Bakker' });
    expect((checkSession({ ...base, lastMessage: preview }) as ChatSession).lastMessage).to.deep.equal(preview);
  });

  it('leaves out a malformed author and keeps the preview', () => {
    const bad = checkSession({ ...base, lastMessage: { ...preview, agentId: 42, authorName: { x: 1 } } }) as ChatSession;
    expect(bad.lastMessage).to.deep.equal(preview);
    const half = checkSession({ ...base, lastMessage: { ...preview, agentId: 'a2', authorName: 7 } }) as ChatSession;
    expect(half.lastMessage).to.deep.equal({ ...preview, agentId: 'a2' });
  });
});
