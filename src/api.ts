/**
 * The public API without the element classes, the fault injector and the demo backend: the
 * service, the adapter contract, errors, the provider, context, events and localization. The npm
 * entry (`index.ts`) re-exports it with those; the CDN entry (`cdn.ts`) re-exports it as is and
 * loads the elements, the fault injector and the demo backend on demand.
 */
export type * from './model/index.js';
export { sessionPhase } from './model/session.js';
export type {
  BackendCapabilities,
  BackendEvent,
  BackendSnapshot,
  ChatBackendAdapter,
  CreateCompanyInput,
  CreatePersonInput,
  CreateRequestInput,
  SendMessageInput,
  UploadOptions,
} from './backend/adapter.js';
export { ADAPTER_METHODS, OPTIONAL_ADAPTER_METHODS, type ChatBackendMethod } from './backend/adapter-methods.js';
export type {
  ChatCommandName,
  FaultControl,
  FaultOptions,
  FaultStats,
  FaultyAdapter,
  PerCommand,
} from './backend/fault-injection.js';
export { ChatBackendError, isChatError, toChatError, type ChatErrorCode } from './backend/errors.js';
export {
  ChatService,
  dashboardStatsOf,
  mergeMessages,
  warningsOf,
  type ChatServiceError,
  type ChatServiceOptions,
} from './service/chat-service.js';
export type {
  ChatNotice,
  ChatState,
  DisplaySettings,
  HistoryStatus,
  LoadStatus,
  PersonContext,
  SessionHistory,
  Transcript,
} from './service/state.js';
export { historyStatus } from './service/state.js';
export * from './service/selectors.js';
export { transferTargets, type TransferTarget } from './service/transfer-targets.js';
export { type TransferOffer, chatsBadgeCount, isOfferedToMe, transferOfferKey, transferOffersOf } from './service/transfer-offers.js';
export * from './service/stats.js';
export * from './service/warnings.js';
export * from './service/channel-selection.js';
export * from './service/alert-preferences.js';
export type { ListenIn, ListenInView } from './service/listen-in.js';
export * from './service/person-rules.js';
export { PersonSearch, type PersonSearchOptions, type PersonSearchState } from './service/person-search.js';
export { checkFile, fileTypeAllowed, type UploadView } from './service/uploads.js';
export { requestDraft } from './service/request-draft.js';
export { unsentReply, type UnsentReason, type UnsentReply } from './service/unsent-reply.js';
export {
  countUnsentFiles,
  endChatCheck,
  transferCheck,
  type EndChatCheck,
  type LeaveCheck,
  type TransferCheck,
} from './service/leave-check.js';
export {
  MemorySnippetPreferenceStorage,
  fillTemplate,
  snippetInsertText,
  type Snippet,
  type SnippetPreferenceStorage,
  type SnippetPreferences,
  type SnippetSource,
  type SnippetsState,
  type TemplateValues,
} from './service/snippets.js';
export type { SnippetFilter, SnippetGroup } from './service/snippet-search.js';
export { FakeClock, systemClock, type ChatClock, type TimerHandle } from './service/clock.js';
export { chatServiceContext } from './context/chat-service-context.js';
export { ChatProvider } from './context/chat-provider.js';
export { ObserveController } from './controllers/observe-controller.js';
export { dispatchChatEvent, type ChatEvent, type ChatEventDetails, type ChatEventName } from './events.js';
export { setChatLocale, getChatLocale, resolveChatLocale, type ChatLocale } from './i18n/localization.js';
export { defineElement } from './utils/define-element.js';
