import { BehaviorSubject, type Observable } from 'rxjs';
import type { Person } from '../model/crm.js';
import type { ChatClock, TimerHandle } from './clock.js';

/** The state of a {@link PersonSearch}. */
export interface PersonSearchState {
  /** The query as the agent typed it. */
  readonly query: string;
  /**
   * `idle`: no query (or one shorter than the minimum); `waiting`: typed, the debounce runs;
   * `searching`: the request for `query` is on its way; `ready`: `results` belong to `query`;
   * `error`: the search for `query` failed.
   */
  readonly status: 'idle' | 'waiting' | 'searching' | 'ready' | 'error';
  /** The persons found for `query` (the previous results while waiting or searching). */
  readonly results: readonly Person[];
}

/** Options of {@link PersonSearch}. */
export interface PersonSearchOptions {
  /** Runs one search; rejects on failure. */
  readonly search: (query: string) => Promise<readonly Person[]>;
  /** Timer source (the service's clock, so tests move time with a fake clock). */
  readonly clock: ChatClock;
  /** Quiet time after the last keystroke before searching, in ms (default 250 ms). */
  readonly debounceMs?: number;
  /** Queries shorter than this many characters (trimmed) do not search (default 2). */
  readonly minLength?: number;
}

const IDLE: PersonSearchState = { query: '', status: 'idle', results: [] };

/**
 * A search-as-you-type over CRM persons, without DOM: {@link PersonSearch.setQuery} on every
 * keystroke; one search runs `debounceMs` after the last one, and a response that arrives after
 * a newer query was typed is ignored (only the newest query's results are ever shown).
 * Make one with `ChatService.createPersonSearch()`; call {@link PersonSearch.dispose} when done.
 */
export class PersonSearch {
  private readonly subject = new BehaviorSubject<PersonSearchState>(IDLE);
  private readonly search: PersonSearchOptions['search'];
  private readonly clock: ChatClock;
  private readonly debounceMs: number;
  private readonly minLength: number;
  private timer: TimerHandle | undefined;
  private generation = 0;
  private disposed = false;

  /** The search's state; emits on every change. */
  readonly state$: Observable<PersonSearchState>;

  constructor(options: PersonSearchOptions) {
    this.search = options.search;
    this.clock = options.clock;
    this.debounceMs = options.debounceMs ?? 250;
    this.minLength = options.minLength ?? 2;
    this.state$ = this.subject.asObservable();
  }

  /** The current state. */
  get state(): PersonSearchState {
    return this.subject.value;
  }

  /** Set the query (on every keystroke). Searching starts after the debounce. */
  setQuery(query: string): void {
    if (this.disposed) return;
    this.cancelTimer();
    const generation = ++this.generation;
    if (query.trim().length < this.minLength) {
      this.subject.next({ query, status: 'idle', results: [] });
      return;
    }
    this.subject.next({ ...this.state, query, status: 'waiting' });
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.run(query, generation);
    }, this.debounceMs);
  }

  /** Search the current query now (e.g. on Enter), skipping the rest of the debounce. */
  flush(): void {
    if (this.disposed || this.timer === undefined) return;
    this.cancelTimer();
    void this.run(this.state.query, this.generation);
  }

  /** Clear the query and results. */
  clear(): void {
    this.setQuery('');
  }

  /** Stop: cancels the pending timer and ignores responses still on their way. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelTimer();
    this.generation++;
    this.subject.complete();
  }

  private async run(query: string, generation: number): Promise<void> {
    this.subject.next({ ...this.state, status: 'searching' });
    try {
      const results = await this.search(query.trim());
      if (generation === this.generation && !this.disposed) this.subject.next({ query, status: 'ready', results });
    } catch {
      if (generation === this.generation && !this.disposed) this.subject.next({ query, status: 'error', results: [] });
    }
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
