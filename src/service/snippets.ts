import type { ChatErrorCode } from '../backend/errors.js';

/** Where an insertable text comes from: a published FAQ, a shared reply template, or the agent's own quick reply. */
export type SnippetSource = 'faq' | 'template' | 'quick-reply';

/** One thing the Insert picker offers, whatever its source. */
export interface Snippet {
  /** `<source>:<id>`, unique across sources (used for recently used and favourites). */
  readonly key: string;
  readonly source: SnippetSource;
  /** The record's id in its source. */
  readonly id: string;
  /** What the agent sees in the list: the FAQ question, the template or quick-reply name (when blank: the first line of the text, for an FAQ its link). */
  readonly title: string;
  /** The text (FAQ answer, template text with `{variables}`, quick-reply content). */
  readonly text: string;
  /** Folder within the source (quick replies have none: `''`). */
  readonly folder: string;
  /** Public URL (FAQs only). */
  readonly url?: string;
}

/** The agent's own choices in the picker, kept per agent. */
export interface SnippetPreferences {
  /** Keys of recently inserted snippets, newest first (at most 8). */
  readonly recent: readonly string[];
  /** Keys of favourite snippets, in the order they were marked. */
  readonly favourites: readonly string[];
}

/**
 * Where the picker's recently used and favourites are kept. The default keeps them in memory for
 * the service's life; a host can pass one backed by `localStorage` or its own settings store.
 */
export interface SnippetPreferenceStorage {
  load(agentId: string): SnippetPreferences | null;
  save(agentId: string, preferences: SnippetPreferences): void;
}

/** Keeps preferences in memory (per agent id). */
export class MemorySnippetPreferenceStorage implements SnippetPreferenceStorage {
  private readonly byAgent = new Map<string, SnippetPreferences>();
  load(agentId: string): SnippetPreferences | null {
    return this.byAgent.get(agentId) ?? null;
  }
  save(agentId: string, preferences: SnippetPreferences): void {
    this.byAgent.set(agentId, preferences);
  }
}

/** The picker's data: every snippet of the three sources, and the agent's preferences. */
export interface SnippetsState extends SnippetPreferences {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /**
   * FAQs, then templates, then quick replies; each source sorted by folder and title. Records that
   * would insert nothing are left out; a blank title is replaced by the first line of the text (FAQ: link).
   */
  readonly snippets: readonly Snippet[];
  /** Why loading failed, when `status` is `error` (the adapter's rejection: code and English message). */
  readonly error?: { readonly code: ChatErrorCode; readonly message: string };
}

/** Values for a template's variables. */
export interface TemplateValues {
  readonly customerName: string;
  readonly agentName: string;
  readonly channelName: string;
}

/** How many recently used snippets are kept. */
export const RECENT_MAX = 8;

/** A template's text with `{customerName}`, `{agentName}` and `{channelName}` filled in; other braces stay. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{(customerName|agentName|channelName)\}/g, (_, name: keyof TemplateValues) => values[name]);
}

/**
 * The text a snippet inserts into the composer: an FAQ its question and the link to the published
 * FAQ; a template or a quick reply its text with the variables filled in (see {@link fillTemplate}).
 */
export function snippetInsertText(snippet: Snippet, values: TemplateValues): string {
  switch (snippet.source) {
    case 'faq':
      return `${snippet.title}\n${snippet.url ?? ''}`.trim();
    case 'template':
    case 'quick-reply':
      return fillTemplate(snippet.text, values);
  }
}

/**
 * Put `text` into a composer's `value` in place of the range `start`–`end` (UTF-16 offsets; the
 * caret when they are equal), with exactly one space between it and text on either side: a space
 * is added where the inserted text would touch a word ("Chiara" + "draft" → "Chiara draft"), and
 * the inserted text's own leading / trailing spaces are dropped where the composer already has
 * whitespace there, so no double spaces arise. Line breaks inside `text` are kept.
 * @returns the new value and the caret offset right after the inserted text
 */
export function insertIntoText(value: string, start: number, end: number, text: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  const before = value.slice(0, from);
  const after = value.slice(to);
  let middle = text;
  if (!before || /\s$/.test(before)) middle = middle.replace(/^[ \t]+/, '');
  else if (!/^\s/.test(middle)) middle = ` ${middle}`;
  let tail = '';
  if (!after || /^\s/.test(after)) middle = middle.replace(/[ \t]+$/, '');
  else if (!/\s$/.test(middle)) tail = ' ';
  return { value: before + middle + tail + after, caret: before.length + middle.length };
}

/** The picker's data before anything is loaded: no snippets, the agent's saved preferences. */
export function initialSnippetsState(saved: SnippetPreferences | null): SnippetsState {
  return { status: 'idle', snippets: [], recent: saved?.recent ?? [], favourites: saved?.favourites ?? [] };
}
