import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';
import { loadFailureStyles } from '../shared/lazy-part.js';
import { avatarStyles } from '../shared/avatar.js';

export const styles = [
  tokens,
  avatarStyles,
  loadFailureStyles,
  css`
    :host {
      display: block;
      height: 100%;
      min-height: 0;
      min-width: 0;
      overflow-y: auto;
      background: var(--_surface);
    }
    .panel {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 12px;
      min-width: 0;
    }
    .card {
      background: var(--_surface-raised);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 14px;
      min-width: 0;
    }
    .card.error {
      border-color: var(--_danger);
      background: var(--_danger-soft);
    }
    .card.error p {
      margin: 0 0 12px;
    }
    .card-title {
      margin: 0 0 12px;
      font-size: 13px;
      font-weight: 600;
      color: var(--_text-muted);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .identity {
      display: flex;
      align-items: center;
      gap: 12px;
      min-width: 0;
    }
    .identity-text {
      min-width: 0;
      flex: 1;
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
    .title {
      color: var(--_text-muted);
      font-size: 13px;
      overflow-wrap: anywhere;
    }
    .company {
      color: var(--_text-muted);
      font-size: 13px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .facts {
      display: grid;
      gap: 6px;
      margin: 16px 0 0;
    }
    .fact {
      display: grid;
      grid-template-columns: minmax(72px, max-content) minmax(0, 1fr);
      gap: 12px;
      font-size: 13px;
    }
    .fact dt {
      color: var(--_text-muted);
    }
    .fact dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    a {
      color: var(--_accent);
      text-decoration: none;
      border-radius: 2px;
    }
    a:hover {
      text-decoration: underline;
    }
    .card-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 16px;
    }
    .card-title + .card-actions {
      margin-top: 0;
    }

    /* ---------------------------------------------------------------- sections */
    .section {
      padding: 0;
    }
    summary {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      cursor: pointer;
      list-style: none;
      font-weight: 600;
      border-radius: var(--_radius);
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary::before {
      content: '';
      width: 6px;
      height: 6px;
      border-right: 2px solid var(--_text-muted);
      border-bottom: 2px solid var(--_text-muted);
      transform: rotate(-45deg);
      transition: transform 0.15s;
      flex: none;
    }
    details[open] > summary::before {
      transform: rotate(45deg);
    }
    summary:hover {
      background: var(--_surface);
    }
    .section-title {
      flex: 1;
    }
    .count {
      min-width: 20px;
      padding: 0 6px;
      border-radius: 10px;
      background: var(--_surface);
      color: var(--_text-muted);
      font-size: 12px;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .records {
      list-style: none;
      margin: 0;
      padding: 0 8px 8px;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 2px;
    }
    .records > li {
      min-width: 0;
    }
    .record {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 8px;
      border: 0;
      border-radius: var(--_radius-small);
      background: none;
      text-align: start;
      cursor: pointer;
      min-width: 0;
    }
    .record:hover {
      background: var(--_surface);
    }
    .record.static {
      cursor: default;
    }
    .record.static:hover {
      background: none;
    }
    .record-main {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-width: 0;
    }
    .record-kicker {
      font-size: 12px;
      color: var(--_text-muted);
      font-variant-numeric: tabular-nums;
    }
    .record-title,
    .record-quote {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .record-sub {
      color: var(--_text-muted);
      font-size: 12px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .record-quote {
      font-size: 13px;
      text-align: start;
    }
    .amount {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      white-space: nowrap;
    }
    .status-pill {
      flex: none;
      padding: 1px 8px;
      border-radius: 999px;
      font-size: 12px;
      font-weight: 500;
      background: var(--_accent-soft);
      color: var(--_accent);
    }
    .status-pill.in-progress {
      background: var(--_warning-soft);
      color: var(--_warning);
    }
    .status-pill.closed {
      background: var(--_surface);
      color: var(--_text-muted);
    }
    .none {
      margin: 0;
      padding: 0 16px 12px;
      color: var(--_text-muted);
      font-size: 13px;
    }
    .card .none {
      padding: 0;
    }
    .section .none {
      padding: 0 16px 12px;
    }

    /* ---------------------------------------------------------------- candidates */
    .candidates {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 8px;
    }
    .candidate {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      padding: 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      min-width: 0;
    }
    .candidate-text {
      flex: 1;
      min-width: 0;
    }
    .candidate-name {
      font-weight: 600;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .match {
      display: inline-block;
      margin-top: 4px;
      padding: 0 6px;
      border-radius: 999px;
      background: var(--_accent-soft);
      color: var(--_accent);
      font-size: 11px;
      font-weight: 500;
    }
    .btn.small {
      min-height: 28px;
      padding: 0 10px;
      font-size: 13px;
    }

    /* ---------------------------------------------------------------- inputs */
    input {
      font: inherit;
      font-weight: 400;
      min-height: 32px;
      padding: 4px 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_bg);
      color: var(--_text);
      min-width: 0;
    }
    input:focus-visible {
      border-color: var(--_accent);
    }
    input.search {
      width: 100%;
      box-sizing: border-box;
    }
    .search-status {
      margin: 6px 0 0;
      min-height: 1em;
      color: var(--_text-muted);
      font-size: 12px;
    }
    .search-status:empty {
      margin: 0;
      min-height: 0;
    }
    /* A failed panel action: stays in view at the top of the scrolling panel. */
    .action-error {
      position: sticky;
      top: 0;
      z-index: 1;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 10px;
      border: 1px solid var(--_danger);
      border-radius: var(--_radius-small);
      background: var(--_danger-soft);
      color: var(--_danger);
    }
    .action-error[hidden] {
      display: none;
    }
    .action-error span {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }

    /* ---------------------------------------------------------------- transcript */
    .chevron {
      flex: none;
      width: 8px;
      height: 8px;
      border-inline-end: 2px solid var(--_text-muted);
      border-block-end: 2px solid var(--_text-muted);
      transform: rotate(45deg);
      margin-inline-end: 4px;
    }
    [aria-expanded='true'] > .chevron {
      transform: rotate(225deg);
    }
    .section > .facts {
      margin: 0;
      padding: 0 16px 14px;
    }
    .company-body {
      padding: 0 8px 14px;
    }
    .company-body .record-title {
      color: var(--_accent);
      font-weight: 500;
    }
    .company-body .facts {
      margin: 4px 0 0;
      padding: 0 8px;
    }
    .btn[aria-expanded='true'] {
      background: var(--_accent-soft);
      border-color: var(--_accent);
      color: var(--_accent);
    }

    .done {
      margin: 12px 0 0;
      color: var(--_success);
      font-size: 13px;
    }

    /* ---------------------------------------------------------------- empty / loading */
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 12px;
      height: 100%;
      min-height: 200px;
      padding: 32px 16px;
      color: var(--_text-muted);
      text-align: center;
    }
    .empty p {
      margin: 0;
      max-width: 30ch;
    }
    .empty-icon {
      width: 48px;
      height: 48px;
      border-radius: 50%;
      background: var(--_accent-soft);
      position: relative;
    }
    .empty-icon::after {
      content: '';
      position: absolute;
      left: 16px;
      top: 10px;
      width: 16px;
      height: 16px;
      border-radius: 50%;
      background: var(--_accent);
      opacity: 0.5;
      box-shadow: 0 18px 0 4px var(--_accent);
    }
    .empty-icon {
      overflow: hidden;
    }
    .skeleton {
      display: grid;
      gap: 12px;
    }
    .sk-row {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .sk {
      display: block;
      border-radius: var(--_radius-small);
      background: linear-gradient(90deg, var(--_surface), var(--_border), var(--_surface));
      background-size: 200% 100%;
      animation: shimmer 1.4s infinite linear;
    }
    .sk-avatar {
      width: 48px;
      height: 48px;
      border-radius: 50%;
      flex: none;
    }
    .sk-line {
      height: 14px;
      width: 50%;
    }
    .sk-line.wide {
      width: 80%;
    }
    @keyframes shimmer {
      to {
        background-position: -200% 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .sk {
        animation: none;
      }
    }
  `,
];
