import { describe, expect, it } from 'vitest';
import { baseName, countLabel, formatDuration, isAbsolutePath, languageName, parsePathList } from '../../src/renderer/src/lib/format.ts';
import { pointAt } from '../../src/renderer/src/lib/query-error.ts';

describe('countLabel', () => {
  it('groups thousands and pluralises', () => {
    expect(countLabel(1234, 'result')).toBe('1,234 results');
    expect(countLabel(1, 'result')).toBe('1 result');
    expect(countLabel(0, 'result')).toBe('No results');
    expect(countLabel(2, 'match', 'matches')).toBe('2 matches');
  });
});

describe('paths', () => {
  it('takes one path per line, trimmed, unquoted and deduplicated', () => {
    expect(parsePathList(' /srv/news \n\n"/srv/my files"\n/srv/news\r\nC:\\wire\n')).toEqual(['/srv/news', '/srv/my files', 'C:\\wire']);
  });
  it('knows absolute paths', () => {
    expect(isAbsolutePath('/srv/news')).toBe(true);
    expect(isAbsolutePath('C:\\news')).toBe(true);
    expect(isAbsolutePath('\\\\host\\share')).toBe(true);
    expect(isAbsolutePath('news/2022')).toBe(false);
    expect(isAbsolutePath('~/news')).toBe(false);
  });
  it('finds base names', () => {
    expect(baseName('/a/b/c.txt')).toBe('c.txt');
    expect(baseName('C:\\a\\b\\')).toBe('b');
    expect(baseName('plain')).toBe('plain');
  });
});

describe('formatDuration / languageName', () => {
  it('formats durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(125000)).toBe('2 min 5 s');
  });
  it('names languages', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('xx')).toBe('XX');
    expect(languageName(null)).toBe('');
  });
});

describe('pointAt', () => {
  it('cuts the query around the position', () => {
    expect(pointAt('(peace AND', 1)).toEqual({ before: '(', at: 'p', after: 'eace AND', atEnd: false });
  });
  it('points past the end when the query ends too early', () => {
    expect(pointAt('(peace AND', 10)).toEqual({ before: '(peace AND', at: ' ', after: '', atEnd: true });
    expect(pointAt('abc', 99)?.atEnd).toBe(true);
  });
  it('gives nothing without a position', () => {
    expect(pointAt('abc', undefined)).toBeNull();
    expect(pointAt('abc', -1)).toBeNull();
  });
});
