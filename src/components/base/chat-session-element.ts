import { property } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import type { ObserveController } from '../../controllers/observe-controller.js';
import type { ChatService } from '../../service/chat-service.js';
import { ChatElement } from './chat-element.js';

/**
 * Base class of the elements that show one chat session: the one in their `session-id`
 * attribute, or else the one selected in the service (e.g. by `<chat-session-list>`), so they
 * follow the selection together.
 */
export class ChatSessionElement extends ChatElement {
  /**
   * Id of the session to show. When empty, the element follows the session selected in the
   * service (e.g. by `<chat-session-list>`).
   * Attribute: `session-id`. Default: `''` (follow the selection).
   */
  @property({ attribute: 'session-id', reflect: true }) sessionId = '';

  private readonly selectedId = this.observe(() => this.service?.selectedSessionId$);

  /** The shown session (service state), or `undefined` while none or unknown. */
  protected readonly session = this.observeSession((service, id) => service.session$(id));

  /** The id of the session shown: `session-id`, else the selected one, else null. */
  protected get currentId(): string | null {
    return this.sessionId || this.selectedId.value || null;
  }

  /** Follow an observable of the shown session; re-subscribes when the shown session changes. */
  protected observeSession<T>(source: (service: ChatService, sessionId: string) => Observable<T>): ObserveController<T> {
    return this.observe(
      () => (this.service && this.currentId ? source(this.service, this.currentId) : undefined),
      () => [this.currentId],
    );
  }
}
