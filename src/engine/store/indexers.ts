// Derived data kept per article (the full-text index, and later quotes, near-duplicate
// signatures, term vectors). Each indexer is told when an article is stored or removed, inside
// the same transaction as the row, so derived data can never disagree with the articles.
// Everything an indexer writes must be rebuildable from the articles table (DESIGN.md, 5).

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
  /**
   * The near-duplicate MinHash signature when the importer's workers computed it already
   * (null: the text is too short to have one). Absent: the indexer computes it.
   */
  minhash?: Int32Array | null;
}

export interface ArticleIndexer {
  /** A short name for logs and `wirebench check`. */
  readonly name: string;
  add(article: StoredArticle): void;
  remove(article: StoredArticle): void;
}
