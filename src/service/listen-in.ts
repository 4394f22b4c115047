import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { ChatBackendAdapter } from '../backend/adapter.js';
import { ChatBackendError, type ChatErrorCode, toChatError } from '../backend/errors.js';
import type { ChatMessage, MessageView } from '../model/message.js';
import type { ChatSession } from '../model/session.js';
import { checkEvent, checkList, checkMessage, checkPage, forSession } from './adapter-data.js';

/** What a listen-in view shows: the session and its messages, live, read-only. */
export interface ListenInView {
  readonly sessionId: string;
  /** The session as last pushed by the backend. */
  readonly session: ChatSession | undefined;
  /** Messages oldest first (the newest page when listening started, then every new one). */
  readonly messages: readonly MessageView[];
  /** `live` while the feed runs; `ended` when the chat ended or the view stopped; `error` when the feed failed. */
  readonly status: 'live' | 'ended' | 'error';
  /** Why the feed failed, when `status` is `error`. */
  readonly errorCode?: ChatErrorCode;
}

/**
 * A running listen-in on another agent's chat (see `ChatService.listenIn`). Read it through
 * {@link ListenIn.view$}; call {@link ListenIn.stop} when the view closes: it ends the backend
 * feed (its push-stream subscription) at once.
 */
export interface ListenIn {
  readonly sessionId: string;
  /** The live, read-only view; completes after {@link ListenIn.stop}. */
  readonly view$: Observable<ListenInView>;
  /** The current view. */
  readonly view: ListenInView;
  /** Stop listening: unsubscribes the backend feed. Safe to call more than once. */
  stop(): void;
}

/**
 * Opens the feed: subscribes to `backend.listenIn(sessionId)` first (so no message falls between
 * the page and the feed), then loads the newest page. Rejects with the adapter's error (e.g.
 * `not-permitted`), after closing the feed.
 *
 * What the feed and the page carry goes through the service's adapter data checks
 * (`adapter-data.ts`), as the agent's own events and histories do: missing optional fields get
 * their defaults (`text` `''`, `attachments` `[]`, ...); a message or event that cannot be shown
 * (no id, unknown kind, `sentAt` not ISO 8601, ...), or that is of another chat (`sessionId`), is
 * left out of the view and reported through `onInvalid` as a `ChatBackendError('invalid-input')`
 * naming the field. The feed goes on.
 * @param pageSize messages in the first page
 * @param onStop called once when the listen-in stops (the service forgets it)
 * @param onInvalid called with each `invalid-input` error for data left out, and the adapter call
 *   it came from (`listenIn` for the feed, `getMessages` for the page)
 */
export async function openListenIn(
  backend: ChatBackendAdapter,
  session: ChatSession,
  pageSize: number,
  onStop: (listen: ListenIn) => void,
  onInvalid: (error: ChatBackendError, source: 'listenIn' | 'getMessages') => void = () => undefined,
): Promise<ListenIn> {
  const sessionId = session.id;
  const subject = new BehaviorSubject<ListenInView>({
    sessionId,
    session,
    messages: [],
    status: session.status === 'ongoing' ? 'live' : 'ended',
  });
  const update = (change: Partial<ListenInView>) => {
    if (!subject.closed) subject.next({ ...subject.value, ...change });
  };
  const merge = (incoming: readonly MessageView[]) => {
    const known = new Set(subject.value.messages.map((m) => m.id));
    const added = incoming.filter((m) => !known.has(m.id));
    if (!added.length) return;
    update({ messages: [...subject.value.messages, ...added].sort((a, b) => a.seq - b.seq) });
  };
  let subscription: Subscription | undefined;
  let stopped = false;
  const listen: ListenIn = {
    sessionId,
    view$: subject.asObservable(),
    get view() {
      return subject.value;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      subscription?.unsubscribe();
      subscription = undefined;
      if (subject.value.status === 'live') update({ status: 'ended' });
      subject.complete();
      onStop(listen);
    },
  };
  let feedError: unknown;
  subscription = backend.listenIn(sessionId).subscribe({
    next: (raw) => {
      const event = checkEvent(raw, sessionId);
      if (event instanceof ChatBackendError) {
        onInvalid(event, 'listenIn');
        return;
      }
      if (event.type === 'session-updated' && event.session.id === sessionId) {
        update({ session: event.session, status: event.session.status === 'ongoing' ? 'live' : 'ended' });
      } else if (event.type === 'message' && event.message.sessionId === sessionId) {
        merge([{ ...event.message, status: 'sent' }]);
      }
    },
    error: (error: unknown) => {
      feedError = error;
      update({ status: 'error', errorCode: toChatError(error).code });
    },
  });
  try {
    if (feedError) throw feedError;
    const page = await backend.getMessages(sessionId, { limit: pageSize });
    const { items, error } = checkList<ChatMessage>('getMessages', page.messages, forSession(sessionId, checkMessage));
    if (error) onInvalid(error, 'getMessages');
    const pageError = checkPage(items, { limit: pageSize });
    if (pageError) onInvalid(pageError, 'getMessages');
    merge(items.map((m) => ({ ...m, status: 'sent' as const })));
  } catch (error) {
    listen.stop();
    throw toChatError(error);
  }
  return listen;
}
