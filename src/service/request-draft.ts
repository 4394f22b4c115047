import type { CreateRequestInput } from '../backend/adapter.js';
import type { MessageView } from '../model/message.js';
import type { ChatState } from './state.js';

/** Longest pre-filled request title, in characters. */
const TITLE_MAX = 80;

/**
 * A request form pre-filled from a chat: the title from the customer's first message (at most 80
 * characters, cut at a word), the category from the chat's channel name, priority `medium`, no
 * extra text. Source: service state (session, loaded history, channels).
 */
export function requestDraft(state: ChatState, sessionId: string): CreateRequestInput {
  const session = state.sessions[sessionId];
  const items: readonly MessageView[] = state.histories[sessionId]?.items ?? [];
  const first = items.find((m) => m.kind === 'from-customer' && m.text.trim())?.text ?? session?.lastMessage?.text ?? '';
  const line = first.replace(/\s+/g, ' ').trim();
  let title = line;
  if (Array.from(line).length > TITLE_MAX) {
    const cut = Array.from(line).slice(0, TITLE_MAX - 1).join('');
    const space = cut.lastIndexOf(' ');
    title = `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return {
    title: title || session?.customer.name || '',
    category: (session && state.channels[session.channelId]?.name) || '',
    priority: 'medium',
    text: '',
  };
}
