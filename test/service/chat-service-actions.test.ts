import { expect } from '@open-wc/testing';
import { isChatError } from '../../src/backend/errors.js';
import { ChatService } from '../../src/service/chat-service.js';
import { type UploadView, checkFile } from '../../src/service/uploads.js';
import {
  MemorySnippetPreferenceStorage,
  type Snippet,
  type SnippetsState,
  fillTemplate,
} from '../../src/service/snippets.js';
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

  describe('files', () => {
    it('refuses files for a chat the agent does not handle, before any upload', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      s.backend.script.agentAnswers('a2', id);
      await new Promise((r) => setTimeout(r, 0));
      let uploads = 0;
      s.backend.uploadFile = () => (uploads++, Promise.reject(new Error('not expected')));
      const error = await rejection(s.service.attachFiles(id, [new File(['x'], 'a.txt', { type: 'text/plain' })]));
      expect(isChatError(error, 'not-permitted')).to.equal(true);
      expect(uploads).to.equal(0);
    });

    it('checks size, emptiness and type against the capabilities with typed errors', () => {
      const caps = { maxFileSize: 100, allowedFileTypes: ['image/*', '.pdf'] };
      expect(checkFile({ name: 'a.png', size: 101, type: 'image/png' }, caps)?.code).to.equal('file-too-large');
      expect(checkFile({ name: 'a.png', size: 101, type: 'image/png' }, caps)?.details).to.deep.equal({ limit: 100, size: 101 });
      expect(checkFile({ name: 'a.png', size: 100, type: 'image/png' }, caps)).to.equal(null);
      expect(checkFile({ name: 'a.png', size: 0, type: 'image/png' }, caps)?.code).to.equal('file-empty');
      expect(checkFile({ name: 'a.exe', size: 5, type: 'application/x-msdownload' }, caps)?.code).to.equal('file-type-not-allowed');
      expect(checkFile({ name: 'a', size: 5, type: '' }, caps)?.code).to.equal('file-type-not-allowed');
      expect(checkFile({ name: 'A.PDF', size: 5, type: '' }, caps)).to.equal(null);
    });

    it('sends an uploaded file as a message showing the file at once, and cancelling stops it', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
      await s.service.answer(id);
      await s.service.loadHistory(id);
      let uploads: readonly UploadView[] = [];
      const sub = s.service.uploads$(id).subscribe((u) => (uploads = u));
      const done = s.service.attachFiles(id, [
        new File(['hello'], 'a.txt', { type: 'text/plain' }),
        new File(['hello'], 'b.txt', { type: 'text/plain' }),
      ]);
      await s.clock.advance(0);
      expect(uploads.map((u) => [u.name, u.status])).to.deep.equal([['a.txt', 'uploading'], ['b.txt', 'uploading']]);
      s.service.cancelUpload(id, uploads[1]!.id);
      expect(uploads.map((u) => u.name)).to.deep.equal(['a.txt']);
      await s.clock.advance(1000);
      await done;
      expect(uploads).to.deep.equal([]);
      const sent = s.service.state.histories[id]!.items.filter((m) => m.attachments.length);
      expect(sent.map((m) => m.attachments.map((a) => a.name))).to.deep.equal([['a.txt']]);
      sub.unsubscribe();
    });
  });

  it('keeps a file whose upload ends after the chat ended, failed with the reason, instead of dropping it', async () => {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
    await s.service.answer(id);
    await s.service.loadHistory(id);
    let uploads: readonly UploadView[] = [];
    const sub = s.service.uploads$(id).subscribe((u) => (uploads = u));
    const done = s.service.attachFiles(id, [new File(['hello'], 'invoice.txt', { type: 'text/plain' })]);
    await s.clock.advance(0);
    expect(uploads.map((u) => [u.name, u.status])).to.deep.equal([['invoice.txt', 'uploading']]);
    s.backend.script.customerLeaves(id);
    await s.clock.advance(1000);
    await done;
    expect(uploads.map((u) => [u.name, u.status, u.error?.code])).to.deep.equal([['invoice.txt', 'failed', 'invalid-state']]);
    expect(s.service.state.histories[id]!.items.some((m) => m.attachments.length > 0)).to.equal(false);
    sub.unsubscribe();
  });

  describe('insert texts', () => {
    it('fills template variables from the session, the agent and the channel; leaves other braces', () => {
      expect(
        fillTemplate('Hi {customerName}, {agentName} of {channelName} here {unknown}', {
          customerName: 'Mira',
          agentName: 'Anna',
          channelName: 'Sales website',
        }),
      ).to.equal('Hi Mira, Anna of Sales website here {unknown}');
    });

    it('gives the insert text per source and remembers recently used in the host storage', async () => {
      const s0 = await setup();
      const storage = new MemorySnippetPreferenceStorage();
      const service = new ChatService({ backend: s0.backend, clock: s0.clock, snippetPreferences: storage });
      await service.ready;
      const id = s0.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      await service.answer(id);
      // Before the snippets are loaded (their store loads on first use) there is nothing to use or mark.
      expect(() => service.useSnippet(id, 'template:T1')).to.throw().with.property('code', 'not-found');
      let favouriteError: unknown;
      try {
        service.toggleFavourite('faq:FAQ1');
      } catch (error) {
        favouriteError = error;
      }
      expect(isChatError(favouriteError) && favouriteError.code).to.equal('invalid-state');
      await service.loadSnippets();
      expect(service.useSnippet(id, 'template:T1')).to.equal(
        'Hello Mira Okafor, my name is Anna de Vries. Thank you for contacting Sales website. How can I help you?',
      );
      expect(service.useSnippet(id, 'faq:FAQ1')).to.match(/^How long does delivery take\?\nhttps:\/\//);
      expect(service.useSnippet(id, 'quick-reply:QR1')).to.equal('One moment please, I am checking this for you.');
      expect(storage.load('a1')?.recent).to.deep.equal(['quick-reply:QR1', 'faq:FAQ1', 'template:T1']);
      expect(service.toggleFavourite('faq:FAQ1')).to.equal(true);
      expect(storage.load('a1')?.favourites).to.deep.equal(['faq:FAQ1']);
      // A new service for the same agent starts from the stored preferences.
      const again = new ChatService({ backend: s0.backend, clock: s0.clock, snippetPreferences: storage });
      let state: SnippetsState | undefined;
      again.snippets$.subscribe((v) => (state = v)).unsubscribe();
      expect(state?.favourites).to.deep.equal(['faq:FAQ1']);
      service.dispose();
      again.dispose();
    });

    it('leaves out records that would insert nothing and titles blank-named ones by their first line of text', async () => {
      const s = await setup();
      s.backend.listFaqs = async () => [
        { id: 'F1', question: ' ', answer: 'a', url: '', folder: 'x' },
        { id: 'F2', question: '', answer: 'a', url: 'https://example.com/faq', folder: 'x' },
        { id: 'F3', question: 'Delivery?', answer: 'a', url: '', folder: 'x|y' },
      ];
      s.backend.listReplyTemplates = async () => [
        { id: 'T1', name: 'Empty', text: ' \n ', folder: 'x' },
        { id: 'T2', name: '  ', text: '\n Hello {customerName}\nBye', folder: 'x' },
      ];
      await s.service.loadSnippets();
      const shown = snippetsOf(s.service)
        .filter((x) => x.source !== 'quick-reply')
        .map((x) => [x.key, x.title, x.folder]);
      expect(shown).to.deep.equal([
        ['faq:F2', 'https://example.com/faq', 'x'],
        ['faq:F3', 'Delivery?', 'x|y'],
        ['template:T2', 'Hello {customerName}', 'x'],
      ]);
    });

    it('keeps quick replies personal: created, edited and deleted for the agent only, in the list at once', async () => {
      const s = await setup();
      const service2 = new ChatService({ backend: s.backend.forAgent('a2'), clock: s.clock });
      await service2.ready;
      await s.service.loadSnippets();
      const reply = await s.service.createQuickReply({ name: ' Hours ', text: ' Open 9-17 ' });
      const titles = () => s.service.state && snippetsOf(s.service).filter((x) => x.source === 'quick-reply').map((x) => x.title);
      expect(titles()).to.include('Hours');
      await service2.loadSnippets();
      expect(snippetsOf(service2).some((x) => x.title === 'Hours')).to.equal(false);
      expect(isChatError(await rejection(service2.updateQuickReply(reply.id, { name: 'x', text: 'y' })), 'not-permitted')).to.equal(true);
      expect(isChatError(await rejection(s.service.createQuickReply({ name: '', text: 'y' })), 'invalid-input')).to.equal(true);
      await s.service.updateQuickReply(reply.id, { name: 'Opening hours', text: 'Open 9-17' });
      expect(titles()).to.include('Opening hours');
      await s.service.deleteQuickReply(reply.id);
      expect(titles()).to.not.include('Opening hours');
      service2.dispose();
    });
  });

  describe('requests', () => {
    it('pre-fills the request from the chat and records a created request on the session at once', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: '  My invoice\nshows the wrong VAT number  ' });
      await s.service.answer(id);
      await s.service.loadHistory(id);
      expect(s.service.requestDraft(id)).to.deep.equal({
        title: 'My invoice shows the wrong VAT number',
        category: 'Support portal',
        priority: 'medium',
        text: '',
      });
      const request = await s.service.createRequest(id, { title: 'VAT', category: 'Billing', priority: 'high', text: 'extra' });
      expect(s.service.state.sessions[id]!.requestIds).to.deep.equal([request.id]);
      expect(s.backend.inspect.requestLog(request.id)).to.contain('My invoice');
    });

    it('refuses a request without a title before asking the backend', async () => {
      const s = await setup();
      const id = s.backend.script.customerArrives({ channelId: 'support', text: 'Hi' });
      await s.service.answer(id);
      let asked = 0;
      s.backend.createRequest = () => (asked++, Promise.reject(new Error('not expected')));
      const error = await rejection(s.service.createRequest(id, { title: '  ', category: '', priority: 'low' }));
      expect(isChatError(error, 'invalid-input')).to.equal(true);
      expect(asked).to.equal(0);
    });
  });
});

function snippetsOf(service: ChatService): readonly Snippet[] {
  let state: SnippetsState | undefined;
  service.snippets$.subscribe((v) => (state = v)).unsubscribe();
  return state?.snippets ?? [];
}
