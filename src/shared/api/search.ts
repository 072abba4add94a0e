// Full-text search.
import type { ArticleMeta } from './corpus.ts';

export type SortOrder = 'relevance' | 'date';

export interface SearchArgs {
  /**
   * The query: words (implicit AND), "phrases" (straight or curly quotes), AND / OR / NOT,
   * -word, prefix*, and parentheses. An empty query lists every article, newest first.
   */
  query: string;
  sort?: SortOrder;
  /** Page size, 1..500 (default 50). */
  limit?: number;
  offset?: number;
  /** Inclusive date range on `published`, as "YYYY-MM-DD" (or any ISO 8601 prefix: "2022", "2022-03"). */
  from?: string;
  to?: string;
  /** Only articles from this agency/source (exact value, as listed by corpus.stats). */
  agency?: string;
}

export interface SearchHit extends ArticleMeta {
  /**
   * A passage of the body around the best match. The text is HTML-escaped and every match is
   * wrapped in <mark>…</mark>; nothing else is markup, so a client can split on the marks
   * instead of trusting it as HTML.
   */
  snippet: string;
  /** BM25 relevance (higher is better); null when the query is empty. */
  score: number | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Set when the query was repaired (an unclosed quote closed, say): what was done. */
  notice: string | null;
  tookMs: number;
}

export interface SearchMethods {
  'search.query': { args: SearchArgs; result: SearchResult };
}
