import { localized, msg, str } from '@lit/localize';
import { type CSSResultOrNative, type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { live } from 'lit/directives/live.js';
import { type ChatSession, type SessionPhase, sessionPhase } from '../../model/session.js';
import { systemClock } from '../../service/clock.js';
import { canWrite } from '../../service/selectors.js';
import { FocusKeeper, nearest } from '../../controllers/focus-keeper.js';
import { insertIntoText } from '../../service/snippets.js';
import { ChatSessionElement } from '../base/chat-session-element.js';
import { renderNotices } from '../notice-region/notice-region.js';
import { renderAvatar } from '../shared/avatar.js';
import { renderChatsLoadFailure } from '../shared/load-failure.js';
import { styles } from './chat-conversation.styles.js';
import { SessionWatchController } from './session-watch-controller.js';
import { shownChat } from './shown-chat.js';
import { LazyPart, adoptPartStyles, renderLoadFailure } from '../shared/lazy-part.js';
import { singleAction } from '../shared/single-action.js';
import { AttachmentsPart } from './attachments.js';
import type { LogFrame, MessageHistoryController } from './message-history.js';
import { type HistoryModule, conversationParts, historyPart } from './parts.js';
import { TypingNotifier } from './typing-notifier.js';

/** The height (px) at or below which a conversation whose history is squeezed is short: its header takes less room. */
const SHORT_HEIGHT = 420;
/** The history's usual height (px): its flex basis in the styles (`.log-area`). */
const HISTORY_BASIS = 150;

/**
 * The conversation with one chat customer: header with the customer and the chat's state, the
 * message history (a live `role="log"` region with day separators), the customer's typing
 * indicator and the composer. Shows the selected session, or the one in `session-id`.
 *
 * While it shows a session it watches it through the service, which loads the history and keeps
 * the unread count at 0 while the agent can see the conversation (not while it is hidden, e.g.
 * on `<chat-screen>`'s Dashboard tab or in a background browser tab). The history is virtualized (only rows near the viewport are in the DOM;
 * its code and the virtualizer's load when the first chat is shown, the log saying "Loading
 * messages…" meanwhile) and paged: it opens with the newest page, and scrolling to the top loads the page before,
 * keeping the message in view in place. At the bottom it stays at the bottom as messages arrive;
 * scrolled up, it stays put and shows an "N new messages" button instead. Sending is optimistic: the message shows at once as "Sending…", and a
 * failed message keeps its text with Retry and Delete buttons. The composer keeps a draft per
 * session and keeps focus after sending. When the agent may not write in the chat (ended,
 * queued, another agent's) the composer is replaced by a short note. A reply the agent was
 * writing when that happened (the customer left mid-reply) stays visible below the note,
 * read-only and selectable, with why it was not sent ("Not sent: the customer left."); focus
 * moves into it with the caret where it was, and it stays the chat's draft.
 *
 * Message text is always shown as text: light formatting and links from the customer's text are
 * rendered as elements, and only http, https and mailto links become links.
 *
 * The dialogs (Transfer, Insert with its quick-reply dialog, Create request, the End-chat
 * confirmation) and the upload list are loaded on demand: loading starts when the agent points at
 * or focuses their button (or types `/` at the start of the composer) and the click opens them
 * once loaded. When one cannot be loaded, a notice (`role="alert"`) says so; its "Try again"
 * opens the dialog asked for once it has loaded (for the same chat).
 *
 * Typing `/` at the start of the composer opens the Insert picker searching FAQs, reply templates
 * and quick replies at once for what follows (results grouped by source and folder; Arrow keys,
 * Enter inserts in place of the `/…`); Escape closes it and the composer shows `/` and the search
 * text as typed.
 *
 * @summary The selected chat's messages, composer and actions.
 * @tag chat-conversation
 *
 * @slot empty - Replaces the text shown when no session is selected.
 * @slot header-actions - Extra buttons in the header, before "End chat".
 *
 * @csspart header - The header with the customer's name and the chat's state.
 * @csspart log - The scrolling message history (`role="log"`).
 * @csspart jump-latest - The "N new messages" button shown over the history when new messages arrive while the agent has scrolled up.
 * @csspart composer - The message form.
 * @csspart read-only-note - The note shown instead of the composer when the agent cannot write.
 * @csspart unsent-reply - Below that note: the reply the agent was writing that could not be sent, read-only, with why.
 * @csspart transfer-offer - Shown instead of the composer for a chat being transferred to the agent: who asks, their note, Accept transfer / Reject transfer.
 * @csspart notices - The region above the history with notices about a command on this chat that failed (End chat, a transfer's Accept / Reject / Cancel), each with Dismiss.
 * @csspart notice - One notice.
 * @csspart empty - The empty state.
 * @csspart no-service - The explanation shown without a chat service.
 *
 * @cssprop [--chat-color-bubble-agent=light-dark(#2357d8, #3a5bb8)] - Background of the agent's message bubbles.
 * @cssprop [--chat-color-bubble-agent-text=#ffffff] - Text colour of the agent's message bubbles.
 * @cssprop [--chat-color-bubble-customer=light-dark(#f0f2f5, #2a2f3a)] - Background of the customer's message bubbles.
 * @cssprop [--chat-color-background=light-dark(#ffffff, #16181d)] - Background of the conversation.
 * @cssprop [--chat-color-border=light-dark(#e2e5ea, #343946)] - Border colour.
 * @cssprop [--chat-history-min-height=72px] - The least height the message history keeps on a short host (the conversation pane scrolls when header, history and composer do not fit).
 * @cssprop [--chat-color-danger=light-dark(#c62828, #ff8a80)] - Colour of the failed-message marker.
 * @cssprop [--chat-color-danger-text=light-dark(#ffffff, #16181d)] - Text on a danger fill ("End chat now"); keep 4.5:1 against `--chat-color-danger`.
 *
 * @fires {CustomEvent<{ sessionId: string; clientId: string; text: string; attachmentIds: readonly string[] }>} chat-message-send - The agent sends a message; cancelable: `preventDefault()` stops the send and keeps the text in the composer.
 * @fires {CustomEvent<{ sessionId: string; requestId: string }>} chat-request-create - A request was created from the chat with "Create request"; its number was placed in the composer.
 * @fires {CustomEvent<{ sessionId: string }>} chat-session-end - The agent ended the chat: fired once "End chat" (confirmed with "End chat now" when asked: the customer wrote last, or the composer holds a reply not sent) has ended it, never when ending failed.
 */
@localized()
export class ChatConversation extends ChatSessionElement {
  static override styles = styles;

  /**
   * Start fetching the code a conversation needs to show a chat (its message history with the
   * virtualizer), e.g. when the agent is about to open one; `<chat-screen>` calls it when its
   * Chats tab's elements are fetched. Without it the code is fetched when the first chat shows
   * (the log says "Loading messages…" meanwhile). Repeated calls share one fetch; with a bundle
   * that holds the code already it does nothing.
   * @returns resolves once the code is there; never rejects (a failed fetch is tried again, and
   *   reported, when a chat needs it)
   */
  static prefetch(): Promise<void> {
    if (historyPart.loaded) return Promise.resolve();
    return historyPart.load().then(
      (module) => void (historyPart.loaded ??= module),
      () => undefined,
    );
  }

  @query('#composer') private composerElement?: HTMLTextAreaElement;

  private readonly history = this.observeSession((service, id) => service.history$(id));
  private readonly draft = this.observeSession((service, id) => service.draft$(id));
  /** The draft left when the agent can no longer write (the customer left, ...): shown read-only. */
  private readonly unsent = this.observeSession((service, id) => service.unsentReply$(id));
  private readonly writable = this.observeSession((service, id) =>
    service.select((s) => canWrite(s, s.sessions[id])),
  );
  private readonly agents = this.observe(() => this.service?.select((s) => s.agents));
  private readonly channels = this.observe(() => this.service?.select((s) => s.channels));
  private readonly loadStatus = this.observe(() => this.service?.select((s) => s.status));
  private readonly loadError = this.observe(() => this.service?.select((s) => s.loadError));
  private readonly notices = this.observe(() => this.service?.notices$);
  /** What "End chat" would ask about now (the service's rule: customer wrote last, unsent reply or files). */
  private readonly endCheck = this.observeSession((service, id) => service.endChatCheck$(id));

  // The dialogs: lazily loaded parts (see parts.ts), made for this element once loaded.
  private readonly transferDialog = new LazyPart(
    this,
    async () =>
      new (await conversationParts.transfer()).TransferDialog(
        this,
        () => this.service,
        () => this.display,
        () => this.composerElement,
        this.focusAfterDialog,
      ),
  );
  private readonly picker = new LazyPart(
    this,
    async () =>
      new (await conversationParts.picker()).InsertPicker(
        this,
        () => this.service,
        () => this.currentId,
        () => this.display,
        (text) => this.insertIntoComposer(text),
        () => this.composerElement?.value ?? '',
      ),
  );
  private readonly requestDialog = new LazyPart(
    this,
    async () =>
      new (await conversationParts.request()).RequestDialog(this, () => this.service, () => this.display, (sessionId, request) => {
        this.emit('chat-request-create', { sessionId, requestId: request.id });
        if (sessionId !== this.currentId) return undefined;
        const textarea = this.composerElement;
        if (textarea) this.insertRange = { start: textarea.selectionStart, end: textarea.selectionEnd, slash: false };
        return this.insertIntoComposer(msg(str`I have created request ${request.number} for you.`));
      }),
  );
  private readonly endDialog = new LazyPart(
    this,
    async () =>
      new (await conversationParts.endChat()).EndChatDialog(
        this,
        () => this.service,
        (sessionId) => void this.endChat(sessionId),
        () => this.display,
        this.focusAfterDialog,
      ),
  );
  /**
   * Where focus goes when a dialog closes by itself because the chat changed under it (ended,
   * taken, transferred): the composer when the agent can still write, else the note that says why.
   */
  private readonly focusAfterDialog = (): HTMLElement | null => {
    const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
    return this.composerElement ?? find('.read-only') ?? find('.transfer-offer button') ?? find('.log');
  };
  /** The chat shown, for the dialogs: one opened for another chat closes (see `ModalController`). */
  [shownChat](): string | null {
    return this.currentId;
  }

  /** Composer range the picker's text replaces: the selection when it opened, or the typed `/…`. */
  private insertRange: { start: number; end: number; slash: boolean } | null = null;
  private readonly attachments = new AttachmentsPart(this, () => this.service, () => this.currentId, () => this.display);

  private readonly typing = new TypingNotifier(
    (id, isTyping) => void this.service?.setTyping(id, isTyping),
    () => this.service?.clock ?? systemClock,
  );

  /**
   * The message history (log rows, delivery state, scroll pinning and older pages): a lazy part,
   * loaded when a chat is first shown (with the virtualizer), so the first render without a chat
   * does not carry it.
   */
  private readonly historyView = new LazyPart(this, async () => this.createHistory((historyPart.loaded ??= await historyPart.load())));
  private shownId: string | null = null;
  /** The chat shown when the message history's code was last requested (showing another one after a failure tries again). */
  private historyLoadFor: string | null = null;
  /** Whether the message history has rendered while this element was in the page. */
  private historyLive = false;
  /** The styles the message history brings (adopted when it first renders). */
  private historyStyles: readonly CSSResultOrNative[] = [];

  /**
   * Whether the conversation is short: its host gives it {@link SHORT_HEIGHT} px or less and the
   * message history got less than its usual {@link HISTORY_BASIS} px (a phone in landscape or with
   * its keyboard open). The header, typing line and composer then give their spare height to the
   * history. A host with no height of its own (the element as tall as its content) never makes it
   * short; once short it stays so until the host is taller than {@link SHORT_HEIGHT} px, so the
   * room it gains never switches it back.
   */
  @state() private short = false;
  /** Watches the host's and the history's heights for {@link short} (renders only when it changes). */
  private readonly heightWatch = new ResizeObserver(() => {
    const height = this.clientHeight;
    this.short =
      height > 0 &&
      height <= SHORT_HEIGHT &&
      (this.short || (this.logArea !== undefined && this.logArea.clientHeight < HISTORY_BASIS - 1));
  });
  /** The history's area, watched by {@link short} beside the host. */
  private logArea: Element | undefined;
  private readonly watchLogArea = (el: Element | undefined): void => {
    if (!el || el === this.logArea) return;
    if (this.logArea) this.heightWatch.unobserve(this.logArea);
    this.logArea = el;
    this.heightWatch.observe(el);
  };

  constructor() {
    super();
    // One watch of the shown session while connected: loads its history and keeps it read.
    new SessionWatchController(this, () => ({ service: this.service, id: this.currentId }));
    // Once a conversation has loaded the history's code, later ones show their history at once.
    if (historyPart.loaded) this.historyView.value = this.createHistory(historyPart.loaded);
  }

  private createHistory(part: HistoryModule): MessageHistoryController {
    this.historyStyles = part.historyPartStyles;
    return new part.MessageHistoryController(this, {
      service: () => this.service,
      sessionId: () => this.currentId,
      display: () => this.display,
      agents: () => this.agents.value,
      run: (command) => this.run(command),
      afterRetry: () => this.composerElement?.focus(),
      requestUpdate: () => this.requestUpdate(),
      frame: this.renderLogFrame,
    });
  }

  /**
   * Put keyboard focus in the composer of the chat shown, once the element has rendered that chat
   * (`<chat-screen>` calls it after "Answer" or "Get next in queue", where the agent writes next).
   * @param sessionId the chat expected (`ChatSession.id`); nothing is focused when another is shown
   * @returns whether the composer got the focus: false when the chat shown is another one, or one
   *   the agent cannot write in (no composer)
   */
  async focusComposer(sessionId?: string): Promise<boolean> {
    // The shown chat follows the selection a render or two later (its session arrives in between).
    for (let i = 0; i < 4 && !(await this.updateComplete); i++);
    if (sessionId && this.currentId !== sessionId) return false;
    const composer = this.composerElement;
    if (!composer) return false;
    composer.focus();
    return true;
  }

  /**
   * Put keyboard focus on "Accept transfer" of the chat shown, once the element has rendered that
   * chat (`<chat-screen>` calls it after "Open" on a transfer offered to the agent).
   * @param sessionId the chat expected (`ChatSession.id`); nothing is focused when another is shown
   * @returns whether "Accept transfer" got the focus: false when another chat is shown, or the chat
   *   is not (or no longer) offered to the agent
   */
  async focusTransferOffer(sessionId: string): Promise<boolean> {
    for (let i = 0; i < 4 && !(await this.updateComplete); i++);
    if (this.currentId !== sessionId) return false;
    const accept = this.renderRoot.querySelector<HTMLButtonElement>('.transfer-offer .accept-transfer');
    if (!accept) return false;
    accept.focus();
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.heightWatch.observe(this);
    if (this.logArea) this.heightWatch.observe(this.logArea);
    // The history arrived while this element was out of the page: show it now.
    if (this.historyView.value && !this.historyLive) this.requestUpdate();
  }

  /**
   * The focused control can go with the state (the composer or "End chat" when the chat ended,
   * was taken over or transferred; "Accept transfer" once accepted): focus then moves to what
   * replaced it (the note, the transfer offer, the composer) or the log, instead of falling to the
   * page's body. A reply being typed that can no longer be sent shows read-only: focus goes there,
   * with the caret or selection where it was, so the text is still at hand to read or copy.
   */
  protected readonly focusKeeper = new FocusKeeper(this, (loss) => {
    const root = this.renderRoot as ShadowRoot;
    const find = (selector: string) => root.querySelector<HTMLElement>(selector);
    const unsent = loss.selection ? root.querySelector<HTMLTextAreaElement>('.unsent-text') : null;
    if (unsent) {
      const [start, end] = loss.selection!;
      unsent.setSelectionRange(Math.min(start, unsent.value.length), Math.min(end, unsent.value.length));
      return unsent;
    }
    return (
      find('.read-only') ??
      find('.transfer-offer button') ??
      (loss.wasIn('.transfer-offer') ? this.composerElement : null) ??
      (loss.wasIn('.actions') ? nearest(loss, root, '.header .actions button') : undefined) ??
      find('.log') ??
      undefined
    );
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.typing.stop();
    this.heightWatch.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.currentId !== this.shownId) {
      this.shownId = this.currentId;
      this.typing.stop();
    }
  }

  override render(): TemplateResult {
    if (!this.service) return this.renderNoService();
    const id = this.currentId;
    if (!id) {
      return html`<div class="empty" part="empty">
        <div class="empty-icon" aria-hidden="true"></div>
        <slot name="empty"><p>${msg('Select a chat from the list, or get the next customer from the queue.')}</p></slot>
      </div>`;
    }
    const session = this.session.value;
    if (!session) {
      // Before the chats have loaded the chat is unknown, not missing.
      const status = this.loadStatus.value;
      if (status === 'error') return renderChatsLoadFailure(this.loadError.value?.code, () => void this.run(this.service!.reload()));
      return status === 'loading'
        ? html`<div class="skeleton" aria-busy="true" aria-label=${msg('Loading conversation')}>
            <div class="sk sk-header"></div><div class="sk sk-line"></div><div class="sk sk-line short"></div>
          </div>`
        : html`<div class="empty" part="empty"><p>${msg('This chat could not be found.')}</p></div>`;
    }
    return html`<section
      class="conversation ${this.short ? 'short' : ''}"
      @dragenter=${this.attachments.onDragEnter}
      @dragover=${this.attachments.onDragOver}
      @dragleave=${this.attachments.onDragLeave}
      @drop=${this.attachments.onDrop}
    >
      ${this.renderHeader(session)}
      <div class="notice-area">${renderNotices(this.notices.value, (noticeId) => this.service?.dismissNotice(noticeId), undefined, session.id)}</div>
      ${renderLoadFailure([this.transferDialog, this.picker, this.requestDialog, this.endDialog, this.attachments.list], () => this.composerElement)}
      ${this.renderHistory(session)}
      <div class="typing" aria-live="polite">
        ${session.customerTyping
          ? html`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span
              ><span>${msg(str`${session.customer.name} is typing…`)}</span>`
          : nothing}
      </div>
      ${this.writable.value ? this.renderComposer(session) : this.renderReadOnly(session)}
      ${this.transferDialog.value?.render() ?? nothing}
      ${this.picker.value?.render() ?? nothing}
      ${this.requestDialog.value?.render() ?? nothing}
      ${this.endDialog.value?.render() ?? nothing}
      ${this.attachments.renderDropHint()}
    </section>`;
  }

  /** The message history, or the log while its code loads. */
  private renderHistory(session: ChatSession): TemplateResult {
    const view = this.historyView.value;
    // The history's virtualizer attaches itself to the window when it first renders: not while
    // this element is out of the page (the part may arrive then), as it would never be released.
    if (view && this.isConnected) this.historyLive = true;
    if (!view || !this.historyLive) return this.renderHistoryLoading(session);
    adoptPartStyles(this.renderRoot, ...this.historyStyles);
    return view.render(session, this.history.value);
  }

  /**
   * The log while the message history's code loads (as the history shows it while its first page
   * loads, in the same frame: the log element stays the same once the history is there). Starts
   * the load; when it failed, the log says so with "Try again" (showing another chat tries again too).
   */
  private renderHistoryLoading(session: ChatSession): TemplateResult {
    const part = this.historyView;
    if (!part.failed) {
      this.historyLoadFor = session.id;
      if (!part.value) void part.get();
    } else if (this.historyLoadFor !== session.id) {
      // It failed while another chat was shown: showing this one tries again (after this render).
      this.historyLoadFor = session.id;
      queueMicrotask(() => void part.retry());
    }
    const failed = part.failed;
    return this.renderLogFrame({
      label: msg(str`Conversation with ${session.customer.name}`),
      busy: !failed,
      content: failed
        ? html`<div class="history-start">
            <div class="load-failure" role="alert">
              <span>${msg('The messages could not be loaded. Check your connection and try again.')}</span>
              <button type="button" class="btn small" @click=${this.onHistoryRetry}>${msg('Try again')}</button>
            </div>
          </div>`
        : html`<div class="history-start">
            <span class="spinner" aria-hidden="true"></span>${msg('Loading messages…')}
          </div>`,
      after: nothing,
    });
  }

  /** "Try again" in the log: load the history's code again; once it is there, focus the composer (the button went). */
  private onHistoryRetry = async (): Promise<void> => {
    if (await this.historyView.retry()) this.composerElement?.focus();
  };

  /** The frame of the message log (see `MessageHistoryOptions.frame`). */
  private readonly renderLogFrame = (f: LogFrame): TemplateResult => html`<div class="log-area" ${ref(this.watchLogArea)}>
    <div
      ${ref(f.ref)}
      class="log"
      part="log"
      role="log"
      tabindex="0"
      aria-label=${f.label}
      aria-busy=${f.busy ? 'true' : 'false'}
      @scroll=${f.onScroll}
      @rangeChanged=${f.onLayout}
      @visibilityChanged=${f.onLayout}
      @unpinned=${f.onUnpinned}
      @wheel=${f.onIntent}
      @touchmove=${f.onIntent}
      @pointerdown=${f.onIntent}
      @keydown=${f.onIntent}
    >
      ${f.content}
    </div>
    ${f.after}
  </div>`;

  // ------------------------------------------------------------------ header

  private renderHeader(session: ChatSession): TemplateResult {
    const name = session.customer.name;
    const channel = this.channels.value?.[session.channelId]?.name ?? '';
    const phase = sessionPhase(session);
    const me = this.service?.agentId;
    const canEnd = session.status === 'ongoing' && session.agentId === me;
    return html`<header class="header" part="header">
      ${renderAvatar(name)}
      <div class="who">
        <h2 class="name" title=${name}><bdi>${name}</bdi></h2>
        <div class="sub">
          ${channel ? html`<span class="channel" title=${channel}>${channel}</span><span class="sep" aria-hidden="true">·</span>` : nothing}
          <span class="status ${phase}"><span class="dot" aria-hidden="true"></span>${this.phaseLabel(phase)}</span>
          ${this.renderTransferBadge(session)}
        </div>
      </div>
      <div class="actions">
        <slot name="header-actions"></slot>
        ${canEnd && session.transferTo?.fromAgentId === me
          ? html`<button type="button" class="btn" @click=${() => this.run(() => this.service!.cancelTransfer(session.id))}>
              ${msg('Cancel transfer')}
            </button>`
          : nothing}
        ${canEnd
          ? html`<button
              type="button"
              class="btn"
              aria-haspopup="dialog"
              @pointerenter=${this.requestDialog.preload}
              @focus=${this.requestDialog.preload}
              @click=${(e: Event) => void this.openPart(this.requestDialog, (d, opener) => d.open(session.id, opener), e)}
            >
              ${msg('Create request')}
            </button>`
          : nothing}
        ${canEnd && !session.transferTo
          ? html`<button
              type="button"
              class="btn"
              aria-haspopup="dialog"
              @pointerenter=${this.transferDialog.preload}
              @focus=${this.transferDialog.preload}
              @click=${(e: Event) => void this.openPart(this.transferDialog, (d, opener) => d.open(session.id, opener), e)}
            >
              ${msg('Transfer')}
            </button>`
          : nothing}
        ${canEnd
          ? html`<button
              type="button"
              class="btn"
              @pointerenter=${() => this.endConcerns() && this.endDialog.preload()}
              @focus=${() => this.endConcerns() && this.endDialog.preload()}
              @click=${(e: Event) => this.onEnd(session, e)}
            >
              ${msg('End chat')}
            </button>`
          : nothing}
      </div>
    </header>`;
  }

  private renderTransferBadge(session: ChatSession): TemplateResult | typeof nothing {
    const transfer = session.transferTo;
    if (!transfer || session.status !== 'ongoing') return nothing;
    const me = this.service?.agentId;
    const agentName = (id: string) => this.agents.value?.[id]?.name ?? id;
    if (transfer.toAgentId === me) {
      return html`<span class="pill warning">${msg(str`Transfer from ${agentName(transfer.fromAgentId)}`)}</span>`;
    }
    return html`<span class="pill warning">${msg(str`Transfer to ${agentName(transfer.toAgentId)} pending`)}</span>`;
  }

  private phaseLabel(phase: SessionPhase): string {
    switch (phase) {
      case 'queued':
        return msg('Waiting in queue');
      case 'waiting-for-agent':
        return msg('Waiting for agent');
      case 'waiting-for-customer':
        return msg('Waiting for customer');
      case 'ended':
        return msg('Ended');
      case 'missed':
        return msg('Missed');
    }
  }

  // ------------------------------------------------------------------ composer

  private renderComposer(session: ChatSession): TemplateResult {
    return html`<form class="composer" part="composer" @submit=${this.onSubmit}>
      ${this.attachments.renderList()}
      <label class="visually-hidden" for="composer">${msg('Message')}</label>
      <textarea
        id="composer"
        rows="1"
        placeholder=${msg(str`Reply to ${clip(session.customer.name, 40)}…`)}
        .value=${live(this.draft.value ?? '')}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
      ></textarea>
      <div class="composer-bar">
        <div class="composer-tools">
          <button
            type="button"
            class="btn ghost small"
            aria-haspopup="dialog"
            @pointerenter=${this.picker.preload}
            @focus=${this.picker.preload}
            @click=${this.onOpenPicker}
          >
            ${msg('Insert')}
          </button>
          ${this.attachments.renderButton()}
        </div>
        <span class="hint">${msg('Enter to send, Shift+Enter for a new line')}</span>
        <button type="submit" class="btn primary" @click=${this.onSendClick}>${msg('Send')}</button>
      </div>
    </form>`;
  }

  private renderReadOnly(session: ChatSession): TemplateResult {
    const me = this.service?.agentId;
    const owner = session.agentId ? (this.agents.value?.[session.agentId]?.name ?? '') : '';
    let note: string;
    if (session.status === 'ended') note = msg('This chat has ended.');
    else if (session.status === 'missed') note = msg('The customer left before the chat was answered.');
    else if (session.status === 'queued') note = msg('This chat is waiting in the queue. Answer it to reply.');
    else if (session.transferTo?.toAgentId === me) return this.renderIncomingTransfer(session);
    else note = owner ? msg(str`${owner} is handling this chat. You can read along.`) : msg('Another agent is handling this chat.');
    return html`<p class="read-only" part="read-only-note" role="note" tabindex="-1">${note}</p>
      ${this.renderUnsent()}`;
  }

  /**
   * The reply the agent was writing when they could no longer send it: read-only but selectable
   * (to copy), with why it was not sent. It stays the chat's draft (service state).
   */
  private renderUnsent(): TemplateResult | typeof nothing {
    const unsent = this.unsent.value;
    if (!unsent) return nothing;
    const why =
      unsent.reason === 'customer-left'
        ? msg('Not sent: the customer left.')
        : unsent.reason === 'ended'
          ? msg('Not sent: the chat has ended.')
          : msg('Not sent: you can no longer write in this chat.');
    return html`<div class="unsent" part="unsent-reply">
      <p class="unsent-note" id="unsent-note">${why}</p>
      <textarea
        class="unsent-text"
        readonly
        aria-label=${msg('Unsent message')}
        aria-describedby="unsent-note"
        .value=${unsent.text}
      ></textarea>
    </div>`;
  }

  /** A transfer addressed to the agent: who asks, their note, and Accept / Reject. */
  private renderIncomingTransfer(session: ChatSession): TemplateResult {
    const transfer = session.transferTo!;
    const from = this.agents.value?.[transfer.fromAgentId]?.name ?? transfer.fromAgentId;
    return html`<div class="transfer-offer" part="transfer-offer" role="group" aria-labelledby="transfer-offer-title">
      <p class="transfer-title" id="transfer-offer-title">${msg(str`${from} wants to transfer this chat to you`)}</p>
      ${transfer.note ? html`<p class="transfer-note" dir="auto">${transfer.note}</p>` : nothing}
      <div class="transfer-actions">
        <button type="button" class="btn primary accept-transfer" @click=${singleAction(() => this.run(() => this.service!.acceptTransfer(session.id)))}>
          ${msg('Accept transfer')}
        </button>
        <button type="button" class="btn" @click=${singleAction(() => this.run(() => this.service!.rejectTransfer(session.id)))}>
          ${msg('Reject transfer')}
        </button>
      </div>
    </div>`;
  }

  private onInput(event: InputEvent): void {
    const id = this.currentId;
    if (!id || !this.service) return;
    const textarea = event.target as HTMLTextAreaElement;
    const text = textarea.value;
    this.service.setDraft(id, text);
    if (text.trim()) this.typing.input(id);
    else this.typing.stop();
    // "/" at the start of the composer opens the Insert picker searching FAQs, reply templates and
    // quick replies for what follows (typed while the picker loads, too).
    if (event.data === '/' && text.startsWith('/') && textarea.selectionStart === 1 && !this.picker.value?.isOpen) {
      this.insertRange = { start: 0, end: 1, slash: true };
      // (After a failed load and "Try again": only while the composer still starts with the "/".)
      void this.openPart(this.picker, (picker) =>
        textarea.isConnected && textarea.value.startsWith('/')
          ? picker.open({
              query: textarea.value.slice(1).split(/\s/)[0] ?? '',
              opener: textarea,
              onDismiss: (query) => this.restoreSlash(query, id),
            })
          : false,
      );
    }
  }

  /**
   * The picker that "/" opened closed without inserting (Escape, Cancel): the composer shows "/"
   * and the search text, as the agent typed them, with the caret after them (kept as the draft).
   * Closed because another chat is shown now (see `shownChat`): `sessionId`'s kept draft gets them.
   */
  private restoreSlash(query: string, sessionId: string): void {
    const service = this.service;
    if (!this.insertRange?.slash || !service) return;
    this.insertRange = null;
    // Closed because another chat is shown now: the "/…" goes back into that chat's kept draft.
    const textarea = sessionId === this.currentId ? this.composerElement : undefined;
    const current = textarea ? textarea.value : (service.state.drafts[sessionId] ?? '');
    const match = /^\/\S*/.exec(current);
    if (!match) return;
    const typed = `/${query}`;
    const value = typed + current.slice(match[0].length);
    if (textarea) {
      textarea.value = value;
      textarea.setSelectionRange(typed.length, typed.length);
    }
    service.setDraft(sessionId, value);
  }

  private onOpenPicker(event: Event): void {
    const textarea = this.composerElement;
    this.insertRange = textarea
      ? { start: textarea.selectionStart, end: textarea.selectionEnd, slash: false }
      : null;
    void this.openPart(this.picker, (picker, opener) => picker.open({ opener }), event);
  }

  /**
   * Open a lazily loaded part from a click: wait for its module, then open it with focus
   * returning to the control that was clicked. When it cannot be loaded a notice shows, and its
   * "Try again" opens it once loaded, if the same chat is still shown with the control there.
   */
  private openPart<T>(
    part: LazyPart<T>,
    open: (value: T, opener: HTMLElement | null) => Promise<void> | false,
    event?: Event,
  ): Promise<void> {
    const opener = (event?.currentTarget as HTMLElement | null | undefined) ?? null;
    const sessionId = this.currentId;
    return part.use(async (value) => {
      if (!this.isConnected || this.currentId !== sessionId || (opener && !opener.isConnected)) return false;
      const opened = open(value, opener);
      if (opened === false) return false;
      await opened;
      return true;
    });
  }

  /**
   * Put text from the Insert picker into the composer at the caret (replacing the selection, or
   * the typed `/…` that opened the picker), leave the caret after it and keep it as the draft.
   * @returns the composer, where focus goes next
   */
  private insertIntoComposer(text: string): HTMLTextAreaElement | undefined {
    const id = this.currentId;
    const textarea = this.composerElement;
    if (!id || !this.service || !textarea) return undefined;
    const value = textarea.value;
    let { start, end } = this.insertRange ?? { start: value.length, end: value.length };
    if (this.insertRange?.slash) {
      // Replace the "/" and whatever was typed after it before the picker took focus.
      const match = /^\/\S*/.exec(value);
      start = 0;
      end = match ? match[0].length : 0;
    }
    // One space between the inserted text and the composer's text on either side (a DOM-free rule).
    const next = insertIntoText(value, start, end, text);
    textarea.value = next.value;
    textarea.setSelectionRange(next.caret, next.caret);
    this.insertRange = null;
    this.service.setDraft(id, next.value);
    this.typing.input(id);
    return textarea;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.send();
  }

  /** "Send" sends through the form's submit; the second click of a double-click submits nothing. */
  private readonly onSendClick = singleAction(() => undefined);

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.send();
    this.composerElement?.focus();
  }

  /** Send the composer's text: one cancelable event, then one service command. */
  private send(): void {
    const id = this.currentId;
    const textarea = this.composerElement;
    if (!id || !this.service || !textarea) return;
    const text = textarea.value.trim();
    if (!text) return;
    const clientId = crypto.randomUUID();
    // Refused (e.g. the chat just ended): the text stays in the composer; the state shows why.
    if (this.service.sendRefusal(id, text)) return;
    if (!this.emit('chat-message-send', { sessionId: id, clientId, text, attachmentIds: [] }, true)) return;
    // A failed delivery shows on the message itself (failed, text kept, Retry) and on errors$.
    this.service.sendMessage(id, { text, clientId }).catch(() => undefined);
    // Clear at once so a second Enter before the next render cannot send the text again.
    textarea.value = '';
    this.typing.stop();
    this.historyView.value?.pin();
  }

  // ------------------------------------------------------------------ actions

  /**
   * "End chat": asks first when the customer wrote last (no answer yet), the composer holds a
   * reply that was not sent or attached files were not sent (see `endChatConcerns`), else ends at once.
   */
  private onEnd(session: ChatSession, event: Event): void {
    if (this.endConcerns()) {
      void this.openPart(
        this.endDialog,
        // Asked again when the dialog opens after "Try again": only if there is still reason to ask.
        (d, opener) => (this.currentId === session.id && this.endConcerns() ? d.open(session.id, opener) : false),
        event,
      );
      return;
    }
    void this.endChat(session.id);
  }

  /** Whether "End chat" asks first for the chat shown (`ChatService.endChatCheck$`). */
  private endConcerns(): boolean {
    const check = this.endCheck.value;
    return !!check?.possible && check.concerns.length > 0;
  }

  /**
   * End the chat; `chat-session-end` fires once it has ended. When ending fails the chat and its
   * draft stay as they were and the service's notice for it shows above the history.
   */
  private async endChat(sessionId: string): Promise<void> {
    const service = this.service;
    if (!service) return;
    const ended = await this.run(service.endSession(sessionId));
    if (ended) this.emit('chat-session-end', { sessionId });
  }
}

/**
 * `text` cut to at most `max` characters (whole code points), for a template that puts its own
 * ellipsis after it ("Reply to …"): exactly one ellipsis shows, whether the text was cut or not.
 */
function clip(text: string, max: number): string {
  // No ellipsis of its own, and none ("…", "...") left at its end: the template's "…" follows it.
  return Array.from(text).slice(0, max).join('').replace(/(?:\s|…|\.{2,})+$/u, '');
}
