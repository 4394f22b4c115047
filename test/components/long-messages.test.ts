import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatDashboard } from '../../src/components/chat-dashboard/chat-dashboard.js';
import {
  allByRole,
  byRole,
  deepActiveElement,
  deepQuery,
  earlierLinkedChat,
  mount,
  queryByRole,
  settle,
  setup,
  waitUntil,
} from '../helpers.js';

// A long message shows its start with "Show full message" / "Show less" wherever a list of
// messages shows it: the conversation (chat-conversation-history.test.ts), the listen-in dialog
// and the person panel's transcripts (here). One renderer (renderLongText) serves all three.

/** A pasted log: `lines` lines of markdown, about 64 characters each (800 lines: about 55,000). */
const log = (lines: number) =>
  Array.from({ length: lines }, (_, i) => `line ${i + 1}: **status** ok, see https://example.com/${i} for _details_`).join('\n');

/** The text of the message whose text starts with "line 1:" inside `root`. */
function longBody(root: Element): string {
  const body = Array.from(root.querySelectorAll('.message-text')).find((b) => b.textContent!.includes('line 1: status ok'));
  return body?.textContent ?? '';
}

describe('long messages', () => {
  it('the listen-in dialog shows a long message clipped; the keyboard expands and collapses it; it stays expanded while the feed goes on and is collapsed in the next listen-in', async () => {
    const { backend, service } = await setup();
    const long = log(120); // about 7,700 characters
    const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
    backend.script.agentAnswers('a2', id);
    backend.script.customerWrites(id, long);
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    byRole(el, 'button', 'Listen in').click();
    const dialog = await waitUntil(() => queryByRole(el, 'dialog', 'Listening in: Mira Okafor'), 'the listen-in dialog');
    const log$ = byRole(dialog, 'log', 'Conversation');
    await waitUntil(() => longBody(log$).includes('line 1: status ok'), 'the long message, as markdown');
    expect(longBody(log$).length).to.be.below(3_100);
    expect(longBody(log$)).to.not.contain('line 120:');
    expect(longBody(log$).trimEnd()).to.match(/…$/);
    const more = byRole<HTMLButtonElement>(log$, 'button', 'Show full message');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    // Only the long message has the control.
    expect(allByRole(log$, 'button')).to.deep.equal([more]);
    // (axe on the clipped message: on thousands of expanded lines it takes longer than a test may.)
    await expect(el).to.be.accessible();

    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => longBody(log$).includes('line 120:'), 'expanded');
    const less = byRole<HTMLButtonElement>(log$, 'button', 'Show less');
    expect(less, 'the same button, focus kept').to.equal(more);
    expect(deepActiveElement()).to.equal(less);
    expect(less.getAttribute('aria-expanded')).to.equal('true');
    expect((dialog as HTMLDialogElement).open, 'Enter on the button does not close the dialog').to.equal(true);

    // A live message renders the dialog again: the long one stays expanded.
    backend.script.agentWrites('a2', id, 'I am checking it now.');
    await waitUntil(() => log$.textContent!.includes('I am checking it now.'), 'a live message');
    await settle(el);
    expect(longBody(log$)).to.contain('line 120:');

    await sendKeys({ press: ' ' });
    await waitUntil(() => !longBody(log$).includes('line 120:'), 'collapsed with Space');
    expect(queryByRole(log$, 'button', 'Show full message')).to.equal(more);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => longBody(log$).includes('line 120:'), 'expanded again');

    // The expanded state belongs to this listen-in: the next one starts collapsed.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !queryByRole(el, 'dialog'), 'closed');
    byRole(el, 'button', 'Listen in').click();
    const again = await waitUntil(() => queryByRole(el, 'dialog', 'Listening in: Mira Okafor'), 'the dialog again');
    await waitUntil(() => longBody(again).includes('line 1: status ok'), 'the long message');
    expect(longBody(again)).to.not.contain('line 120:');
    expect(queryByRole(again, 'button', 'Show full message')).to.exist;
    await sendKeys({ press: 'Escape' });
  });

  it('in the listen-in dialog, expanding a long message keeps the log where the agent reads, and collapsing it keeps its button in view', async () => {
    const { backend, service } = await setup();
    const id = backend.script.customerArrives({ channelId: 'support', name: 'Mira Okafor', text: 'My parcel is late' });
    backend.script.agentAnswers('a2', id);
    backend.script.customerWrites(id, log(120));
    for (let i = 1; i <= 15; i++) backend.script.agentWrites('a2', id, `Reply ${i} of the agent, after the log.`);
    const el = await mount<ChatDashboard>(service, html`<chat-dashboard></chat-dashboard>`);
    byRole(el, 'button', 'Listen in').click();
    const dialog = await waitUntil(() => queryByRole(el, 'dialog', 'Listening in: Mira Okafor'), 'the listen-in dialog');
    const logEl = byRole(dialog, 'log', 'Conversation');
    const body = () => Array.from(logEl.querySelectorAll('.message-text')).find((b) => b.textContent!.includes('line 1: status ok'))!;
    await waitUntil(() => body() && logEl.textContent!.includes('Reply 15'), 'the messages');
    const button = byRole<HTMLButtonElement>(logEl, 'button', 'Show full message');
    button.focus();
    // The agent is at the end of the live log (which follows new messages there).
    logEl.scrollTop = logEl.scrollHeight;
    await settle(el);
    const top = body().getBoundingClientRect().top;

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => body().textContent!.includes('line 120:'), 'expanded');
    await settle(el);
    // The text grew below; the live log did not jump to its end.
    expect(Math.abs(body().getBoundingClientRect().top - top)).to.be.below(2);

    // The agent reads on to the end of the message and collapses it there.
    button.scrollIntoView({ block: 'end' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !body().textContent!.includes('line 120:'), 'collapsed');
    await settle(el);
    const b = button.getBoundingClientRect();
    const l = logEl.getBoundingClientRect();
    expect(deepActiveElement()).to.equal(button);
    expect(b.top, 'the button is not above the log\'s view').to.be.at.least(l.top - 1);
    expect(b.bottom, 'the button is not below the log\'s view').to.be.at.most(l.bottom + 1);
    await sendKeys({ press: 'Escape' });
  });

  it('the person panel\'s transcript shows a long message clipped; the keyboard expands and collapses it; closing and reopening the transcript keeps it expanded', async () => {
    const long = log(120); // about 7,700 characters
    const { s, first, el } = await earlierLinkedChat('Hello', (s, first) => s.backend.script.customerWrites(first, long));
    const record = allByRole(el, 'button').find((b) => b.getAttribute('aria-controls') === `transcript-${first}`)!;
    record.click();
    await waitUntil(() => s.service.state.transcripts[first]?.status === 'ready', 'transcript');
    await settle(el);
    const transcript = () => byRole(el, 'list', /^Transcript of the chat of/);
    await waitUntil(() => longBody(transcript()).includes('line 1: status ok'), 'the long message, as markdown');
    expect(longBody(transcript()).length).to.be.below(3_100);
    expect(longBody(transcript())).to.not.contain('line 120:');
    const more = byRole<HTMLButtonElement>(transcript(), 'button', 'Show full message');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(allByRole(transcript(), 'button')).to.deep.equal([more]);
    await expect(el).to.be.accessible();

    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => longBody(transcript()).includes('line 120:'), 'expanded');
    const less = byRole<HTMLButtonElement>(transcript(), 'button', 'Show less');
    expect(less).to.equal(more);
    expect(deepActiveElement()).to.equal(less);
    expect(less.getAttribute('aria-expanded')).to.equal('true');

    // Closed and opened again while the panel shows this chat: still expanded.
    record.click();
    await settle(el);
    expect(queryByRole(el, 'list', /^Transcript of the chat of/)).to.equal(null);
    record.click();
    await waitUntil(() => queryByRole(el, 'list', /^Transcript of the chat of/), 'reopened');
    await waitUntil(() => longBody(transcript()).includes('line 120:'), 'still expanded');

    const reopened = byRole<HTMLButtonElement>(transcript(), 'button', 'Show less');
    reopened.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !longBody(transcript()).includes('line 120:'), 'collapsed');
    expect(queryByRole(transcript(), 'button', 'Show full message')).to.equal(reopened);
    expect(deepActiveElement()).to.equal(reopened);
  });

  it('a transcript message of exactly 3,000 characters is shown whole, without the control', async () => {
    const text = 'x'.repeat(2_999) + 'y';
    const { s, first, el } = await earlierLinkedChat('Hello', (s, first) => s.backend.script.customerWrites(first, text));
    allByRole(el, 'button').find((b) => b.getAttribute('aria-controls') === `transcript-${first}`)!.click();
    await waitUntil(() => s.service.state.transcripts[first]?.status === 'ready', 'transcript');
    await settle(el);
    const transcript = byRole(el, 'list', /^Transcript of the chat of/);
    expect(transcript.textContent).to.contain('xy');
    expect(deepQuery(el, '.show-more')).to.equal(null);
  });
});
