// Comparing two articles: aligned paragraphs with word-level differences, shared passages
// marked on both sides, quotes only in one, and a one-line summary. Pure: text in, result out.
import type { AlignedRow, Article, CompareResult, CompareSide, CompareSummary } from '../../shared/api.ts';
import { alignParagraphs, wordDiff } from './align.ts';
import { compareQuotes, quotedPassages } from './quoted.ts';
import { sharedWords, spansOf } from './shared-spans.ts';
import { paragraphs, words } from './text.ts';

type Comparable = Pick<Article, 'id' | 'headline' | 'published' | 'place' | 'agency' | 'language' | 'body'> & { versionNote?: string | null };

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function summarise(s: Omit<CompareSummary, 'text'>): string {
  const parts = [`${Math.round(s.shared * 100)}% shared text`];
  if (s.paragraphsChanged) parts.push(`${plural(s.paragraphsChanged, 'paragraph')} changed`);
  if (s.paragraphsMoved) parts.push(`${plural(s.paragraphsMoved, 'paragraph')} moved`);
  if (s.paragraphsOnlyA) parts.push(`${plural(s.paragraphsOnlyA, 'paragraph')} only in A`);
  if (s.paragraphsOnlyB) parts.push(`${plural(s.paragraphsOnlyB, 'paragraph')} only in B`);
  if (s.quotesChanged) parts.push(`${plural(s.quotesChanged, 'quote')} changed`);
  if (s.quotesOnlyA) parts.push(`${plural(s.quotesOnlyA, 'quote')} only in A`);
  if (s.quotesOnlyB) parts.push(`${plural(s.quotesOnlyB, 'quote')} only in B`);
  return parts.join(', ');
}

/** The share of words two texts have in common (0..1), without the alignment work. */
export function sharedShare(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length + wb.length === 0) return 1;
  const flags = sharedWords(wa, wb);
  return (count(flags.a) + count(flags.b)) / (wa.length + wb.length);
}

function count(flags: boolean[]): number {
  let n = 0;
  for (const f of flags) if (f) n++;
  return n;
}

export function compareArticles(a: Comparable, b: Comparable): CompareResult {
  const started = performance.now();
  const pa = paragraphs(a.body);
  const pb = paragraphs(b.body);
  const wa = pa.flatMap((p) => p.words);
  const wb = pb.flatMap((p) => p.words);
  const flags = sharedWords(wa, wb);
  const rows: AlignedRow[] = alignParagraphs(pa, pb);
  const quotes = compareQuotes(quotedPassages(a.body), quotedPassages(b.body));
  const side = (x: Comparable, ps: typeof pa, ws: typeof wa, f: boolean[]): CompareSide => ({
    article: { id: x.id, headline: x.headline, published: x.published, place: x.place, agency: x.agency, language: x.language, body: x.body, versionNote: x.versionNote ?? null },
    paragraphs: ps.map((p) => ({ start: p.start, end: p.end })),
    shared: spansOf(ws, f, x.body),
    words: ws.length,
    sharedWords: count(f),
  });
  const sa = side(a, pa, wa, flags.a);
  const sb = side(b, pb, wb, flags.b);
  const base = {
    shared: wa.length + wb.length === 0 ? 1 : (sa.sharedWords + sb.sharedWords) / (wa.length + wb.length),
    paragraphsOnlyA: rows.filter((r) => r.kind === 'a-only').length,
    paragraphsOnlyB: rows.filter((r) => r.kind === 'b-only').length,
    paragraphsChanged: rows.filter((r) => r.kind === 'changed').length,
    paragraphsMoved: rows.filter((r) => (r.kind === 'same' || r.kind === 'changed') && r.moved).length,
    quotesOnlyA: quotes.aOnly.length,
    quotesOnlyB: quotes.bOnly.length,
    quotesChanged: quotes.changed.length,
  };
  return {
    a: sa,
    b: sb,
    headlineDiff: wordDiff(a.headline, b.headline),
    rows,
    summary: { ...base, shared: Math.round(base.shared * 1000) / 1000, text: summarise(base) },
    quotes,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
