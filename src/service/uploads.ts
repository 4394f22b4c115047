import { BehaviorSubject, type Observable, distinctUntilChanged, map } from 'rxjs';
import type { BackendCapabilities, UploadOptions } from '../backend/adapter.js';
import { ChatBackendError, toChatError } from '../backend/errors.js';
import type { Bytes } from '../model/common.js';
import type { Attachment } from '../model/message.js';

/**
 * A file the agent attached to a chat, while it uploads or when it did not make it:
 * - `uploading`: bytes are moving (`sent` of `size`); can be cancelled;
 * - `refused`: the service refused it before any upload (too large, empty, type not allowed);
 * - `failed`: the adapter rejected the upload (e.g. the server's own limit) or the send failed.
 * A file that uploaded is sent as a message and leaves the list; a cancelled one leaves it too.
 */
export interface UploadView {
  /** Local id of this attempt (not the backend's attachment id). */
  readonly id: string;
  readonly sessionId: string;
  /** File name as the agent's system gave it. */
  readonly name: string;
  /** Size in bytes. */
  readonly size: Bytes;
  /** MIME type; may be empty when the system does not know it. */
  readonly type: string;
  readonly status: 'uploading' | 'refused' | 'failed';
  /** Bytes sent so far (for the progress bar). */
  readonly sent: Bytes;
  /** Why the file was refused or failed. */
  readonly error?: ChatBackendError;
}

/** Whether a file's name or MIME type matches the allowed types (`image/*`, `application/pdf`, `.docx`); empty list = all. */
export function fileTypeAllowed(name: string, type: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const lowerName = name.toLowerCase();
  const lowerType = type.toLowerCase().trim();
  return allowed.some((entry) => {
    const rule = entry.toLowerCase().trim();
    if (rule.startsWith('.')) return lowerName.endsWith(rule);
    if (!lowerType) return false;
    if (rule.endsWith('/*')) return lowerType.startsWith(rule.slice(0, -1));
    return lowerType === rule;
  });
}

/**
 * Check a file against the backend's capabilities before any upload.
 * @returns `null` when it may be uploaded, else a `ChatBackendError`: `file-too-large` (details
 *   `{ limit, size }` in bytes), `file-empty`, or `file-type-not-allowed` (details `{ allowed }`;
 *   a file with an empty type passes only by an allowed extension)
 */
export function checkFile(file: { name: string; size: number; type: string }, capabilities: BackendCapabilities): ChatBackendError | null {
  if (file.size > capabilities.maxFileSize) {
    return new ChatBackendError('file-too-large', `"${file.name}" is larger than ${capabilities.maxFileSize} bytes`, {
      details: { limit: capabilities.maxFileSize, size: file.size },
    });
  }
  if (file.size === 0) return new ChatBackendError('file-empty', `"${file.name}" is empty`);
  if (!fileTypeAllowed(file.name, file.type, capabilities.allowedFileTypes)) {
    return new ChatBackendError('file-type-not-allowed', `"${file.name}" has a type that is not allowed`, {
      details: { allowed: [...capabilities.allowedFileTypes] },
    });
  }
  return null;
}

/** What {@link UploadQueue} needs from the service. */
export interface UploadQueueOptions {
  /** The backend's limits (null before loading: every file is then refused as `invalid-state`). */
  capabilities(): BackendCapabilities | null;
  /** The adapter's upload. */
  upload(sessionId: string, file: Blob & { name: string }, options: UploadOptions): Promise<Attachment>;
  /** Send an uploaded file to the customer as a message; throws when the chat no longer allows it. */
  send(sessionId: string, attachment: Attachment): void;
  /** Report a failure to the host's log. */
  fail(error: unknown): ChatBackendError;
}

/**
 * The files being attached to chats, per session (part of `ChatService`, DOM-free). Checks each
 * file against the capabilities before any byte moves, uploads the rest with progress and an
 * `AbortSignal`, and sends each uploaded file as its own message.
 */
export class UploadQueue {
  private readonly subject = new BehaviorSubject<Readonly<Record<string, readonly UploadView[]>>>({});
  private readonly controllers = new Map<string, AbortController>();
  private seq = 0;

  constructor(private readonly options: UploadQueueOptions) {}

  /** The session's files that are uploading, refused or failed, in the order attached. */
  uploads$(sessionId: string): Observable<readonly UploadView[]> {
    return this.subject.pipe(
      map((all) => all[sessionId] ?? EMPTY),
      distinctUntilChanged(),
    );
  }

  /** The session's current uploads (a snapshot). */
  uploads(sessionId: string): readonly UploadView[] {
    return this.subject.value[sessionId] ?? EMPTY;
  }

  /**
   * Attach files: refused ones show at once with the reason; the others upload, then go to the
   * customer as messages. Resolves when every file has settled; never rejects for a file.
   */
  async attach(sessionId: string, files: readonly (Blob & { name: string })[]): Promise<void> {
    const capabilities = this.options.capabilities();
    await Promise.all(
      files.map((file) => {
        const id = `u${++this.seq}`;
        const base = { id, sessionId, name: file.name, size: file.size, type: file.type, sent: 0 };
        const refusal = capabilities
          ? checkFile(file, capabilities)
          : new ChatBackendError('invalid-state', 'The chat service is still loading');
        if (refusal) {
          this.put({ ...base, status: 'refused', error: refusal });
          return undefined;
        }
        return this.upload(sessionId, file, base);
      }),
    );
  }

  /** Cancel an upload in progress; it leaves the list. */
  cancel(sessionId: string, uploadId: string): void {
    const controller = this.controllers.get(uploadId);
    this.controllers.delete(uploadId);
    this.remove(sessionId, uploadId);
    controller?.abort();
  }

  /** Remove a refused or failed file from the list (an uploading one is cancelled). */
  remove(sessionId: string, uploadId: string): void {
    if (this.controllers.has(uploadId)) return this.cancel(sessionId, uploadId);
    const list = this.subject.value[sessionId];
    if (!list?.some((u) => u.id === uploadId)) return;
    this.subject.next({ ...this.subject.value, [sessionId]: list.filter((u) => u.id !== uploadId) });
  }

  /** Forget a session's files: abort those still uploading (nothing is sent) and drop the rest (the chat ended). */
  discard(sessionId: string): void {
    for (const upload of this.uploads(sessionId)) this.cancel(sessionId, upload.id);
  }

  /** Abort every upload (the service is being disposed). */
  dispose(): void {
    for (const controller of this.controllers.values()) controller.abort();
    this.controllers.clear();
    this.subject.complete();
  }

  private async upload(sessionId: string, file: Blob & { name: string }, base: Omit<UploadView, 'status'>): Promise<void> {
    const controller = new AbortController();
    this.controllers.set(base.id, controller);
    this.put({ ...base, status: 'uploading' });
    try {
      const attachment = await this.options.upload(sessionId, file, {
        signal: controller.signal,
        onProgress: (sent) => {
          if (this.controllers.get(base.id) === controller) this.update(sessionId, base.id, { sent });
        },
      });
      if (this.controllers.get(base.id) !== controller) return; // cancelled meanwhile
      this.controllers.delete(base.id);
      try {
        this.options.send(sessionId, attachment);
        this.remove(sessionId, base.id);
      } catch (error) {
        this.update(sessionId, base.id, { status: 'failed', error: this.options.fail(error) });
      }
    } catch (error) {
      if (this.controllers.get(base.id) !== controller) return; // cancelled: already gone
      this.controllers.delete(base.id);
      this.update(sessionId, base.id, { status: 'failed', error: this.options.fail(toChatError(error)) });
    }
  }

  private put(upload: UploadView): void {
    const all = this.subject.value;
    this.subject.next({ ...all, [upload.sessionId]: [...(all[upload.sessionId] ?? []), upload] });
  }

  private update(sessionId: string, uploadId: string, change: Partial<UploadView>): void {
    const list = this.subject.value[sessionId];
    if (!list?.some((u) => u.id === uploadId)) return;
    this.subject.next({
      ...this.subject.value,
      [sessionId]: list.map((u) => (u.id === uploadId ? { ...u, ...change } : u)),
    });
  }
}

const EMPTY: readonly UploadView[] = [];
