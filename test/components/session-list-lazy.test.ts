/**
 * `<chat-session-list>` loads the virtualizer (`<chat-virtual-rows>`) only for a long group: a list
 * of short groups never carries it. Each test file runs in its own page: nothing here has loaded
 * the virtualizer before these tests, and the tests run in order (the failing load comes first).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import { sessionListParts } from '../../src/components/chat-session-list/chat-session-list.js';
import { allByRole, byRole, deepActiveElement, deepQuery, deepText, mount, settle, setup, waitUntil } from '../helpers.js';

const realLoad = sessionListParts.virtualRows;
let loads = 0;

/** Count the loads of the virtualizer; `fail` makes them fail as a lost connection would. */
function instrument(fail: boolean): void {
  loads = 0;
  sessionListParts.virtualRows = () => {
    loads++;
    return fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realLoad();
  };
}

/** A list of `count` ongoing chats of the agent, 500 px high. */
async function listOf(count: number) {
  const s = await setup();
  for (let i = 0; i < count; i++) {
    const id = s.backend.script.customerArrives({ channelId: 'sales', name: `Customer ${i + 1}`, text: `Hello ${i + 1}` });
    s.backend.script.agentAnswers('a1', id);
  }
  const el = await mount<ChatSessionList>(
    s.service,
    html`<chat-session-list style="display: flex; flex-direction: column; height: 500px; width: 320px"></chat-session-list>`,
  );
  await settle(el);
  return { ...s, el };
}

describe('<chat-session-list> loads the virtualizer only for a long group', () => {
  afterEach(() => (sessionListParts.virtualRows = realLoad));

  it('renders short groups (60 rows or fewer) without loading it', async () => {
    instrument(false);
    const { el } = await listOf(60);
    expect(allByRole(el, 'option')).to.have.length(60);
    expect(loads).to.equal(0);
    expect(customElements.get('chat-virtual-rows')).to.equal(undefined);
  });

  it('a long group whose virtualizer cannot be loaded shows its first 60 rows and a notice; "Try again" loads it and the group is virtualized', async () => {
    instrument(true);
    const { el } = await listOf(120);
    const notice = await waitUntil(() => deepQuery(el, '.load-failure[role="alert"]'), 'the load failure notice');
    expect(loads).to.equal(1);
    expect(deepText(notice)).to.contain('could not be loaded');
    // Not retried on every render while the notice is shown.
    await settle(el);
    expect(loads).to.equal(1);
    // The first rows are there meanwhile, in order, and can be selected.
    const rows = allByRole(el, 'option');
    expect(rows).to.have.length(60);
    expect(deepText(rows[0]!)).to.contain('Customer 120');
    await expect(el).to.be.accessible();

    instrument(false);
    byRole(notice, 'button', 'Try again').click();
    await waitUntil(() => deepQuery(el, 'chat-virtual-rows [role="option"]'), 'virtualized rows');
    expect(loads).to.equal(1);
    expect(deepQuery(el, '.load-failure')).to.equal(null);
    const options = allByRole(el, 'option');
    expect(options.length).to.be.greaterThan(3);
    expect(options.length).to.be.below(120);
    expect(deepText(options[0]!)).to.contain('Customer 120');
  });

  it('"Try again" with the keyboard: once the group is virtualized, focus is on its first row (not lost to the page)', async () => {
    instrument(true);
    const { el } = await listOf(80);
    const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    instrument(false);
    byRole(notice, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepQuery(el, 'chat-virtual-rows [role="option"]'), 'virtualized rows');
    const focused = await waitUntil(() => {
      const active = deepActiveElement();
      return active?.getAttribute('role') === 'option' ? active : null;
    }, 'focus on a row');
    expect(deepText(focused)).to.contain('Customer 80');
    expect(focused.closest('chat-virtual-rows'), 'a row of the virtualized group').to.exist;
    expect(focused.getAttribute('tabindex')).to.equal('0');
    // The keyboard goes on from there.
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => deepText(deepActiveElement()!).includes('Customer 79'), 'focus on the next row');
  });

  it('"Try again" with the keyboard: focus goes to the selected chat\'s row when it is in the long group, scrolled into view', async () => {
    instrument(true);
    const { el, service } = await listOf(90);
    const first = Object.values(service.state.sessions).find((s) => s.customer.name === 'Customer 1')!;
    service.selectSession(first.id);
    const notice = await waitUntil(() => deepQuery<HTMLElement>(el, '.load-failure[role="alert"]'), 'the load failure notice');
    // Meanwhile only the first 60 rows are there: not the selected one (the group's last).
    expect(deepQuery(el, `[role="option"][data-id="${first.id}"]`)).to.equal(null);
    instrument(false);
    byRole(notice, 'button', 'Try again').focus();
    await sendKeys({ press: 'Enter' });
    const row = await waitUntil(() => {
      const active = deepActiveElement();
      return active?.getAttribute('role') === 'option' && active.getAttribute('data-id') === first.id ? active : null;
    }, 'focus on the selected row');
    expect(row.getAttribute('aria-selected')).to.equal('true');
    const [box, scroller] = [row.getBoundingClientRect(), deepQuery(el, '.scroll')!.getBoundingClientRect()];
    expect(box.top >= scroller.top - 1 && box.bottom <= scroller.bottom + 1, 'the row is in view').to.equal(true);
  });
});
