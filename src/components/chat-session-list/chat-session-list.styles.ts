import { css } from 'lit';

export const styles = css`
  /* The list takes the height its host gives; the rows scroll (.scroll). When the header alone
     does not fit, the element itself scrolls rather than overflowing its host. */
  :host {
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
    height: 100%;
    overflow-y: auto;
    background: var(--_bg);
  }

  .header {
    display: grid;
    gap: 8px;
    padding: 16px 16px 12px;
    border-bottom: 1px solid var(--_border);
  }
  .queue {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--_text-muted);
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .queue-icon {
    display: inline-flex;
  }
  .queue-icon.busy {
    color: var(--_warning);
  }
  .queue-count {
    font-weight: 500;
  }
  .queue-icon.busy + .queue-count {
    color: var(--_text);
    font-weight: 600;
  }
  .take-next {
    width: 100%;
    min-height: 36px;
    /* A long label (Dutch "Volgende in wachtrij ophalen" in a 240 px list) wraps instead of sticking out. */
    padding-block: 4px;
    white-space: normal;
    text-align: center;
  }
  .reason {
    margin: 0;
    font-size: 12px;
    color: var(--_text-muted);
  }

  .notice-area {
    padding: 0 12px;
  }
  .notice-area:has(.notice) {
    padding-top: 12px;
  }

  .scroll {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .list {
    padding: 8px 0 16px;
    outline: none;
  }
  .group + .group {
    margin-top: 8px;
  }
  .group-label {
    display: flex;
    align-items: baseline;
    gap: 8px;
    padding: 8px 16px 4px;
    font-size: 11px;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_text-muted);
  }
  .group-count {
    font-variant-numeric: tabular-nums;
  }
  .group-hint {
    font-weight: 400;
    letter-spacing: 0;
    text-transform: none;
  }
  .group-empty {
    padding: 4px 16px 8px;
    font-size: 13px;
    color: var(--_text-muted);
  }

  /* Rows are virtualized: positioned absolutely inside .rows, so they carry their own width. */
  chat-virtual-rows {
    display: block;
  }
  .rows.virtual > .row {
    width: calc(100% - 16px);
    box-sizing: border-box;
  }
  .row {
    position: relative;
    display: flex;
    gap: 12px;
    align-items: flex-start;
    min-height: var(--chat-session-list-row-height, auto);
    margin: 0 8px;
    padding: 10px 8px;
    border-radius: var(--_radius);
    cursor: pointer;
    outline: none;
  }
  .row:hover {
    background: var(--_surface);
  }
  .row.selected {
    background: var(--_accent-soft);
  }
  .row.selected::before {
    content: '';
    position: absolute;
    left: -8px;
    top: 8px;
    bottom: 8px;
    width: 3px;
    border-radius: 0 3px 3px 0;
    background: var(--_accent);
  }
  .row:focus-visible {
    box-shadow: var(--_focus-ring);
  }
  /* Ended: a grey avatar in the muted text colour (no opacity: its initials keep 4.5:1). */
  .row.ended .avatar {
    background: var(--_surface);
    color: var(--_text-muted);
    box-shadow: inset 0 0 0 1px var(--_border);
  }

  .row-main {
    flex: 1;
    min-width: 0;
    display: grid;
    gap: 2px;
  }
  .line {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  /* The name keeps its own width (a <bdi>: its text direction is its own), so a right-to-left
     name starts where a left-to-right one does instead of stretching and aligning right. */
  .name {
    flex: 0 1 auto;
    min-width: 0;
    unicode-bidi: isolate;
    text-align: start;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .row.ended .name {
    font-weight: 500;
    color: var(--_text-muted);
  }
  .time {
    flex: none;
    margin-inline-start: auto;
    font-size: 12px;
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .row.unread .time {
    color: var(--_accent);
    font-weight: 600;
  }
  .meta {
    font-size: 12px;
    color: var(--_text-muted);
  }
  .channel {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .status {
    flex: none;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-size: 11px;
    line-height: 18px;
  }
  .status.missed {
    color: var(--_danger);
    border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
    background: var(--_danger-soft);
  }
  .transfer {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_warning-soft);
    color: var(--_warning);
    font-size: 11px;
    font-weight: 600;
    line-height: 18px;
  }
  .preview-line {
    font-size: 13px;
  }
  .preview {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_text-muted);
  }
  .row.unread .preview.customer {
    color: var(--_text);
    font-weight: 500;
  }
  .preview .author {
    color: var(--_text-muted);
    font-weight: 500;
  }
  .preview.system,
  .preview.muted {
    font-style: italic;
    opacity: 0.85;
  }
  .unread-badge {
    flex: none;
  }

  .empty {
    display: grid;
    justify-items: center;
    gap: 4px;
    padding: 48px 24px;
    text-align: center;
    color: var(--_text-muted);
  }
  .empty .icon {
    margin-bottom: 8px;
    opacity: 0.7;
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    font-weight: 600;
    color: var(--_text);
  }
  .empty-text {
    font-size: 13px;
    max-width: 32ch;
  }
`;
