import { expect, fixture, html } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatProvider } from '../../src/context/chat-provider.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { MemoryAlertPreferences } from '../../src/service/alert-preferences.js';
import { type ChannelSelectionStorage, MemoryChannelSelection } from '../../src/service/channel-selection.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, queryByRole, settle, waitUntil } from '../helpers.js';

/** A host's storage that records every call (like a CRM's user preferences). */
class RecordingStorage implements ChannelSelectionStorage {
  readonly saved: Array<[string, readonly string[] | null]> = [];
  readonly loaded: string[] = [];
  private readonly memory = new MemoryChannelSelection();

  constructor(initial: Record<string, readonly string[]> = {}) {
    for (const [agent, ids] of Object.entries(initial)) this.memory.save(agent, ids);
  }

  async load(agentId: string): Promise<readonly string[] | null> {
    this.loaded.push(agentId);
    return this.memory.load(agentId);
  }

  save(agentId: string, channelIds: readonly string[] | null): void {
    this.saved.push([agentId, channelIds]);
    this.memory.save(agentId, channelIds);
  }
}

function demoBackend(): InMemoryChatBackend {
  return new InMemoryChatBackend({ seed: 7, clock: new FakeClock('2026-11-30T09:00:00Z'), autoplay: false });
}

function checkbox(root: Element, name: string): HTMLInputElement {
  return byRole<HTMLInputElement>(byRole(root, 'group', 'Channels'), 'checkbox', name);
}

describe('host storages', () => {
  it('<chat-provider .backend> builds its service on the host\'s .channelSelectionStorage and .alertPreferencesStorage (load and save)', async () => {
    const backend = demoBackend();
    const storage = new RecordingStorage({ [backend.agentId]: ['support'] });
    const alerts = new MemoryAlertPreferences();
    alerts.save(backend.agentId, { sound: false, desktop: false, titleCount: true });
    const provider = await fixture<ChatProvider>(
      html`<chat-provider .backend=${backend} .channelSelectionStorage=${storage} .alertPreferencesStorage=${alerts}
        ><chat-dashboard></chat-dashboard
      ></chat-provider>`,
    );
    const dashboard = provider.querySelector('chat-dashboard')!;
    await waitUntil(() => queryByRole(dashboard, 'group', 'Channels'), 'dashboard ready');
    await waitUntil(() => !checkbox(dashboard, 'Sales website').checked, 'stored selection applied');
    expect(storage.loaded).to.deep.equal([backend.agentId]);
    expect(checkbox(dashboard, 'Support portal').checked).to.equal(true);
    expect(checkbox(dashboard, 'All channels').checked).to.equal(false);
    // The alert options come from the host's alert storage too.
    const alertGroup = byRole(dashboard, 'group', 'Alerts');
    expect(byRole<HTMLInputElement>(alertGroup, 'checkbox', 'Count in page title').checked).to.equal(true);
    byRole<HTMLInputElement>(alertGroup, 'checkbox', 'Count in page title').click();
    await settle(dashboard);
    expect(alerts.load(backend.agentId)).to.deep.equal({ sound: false, desktop: false, titleCount: false });

    checkbox(dashboard, 'Sales website').click();
    await waitUntil(() => storage.saved.length === 1, 'saved to the host storage');
    expect(storage.saved[0]![0]).to.equal(backend.agentId);
    expect([...storage.saved[0]![1]!].sort()).to.deep.equal(['sales', 'support']);
    expect(provider.currentService!.state.channelSelection).to.deep.equal(storage.saved[0]![1]);
    provider.remove();
    backend.dispose();
  });

  it('<chat-screen .backend> uses .channelSelectionStorage; a new storage builds a new service that reads it', async () => {
    const backend = demoBackend();
    const key = `chat-screen:channels:${backend.agentId}`;
    const browserValue = localStorage.getItem(key);
    const first = new RecordingStorage({ [backend.agentId]: ['sales'] });
    const el = await fixture<ChatScreen>(
      html`<chat-screen .backend=${backend} .channelSelectionStorage=${first}></chat-screen>`,
    );
    await waitUntil(() => el.service?.state.status === 'ready', 'screen ready');
    await waitUntil(() => el.service!.state.channelSelection !== null, 'stored selection applied');
    expect(el.service!.state.channelSelection).to.deep.equal(['sales']);
    const before = el.service!;

    const second = new RecordingStorage({ [backend.agentId]: ['support'] });
    el.channelSelectionStorage = second;
    await settle(el);
    await waitUntil(() => el.service?.state.status === 'ready' && el.service.state.channelSelection !== null, 'rebuilt');
    expect(el.service).to.not.equal(before);
    expect(before.isDisposed).to.equal(true);
    expect(el.service!.state.channelSelection).to.deep.equal(['support']);
    expect(second.loaded).to.deep.equal([backend.agentId]);
    el.service!.setChannelSelection(['webshop-nl']);
    await waitUntil(() => second.saved.length === 1, 'saved to the second storage');
    expect(first.saved).to.deep.equal([]);
    // Nothing was read from or written to the browser's storage for this agent.
    expect(localStorage.getItem(key)).to.equal(browserValue);
    el.remove();
    backend.dispose();
  });
});
