// Full-text search: queries, counts, facets, suggestions, saved searches and history, export of
// whole result lists, the name-variant groups, and rebuilding the index.
import type { ArticleMeta } from './corpus.ts';

export type SortOrder = 'relevance' | 'date';

/** Filters outside the query text (the filter bar, CLI options); the query can say the same. */
export interface SearchFilters {
  /** Inclusive date range on `published`, as "YYYY-MM-DD" (or any ISO 8601 prefix: "2022", "2022-03"). */
  from?: string;
  to?: string;
  /** Only articles from this agency/source (as listed by corpus.stats or the facets). */
  agency?: string;
  /** Only articles with this dateline place. */
  place?: string;
  /** Only articles in this language (ISO 639-1 code: "en", "ru", "uk"). */
  language?: string;
}

export interface SearchQueryArgs extends SearchFilters {
  /**
   * The query (see the README, "Search syntax"): words (implicit AND), "phrases", AND / OR / NOT,
   * -word, prefix*, NEAR/n and "a b"~n, parentheses, and the fields headline:, body:,
   * agency: (source:), place:, lang: and date:. An empty query lists every article, newest first.
   */
  query: string;
  sort?: SortOrder;
  /** With sort "relevance": newer articles get a boost. */
  recency?: boolean;
  /**
   * What words side by side mean: "all" of them (the default) or "any" of them, best matches
   * first (for a sentence or a claim pasted as the query).
   */
  match?: 'all' | 'any';
}

export interface SearchArgs extends SearchQueryArgs {
  /** Page size, 1..500 (default 50). */
  limit?: number;
  offset?: number;
  /** Record this search in the history (the window does when a search is settled, the CLI always). */
  remember?: boolean;
}

export interface SearchHit extends ArticleMeta {
  /**
   * A passage of the body around the best match. The text is HTML-escaped and every match is
   * wrapped in <mark>…</mark>; nothing else is markup, so a client can split on the marks
   * instead of trusting it as HTML.
   */
  snippet: string;
  /** BM25 relevance (higher is better); null when the results are in date order. */
  score: number | null;
}

export interface SearchResult {
  /** How many articles match: exact when `totalExact`, else an estimate ("about N"). */
  total: number;
  totalExact: boolean;
  hits: SearchHit[];
  /** The order actually used: relevance needs words to rank by, so a query of filters alone is by date. */
  order: SortOrder;
  /**
   * For relevance over very many matches: the ranking covers the newest this-many matches, and
   * the rest follow newest first. Null when every match was ranked.
   */
  rankedAmong: number | null;
  /** Set when the query was repaired (an unclosed quote closed, say): what was done. */
  notice: string | null;
  tookMs: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface MonthCount {
  /** "YYYY-MM" */
  month: string;
  count: number;
}

export interface SearchFacets {
  agencies: FacetValue[];
  places: FacetValue[];
  languages: FacetValue[];
  /** Matches per month of publication, oldest first, every month between the first and last. */
  months: MonthCount[];
  /** Matches without a date. */
  undated: number;
  /** False when the counts are estimates from a sample (very large result sets). */
  exact: boolean;
  tookMs: number;
}

export type SuggestionKind = 'person' | 'place' | 'agency' | 'headline';

export interface Suggestion {
  kind: SuggestionKind;
  text: string;
  /** How many articles it occurs in (people, places, agencies), when known. */
  count: number | null;
  /** For a headline: the newest article with it. */
  articleId: number | null;
  /** What to put in the search box for it, e.g. place:"New York" or "Dmitry Peskov". */
  query: string;
}

export interface SavedSearch {
  name: string;
  query: string;
  options: SearchOptions;
  createdAt: string;
  updatedAt: string;
}

/** What a saved search or a history entry remembers besides the query text. */
export interface SearchOptions extends SearchFilters {
  sort?: SortOrder;
  recency?: boolean;
  match?: 'all' | 'any';
}

export interface HistoryEntry {
  query: string;
  options: SearchOptions;
  at: string;
}

export type SearchExportFormat = 'csv' | 'jsonl';

export interface SearchExportArgs extends SearchQueryArgs {
  format: SearchExportFormat;
  /** Absolute path of the file to write, on the machine running the engine. */
  path: string;
  /** Also write each article's full text. */
  includeBody?: boolean;
}

export interface SearchExportProgress {
  path: string;
  rows: number;
  /** Matches to write (exact). */
  total: number;
  done: boolean;
}

export interface SearchExportResult {
  path: string;
  rows: number;
  durationMs: number;
}

export interface VariantGroup {
  /** The group's name, e.g. "Kyiv". */
  name: string;
  /** Every spelling that should find the others: "Kyiv", "Kiev", "Київ", "Киев". */
  variants: string[];
}

export interface ReindexProgress {
  done: number;
  total: number;
  finished: boolean;
}

export interface SearchMethods {
  'search.query': { args: SearchArgs; result: SearchResult };
  /** The exact number of matches (slower than `search.query` for very common words). */
  'search.count': { args: SearchQueryArgs; result: { total: number } };
  'search.facets': { args: SearchQueryArgs; result: SearchFacets };
  /** As-you-type suggestions for the last word(s) typed: people, places, agencies, headlines. */
  'search.suggest': { args: { text: string; limit?: number }; result: { suggestions: Suggestion[] } };
  /** Writes every match (no cap) to a CSV or JSONL file; progress comes as onSearchExportProgress. */
  'search.export': { args: SearchExportArgs; result: SearchExportResult };
  /** Rebuilds the search index from the articles; progress comes as onReindexProgress. */
  'search.reindex': { args: Record<string, never>; result: { articles: number; durationMs: number } };
  'searches.list': { args: Record<string, never>; result: { searches: SavedSearch[] } };
  /** Saves (or replaces) a named search. */
  'searches.save': { args: { name: string; query: string; options?: SearchOptions }; result: SavedSearch };
  'searches.delete': { args: { name: string }; result: { deleted: boolean } };
  'history.list': { args: { limit?: number }; result: { entries: HistoryEntry[] } };
  'history.clear': { args: Record<string, never>; result: { cleared: number } };
  'variants.list': { args: Record<string, never>; result: { groups: VariantGroup[] } };
  /** Creates or replaces a group of spellings. */
  'variants.set': { args: VariantGroup; result: VariantGroup };
  'variants.delete': { args: { name: string }; result: { deleted: boolean } };
}
