import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatService } from '../../service/chat-service.js';

/**
 * Keeps exactly one `service.watchSession(id)` open for the session an element shows, while the
 * element is connected: released when the session or service changes and when the element
 * leaves the page, taken again when it comes back (a move in the DOM keeps one watch).
 */
export class SessionWatchController implements ReactiveController {
  private release: (() => void) | undefined;
  private watched: { service: ChatService; id: string } | undefined;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => { service: ChatService | undefined; id: string | null },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private sync(): void {
    if (!this.connected) return;
    const { service, id } = this.target();
    if (this.watched && this.watched.service === service && this.watched.id === id) return;
    this.stop();
    if (!service || !id) return;
    this.watched = { service, id };
    this.release = service.watchSession(id);
  }

  private stop(): void {
    this.release?.();
    this.release = undefined;
    this.watched = undefined;
  }
}
