/**
 * When "End chat" asks before ending (DOM-free): the customer wrote last and has had no answer, or
 * the agent's composer holds a reply that was not sent.
 */
import { expect } from '@open-wc/testing';
import { type ChatSession, endChatConcerns } from '../../src/model/session.js';

function session(patch: Partial<ChatSession>): ChatSession {
  return {
    id: 'S1',
    channelId: 'sales',
    status: 'ongoing',
    customer: { name: 'Mira Okafor' },
    agentId: 'a1',
    createdAt: '2026-11-30T08:00:00Z',
    unreadCount: 0,
    lastSeq: 2,
    requestIds: [],
    customerTyping: false,
    ...patch,
  } as ChatSession;
}

const agentLast = session({ lastMessage: { kind: 'to-customer', text: 'It arrives today.', sentAt: '2026-11-30T08:05:00Z' } });
const customerLast = session({ lastMessage: { kind: 'from-customer', text: 'Are you there?', sentAt: '2026-11-30T08:06:00Z' } });

describe('endChatConcerns', () => {
  it('nothing to ask when the agent wrote last and the composer is empty or blank', () => {
    expect(endChatConcerns(agentLast)).to.deep.equal([]);
    expect(endChatConcerns(agentLast, '')).to.deep.equal([]);
    expect(endChatConcerns(agentLast, '  \n\t ')).to.deep.equal([]);
  });

  it('asks when the customer wrote last', () => {
    expect(endChatConcerns(customerLast)).to.deep.equal(['unanswered']);
  });

  it('asks when the composer holds a reply that was not sent, also after the agent wrote last', () => {
    expect(endChatConcerns(agentLast, 'One more thing')).to.deep.equal(['unsent-reply']);
  });

  it('names both when the customer wrote last and a reply was not sent, the unanswered customer first', () => {
    expect(endChatConcerns(customerLast, 'I am checking')).to.deep.equal(['unanswered', 'unsent-reply']);
  });
});
