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
  body: string;
  /** The file the article came from, as an absolute path on the machine that imported it. */
  path: string | null;
  importedAt: string;
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

export interface CorpusMethods {
  'corpus.stats': { args: Record<string, never>; result: CorpusStats };
  'article.get': { args: ArticleGetArgs; result: ArticleWithMatches };
}
