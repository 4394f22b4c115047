import type { ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { ChatService } from '../service/chat-service.js';
import type { PersonSearch, PersonSearchState } from '../service/person-search.js';
import { ConnectedController } from './connected-controller.js';

/**
 * Owns one `PersonSearch` of the host's chat service while the host is connected: makes it
 * when the service arrives (or changes), follows its state, and disposes of it when the host is
 * disconnected, so no timer or pending response outlives the element.
 */
export class PersonSearchController extends ConnectedController {
  /** The search's newest state (`undefined` without a service). */
  value: PersonSearchState | undefined;

  private search: PersonSearch | undefined;
  private owner: ChatService | undefined;
  private subscription: Subscription | undefined;

  /**
   * @param host the element
   * @param service the host's current chat service
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly service: () => ChatService | undefined,
  ) {
    super();
    host.addController(this);
  }

  /** Set the query (every keystroke); the search runs after the debounce. */
  setQuery(query: string): void {
    this.search?.setQuery(query);
  }

  /** Search now (Enter). */
  flush(): void {
    this.search?.flush();
  }

  /** Clear query and results. */
  clear(): void {
    this.search?.clear();
  }

  protected sync(): void {
    const service = this.service();
    if (service === this.owner && this.search) return;
    this.stop();
    this.owner = service;
    if (!service || service.isDisposed) return;
    this.search = service.createPersonSearch();
    let syncing = true;
    this.subscription = this.search.state$.subscribe((value) => {
      this.value = value;
      if (!syncing) this.host.requestUpdate();
    });
    syncing = false;
  }

  protected stop(): void {
    this.subscription?.unsubscribe();
    this.search?.dispose();
    this.subscription = undefined;
    this.search = undefined;
    this.owner = undefined;
    this.value = undefined;
  }
}
