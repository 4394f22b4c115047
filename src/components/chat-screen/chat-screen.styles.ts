import { css } from 'lit';

export const styles = css`
  /* The element takes exactly the height its host gives (\`--chat-screen-height\`, or 100% of a
     sized container) and never more: no min-height overrides it. Only when the host gives no
     height (an auto-height parent) does it fall back to 480 px: size containment makes its height
     ignore its content, and contain-intrinsic-block-size is the size it then takes. */
  :host {
    display: block;
    position: relative;
    height: var(--chat-screen-height, 100%);
    min-width: 0;
    overflow: hidden;
    background: var(--_bg);
    container: chat-screen / size;
    contain-intrinsic-block-size: var(--chat-screen-default-height, 480px);
    --_list-width: var(--chat-screen-list-width, 300px);
    --_panel-width: var(--chat-screen-panel-width, 320px);
  }

  /* One grid: banner (when offline), the load-failure alert (when a tab's element could not be
     fetched), header, transfers offered to the agent, then the open tab panel takes what is left, so neither pushes the screen
     past the host's height. */
  .screen {
    /* Read by the element to know which layout the container queries chose. */
    --_layout: wide;
    display: grid;
    grid-template-rows: auto auto auto auto minmax(0, 1fr);
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'banner' 'alert' 'header' 'offers' 'panel';
    /* Exactly the host's box: unlike height: 100%, this also holds for the default height, where
       the host's own height is auto. */
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
  .screen > .panel {
    grid-area: panel;
  }
  .screen > .state {
    grid-row: 1 / -1;
  }
  .screen > .no-service {
    grid-row: 1 / -1;
  }

  .load-failure {
    grid-area: alert;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 4px 12px;
    padding: 6px 16px;
    background: var(--_danger-soft);
    color: var(--_danger);
    border-bottom: 1px solid color-mix(in srgb, var(--_danger) 30%, transparent);
    font-size: 13px;
  }

  .banner {
    grid-area: banner;
    padding: 4px 16px;
    background: var(--_warning-soft);
    color: var(--_warning);
    border-bottom: 1px solid color-mix(in srgb, var(--_warning) 30%, transparent);
    font-size: 12px;
    font-weight: 600;
    text-align: center;
  }

  /* Transfers offered to the agent: a strip under the header, on either tab (empty: no height). */
  .offer-area {
    grid-area: offers;
    min-width: 0;
  }
  .offer-notices:not(:empty) {
    max-height: 40cqh;
    overflow-y: auto;
    padding: 8px 16px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }

  .header {
    grid-area: header;
    display: flex;
    align-items: center;
    gap: 16px;
    min-width: 0;
    min-height: 56px;
    padding: 0 16px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  .spacer {
    flex: 1;
    min-width: 0;
  }

  .tablist {
    flex: none;
    display: flex;
    align-self: stretch;
    gap: 4px;
  }
  .tab {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 8px;
    padding: 0 12px;
    border: 0;
    background: transparent;
    color: var(--_text-muted);
    font-weight: 600;
    cursor: pointer;
  }
  .tab::after {
    content: '';
    position: absolute;
    left: 8px;
    right: 8px;
    bottom: 0;
    height: 2px;
    border-radius: 2px 2px 0 0;
    background: transparent;
  }
  .tab:hover {
    color: var(--_text);
  }
  .tab.selected {
    color: var(--_text);
  }
  .tab.selected::after {
    background: var(--_accent);
  }
  .tab:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_accent);
    border-radius: var(--_radius-small);
  }
  .tab .badge.zero {
    background: var(--_surface);
    color: var(--_text-muted);
    border: 1px solid var(--_border);
  }

  .agent {
    flex: 0 1 auto;
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .agent-avatar {
    position: relative;
    flex: none;
    display: inline-flex;
  }
  .dot {
    position: absolute;
    right: -1px;
    bottom: -1px;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    border: 2px solid var(--_surface-raised);
    background: var(--_text-muted);
  }
  .dot.present {
    background: var(--_success);
  }
  .agent-text {
    display: grid;
    min-width: 0;
    line-height: 1.25;
  }
  .agent-name {
    min-width: 0;
    max-width: 180px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    font-size: 13px;
  }
  .presence-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 12px;
    color: var(--_text-muted);
  }
  .switch {
    position: relative;
    flex: none;
    width: 36px;
    height: 20px;
    padding: 0;
    border: 0;
    border-radius: 10px;
    /* Solid track colours: the thumb keeps 3:1 against the track in both states and both themes
       (and the track 3:1 against the header). */
    background: var(--_text-muted);
    cursor: pointer;
    transition: background 0.15s;
  }
  .switch[aria-checked='true'] {
    background: var(--_success);
  }
  .switch .thumb {
    position: absolute;
    top: 2px;
    left: 2px;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--_switch-thumb);
    transition: transform 0.15s;
  }
  .switch[aria-checked='true'] .thumb {
    transform: translateX(16px);
  }

  .panel {
    min-height: 0;
    min-width: 0;
  }
  .dashboard-panel {
    position: relative;
    display: block;
    overflow: hidden;
  }

  /* Over the open tab while its elements' code is fetched; it fades in after 300 ms, so a fast
     load (or elements already defined) never flashes it. */
  .tab-loading {
    position: absolute;
    inset: 0;
    z-index: 4;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 10px;
    padding: 24px;
    background: var(--_bg);
    color: var(--_text-muted);
    animation: tab-loading-in 0.2s ease-out 0.3s both;
  }
  .tab-loading .spinner {
    width: 18px;
    height: 18px;
    border-width: 2px;
  }
  @keyframes tab-loading-in {
    from {
      opacity: 0;
    }
  }

  /* The pane bar ("Back to chats", "Person") shows below 720 px only. */
  .pane-bar {
    display: none;
    align-items: center;
    gap: 8px;
    min-width: 0;
    min-height: var(--chat-screen-pane-bar-height, 44px);
    padding: 4px 8px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  .back {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
    padding-inline: 6px 10px;
    white-space: nowrap;
  }
  .back > span {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .back-icon:dir(rtl) {
    transform: scaleX(-1);
  }
  .bar-toggle {
    display: none;
  }
  /* Until its code has loaded, an element keeps its area (the Chats tab's are grid items). */
  .dashboard-panel > chat-dashboard:not(:defined) {
    display: block;
    height: 100%;
  }

  .chats {
    position: relative;
    display: grid;
    grid-template-columns: minmax(240px, var(--_list-width)) minmax(0, 1fr) minmax(240px, var(--_panel-width));
  }
  .area-list {
    min-height: 0;
    border-inline-end: 1px solid var(--_border);
  }
  .area-conversation {
    position: relative;
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }
  .area-conversation > chat-conversation {
    flex: 1;
    min-height: 0;
  }
  .area-panel {
    min-width: 0;
    min-height: 0;
    overflow: auto;
    border-inline-start: 1px solid var(--_border);
    background: var(--_bg);
  }
  .panel-toggle {
    display: none;
    position: relative;
    flex: none;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
  }
  .panel-toggle[aria-expanded='true'] {
    background: var(--_accent-soft);
    border-color: color-mix(in srgb, var(--_accent) 40%, transparent);
    color: var(--_accent);
  }

  @container chat-screen (max-width: 1180px) {
    .chats {
      grid-template-columns: minmax(220px, 264px) minmax(0, 1fr) minmax(220px, 272px);
    }
  }

  @container chat-screen (max-width: 900px) {
    .screen {
      --_layout: drawer;
    }
    .chats {
      grid-template-columns: minmax(200px, 240px) minmax(0, 1fr);
    }
    .panel-toggle {
      display: inline-flex;
    }
    .area-panel {
      display: none;
    }
    .panel-open .area-panel {
      display: block;
      position: absolute;
      top: 0;
      bottom: 0;
      inset-inline-end: 0;
      width: min(320px, 90%);
      z-index: 3;
      box-shadow: var(--_shadow), var(--_shadow-overlay);
    }
  }

  /* Below 720 px: one pane at a time (the element's view state, classes on .chats): the session
     list, or the conversation with the pane bar above it ("Back to chats", "Person"), or the
     person panel in the conversation's place. The header tightens; the "Person" button moves from
     the header to the pane bar. */
  @container chat-screen (width < 720px) {
    .screen {
      --_layout: narrow;
    }
    .chats {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto minmax(0, 1fr);
    }
    .chats > * {
      grid-column: 1;
    }
    .area-list {
      grid-row: 1 / -1;
      border-inline-end: 0;
    }
    .pane-bar {
      grid-row: 1;
    }
    .area-conversation,
    .area-panel {
      grid-row: 2;
    }
    .pane-list .pane-bar,
    .pane-list .area-conversation,
    .pane-list .area-panel,
    .pane-conversation .area-list,
    .pane-conversation.panel-open .area-conversation {
      display: none;
    }
    .pane-conversation .pane-bar {
      display: flex;
    }
    .header-toggle {
      display: none;
    }
    .bar-toggle {
      display: inline-flex;
    }
    .pane-conversation.panel-open .area-panel {
      display: block;
      position: static;
      width: auto;
      border-inline-start: 0;
      box-shadow: none;
    }
    .header {
      gap: 8px;
      padding: 0 12px;
    }
    .tab {
      padding: 0 8px;
    }
    .agent-name {
      max-width: 120px;
    }
  }

  /* A short element (420 px tall or less: a phone in landscape, or with its keyboard open): the
     header and the pane bar give their spare height to the conversation's history. */
  @container chat-screen (max-height: 420px) {
    .header {
      min-height: 44px;
    }
    .pane-bar {
      min-height: var(--chat-screen-pane-bar-height, 36px);
      padding-block: 2px;
    }
  }

  /* Phones (below 560 px, e.g. 360 px): the tightest header. */
  @container chat-screen (max-width: 560px) {
    .header {
      gap: 6px;
      padding: 0 8px;
    }
    .tablist {
      gap: 0;
    }
    .tab {
      gap: 6px;
      padding: 0 6px;
    }
    .agent {
      flex: none;
      gap: 6px;
    }
    /* The avatar and the switch (named "Present", checked or not) stay; the name and presence text go. */
    .agent-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  .state {
    flex: 1;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 8px;
    padding: 32px;
    color: var(--_text-muted);
    text-align: center;
  }
  .state p {
    margin: 0;
  }
  .state-title {
    font-weight: 600;
    color: var(--_text);
  }
  .state.error .state-title {
    color: var(--_danger);
  }
  .state-text {
    overflow-wrap: anywhere;
  }
  .state-detail {
    max-width: 40em;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .state-detail summary {
    cursor: pointer;
  }
  .spinner {
    width: 24px;
    height: 24px;
    border-radius: 50%;
    border: 3px solid var(--_border);
    border-top-color: var(--_accent);
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;
