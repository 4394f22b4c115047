import type { ReactiveControllerHost } from 'lit';
import { ConnectedController } from '../../controllers/connected-controller.js';
import type { ChatService } from '../../service/chat-service.js';

/**
 * Keeps exactly one `service.watchSession(id)` open for the session an element shows, while the
 * element is connected: released when the session or service changes and when the element
 * leaves the page, taken again when it comes back (a move in the DOM keeps one watch).
 */
export class SessionWatchController extends ConnectedController {
  private release: (() => void) | undefined;
  private watched: { service: ChatService; id: string } | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => { service: ChatService | undefined; id: string | null },
  ) {
    super();
    host.addController(this);
  }

  protected sync(): void {
    const { service, id } = this.target();
    if (this.watched && this.watched.service === service && this.watched.id === id) return;
    this.stop();
    if (!service || !id) return;
    this.watched = { service, id };
    this.release = service.watchSession(id);
  }

  protected stop(): void {
    this.release?.();
    this.release = undefined;
    this.watched = undefined;
  }
}
