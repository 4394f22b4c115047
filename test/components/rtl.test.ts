import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { byRole, deepAll, deepQuery, deepText, mount, settle, setup, waitUntil } from '../helpers.js';

const HEBREW = 'שלום, ההזמנה שלך נשלחה היום.';
const ARABIC = 'مرحبا، كيف يمكنني مساعدتك؟';
const HEBREW_LIST = 'מה צריך:\n\n- מספר הזמנה\n- כתובת\n- טלפון';
const ENGLISH = 'Order 4521 is ready';

describe('Right-to-left text', () => {
  it('B18 — Hebrew and Arabic message bodies are right-to-left, English left-to-right, all aligned to their start', async () => {
    const s = await setup();
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'דנה לוי', text: HEBREW });
    await s.service.answer(id);
    s.backend.script.customerWrites(id, ARABIC);
    s.backend.script.customerWrites(id, HEBREW_LIST);
    s.backend.script.agentWrites('a1', id, ENGLISH);
    const el = await mount<ChatConversation>(s.service, html`<chat-conversation style="display:block;height:700px"></chat-conversation>`);
    await waitUntil(() => s.service.state.histories[id]?.loaded, 'history loaded');
    // The history's code is a lazy part, loaded with the first chat shown.
    await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
    await settle(el);
    const bodies = deepAll(el, '.body') as HTMLElement[];
    const body = (start: string) => bodies.find((b) => (b.textContent ?? '').trim().startsWith(start))!;
    for (const [start, dir] of [
      ['שלום', 'rtl'],
      ['مرحبا', 'rtl'],
      ['מה צריך', 'rtl'],
      ['Order 4521', 'ltr'],
    ] as const) {
      const b = body(start);
      expect(b, start).to.exist;
      expect(b.getAttribute('dir'), start).to.equal('auto');
      expect(b.matches(`:dir(${dir})`), `${start} is ${dir}`).to.equal(true);
      expect(getComputedStyle(b).textAlign, start).to.equal('start');
    }
    // The list inside the Hebrew message follows its direction: indented (markers) on the right
    // (once the markdown reading, a lazy chunk, has formatted it).
    await waitUntil(() => body('מה צריך').querySelector('ul') !== null, 'the list formatted');
    const list = body('מה צריך').querySelector('ul')!;
    expect(list.querySelectorAll('li')).to.have.length(3);
    expect(list.matches(':dir(rtl)')).to.equal(true);
    const item = list.querySelector('li')!.getBoundingClientRect();
    const outer = list.getBoundingClientRect();
    expect(outer.right - item.right).to.be.greaterThan(item.left - outer.left);
  });

  it('B18 — an RTL customer name is isolated in the session list row; time and unread count keep their order', async () => {
    const s = await setup({ start: '2026-11-30T10:40:00Z' });
    s.service.setDisplay({ timeZone: 'UTC', locale: 'nl' });
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'דנה לוי', text: HEBREW });
    await s.service.answer(id);
    await s.clock.set('2026-11-30T10:42:00Z');
    // With the first message, three unread.
    s.backend.script.customerWrites(id, 'א');
    s.backend.script.customerWrites(id, 'ב');
    const list = await mount<HTMLElement>(s.service, html`<chat-session-list></chat-session-list>`);
    await waitUntil(() => s.service.state.sessions[id]?.unreadCount === 3, `three unread (${s.service.state.sessions[id]?.unreadCount})`);
    await settle(list);
    const row = byRole(list, 'option', /דנה לוי/);
    const name = deepQuery(row, '.name')!;
    expect(name.textContent).to.equal('דנה לוי');
    expect(name.localName === 'bdi' || getComputedStyle(name).unicodeBidi === 'isolate').to.equal(true);
    const text = deepText(row);
    const nameAt = text.indexOf('דנה לוי');
    const timeAt = text.indexOf('10:42');
    const countAt = text.indexOf('3 unread messages');
    expect(nameAt).to.be.greaterThan(-1);
    expect(timeAt, text).to.be.greaterThan(nameAt);
    expect(countAt, text).to.be.greaterThan(timeAt);
    // Laid out left to right: the time stays to the right of the name, in the same line.
    const time = deepQuery(row, 'time')!.getBoundingClientRect();
    expect(time.left).to.be.at.least(name.getBoundingClientRect().right - 1);
  });
});
