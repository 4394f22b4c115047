/**
 * The values of a form as the agent typed them: field name → text (a `<select>` or radio group
 * gives its chosen value). All strings, so any form can keep them.
 */
export type FormValues = Readonly<Record<string, string>>;

/**
 * Unsaved typed input of the chat screen's forms ("Create request", "Transfer chat", "Create
 * quick reply", "Create person", "Create company", …), kept per chat session and form while the
 * service lives, so that closing a form (Escape, Cancel, switching chats) never throws typed
 * input away. DOM-free, like the composer draft; held by `ChatService` (see
 * `ChatService.formDraft`). A draft equal to the form's defaults is no draft.
 */
export class FormDrafts {
  private readonly drafts = new Map<string, Map<string, FormValues>>();

  /** The kept values of `form` in a session, or `undefined` when there are none. */
  get(sessionId: string, form: string): FormValues | undefined {
    return this.drafts.get(sessionId)?.get(form);
  }

  /**
   * Keep the values of `form` in a session; values equal to `defaults` (the form as it opens
   * without a draft) drop the draft instead.
   */
  set(sessionId: string, form: string, values: FormValues, defaults: FormValues): void {
    const keys = new Set([...Object.keys(values), ...Object.keys(defaults)]);
    const same = [...keys].every((key) => (values[key] ?? '') === (defaults[key] ?? ''));
    if (same) {
      this.discard(sessionId, form);
      return;
    }
    let forms = this.drafts.get(sessionId);
    if (!forms) this.drafts.set(sessionId, (forms = new Map()));
    forms.set(form, { ...values });
  }

  /** Drop the kept values of `form` in a session (the agent discarded them, or the form was saved). */
  discard(sessionId: string, form: string): void {
    const forms = this.drafts.get(sessionId);
    if (!forms) return;
    forms.delete(form);
    if (!forms.size) this.drafts.delete(sessionId);
  }
}
