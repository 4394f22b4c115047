import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ChatBackendAdapter } from '../../src/backend/adapter.js';
import { ChatBackendError } from '../../src/backend/errors.js';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import { MemoryAlertPreferences } from '../../src/service/alert-preferences.js';
import { ChatService } from '../../src/service/chat-service.js';
import { InMemoryChatBackend } from '../../src/backend/in-memory/index.js';
import { FakeClock } from '../../src/service/clock.js';
import {
  allByRole,
  byRole,
  deepActiveElement,
  deepQuery,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

/** The count a tab's badge announces (its aria-describedby text). */
function tabDescription(screen: ChatScreen, name: string): string {
  const tab = byRole(screen, 'tab', name);
  return screen.shadowRoot!.getElementById(tab.getAttribute('aria-describedby')!)!.textContent!.trim();
}

function badge(screen: ChatScreen, name: string): string {
  return byRole(screen, 'tab', name).querySelector('.badge')!.textContent!.trim();
}

describe('<chat-screen>', () => {
  it('renders an explanation when it has neither inputs nor a provider', async () => {
    const el = await fixture<ChatScreen>(html`<chat-screen></chat-screen>`);
    await settle(el);
    expect(deepText(el)).to.contain('No chat service');
    expect(queryByRole(el, 'tab', 'Dashboard')).to.equal(null);
  });

  it('tells how to give a bare <chat-screen> a service: .backend, .service, demo or a provider', async () => {
    const el = await fixture<ChatScreen>(html`<chat-screen></chat-screen>`);
    await settle(el);
    const text = deepText(el);
    expect(text).to.contain('.backend');
    expect(text).to.contain('.service');
    expect(text).to.contain('demo');
    expect(text).to.contain('<chat-provider>');
    expect(text).to.not.contain('or <chat-screen>');
  });

  it('has tabs named exactly "Dashboard" and "Chats" with their counts as descriptions', async () => {
    const { backend, service } = await setup();
    backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
    expect(byRole(el, 'tablist')).to.exist;
    expect(badge(el, 'Dashboard')).to.equal('1');
    expect(tabDescription(el, 'Dashboard')).to.equal('1 customer waiting');
    expect(badge(el, 'Chats')).to.equal('0');
    expect(tabDescription(el, 'Chats')).to.equal('You are handling 0 chats');
    expect(byRole(el, 'tab', 'Dashboard').getAttribute('aria-selected')).to.equal('true');
    expect(byRole(el, 'tabpanel', 'Dashboard')).to.exist;
    expect(queryByRole(el, 'tabpanel', 'Chats')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('B15 — a hostile customer name leaves document.title (count in page title on) and the notice region free of interpreted markup', async () => {
    const clock = new FakeClock('2026-11-30T09:00:00Z');
    const backend = new InMemoryChatBackend({ seed: 7, clock, autoplay: false });
    const service = new ChatService({ backend, clock, alertStorage: new MemoryAlertPreferences() });
    await service.ready;
    const hostile = '<img src=x onerror="window.__xss=1">Mira';
    delete (window as { __xss?: unknown }).__xss;
    const original = document.title;
    document.title = 'Host CRM';
    try {
      const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
      byRole<HTMLInputElement>(el, 'checkbox', 'Count in page title').click();
      const id = backend.script.customerArrives({ name: hostile, text: '<script>window.__xss=1</script><b>bold?</b>' });
      await clock.advance(2 * 60_000 + 1);
      // The title effect is a lazily loaded part: it shows the count once its chunk is there.
      await waitUntil(() => document.title === '(1) Host CRM', 'the count reaches the page title');
      expect(document.querySelector('title')!.children).to.have.length(0);
      // Another agent answers first: the agent's Answer fails and a notice appears.
      backend.script.agentAnswers('a2', id);
      await service.answer(id).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
      await settle(el);
      expect(document.title).to.equal('Host CRM');
      expect(document.querySelector('title')!.children).to.have.length(0);
      expect(document.head.querySelectorAll('img, script[onerror]')).to.have.length(0);
      const notices = allByRole(el, 'status').filter((r) => deepText(r).trim() !== '');
      expect(notices.length, 'a notice is shown').to.be.greaterThan(0);
      for (const region of notices) {
        expect(region.querySelectorAll('img, script, b')).to.have.length(0);
        const text = deepText(region);
        if (text.includes('Mira')) expect(text).to.contain(hostile);
      }
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    } finally {
      document.title = original;
    }
  });

  it('shows the session list in the Chats tab when it is clicked', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    await service.answer(id);
    const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
    expect(deepText(byRole(el, 'tabpanel', 'Dashboard'))).to.contain('Incoming chats');
    byRole(el, 'tab', 'Chats').click();
    await settle(el);
    expect(el.tab).to.equal('chats');
    expect(byRole(el, 'tab', 'Chats').getAttribute('aria-selected')).to.equal('true');
    expect(byRole(el, 'listbox', 'Chat sessions')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('lays out the session list, conversation and person panel in the Chats tab', async () => {
    const { service } = await setup();
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="width: 1280px; height: 720px"></chat-screen>`);
    const panel = byRole(el, 'tabpanel', 'Chats');
    const list = panel.querySelector('chat-session-list')!.getBoundingClientRect();
    const conversation = panel.querySelector('chat-conversation')!.getBoundingClientRect();
    const person = panel.querySelector('chat-person-panel')!.getBoundingClientRect();
    expect(list.width).to.be.within(240, 300);
    expect(person.width).to.be.within(240, 320);
    expect(conversation.left).to.be.at.least(list.right - 1);
    expect(person.left).to.be.at.least(conversation.right - 1);
    expect(conversation.width).to.be.greaterThan(500);
  });

  it('keeps all three areas side by side at 1024 px', async () => {
    const { service } = await setup();
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="width: 1024px; height: 640px"></chat-screen>`);
    const panel = byRole(el, 'tabpanel', 'Chats');
    const person = panel.querySelector('chat-person-panel')!.getBoundingClientRect();
    const conversation = panel.querySelector('chat-conversation')!.getBoundingClientRect();
    expect(person.width).to.be.greaterThan(200);
    expect(person.right).to.be.at.most(el.getBoundingClientRect().right + 1);
    expect(conversation.width).to.be.greaterThan(380);
  });

  it('puts the person panel behind a toggle below 900 px', async () => {
    const { service } = await setup();
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="width: 800px; height: 640px"></chat-screen>`);
    const toggle = byRole(el, 'button', 'Person');
    const panel = () => deepQuery(el, 'chat-person-panel')!;
    expect(getComputedStyle(panel()).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await settle(el);
    expect(getComputedStyle(panel()).display).to.not.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  });

  /** A screen of `width` px in the Chats tab with one answered, selected chat (all in the viewport). */
  async function chatsAt(width: number, height = 640) {
    await setViewport({ width: Math.max(1280, width + 64), height: Math.max(800, height + 64) });
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    await service.answer(id);
    service.selectSession(id);
    const el = await mount<ChatScreen>(
      service,
      html`<chat-screen tab="chats" style="width: ${width}px; height: ${height}px"></chat-screen>`,
    );
    await waitUntil(() => queryByRole(el, 'button', 'End chat'), 'the End chat button');
    await settle(el);
    return { el, backend, service, id };
  }

  /** Whether the centre of `target` hit-tests to `target` (or inside it) in its own shadow root. */
  function hitsItself(target: Element): boolean {
    const r = target.getBoundingClientRect();
    const root = target.getRootNode() as ShadowRoot | Document;
    const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === target || target.contains(hit));
  }

  for (const width of [800, 900, 1000]) {
    it(`leaves the conversation's "End chat" button uncovered at ${width} px`, async () => {
      const { el } = await chatsAt(width);
      const end = byRole(el, 'button', 'End chat');
      const r = end.getBoundingClientRect();
      const hit = (end.getRootNode() as ShadowRoot).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      expect(hitsItself(end), `End chat is on top at its centre, not ${hit?.outerHTML.slice(0, 120)}`).to.equal(true);
    });
  }

  it('keeps the "Person" toggle off the conversation, also with the drawer open', async () => {
    const { el } = await chatsAt(800);
    const toggle = byRole(el, 'button', 'Person');
    const conversation = deepQuery(el, 'chat-conversation')!.getBoundingClientRect();
    const overlaps = () => {
      const t = toggle.getBoundingClientRect();
      return t.bottom > conversation.top && t.top < conversation.bottom && t.right > conversation.left && t.left < conversation.right;
    };
    expect(overlaps()).to.equal(false);
    toggle.click();
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(overlaps()).to.equal(false);
    expect(hitsItself(toggle)).to.equal(true);
  });

  it('closes the person panel drawer with Escape and returns focus to the toggle', async () => {
    const { el } = await chatsAt(800);
    const toggle = byRole(el, 'button', 'Person');
    toggle.click();
    await settle(el);
    const panel = deepQuery(el, 'chat-person-panel')!;
    expect(getComputedStyle(panel).display).to.not.equal('none');
    const inside = allByRole(panel, 'button')[0]!;
    inside.focus();
    expect(deepActiveElement()).to.equal(inside);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(panel).display).to.equal('none');
    expect(deepActiveElement()).to.equal(toggle);
  });

  it('closes the person panel drawer when the agent clicks outside it', async () => {
    const { el } = await chatsAt(800);
    const toggle = byRole(el, 'button', 'Person');
    toggle.click();
    await settle(el);
    const panel = deepQuery(el, 'chat-person-panel')!;
    panel.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle(el);
    expect(toggle.getAttribute('aria-expanded'), 'a click inside keeps it open').to.equal('true');
    byRole(el, 'log').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(panel).display).to.equal('none');
  });

  it('keeps the whole screen inside a fixed-height host while "Reconnecting…" shows', async () => {
    const { el, backend } = await chatsAt(1024, 560);
    const screen = el.shadowRoot!.querySelector<HTMLElement>('.screen')!;
    backend.script.disconnect();
    await settle(el);
    expect(allByRole(el, 'status').some((s) => deepText(s) === 'Reconnecting…')).to.equal(true);
    const host = el.getBoundingClientRect();
    expect(screen.scrollHeight).to.be.at.most(screen.clientHeight + 1);
    expect(screen.getBoundingClientRect().bottom).to.be.at.most(host.bottom + 1);
    const composer = byRole(el, 'textbox', 'Message').getBoundingClientRect();
    expect(composer.bottom).to.be.at.most(host.bottom + 1);
    expect(composer.height).to.be.greaterThan(0);
  });

  it('has no horizontal scroll and no overlapping header or pane bar controls at 600 px (one pane)', async () => {
    // Below 720 px one pane shows: the chat selected before mounting shows its conversation.
    const { el } = await chatsAt(600);
    const screen = el.shadowRoot!.querySelector<HTMLElement>('.screen')!;
    expect(screen.scrollWidth).to.be.at.most(screen.clientWidth + 1);
    const header = el.shadowRoot!.querySelector<HTMLElement>('.header')!;
    expect(header.scrollWidth).to.be.at.most(header.clientWidth + 1);
    expect(queryByRole(el, 'listbox'), 'the session list is hidden').to.equal(null);
    expect(deepQuery(el, 'chat-conversation')!.getBoundingClientRect().width).to.be.closeTo(600, 1);
    const host = el.getBoundingClientRect();
    const rows = [
      [byRole(el, 'tab', 'Dashboard'), byRole(el, 'tab', 'Chats'), el.shadowRoot!.querySelector('.agent-name')!, byRole(el, 'switch', 'Present')],
      [byRole(el, 'button', 'Back to chats'), byRole(el, 'button', 'Person')],
    ];
    for (const row of rows) {
      const controls = row.map((c) => c.getBoundingClientRect());
      for (const [i, r] of controls.entries()) {
        expect(r.width, `control ${i} visible`).to.be.greaterThan(0);
        expect(r.right, `control ${i} inside`).to.be.at.most(host.right + 1);
        const next = controls[i + 1];
        if (next) expect(next.left, `control ${i + 1} after ${i}`).to.be.at.least(r.right - 1);
      }
    }
    expect(hitsItself(byRole(el, 'switch', 'Present'))).to.equal(true);
    expect(hitsItself(byRole(el, 'button', 'Person'))).to.equal(true);
    expect(hitsItself(byRole(el, 'button', 'End chat'))).to.equal(true);
  });

  it('switches tabs with the arrow keys', async () => {
    const { service } = await setup();
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats"></chat-screen>`);
    byRole(el, 'tab', 'Chats').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.tab).to.equal('dashboard');
    expect(deepActiveElement()).to.equal(byRole(el, 'tab', 'Dashboard'));
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.tab).to.equal('chats');
    expect(deepActiveElement()).to.equal(byRole(el, 'tab', 'Chats'));
  });

  it('lets the keyboard alone switch to Chats and take the next chat', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    // Wide: no "Person" drawer toggle between the switch and the Chats tab's content.
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="dashboard" style="width: 1280px"></chat-screen>`);
    byRole(el, 'tab', 'Dashboard').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.tab).to.equal('chats');
    // Tab order: the tabs, the presence switch, then the Chats tab's first control.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(byRole(el, 'switch', 'Present'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(byRole(el, 'button', 'Get next in queue'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => service.state.selectedSessionId === id, 'chat taken');
    await settle(el);
    expect(service.state.sessions[id]!.agentId).to.equal('a1');
    expect(byRole(el, 'option', /Mira Okafor/).getAttribute('aria-selected')).to.equal('true');
  });

  it('switches to the Chats tab when a chat is answered on the dashboard', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="dashboard"></chat-screen>`);
    byRole(el, 'button', 'Answer').click();
    await waitUntil(() => el.tab === 'chats', 'Chats tab');
    await settle(el);
    expect(service.state.selectedSessionId).to.equal(id);
    expect(byRole(el, 'tab', 'Chats').getAttribute('aria-selected')).to.equal('true');
    expect(badge(el, 'Chats')).to.equal('1');
  });

  it('messages arriving in the open chat while the Dashboard tab shows count as unread, and are read when the agent comes back', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    await service.answer(id);
    service.selectSession(id);
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="height: 700px"></chat-screen>`);
    await waitUntil(() => queryByRole(el, 'heading', 'Mira Okafor'), 'the conversation');
    await settle(el);
    backend.script.customerWrites(id, 'Seen at once');
    await settle(el);
    expect(service.state.sessions[id]!.unreadCount, 'read while shown').to.equal(0);

    byRole(el, 'tab', 'Dashboard').click();
    await waitUntil(() => el.tab === 'dashboard', 'the Dashboard tab');
    await settle(el);
    backend.script.customerWrites(id, 'Written while the agent looks at the dashboard');
    await settle(el);
    expect(service.state.sessions[id]!.unreadCount, 'unread while the Chats tab is hidden').to.equal(1);
    const row = deepQuery<HTMLElement>(el, `chat-session-row[data-id="${id}"]`)!;
    expect(row.classList.contains('unread'), 'the row shows it').to.equal(true);

    byRole(el, 'tab', 'Chats').click();
    await waitUntil(() => service.state.sessions[id]!.unreadCount === 0, 'read once the conversation shows again');
    await settle(el);
    expect(row.classList.contains('unread')).to.equal(false);
  });

  it('shows the agent and switches presence with the "Present" switch', async () => {
    const { service } = await setup();
    const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
    expect(deepText(el)).to.contain('Anna de Vries');
    const presence = byRole(el, 'switch', 'Present');
    expect(presence.getAttribute('aria-checked')).to.equal('true');
    presence.click();
    await waitUntil(() => service.state.agents.a1?.presence === 'away', 'away');
    await settle(el);
    expect(byRole(el, 'switch', 'Present').getAttribute('aria-checked')).to.equal('false');
    expect(deepText(el)).to.contain('Away');
  });

  it('shows a "Reconnecting…" banner while the connection is offline', async () => {
    const { backend, service } = await setup();
    const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
    backend.script.disconnect();
    await settle(el);
    const banner = () => allByRole(el, 'status').filter((s) => deepText(s) === 'Reconnecting…');
    expect(banner()).to.have.length(1);
    backend.script.reconnect();
    await settle(el);
    expect(banner()).to.have.length(0);
  });

  it('shows a loading state, then the error message when the service fails to load', async () => {
    const { backend } = await setup();
    let fail: (error: unknown) => void = () => undefined;
    const broken: ChatBackendAdapter = Object.create(backend, {
      getSnapshot: { value: () => new Promise((_, reject) => (fail = reject)) },
    });
    const service = new ChatService({ backend: broken });
    const el = await fixture<ChatScreen>(html`<chat-screen .service=${service}></chat-screen>`);
    await settle(el);
    expect(deepText(byRole(el, 'status'))).to.contain('Loading chats…');
    fail(new ChatBackendError('network', 'The chat server did not answer'));
    await waitUntil(() => queryByRole(el, 'alert'), 'error state');
    expect(deepText(byRole(el, 'alert'))).to.contain('The chat server did not answer');
    service.dispose();
  });

  it('provides the context itself when given a service, with its own time zone', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    await service.answer(id);
    const el = await fixture<ChatScreen>(
      html`<chat-screen .service=${service} time-zone="Asia/Tokyo" tab="chats"></chat-screen>`,
    );
    await settle(el);
    const row = byRole(el, 'option', /Mira Okafor/);
    expect(row.querySelector('time')!.textContent).to.match(/6:00\s?PM/);
  });

  it('builds its own service from .backend and fires chat-incoming for new chats', async () => {
    const { backend } = await setup();
    const el = await fixture<ChatScreen>(html`<chat-screen .backend=${backend}></chat-screen>`);
    await waitUntil(() => queryByRole(el, 'tab', 'Dashboard'), 'screen ready');
    const incoming: string[] = [];
    document.addEventListener('chat-incoming', (e) => incoming.push(e.detail.sessionId), { once: true });
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    await settle(el);
    expect(incoming).to.deep.equal([id]);
    expect(badge(el, 'Dashboard')).to.equal('1');
  });

  it('closes the backend subscription of the service it built when removed, however often it is mounted', async () => {
    const { backend } = await setup();
    const baseline = backend.openSubscriptions;
    const host = document.body.appendChild(document.createElement('div'));
    for (let i = 0; i < 10; i++) {
      const el = document.createElement('chat-screen');
      el.backend = backend;
      host.append(el);
      await waitUntil(() => queryByRole(el, 'tab', 'Dashboard'), 'screen ready');
      el.remove();
      await settle(host);
    }
    host.remove();
    expect(backend.openSubscriptions).to.equal(baseline);
  });

  it('B26: a click on a session row inside the screen reaches document exactly once, composed', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ name: 'Mira Okafor', text: 'Hi' });
    await service.answer(id);
    // Choosing the chat already selected changes nothing: start with none selected.
    service.selectSession(null);
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats"></chat-screen>`);
    const heard: CustomEvent[] = [];
    const names = ['chat-session-select', 'chat-message-send', 'chat-person-link', 'chat-request-create'] as const;
    const listener = (e: Event) => heard.push(e as CustomEvent);
    for (const name of names) document.addEventListener(name, listener);
    try {
      byRole(el, 'option', /Mira Okafor/).click();
      await settle(el);
    } finally {
      for (const name of names) document.removeEventListener(name, listener);
    }
    expect(heard).to.have.length(1);
    expect(heard[0]!.type).to.equal('chat-session-select');
    expect(heard[0]!.composed).to.equal(true);
    expect(heard[0]!.bubbles).to.equal(true);
    expect(heard[0]!.detail).to.deep.equal({ sessionId: id });
  });

  it('B26: every public event fired from its innermost control reaches document once, composed, with ids', async () => {
    const { backend, service } = await setup();
    const person = backend.inspect.persons()[0]!;
    const id = backend.script.customerArrives({
      name: `${person.firstName} ${person.lastName}`,
      email: person.email,
      text: 'Hello, a question about my order',
    });
    await service.answer(id);
    service.selectSession(null);
    const el = await mount<ChatScreen>(service, html`<chat-screen tab="chats" style="height: 720px"></chat-screen>`);
    const heard: CustomEvent[] = [];
    const listener = (e: Event) => {
      if (e.type.startsWith('chat-')) heard.push(e as CustomEvent);
    };
    const names = [
      'chat-session-select', 'chat-message-send', 'chat-person-link', 'chat-person-open',
      'chat-session-end', 'chat-error', 'chat-incoming',
    ];
    for (const name of names) document.addEventListener(name, listener);
    const take = (type: string) => {
      const found = heard.filter((e) => e.type === type);
      expect(found, type).to.have.length(1);
      expect(found[0]!.composed, `${type} composed`).to.equal(true);
      expect(found[0]!.bubbles, `${type} bubbles`).to.equal(true);
      return found[0]!.detail as Record<string, unknown>;
    };
    try {
      byRole(el, 'option', new RegExp(person.lastName)).click();
      await settle(el);
      expect(take('chat-session-select')).to.deep.equal({ sessionId: id });

      const composer = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
      composer.focus();
      await sendKeys({ type: 'Let me check that for you' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(take('chat-message-send')).to.include({ sessionId: id, text: 'Let me check that for you' });

      (await waitUntil(() => queryByRole(el, 'button', 'Link'), 'a Link button for the candidate')).click();
      await waitUntil(() => heard.some((e) => e.type === 'chat-person-link'), 'chat-person-link');
      expect(take('chat-person-link')).to.deep.equal({ sessionId: id, personId: person.id });

      (await waitUntil(() => queryByRole(el, 'button', 'Open in CRM'), 'the open-person button')).click();
      expect(take('chat-person-open')).to.deep.equal({ id: person.id });

      byRole(el, 'button', 'End chat').click();
      await waitUntil(() => heard.some((e) => e.type === 'chat-session-end'), 'chat-session-end');
      expect(take('chat-session-end')).to.deep.equal({ sessionId: id });

      const incoming = backend.script.customerArrives({ channelId: 'support', name: 'New Customer', text: 'Hi' });
      await settle(el);
      expect(take('chat-incoming')).to.deep.equal({ sessionId: incoming, channelId: 'support' });
    } finally {
      for (const name of names) document.removeEventListener(name, listener);
    }
  });

  it('the main job: a customer arrives, is answered, chatted with and ended', async () => {
    const { backend, service } = await setup();
    const el = await mount<ChatScreen>(service, html`<chat-screen style="height: 720px"></chat-screen>`);

    // A customer arrives: the Dashboard tab counts 1.
    const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'Hi, my parcel is late' });
    await settle(el);
    expect(badge(el, 'Dashboard')).to.equal('1');
    expect(tabDescription(el, 'Dashboard')).to.equal('1 customer waiting');

    // In the Chats tab the agent takes the next chat in the queue.
    byRole(el, 'tab', 'Chats').click();
    await settle(el);
    byRole(el, 'button', 'Get next in queue').click();
    await waitUntil(() => queryByRole(el, 'option', /Mira Okafor/), 'the chat in the list');
    await settle(el);
    expect(badge(el, 'Dashboard')).to.equal('0');
    expect(badge(el, 'Chats')).to.equal('1');

    // The chat opens in the conversation with the customer's message.
    const log = await waitUntil(() => {
      const found = queryByRole(el, 'log');
      return found && deepText(found).includes('Hi, my parcel is late') ? found : null;
    }, 'the customer message in the conversation');
    expect(log).to.exist;

    // The agent writes and presses Enter.
    const textbox = byRole<HTMLTextAreaElement>(el, 'textbox', 'Message');
    textbox.focus();
    await sendKeys({ type: 'Let me check that for you' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepText(byRole(el, 'log')).includes('Let me check that for you'), 'the agent message');
    await waitUntil(
      () => deepText(byRole(el, 'option', /Mira Okafor/)).includes('You: Let me check that for you'),
      'the preview in the list',
    );

    // The customer answers: the open conversation keeps unread at 0.
    backend.script.customerWrites(id, 'Order 4411, thanks!');
    await waitUntil(() => deepText(byRole(el, 'log')).includes('Order 4411, thanks!'), 'the customer reply');
    await settle(el);
    expect(badge(el, 'Chats')).to.equal('1');
    expect(service.state.sessions[id]!.unreadCount).to.equal(0);
    expect(deepText(byRole(el, 'option', /Mira Okafor/))).to.not.match(/unread message/);

    // The agent ends the chat (confirming, as the customer wrote last): it moves to the Recent part of the list.
    byRole(el, 'button', 'End chat').click();
    await waitUntil(() => queryByRole(el, 'alertdialog', 'End this chat?'), 'the end-chat confirmation');
    await settle(el);
    byRole(el, 'button', 'End chat now').click();
    await waitUntil(() => service.state.sessions[id]!.status === 'ended', 'the chat ended');
    await settle(el);
    const recent = byRole(el, 'group', /Recent/);
    expect(deepText(recent)).to.contain('Mira Okafor');
    expect(deepText(byRole(el, 'group', /Ongoing/))).to.not.contain('Mira Okafor');
    expect(badge(el, 'Chats')).to.equal('0');
  });
});
