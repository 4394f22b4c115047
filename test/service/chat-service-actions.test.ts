import { expect } from '@open-wc/testing';
import { isChatError } from '../../src/backend/errors.js';
import { ChatService } from '../../src/service/chat-service.js';
import { setup } from '../helpers.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ChatService conversation actions', () => {
  describe('transfer', () => {
    it('refuses to transfer a chat the agent does not own, without asking the backend', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      s.backend.script.agentAnswers('a2', id);
      await new Promise((r) => setTimeout(r, 0));
      let asked = 0;
      s.backend.requestTransfer = () => (asked++, Promise.reject(new Error('not expected')));
      const error = await rejection(s.service.requestTransfer(id, 'a2'));
      expect(isChatError(error, 'not-permitted')).to.equal(true);
      expect(asked).to.equal(0);
    });

    it('refuses a transfer to an away agent', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      await s.service.answer(id);
      // Priya (a4) has a right on sales but is away.
      expect(isChatError(await rejection(s.service.requestTransfer(id, 'a4')), 'not-permitted')).to.equal(true);
      expect(s.service.state.sessions[id]!.transferTo).to.equal(undefined);
    });

    it('refuses a transfer to an agent without a right on the channel', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      await s.service.answer(id);
      // Tom (a3) is present but works support and webshop-nl only.
      expect(isChatError(await rejection(s.service.requestTransfer(id, 'a3')), 'not-permitted')).to.equal(true);
    });

    it('refuses a second transfer while one is pending', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      await s.service.answer(id);
      await s.service.requestTransfer(id, 'a2', 'please');
      expect(s.service.state.sessions[id]!.transferTo).to.deep.include({ toAgentId: 'a2', note: 'please' });
      expect(isChatError(await rejection(s.service.requestTransfer(id, 'a2')), 'invalid-state')).to.equal(true);
    });

    it('lists present agents with a right on the channel as transfer targets, with chat counts', async () => {
      const s = await setup();
      const service2 = new ChatService({ backend: s.backend.forAgent('a2'), clock: s.clock });
      await service2.ready;
      const id = s.backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      await s.service.answer(id);
      const busy = s.backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      s.backend.script.agentAnswers('a3', busy);
      await new Promise((r) => setTimeout(r, 0));
      let targets: readonly { agent: { id: string }; chatCount: number }[] = [];
      const sub = s.service.transferTargets$(id).subscribe((t) => (targets = t));
      expect(targets.map((t) => [t.agent.id, t.chatCount])).to.deep.equal([
        ['a5', 0],
        ['a2', 0],
        ['a3', 1],
      ]);
      await service2.setPresence('away');
      await new Promise((r) => setTimeout(r, 0));
      expect(targets.map((t) => t.agent.id)).to.deep.equal(['a5', 'a3']);
      sub.unsubscribe();
      service2.dispose();
    });
  });
});
