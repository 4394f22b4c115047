/**
 * B29: a large conversation opens with one page and a bounded DOM, and a busy session list
 * re-renders only the row whose session changed.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatSessionRow } from '../../src/components/chat-session-list/chat-session-row.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { sendKeys } from '@web/test-runner-commands';
import { allByRole, byRole, deepActiveElement, deepAll, settle, waitUntil } from '../helpers.js';

function frames(count = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(count);
  });
}

describe('B29 — large conversations and busy session lists', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('B29 — opening a 5,000-message chat among 300 loads one page, renders a bounded DOM, and one new message updates one row', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const id = backend.script.customerArrives({ channelId: 'sales', name: `Customer ${i + 1}`, text: `Hello ${i + 1}` });
      backend.script.agentAnswers('a1', id);
      ids.push(id);
    }
    const big = ids[299]!; // answered last: the first row
    backend.script.addMessages(big, 5000 - backend.inspect.messages(big).length);
    expect(backend.inspect.messages(big)).to.have.length(5000);

    const calls: { sessionId: string; limit?: number; beforeSeq?: number }[] = [];
    const real = backend.getMessages.bind(backend);
    backend.getMessages = (sessionId, options) => {
      calls.push({ sessionId, limit: options?.limit, beforeSeq: options?.beforeSeq });
      return real(sessionId, options);
    };
    const service = new ChatService({ backend, clock });
    await service.ready;

    // Spy on every row's updated() (one call per render of a row).
    let rowUpdates: string[] = [];
    type Updated = (this: ChatSessionRow, changed: Map<PropertyKey, unknown>) => void;
    const proto = ChatSessionRow.prototype as unknown as { updated: Updated };
    const base = (Object.getPrototypeOf(proto) as { updated: Updated }).updated;
    proto.updated = function (changed) {
      rowUpdates.push(this.session?.id ?? '');
      base.call(this, changed);
    };
    restore = () => delete (proto as { updated?: Updated }).updated;

    const provider = await fixture<HTMLElement>(
      html`<chat-provider .service=${service}>
        <div style="display: flex; height: 600px; width: 1000px">
          <chat-session-list style="width: 320px; display: flex; flex-direction: column; height: 100%"></chat-session-list>
          <chat-conversation style="flex: 1"></chat-conversation>
        </div>
      </chat-provider>`,
    );
    const list = provider.querySelector('chat-session-list')!;
    const conversation = provider.querySelector('chat-conversation')!;
    await settle(list);
    await frames(3);
    // The virtualizer is a lazy part, loaded with the first long group.
    await waitUntil(() => deepAll(list, 'chat-virtual-rows [role="option"]').length, 'the virtualized rows');
    await frames(2);

    // The session list is virtualized: not 300 rows in the DOM.
    const options = allByRole(list, 'option');
    expect(options.length).to.be.greaterThan(3);
    expect(options.length).to.be.below(100);

    byRole(list, 'option', /Customer 300/).click();
    await waitUntil(() => service.state.histories[big]?.loaded, 'history loaded');
    await settle(conversation);
    const log = byRole(conversation, 'log');
    const newest = backend.inspect.messages(big).at(-1)!;
    await waitUntil(() => {
      const row = deepAll(conversation, `.row[data-message-id="${newest.id}"]`)[0];
      if (!row) return false;
      const box = log.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      return r.bottom <= box.bottom + 2 && r.top >= box.top;
    }, 'the newest message in view');

    const first = calls.find((c) => c.sessionId === big)!;
    expect(first.beforeSeq).to.equal(undefined);
    expect(first.limit).to.be.at.most(50);
    expect(service.state.histories[big]!.items.length).to.be.at.most(50);
    expect(deepAll(conversation, '.row[data-message-id]').length).to.be.at.most(100);

    // One new message in another chat: only its row re-renders.
    await frames(2);
    rowUpdates = [];
    const other = ids[295]!; // "Customer 296", near the top of the list
    backend.script.customerWrites(other, 'A new question');
    await settle(list);
    await frames(2);
    expect(rowUpdates).to.include(other);
    expect(rowUpdates.length, `rows updated: ${rowUpdates.join(', ')}`).to.be.at.most(2);

    // One new message in the open chat: one message node is added, the ones in view stay.
    const before = deepAll(conversation, '.row[data-message-id]').slice(-5);
    rowUpdates = [];
    backend.script.customerWrites(big, 'Newest of all');
    await settle(conversation);
    await frames(3);
    const after = deepAll(conversation, '.row[data-message-id]');
    for (const node of before) expect(after.includes(node), 'earlier message node kept').to.equal(true);
    expect(after.filter((n) => !before.includes(n) && n.textContent?.includes('Newest of all'))).to.have.length(1);
    expect(rowUpdates).to.deep.equal([big]);

    // Scrolling to the top loads the next page (B10 covers the details).
    log.scrollTop = 0;
    await waitUntil(() => calls.some((c) => c.sessionId === big && c.beforeSeq !== undefined), 'older page requested');
    expect(calls.filter((c) => c.sessionId === big && c.beforeSeq !== undefined)[0]!.limit).to.be.at.most(50);
  });

  it('moves keyboard focus to rows that are not rendered yet in a long, virtualized list (End, Home)', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    for (let i = 0; i < 200; i++) {
      const id = backend.script.customerArrives({ channelId: 'sales', name: `Customer ${i + 1}`, text: `Hello ${i + 1}` });
      backend.script.agentAnswers('a1', id);
    }
    const service = new ChatService({ backend, clock });
    await service.ready;
    const provider = await fixture<HTMLElement>(
      html`<chat-provider .service=${service}>
        <chat-session-list style="display: flex; flex-direction: column; height: 500px; width: 320px"></chat-session-list>
      </chat-provider>`,
    );
    const list = provider.querySelector('chat-session-list')!;
    await settle(list);
    await frames(3);
    // The virtualizer is a lazy part, loaded with the first long group.
    await waitUntil(() => deepAll(list, 'chat-virtual-rows [role="option"]').length, 'the virtualized rows');
    await frames(2);
    expect(allByRole(list, 'option').length).to.be.below(200);
    allByRole(list, 'option')[0]!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.querySelector('.name')?.textContent === 'Customer 1', 'the last row focused');
    expect(deepActiveElement()!.getAttribute('role')).to.equal('option');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.querySelector('.name')?.textContent === 'Customer 200', 'the first row focused');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => service.state.selectedSessionId, 'selected');
    expect(service.state.sessions[service.state.selectedSessionId!]!.customer.name).to.equal('Customer 200');
  });
});
