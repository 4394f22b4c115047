import { css } from 'lit';

/**
 * Design tokens shared by every chat element. Each is a `--chat-*` CSS custom property a host may
 * set (on the element or any ancestor); the fallbacks here are the defaults. Colours use
 * `light-dark()`, so a host that sets `color-scheme: dark` gets the dark theme with no other work.
 */
export const tokens = css`
  :host {
    --_font: var(--chat-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--chat-font-size, 14px);
    --_bg: var(--chat-color-background, light-dark(#ffffff, #16181d));
    --_surface: var(--chat-color-surface, light-dark(#f6f7f9, #1f2229));
    --_surface-raised: var(--chat-color-surface-raised, light-dark(#ffffff, #262a33));
    --_border: var(--chat-color-border, light-dark(#e2e5ea, #343946));
    --_text: var(--chat-color-text, light-dark(#1c2330, #e7e9ee));
    --_text-muted: var(--chat-color-text-muted, light-dark(#5d6675, #a3aab8));
    --_accent: var(--chat-color-accent, light-dark(#2357d8, #7aa2ff));
    --_accent-text: var(--chat-color-accent-text, light-dark(#ffffff, #0d1324));
    --_accent-soft: var(--chat-color-accent-soft, light-dark(#e8eefc, #243150));
    --_danger: var(--chat-color-danger, light-dark(#c62828, #ff8a80));
    --_danger-text: var(--chat-color-danger-text, light-dark(#ffffff, #16181d));
    --_danger-soft: var(--chat-color-danger-soft, light-dark(#fdecea, #4a2323));
    --_warning: var(--chat-color-warning, light-dark(#b45309, #fbbf24));
    --_warning-soft: var(--chat-color-warning-soft, light-dark(#fff4e0, #3d3015));
    --_success: var(--chat-color-success, light-dark(#1e7d45, #6fd69b));
    --_bubble-customer: var(--chat-color-bubble-customer, light-dark(#f0f2f5, #2a2f3a));
    --_bubble-agent: var(--chat-color-bubble-agent, light-dark(#2357d8, #3a5bb8));
    --_bubble-agent-text: var(--chat-color-bubble-agent-text, #ffffff);
    --_radius: var(--chat-radius, 8px);
    --_radius-small: var(--chat-radius-small, 4px);
    --_focus-ring: var(--chat-focus-ring, 0 0 0 2px var(--_bg), 0 0 0 4px var(--_accent));
    --_shadow: var(--chat-shadow, 0 1px 2px rgb(0 0 0 / 0.06), 0 2px 8px rgb(0 0 0 / 0.06));
    --_shadow-overlay: var(--chat-shadow-overlay, -8px 0 24px rgb(0 0 0 / 0.12));
    --_backdrop: var(--chat-color-backdrop, light-dark(rgb(15 20 30 / 0.45), rgb(0 0 0 / 0.6)));
    --_switch-thumb: var(--chat-color-switch-thumb, light-dark(#ffffff, #16181d));
    color-scheme: inherit;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .no-service {
    padding: 16px;
    color: var(--_text-muted);
    font-style: italic;
  }

  button {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }

  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface-raised);
    color: var(--_text);
    font-weight: 500;
    cursor: pointer;
    white-space: nowrap;
  }
  .btn:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_surface);
  }
  .btn:disabled,
  .btn[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .btn.primary:hover:not(:disabled, [aria-disabled='true']) {
    filter: brightness(1.08);
    background: var(--_accent);
  }
  .btn.danger {
    color: var(--_danger);
  }
  .btn.ghost {
    border-color: transparent;
    background: transparent;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 20px;
    height: 20px;
    padding: 0 6px;
    border-radius: 10px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 12px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1;
  }
`;
