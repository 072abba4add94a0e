// Alignment and comparison on hand-made pairs whose right answers are known.
import { describe, expect, it } from 'vitest';
import { alignParagraphs, longestIncreasing } from '../../src/engine/compare/align.ts';
import { compareArticles, sharedShare } from '../../src/engine/compare/compare.ts';
import { quotedPassages } from '../../src/engine/compare/quoted.ts';
import { paragraphs } from '../../src/engine/compare/text.ts';

const P1 = 'GENEVA, March 1 (Reuters) - Negotiators from both delegations met again on Tuesday in a hotel by the lake.';
const P2 = 'The talks lasted four hours and ended without a joint statement, officials said.';
const P3 = '"We are closer than we were a week ago, but not close enough," the head of the working group told reporters.';
const P4 = 'The next round is expected to take place by video link on Friday.';
const P5 = 'Grain prices fell sharply in Chicago after the announcement of a new export quota.';

const article = (id: number, paras: string[], headline = 'Talks resume in Geneva') => ({
  id, headline, published: '2022-03-01T10:00', place: 'GENEVA', agency: 'Reuters', language: 'en', body: paras.join('\n\n'),
});

const kinds = (a: string[], b: string[]) => alignParagraphs(paragraphs(a.join('\n\n')), paragraphs(b.join('\n\n'))).map((r) => {
  switch (r.kind) {
    case 'same': return `${r.a}=${r.b}${r.moved ? ' moved' : ''}`;
    case 'changed': return `${r.a}~${r.b}${r.moved ? ' moved' : ''}`;
    case 'a-only': return `${r.a}-`;
    case 'b-only': return `+${r.b}`;
  }
});

describe('paragraph alignment', () => {
  it('pairs identical articles paragraph by paragraph', () => {
    expect(kinds([P1, P2, P3, P4], [P1, P2, P3, P4])).toEqual(['0=0', '1=1', '2=2', '3=3']);
  });

  it('finds a paragraph only in A and one only in B, in place', () => {
    expect(kinds([P1, P2, P3, P4], [P1, P3, P4])).toEqual(['0=0', '1-', '2=1', '3=2']);
    expect(kinds([P1, P3, P4], [P1, P2, P3, P4])).toEqual(['0=0', '+1', '1=2', '2=3']);
    expect(kinds([P1, P2], [P1, P2, P5])).toEqual(['0=0', '1=1', '+2']);
    expect(kinds([P5, P1], [P1])).toEqual(['0-', '1=0']);
  });

  it('recognises a moved paragraph instead of reporting a deletion and an insertion', () => {
    expect(kinds([P1, P2, P3, P4], [P1, P3, P2, P4])).toEqual(['0=0', '1=2 moved', '2=1', '3=3']);
    expect(kinds([P1, P2, P3, P4], [P4, P1, P2, P3])).toEqual(['0=1', '1=2', '2=3', '3=0 moved']);
  });

  it('pairs an edited paragraph as changed and diffs its words', () => {
    const edited = P2.replace('four hours', 'five hours').replace('officials said', 'diplomats said');
    const rows = alignParagraphs(paragraphs([P1, P2].join('\n\n')), paragraphs([P1, edited].join('\n\n')));
    expect(rows[1]).toMatchObject({ kind: 'changed', a: 1, b: 1, moved: false });
    const diff = rows[1]!.kind === 'changed' ? rows[1]!.diff : [];
    expect(diff.filter((d) => d.op === 'delete').map((d) => d.text)).toEqual(['four', 'officials']);
    expect(diff.filter((d) => d.op === 'insert').map((d) => d.text)).toEqual(['five', 'diplomats']);
    // The diff rebuilds both paragraphs exactly.
    expect(diff.filter((d) => d.op !== 'insert').map((d) => d.text).join('')).toBe(P2);
    expect(diff.filter((d) => d.op !== 'delete').map((d) => d.text).join('')).toBe(edited);
  });

  it('does not pair paragraphs that merely share a few common words', () => {
    expect(kinds([P1, P4], [P5, P4])).toEqual(['0-', '+0', '1=1']);
  });

  it('finds a longest increasing subsequence', () => {
    expect([...longestIncreasing([0, 2, 1, 3])].sort()).toEqual([0, 2, 3]);
    expect([...longestIncreasing([3, 0, 1, 2])].sort()).toEqual([1, 2, 3]);
    expect(longestIncreasing([]).size).toBe(0);
  });
});

describe('comparing two articles', () => {
  it('says identical articles share all their text', () => {
    const r = compareArticles(article(1, [P1, P2]), article(2, [P1, P2]));
    expect(r.summary).toMatchObject({ shared: 1, paragraphsOnlyA: 0, paragraphsOnlyB: 0, paragraphsChanged: 0, paragraphsMoved: 0 });
    expect(r.summary.text).toBe('100% shared text');
    expect(r.a.shared).toEqual([{ start: 0, end: P1.length }, { start: P1.length + 2, end: P1.length + 2 + P2.length }]);
  });

  it('says unrelated articles share nothing', () => {
    const r = compareArticles(article(1, [P1, P2]), article(2, [P5]));
    expect(r.summary.shared).toBe(0);
    expect(r.a.shared).toEqual([]);
    expect(r.summary.text).toBe('0% shared text, 2 paragraphs only in A, 1 paragraph only in B');
  });

  it('describes an update: a new lead paragraph, a changed quote and a dropped paragraph', () => {
    const lead = 'UPDATE 1: Delegations agreed to meet again on Friday, a spokeswoman for the host government said on Tuesday evening.';
    const newQuote = '"We are closer than we were last week, but still not close enough," the head of the working group told reporters.';
    const r = compareArticles(article(1, [P1, P2, P3, P4]), article(2, [lead, P1, P2, newQuote]));
    expect(r.summary).toMatchObject({ paragraphsOnlyA: 1, paragraphsOnlyB: 1, paragraphsChanged: 1, paragraphsMoved: 0, quotesChanged: 1, quotesOnlyA: 0, quotesOnlyB: 0 });
    expect(r.summary.text).toMatch(/^\d+% shared text, 1 paragraph changed, 1 paragraph only in A, 1 paragraph only in B, 1 quote changed$/);
    expect(r.quotes.changed[0]).toMatchObject({ text: 'We are closer than we were a week ago, but not close enough,', counterpart: 'We are closer than we were last week, but still not close enough,' });
    // A's words: P1+P2 shared, P3 partly, P4 not; B's: P1+P2 shared, quote partly, lead not.
    expect(r.summary.shared).toBeGreaterThan(0.45);
    expect(r.summary.shared).toBeLessThan(0.8);
    // Shared spans point at real text on each side.
    for (const s of r.b.shared) expect(r.b.article.body.slice(s.start, s.end).length).toBeGreaterThan(0);
    expect(r.b.article.body.slice(r.b.shared[0]!.start, r.b.shared[0]!.end)).toBe(P1);
  });

  it('counts a quote present in only one article', () => {
    const r = compareArticles(article(1, [P1, P3]), article(2, [P1]));
    expect(r.quotes.aOnly.map((q) => q.text)).toEqual(['We are closer than we were a week ago, but not close enough,']);
    expect(r.quotes.bOnly).toEqual([]);
    expect(r.summary.quotesOnlyA).toBe(1);
  });

  it('treats a partial quote as the same quote', () => {
    const partial = 'The chief negotiator said they were "closer than we were a week ago" but gave no details.';
    const r = compareArticles(article(1, [P3]), article(2, [partial]));
    expect(r.quotes).toEqual({ aOnly: [], bOnly: [], changed: [] });
  });

  it('still marks the text of a paragraph split in two as shared', () => {
    const [first, second] = [P2.slice(0, P2.indexOf(' and ') ), P2.slice(P2.indexOf(' and ') + 1)];
    const r = compareArticles(article(1, [P1, P2]), article(2, [P1, `${first}.`, second]));
    expect(r.summary.shared).toBeGreaterThan(0.9);
    expect(r.b.paragraphs).toHaveLength(3);
  });

  it('diffs the headlines', () => {
    const r = compareArticles(article(1, [P1]), article(2, [P1], 'UPDATE 1-Talks resume in Geneva'));
    expect(r.headlineDiff.filter((d) => d.op === 'insert').map((d) => d.text).join('')).toMatch(/UPDATE/);
  });

  it('gives a quick shared share for the matrix', () => {
    expect(sharedShare(P1, P1)).toBe(1);
    expect(sharedShare(P1, P5)).toBe(0);
    expect(sharedShare('', '')).toBe(1);
  });
});

describe('quoted passages', () => {
  it('finds straight, curly, angle and low-high quotes of three words or more', () => {
    const text = 'He said "this is fine" and “that is better”, then «это тоже хорошо» and „das ist gut“ — but "no".';
    expect(quotedPassages(text).map((q) => q.text)).toEqual(['this is fine', 'that is better', 'это тоже хорошо', 'das ist gut']);
  });
});
