import { svg } from 'lit';

/** The session list's own decorative icons (aria-hidden; the text beside them carries the meaning). */
export const queueIcon = svg`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="5.5" cy="5" r="2.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M1.5 13.5c.5-2.6 2-4 4-4s3.5 1.4 4 4" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/><path d="M11 4.5h3.5M11 8h3.5M12 11.5h2.5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;
export const chatIcon = svg`<svg class="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4h0A1.5 1.5 0 0 1 4 14.5z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8.5 8.5h7M8.5 11.5h4.5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;
