import { msg, str } from '@lit/localize';
import { type TemplateResult, css, html, nothing } from 'lit';
import { formatDateTime, formatTime } from '../../i18n/format.js';
import type { ListenInView } from '../../service/listen-in.js';
import type { DisplaySettings } from '../../service/state.js';
import type { ExpandedTexts } from '../message-text/expanded-texts.js';
import { longTextStyles, renderLongText } from '../message-text/long-text.js';
import { messageTextStyles } from '../message-text/message-text.js';

/**
 * The listen-in dialog of `<chat-dashboard>` (a lazily loaded part, a separate chunk of the CDN
 * build: the dashboard's first render does not carry it nor the message text renderer). The
 * dashboard starts loading it when the agent points at or focuses a "Listen in" button and awaits
 * it on the click; it keeps the listen-in itself (the service's feed) and hands its view in.
 */

/** What the listen-in dialog shows and does (the dashboard's state and actions). */
export interface ListenDialogInput {
  /** The live view of the chat listened in on (service `ListenIn.view$`). */
  readonly view: ListenInView;
  /** The customer's name ("Visitor" when unknown). */
  readonly name: string;
  /** The name of the agent handling the chat ("Unknown agent" when unknown). */
  readonly agentName: string;
  /** The channel's name (its id when unknown; empty without a session). */
  readonly channel: string;
  /** The agent's locale and time zone (message times). */
  readonly display: DisplaySettings;
  /** The long messages the agent expanded in this dialog (kept by the dashboard while it is open). */
  readonly expanded: ExpandedTexts;
  /** The Close button: closes the dialog. */
  onClose(): void;
  /** The dialog's `close` event (Close, Escape): the dashboard stops the feed and returns focus. */
  onClosed(event: Event): void;
}

/**
 * The read-only, live listen-in dialog: a native `<dialog>` (the dashboard opens it with
 * `showModal()`), titled "Listening in: <customer>", with the chat's messages as a `role="log"`.
 * Message text is rendered as text through {@link renderLongText}: a long message shows its start
 * with "Show full message", as in the conversation.
 */
export function renderListenDialog(input: ListenDialogInput): TemplateResult {
  const { view, name, agentName, channel, display } = input;
  return html`<dialog class="listen" part="listen-dialog" aria-labelledby="listen-title" @close=${input.onClosed}>
    <header class="listen-header">
      <div>
        <h2 id="listen-title">${msg(str`Listening in: ${name}`)}</h2>
        <p class="listen-meta">${agentName} · ${channel}</p>
      </div>
      <button type="button" class="btn" @click=${input.onClose}>${msg('Close')}</button>
    </header>
    <p class="listen-note">
      ${view.status === 'live'
        ? msg(str`Read-only and live. ${agentName} is not notified.`)
        : view.status === 'error'
          ? msg('The live feed stopped.')
          : msg('This chat has ended.')}
    </p>
    <div class="listen-log" role="log" aria-label=${msg('Conversation')} tabindex="0">
      ${view.messages.map(
        (m) => html`<div class="listen-msg ${m.kind}">
          ${m.kind === 'system'
            ? html`<p class="system-line">${m.text}</p>`
            : html`<div class="listen-author">
                  <bdi>${m.authorName || (m.kind === 'from-customer' ? name : agentName)}</bdi>
                  <time datetime=${m.sentAt} title=${formatDateTime(m.sentAt, display)}>${formatTime(m.sentAt, display)}</time>
                </div>
                ${renderLongText(m.id, m.text, input.expanded)}
                ${m.attachments.length
                  ? html`<ul class="listen-files">
                      ${m.attachments.map((a) => html`<li>${a.name}</li>`)}
                    </ul>`
                  : nothing}`}
        </div>`,
      )}
    </div>
  </dialog>`;
}

/** Styles of the listen-in dialog (adopted into the dashboard's shadow root when loaded). */
export const listenDialogStyles = [
  messageTextStyles,
  longTextStyles,
  css`
  dialog.listen {
    overflow-wrap: anywhere;
    width: min(640px, calc(100vw - 32px));
    max-height: min(720px, calc(100vh - 32px));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  dialog.listen[open] {
    display: flex;
    flex-direction: column;
  }
  dialog.listen::backdrop {
    background: var(--_backdrop);
  }
  .listen-header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 12px;
    padding: 16px;
    border-bottom: 1px solid var(--_border);
  }
  .listen-meta,
  .listen-note {
    margin: 2px 0 0;
    font-size: 13px;
    color: var(--_text-muted);
  }
  .listen-note {
    margin: 0;
    padding: 8px 16px;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .listen-header > div {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  /* No scroll anchoring: a message expanded above the messages in view grows below where the agent
     reads instead of pushing its start up out of view. The log follows new messages itself. */
  .listen-log {
    overflow-anchor: none;
    flex: 1;
    min-height: 160px;
    overflow-y: auto;
    padding: 12px 16px;
    display: grid;
    /* minmax(0, …): long unbroken names and words wrap or end in an ellipsis instead of widening the log. */
    grid-template-columns: minmax(0, 1fr);
    gap: 10px;
    align-content: start;
  }
  .listen-msg {
    max-width: 85%;
    padding: 8px 12px;
    border-radius: 12px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .listen-msg.to-customer {
    justify-self: end;
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface-raised));
  }
  .listen-msg.system {
    justify-self: center;
    max-width: 100%;
    padding: 0;
    border: 0;
    background: none;
    font-size: 12px;
    color: var(--_text-muted);
  }
  .system-line {
    margin: 0;
  }
  .listen-author {
    display: flex;
    gap: 8px;
    font-size: 12px;
    color: var(--_text-muted);
  }
  .listen-author bdi {
    font-weight: 600;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .listen-author time {
    flex: none;
  }
  .listen-files {
    margin: 4px 0 0;
    padding-inline-start: 18px;
    font-size: 12px;
  }
  `,
];
