// Side-by-side comparison of articles.
import type { ArticleMeta } from './corpus.ts';

/** A paragraph of an article body, as UTF-16 offsets into the body. */
export interface ParagraphSpan {
  start: number;
  end: number;
}

/** A word-level difference between two aligned paragraphs, read from A to B. */
export interface DiffPart {
  /** equal: in both; delete: only in A; insert: only in B. */
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/**
 * One row of the side-by-side view. Rows follow A's order; a paragraph only in B sits after
 * the row of the B paragraph before it. `moved` marks a pair that is out of order between the
 * two articles. Indexes point into the sides' `paragraphs`.
 */
export type AlignedRow =
  | { kind: 'same'; a: number; b: number; moved: boolean }
  | { kind: 'changed'; a: number; b: number; moved: boolean; similarity: number; diff: DiffPart[] }
  | { kind: 'a-only'; a: number }
  | { kind: 'b-only'; b: number };

export interface TextSpan {
  start: number;
  end: number;
}

export interface CompareSide {
  article: ArticleMeta & { body: string; versionNote: string | null };
  paragraphs: ParagraphSpan[];
  /** Passages this side shares with the other (runs of at least a few words in common). */
  shared: TextSpan[];
  words: number;
  sharedWords: number;
}

export interface QuotedPassage extends TextSpan {
  text: string;
  /** For a quote that appears on both sides with different words: the other side's version. */
  counterpart: string | null;
}

export interface CompareSummary {
  /** Share of the two texts' words that they have in common, 0..1. */
  shared: number;
  paragraphsOnlyA: number;
  paragraphsOnlyB: number;
  paragraphsChanged: number;
  paragraphsMoved: number;
  quotesOnlyA: number;
  quotesOnlyB: number;
  quotesChanged: number;
  /** The summary line, e.g. "78% shared text, 3 paragraphs only in B, 2 quotes changed". */
  text: string;
}

export interface CompareResult {
  a: CompareSide;
  b: CompareSide;
  headlineDiff: DiffPart[];
  rows: AlignedRow[];
  summary: CompareSummary;
  /** Quoted passages found in only one side, and those whose wording differs (changed). */
  quotes: { aOnly: QuotedPassage[]; bOnly: QuotedPassage[]; changed: QuotedPassage[] };
  tookMs: number;
}

export interface CompareMatrix {
  articles: ArticleMeta[];
  /** shared[i][j]: share of text articles i and j have in common (the diagonal is 1). */
  shared: number[][];
}

export interface CompareMethods {
  'compare.articles': { args: { a: number; b: number }; result: CompareResult };
  /** Pairwise shared-text shares for 2 to 20 articles. */
  'compare.matrix': { args: { ids: number[] }; result: CompareMatrix };
}
