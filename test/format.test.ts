import { expect } from '@open-wc/testing';
import { formatBytesApart } from '../src/components/chat-conversation/action-errors.js';
import { formatBytes, formatDuration } from '../src/i18n/format.js';
import type { DisplaySettings } from '../src/service/state.js';

const en: DisplaySettings = { locale: 'en', timeZone: 'UTC' };
const nl: DisplaySettings = { locale: 'nl', timeZone: 'UTC' };
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it('uses the two largest units, rounded down', () => {
    expect(formatDuration(42_900, en)).to.equal('42 sec');
    expect(formatDuration(3 * MIN + 59_000, en)).to.equal('3 min');
    expect(formatDuration(HOUR + 20 * MIN, en)).to.equal('1 hr 20 min');
    expect(formatDuration(5 * HOUR, en)).to.equal('5 hr');
  });

  it('counts days for chats kept open longer than a day, not hundreds of hours', () => {
    expect(formatDuration(30 * DAY - MIN, en)).to.equal('29 days 23 hr');
    expect(formatDuration(2 * DAY, en)).to.equal('2 days');
    expect(formatDuration(DAY + 3 * HOUR, nl)).to.equal('1 dag 3 uur');
  });

  it('never shows NaN or a negative duration', () => {
    expect(formatDuration(Number.NaN, en)).to.equal('0 sec');
    expect(formatDuration(-5_000, en)).to.equal('0 sec');
  });
});

describe('formatBytes', () => {
  const MiB = 1024 * 1024;

  it('writes bytes out with the right plural in English and Dutch, below 1,000 bytes', () => {
    expect(formatBytes(0, en)).to.equal('0 bytes');
    expect(formatBytes(1, en)).to.equal('1 byte');
    expect(formatBytes(3, en)).to.equal('3 bytes');
    expect(formatBytes(999, en)).to.equal('999 bytes');
    expect(formatBytes(0, nl)).to.equal('0 bytes');
    expect(formatBytes(1, nl)).to.equal('1 byte');
    expect(formatBytes(3, nl)).to.equal('3 bytes');
    expect(formatBytes(999, nl)).to.equal('999 bytes');
  });

  it('counts in decimal SI units: 1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes, up to 3 significant digits', () => {
    expect(formatBytes(1000, en)).to.equal('1 kB');
    expect(formatBytes(1500, en)).to.equal('1.5 kB');
    expect(formatBytes(512_000, en)).to.equal('512 kB');
    expect(formatBytes(999_999, en)).to.equal('1 MB');
    // A 30,000,000-byte file is 30 MB (not "29 MB", counted in 1024s).
    expect(formatBytes(30_000_000, en)).to.equal('30 MB');
    // The 10 MiB limit is 10,485,760 bytes: 10.5 MB (not "10 MB").
    expect(formatBytes(10 * MiB, en)).to.equal('10.5 MB');
    expect(formatBytes(10 * MiB, nl)).to.equal('10,5 MB');
    expect(formatBytes(2_500_000, nl)).to.equal('2,5 MB');
    expect(formatBytes(3_000_000_000, en)).to.equal('3 GB');
    expect(formatBytes(123_456_789, en)).to.equal('123 MB');
    expect(formatBytes(Number.NaN, en)).to.equal('0 bytes');
  });

  it('formatBytesApart never writes two different sizes the same way', () => {
    // B21: 10 MiB + 1 byte against a 10 MiB limit: "10.5 MB" twice would contradict itself.
    expect(formatBytesApart(10 * MiB + 1, 10 * MiB, en)).to.deep.equal(['10,485,761 bytes', '10,485,760 bytes']);
    expect(formatBytesApart(10 * MiB + 1, 10 * MiB, nl)).to.deep.equal(['10.485.761 bytes', '10.485.760 bytes']);
    // More digits are enough here.
    expect(formatBytesApart(10_040_000, 10_000_000, en)).to.deep.equal(['10.04 MB', '10.00 MB']);
    expect(formatBytesApart(10_004_000, 10_000_000, nl)).to.deep.equal(['10,004 MB', '10,000 MB']);
    // Apart already: as formatBytes.
    expect(formatBytesApart(12_000_000, 10_000_000, en)).to.deep.equal(['12 MB', '10 MB']);
    expect(formatBytesApart(5 * MiB, 5 * MiB, en)).to.deep.equal(['5.24 MB', '5.24 MB']);
    for (const extra of [1, 7, 499, 1023, 4096, 52_000, 0.4 * MiB]) {
      const [size, limit] = formatBytesApart(10 * MiB + extra, 10 * MiB, en);
      expect(size, `10 MiB + ${extra}`).not.to.equal(limit);
    }
  });
});
