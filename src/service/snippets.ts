import { BehaviorSubject, type Observable } from 'rxjs';
import type { ChatBackendAdapter } from '../backend/adapter.js';
import { ChatBackendError, type ChatErrorCode, type toChatError } from '../backend/errors.js';
import type { Faq, QuickReply, ReplyTemplate } from '../model/crm.js';

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

const RECENT_MAX = 8;

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

const byFolderAndTitle = (a: Snippet, b: Snippet) => a.folder.localeCompare(b.folder) || a.title.localeCompare(b.title);

/** The title, or when it is blank the first line of `fallback` (at most 80 characters), so no list row is empty. */
function titleOr(title: string, fallback: string): string {
  if (title.trim()) return title;
  const line = fallback.split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 80);
}

/** Whether the snippet would insert any text (an FAQ needs a question or a link, the others a text). */
function insertsText(s: Snippet): boolean {
  return s.source === 'faq' ? Boolean(`${s.title}${s.url ?? ''}`.trim()) : Boolean(s.text.trim());
}

function faqSnippet(f: Faq): Snippet {
  const title = titleOr(f.question, f.url ?? '');
  return { key: `faq:${f.id}`, source: 'faq', id: f.id, title, text: f.answer, folder: f.folder, url: f.url };
}
function templateSnippet(t: ReplyTemplate): Snippet {
  return { key: `template:${t.id}`, source: 'template', id: t.id, title: titleOr(t.name, t.text), text: t.text, folder: t.folder };
}
function quickReplySnippet(q: QuickReply): Snippet {
  return { key: `quick-reply:${q.id}`, source: 'quick-reply', id: q.id, title: titleOr(q.name, q.text), text: q.text, folder: '' };
}

/**
 * FAQs, reply templates and the agent's quick replies for the Insert picker (part of
 * `ChatService`, DOM-free): loads them from the adapter once, keeps quick-reply changes in step at
 * once, and keeps the agent's recently used and favourites in a {@link SnippetPreferenceStorage}.
 */
export class SnippetStore {
  private readonly subject: BehaviorSubject<SnippetsState>;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly backend: ChatBackendAdapter,
    private readonly storage: SnippetPreferenceStorage,
    private readonly fail: (command: string, error: unknown) => ReturnType<typeof toChatError>,
  ) {
    const saved = storage.load(backend.agentId);
    this.subject = new BehaviorSubject<SnippetsState>({
      status: 'idle',
      snippets: [],
      recent: saved?.recent ?? [],
      favourites: saved?.favourites ?? [],
    });
  }

  /** The picker's data; emits on every change. */
  get state$(): Observable<SnippetsState> {
    return this.subject.asObservable();
  }

  /** The current data (a snapshot). */
  get state(): SnippetsState {
    return this.subject.value;
  }

  /** Load the three sources (once; again with `force`). @throws ChatBackendError from the adapter */
  load(force = false): Promise<void> {
    if (this.loading) return this.loading;
    if (this.state.status === 'ready' && !force) return Promise.resolve();
    this.patch({ status: 'loading', error: undefined });
    this.loading = Promise.all([this.backend.listFaqs(), this.backend.listReplyTemplates(), this.backend.listQuickReplies()])
      .then(
        ([faqs, templates, quickReplies]) => {
          this.patch({
            status: 'ready',
            snippets: [
              // Records that would insert nothing (blank question and link, blank text) are left out.
              ...faqs.map(faqSnippet).filter(insertsText).sort(byFolderAndTitle),
              ...templates.map(templateSnippet).filter(insertsText).sort(byFolderAndTitle),
              ...quickReplies.map(quickReplySnippet).filter(insertsText).sort(byFolderAndTitle),
            ],
          });
        },
        (error) => {
          const chatError = this.fail('loadSnippets', error);
          this.patch({ status: 'error', error: { code: chatError.code, message: chatError.message } });
          throw chatError;
        },
      )
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** The snippet with this key, if loaded. */
  find(key: string): Snippet | undefined {
    return this.state.snippets.find((s) => s.key === key);
  }

  /** Put a snippet first in the recently used list. */
  markUsed(key: string): void {
    this.savePreferences({ recent: [key, ...this.state.recent.filter((k) => k !== key)].slice(0, RECENT_MAX) });
  }

  /** Mark or unmark a snippet as favourite; returns whether it is a favourite now. */
  toggleFavourite(key: string): boolean {
    const on = !this.state.favourites.includes(key);
    this.savePreferences({ favourites: on ? [...this.state.favourites, key] : this.state.favourites.filter((k) => k !== key) });
    return on;
  }

  /** Create one of the agent's quick replies; in the list at once. @throws ChatBackendError `invalid-input`, ... */
  async createQuickReply(input: { name: string; text: string }): Promise<QuickReply> {
    const refusal = quickReplyRefusal(input);
    if (refusal) throw this.fail('createQuickReply', refusal);
    try {
      const reply = await this.backend.createQuickReply({ name: input.name.trim(), text: input.text.trim() });
      this.replaceQuickReply(quickReplySnippet(reply));
      return reply;
    } catch (error) {
      throw this.fail('createQuickReply', error);
    }
  }

  /** Change one of the agent's quick replies. @throws ChatBackendError `invalid-input`, `not-found`, `not-permitted` */
  async updateQuickReply(id: string, input: { name: string; text: string }): Promise<QuickReply> {
    const refusal = quickReplyRefusal(input);
    if (refusal) throw this.fail('updateQuickReply', refusal);
    try {
      const reply = await this.backend.updateQuickReply(id, { name: input.name.trim(), text: input.text.trim() });
      this.replaceQuickReply(quickReplySnippet(reply));
      return reply;
    } catch (error) {
      throw this.fail('updateQuickReply', error);
    }
  }

  /** Delete one of the agent's quick replies (also from recently used and favourites). @throws ChatBackendError */
  async deleteQuickReply(id: string): Promise<void> {
    try {
      await this.backend.deleteQuickReply(id);
    } catch (error) {
      throw this.fail('deleteQuickReply', error);
    }
    const key = `quick-reply:${id}`;
    this.patch({ snippets: this.state.snippets.filter((s) => s.key !== key) });
    this.savePreferences({
      recent: this.state.recent.filter((k) => k !== key),
      favourites: this.state.favourites.filter((k) => k !== key),
    });
  }

  dispose(): void {
    this.subject.complete();
  }

  private replaceQuickReply(snippet: Snippet): void {
    const others = this.state.snippets.filter((s) => s.key !== snippet.key);
    const quick = [...others.filter((s) => s.source === 'quick-reply'), snippet].sort(byFolderAndTitle);
    this.patch({ snippets: [...others.filter((s) => s.source !== 'quick-reply'), ...quick] });
  }

  private savePreferences(change: Partial<SnippetPreferences>): void {
    this.patch(change);
    this.storage.save(this.backend.agentId, { recent: this.state.recent, favourites: this.state.favourites });
  }

  private patch(change: Partial<SnippetsState>): void {
    if (this.subject.closed) return;
    this.subject.next({ ...this.subject.value, ...change });
  }
}

function quickReplyRefusal(input: { name: string; text: string }): ChatBackendError | null {
  if (!input.name?.trim()) return new ChatBackendError('invalid-input', 'A quick reply needs a name', { details: { field: 'name' } });
  if (!input.text?.trim()) return new ChatBackendError('invalid-input', 'A quick reply needs a text', { details: { field: 'text' } });
  return null;
}
