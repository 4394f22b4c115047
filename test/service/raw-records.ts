/** DOM-free test fixtures: records as an adapter gives them, before the service's data checks. */

/** A customer's message in session `s1`, as an adapter returns it; `over` replaces fields. */
export const rawMessage = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'm1',
  sessionId: 's1',
  seq: 1,
  kind: 'from-customer',
  text: 'Hello',
  authorName: 'Mira',
  sentAt: '2026-11-30T09:00:00Z',
  attachments: [],
  ...over,
});
