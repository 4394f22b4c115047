import type { ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';
import { ConnectedController } from './connected-controller.js';

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
export class ObserveController<T> extends ConnectedController {
  /** The newest value, or `undefined` before the first one. */
  value: T | undefined;

  private subscription: Subscription | undefined;
  private deps: readonly unknown[] | undefined;
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
    super();
    host.addController(this);
  }

  protected sync(): void {
    const deps = this.dependencies();
    if (this.subscription && this.deps && sameDeps(this.deps, deps)) return;
    this.stop();
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

  protected stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.deps = undefined;
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
