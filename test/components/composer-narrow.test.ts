import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatConversation } from '../../src/components/chat-conversation/chat-conversation.js';
import { byRole, deepQuery, mount, queryByRole, settle, setup, waitUntil, edgeToEdgeViewport } from '../helpers.js';

/** A conversation the agent answered, rendered in `lang`. */
async function conversationIn(lang: 'en' | 'nl'): Promise<ChatConversation> {
  const s = await setup();
  const id = s.backend.script.customerArrives({ channelId: 'sales', name: 'Mira Okafor', text: 'Hoi' });
  await s.service.answer(id);
  const el = await mount<ChatConversation>(s.service, html`<chat-conversation></chat-conversation>`, lang);
  await waitUntil(() => deepQuery(el, '.log [virtualizer-sizer]'), 'the history rendered');
  const send = lang === 'nl' ? 'Verzenden' : 'Send';
  await waitUntil(() => queryByRole(el, 'button', send), `the ${send} button`);
  await settle(el);
  return el;
}

describe('<chat-conversation> composer at narrow and wide sizes', () => {
  edgeToEdgeViewport();

  for (const lang of ['en', 'nl'] as const) {
    for (const width of [360, 720, 1440]) {
      it(`${lang}, ${width} px: the Enter/Shift+Enter hint is shown whole (not cut), with Insert and Send on one row inside the composer`, async () => {
        await setViewport({ width, height: 800 });
        const el = await conversationIn(lang);
        const hint = deepQuery<HTMLElement>(el, '.composer .hint')!;
        const style = getComputedStyle(hint);
        expect(hint.scrollWidth, `“${hint.textContent}” is cut`).to.be.at.most(hint.clientWidth + 1);
        expect(hint.scrollHeight, `“${hint.textContent}” is cut`).to.be.at.most(hint.clientHeight + 1);
        // Ellipsis with nowrap would hide the overflow from scrollWidth only when nothing overflows.
        expect(hint.getBoundingClientRect().width, 'the hint has room').to.be.greaterThan(0);
        const lines = hint.getBoundingClientRect().height / parseFloat(style.lineHeight);
        expect(lines, 'the hint takes at most two lines').to.be.at.most(2.2);
        if (style.whiteSpace === 'nowrap') {
          const range = document.createRange();
          range.selectNodeContents(hint);
          expect(range.getBoundingClientRect().width, 'the text fits its box').to.be.at.most(hint.clientWidth + 1);
        }
        const form = deepQuery<HTMLElement>(el, 'form.composer')!.getBoundingClientRect();
        const insert = byRole(el, 'button', lang === 'nl' ? 'Invoegen' : 'Insert').getBoundingClientRect();
        const send = byRole(el, 'button', lang === 'nl' ? 'Verzenden' : 'Send').getBoundingClientRect();
        expect(Math.abs(insert.top + insert.height / 2 - (send.top + send.height / 2)), 'Insert and Send on one row').to.be.at.most(4);
        for (const [name, rect] of [
          ['Send', send],
          ['hint', hint.getBoundingClientRect()],
        ] as const) {
          expect(rect.left >= form.left - 1 && rect.right <= form.right + 1 && rect.bottom <= form.bottom + 1, `${name} inside the composer`).to.equal(true);
        }
      });
    }
  }
});
