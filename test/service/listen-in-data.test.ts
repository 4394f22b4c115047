/**
 * The listen-in feed goes through the same adapter data checks as the agent's own events and
 * histories (DOM-free): defaults for missing optional fields, malformed messages and events left
 * out of the view and reported on `errors$` as `invalid-input` naming the field; the feed goes on.
 */
import { expect } from '@open-wc/testing';
import { Subject, merge } from 'rxjs';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService, type ChatServiceError } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { tampered } from '../helpers.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

/**
 * Agent a1 (listen-in right on support) and Sanne's (a2) ongoing support chat; the listen-in feed
 * carries the backend's own feed plus whatever the test pushes on `extra`, and `getMessages`
 * passes its page through `page`.
 */
async function make(page: (messages: readonly Record<string, unknown>[]) => unknown[] = (m) => [...m]) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const extra = new Subject<unknown>();
  const service = new ChatService({
    backend: tampered(backend, {
      listenIn: (id: string) => merge(backend.listenIn(id), extra),
      getMessages: async (id: string, options: object) => {
        const result = await backend.getMessages(id, options);
        return { ...result, messages: page(result.messages as unknown as Record<string, unknown>[]) };
      },
    }),
    clock,
  });
  const errors: ChatServiceError[] = [];
  service.errors$.subscribe((e) => errors.push(e));
  await service.ready;
  const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
  backend.script.agentAnswers('a2', id);
  await tick();
  return { clock, backend, service, errors, extra, id };
}

/** A feed message of session `sessionId` as an adapter might send it (override fields; `undefined` removes one). */
function feedMessage(sessionId: string, seq: number, over: Record<string, unknown> = {}): { type: 'message'; message: Record<string, unknown> } {
  const message: Record<string, unknown> = {
    id: `feed-${seq}`,
    sessionId,
    seq,
    kind: 'from-customer',
    text: `Feed message ${seq}`,
    authorName: 'Mira Okafor',
    sentAt: '2026-11-30T09:05:00Z',
    attachments: [],
  };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) delete message[key];
    else message[key] = value;
  }
  return { type: 'message', message };
}

describe('ChatService: the listen-in feed is checked like every adapter record', () => {
  it('a feed message without attachments or text is shown with the defaults ([] and ""), without an error', async () => {
    const { service, errors, extra, id } = await make();
    const listen = await service.listenIn(id);
    extra.next(feedMessage(id, 50, { attachments: undefined }));
    extra.next(feedMessage(id, 51, { text: undefined, attachments: [{ id: 'f1', name: 'label.pdf', size: 1200, type: 'application/pdf', url: 'https://example.org/label.pdf' }] }));
    const [noFiles, noText] = listen.view.messages.slice(-2);
    expect(noFiles).to.include({ id: 'feed-50', text: 'Feed message 50', status: 'sent' });
    expect(noFiles!.attachments).to.deep.equal([]);
    expect(noText).to.include({ id: 'feed-51', text: '' });
    expect(noText!.attachments.map((a) => a.name)).to.deep.equal(['label.pdf']);
    expect(errors).to.deep.equal([]);
    listen.stop();
    service.dispose();
  });

  it('a feed message with a bad sentAt is left out and reported as invalid-input naming sentAt; the feed goes on', async () => {
    const { service, errors, extra, id, backend } = await make();
    const listen = await service.listenIn(id);
    const before = listen.view.messages.length;
    extra.next(feedMessage(id, 60, { sentAt: 'yesterday' }));
    expect(listen.view.messages.length, 'not shown').to.equal(before);
    expect(errors.map((e) => [e.command, e.code])).to.deep.equal([['listenIn', 'invalid-input']]);
    expect(errors[0]!.message).to.contain("'sentAt' is not an ISO 8601 time: 'yesterday'");
    expect(errors[0]!.cause.details).to.deep.equal({ field: 'sentAt' });
    // The feed goes on: the next message from the backend arrives.
    backend.script.customerWrites(id, 'Still there?');
    await tick();
    expect(listen.view.messages.at(-1)!.text).to.equal('Still there?');
    expect(listen.view.status).to.equal('live');
    listen.stop();
    service.dispose();
  });

  it('feed messages without id or with an unknown kind, a session update with an unknown status and an unknown event are left out and reported', async () => {
    const { service, errors, extra, id } = await make();
    const listen = await service.listenIn(id);
    const view = listen.view;
    extra.next(feedMessage(id, 70, { id: undefined }));
    extra.next(feedMessage(id, 71, { kind: 'shout' }));
    extra.next({ type: 'session-updated', session: { ...view.session, status: 'paused' } });
    extra.next({ type: 'gossip' });
    extra.next(null);
    expect(listen.view, 'the view did not change').to.equal(view);
    expect(errors.map((e) => [e.command, e.code, e.cause.details['field']])).to.deep.equal([
      ['listenIn', 'invalid-input', 'id'],
      ['listenIn', 'invalid-input', 'kind'],
      ['listenIn', 'invalid-input', 'status'],
      ['listenIn', 'invalid-input', 'type'],
      ['listenIn', 'invalid-input', 'event'],
    ]);
    listen.stop();
    service.dispose();
  });

  it('the first page goes through the same checks: defaults filled, a message with a bad sentAt left out and reported once', async () => {
    const { service, errors, id } = await make((messages) =>
      messages.map(({ attachments: _a, ...m }, i) => (i === 0 ? { ...m, sentAt: 'not a time' } : m)),
    );
    const listen = await service.listenIn(id);
    expect(listen.view.messages.map((m) => m.text)).to.deep.equal(['Hi, thanks for reaching out to support. I am reading your message now.']);
    expect(listen.view.messages[0]!.attachments).to.deep.equal([]);
    expect(errors.map((e) => [e.command, e.code])).to.deep.equal([['getMessages', 'invalid-input']]);
    expect(errors[0]!.message).to.contain("'sentAt'");
    listen.stop();
    service.dispose();
  });
});
