import { describe, expect, it } from 'vitest';
import { dateTimeAttribute, formatPublished, parseIsoParts } from '../../src/renderer/src/lib/dates.ts';

describe('formatPublished', () => {
  it('formats a date with a time', () => {
    expect(formatPublished('2022-03-21T12:47')).toBe('21 Mar 2022 12:47');
  });
  it('formats a date without a time, without a leading zero', () => {
    expect(formatPublished('2019-01-04')).toBe('4 Jan 2019');
  });
  it('formats partial dates at their precision', () => {
    expect(formatPublished('2019-01')).toBe('Jan 2019');
    expect(formatPublished('2019')).toBe('2019');
  });
  it('never shifts time zones', () => {
    expect(formatPublished('2021-01-26T14:26:27-05:00')).toBe('26 Jan 2021 14:26');
    expect(formatPublished('2021-01-26T23:59:00+0300')).toBe('26 Jan 2021 23:59');
    expect(formatPublished('2021-01-26T23:59:00.123Z')).toBe('26 Jan 2021 23:59');
  });
  it('adds the offset when asked', () => {
    expect(formatPublished('2021-01-26T14:26:27-05:00', { withZone: true })).toBe('26 Jan 2021 14:26 UTC\u221205:00');
    expect(formatPublished('2021-01-26T14:26:27+0530', { withZone: true })).toBe('26 Jan 2021 14:26 UTC+05:30');
    expect(formatPublished('2021-01-26T14:26Z', { withZone: true })).toBe('26 Jan 2021 14:26 UTC');
    expect(formatPublished('2022-03-21T12:47', { withZone: true })).toBe('21 Mar 2022 12:47');
  });
  it('returns empty for nothing and the input for what it cannot read', () => {
    expect(formatPublished(null)).toBe('');
    expect(formatPublished('')).toBe('');
    expect(formatPublished('yesterday')).toBe('yesterday');
    expect(formatPublished('2022-13-01')).toBe('2022-13-01');
  });
});

describe('parseIsoParts / dateTimeAttribute', () => {
  it('reads every part', () => {
    expect(parseIsoParts('2021-01-26T14:26:27-05:00')).toEqual({ year: 2021, month: 1, day: 26, hour: 14, minute: 26, second: 27, zone: '-05:00' });
  });
  it('gives a machine value only for ISO input', () => {
    expect(dateTimeAttribute('2019-01-04')).toBe('2019-01-04');
    expect(dateTimeAttribute('soon')).toBeUndefined();
  });
});
