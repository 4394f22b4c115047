import { expect } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { FakeClock } from '../../src/service/clock.js';

describe('demo backend: the long-running chat (paging)', () => {
  const make = () =>
    new InMemoryChatBackend({ clock: new FakeClock('2026-11-30T09:00:00Z'), autoplay: false, longChatMessages: 10_000 });

  it('holds one ongoing chat of the agent with 10,000 invented messages, oldest first, read', async () => {
    const backend = make();
    const [session] = backend.inspect.sessions();
    expect(session!.status).to.equal('ongoing');
    expect(session!.agentId).to.equal('a1');
    expect(session!.unreadCount).to.equal(0);
    const messages = backend.inspect.messages(session!.id);
    expect(messages).to.have.length(10_000);
    const times = messages.map((m) => Date.parse(m.sentAt));
    expect([...times].sort((a, b) => a - b)).to.deep.equal(times);
    expect(times.at(-1)).to.be.below(Date.parse('2026-11-30T09:00:00Z'));
    const lengths = messages.map((m) => m.text.length);
    expect(Math.min(...lengths)).to.be.at.least(5);
    expect(Math.max(...lengths)).to.be.at.most(400);
    expect(new Set(messages.map((m) => m.text)).size, 'varied text').to.be.greaterThan(50);
    expect(messages.some((m) => m.kind === 'to-customer') && messages.some((m) => m.kind === 'from-customer')).to.equal(true);
    backend.dispose();
  });

  it('is generated deterministically and pages 50 at a time', async () => {
    const a = make();
    const b = make();
    const id = a.inspect.sessions()[0]!.id;
    expect(a.inspect.messages(id).map((m) => m.text)).to.deep.equal(b.inspect.messages(id).map((m) => m.text));
    const page = await a.getMessages(id, { limit: 50 });
    expect(page.messages).to.have.length(50);
    expect(page.hasMore).to.equal(true);
    expect(page.messages.at(-1)!.id).to.equal(a.inspect.messages(id).at(-1)!.id);
    const older = await a.getMessages(id, { limit: 50, beforeSeq: page.messages[0]!.seq });
    expect(older.messages.at(-1)!.seq).to.equal(page.messages[0]!.seq - 1);
    a.dispose();
    b.dispose();
  });

  it('is off by default', () => {
    const backend = new InMemoryChatBackend({ clock: new FakeClock('2026-11-30T09:00:00Z'), autoplay: false });
    expect(backend.inspect.sessions()).to.have.length(0);
    backend.dispose();
  });

  it('with the simulator on, its customer keeps writing now and then (so "new messages" and pinning can be tried in the demo)', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ clock, longChatMessages: 500 });
    const id = backend.inspect.sessions().find((s) => s.customer.name === 'Jonas Verbeek')!.id;
    const before = backend.inspect.messages(id).length;
    await clock.advance(5 * 60_000);
    const after = backend.inspect.messages(id);
    const added = after.slice(before);
    // Every 20–45 s plus 1.5–3 s of typing: 6 to 14 new lines in 5 minutes.
    expect(added.length).to.be.within(6, 14);
    expect(added.every((m) => m.kind === 'from-customer' && m.text.length >= 5)).to.equal(true);
    // Once the chat has ended the customer stops.
    backend.script.customerLeaves(id);
    const ended = backend.inspect.messages(id).length;
    await clock.advance(5 * 60_000);
    expect(backend.inspect.messages(id).length).to.equal(ended);
    backend.dispose();
  });
});
