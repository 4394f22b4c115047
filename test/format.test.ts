import { expect } from '@open-wc/testing';
import { formatDuration } from '../src/i18n/format.js';
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
