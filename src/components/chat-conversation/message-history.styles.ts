import { css } from 'lit';

/**
 * Styles of the message history (log, day separators, message rows, attachments, delivery
 * state), shared into `<chat-conversation>`'s shadow root. They use the private tokens
 * (`--_bg`, `--_accent`, ...) that the conversation's styles define on its host.
 */
export const historyStyles = css`
    /* ---------------------------------------------------------------- log */
    /* The history takes the height the header, typing line and composer leave, but never less
       than \`--chat-history-min-height\` (72 px: three lines), so a message stays readable on a
       short screen (a phone with its keyboard open); when even that does not fit, the conversation
       pane scrolls. In a host without a definite height it gets 150 px (the flex basis). */
    .log-area {
      position: relative;
      flex: 1 1 150px;
      min-height: var(--chat-history-min-height, 72px);
      display: flex;
      flex-direction: column;
    }
    /* The virtualizer positions each item absolutely inside the log (the scroller), so the
       spacing lives inside the items (padding) rather than between them (gap, margins). */
    /* !important: the virtualizer writes an inline \`min-height: 150px\` on its scroller, which would
       make the log taller than its area (over the typing line and the composer) on short hosts. */
    .log {
      flex: 1 1 0;
      min-height: 0 !important;
      overflow-y: auto;
      overflow-x: hidden;
      overscroll-behavior: contain;
    }
    .log > :not([virtualizer-sizer]) {
      width: 100%;
      box-sizing: border-box;
      padding-inline: 16px;
    }
    .log:focus-visible {
      box-shadow: inset 0 0 0 2px var(--_accent);
    }
    .log > .history-start {
      display: flex;
      justify-content: center;
      align-items: center;
      gap: 8px;
      min-height: 28px;
      padding-block: 16px 4px;
      font-size: 12px;
    }
    .jump-latest {
      position: absolute;
      inset-block-end: 12px;
      inset-inline-start: 50%;
      transform: translateX(-50%);
      display: inline-flex;
      align-items: center;
      gap: 6px;
      border-radius: 999px;
      box-shadow: var(--_shadow);
      background: var(--_surface-raised);
      z-index: 1;
    }
    .jump-arrow {
      font-weight: 700;
    }
    .muted,
    .history-start.muted {
      color: var(--_text-muted);
    }
    .log > .day {
      display: flex;
      align-items: center;
      gap: 12px;
      padding-block: 12px 8px;
      color: var(--_text-muted);
      font-size: 12px;
      font-weight: 600;
    }
    .day::before,
    .day::after {
      content: '';
      flex: 1;
      border-top: 1px solid var(--_border);
    }

    .log > .row {
      display: flex;
      min-width: 0;
      padding-block: 4px;
    }
    .row.agent {
      justify-content: flex-end;
    }
    .row.customer {
      justify-content: flex-start;
    }
    .message {
      display: flex;
      flex-direction: column;
      gap: 2px;
      max-width: min(75%, 640px);
      min-width: 0;
    }
    .row.agent .message {
      align-items: flex-end;
    }
    .meta {
      display: flex;
      align-items: baseline;
      gap: 8px;
      padding: 0 4px;
      font-size: 12px;
      color: var(--_text-muted);
      max-width: 100%;
      min-width: 0;
    }
    .author {
      font-weight: 600;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
    }
    time {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .bubble {
      max-width: 100%;
      min-width: 0;
      padding: 8px 12px;
      border-radius: 16px;
      background: var(--_bubble-customer);
      color: var(--_text);
      overflow-wrap: anywhere;
    }
    .row.customer .bubble {
      border-start-start-radius: 4px;
    }
    .row.agent .bubble {
      background: var(--_bubble-agent);
      color: var(--_bubble-agent-text);
      border-start-end-radius: 4px;
    }
    .row.agent.sending .bubble {
      opacity: 0.7;
    }
    .row.agent.failed .bubble {
      background: var(--_danger-soft);
      color: var(--_text);
      outline: 1px solid var(--_danger);
    }
    .body {
      display: block;
      max-width: 100%;
    }
    .attachments {
      list-style: none;
      margin: 6px 0 0;
      padding: 0;
      display: grid;
      /* minmax(0, …): a long file name is cut with an ellipsis instead of widening the bubble. */
      grid-template-columns: minmax(0, 1fr);
      gap: 4px;
    }
    .body + .attachments {
      margin-top: 8px;
    }
    .file {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px 8px;
      border-radius: var(--_radius-small);
      background: color-mix(in srgb, currentColor 8%, transparent);
      color: inherit;
      text-decoration: none;
      min-width: 0;
    }
    .file-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      min-width: 0;
    }
    /* Full text colour (no opacity): 12px text on the agent's blue bubble needs it for 4.5:1. */
    .file-size {
      flex: none;
      font-size: 12px;
    }

    .delivery {
      font-size: 12px;
      padding: 0 4px;
    }
    .delivery.sending {
      color: var(--_text-muted);
    }
    .delivery.failed {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
      color: var(--_danger);
      font-weight: 500;
    }
    .failed-text {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .marker {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 16px;
      height: 16px;
      border-radius: 50%;
      background: var(--_danger);
      color: var(--_bg);
      font-size: 11px;
      font-weight: 700;
    }
    .retrying {
      color: var(--_text-muted);
      font-weight: 400;
    }
    .delivery-actions {
      display: inline-flex;
      gap: 4px;
    }
    .btn.small {
      min-height: 26px;
      padding: 0 8px;
      font-size: 12px;
    }

    .row.system {
      justify-content: center;
    }
    .system-line {
      margin: 0;
      display: inline-flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 6px;
      max-width: 80%;
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--_surface);
      color: var(--_text-muted);
      font-size: 12px;
      text-align: center;
      overflow-wrap: anywhere;
    }
    .sep {
      opacity: 0.6;
    }
`;
