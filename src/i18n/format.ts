import type { DisplaySettings } from '../service/state.js';

/**
 * Date, time, number and duration formatting through `Intl`, in the agent's locale and time zone
 * (from the service's display settings, set by the host on the provider).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(display: DisplaySettings, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${display.locale}|${display.timeZone ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(display.locale, { ...options, timeZone: display.timeZone });
    } catch {
      // An invalid time zone name falls back to the browser's zone rather than breaking the screen.
      format = new Intl.DateTimeFormat(display.locale, options);
    }
    formatters.set(key, format);
  }
  return format;
}

function parse(iso: string | number | undefined): Date | null {
  if (iso === undefined || iso === '') return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Clock time, e.g. `14:05` (nl) or `2:05 PM` (en). Empty for a missing or invalid time. */
export function formatTime(iso: string | number | undefined, display: DisplaySettings): string {
  const date = parse(iso);
  return date ? dateTimeFormat(display, { hour: 'numeric', minute: '2-digit' }).format(date) : '';
}

/** Full date and time for tooltips, e.g. `Monday 30 November 2026, 14:05`. */
export function formatDateTime(iso: string | number | undefined, display: DisplaySettings): string {
  const date = parse(iso);
  return date ? dateTimeFormat(display, { dateStyle: 'full', timeStyle: 'short' }).format(date) : '';
}

/** Short date, e.g. `30 Nov 2026`. */
export function formatDate(iso: string | number | undefined, display: DisplaySettings): string {
  const date = parse(iso);
  return date ? dateTimeFormat(display, { dateStyle: 'medium' }).format(date) : '';
}

/** The calendar day of a time in the agent's time zone, as `YYYY-MM-DD` (for day separators). */
export function dayKey(iso: string | number | undefined, display: DisplaySettings): string {
  const date = parse(iso);
  if (!date) return '';
  const parts = dateTimeFormat({ locale: 'en-CA', timeZone: display.timeZone }, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * A day separator label: "Today", "Yesterday" (localised through `Intl.RelativeTimeFormat`) or the
 * full date, in the agent's time zone.
 * @param now the current time, ms since epoch
 */
export function formatDay(iso: string, now: number, display: DisplaySettings): string {
  const day = dayKey(iso, display);
  const today = dayKey(now, display);
  const diffDays = Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
  if (diffDays === 0 || diffDays === 1) {
    const text = new Intl.RelativeTimeFormat(display.locale, { numeric: 'auto' }).format(-diffDays, 'day');
    return text.charAt(0).toLocaleUpperCase(display.locale) + text.slice(1);
  }
  const date = parse(iso);
  return date ? dateTimeFormat(display, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date) : '';
}

/**
 * A duration for people: `45 sec`, `3 min`, `1 hr 20 min`, `2 days 4 hr` in the locale's unit style
 * (the two largest units, rounded down).
 * @param ms duration in milliseconds (negative counts as 0)
 */
export function formatDuration(ms: number, display: DisplaySettings): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(display.locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (total < 60) return unit(total, 'second');
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}` : unit(hours, 'hour');
  }
  // A chat kept open for days reads "30 days 5 hr", not "725 hr 12 min".
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${unit(days, 'day')} ${unit(restHours, 'hour')}` : unit(days, 'day');
}

/** A whole number in the locale, e.g. `1.234` (nl). */
export function formatNumber(value: number, display: DisplaySettings): string {
  return new Intl.NumberFormat(display.locale).format(Number.isFinite(value) ? value : 0);
}

/**
 * A file size in decimal SI units, e.g. `10.5 MB`, `512 kB`, `3 bytes` (1 kB = 1,000 bytes,
 * 1 MB = 1,000,000 bytes, 1 GB = 1,000,000,000 bytes; so a limit of 10 MiB = 10,485,760 bytes reads
 * `10.5 MB`), localised with `Intl.NumberFormat` unit style (`2,5 MB` in Dutch). Below 1,000 the
 * bytes are written out ({@link formatByteCount}).
 * @param bytes size in bytes (negative or not finite counts as 0)
 * @param fractionDigits exactly this many digits after the decimal sign (default: at most 3
 *   significant digits, so `1.5 kB`, `10.5 MB`, `123 MB`); to tell two sizes apart, see `formatBytesApart`
 */
export function formatBytes(bytes: number, display: DisplaySettings, fractionDigits?: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  const size = Math.max(0, Number.isFinite(bytes) ? bytes : 0);
  let i = 0;
  while (size >= 1000 ** (i + 1) && i < units.length - 1) i++;
  // 999,999 bytes at 3 significant digits would read "1,000 kB": write "1 MB".
  if (fractionDigits === undefined && i > 0 && i < units.length - 1 && Number((size / 1000 ** i).toPrecision(3)) >= 1000) i++;
  if (i === 0) return formatByteCount(size, display);
  return new Intl.NumberFormat(display.locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    ...(fractionDigits === undefined
      ? { maximumSignificantDigits: 3 }
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  }).format(size / 1000 ** i);
}

/** A whole number of bytes with the unit written out: `1 byte`, `3 bytes`, `10.485.761 bytes` (nl). */
export function formatByteCount(bytes: number, display: DisplaySettings): string {
  const count = Math.round(bytes);
  const text = new Intl.NumberFormat(display.locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(count);
  // CLDR's Dutch has one form ("3 byte"); written Dutch uses the plural "bytes", as English does.
  if (/^nl\b/i.test(display.locale) && new Intl.PluralRules(display.locale).select(count) !== 'one') {
    return text.replace(/\bbyte\b/, 'bytes');
  }
  return text;
}

/** A money amount, e.g. `€ 1.250,00`. @param currency ISO 4217 code */
export function formatMoney(amount: number, currency: string, display: DisplaySettings): string {
  try {
    return new Intl.NumberFormat(display.locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatNumber(amount, display)} ${currency}`;
  }
}
