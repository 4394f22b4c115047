import type { ArchivedChat } from './crm.js';
import type { ChatMessage } from '../../../model/message.js';

/** Opening question, agent answer and customer follow-up of an archived chat (English). */
const ENGLISH: readonly (readonly [string, string, string])[] = [
  ['Hi, I have a question about my last invoice.', 'Of course, could you give me the invoice number?', 'It is INV-2291, the amount looks too high.'],
  ['Hello, my order has not arrived yet.', 'Sorry to hear that. Let me check the delivery status for you.', 'Thank you, it was due on Monday.'],
  ['Can I change the delivery address of my order?', 'Yes, as long as it has not been shipped. What is the new address?', 'It should go to our office instead.'],
  ['Good morning, how do I reset my password?', 'I have sent you a reset link by e-mail just now.', 'Got it, logging in now.'],
];

/** The same for Dutch channels. */
const DUTCH: readonly (readonly [string, string, string])[] = [
  ['Hallo, ik heb een vraag over mijn factuur.', 'Natuurlijk, wat is het factuurnummer?', 'Het is INV-3310, het bedrag klopt niet.'],
  ['Goedemiddag, mijn bestelling is nog niet binnen.', 'Vervelend! Ik kijk de verzendstatus voor u na.', 'Dank u, hij zou dinsdag komen.'],
  ['Kan ik mijn bestelling nog annuleren?', 'Ja, hij is nog niet verzonden. Ik annuleer hem voor u.', 'Fijn, graag.'],
];

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/**
 * The read-only transcript of an archived demo chat: a short exchange chosen deterministically by
 * the chat's id (Dutch for the `webshop-nl` channel), ending with the chat's last message and a
 * "closed by agent" line at `endedAt`.
 */
export function archivedTranscript(chat: ArchivedChat, customerName: string, agentName: string): ChatMessage[] {
  const lines = chat.channelId === 'webshop-nl' ? DUTCH : ENGLISH;
  const [opening, answer, followUp] = lines[hash(chat.id) % lines.length]!;
  const start = Date.parse(chat.createdAt);
  const end = chat.endedAt ? Date.parse(chat.endedAt) : start + 10 * 60_000;
  const step = Math.max(1000, Math.floor((end - start) / 6));
  const parts: [ChatMessage['kind'], string][] = [
    ['from-customer', opening],
    ['to-customer', answer],
    ['from-customer', followUp],
    ['to-customer', chat.channelId === 'webshop-nl' ? 'Dat is geregeld. Kan ik nog iets voor u doen?' : 'That is sorted. Is there anything else I can do?'],
    ['from-customer', chat.lastMessageText ?? '👍'],
  ];
  const messages: ChatMessage[] = parts.map(([kind, text], i) => ({
    id: `${chat.id}-m${i + 1}`,
    sessionId: chat.id,
    seq: i + 1,
    kind,
    text,
    authorName: kind === 'from-customer' ? customerName : agentName,
    ...(kind === 'to-customer' && chat.agentId ? { agentId: chat.agentId } : {}),
    sentAt: new Date(start + i * step).toISOString(),
    attachments: [],
  }));
  messages.push({
    id: `${chat.id}-m${parts.length + 1}`,
    sessionId: chat.id,
    seq: parts.length + 1,
    kind: 'system',
    systemEvent: 'closed-by-agent',
    text: `${agentName} closed the chat.`,
    authorName: '',
    sentAt: new Date(end).toISOString(),
    attachments: [],
  });
  return messages;
}
