/**
 * Until the chats have loaded, the queue is unknown, not empty: while the first load is on its way
 * or after it failed, the session list and the dashboard make no empty-state claims ("No customers
 * waiting", "The queue is empty", zero statistics), only the loading state or the failure with
 * "Try again". The rule (`countsKnown$`) is the service's.
 */
import { expect, html } from '@open-wc/testing';
import { ChatBackendError } from '../../src/backend/errors.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, deepText, mount, queryByRole, waitUntil } from '../helpers.js';

/** A service whose first `getSnapshot` fails with `network` (later ones load) or, with `pending`, never answers until released. */
async function failedFirstLoad(): Promise<{ service: ChatService; backend: InMemoryChatBackend }> {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  backend.script.customerArrives({ channelId: 'sales', text: 'Hi' });
  const real = backend.getSnapshot.bind(backend);
  backend.getSnapshot = () => {
    backend.getSnapshot = real;
    return Promise.reject(new ChatBackendError('network', 'offline (test)'));
  };
  const service = new ChatService({ backend, clock });
  await service.ready.catch(() => undefined);
  expect(service.state.status).to.equal('error');
  return { service, backend };
}

const EMPTY_CLAIMS = ['No customers waiting', 'The queue is empty', 'No chats yet', 'No chats are going on', '0 waiting'];

function expectNoEmptyClaims(el: Element): void {
  const text = deepText(el);
  for (const claim of EMPTY_CLAIMS) expect(text, `no "${claim}"`).to.not.contain(claim);
}

describe('the queue is unknown (not empty) until the chats have loaded', () => {
  it('ChatService.countsKnown$ is false while loading and after a failed first load, true once loaded', async () => {
    const { service } = await failedFirstLoad();
    const seen: boolean[] = [];
    const sub = service.countsKnown$.subscribe((known) => seen.push(known));
    expect(seen).to.deep.equal([false]);
    const reload = service.reload();
    expect(service.state.status).to.equal('loading');
    await reload;
    expect(seen).to.deep.equal([false, true]);
    sub.unsubscribe();
  });

  it('<chat-session-list> after a failed first load: only the failure with "Try again", no empty queue; Try again shows the queue', async () => {
    const { service } = await failedFirstLoad();
    const el = await mount<HTMLElement>(service, html`<chat-session-list></chat-session-list>`);
    expectNoEmptyClaims(el);
    const alert = byRole(el, 'alert');
    expect(deepText(alert)).to.contain('The chats could not be loaded').and.contain('Check the connection');
    const take = byRole<HTMLButtonElement>(el, 'button', 'Get next in queue');
    expect(take.getAttribute('aria-disabled') === 'true', 'unavailable (aria-disabled)').to.equal(true);
    await expect(el).to.be.accessible();

    byRole(alert, 'button', 'Try again').click();
    await waitUntil(() => deepText(el).includes('1 waiting'), 'the queue once loaded');
    expect(take.getAttribute('aria-disabled') === 'true').to.equal(false);
    expect(queryByRole(el, 'alert')).to.equal(null);
  });

  it('<chat-session-list> while the first load is on its way: "Loading chats…", no empty queue', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const real = backend.getSnapshot.bind(backend);
    let release = () => {};
    backend.getSnapshot = () => new Promise((resolve) => (release = () => resolve(real())));
    const service = new ChatService({ backend, clock });
    const el = await mount<HTMLElement>(service, html`<chat-session-list></chat-session-list>`);
    expect(deepText(el)).to.contain('Loading chats…');
    expectNoEmptyClaims(el);
    release();
    await service.ready;
    await waitUntil(() => deepText(el).includes('No customers waiting'), 'the empty queue once known');
  });

  it('<chat-dashboard> after a failed first load: no statistics (no zeros) and no empty lists, the failure with "Try again"', async () => {
    const { service } = await failedFirstLoad();
    const el = await mount<HTMLElement>(service, html`<chat-dashboard></chat-dashboard>`);
    expectNoEmptyClaims(el);
    expect(queryByRole(el, 'list', 'Chat statistics') ?? el.shadowRoot!.querySelector('.stats'), 'no statistics').to.equal(null);
    expect(queryByRole(el, 'heading', 'Incoming chats')).to.equal(null);
    const alert = byRole(el, 'alert');
    expect(deepText(alert)).to.contain('The chats could not be loaded').and.contain('Check the connection');
    await expect(el).to.be.accessible();

    byRole(alert, 'button', 'Try again').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.stats'), 'the statistics once loaded');
    expect(queryByRole(el, 'heading', 'Incoming chats')).to.not.equal(null);
    expect(queryByRole(el, 'alert')).to.equal(null);
  });

  it('shows the failure in Dutch', async () => {
    const { service } = await failedFirstLoad();
    const el = await mount<HTMLElement>(service, html`<chat-dashboard></chat-dashboard>`, 'nl');
    await waitUntil(() => queryByRole(el, 'button', 'Opnieuw proberen'), 'the Dutch Try again');
    expect(deepText(el)).to.not.contain('Er wachten geen klanten');
    expect(deepText(el)).to.contain('De chats konden niet worden geladen');
  });

  it('<chat-conversation> and <chat-person-panel> showing a chat by id after a failed first load: the failure with "Try again", not "could not be found" or a skeleton forever', async () => {
    const { service, backend } = await failedFirstLoad();
    const id = backend.inspect.sessions()[0]!.id;
    const provider = await mount<HTMLElement>(
      service,
      html`<div style="display: flex; height: 500px">
        <chat-conversation session-id=${id} style="flex: 2"></chat-conversation>
        <chat-person-panel session-id=${id} style="flex: 1"></chat-person-panel>
      </div>`,
    );
    const conversation = provider.querySelector('chat-conversation')!;
    const panel = provider.querySelector('chat-person-panel')!;
    for (const el of [conversation, panel]) {
      const text = deepText(el);
      expect(text, el.localName).to.not.contain('could not be found');
      expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), `${el.localName}: no skeleton`).to.equal(null);
      expect(deepText(byRole(el, 'alert')), el.localName).to.contain('The chats could not be loaded').and.contain('Check the connection');
    }
    await expect(conversation).to.be.accessible();

    byRole(byRole(panel, 'alert'), 'button', 'Try again').click();
    await waitUntil(() => queryByRole(conversation, 'log'), 'the conversation once loaded');
    await waitUntil(() => !queryByRole(panel, 'alert') && !deepText(panel).includes('could not be loaded'), 'the panel once loaded');
  });
});
