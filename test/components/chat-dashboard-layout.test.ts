import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import { ChatService } from '../../src/service/chat-service.js';
import { deepQuery, mount, settle, setup } from '../helpers.js';

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
});
