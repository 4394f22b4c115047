import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Follows an Observable for an element: subscribes while the host is connected and its
 * dependencies are set, re-subscribes when they change, unsubscribes when the host is
 * disconnected, and asks the host to update on every new value. Moving the host in the DOM
 * leaves exactly one subscription.
 *
 * ```ts
 * private readonly queue = new ObserveController(this, () => [this.service], () => this.service?.queue$);
 * render() { return html`${this.queue.value?.length ?? 0}`; }
 * ```
 */
export class ObserveController<T> implements ReactiveController {
  /** The newest value, or `undefined` before the first one. */
  value: T | undefined;

  private subscription: Subscription | undefined;
  private deps: readonly unknown[] | undefined;
  private connected = false;
  private syncing = false;

  /**
   * @param host the element
   * @param dependencies values the observable depends on (e.g. the service, a session id)
   * @param source makes the observable from the current dependencies; `undefined` for none
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly dependencies: () => readonly unknown[],
    private readonly source: () => Observable<T> | undefined,
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
    this.unsubscribe();
  }

  private sync(): void {
    if (!this.connected) return;
    const deps = this.dependencies();
    if (this.subscription && this.deps && sameDeps(this.deps, deps)) return;
    this.unsubscribe();
    this.deps = deps;
    const observable = this.source();
    this.value = undefined;
    if (!observable) return;
    this.syncing = true;
    this.subscription = observable.subscribe((value) => {
      this.value = value;
      if (!this.syncing) this.host.requestUpdate();
    });
    this.syncing = false;
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.deps = undefined;
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
