import { expect, html } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import {
  ALERT_PREFERENCES_KEY,
  LocalStorageAlertPreferences,
  MemoryAlertPreferences,
} from '../../src/service/alert-preferences.js';
import { MemoryChannelSelection } from '../../src/service/channel-selection.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, mount, settle, waitUntil } from '../helpers.js';

const MINUTE = 60_000;

function world() {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  return { clock, backend, alerts: new MemoryAlertPreferences() };
}

/** A "page load": a new service on the same backend and alert storage. */
async function load(w: ReturnType<typeof world>, agentId?: string): Promise<ChatService> {
  const service = new ChatService({
    backend: agentId ? w.backend.forAgent(agentId) : w.backend,
    clock: w.clock,
    selectionStorage: new MemoryChannelSelection(),
    alertStorage: w.alerts,
  });
  await service.ready;
  return service;
}

function option(el: Element, name: string): HTMLInputElement {
  return byRole<HTMLInputElement>(byRole(el, 'group', 'Alerts'), 'checkbox', name);
}

/** Fake Web Audio (counts beeps) and Notification API (permission as given) for the test's duration. */
function fakeBrowser(permission: 'default' | 'granted' | 'denied') {
  const win = window as unknown as { AudioContext: unknown; Notification: unknown };
  const real = { AudioContext: win.AudioContext, Notification: win.Notification };
  const record = { beeps: 0, asked: 0, shown: [] as string[] };
  const node = () => ({ connect: (next: unknown) => next ?? node(), frequency: { value: 0 }, gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, start() {}, stop() {} });
  win.AudioContext = class {
    currentTime = 0;
    destination = {};
    resume = () => Promise.resolve();
    close = () => Promise.resolve();
    createOscillator() {
      record.beeps++;
      return node();
    }
    createGain = node;
  };
  class FakeNotification {
    static permission = permission;
    static requestPermission() {
      record.asked++;
      FakeNotification.permission = 'granted';
      return Promise.resolve('granted');
    }
    constructor(title: string) {
      record.shown.push(title);
    }
  }
  win.Notification = FakeNotification;
  return { record, restore: () => Object.assign(win, real) };
}

describe('dashboard alert options across reloads', () => {
  it('the service keeps each agent\'s options in its alert storage; a new service of that agent loads them, another agent starts with none', async () => {
    const w = world();
    const first = await load(w);
    expect(first.state.alertPreferences).to.deep.equal({ sound: false, desktop: false, titleCount: false });
    first.setAlertPreferences({ sound: true });
    first.setAlertPreferences({ titleCount: true });
    await settle();
    first.dispose();
    const again = await load(w);
    expect(again.state.alertPreferences).to.deep.equal({ sound: true, desktop: false, titleCount: true });
    const colleague = await load(w, 'a2');
    expect(colleague.state.alertPreferences).to.deep.equal({ sound: false, desktop: false, titleCount: false });
    again.dispose();
    colleague.dispose();
  });

  it('a choice made before the stored options arrive wins over them', async () => {
    const w = world();
    w.alerts.save(w.backend.agentId, { sound: true, desktop: false, titleCount: true });
    const service = new ChatService({ backend: w.backend, clock: w.clock, alertStorage: w.alerts, selectionStorage: new MemoryChannelSelection() });
    service.setAlertPreferences({ sound: false });
    await service.ready;
    expect(service.state.alertPreferences).to.deep.equal({ sound: false, desktop: false, titleCount: false });
    service.dispose();
  });

  it('LocalStorageAlertPreferences keeps a JSON object per agent and reads anything else as off', () => {
    const storage = new LocalStorageAlertPreferences('test-alerts:');
    try {
      expect(storage.load('a1')).to.equal(null);
      storage.save('a1', { sound: true, desktop: false, titleCount: true });
      expect(JSON.parse(localStorage.getItem('test-alerts:a1')!)).to.deep.equal({ sound: true, desktop: false, titleCount: true });
      expect(storage.load('a1')).to.deep.equal({ sound: true, desktop: false, titleCount: true });
      localStorage.setItem('test-alerts:a2', '{"sound":"yes","desktop":true}');
      expect(storage.load('a2')).to.deep.equal({ sound: false, desktop: true, titleCount: false });
      localStorage.setItem('test-alerts:a3', 'not json');
      expect(storage.load('a3')).to.equal(null);
      expect(ALERT_PREFERENCES_KEY).to.equal('chat-screen:alerts:');
    } finally {
      for (const id of ['a1', 'a2', 'a3']) localStorage.removeItem(`test-alerts:${id}`);
    }
  });

  it('sound, desktop notifications and the title count turned on stay on after a reload and alert without another click', async () => {
    const w = world();
    const browser = fakeBrowser('default');
    const originalTitle = document.title;
    document.title = 'Host CRM';
    try {
      const first = await load(w);
      const before = await mount<ChatDashboard>(first, html`<chat-dashboard></chat-dashboard>`);
      option(before, 'Sound').click();
      option(before, 'Count in page title').click();
      option(before, 'Desktop notifications').click();
      await waitUntil(() => first.state.alertPreferences.desktop, 'desktop notifications on');
      expect(browser.record.asked).to.equal(1);
      before.parentElement!.remove();
      first.dispose();

      // Reload: a new service and a new dashboard on the same storage.
      const second = await load(w);
      const after = await mount<ChatDashboard>(second, html`<chat-dashboard></chat-dashboard>`);
      expect(option(after, 'Sound').checked).to.equal(true);
      expect(option(after, 'Count in page title').checked).to.equal(true);
      expect(option(after, 'Desktop notifications').checked).to.equal(true);

      w.backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
      await w.clock.advance(2 * MINUTE + 1);
      await settle(after);
      // The alerts' effects are a chunk loaded once an option is on: wait for them to act.
      await waitUntil(() => browser.record.beeps > 0, 'the beep');
      expect(browser.record.beeps).to.equal(1);
      expect(browser.record.shown).to.deep.equal(['Tomasz Weber is waiting']);
      expect(document.title).to.equal('(1) Host CRM');
      expect(browser.record.asked, 'no new permission request').to.equal(1);

      // Turning an option off is remembered as well.
      option(after, 'Count in page title').click();
      await settle(after);
      expect(document.title).to.equal('Host CRM');
      after.parentElement!.remove();
      second.dispose();
      const third = await load(w);
      expect(third.state.alertPreferences).to.deep.equal({ sound: true, desktop: true, titleCount: false });
      third.dispose();
    } finally {
      browser.restore();
      document.title = originalTitle;
    }
  });

  it('remembered desktop notifications stay off after a reload while the browser no longer grants them, and nothing is asked', async () => {
    const w = world();
    w.alerts.save(w.backend.agentId, { sound: false, desktop: true, titleCount: false });
    const browser = fakeBrowser('default');
    try {
      const service = await load(w);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      expect(option(el, 'Desktop notifications').checked).to.equal(false);
      w.backend.script.customerArrives({ channelId: 'support', name: 'Tomasz Weber', text: 'Hello' });
      await w.clock.advance(2 * MINUTE + 1);
      await settle(el);
      expect(browser.record.asked).to.equal(0);
      expect(browser.record.shown).to.deep.equal([]);
      el.parentElement!.remove();
      service.dispose();
    } finally {
      browser.restore();
    }
  });
});
