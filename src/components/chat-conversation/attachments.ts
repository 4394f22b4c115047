import { msg } from '@lit/localize';
import { type TemplateResult, css, html, nothing, svg } from 'lit';
import { ObserveController } from '../../controllers/observe-controller.js';
import type { ChatService } from '../../service/chat-service.js';
import type { DisplaySettings } from '../../service/state.js';
import type { UploadView } from '../../service/uploads.js';
import { LazyPart } from '../shared/lazy-part.js';
import { conversationParts } from './parts.js';
import type { UploadList, UploadListHost } from './upload-list.js';

const clipIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M10.5 4.5 5.6 9.4a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5 5a4.2 4.2 0 0 0 6 6l4.4-4.4" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/></svg>`;

/**
 * Sending files from `<chat-conversation>` (a part of the element, not an element): the
 * "Attach files" button with its file input, dropping files on the conversation, and the list of
 * the session's files while they upload (progress bar, Cancel) or when they were refused or
 * failed (reason, Remove). The rules (limits from the backend's capabilities, checked before any
 * upload) live in `ChatService.attachFiles`; this part only renders `ChatService.uploads$`.
 *
 * The button and the drop zone work at once; the list ({@link UploadList}) is a lazily loaded
 * part, fetched when the agent points at or focuses the button or drags files over the
 * conversation, and requested again when files are picked or dropped (the files go to the service
 * at once; the list shows them as soon as it is there). When it cannot be loaded,
 * {@link AttachmentsPart.list} is marked failed and the conversation shows a notice.
 */
export class AttachmentsPart {
  private readonly uploads: ObserveController<readonly UploadView[]>;
  /** The upload list, loaded on demand. */
  readonly list: LazyPart<UploadList>;
  /** Whether files are being dragged over the conversation. */
  dragging = false;
  private dragDepth = 0;

  /**
   * @param host the conversation element
   * @param service the host's chat service (may be absent)
   * @param sessionId the shown session's id
   * @param display the agent's locale and time zone
   */
  constructor(
    private readonly host: UploadListHost,
    private readonly service: () => ChatService | undefined,
    private readonly sessionId: () => string | null,
    display: () => DisplaySettings,
  ) {
    this.uploads = new ObserveController(
      host,
      () => [this.service(), this.sessionId()],
      () => {
        const service = this.service();
        const id = this.sessionId();
        return service && id ? service.uploads$(id) : undefined;
      },
    );
    this.list = new LazyPart(host, async () => new (await conversationParts.uploads()).UploadList(host, service, display));
  }

  /** The "Attach files" button and its hidden file input (accepting the allowed types). */
  renderButton(): TemplateResult {
    const accept = this.service()?.capabilities?.allowedFileTypes.join(',') ?? '';
    return html`<input
        id="file-input"
        class="visually-hidden"
        type="file"
        multiple
        accept=${accept}
        tabindex="-1"
        aria-hidden="true"
        @change=${this.onPicked}
      /><button
        type="button"
        class="btn ghost icon-btn"
        title=${msg('Attach files')}
        @click=${this.onPick}
        @pointerenter=${this.list.preload}
        @focus=${this.list.preload}
      >
        ${clipIcon}<span class="visually-hidden">${msg('Attach files')}</span>
      </button>`;
  }

  /** The session's uploading, refused and failed files (nothing when there are none). */
  renderList(): TemplateResult | typeof nothing {
    const uploads = this.uploads.value ?? [];
    if (!uploads.length) return nothing;
    const list = this.list.value;
    // Files of this session started elsewhere (another conversation element): load the list now.
    if (!list && !this.list.failed) void this.list.get();
    return list ? list.render(uploads) : nothing;
  }

  /** The hint shown over the conversation while files are dragged over it. */
  renderDropHint(): TemplateResult | typeof nothing {
    return this.dragging
      ? html`<div class="drop-hint" aria-hidden="true"><span>${msg('Drop files to send them')}</span></div>`
      : nothing;
  }

  /** Bind to the conversation's `dragenter`. */
  readonly onDragEnter = (event: DragEvent): void => {
    if (!hasFiles(event) || !this.writable()) return;
    event.preventDefault();
    this.list.preload();
    this.dragDepth++;
    if (!this.dragging) {
      this.dragging = true;
      this.host.requestUpdate();
    }
  };

  /** Bind to the conversation's `dragover` (allows the drop). */
  readonly onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event) || !this.writable()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  /** Bind to the conversation's `dragleave`. */
  readonly onDragLeave = (): void => {
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0 && this.dragging) {
      this.dragging = false;
      this.host.requestUpdate();
    }
  };

  /** Bind to the conversation's `drop`: attaches the dropped files. */
  readonly onDrop = (event: DragEvent): void => {
    this.dragDepth = 0;
    if (this.dragging) {
      this.dragging = false;
      this.host.requestUpdate();
    }
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (!files.length || !this.writable()) return;
    event.preventDefault();
    this.attach(files);
  };

  private writable(): boolean {
    const service = this.service();
    const id = this.sessionId();
    const session = id ? service?.state.sessions[id] : undefined;
    return !!service && !!session && session.status === 'ongoing' && session.agentId === service.agentId;
  }

  private attach(files: File[]): void {
    const service = this.service();
    const id = this.sessionId();
    if (!service || !id) return;
    // The files go to the service at once (refusals are decided before any upload and kept in its
    // state); the list that shows them arrives with its chunk, or a notice says it could not load.
    void this.list.get();
    void service.attachFiles(id, files).catch(() => undefined);
  }

  private readonly onPick = (event: Event): void => {
    const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot | Document;
    root.querySelector<HTMLInputElement>('#file-input')?.click();
  };

  private readonly onPicked = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length) this.attach(files);
  };

}

function hasFiles(event: DragEvent): boolean {
  return !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
}

/** Styles of the upload list, the drop hint and the icon buttons. */
export const attachmentStyles = css`
  .conversation {
    position: relative;
  }
  .composer-tools {
    display: flex;
    align-items: center;
    gap: 2px;
    margin-inline-start: -8px;
  }
  .composer-bar .hint {
    flex: 1;
  }
  .drop-hint {
    position: absolute;
    inset: 8px;
    display: flex;
    align-items: center;
    justify-content: center;
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent-soft) 85%, transparent);
    color: var(--_text);
    font-weight: 600;
    pointer-events: none;
    z-index: 2;
  }
  .file:has(.thumb:not([hidden])) {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
  }
  .thumb {
    display: block;
    grid-column: 1 / -1;
    width: 200px;
    max-width: 100%;
    height: 140px;
    object-fit: cover;
    background: var(--_surface);
    border-radius: var(--_radius-small);
    margin-bottom: 4px;
  }
  .icon-btn {
    padding: 0 8px;
  }
`;
