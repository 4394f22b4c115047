import { msg, str } from '@lit/localize';
import { type ReactiveControllerHost, type TemplateResult, css, html, nothing } from 'lit';
import { formatBytes } from '../../i18n/format.js';
import type { ChatService } from '../../service/chat-service.js';
import type { DisplaySettings } from '../../service/state.js';
import type { UploadView } from '../../service/uploads.js';
import { adoptPartStyles } from '../shared/lazy-part.js';
import { actionErrorText, fileSizeText } from './action-errors.js';
import { fileIcon, fileIconStyles } from './file-icon.js';

/** What the upload list needs from the conversation that hosts it. */
export interface UploadListHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The list of the session's files in `<chat-conversation>` (a part of the element, not an
 * element; loaded on demand with the first files): files while they upload (progress bar,
 * Cancel) or when they were refused or failed (reason, Remove). It renders what
 * `ChatService.uploads$` holds and calls `cancelUpload` / `removeUpload`.
 */
export class UploadList {
  /**
   * @param host the conversation element
   * @param service the host's chat service (may be absent)
   * @param display the agent's locale and time zone
   */
  constructor(
    host: UploadListHost,
    private readonly service: () => ChatService | undefined,
    private readonly display: () => DisplaySettings,
  ) {
    adoptPartStyles(host.renderRoot, fileIconStyles, uploadListStyles);
  }

  /** The files (nothing when there are none). */
  render(uploads: readonly UploadView[]): TemplateResult | typeof nothing {
    if (!uploads.length) return nothing;
    return html`<ul class="uploads" aria-label=${msg('Files')}>
      ${uploads.map((u) => this.renderUpload(u))}
    </ul>`;
  }

  private renderUpload(u: UploadView): TemplateResult {
    const display = this.display();
    const service = this.service();
    const size = formatBytes(u.size, display);
    const name = html`<span class="upload-name" title=${u.name}><bdi>${u.name || msg('Unnamed file')}</bdi></span>`;
    if (u.status === 'uploading') {
      const percent = u.size ? Math.round((u.sent / u.size) * 100) : 0;
      return html`<li class="upload uploading" data-upload-id=${u.id}>
        <div class="upload-line">
          ${fileIcon('uploading')}${name}<span class="upload-size">${formatBytes(u.sent, display)} / ${size}</span>
          <button
            type="button"
            class="btn small"
            aria-label=${msg(str`Cancel upload of ${u.name}`)}
            @click=${() => service?.cancelUpload(u.sessionId, u.id)}
          >
            ${msg('Cancel')}
          </button>
        </div>
        <progress max=${u.size} .value=${u.sent} aria-label=${msg(str`Uploading ${u.name}`)} aria-valuetext=${`${percent} %`}></progress>
      </li>`;
    }
    return html`<li class="upload ${u.status}" data-upload-id=${u.id}>
      <div class="upload-line">
        ${fileIcon('failed')}${name}<span class="upload-size">${fileSizeText(u.size, u.error, display)}</span>
        <button
          type="button"
          class="btn small"
          aria-label=${msg(str`Remove ${u.name}`)}
          @click=${() => service?.removeUpload(u.sessionId, u.id)}
        >
          ${msg('Remove')}
        </button>
      </div>
      <p class="upload-error" role="alert">
        ${u.status === 'refused' ? msg('Not sent:') : msg('Upload failed:')} ${actionErrorText(u.error, display, u.size)}
      </p>
    </li>`;
  }
}

/** Styles of the upload list. */
export const uploadListStyles = css`
  .uploads {
    list-style: none;
    margin: 0;
    padding: 8px 8px 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .upload {
    padding: 6px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface-raised);
  }
  .upload.refused,
  .upload.failed {
    border-color: var(--_danger);
  }
  .upload.refused .file-icon,
  .upload.failed .file-icon {
    color: var(--_danger);
  }
  .upload-line {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .upload-name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 500;
  }
  .upload-size {
    color: var(--_text-muted);
    font-size: 12px;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .upload progress {
    display: block;
    width: 100%;
    height: 6px;
    margin-top: 6px;
    accent-color: var(--_accent);
  }
  .upload-error {
    margin: 4px 0 0;
    color: var(--_danger);
    font-size: 13px;
  }
`;
