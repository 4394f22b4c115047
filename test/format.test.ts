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

  it('writes bytes out with the right plural in English and Dutch', () => {
    expect(formatBytes(0, en)).to.equal('0 bytes');
    expect(formatBytes(1, en)).to.equal('1 byte');
    expect(formatBytes(3, en)).to.equal('3 bytes');
    expect(formatBytes(1000, en)).to.equal('1,000 bytes');
    expect(formatBytes(0, nl)).to.equal('0 bytes');
    expect(formatBytes(1, nl)).to.equal('1 byte');
    expect(formatBytes(3, nl)).to.equal('3 bytes');
    expect(formatBytes(1000, nl)).to.equal('1.000 bytes');
  });

  it('uses kB, MB and GB with one decimal below 10 units', () => {
    expect(formatBytes(1536, en)).to.equal('1.5 kB');
    expect(formatBytes(10 * MiB, en)).to.equal('10 MB');
    expect(formatBytes(2.5 * MiB, nl)).to.equal('2,5 MB');
    expect(formatBytes(3 * 1024 * MiB, en)).to.equal('3 GB');
    expect(formatBytes(Number.NaN, en)).to.equal('0 bytes');
  });

  it('formatBytesApart never writes two different sizes the same way', () => {
    // 10 MiB + 1 byte against a 10 MiB limit: "10 MB" twice would contradict itself.
    expect(formatBytesApart(10 * MiB + 1, 10 * MiB, en)).to.deep.equal(['10,485,761 bytes', '10,485,760 bytes']);
    expect(formatBytesApart(10 * MiB + 1, 10 * MiB, nl)).to.deep.equal(['10.485.761 bytes', '10.485.760 bytes']);
    // More precision is enough here.
    expect(formatBytesApart(10.4 * MiB, 10 * MiB, en)).to.deep.equal(['10.4 MB', '10 MB']);
    expect(formatBytesApart(10.004 * MiB, 10 * MiB, en)).to.deep.equal(['10.004 MB', '10 MB']);
    // Apart already: as formatBytes.
    expect(formatBytesApart(12 * MiB, 10 * MiB, en)).to.deep.equal(['12 MB', '10 MB']);
    expect(formatBytesApart(5 * MiB, 5 * MiB, en)).to.deep.equal(['5 MB', '5 MB']);
    for (const extra of [1, 7, 1023, 4096, 52_000, 0.4 * MiB]) {
      const [size, limit] = formatBytesApart(10 * MiB + extra, 10 * MiB, en);
      expect(size, `10 MiB + ${extra}`).not.to.equal(limit);
    }
  });
});
