import { svg } from 'lit';

/**
 * The warning icon the session rows and the dashboard share (decorative, aria-hidden; the text
 * beside it carries the meaning). In the CDN entry, as both elements need it; the list's own icons
 * are in list-icons.ts, in the list's file.
 */
export const warningIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M8 1.8 15 14H1L8 1.8z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6.2v3.6M8 11.8v.1" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>`;
