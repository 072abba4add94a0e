// Articles and the corpus as a whole.

/** The fields a result list or citation needs; the body is fetched only when reading. */
export interface ArticleMeta {
  id: number;
  headline: string;
  /**
   * ISO 8601 at the precision the source gave: "2019-01-04", "2022-03-21T12:47"
   * (local time of the source, zone unknown) or "2021-01-26T14:26:27-05:00".
   */
  published: string | null;
  place: string | null;
  agency: string | null;
  /** ISO 639-1 code ("en", "ru", "uk") when detected. */
  language: string | null;
}

export interface Article extends ArticleMeta {
  /** Plain text; paragraphs are separated by a blank line. */
  body: string;
  /** The file the article came from, as an absolute path on the machine that imported it. */
  path: string | null;
  importedAt: string;
  /** The author(s) as the source printed them ("Jane Smith"), without "By". */
  byline: string | null;
  /** The article's web address, when the file gave one (web pages, feeds, tables). */
  url: string | null;
  /** A version marker the source printed: "UPDATE 2", "CORRECTED", "REFILE". */
  versionNote: string | null;
  /** Where the file says it was published (newspaper, site, feed title, database source). */
  site: string | null;
  /** The article's near-duplicate group, when other stored articles tell the same story. */
  nearDuplicateGroup: NearDuplicateGroup | null;
}

/**
 * Articles that are the same story (wire copy republished, "UPDATE 1", a light rewrite),
 * found by MinHash over word shingles. `id` is stable while the group's first article stays.
 */
export interface NearDuplicateGroup {
  id: number;
  /** Members, this article included (always at least 2). */
  size: number;
}

export interface NearDuplicate extends ArticleMeta {
  versionNote: string | null;
  /** Estimated Jaccard similarity of the two texts' word shingles, 0..1 (1 for the article itself). */
  similarity: number;
}

export interface NearDuplicatesResult {
  group: NearDuplicateGroup | null;
  /** Every member of the group, the asked-for article included, oldest published first. */
  members: NearDuplicate[];
}

/** A span of text in an article that matched the query, as UTF-16 offsets into that field. */
export interface TextMatch {
  field: 'headline' | 'body';
  start: number;
  end: number;
}

export interface ArticleGetArgs {
  id: number;
  /** When given, the matches of this search query in the article are returned too. */
  query?: string;
}

export interface ArticleWithMatches extends Article {
  matches: TextMatch[];
}

export interface CountedValue {
  value: string;
  count: number;
}

export interface CorpusStats {
  articles: number;
  agencies: CountedValue[];
  /** Earliest and latest `published` in the corpus, or null when no article has a date. */
  earliest: string | null;
  latest: string | null;
}

/** An article like the asked-for one: a near-duplicate from its group, or related by shared rare words. */
export interface SimilarArticle extends ArticleMeta {
  versionNote: string | null;
  /**
   * 0..1. For a near-duplicate, the estimated share of word shingles in common; for a related
   * article, its BM25 score for the article's most distinctive words relative to the
   * article's own score for them.
   */
  score: number;
  kind: 'near-duplicate' | 'related';
}

export interface SimilarResult {
  /** Near-duplicates first (most similar first), then related articles, best first. */
  articles: SimilarArticle[];
  /** The distinctive words (index keys) the related articles were found by. */
  terms: string[];
  tookMs: number;
}

export interface CorpusMethods {
  'corpus.stats': { args: Record<string, never>; result: CorpusStats };
  'article.get': { args: ArticleGetArgs; result: ArticleWithMatches };
  /** The article's near-duplicate group with each member's similarity to it. */
  'article.nearDuplicates': { args: { id: number }; result: NearDuplicatesResult };
  /** Articles like this one: its near-duplicates, then more-like-this by shared rare words. */
  'article.similar': { args: { id: number; limit?: number }; result: SimilarResult };
  /**
   * Desktop app only (other shells answer "unsupported"): opens the file the article was
   * imported from with the system's default application. The path is the one stored with the
   * article; the caller names only the article.
   */
  'article.openSource': { args: { id: number }; result: { path: string } };
  /** Desktop app only: shows the article's source file in the system's file manager. */
  'article.revealSource': { args: { id: number }; result: { path: string } };
}
