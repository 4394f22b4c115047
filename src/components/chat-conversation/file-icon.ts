import { type TemplateResult, css, html, nothing, svg } from 'lit';

/**
 * What a file icon shows besides the document: `file` a received file (no mark), `sent` a file
 * the agent sent (a check mark), `uploading` a file on its way (an arrow up: uploading, or its
 * message still sending), `failed` a file that was refused or did not get through (an
 * exclamation mark).
 */
export type FileIconState = 'file' | 'sent' | 'uploading' | 'failed';

/** The page: a document with a folded corner and two text lines. */
const PAGE = 'M4 2h7l5 5v11H4zm7 0v5h5M7 11h6m-6 3h6';
/** The page with its bottom-right corner left open for a mark, one text line making way for it. */
const PAGE_WITH_MARK = 'M10 18H4V2h7l5 5v3m-5-8v5h5M7 11h3';
/** The circle around a mark (centre 15,15, radius 4). */
const RING = 'M11 15a4 4 0 1 0 8 0 4 4 0 1 0-8 0';
/** The marks: a check, an arrow up, an exclamation mark. */
const MARKS: Record<Exclude<FileIconState, 'file'>, string> = {
  sent: 'M13 15l1.5 1.5 2.5-3',
  uploading: 'M15 17v-4l-2 2m2-2 2 2',
  failed: 'M15 12.5V15m0 2v.1',
};

/**
 * The icon of a file in the conversation (an attachment in the history, a file in the composer's
 * upload list): a document, 20 × 20 px, drawn in `currentColor`, with a mark in a circle for its
 * state (a check, an arrow up, an exclamation mark), so sent, uploading and failed differ in
 * shape, not only in colour. Decorative (`aria-hidden`): the state is also said in text
 * (delivery line, progress bar, "Not sent:" / "Upload failed:").
 * @param state what the file's mark shows
 */
export function fileIcon(state: FileIconState): TemplateResult {
  const file = state === 'file';
  return html`<svg class="file-icon" data-state=${state} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"><path class="page" d=${file ? PAGE : PAGE_WITH_MARK}/>${
    file ? nothing : svg`<path class="mark" d=${RING + MARKS[state]}/>`
  }</svg>`;
}

/** Styles of {@link fileIcon}: a flex item that never shrinks; lines 1.5 px in `currentColor`. */
export const fileIconStyles = css`
  .file-icon {
    flex: none;
    width: 20px;
    height: 20px;
    display: block;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
