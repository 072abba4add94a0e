import { describe, expect, it } from 'vitest';
import { orderMatches, splitByRanges, splitParagraphs, stepMatch } from '../../src/renderer/src/lib/highlight.ts';

describe('orderMatches', () => {
  it('puts headline matches first, then body by offset, and numbers them', () => {
    const ordered = orderMatches(
      [
        { field: 'body', start: 30, end: 35 },
        { field: 'headline', start: 4, end: 9 },
        { field: 'body', start: 2, end: 5 },
      ],
      { headline: 20, body: 100 },
    );
    expect(ordered.map((m) => [m.field, m.start, m.index])).toEqual([
      ['headline', 4, 0],
      ['body', 2, 1],
      ['body', 30, 2],
    ]);
  });
  it('clamps, drops empty spans and merges overlaps', () => {
    const ordered = orderMatches(
      [
        { field: 'body', start: 0, end: 4 },
        { field: 'body', start: 2, end: 8 },
        { field: 'body', start: 9, end: 9 },
        { field: 'body', start: 8, end: 50 },
      ],
      { headline: 0, body: 10 },
    );
    expect(ordered).toEqual([
      { field: 'body', start: 0, end: 8, index: 0 },
      { field: 'body', start: 8, end: 10, index: 1 },
    ]);
  });
});

describe('splitByRanges', () => {
  it('cuts text around ranges', () => {
    expect(splitByRanges('the prime minister said', [{ start: 4, end: 18, index: 0 }])).toEqual([
      { text: 'the ', match: null },
      { text: 'prime minister', match: 0 },
      { text: ' said', match: null },
    ]);
  });
  it('honours the offset of a paragraph and clips ranges that cross it', () => {
    // paragraph "bcd" starts at 10 in the body; the match 8..11 covers its first letter.
    expect(splitByRanges('bcd', [{ start: 8, end: 11, index: 3 }, { start: 12, end: 20, index: 4 }], 10)).toEqual([
      { text: 'b', match: 3 },
      { text: 'c', match: null },
      { text: 'd', match: 4 },
    ]);
  });
  it('works with UTF-16 offsets (astral characters count twice)', () => {
    const text = '\u{1F4F0} news';
    expect(splitByRanges(text, [{ start: 3, end: 7, index: 0 }])).toEqual([
      { text: '\u{1F4F0} ', match: null },
      { text: 'news', match: 0 },
    ]);
  });
  it('returns the text whole when there is nothing to mark', () => {
    expect(splitByRanges('plain', [])).toEqual([{ text: 'plain', match: null }]);
    expect(splitByRanges('', [])).toEqual([{ text: '', match: null }]);
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps body offsets', () => {
    const body = 'First para.\n\nSecond\nline.\n \n\nThird.';
    const paras = splitParagraphs(body);
    expect(paras.map((p) => p.text)).toEqual(['First para.', 'Second\nline.', 'Third.']);
    for (const p of paras) expect(body.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });
  it('trims leading whitespace but keeps offsets right', () => {
    const body = '  Indented.\r\n\r\nNext.';
    const paras = splitParagraphs(body);
    expect(paras[0]).toEqual({ text: 'Indented.', start: 2 });
    expect(body.slice(paras[1]!.start, paras[1]!.start + paras[1]!.text.length)).toBe('Next.');
  });
  it('gives nothing for an empty body', () => {
    expect(splitParagraphs('\n\n  ')).toEqual([]);
  });
});

describe('stepMatch', () => {
  it('wraps around both ways', () => {
    expect(stepMatch(0, 3, 1)).toBe(1);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
