import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import type { TransferOffer } from '../../src/service/transfer-offers.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

async function make() {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 3, clock, autoplay: false });
  const service = new ChatService({ backend, clock });
  await service.ready;
  const offered: TransferOffer[] = [];
  service.transferOffered$.subscribe((o) => offered.push(o));
  return { clock, backend, service, offered };
}

/** A chat the colleague a2 (Sanne Bakker) handles. */
async function colleaguesChat(ctx: Awaited<ReturnType<typeof make>>, name = 'Mira Okafor') {
  const id = ctx.backend.script.customerArrives({ channelId: 'sales', name, text: 'Hello' });
  ctx.backend.script.agentAnswers('a2', id);
  await tick();
  return id;
}

async function rejection(promise: Promise<unknown>): Promise<ChatBackendError> {
  try {
    await promise;
  } catch (error) {
    return error as ChatBackendError;
  }
  throw new Error('expected a rejection');
}

describe('ChatService: transfers offered to the agent', () => {
  it('counts a transfer offered to the agent in the Chats badge, next to the chats they handle', async () => {
    const ctx = await make();
    const mine = ctx.backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hi' });
    await tick();
    await ctx.service.answer(mine);
    const id = await colleaguesChat(ctx);
    expect(await firstValueFrom(ctx.service.chatsBadgeCount$)).to.equal(1);
    ctx.backend.script.transfer(id, 'a2', 'a1', 'Knows the order');
    await tick();
    expect(await firstValueFrom(ctx.service.handlingCount$)).to.equal(1);
    expect(await firstValueFrom(ctx.service.chatsBadgeCount$)).to.equal(2);
    const [offer, ...rest] = await firstValueFrom(ctx.service.transferOffers$);
    expect(rest).to.deep.equal([]);
    expect(offer).to.include({
      sessionId: id,
      fromAgentId: 'a2',
      fromAgentName: 'Sanne Bakker',
      customerName: 'Mira Okafor',
      note: 'Knows the order',
    });
    expect(Date.parse(offer!.requestedAt)).to.equal(ctx.clock.now());
  });

  it('does not count a transfer the agent offers to someone else, nor one between two colleagues', async () => {
    const ctx = await make();
    const mine = ctx.backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hi' });
    await tick();
    await ctx.service.answer(mine);
    await ctx.service.requestTransfer(mine, 'a2');
    const theirs = ctx.backend.script.customerArrives({ channelId: 'support', name: 'Lena', text: 'Hi' });
    ctx.backend.script.agentAnswers('a2', theirs);
    ctx.backend.script.transfer(theirs, 'a2', 'a3');
    await tick();
    expect(await firstValueFrom(ctx.service.transferOffers$)).to.deep.equal([]);
    expect(await firstValueFrom(ctx.service.chatsBadgeCount$)).to.equal(1);
    expect(ctx.offered).to.deep.equal([]);
  });

  it('drops the offer from the badge when the agent accepts (then it is a handled chat), rejects, or the sender cancels', async () => {
    const ctx = await make();
    const a = await colleaguesChat(ctx, 'Mira Okafor');
    const b = await colleaguesChat(ctx, 'Tomasz Weber');
    const c = await colleaguesChat(ctx, 'Lena Fischer');
    for (const id of [a, b, c]) ctx.backend.script.transfer(id, 'a2', 'a1');
    await tick();
    expect(await firstValueFrom(ctx.service.chatsBadgeCount$)).to.equal(3);
    await ctx.service.acceptTransfer(a);
    expect(await firstValueFrom(ctx.service.chatsBadgeCount$)).to.equal(3); // 1 handled + 2 offered
    expect(await firstValueFrom(ctx.service.handlingCount$)).to.equal(1);
    await ctx.service.rejectTransfer(b);
    expect(await firstValueFrom(ctx.service.chatsBadgeCount$)).to.equal(2);
    await ctx.backend.forAgent('a2').cancelTransfer(c);
    await tick();
    expect(await firstValueFrom(ctx.service.chatsBadgeCount$)).to.equal(1);
    expect((await firstValueFrom(ctx.service.transferOffers$)).map((o) => o.sessionId)).to.deep.equal([]);
  });

  it('emits each offer once on transferOffered$, and again when the chat is offered anew after a reject', async () => {
    const ctx = await make();
    const id = await colleaguesChat(ctx);
    ctx.backend.script.transfer(id, 'a2', 'a1', 'Please take over');
    await tick();
    // A later change of the same chat (the customer writes) is not a new offer.
    ctx.backend.script.customerWrites(id, 'Are you there?');
    await tick();
    expect(ctx.offered.map((o) => [o.sessionId, o.fromAgentId, o.note])).to.deep.equal([[id, 'a2', 'Please take over']]);
    await ctx.service.rejectTransfer(id);
    await ctx.clock.advance(1000);
    ctx.backend.script.transfer(id, 'a2', 'a1');
    await tick();
    expect(ctx.offered.map((o) => [o.sessionId, o.note])).to.deep.equal([
      [id, 'Please take over'],
      [id, undefined],
    ]);
  });

  it('does not emit offers that were already pending when the service loaded (they are in transferOffers$)', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 3, clock, autoplay: false });
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hello' });
    backend.script.agentAnswers('a2', id);
    backend.script.transfer(id, 'a2', 'a1');
    const service = new ChatService({ backend, clock });
    const offered: TransferOffer[] = [];
    service.transferOffered$.subscribe((o) => offered.push(o));
    await service.ready;
    await tick();
    expect(offered).to.deep.equal([]);
    expect((await firstValueFrom(service.transferOffers$)).map((o) => o.sessionId)).to.deep.equal([id]);
    expect(await firstValueFrom(service.chatsBadgeCount$)).to.equal(1);
    service.dispose();
  });

  it('refuses to listen in on a chat being transferred to the agent (invalid-state); it is opened instead', async () => {
    const ctx = await make();
    const id = await colleaguesChat(ctx);
    expect(ctx.service.canListenIn(id)).to.equal(true);
    ctx.backend.script.transfer(id, 'a2', 'a1');
    await tick();
    expect(ctx.service.canListenIn(id)).to.equal(false);
    const refused = await rejection(ctx.service.listenIn(id));
    expect(refused).to.be.instanceOf(ChatBackendError);
    expect(refused.code).to.equal('invalid-state');
    // Once rejected it is the colleague's chat again, to listen in on.
    await ctx.service.rejectTransfer(id);
    expect(ctx.service.canListenIn(id)).to.equal(true);
  });
});
