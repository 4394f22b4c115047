import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { avatarStyles } from '../shared/avatar.js';
import { historyStyles } from './message-history.styles.js';
import { attachmentStyles } from './attachments.js';
import { loadFailureStyles } from '../shared/lazy-part.js';
import { noticeStyles } from '../notice-region/notice-region.js';

export const styles = [
  tokens,
  avatarStyles,
  historyStyles,
  attachmentStyles,
  loadFailureStyles,
  noticeStyles,
  css`
    /* Notices about a command on this chat that failed (End chat, transfer answers). */
    .notice-area {
      flex: none;
      padding: 0 16px;
    }
    .notice-area .notice {
      margin-top: 8px;
    }
    :host {
      display: block;
      height: 100%;
      min-height: 0;
      min-width: 0;
      background: var(--_bg);
    }

    /* The conversation takes the height its host gives: the history gives up height first (down
       to its min-height); when the header, the history's minimum and the composer do not fit, the
       pane itself scrolls inside the host rather than overflowing it. */
    .conversation {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
      min-width: 0;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    /* The history's load failure, inside the log: the log's row padding is its inset. */
    .log > .history-start > .load-failure {
      flex: 1;
      min-width: 0;
      margin: 0;
      font-size: 14px;
    }
    /* Only the history gives up height when the host is short. */
    .conversation > :not(.log-area) {
      flex-shrink: 0;
    }

    /* ---------------------------------------------------------------- header */
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      border-bottom: 1px solid var(--_border);
      background: var(--_surface-raised);
      min-width: 0;
    }
    /* The actions wrap below the name when fewer than 160 px would be left for it (phones, B09). */
    .who {
      flex: 1 1 160px;
      min-width: 0;
    }
    .name {
      margin: 0;
      font-size: 16px;
      font-weight: 600;
      line-height: 1.3;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    /* One line: the channel gives way (ellipsis) before the chat's state, so the separator never
       ends a line of its own. */
    .sub {
      display: flex;
      flex-wrap: nowrap;
      align-items: center;
      gap: 6px;
      margin-top: 2px;
      color: var(--_text-muted);
      font-size: 13px;
      min-width: 0;
      white-space: nowrap;
    }
    .channel {
      flex: 0 1 auto;
      min-width: 2ch;
      overflow: hidden;
      text-overflow: ellipsis;
      max-width: 24ch;
    }
    .sub .sep,
    .sub .status {
      flex: none;
    }
    .sub .pill {
      flex: 0 1 auto;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_text-muted);
    }
    .status.waiting-for-agent .dot {
      background: var(--_warning);
    }
    .status.waiting-for-customer .dot {
      background: var(--_success);
    }
    .status.queued .dot {
      background: var(--_accent);
    }
    .status.missed .dot {
      background: var(--_danger);
    }
    .pill {
      display: inline-flex;
      align-items: center;
      padding: 1px 8px;
      border-radius: 999px;
      font-size: 12px;
      font-weight: 500;
    }
    .pill.warning {
      background: var(--_warning-soft);
      color: var(--_warning);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      flex: none;
      max-width: 100%;
    }
    /* A short conversation (its host gives it 420 px or less, squeezing the history: a phone in
       landscape, or with its keyboard open; see "short" in chat-conversation.ts):
       the header gives the history room. No avatar, less padding, and the actions keep one line
       that scrolls sideways instead of wrapping onto a second one; the typing line and the space
       under the composer shrink, the reply box grows to two lines at most (then scrolls), and the
       composer's "Enter to send" hint goes. */
    .conversation.short .header {
      padding-block: 6px;
      row-gap: 6px;
    }
    .conversation.short .header > .avatar {
      display: none;
    }
    .conversation.short .actions {
      flex-wrap: nowrap;
      overflow-x: auto;
      scrollbar-width: thin;
    }
    .conversation.short .actions > * {
      flex: none;
    }
    .conversation.short .typing {
      min-height: 20px;
    }
    .conversation.short .composer-bar .hint {
      display: none;
    }
    .conversation.short textarea {
      max-height: 64px;
    }
    .conversation.short .composer,
    .conversation.short .read-only {
      margin-bottom: 8px;
    }

    /* ---------------------------------------------------------------- typing */
    .typing {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 24px;
      padding: 0 16px;
      color: var(--_text-muted);
      font-size: 12px;
      font-style: italic;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .typing-dots {
      display: inline-flex;
      gap: 3px;
    }
    .typing-dots i {
      width: 5px;
      height: 5px;
      border-radius: 50%;
      background: currentColor;
      animation: blink 1.2s infinite ease-in-out;
    }
    .typing-dots i:nth-child(2) {
      animation-delay: 0.15s;
    }
    .typing-dots i:nth-child(3) {
      animation-delay: 0.3s;
    }
    @keyframes blink {
      0%,
      80%,
      100% {
        opacity: 0.25;
      }
      40% {
        opacity: 1;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .typing-dots i,
      .spinner {
        animation: none;
      }
    }

    /* ---------------------------------------------------------------- composer */
    .composer {
      container: composer / inline-size;
      margin: 0 16px 16px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
      box-shadow: var(--_shadow);
    }
    .composer:focus-within {
      border-color: var(--_accent);
    }
    textarea {
      display: block;
      width: 100%;
      min-height: 44px;
      max-height: 160px;
      field-sizing: content;
      resize: none;
      border: 0;
      padding: 12px 12px 4px;
      background: transparent;
      color: var(--_text);
      font: inherit;
      line-height: 1.45;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
    textarea:focus,
    textarea:focus-visible {
      outline: none;
      box-shadow: none;
    }
    textarea::placeholder {
      color: var(--_text-muted);
    }
    .composer-bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 4px 8px 8px 12px;
    }
    .hint {
      color: var(--_text-muted);
      font-size: 12px;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    /* A narrow composer (a phone, 720–900 px, 200% zoom): the hint gets a line of its own under the
       tools and Send (it was cut to "Enter to send, Shift+E…", in Dutch to "Enter om te …"). */
    @container composer (max-width: 640px) {
      .composer-bar {
        flex-wrap: wrap;
        row-gap: 2px;
      }
      .composer-bar .hint {
        order: 1;
        flex: 1 1 100%;
        white-space: normal;
        line-height: 1.3;
      }
    }
    .read-only {
      margin: 0 16px 16px;
      padding: 12px 16px;
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text-muted);
      text-align: center;
    }

    .unsent {
      margin: -8px 16px 16px;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    .unsent-note {
      margin: 0;
      padding: 8px 12px 0;
      color: var(--_text-muted);
      font-size: 13px;
    }
    .unsent .unsent-text {
      padding: 4px 12px 10px;
      color: var(--_text);
    }
    .unsent:focus-within {
      border-color: var(--_accent);
    }

    .transfer-offer {
      margin: 0 16px 16px;
      padding: 12px 16px;
      border: 1px solid var(--_warning);
      border-radius: var(--_radius);
      background: var(--_warning-soft);
    }
    .transfer-title {
      margin: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .transfer-note {
      margin: 6px 0 0;
      color: var(--_text-muted);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      text-align: start;
    }
    .transfer-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 10px;
    }

    /* ---------------------------------------------------------------- empty / loading */
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 12px;
      height: 100%;
      min-height: 240px;
      padding: 32px;
      color: var(--_text-muted);
      text-align: center;
    }
    .empty p {
      margin: 0;
      max-width: 36ch;
    }
    .empty-icon {
      width: 56px;
      height: 44px;
      border-radius: 14px 14px 14px 4px;
      background: var(--_accent-soft);
      position: relative;
    }
    .empty-icon::after {
      content: '';
      position: absolute;
      inset: 16px 14px auto;
      height: 4px;
      border-radius: 2px;
      background: var(--_accent);
      box-shadow: 0 8px 0 var(--_accent);
      opacity: 0.6;
    }
    .skeleton {
      display: grid;
      gap: 12px;
      padding: 16px;
    }
    .sk {
      border-radius: var(--_radius);
      background: linear-gradient(90deg, var(--_surface), var(--_border), var(--_surface));
      background-size: 200% 100%;
      animation: shimmer 1.4s infinite linear;
    }
    .sk-header {
      height: 48px;
    }
    .sk-line {
      height: 36px;
      width: 60%;
    }
    .sk-line.short {
      width: 40%;
      justify-self: end;
    }
    @keyframes shimmer {
      to {
        background-position: -200% 0;
      }
    }
    .spinner {
      width: 12px;
      height: 12px;
      border: 2px solid var(--_border);
      border-top-color: var(--_accent);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }

    @media (forced-colors: active) {
      .bubble,
      .system-line {
        border: 1px solid CanvasText;
      }
    }
  `,
];
