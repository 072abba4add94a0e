// Derived data kept per article (the full-text index, and later quotes, near-duplicate
// signatures, term vectors). Each indexer is told when an article is stored or removed, inside
// the same transaction as the row, so derived data can never disagree with the articles.
// Everything an indexer writes must be rebuildable from the articles table (DESIGN.md, 5).
import type { ExtractedQuote } from '../quotes/extract.ts';
import type { PreparedEntry } from '../search/fts-indexer.ts';

export interface StoredArticle {
  id: number;
  headline: string;
  body: string;
  published: string | null;
  place: string | null;
  agency: string | null;
  language: string | null;
  byline?: string | null;
  /** "UPDATE 2", "CORRECTED", ... */
  versionNote?: string | null;
  /** sortableTime(published), when the store has it already (as it does for what it inserts). */
  publishedAt?: number | null;
  /**
   * The near-duplicate MinHash signature when the importer's workers computed it already
   * (null: the text is too short to have one). Absent: the indexer computes it.
   */
  minhash?: Int32Array | null;
  /**
   * The search index entry (fts-indexer.ts prepareEntry) when the importer's workers computed
   * it already from these same fields. Absent: the indexer computes it.
   */
  searchEntry?: PreparedEntry;
  /** The quotes extractQuotes finds in the body, when the workers extracted them already. */
  quotes?: ExtractedQuote[];
}

export interface ArticleIndexer {
  /** A short name for logs and `wirebench check`. */
  readonly name: string;
  add(article: StoredArticle): void;
  remove(article: StoredArticle): void;
  /**
   * Optional batching (ArticleStore.batched): after begin(), add() may hold its writes until
   * flush(), which the store calls before the caller's transaction ends, so they can be done in
   * the order that suits the index. discard() forgets them when the batch failed (the
   * transaction is rolled back).
   */
  begin?(): void;
  flush?(): void;
  discard?(): void;
  /** An import starts (true) or ends (false): write the way a long run of batches is best written. */
  bulk?(on: boolean): void;
}
