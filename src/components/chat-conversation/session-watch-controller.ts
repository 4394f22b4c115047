import type { ReactiveControllerHost } from 'lit';
import { ConnectedController } from '../../controllers/connected-controller.js';
import type { ChatService } from '../../service/chat-service.js';

/**
 * Keeps exactly one `service.watchSession(id)` open for the session an element shows, while the
 * element is connected: released when the session or service changes and when the element
 * leaves the page, taken again when it comes back (a move in the DOM keeps one watch).
 *
 * The watch keeps the session read only while the agent can see the element: it is rendered (not
 * inside a `hidden` / `display: none` ancestor, such as `<chat-screen>`'s Chats tab while the
 * Dashboard tab shows) and the browser tab is visible. Meanwhile new messages count as unread;
 * when the element shows again they are marked read. A ResizeObserver on the element and the
 * document's `visibilitychange` tell when that changes.
 */
export class SessionWatchController extends ConnectedController {
  private release: (() => void) | undefined;
  private watched: { service: ChatService; id: string; read: boolean } | undefined;
  private resizeObserver: ResizeObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => { service: ChatService | undefined; id: string | null },
  ) {
    super();
    host.addController(this);
  }

  override hostConnected(): void {
    this.resizeObserver ??= new ResizeObserver(this.onVisibilityChange);
    this.resizeObserver.observe(this.host);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    super.hostConnected();
  }

  override hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    super.hostDisconnected();
  }

  /** Whether the agent can see the element now: rendered, in a visible browser tab. */
  private get seen(): boolean {
    return document.visibilityState !== 'hidden' && this.host.getClientRects().length > 0;
  }

  private readonly onVisibilityChange = (): void => {
    if (this.connected) this.sync();
  };

  protected sync(): void {
    const { service, id } = this.target();
    const read = this.seen;
    const w = this.watched;
    if (w && w.service === service && w.id === id && w.read === read) return;
    // A new watch before the old one goes, so the history stays watched throughout.
    const previous = this.release;
    this.release = undefined;
    this.watched = undefined;
    if (service && id) {
      this.watched = { service, id, read };
      this.release = service.watchSession(id, { read });
    }
    previous?.();
  }

  protected stop(): void {
    this.release?.();
    this.release = undefined;
    this.watched = undefined;
  }
}
