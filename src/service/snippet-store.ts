/**
 * The Insert picker's loading and quick-reply changes (`SnippetStore`), a part of `ChatService`
 * loaded on first use (most of a shift never opens the picker; a separate file of the CDN build).
 */
import type { BehaviorSubject } from 'rxjs';
import type { ChatBackendAdapter } from '../backend/adapter.js';
import { ChatBackendError, type toChatError } from '../backend/errors.js';
import type { Faq, QuickReply, ReplyTemplate } from '../model/crm.js';
import { type SnippetFilter, type SnippetGroup, searchSnippets } from './snippet-search.js';
import { RECENT_MAX, type Snippet, type SnippetPreferenceStorage, type SnippetPreferences, type SnippetsState } from './snippets.js';

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
  private loading: Promise<void> | null = null;

  /**
   * @param subject the service's picker state (`ChatService.snippets$`), which this store changes
   * @param fail reports a failure on the service's `errors$` and gives the typed error
   */
  constructor(
    private readonly backend: ChatBackendAdapter,
    private readonly storage: SnippetPreferenceStorage,
    private readonly fail: (command: string, error: unknown) => ReturnType<typeof toChatError>,
    private readonly subject: BehaviorSubject<SnippetsState>,
  ) {}

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

  /** The loaded snippets matching `query` in `filter`'s sources, grouped for the list (see `searchSnippets`). */
  search(query: string, filter: SnippetFilter = 'all'): SnippetGroup[] {
    return searchSnippets(this.state, query, filter);
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
