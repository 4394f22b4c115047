import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import { insertIntoText } from '../../src/service/snippets.js';
import { TypeAhead } from '../../src/service/type-ahead.js';
import { unsentReply } from '../../src/service/unsent-reply.js';
import { setup } from '../helpers.js';

describe('agent flow rules (DOM-free)', () => {
  describe('insertIntoText', () => {
    it('puts one space between the inserted text and a word it would touch, on either side', () => {
      // At the start of a draft: "Hi Chiara" + "draft…" was "Hi Chiaradraft…".
      expect(insertIntoText('draft of mine', 0, 0, 'Hi Chiara')).to.deep.equal({ value: 'Hi Chiara draft of mine', caret: 9 });
      expect(insertIntoText('Hello', 5, 5, 'Chiara')).to.deep.equal({ value: 'Hello Chiara', caret: 12 });
      expect(insertIntoText('AB', 1, 1, 'x')).to.deep.equal({ value: 'A x B', caret: 3 });
    });

    it('never makes double spaces: existing whitespace, or the text\'s own, is the separator', () => {
      expect(insertIntoText('Hello ', 6, 6, 'Chiara').value).to.equal('Hello Chiara');
      expect(insertIntoText('Hello ', 6, 6, ' Chiara ').value).to.equal('Hello Chiara');
      expect(insertIntoText('Hello', 5, 5, ' Chiara').value).to.equal('Hello Chiara');
      expect(insertIntoText('a  b', 2, 2, 'x').value).to.equal('a x b');
      expect(insertIntoText('line one\n', 9, 9, 'next').value).to.equal('line one\nnext');
      expect(insertIntoText('', 0, 0, '  Hi  ')).to.deep.equal({ value: 'Hi', caret: 2 });
    });

    it('replaces the selected range (or a typed "/…") and keeps line breaks inside the text', () => {
      expect(insertIntoText('/thanks', 0, 7, 'Thank you')).to.deep.equal({ value: 'Thank you', caret: 9 });
      expect(insertIntoText('Hi XX there', 3, 5, 'Chiara').value).to.equal('Hi Chiara there');
      expect(insertIntoText('See', 3, 3, 'FAQ?\nhttps://x').value).to.equal('See FAQ?\nhttps://x');
    });
  });

  describe('quick replies', () => {
    it('fill {customerName}, {agentName} and {channelName} as reply templates do', async () => {
      const { backend, service } = await setup();
      const id = backend.script.customerArrives({ channelId: 'sales', name: 'Chiara Rossi', text: 'Hi' });
      await service.answer(id);
      await service.loadSnippets();
      const reply = await service.createQuickReply({ name: 'Greeting', text: 'Hi {customerName}, {agentName} of {channelName} here. {other}' });
      expect(service.useSnippet(id, `quick-reply:${reply.id}`)).to.equal('Hi Chiara Rossi, Anna de Vries of Sales website here. {other}');
    });
  });

  describe('unsentReply', () => {
    it('is the draft of a chat the customer left while the agent wrote, and stays the chat\'s draft', async () => {
      const { backend, service } = await setup();
      const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      await service.answer(id);
      service.setDraft(id, 'Thanks for waiting, I ');
      expect(unsentReply(service.state, id), 'null while the agent can write').to.equal(null);
      backend.script.customerLeaves(id);
      await new Promise((r) => setTimeout(r, 0));
      expect(unsentReply(service.state, id)).to.deep.equal({ text: 'Thanks for waiting, I ', reason: 'customer-left' });
      expect(await firstValueFrom(service.unsentReply$(id))).to.deep.equal({ text: 'Thanks for waiting, I ', reason: 'customer-left' });
      expect(service.state.drafts[id]).to.equal('Thanks for waiting, I ');
    });

    it('names why: ended by the agent, or taken by another agent; nothing for a blank draft', async () => {
      const { backend, service } = await setup();
      const ended = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      const taken = backend.script.customerArrives({ channelId: 'sales', name: 'Jonas Veldman', text: 'Hi' });
      await service.answer(ended);
      await service.answer(taken);
      service.setDraft(ended, 'Bye');
      await service.endSession(ended);
      expect(unsentReply(service.state, ended)?.reason).to.equal('ended');
      service.setDraft(taken, '   ');
      backend.script.transfer(taken, 'a1', 'a2');
      backend.script.acceptTransfer('a2', taken);
      await new Promise((r) => setTimeout(r, 0));
      expect(unsentReply(service.state, taken), 'blank').to.equal(null);
      service.setDraft(taken, 'Half a reply');
      expect(unsentReply(service.state, taken)).to.deep.equal({ text: 'Half a reply', reason: 'not-writable' });
    });
  });

  describe('TypeAhead', () => {
    const names = ['Mira Okafor', 'Jonas Veldman', 'Émile Martin', 'Joost Bakker', 'Visitor'];

    it('a letter moves to the next name starting with it, cycling; the same letter again goes on', () => {
      const t = new TypeAhead();
      expect(t.find('j', 0, names, 0)).to.equal(1);
      expect(t.find('j', 100, names, 1), 'the same letter again: the next J').to.equal(3);
      expect(t.find('j', 200, names, 3), 'cycles').to.equal(1);
      expect(t.find('e', 2000, names, 1), 'accents do not count').to.equal(2);
    });

    it('letters in quick succession search on; a pause of 500 ms starts again', () => {
      const t = new TypeAhead();
      expect(t.find('j', 0, names, 0)).to.equal(1);
      expect(t.find('o', 100, names, 1)).to.equal(1);
      expect(t.find('o', 200, names, 1), '"joo"').to.equal(3);
      expect(t.active(699)).to.equal(true);
      expect(t.active(700)).to.equal(false);
      expect(t.find('m', 700, names, 3), 'a new search').to.equal(0);
    });

    it('a Space belongs to an ongoing search; nothing matching starts again from the last letter', () => {
      const t = new TypeAhead();
      expect(t.find('m', 0, names, -1)).to.equal(0);
      expect(t.find('i', 50, names, 0)).to.equal(0);
      expect(t.active(100), 'a Space now searches').to.equal(true);
      expect(t.find(' ', 100, names, 0), '"mi " has no match, " " neither').to.equal(-1);
      expect(t.find('v', 150, names, 0), 'starts again at "v"').to.equal(4);
    });
  });
});
