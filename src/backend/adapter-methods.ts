import type { ChatBackendAdapter } from './adapter.js';

/** The method names of {@link ChatBackendAdapter} (its members that are functions). */
export type ChatBackendMethod = {
  [K in keyof ChatBackendAdapter]-?: NonNullable<ChatBackendAdapter[K]> extends (...args: never[]) => unknown ? K : never;
}[keyof ChatBackendAdapter];

/**
 * Every method of {@link ChatBackendAdapter}, each marked `required` or `optional` as the interface
 * declares it. The type is derived from the interface, so TypeScript refuses this object when a
 * method is added, removed, renamed or made optional without it changing here too: it is the one
 * list the service's adapter check and the conformance suite read (see `ADAPTER_METHODS`).
 */
const METHODS: {
  readonly [K in ChatBackendMethod]-?: {} extends Pick<ChatBackendAdapter, K> ? 'optional' : 'required';
} = {
  getSnapshot: 'required',
  getMessages: 'required',
  listenIn: 'required',
  answer: 'required',
  takeNextInQueue: 'required',
  sendMessage: 'required',
  markRead: 'required',
  endSession: 'required',
  setTyping: 'required',
  setPresence: 'required',
  requestTransfer: 'required',
  acceptTransfer: 'required',
  rejectTransfer: 'required',
  cancelTransfer: 'required',
  findPersonCandidates: 'required',
  searchPersons: 'required',
  getPersonDetails: 'required',
  linkPerson: 'required',
  getChatTranscript: 'required',
  createPerson: 'required',
  createCompany: 'required',
  createRequest: 'required',
  listFaqs: 'required',
  listReplyTemplates: 'required',
  listQuickReplies: 'required',
  createQuickReply: 'required',
  updateQuickReply: 'required',
  deleteQuickReply: 'required',
  uploadFile: 'required',
};

/** The names of the methods every adapter must have (all of {@link ChatBackendAdapter}'s non-optional ones). */
export const ADAPTER_METHODS: readonly ChatBackendMethod[] = methodsMarked('required');

/** The names of the methods an adapter may leave out (none today). */
export const OPTIONAL_ADAPTER_METHODS: readonly ChatBackendMethod[] = methodsMarked('optional');

function methodsMarked(mark: 'required' | 'optional'): ChatBackendMethod[] {
  return (Object.keys(METHODS) as ChatBackendMethod[]).filter((name) => (METHODS[name] as string) === mark);
}
