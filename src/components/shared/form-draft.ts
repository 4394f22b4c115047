import { msg } from '@lit/localize';
import { type TemplateResult, html, nothing } from 'lit';
import type { FormValues } from '../../service/form-drafts.js';

/**
 * The values of a form's named fields, to keep as a draft (`ChatService.setFormDraft`): inputs,
 * text areas and selects by `name`; a radio group gives its checked value (`''` when none is);
 * disabled fields and buttons are left out.
 */
export function formValues(form: HTMLFormElement): FormValues {
  const values: Record<string, string> = {};
  for (const field of Array.from(form.elements)) {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) continue;
    if (!field.name || field.disabled) continue;
    if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
      if (!(field.name in values)) values[field.name] = '';
      if (field.checked) values[field.name] = field.value;
      continue;
    }
    values[field.name] = field.value;
  }
  return values;
}

/**
 * The values of the form an `input` or `change` event of it came from, to keep as a draft
 * (`ChatService.setFormDraft`); `null` once the form no longer takes input: it is out of the
 * document, or the `<dialog>` around it has closed. A focused field fires `change` when focus
 * leaves it, which can be after its dialog closed on a save (a click that does not move focus,
 * e.g. `button.click()` or Safari and Firefox on macOS): the draft the save dropped must not
 * come back. Every form that keeps typed input takes its values through this.
 */
export function keptFormValues(event: Event): FormValues | null {
  const form = event.currentTarget;
  if (!(form instanceof HTMLFormElement) || !form.isConnected) return null;
  const dialog = form.closest('dialog');
  if (dialog && !dialog.open) return null;
  return formValues(form);
}

/**
 * The "Discard changes" button of a form that keeps typed input per chat: shown only while the
 * form holds input the agent typed earlier or now (`changed`); `onDiscard` drops the draft
 * (`ChatService.discardFormDraft`) and puts the form back to its defaults.
 */
export function renderDiscardButton(changed: boolean, onDiscard: () => void): TemplateResult | typeof nothing {
  return changed ? html`<button type="button" class="btn ghost discard" @click=${onDiscard}>${msg('Discard changes')}</button>` : nothing;
}
