import type { ReactiveController } from 'lit';

/**
 * The lifecycle shared by the controllers that hold something of the chat service for an element
 * (a subscription, a session watch, a person search): {@link ConnectedController.sync} runs on
 * connect and on every host update, but only while the host is in the page, and
 * {@link ConnectedController.stop} runs when it leaves. So an update that runs after the element
 * was removed (a value that arrived just before) can never take a new subscription, and a move in
 * the DOM (disconnect then connect) ends with exactly one.
 *
 * A subclass calls `host.addController(this)` at the end of its own constructor, after its fields
 * are set (Lit calls `hostConnected` at once when the host is already connected).
 */
export abstract class ConnectedController implements ReactiveController {
  /** Whether the host is in the page. */
  protected connected = false;

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    if (this.connected) this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  /** Take (or keep, when its inputs are unchanged) what the controller holds; called only while connected. */
  protected abstract sync(): void;

  /** Release what the controller holds (the host left the page). */
  protected abstract stop(): void;
}
