export type * from './common.js';
export type * from './channel.js';
export type * from './agent.js';
export type * from './message.js';
export type * from './crm.js';
export type { ChatCustomer, ChatSession, EndChatConcern, EndedBy, LastMessagePreview, PendingTransfer, SessionPhase, SessionStatus, TransferConcern } from './session.js';
export { endChatConcerns, sessionPhase, transferConcerns } from './session.js';
