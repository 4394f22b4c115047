import { msg, str } from '@lit/localize';
import { type ChatBackendError, toChatError } from '../../backend/errors.js';
import { formatByteCount, formatBytes } from '../../i18n/format.js';
import type { DisplaySettings } from '../../service/state.js';

/**
 * The sentence the conversation shows for a failed action (transfer, upload, request, quick
 * reply), from the error's code and details (`details.limit` in bytes for `file-too-large`,
 * `details.allowed` for `file-type-not-allowed`).
 * @param fileSize the size in bytes of the file the error is about, when it is shown next to the
 *   text: the limit is then written so that it never reads the same as that size (see {@link fileSizeText})
 */
export function actionErrorText(error: unknown, display: DisplaySettings, fileSize?: number): string {
  const e: ChatBackendError = toChatError(error);
  switch (e.code) {
    case 'file-too-large': {
      const bytes = sizeLimit(e);
      const limit = bytes === undefined ? '' : fileSize === undefined ? formatBytes(bytes, display) : formatBytesApart(fileSize, bytes, display)[1];
      return limit ? msg(str`File is larger than the limit of ${limit}`) : msg('File is too large');
    }
    case 'file-type-not-allowed': {
      const allowed = Array.isArray(e.details['allowed']) ? (e.details['allowed'] as string[]) : [];
      const list = new Intl.ListFormat(display.locale, { type: 'disjunction' }).format(allowed);
      return list ? msg(str`This file type is not allowed. Allowed: ${list}`) : msg('This file type is not allowed');
    }
    case 'file-empty':
      return msg('The file is empty');
    case 'not-permitted':
      return msg('You are not allowed to do that');
    case 'invalid-state':
      return msg('This chat has changed in the meantime');
    case 'invalid-input':
      return msg('Please check the fields');
    case 'not-found':
      return msg('This item no longer exists');
    case 'network':
    case 'timeout':
    case 'disconnected':
      return msg('The chat server could not be reached. Try again.');
    default:
      return e.details['aborted'] ? msg('Upload cancelled') : msg('Something went wrong');
  }
}

/**
 * The size of a file shown next to {@link actionErrorText} of its `error`: for a file over the
 * limit, written so that it does not read the same as the limit in the text.
 * @param size the file's size in bytes
 */
export function fileSizeText(size: number, error: unknown, display: DisplaySettings): string {
  const limit = error === undefined ? undefined : sizeLimit(toChatError(error));
  return limit === undefined ? formatBytes(size, display) : formatBytesApart(size, limit, display)[0];
}

/** The limit in bytes of a `file-too-large` error, when it names one. */
function sizeLimit(e: ChatBackendError): number | undefined {
  return e.code === 'file-too-large' && typeof e.details['limit'] === 'number' ? e.details['limit'] : undefined;
}

/**
 * Two file sizes that never read the same when they differ (a file and the limit it exceeds:
 * "10.5 MB" next to "larger than the limit of 10.5 MB" would contradict itself): as `formatBytes`
 * (decimal SI units, 1 MB = 1,000,000 bytes) when that tells them apart, else with 1, 2 or 3
 * decimals, else both in exact bytes.
 * @param a size in bytes
 * @param b size in bytes
 * @returns the texts of `a` and `b`
 */
export function formatBytesApart(a: number, b: number, display: DisplaySettings): [string, string] {
  const pair = (digits?: number): [string, string] => [formatBytes(a, display, digits), formatBytes(b, display, digits)];
  if (Math.round(a) === Math.round(b)) return pair();
  for (const digits of [undefined, 1, 2, 3]) {
    const texts = pair(digits);
    if (texts[0] !== texts[1]) return texts;
  }
  return [formatByteCount(a, display), formatByteCount(b, display)];
}
