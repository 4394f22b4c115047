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
 *
 * The theme tokens below (src/styles/tokens.ts) are read by every chat element, so each element
 * lists them (inherited). Set them on the element or any ancestor; the colour defaults follow
 * `color-scheme` (`light-dark()`): `color-scheme: dark` on the page or element gives the dark theme.
 *
 * @cssprop [--chat-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Font of all text.
 * @cssprop [--chat-font-size=14px] - Base font size; other sizes are set in px next to it.
 * @cssprop [--chat-radius=8px] - Corner radius of cards, panels and dialogs.
 * @cssprop [--chat-radius-small=4px] - Corner radius of buttons, inputs and small items.
 * @cssprop [--chat-color-background=light-dark(#ffffff, #16181d)] - Background of the elements.
 * @cssprop [--chat-color-surface=light-dark(#f6f7f9, #1f2229)] - Background of panels, hovered rows and system lines.
 * @cssprop [--chat-color-surface-raised=light-dark(#ffffff, #262a33)] - Background of cards, buttons and dialogs.
 * @cssprop [--chat-color-border=light-dark(#e2e5ea, #343946)] - Border colour.
 * @cssprop [--chat-color-text=light-dark(#1c2330, #e7e9ee)] - Text colour.
 * @cssprop [--chat-color-text-muted=light-dark(#5d6675, #a3aab8)] - Secondary text (times, hints); keep 4.5:1 on the backgrounds. Also the track of the Present / Away switch when Away.
 * @cssprop [--chat-color-accent=light-dark(#2357d8, #7aa2ff)] - Primary buttons, links, badges, the selected row's marker.
 * @cssprop [--chat-color-accent-text=light-dark(#ffffff, #0d1324)] - Text on the accent colour; keep 4.5:1 against it.
 * @cssprop [--chat-color-accent-soft=light-dark(#e8eefc, #243150)] - Background of the selected row and soft highlights.
 * @cssprop [--chat-color-danger=light-dark(#c62828, #ff8a80)] - Errors, failed messages, "End chat now".
 * @cssprop [--chat-color-danger-text=light-dark(#ffffff, #16181d)] - Text on a danger fill ("End chat now"); keep 4.5:1 against `--chat-color-danger`.
 * @cssprop [--chat-color-danger-soft=light-dark(#fdecea, #4a2323)] - Background of error notes and failed messages.
 * @cssprop [--chat-color-warning=light-dark(#b45309, #fbbf24)] - Chats over their channel's limit.
 * @cssprop [--chat-color-warning-soft=light-dark(#fff4e0, #3d3015)] - Background of warnings.
 * @cssprop [--chat-color-success=light-dark(#1e7d45, #6fd69b)] - Success states (e.g. present; the track of the Present / Away switch when Present).
 * @cssprop [--chat-color-bubble-customer=light-dark(#f0f2f5, #2a2f3a)] - Background of the customer's message bubbles.
 * @cssprop [--chat-color-bubble-agent=light-dark(#2357d8, #3a5bb8)] - Background of the agent's message bubbles.
 * @cssprop [--chat-color-bubble-agent-text=#ffffff] - Text colour of the agent's message bubbles.
 * @cssprop [--chat-focus-ring=0 0 0 2px background, 0 0 0 4px accent] - Focus indicator (a `box-shadow` value).
 * @cssprop [--chat-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 2px 8px rgb(0 0 0 / 0.06)] - Shadow of raised cards and dialogs.
 * @cssprop [--chat-color-backdrop=light-dark(rgb(15 20 30 / 0.45), rgb(0 0 0 / 0.6))] - Backdrop behind modal dialogs (Insert, Transfer, End chat, listen in, ...).
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
