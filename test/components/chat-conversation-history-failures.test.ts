/**
 * A history page that cannot be loaded shows a failure row with the reason and "Try again" (no
 * spinner forever): the first page (nothing to show yet) and an older page (what is shown stays
 * where it is; scrolling up again also tries again).
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { ChatBackendError } from '../../src/backend/errors.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, deepActiveElement, deepAll, deepQuery, deepText, queryByRole, settle, waitUntil } from '../helpers.js';

type GetMessages = InMemoryChatBackend['getMessages'];

/** One answered chat of `messages` messages (`m1`…); `getMessages` goes through `wrap`. */
async function open(options: { messages: number; pageSize?: number; wrap: (real: GetMessages) => GetMessages; select?: boolean }) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const service = new ChatService({ backend, clock, pageSize: options.pageSize });
  await service.ready;
  const id = backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'm1' });
  await service.answer(id);
  for (let n = backend.inspect.messages(id).length + 1; n <= options.messages; n++) backend.script.customerWrites(id, `m${n}`);
  backend.getMessages = options.wrap(backend.getMessages.bind(backend));
  const provider = await fixture<HTMLElement>(
    html`<chat-provider .service=${service}>
      <div style="width: 600px; height: 400px"><chat-conversation></chat-conversation></div>
    </chat-provider>`,
  );
  const el = provider.querySelector<ChatConversation>('chat-conversation')!;
  await settle(el);
  return { clock, backend, service, id, el, provider };
}

const reject = (code: ChatBackendError['code']) => Promise.reject(new ChatBackendError(code, `${code} (test)`));

function frames(count = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(count);
  });
}

function rowOf(el: Element, text: string): HTMLElement | undefined {
  return (deepAll(el, '.row[data-message-id]') as HTMLElement[]).find((r) => r.querySelector('.body')?.textContent?.trim() === text);
}

describe('<chat-conversation> history that cannot be loaded', () => {
  it('a failed first page shows why (by code) with "Try again" instead of "Loading messages…" forever; Try again loads it', async () => {
    let fail = true;
    const s = await open({
      messages: 5,
      wrap: (real) => (id, o) => {
        if (fail) return reject('network');
        return real(id, o);
      },
    });
    const log = byRole(s.el, 'log');
    const alert = await waitUntil(() => deepQuery(log, '.history-start [role="alert"]'), 'the failure row');
    expect(alert.textContent).to.contain('The messages could not be loaded.');
    expect(alert.textContent).to.contain('The chat server could not be reached.');
    expect(deepText(log)).to.not.contain('Loading messages');
    expect(log.getAttribute('aria-busy')).to.equal('false');
    await expect(s.el).to.be.accessible();

    fail = false;
    byRole(log, 'button', 'Try again').click();
    await waitUntil(() => rowOf(s.el, 'm5'), 'the messages after Try again');
    expect(queryByRole(s.el, 'button', 'Try again')).to.equal(null);
    expect(deepActiveElement(), 'focus stays in the log').to.equal(log);
  });

  it('says why in Dutch too (by the error code)', async () => {
    const s = await open({ messages: 3, wrap: () => () => reject('not-found') });
    s.provider.setAttribute('lang', 'nl');
    const failureRow = () => deepQuery(byRole(s.el, 'log'), '.history-start [role="alert"]');
    await waitUntil(() => failureRow()?.textContent?.includes('De berichten konden niet worden geladen.'), 'the Dutch failure row');
    const alert = failureRow()!;
    expect(alert.textContent).to.contain('Deze chat bestaat niet meer');
    expect(queryByRole(alert, 'button', 'Opnieuw proberen')).to.not.equal(null);
  });

  it('a failed older page turns the loading row into a failure row, wholly in view, then moves nothing shown; scrolling up or Try again loads it', async () => {
    let failOlder = true;
    const older: number[] = [];
    const s = await open({
      messages: 100,
      pageSize: 20,
      wrap: (real) => (id, o) => {
        if (o?.beforeSeq === undefined) return real(id, o);
        older.push(o.beforeSeq);
        if (failOlder) return reject('timeout');
        return real(id, o);
      },
    });
    const log = byRole(s.el, 'log');
    await waitUntil(() => rowOf(s.el, 'm100'), 'the first page');
    await frames(3);
    log.scrollTop = 0;
    await waitUntil(() => older.length === 1, 'the older page requested');
    const alert = await waitUntil(() => deepQuery(log, '.history-start [role="alert"]'), 'the failure row');
    await settle(s.el);
    await frames(3);
    expect(alert.textContent).to.contain('Earlier messages could not be loaded.');
    expect(alert.textContent).to.contain('The chat server could not be reached.');
    expect(deepText(log)).to.not.contain('Loading earlier messages');
    // The whole failure row is in view (it replaced the loading row at the top the agent is at).
    const logBox = log.getBoundingClientRect();
    expect(alert.getBoundingClientRect().top, 'the failure row is in view').to.be.at.least(logBox.top - 1);
    expect(byRole(log, 'button', 'Try again').getBoundingClientRect().bottom).to.be.at.most(logBox.bottom);
    const first = rowOf(s.el, 'm81')!;
    const offset = first.getBoundingClientRect().top - log.getBoundingClientRect().top;
    await frames(5);
    expect(Math.abs(rowOf(s.el, 'm81')!.getBoundingClientRect().top - log.getBoundingClientRect().top - offset), 'm81 stays').to.be.at.most(2);

    // Scrolling up again tries again.
    log.scrollTop = 50;
    await frames(2);
    log.scrollTop = 0;
    await waitUntil(() => older.length === 2, 'scrolling up tries again');
    await waitUntil(() => !s.service.state.histories[s.id]!.loading, 'the retry settles');
    // ... and "Try again" does too.
    await waitUntil(() => queryByRole(log, 'button', 'Try again'), 'the failure row again');
    failOlder = false;
    const before = rowOf(s.el, 'm81')!.getBoundingClientRect().top - log.getBoundingClientRect().top;
    byRole(log, 'button', 'Try again').click();
    await waitUntil(() => rowOf(s.el, 'm80'), 'the older page');
    await settle(s.el);
    await frames(3);
    expect(older).to.have.length(3);
    expect(Math.abs(rowOf(s.el, 'm81')!.getBoundingClientRect().top - log.getBoundingClientRect().top - before), 'm81 kept in place').to.be.at.most(2);
    expect(deepQuery(log, '.history-start [role="alert"]')).to.equal(null);
  });
});
