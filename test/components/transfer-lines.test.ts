import { expect } from '@open-wc/testing';
import { checkMessage } from '../../src/service/adapter-data.js';
import type { ChatMessage } from '../../src/model/message.js';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { deepAll, deepText, mount, openConversation, settle, setup, waitUntil } from '../helpers.js';

/** The system lines of the conversation, as read. */
const systemLines = (el: Element) => deepAll(el, '.row.system').map((r) => deepText(r).replace(/\s+/g, ' '));

async function linesUntil(el: Element, text: string): Promise<string[]> {
  await waitUntil(() => systemLines(el).some((l) => l.includes(text)), `a system line with "${text}"`);
  await settle(el);
  return systemLines(el);
}

describe('<chat-conversation> transfer lines name the receiving agent', () => {
  it('a chat the agent hands to Sanne: "Transfer to Sanne Bakker requested (note: …)", "Chat transferred to Sanne Bakker (note: …)"', async () => {
    const { el, service, backend, id } = await openConversation();
    await service.requestTransfer(id, 'a2', 'Knows the order');
    const requested = await linesUntil(el, 'Transfer to Sanne Bakker requested');
    expect(requested.join('\n')).to.contain('Transfer to Sanne Bakker requested (note: Knows the order)');
    backend.script.acceptTransfer('a2', id);
    const lines = await linesUntil(el, 'Chat transferred to Sanne Bakker');
    expect(lines.join('\n')).to.contain('Chat transferred to Sanne Bakker (note: Knows the order)');
  });

  it('a rejected and a cancelled transfer name the agent too', async () => {
    const { el, service, backend, id } = await openConversation();
    await service.requestTransfer(id, 'a2');
    backend.script.rejectTransfer('a2', id);
    await linesUntil(el, 'Sanne Bakker rejected the transfer');
    await service.requestTransfer(id, 'a2');
    await service.cancelTransfer(id);
    const lines = await linesUntil(el, 'Transfer to Sanne Bakker cancelled');
    expect(lines.join('\n')).not.to.contain('(note:');
  });

  it('a chat a colleague hands to the agent says "to you"; in Dutch formally ("aan u")', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const { service, backend } = await setup(); // signed in as Anna (a1)
      // Sanne's chat (answered by a2), transferred to Anna with a note.
      const id = backend.script.customerArrives({ channelId: 'sales', name: 'Lotte de Graaf', text: 'Offerte graag' });
      backend.script.agentAnswers('a2', id);
      backend.script.transfer(id, 'a2', 'a1', 'Spreekt Nederlands');
      await waitUntil(() => service.state.sessions[id]?.transferTo, 'the offer');
      await service.acceptTransfer(id);
      service.selectSession(id);
      const el = await mount<ChatConversation>(service, html`<chat-conversation></chat-conversation>`, lang);
      const [requested, transferred] =
        lang === 'en'
          ? ['Transfer to you requested (note: Spreekt Nederlands)', 'Chat transferred to you (note: Spreekt Nederlands)']
          : ['Overdracht aan u aangevraagd (notitie: Spreekt Nederlands)', 'Chat aan u overgedragen (notitie: Spreekt Nederlands)'];
      const lines = await linesUntil(el, transferred);
      expect(lines.join('\n')).to.contain(requested);
    }
  });
});

describe('adapter data: the transfer of a system line is optional', () => {
  const line = { id: 'm1', sessionId: 's1', seq: 3, kind: 'system', systemEvent: 'transferred', text: '', authorName: '', sentAt: '2026-11-30T09:00:00Z', attachments: [] };

  it('keeps a well-formed transfer, drops a malformed one, and a bad note only', () => {
    const good = checkMessage({ ...line, transfer: { fromAgentId: 'a2', toAgentId: 'a1', note: 'Hi' } }) as ChatMessage;
    expect(good.transfer).to.deep.equal({ fromAgentId: 'a2', toAgentId: 'a1', note: 'Hi' });
    expect((checkMessage({ ...line, transfer: { fromAgentId: 'a2' } }) as ChatMessage).transfer).to.equal(undefined);
    expect((checkMessage({ ...line, transfer: 'a1' }) as ChatMessage).transfer).to.equal(undefined);
    expect((checkMessage({ ...line, transfer: { fromAgentId: 'a2', toAgentId: 'a1', note: 5 } }) as ChatMessage).transfer).to.deep.equal({
      fromAgentId: 'a2',
      toAgentId: 'a1',
    });
  });
});
