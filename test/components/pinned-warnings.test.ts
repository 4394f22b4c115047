import { expect, html } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import { MemoryAlertPreferences } from '../../src/service/alert-preferences.js';
import { MemoryChannelSelection } from '../../src/service/channel-selection.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import type { ChatWarning } from '../../src/service/warnings.js';
import { byRole, deepQuery, fakeAudioContext, mount, settle, waitUntil } from '../helpers.js';

const MINUTE = 60_000;

/** An agent who selected only "sales" on the dashboard (kept in the selection storage). */
async function salesAgent() {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  const selection = new MemoryChannelSelection();
  selection.save(backend.agentId, ['sales']);
  const service = new ChatService({ backend, clock, selectionStorage: selection, alertStorage: new MemoryAlertPreferences() });
  await service.ready;
  expect(service.state.channelSelection).to.deep.equal(['sales']);
  return { clock, backend, service };
}

function row(el: Element, sessionId: string): HTMLElement {
  const found = deepQuery<HTMLElement>(el, `[data-id="${sessionId}"]`);
  if (!found) throw new Error(`No row for ${sessionId}`);
  return found;
}

describe('warnings of a dashboard pinned with channel-ids', () => {
  it('service: warningsIn(ids) follows the given channels, not the selection, and turns late on time', async () => {
    const { clock, backend, service } = await salesAgent();
    const pinned: (readonly ChatWarning[])[] = [];
    const appeared: ChatWarning[] = [];
    const a = service.warningsIn(['support']).subscribe((w) => pinned.push(w));
    const b = service.newWarningsIn(['support']).subscribe((w) => appeared.push(w));
    const support = backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
    backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
    await clock.advance(2 * MINUTE);
    expect(pinned.at(-1)).to.deep.equal([]);
    // One ms past the support channel's 2-minute limit, without any other event.
    await clock.advance(1);
    expect(pinned.at(-1)!.map((w) => [w.sessionId, w.channelId])).to.deep.equal([[support, 'support']]);
    expect(appeared.map((w) => w.sessionId)).to.deep.equal([support]);
    // The agent's own warnings still follow the selection ("sales").
    let own: readonly ChatWarning[] = [];
    service.warnings$.subscribe((w) => (own = w)).unsubscribe();
    expect(own.map((w) => w.channelId)).to.deep.equal(['sales']);
    a.unsubscribe();
    b.unsubscribe();
    service.dispose();
  });

  it('highlights, counts in the page title and beeps for the pinned channels only, whatever the agent selected', async () => {
    const { clock, backend, service } = await salesAgent();
    const audio = fakeAudioContext();
    const originalTitle = document.title;
    document.title = 'Host CRM';
    try {
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard channel-ids="support"></chat-dashboard>`);
      const alerts = byRole(el, 'group', 'Alerts');
      byRole<HTMLInputElement>(alerts, 'checkbox', 'Count in page title').click();
      byRole<HTMLInputElement>(alerts, 'checkbox', 'Sound').click();
      const support = backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
      backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      backend.script.customerArrives({ channelId: 'sales', name: 'Sanne de Boer', text: 'Hoi' });
      await clock.advance(2 * MINUTE + 1);
      await settle(el);
      expect(row(el, support).getAttribute('part')).to.equal('incoming-row warning');
      // The alerts' effects are a chunk loaded once an option is on: wait for them to act.
      await waitUntil(() => audio.beeps > 0 && document.title !== 'Host CRM', 'the beep and the count in the title');
      expect(document.title).to.equal('(1) Host CRM');
      expect(audio.beeps).to.equal(1);

      // Pinning other channels moves the warnings with them.
      el.setAttribute('channel-ids', 'sales');
      await settle(el);
      expect(document.title).to.equal('(2) Host CRM');
      expect(audio.beeps, 'warnings already there when the channels change do not beep again').to.equal(1);
      el.parentElement!.remove();
    } finally {
      audio.restore();
      document.title = originalTitle;
      service.dispose();
    }
  });
});
