import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import { ChatService } from '../../src/service/chat-service.js';
import { allByRole, deepAll, deepQuery, deepText, mount, queryByRole, settle, setup, waitUntil } from '../helpers.js';

const LONG_NAME = `Maximiliane-Anastasia-${'Hohenzollern-'.repeat(6)}`.padEnd(100, 'x').slice(0, 100);

/** The "Agent" cell of an ongoing chat's row: the name and, on the agent's own chats, "(you)". */
function agentCell(el: Element, sessionId: string) {
  const row = deepQuery<HTMLTableRowElement>(el, `tr[data-id="${sessionId}"]`)!;
  return { name: row.querySelector<HTMLElement>('.agent')!, you: row.querySelector<HTMLElement>('.you'), cell: row.cells[1]! };
}

describe('<chat-dashboard> ongoing chats layout', () => {
  after(async () => {
    await setViewport({ width: 1280, height: 800 });
  });

  for (const width of [1440, 1024]) {
    it(`shows "(you)" on the same line as the agent's name at ${width} px, and a long colleague name ends in an ellipsis inside its cell`, async () => {
      await setViewport({ width, height: 900 });
      const { backend, service } = await setup();
      const mine = backend.script.customerArrives({ channelId: 'sales', name: 'Jonas Verbeek', text: 'Hi' });
      await service.answer(mine);
      const theirs = backend.script.customerArrives({ channelId: 'sales', name: 'Hannah Lawson', text: 'Hello' });
      // A colleague with a 100-character unbroken name (the demo names an unknown agent after its id).
      backend.forAgent(LONG_NAME);
      backend.script.agentAnswers(LONG_NAME, theirs);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
      await settle(el);

      const own = agentCell(el, mine);
      expect(own.you?.textContent?.trim()).to.equal('(you)');
      const nameBox = own.name.getBoundingClientRect();
      const youBox = own.you!.getBoundingClientRect();
      // One line: "(you)" starts after the name, on the same line (not wrapped below it).
      expect(youBox.top, '"(you)" is not below the name').to.be.lessThan(nameBox.bottom - 1);
      expect(youBox.left).to.be.at.least(nameBox.right - 1);
      expect(own.name.scrollWidth, 'the short name is shown whole').to.be.at.most(own.name.clientWidth + 1);
      expect(agentCell(el, theirs).you).to.equal(null);

      const other = agentCell(el, theirs);
      const cellBox = other.cell.getBoundingClientRect();
      const otherBox = other.name.getBoundingClientRect();
      expect(otherBox.right).to.be.at.most(cellBox.right + 1);
      expect(other.name.textContent!.length).to.be.greaterThan(60);
      expect(other.name.scrollWidth, 'the long name is cut (ellipsis)').to.be.greaterThan(other.name.clientWidth);
    });
  }

  it('keeps "(you)" visible beside a long own name that ends in an ellipsis', async () => {
    await setViewport({ width: 1440, height: 900 });
    const { backend, clock, service: other } = await setup();
    other.dispose();
    const service = new ChatService({ backend: backend.forAgent(LONG_NAME), clock });
    await service.ready;
    await service.setPresence('present');
    const mine = backend.script.customerArrives({ channelId: 'sales', name: 'Jonas Verbeek', text: 'Hi' });
    backend.script.agentAnswers(LONG_NAME, mine);
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    await settle(el);
    const own = agentCell(el, mine);
    const cellBox = own.cell.getBoundingClientRect();
    const nameBox = own.name.getBoundingClientRect();
    const youBox = own.you!.getBoundingClientRect();
    expect(own.name.scrollWidth, 'the long name is cut (ellipsis)').to.be.greaterThan(own.name.clientWidth);
    expect(youBox.top).to.be.lessThan(nameBox.bottom - 1);
    expect(youBox.right, '"(you)" inside its cell').to.be.at.most(cellBox.right + 1);
    expect(own.you!.scrollWidth).to.be.at.most(own.you!.clientWidth + 1);
    service.dispose();
  });

  for (const [lang, width, height] of [
    ['en', 360, 640],
    ['nl', 360, 640],
    ['nl', 720, 450],
  ] as const) {
    it(`${lang}, ${width} × ${height}${width === 720 ? ' (1440 × 900 at 200%)' : ''}: each ongoing chat is a card with nothing scrolling sideways, "Listen in" and every value in view, the column names beside the values and still the table's headers; passes axe`, async () => {
      await setViewport({ width, height });
      const { backend, service } = await setup();
      const mine = backend.script.customerArrives({ channelId: 'sales', name: 'Jonas Verbeek', text: 'Hi' });
      await service.answer(mine);
      const theirs = backend.script.customerArrives({ channelId: 'support', name: 'Hannah Lawson', text: 'Hello' });
      backend.script.agentAnswers('a2', theirs);
      const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`, lang);
      const listen = lang === 'nl' ? 'Meeluisteren' : 'Listen in';
      await waitUntil(() => queryByRole(el, 'button', listen), `"${listen}"`);
      await settle(el);
      const wrap = deepQuery<HTMLElement>(el, '.table-wrap')!;
      expect(wrap.scrollWidth, 'the ongoing chats do not scroll sideways').to.be.at.most(wrap.clientWidth + 1);
      const box = wrap.getBoundingClientRect();
      const rows = deepAll(el, 'tbody tr') as HTMLTableRowElement[];
      expect(rows.length).to.be.at.least(2);
      for (const row of rows) {
        for (const cell of Array.from(row.cells)) {
          const r = cell.getBoundingClientRect();
          if (r.width === 0) continue;
          expect(r.left >= box.left - 1 && r.right <= box.right + 1, `cell “${deepText(cell)}” in view`).to.equal(true);
        }
      }
      const button = allByRole(el, 'button', listen)[0]!.getBoundingClientRect();
      expect(button.right, `"${listen}" in view`).to.be.at.most(box.right + 1);
      // The column names are shown beside the duration and the last activity...
      const row = deepQuery<HTMLTableRowElement>(el, `tr[data-id="${theirs}"]`)!;
      const label = (cell: HTMLElement) => getComputedStyle(cell, '::before').content;
      expect(label(row.cells[3]!)).to.contain(lang === 'nl' ? 'Duur' : 'Duration');
      expect(label(row.cells[4]!)).to.contain(lang === 'nl' ? 'Laatste activiteit' : 'Last activity');
      // ...and the table keeps its headers for assistive technology.
      expect(allByRole(el, 'columnheader').length).to.equal(6);
      await expect(el).to.be.accessible();
    });
  }

  it('at 1440 px the ongoing chats stay a table with visible column headers and no labels in the cells', async () => {
    await setViewport({ width: 1440, height: 900 });
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'sales', name: 'Jonas Verbeek', text: 'Hi' });
    await service.answer(id);
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    await settle(el);
    const header = deepQuery<HTMLElement>(el, 'thead th')!;
    expect(header.getBoundingClientRect().height, 'the header row is shown').to.be.greaterThan(10);
    const row = deepQuery<HTMLTableRowElement>(el, `tr[data-id="${id}"]`)!;
    expect(getComputedStyle(row).display).to.equal('table-row');
    expect(getComputedStyle(row.cells[3]!, '::before').content).to.equal('none');
  });
});
