import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import { allByRole, deepQuery, mount, settle, setup, waitUntil } from '../helpers.js';

// A long group renders only the rows near the viewport, so a screen reader would count (and place)
// options from the rendered rows: every option carries its group's size and its place in it.

/** 150 ongoing chats of the agent and 3 ended ones (the "Recent" group), in a 500 px list. */
async function longList() {
  const s = await setup();
  for (let i = 0; i < 150; i++) {
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: `Customer ${i + 1}`, text: `Hello ${i + 1}` });
    s.backend.script.agentAnswers('a1', id);
  }
  for (let i = 0; i < 3; i++) {
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: `Former ${i + 1}`, text: 'Thanks' });
    s.backend.script.agentAnswers('a1', id);
    s.backend.script.agentEnds('a1', id);
  }
  const el = await mount<ChatSessionList>(
    s.service,
    html`<chat-session-list style="display: flex; flex-direction: column; height: 500px; width: 320px"></chat-session-list>`,
  );
  await waitUntil(() => deepQuery(el, 'chat-virtual-rows [role="option"]'), 'the virtualized rows');
  await settle(el);
  return { ...s, el };
}

/** The rendered options of a group (by its label), top to bottom, as [posinset, setsize]. */
function positions(el: Element, group: 'group-ongoing' | 'group-recent'): Array<[number, number]> {
  const groupEl = deepQuery(el, `[role="group"][aria-labelledby="${group}"]`)!;
  return allByRole(groupEl, 'option')
    .filter((o) => o.getClientRects().length > 0)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((o) => [Number(o.getAttribute('aria-posinset')), Number(o.getAttribute('aria-setsize'))]);
}

function expectRun(rows: Array<[number, number]>, size: number) {
  expect(rows.length, 'some rows rendered').to.be.greaterThan(0);
  for (const [pos, setSize] of rows) {
    expect(setSize, 'aria-setsize is the whole group').to.equal(size);
    expect(pos).to.be.within(1, size);
  }
  rows.slice(1).forEach(([pos], i) => expect(pos, 'consecutive places').to.equal(rows[i][0] + 1));
}

async function scrollTo(el: ChatSessionList, where: (scroller: HTMLElement) => number) {
  const scroller = deepQuery<HTMLElement>(el, '.scroll')!;
  scroller.scrollTop = where(scroller);
  scroller.dispatchEvent(new Event('scroll'));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await settle(el);
}

describe('<chat-session-list> options carry aria-setsize and aria-posinset', () => {
  it('a virtualized group of 150: first, middle and last rendered options say "n of 150"; the Recent group its own 3', async () => {
    const { el } = await longList();
    const rendered = positions(el, 'group-ongoing');
    expect(rendered.length, 'only part of the group is in the DOM').to.be.lessThan(150);
    expect(rendered[0]).to.deep.equal([1, 150]);
    expectRun(rendered, 150);
    await expect(el).to.be.accessible();

    await scrollTo(el, (s) => (s.scrollHeight - s.clientHeight) / 2);
    await waitUntil(() => positions(el, 'group-ongoing').some(([pos]) => pos > 60 && pos < 90), 'the middle rows');
    const middle = positions(el, 'group-ongoing');
    expectRun(middle, 150);
    expect(middle[0][0], 'the first row is no longer rendered').to.be.greaterThan(1);

    await scrollTo(el, (s) => s.scrollHeight);
    await waitUntil(() => positions(el, 'group-ongoing').some(([pos]) => pos === 150), 'the last row');
    expectRun(positions(el, 'group-ongoing'), 150);
    expect(positions(el, 'group-recent')).to.deep.equal([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    await expect(el).to.be.accessible();
  });

  it('a short group (not virtualized) numbers its options too', async () => {
    const s = await setup();
    for (let i = 0; i < 4; i++) {
      const id = s.backend.script.customerArrives({ channelId: 'sales', name: `Customer ${i + 1}`, text: 'Hi' });
      s.backend.script.agentAnswers('a1', id);
    }
    const el = await mount<ChatSessionList>(s.service, html`<chat-session-list style="height: 500px"></chat-session-list>`);
    await waitUntil(() => allByRole(el, 'option').length === 4, 'the rows');
    expect(positions(el, 'group-ongoing')).to.deep.equal([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });
});
