/**
 * A long-running chat for the demo: one customer and the agent writing back and forth for weeks,
 * with invented text generated deterministically from the message's index (no stored list, no
 * randomness), so a 10,000-message history costs a few milliseconds to create.
 */

/** The customer of the long-running chat. */
export const LONG_CHAT_CUSTOMER = { name: 'Jonas Verbeek', email: 'jonas.verbeek@example.org' } as const;

const CUSTOMER_OPENERS = [
  'Quick question about',
  'Following up on',
  'Any news on',
  'I was looking at',
  'Could you check',
  'Thanks for the update on',
  'One more thing about',
  'Sorry to bother you again about',
];
const TOPICS = [
  'the invoice for March',
  'order 4471',
  'the delivery to our Utrecht office',
  'the contract renewal',
  'the discount we discussed',
  'the spare parts list',
  'the login problem on the portal',
  'the quote for twelve licences',
  'the return label',
  'our new shipping address',
];
const DETAILS = [
  'Our finance team needs it before Friday.',
  'The colleague who usually handles this is on holiday.',
  'I attached the screenshot to the email I sent yesterday.',
  'It would help if you could confirm the dates.',
  'We have had the same issue last month, so I want to make sure it is solved for good this time.',
  'No rush, but a short answer today would be great.',
  'Let me know if you need the reference number again; it is on the first page of the document.',
];
const AGENT_REPLIES = [
  'Let me check that for you.',
  'I have looked into it: everything is in order on our side.',
  'Thanks, I forwarded this to our logistics team and will get back to you.',
  'Good news: this has been processed today.',
  'I updated the record; you will receive a confirmation by email.',
  'Could you send me the reference number? Then I can find it right away.',
  'I understand. I have asked a colleague to call you tomorrow morning to go through the details together.',
];

/**
 * Message `i` (0 = oldest) of a long-running chat of `count` messages between `start` and `end`
 * (ms since epoch): who writes, the text (5 to about 300 characters) and when.
 */
export function longChatLine(i: number, count: number, start: number, end: number): { fromCustomer: boolean; text: string; at: number } {
  // A cheap integer hash of the index picks the pieces, so lines vary without randomness.
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  const fromCustomer = i % 3 !== 1;
  const at = start + Math.floor(((end - start) * i) / Math.max(1, count));
  let text: string;
  if (h % 11 === 0) text = fromCustomer ? 'Thanks!' : 'You are welcome.';
  else if (fromCustomer) {
    text = `${CUSTOMER_OPENERS[h % CUSTOMER_OPENERS.length]} ${TOPICS[(h >>> 4) % TOPICS.length]}.`;
    if (h % 3 === 0) text += ` ${DETAILS[(h >>> 8) % DETAILS.length]}`;
    if (h % 7 === 0) text += ` ${DETAILS[(h >>> 12) % DETAILS.length]}`;
  } else {
    text = AGENT_REPLIES[h % AGENT_REPLIES.length]!;
    if (h % 4 === 0) text += ` (ref. ${1000 + (i % 9000)})`;
  }
  return { fromCustomer, text, at };
}
