import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import type { ChatEventDetails } from '../../src/events.js';
import {
  allByRole,
  byRole,
  deepActiveElement,
  deepText,
  mount,
  queryByRole,
  settle,
  setup,
  type Setup,
  waitUntil,
} from '../helpers.js';

function badge(screen: ChatScreen, name: string): string {
  return byRole(screen, 'tab', name).querySelector('.badge')!.textContent!.trim();
}

/** The count a tab's badge announces (its aria-describedby text). */
function tabDescription(screen: ChatScreen, name: string): string {
  const tab = byRole(screen, 'tab', name);
  return screen.shadowRoot!.getElementById(tab.getAttribute('aria-describedby')!)!.textContent!.replace(/\s+/g, ' ').trim();
}

/** The screen's live region of transfer offers. */
function offerRegion(screen: ChatScreen): HTMLElement {
  return screen.shadowRoot!.querySelector<HTMLElement>('.offer-notices')!;
}

/** A chat the colleague Sanne Bakker (a2) handles. */
function colleaguesChat(s: Setup, name = 'Mira Okafor'): string {
  const id = s.backend.script.customerArrives({ channelId: 'sales', name, text: 'Hello?' });
  s.backend.script.agentAnswers('a2', id);
  return id;
}

describe('<chat-screen> transfer offered to the agent', () => {
  it('on the Dashboard tab: the Chats badge counts the offer and a polite notice says who transfers whom', async () => {
    const s = await setup();
    const id = colleaguesChat(s);
    const el = await mount<ChatScreen>(s.service, html`<chat-screen style="width: 1280px"></chat-screen>`);
    expect(el.tab).to.equal('dashboard');
    expect(badge(el, 'Chats')).to.equal('0');
    // The live region is there before anything is in it, so the offer is announced when it comes.
    expect(offerRegion(el).getAttribute('role')).to.equal('status');
    expect(offerRegion(el).getClientRects().length).to.equal(1);
    s.backend.script.transfer(id, 'a2', 'a1', 'Knows the order');
    await settle(el);
    expect(badge(el, 'Chats')).to.equal('1');
    expect(tabDescription(el, 'Chats')).to.equal('You are handling 0 chats. 1 chat is being transferred to you');
    const region = offerRegion(el);
    expect(deepText(region)).to.contain('Sanne Bakker transfers Mira Okafor to you');
    expect(deepText(region)).to.contain('Knows the order');
    const open = byRole(region, 'button', 'Open');
    expect(open.getAttribute('aria-describedby')).to.equal(`offer-text-${id}`);
    expect(byRole(region, 'button', 'Dismiss')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('"Open" switches to the Chats tab with that chat selected, its Accept transfer focused; accepting makes it a handled chat', async () => {
    const s = await setup();
    const other = s.backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hi' });
    await s.service.answer(other);
    const id = colleaguesChat(s);
    const el = await mount<ChatScreen>(s.service, html`<chat-screen style="width: 1280px"></chat-screen>`);
    const selects: string[] = [];
    const onSelect = (e: CustomEvent<ChatEventDetails['chat-session-select']>) => selects.push(e.detail.sessionId);
    document.addEventListener('chat-session-select', onSelect);
    try {
      s.backend.script.transfer(id, 'a2', 'a1');
      await settle(el);
      expect(badge(el, 'Chats')).to.equal('2');
      byRole(offerRegion(el), 'button', 'Open').click();
      const accept = await waitUntil(() => queryByRole(el, 'button', 'Accept transfer'), 'Accept transfer');
      expect(el.tab).to.equal('chats');
      expect(s.service.state.selectedSessionId).to.equal(id);
      expect(selects).to.deep.equal([id]);
      expect(byRole(el, 'option', /Mira Okafor/).getAttribute('aria-selected')).to.equal('true');
      expect(deepText(byRole(el, 'option', /Mira Okafor/))).to.contain('Transfer to you');
      expect(byRole(el, 'button', 'Reject transfer')).to.exist;
      await waitUntil(() => deepActiveElement() === accept, 'focus on Accept transfer');
      // The chat is shown now: its notice is gone.
      expect(queryByRole(offerRegion(el), 'button', 'Open')).to.equal(null);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => queryByRole(el, 'textbox', 'Message'), 'the composer after accepting');
      await settle(el);
      expect(s.service.state.sessions[id]!.agentId).to.equal('a1');
      expect(badge(el, 'Chats')).to.equal('2');
      expect(tabDescription(el, 'Chats')).to.equal('You are handling 2 chats');
    } finally {
      document.removeEventListener('chat-session-select', onSelect);
    }
  });

  it('works with the keyboard alone: Tab reaches "Open" on the Dashboard tab, Enter opens the chat', async () => {
    const s = await setup();
    const id = colleaguesChat(s);
    const el = await mount<ChatScreen>(s.service, html`<chat-screen style="width: 1280px"></chat-screen>`);
    s.backend.script.transfer(id, 'a2', 'a1');
    await settle(el);
    byRole(el, 'switch', 'Present').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(byRole(offerRegion(el), 'button', 'Open'));
    await sendKeys({ press: 'Enter' });
    const accept = await waitUntil(() => queryByRole(el, 'button', 'Accept transfer'), 'Accept transfer');
    await waitUntil(() => deepActiveElement() === accept, 'focus on Accept transfer');
    expect(el.tab).to.equal('chats');
  });

  it('shows the notice on the Chats tab while another chat is open; Dismiss removes it, the badge and the row tag stay', async () => {
    const s = await setup();
    const other = s.backend.script.customerArrives({ channelId: 'sales', name: 'Tomasz Weber', text: 'Hi' });
    await s.service.answer(other);
    s.service.selectSession(other);
    const id = colleaguesChat(s);
    const el = await mount<ChatScreen>(s.service, html`<chat-screen tab="chats" style="width: 1280px"></chat-screen>`);
    s.backend.script.transfer(id, 'a2', 'a1');
    await settle(el);
    expect(deepText(offerRegion(el))).to.contain('Sanne Bakker transfers Mira Okafor to you');
    byRole(offerRegion(el), 'button', 'Dismiss').click();
    await settle(el);
    expect(deepText(offerRegion(el))).to.equal('');
    expect(badge(el, 'Chats')).to.equal('2');
    expect(deepText(byRole(el, 'option', /Mira Okafor/))).to.contain('Transfer to you');
    // Focus did not fall to the page: it is on the Chats tab.
    expect(deepActiveElement()).to.equal(byRole(el, 'tab', 'Chats'));
  });

  it('drops the notice and the badge count when the sender cancels the transfer', async () => {
    const s = await setup();
    const id = colleaguesChat(s);
    const el = await mount<ChatScreen>(s.service, html`<chat-screen></chat-screen>`);
    s.backend.script.transfer(id, 'a2', 'a1');
    await settle(el);
    expect(allByRole(offerRegion(el), 'button', 'Open')).to.have.length(1);
    await s.backend.forAgent('a2').cancelTransfer(id);
    await settle(el);
    expect(badge(el, 'Chats')).to.equal('0');
    expect(queryByRole(offerRegion(el), 'button', 'Open')).to.equal(null);
  });

  it('renders a hostile customer name and note as text', async () => {
    const s = await setup();
    const id = colleaguesChat(s, '<img src=x onerror="window.__xss=1">Mira');
    const el = await mount<ChatScreen>(s.service, html`<chat-screen></chat-screen>`);
    s.backend.script.transfer(id, 'a2', 'a1', '<b>bold?</b>');
    await settle(el);
    const region = offerRegion(el);
    expect(region.querySelector('img, b')).to.equal(null);
    expect(deepText(region)).to.contain('transfers <img src=x onerror="window.__xss=1">Mira to you');
    expect(deepText(region)).to.contain('<b>bold?</b>');
  });

  it('the dashboard offers "Open", not "Listen in", on an ongoing chat being transferred to the agent', async () => {
    const s = await setup();
    const id = colleaguesChat(s);
    colleaguesChat(s, 'Tomasz Weber');
    const el = await mount<ChatScreen>(s.service, html`<chat-screen style="width: 1280px"></chat-screen>`);
    const dashboard = el.shadowRoot!.querySelector<ChatDashboard>('chat-dashboard')!;
    expect(allByRole(dashboard, 'button', 'Listen in')).to.have.length(2);
    s.backend.script.transfer(id, 'a2', 'a1');
    await settle(el);
    const row = dashboard.shadowRoot!.querySelector<HTMLElement>(`tr[data-id="${id}"]`)!;
    expect(queryByRole(row, 'button', 'Listen in')).to.equal(null);
    expect(deepText(row)).to.contain('Transfer to you');
    // The colleague's other chat can still be listened in on.
    expect(allByRole(dashboard, 'button', 'Listen in')).to.have.length(1);
    const open = byRole(row, 'button', 'Open');
    await expect(dashboard).to.be.accessible();
    open.click();
    const accept = await waitUntil(() => queryByRole(el, 'button', 'Accept transfer'), 'Accept transfer');
    expect(el.tab).to.equal('chats');
    expect(s.service.state.selectedSessionId).to.equal(id);
    await waitUntil(() => deepActiveElement() === accept, 'focus on Accept transfer');
  });

  it('fires chat-transfer-offered { sessionId, fromAgentId, note } once per offer when the screen provides the service itself', async () => {
    const s = await setup();
    const id = colleaguesChat(s);
    const el = await fixture<ChatScreen>(html`<chat-screen .backend=${s.backend}></chat-screen>`);
    await waitUntil(() => queryByRole(el, 'tab', 'Chats'), 'screen ready');
    const offered: ChatEventDetails['chat-transfer-offered'][] = [];
    const listener = (e: CustomEvent<ChatEventDetails['chat-transfer-offered']>) => {
      expect(e.bubbles && e.composed).to.equal(true);
      offered.push(e.detail);
    };
    document.addEventListener('chat-transfer-offered', listener);
    try {
      s.backend.script.transfer(id, 'a2', 'a1', 'Knows the order');
      await settle(el);
      s.backend.script.customerWrites(id, 'Still there?');
      await settle(el);
      expect(offered).to.deep.equal([{ sessionId: id, fromAgentId: 'a2', note: 'Knows the order' }]);
      expect(badge(el, 'Chats')).to.equal('1');
    } finally {
      document.removeEventListener('chat-transfer-offered', listener);
    }
  });

  it('<chat-provider> with a backend fires chat-transfer-offered too (without a note: no note field)', async () => {
    const s = await setup();
    const id = colleaguesChat(s);
    const provider = await fixture<HTMLElement>(html`<chat-provider .backend=${s.backend}><chat-session-list></chat-session-list></chat-provider>`);
    const list = provider.firstElementChild!;
    await waitUntil(() => queryByRole(list, 'button', 'Get next in queue'), 'list ready');
    const offered: ChatEventDetails['chat-transfer-offered'][] = [];
    const listener = (e: CustomEvent<ChatEventDetails['chat-transfer-offered']>) => offered.push(e.detail);
    document.addEventListener('chat-transfer-offered', listener);
    try {
      s.backend.script.transfer(id, 'a2', 'a1');
      await settle(provider);
      expect(offered).to.deep.equal([{ sessionId: id, fromAgentId: 'a2' }]);
    } finally {
      document.removeEventListener('chat-transfer-offered', listener);
    }
  });
});
