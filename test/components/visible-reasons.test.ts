import { expect, html } from '@open-wc/testing';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import { MemoryAlertPreferences } from '../../src/service/alert-preferences.js';
import { MemoryChannelSelection } from '../../src/service/channel-selection.js';
import { ChatService } from '../../src/service/chat-service.js';
import { FakeClock } from '../../src/service/clock.js';
import { byRole, deepAll, mount, settle, waitUntil } from '../helpers.js';

// Why a control is disabled is told as visible text tied to the control (aria-describedby), never
// only in a `title` tooltip, which touch, keyboard and screen-reader users never get.

async function serviceOf(agentId?: string, listenOnlyOnSales = false) {
  const clock = new FakeClock('2026-11-30T09:00:00Z');
  const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
  if (listenOnlyOnSales) {
    // No demo agent lacks the right to answer where it sees the queue: give Priya (a4) a listen-in
    // only right on sales (the script has no command for rights; the store's agent record is the truth).
    const store = (backend as unknown as { store: { agents: Map<string, { rights: Record<string, unknown> }> } }).store;
    store.agents.get('a4')!.rights.sales = { respond: false, notify: false, listenIn: true, manage: false };
  }
  const service = new ChatService({
    backend: agentId ? backend.forAgent(agentId) : backend,
    clock,
    selectionStorage: new MemoryChannelSelection(),
    alertStorage: new MemoryAlertPreferences(),
  });
  await service.ready;
  return { backend, service };
}

/** The text of the elements a control's aria-describedby names (in its own shadow root). */
function description(control: Element): string {
  const root = control.getRootNode() as ShadowRoot | Document;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`)
    .join(' ');
}

/** The element holding `text` is laid out at a readable size (not a tooltip, not visually hidden). */
function expectVisible(control: Element, text: string) {
  const root = control.getRootNode() as ShadowRoot;
  const holder = [...root.querySelectorAll('*')].find((e) => e.children.length === 0 && e.textContent?.trim() === text);
  expect(holder, `an element with “${text}”`).to.exist;
  const rect = holder!.getBoundingClientRect();
  expect(rect.width, `“${text}” is shown`).to.be.greaterThan(20);
  expect(rect.height, `“${text}” is shown`).to.be.greaterThan(8);
  expect(getComputedStyle(holder!).clipPath, `“${text}” is not visually hidden`).to.equal('none');
}

/** Replace the Notification API for one test: `permission` as given, or no API at all. */
function fakeNotifications(permission: 'denied' | 'unsupported') {
  const win = window as unknown as { Notification?: unknown };
  const real = win.Notification;
  if (permission === 'unsupported') delete win.Notification;
  else win.Notification = class { static permission = permission; static requestPermission = () => Promise.resolve(permission); };
  return () => (win.Notification = real);
}

const TEXT = {
  en: {
    alerts: 'Alerts',
    desktop: 'Desktop notifications',
    denied: 'The browser blocks notifications from this page',
    unsupported: 'This browser cannot show desktop notifications',
    answer: 'Answer',
    noRight: 'You have no right to answer chats in this channel',
  },
  nl: {
    alerts: 'Meldingen',
    desktop: 'Bureaubladmeldingen',
    denied: 'De browser blokkeert meldingen van deze pagina',
    unsupported: 'Deze browser kan geen bureaubladmeldingen tonen',
    answer: 'Beantwoorden',
    noRight: 'U hebt geen recht om chats in dit kanaal te beantwoorden',
  },
} as const;

describe('why a control is disabled is visible text tied to it, in English and Dutch', () => {
  for (const lang of ['en', 'nl'] as const) {
    const t = TEXT[lang];
    for (const permission of ['denied', 'unsupported'] as const) {
      it(`${lang}: "${t.desktop}" disabled (${permission}) is described by a shown “${t[permission]}”, with no title`, async () => {
        const restore = fakeNotifications(permission);
        try {
          const { service } = await serviceOf();
          const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`, lang);
          const checkbox = await waitUntil(() => {
            try {
              return byRole<HTMLInputElement>(byRole(el, 'group', t.alerts), 'checkbox', t.desktop);
            } catch {
              return null;
            }
          }, 'the localised alert options');
          await settle(el);
          expect(checkbox.disabled).to.equal(true);
          expect(description(checkbox)).to.equal(t[permission]);
          expectVisible(checkbox, t[permission]);
          expect(checkbox.closest('[title]'), 'no tooltip').to.equal(null);
          await expect(el).to.be.accessible();
          service.dispose();
        } finally {
          restore();
        }
      });
    }

    it(`${lang}: "${t.answer}" disabled for lack of the right is described by a shown “${t.noRight}”, and so is its row`, async () => {
      const { backend, service } = await serviceOf('a4', true);
      backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`, lang);
      const answer = await waitUntil(() => deepAll(el, 'button.answer')[0] as HTMLButtonElement | undefined, 'the Answer button');
      await waitUntil(() => answer.textContent?.trim() === t.answer, 'the localised button');
      await settle(el);
      expect(answer.getAttribute('aria-disabled') === 'true', 'unavailable (aria-disabled)').to.equal(true);
      expect(description(answer)).to.match(/^Mira Okafor /).and.satisfy((d: string) => d.endsWith(` ${t.noRight}`));
      expect(description(answer.closest('li')!)).to.equal(t.noRight);
      expectVisible(answer, t.noRight);
      expect(answer.hasAttribute('title'), 'no tooltip').to.equal(false);
      await expect(el).to.be.accessible();
      service.dispose();
    });
  }

  it('an agent who may answer sees no such text, and Answer is described by the customer, channel and waiting time only', async () => {
    const { backend, service } = await serviceOf();
    backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    const answer = byRole<HTMLButtonElement>(el, 'button', 'Answer');
    expect(answer.hasAttribute('aria-disabled')).to.equal(false);
    expect(description(answer)).to.match(/^Mira Okafor Sales website\s+Waiting\s+\S/);
    expect(deepAll(el, '.no-right')).to.have.length(0);
    service.dispose();
  });
});
