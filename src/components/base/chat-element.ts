import { consume } from '@lit/context';
import { msg } from '@lit/localize';
import { LitElement, type TemplateResult, html } from 'lit';
import { state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import { chatServiceContext } from '../../context/chat-service-context.js';
import { ObserveController } from '../../controllers/observe-controller.js';
import { type ChatEventDetails, type ChatEventName, dispatchChatEvent } from '../../events.js';
import type { ChatService } from '../../service/chat-service.js';
import type { DisplaySettings } from '../../service/state.js';

/**
 * Base class of the chat elements: receives the `ChatService` from the nearest provider through
 * context, follows its observables with {@link ObserveController}s, and renders a short
 * explanation instead of failing when no provider is above it.
 */
export class ChatElement extends LitElement {
  /** The service received through context (see {@link ChatElement.service}). */
  @consume({ context: chatServiceContext, subscribe: true })
  @state()
  private contextService?: ChatService;

  /**
   * The chat service, from the nearest `<chat-provider>` (or `<chat-screen>` with inputs).
   * An accessor, so an element that can also provide a service itself (`<chat-screen>`) can
   * override it with a public input without fighting the context consumer over one field.
   */
  protected get service(): ChatService | undefined {
    return this.contextService;
  }

  private readonly displayState = this.observe(() => this.service?.select((s) => s.display));

  /** The agent's locale and time zone (from the service; English and the browser's zone before). */
  protected get display(): DisplaySettings {
    return this.displayState.value ?? { locale: 'en', timeZone: undefined };
  }

  /**
   * Follow an observable of the service. Re-subscribes when the service or any extra
   * dependency changes.
   */
  protected observe<T>(source: () => Observable<T> | undefined, deps: () => readonly unknown[] = () => []): ObserveController<T> {
    return new ObserveController<T>(this, () => [this.service, ...deps()], source);
  }

  /** Fire a public chat event from this element. @returns false when cancelled */
  protected emit<K extends ChatEventName>(name: K, detail: ChatEventDetails[K], cancelable = false): boolean {
    return dispatchChatEvent(this, name, detail, { cancelable });
  }

  /**
   * Run a service command for a user action. Failures are already in service state (notices,
   * failed messages) and reach the host as `chat-error`, so they are not rethrown here.
   */
  protected async run<T>(command: Promise<T> | (() => Promise<T> | T)): Promise<T | undefined> {
    try {
      return await (typeof command === 'function' ? command() : command);
    } catch {
      return undefined;
    }
  }

  /** The explanation shown when no chat service is provided above the element. */
  protected renderNoService(): TemplateResult {
    return html`<div class="no-service" role="note" part="no-service">
      ${msg('No chat service: place this element inside <chat-provider> or <chat-screen>.')}
    </div>`;
  }
}
