import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Subscription } from 'rxjs';
import type { ChatBackendAdapter } from '../backend/adapter.js';
import { ChatBackendError, toChatError } from '../backend/errors.js';
import { chatServiceContext } from '../context/chat-service-context.js';
import { dispatchChatEvent } from '../events.js';
import { setChatLocale } from '../i18n/localization.js';
import type { AlertPreferencesStorage } from '../service/alert-preferences.js';
import type { ChannelSelectionStorage } from '../service/channel-selection.js';
import { ChatService } from '../service/chat-service.js';

/** The inputs a service host reads from its element. */
export interface ServiceHostInputs {
  /** A ready service (used as is, never disposed by the host). */
  service?: ChatService;
  /** An adapter; the host builds and owns a service on it. */
  backend?: ChatBackendAdapter;
  /** Use the in-memory demo backend when neither service nor backend is given. */
  demo: boolean;
  /** The demo backend's current agent id. */
  agentId?: string;
  /** `en` or `nl`. */
  lang: string;
  /** IANA time zone for every shown time. */
  timeZone?: string;
  /** Where a service the host builds keeps the dashboard's channel selection (default: `localStorage`). */
  channelSelectionStorage?: ChannelSelectionStorage;
  /** Where a service the host builds keeps the dashboard's alert options (default: `localStorage`). */
  alertPreferencesStorage?: AlertPreferencesStorage;
}

/**
 * Fetches the demo backend's code (a separate chunk). Replaceable in tests to make the fetch fail,
 * as it does offline.
 */
export const demoBackendLoader = {
  load: () => import('../backend/in-memory/index.js'),
};

/**
 * Turns an element's inputs (`.service`, `.backend`, `demo`, `agent-id`, `lang`, `time-zone`) into
 * one `ChatService` provided to its descendants through Lit context, and re-fires the service's
 * failures, new queued chats, new warnings and new transfers offered to the agent as `chat-error` /
 * `chat-incoming` / `chat-warning` / `chat-transfer-offered` events on the element.
 * Services it built itself are disposed when the inputs change or the element leaves the page
 * (a move within the page keeps them). A service it builds uses the element's storages
 * (`channelSelectionStorage`, `alertPreferencesStorage`); changing a storage builds a new service.
 * When building the service fails (the demo backend's code cannot be fetched, or the backend or
 * service throws while being built), {@link ServiceHostController.loadError} holds the failure, a
 * `chat-error` is fired on the element and {@link ServiceHostController.retry} tries again.
 */
export class ServiceHostController implements ReactiveController {
  /** The service in effect, or undefined while none (or while the demo backend loads). */
  service: ChatService | undefined;

  /**
   * Why the service could not be built (the demo backend's code could not be fetched: `network`;
   * the backend or service threw while being built: its code, else `unknown`), or undefined.
   * Cleared by {@link ServiceHostController.retry} and by new inputs.
   */
  loadError: ChatBackendError | undefined;

  private provider: ContextProvider<typeof chatServiceContext> | undefined;
  private owned: ChatService | undefined;
  private ownedKey: readonly unknown[] | undefined;
  private events: Subscription | undefined;
  private connected = false;
  private demoLoad = 0;
  private lang: string | undefined;

  /**
   * @param host the element
   * @param inputs reads the element's current inputs
   * @param always provide even when no input is set (chat-provider); otherwise only when the
   *   element has inputs of its own (chat-screen, which otherwise consumes an ancestor's service)
   */
  constructor(
    private readonly host: ReactiveElement,
    private readonly inputs: () => ServiceHostInputs,
    private readonly always: boolean,
  ) {
    host.addController(this);
  }

  /** Whether the element provides a service itself (rather than using an ancestor's). */
  get providing(): boolean {
    const i = this.inputs();
    return this.always || !!i.service || !!i.backend || i.demo;
  }

  hostConnected(): void {
    this.connected = true;
    this.refresh();
  }

  hostUpdate(): void {
    this.refresh();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopEvents();
    // A move (disconnect + connect in one task) keeps the owned service.
    queueMicrotask(() => {
      if (!this.connected) this.release();
    });
  }

  /** Build the service again after {@link ServiceHostController.loadError}; does nothing otherwise. */
  retry(): void {
    if (!this.loadError) return;
    this.loadError = undefined;
    this.ownedKey = undefined;
    this.refresh();
    this.host.requestUpdate();
  }

  private refresh(): void {
    if (!this.connected) return;
    const inputs = this.inputs();
    if (!this.providing) return;
    if (!this.provider) {
      this.provider = new ContextProvider(this.host, { context: chatServiceContext });
      this.provider.hostConnected();
    }
    const lang = inputs.lang || document.documentElement.lang || 'en';
    if (lang !== this.lang) {
      this.lang = lang;
      void setChatLocale(lang);
    }
    const next = this.resolve(inputs);
    if (next !== this.service) {
      this.service = next;
      this.provider.setValue(next, true);
      this.stopEvents();
      this.host.requestUpdate();
    }
    if (next) {
      next.setDisplay({ locale: lang, timeZone: inputs.timeZone || undefined });
      if (!this.events) this.startEvents(next);
    }
  }

  private resolve(inputs: ServiceHostInputs): ChatService | undefined {
    if (inputs.service) {
      this.release();
      return inputs.service;
    }
    const source = inputs.backend ?? (inputs.demo ? `demo:${inputs.agentId ?? ''}` : undefined);
    if (source === undefined) {
      this.release();
      return undefined;
    }
    const key = [source, inputs.channelSelectionStorage, inputs.alertPreferencesStorage] as const;
    const same = this.ownedKey !== undefined && key.every((part, i) => part === this.ownedKey![i]);
    if (this.owned && same) return this.owned;
    if (same) return undefined; // The demo backend is still loading.
    this.release();
    this.ownedKey = key;
    const storages = { selectionStorage: inputs.channelSelectionStorage, alertStorage: inputs.alertPreferencesStorage };
    if (inputs.backend) {
      try {
        this.owned = new ChatService({ backend: inputs.backend, ...storages });
      } catch (error) {
        this.failed(error);
      }
      return this.owned;
    }
    const load = ++this.demoLoad;
    demoBackendLoader
      .load()
      .catch((error: unknown) => {
        throw new ChatBackendError('network', 'The demo backend could not be loaded', { cause: error });
      })
      .then(({ InMemoryChatBackend }) => {
        if (load !== this.demoLoad || this.ownedKey !== key) return;
        // The demo includes a 10,000-message chat to try scrolling, pinning and paging.
        const backend = new InMemoryChatBackend({ longChatMessages: 10_000, ...(inputs.agentId ? { agentId: inputs.agentId } : {}) });
        let service: ChatService;
        try {
          service = new ChatService({ backend, ...storages });
        } catch (error) {
          backend.dispose();
          throw error;
        }
        const dispose = service.dispose.bind(service);
        service.dispose = () => {
          dispose();
          backend.dispose();
        };
        this.owned = service;
        this.host.requestUpdate();
      })
      .catch((error: unknown) => {
        if (load !== this.demoLoad || this.ownedKey !== key) return;
        this.failed(error);
      });
    return undefined;
  }

  /** Building the service failed: keep the failure for the element's error state and tell the host. */
  private failed(error: unknown): void {
    const chatError = toChatError(error);
    this.loadError = chatError;
    dispatchChatEvent(this.host, 'chat-error', { code: chatError.code, message: chatError.message, cause: chatError.cause ?? error });
    this.host.requestUpdate();
  }

  private release(): void {
    this.demoLoad++;
    this.loadError = undefined;
    this.owned?.dispose();
    this.owned = undefined;
    this.ownedKey = undefined;
    if (this.service && this.service.isDisposed) {
      this.service = undefined;
      this.provider?.setValue(undefined, true);
    }
  }

  private startEvents(service: ChatService): void {
    this.events = service.errors$.subscribe((error) => {
      dispatchChatEvent(this.host, 'chat-error', { code: error.code, message: error.message, cause: error.cause });
    });
    this.events.add(
      service.incoming$.subscribe((session) => {
        dispatchChatEvent(this.host, 'chat-incoming', { sessionId: session.id, channelId: session.channelId });
      }),
    );
    this.events.add(
      service.warning$.subscribe((w) => {
        dispatchChatEvent(this.host, 'chat-warning', {
          sessionId: w.sessionId,
          channelId: w.channelId,
          kind: w.kind,
          limitMinutes: w.limitMinutes,
          since: new Date(w.since).toISOString(),
        });
      }),
    );
    this.events.add(
      service.transferOffered$.subscribe((offer) => {
        dispatchChatEvent(this.host, 'chat-transfer-offered', {
          sessionId: offer.sessionId,
          fromAgentId: offer.fromAgentId,
          ...(offer.note ? { note: offer.note } : {}),
        });
      }),
    );
  }

  private stopEvents(): void {
    this.events?.unsubscribe();
    this.events = undefined;
  }
}
