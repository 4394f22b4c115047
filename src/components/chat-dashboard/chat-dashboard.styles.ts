import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
    min-height: 0;
    height: 100%;
    overflow-y: auto;
    background: var(--_surface);
  }

  .content {
    position: relative;
    display: grid;
    gap: 24px;
    max-width: var(--chat-dashboard-max-width, 1200px);
    margin: 0 auto;
    padding: 24px;
  }

  /* Out of sight until focused; then over the toolbar's start, so nothing moves. */
  .skip-link {
    position: absolute;
    top: 8px;
    inset-inline-start: 24px;
    z-index: 2;
  }
  .skip-link:not(:focus) {
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .notice-area:not(:has(.notice)) {
    display: none;
  }

  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
    gap: 16px;
    margin: 0;
  }
  .stat {
    display: grid;
    gap: 4px;
    padding: 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    box-shadow: var(--_shadow);
  }
  .stat dt {
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_text-muted);
  }
  .stat dd {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0 8px;
    margin: 0;
  }
  .stat-value {
    font-size: 26px;
    font-weight: 650;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .stat.busy .stat-value {
    color: var(--_accent);
  }
  .section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    box-shadow: var(--_shadow);
    overflow: hidden;
  }
  .section-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    padding: 12px 16px;
    border-bottom: 1px solid var(--_border);
  }
  h2 {
    margin: 0;
    font-size: 15px;
    font-weight: 600;
  }
  .count {
    min-width: 22px;
    padding: 0 7px;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-size: 12px;
    font-weight: 600;
    line-height: 20px;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: var(--_text-muted);
  }
  .count.busy {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  .incoming {
    list-style: none;
    margin: 0;
    padding: 0;
    container: incoming / inline-size;
  }
  .incoming-row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto;
    align-items: center;
    gap: 16px;
    padding: 12px 16px;
  }
  .incoming-row + .incoming-row {
    border-top: 1px solid var(--_border);
  }
  .incoming-row:hover {
    background: var(--_surface);
  }
  .incoming-row.late {
    box-shadow: inset 3px 0 0 var(--_warning);
  }
  /* A narrow list (a phone, a side panel): the waiting time and "Answer" go under the message, so
     the name and the preview keep the row's width. */
  @container incoming (width < 440px) {
    .incoming-row {
      grid-template-columns: auto minmax(0, 1fr) auto;
      grid-template-areas: 'avatar main main' 'avatar wait answer';
      gap: 6px 12px;
      padding: 10px 12px;
    }
    .incoming-row > .avatar {
      grid-area: avatar;
    }
    .incoming-main {
      grid-area: main;
    }
    .incoming-row > .wait {
      grid-area: wait;
      font-size: 12px;
    }
    .incoming-row > .answer {
      grid-area: answer;
    }
  }
  .incoming-main {
    min-width: 0;
    display: grid;
    gap: 2px;
  }
  .line {
    display: flex;
    /* In a narrow row the channel goes below the name rather than squeezing the name to nothing. */
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 8px;
    min-width: 0;
  }
  .name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .channel {
    flex: none;
    font-size: 12px;
    color: var(--_text-muted);
  }
  .preview {
    margin: 0;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 13px;
    color: var(--_text-muted);
  }
  .preview.muted {
    font-style: italic;
  }
  /* Why Answer is disabled, as text (a tooltip reaches no touch, keyboard or screen-reader user). */
  .no-right {
    margin: 2px 0 0;
    font-size: 12px;
    color: var(--_text-muted);
  }
  .wait {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 13px;
    font-variant-numeric: tabular-nums;
    color: var(--_text-muted);
    white-space: nowrap;
  }
  .wait.late {
    color: var(--_warning);
    font-weight: 600;
  }

  .table-wrap {
    /* The containing block of the visually hidden cells' text, so it cannot widen the page (B09). */
    position: relative;
    overflow-x: auto;
    container: ongoing / inline-size;
  }
  /* A dashboard narrower than the table (about 810 px in Dutch: a phone, a tablet, 200% zoom): each
     ongoing chat is a small card instead of a row that scrolls sideways: customer and "Listen in", agent and channel, then the duration and the last
     activity, each after its column name. The column headers stay for assistive technology. */
  @container ongoing (width < 820px) {
    table.ongoing,
    table.ongoing tbody {
      display: block;
    }
    table.ongoing thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    table.ongoing tbody tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'person actions' 'agent channel' 'duration duration' 'last last';
      align-items: baseline;
      gap: 4px 12px;
      padding: 10px 16px;
      border-bottom: 1px solid var(--_border);
    }
    table.ongoing tbody tr:last-child {
      border-bottom: 0;
    }
    table.ongoing td {
      display: block;
      min-width: 0;
      max-width: none;
      width: auto;
      padding: 0;
      border: 0;
      background: none;
      text-align: start;
      white-space: normal;
    }
    table.ongoing td:nth-child(1) {
      grid-area: person;
    }
    table.ongoing td:nth-child(2) {
      grid-area: agent;
    }
    table.ongoing td:nth-child(3) {
      grid-area: channel;
      text-align: end;
    }
    table.ongoing td:nth-child(4) {
      grid-area: duration;
    }
    table.ongoing td:nth-child(5) {
      grid-area: last;
    }
    table.ongoing td.actions {
      grid-area: actions;
      align-self: center;
      text-align: end;
    }
    table.ongoing td[data-label]::before {
      /* Shown, not read: the column header already names the cell for assistive technology. */
      content: attr(data-label) / '';
      margin-inline-end: 6px;
      font-size: 12px;
      font-weight: 400;
      color: var(--_text-muted);
    }
    table.ongoing tbody tr:hover {
      background: var(--_surface);
    }
    table.ongoing tr.late {
      box-shadow: inset 3px 0 0 var(--_warning);
    }
    table.ongoing tr.late td:first-child {
      box-shadow: none;
    }
  }
  /* Room for the last activity beside the duration. */
  @container ongoing (480px <= width < 820px) {
    table.ongoing tbody tr {
      grid-template-areas: 'person actions' 'agent channel' 'duration last';
    }
    table.ongoing td:nth-child(5) {
      text-align: end;
    }
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  th {
    padding: 8px 16px;
    text-align: start;
    font-size: 12px;
    font-weight: 600;
    color: var(--_text-muted);
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  td {
    padding: 8px 16px;
    border-bottom: 1px solid var(--_border);
    vertical-align: middle;
    max-width: 240px;
  }
  tbody tr:last-child td {
    border-bottom: 0;
  }
  tbody tr:hover td {
    background: var(--_surface);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .cell-person {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .cell-agent {
    /* Name and "(you)" on one line: the name shrinks (ellipsis), "(you)" never wraps below it. */
    display: flex;
    align-items: baseline;
    gap: 4px;
    min-width: 0;
    max-width: 208px;
  }
  .agent {
    /* Shrinks inside its row, so that a long unbroken name ends in an ellipsis inside its cell (B09). */
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .you {
    flex: none;
    color: var(--_text-muted);
    white-space: nowrap;
  }
  .offer-tag {
    flex: none;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_warning-soft);
    color: var(--_warning);
    font-size: 11px;
    font-weight: 600;
    line-height: 18px;
    white-space: nowrap;
  }
  .channel-cell {
    color: var(--_text-muted);
    white-space: nowrap;
  }

  .empty {
    padding: 24px 16px;
    text-align: center;
    color: var(--_text-muted);
    font-size: 13px;
  }
  .load-state {
    display: grid;
    justify-items: center;
    gap: 8px;
  }
  .load-state p {
    margin: 0;
  }
  .load-state-title {
    font-weight: 600;
    color: var(--_text);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 12px 24px;
    align-items: flex-start;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 8px;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    float: inline-start;
    margin-inline-end: 4px;
    padding: 0;
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_text-muted);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 30px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-raised);
    font-size: 13px;
    cursor: pointer;
    user-select: none;
  }
  .check:has(input:checked) {
    border-color: var(--_accent);
  }
  .check:has(input:disabled) {
    cursor: default;
  }
  .check input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .alerts {
    margin-inline-start: auto;
  }
  /* Why an alert option cannot be turned on (tied to it with aria-describedby). */
  .option-reason {
    flex-basis: 100%;
    margin: 0;
    font-size: 12px;
    color: var(--_text-muted);
  }

  .stat {
    position: relative;
    align-content: start;
    cursor: help;
  }
  .stat.alert .stat-value {
    color: var(--_warning);
  }
  .stat-unit {
    font-size: 12px;
    color: var(--_text-muted);
  }
  .tip {
    position: absolute;
    inset-inline: 8px;
    top: calc(100% + 6px);
    z-index: 2;
    padding: 8px 10px;
    border-radius: var(--_radius-small);
    background: var(--_text);
    color: var(--_surface-raised);
    font-size: 12px;
    line-height: 1.4;
    box-shadow: var(--_shadow);
    opacity: 0;
    visibility: hidden;
    pointer-events: none;
    transition: opacity 120ms;
  }
  .stat:hover .tip,
  .stat:focus-visible .tip {
    opacity: 1;
    visibility: visible;
  }

  .section-hint {
    /* Beside the title when there is room, else on a line of its own below it. */
    flex: 1 1 14em;
    text-align: end;
    margin-inline-start: auto;
    font-size: 12px;
    color: var(--_text-muted);
  }
  .incoming-row {
    cursor: default;
  }
  tr.late td:first-child {
    box-shadow: inset 3px 0 0 var(--_warning);
  }
  td.late {
    color: var(--_warning);
    font-weight: 600;
  }
  td.late svg {
    vertical-align: -3px;
    margin-inline-end: 4px;
  }
  .actions {
    text-align: end;
    white-space: nowrap;
    width: 1%;
  }
  .actions .btn {
    min-height: 28px;
    font-size: 13px;
  }

  .listen-error {
    margin: 0;
    color: var(--_danger);
  }
`;
