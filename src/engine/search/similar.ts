// "More like this": the articles that share an article's most distinctive words. The words are
// the article's own index keys (normalise.ts), weighted by tf-idf: how often the article uses
// a key times how rare the key is in the corpus. Document frequencies come from the search
// index itself, counted only up to a cap (a key in more articles than that says little about
// any of them), so the cost per key is bounded at any corpus size. The best keys then go
// through FTS5 as one OR query ranked by BM25.
import type { Db } from '../db/open.ts';
import { sortableTime } from '../ingest/dates.ts';
import { bucketOf, FTS_TABLE, MAX_ARTICLE_ID, ROWID_OF } from './index-layout.ts';
import { keyOf, keyStream, stemmerFor } from './normalise.ts';
import { COLUMN_WEIGHTS } from './search.ts';

/** Keys whose document frequency is looked up, per article (each lookup costs up to DF_CAP postings). */
const MAX_EXAMINED = 80;
/** Keys in the OR query. */
const MAX_QUERY_TERMS = 12;
/** Document frequencies are counted up to this; a key in more articles is too common to use. */
const DF_CAP = 1000;
/** Related articles scoring less than this (relative to the article itself) are left out. */
const MIN_SCORE = 0.05;
/** A headline word counts as this many body words when choosing keys. */
const HEADLINE_TF = 3;

// Function words never make an article distinctive; skipping them saves lookups.
const STOP_WORDS = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours out over own said same says she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself year years new one two three last first mr mrs ms per cent percent
would told also week told day days time after told reuters reporters spokesman`
  .split(/\s+/)
  .filter(Boolean);
const STOP_KEYS = new Set(STOP_WORDS.map((w) => keyOf(w)));

export interface SimilarSource {
  id: number;
  headline: string;
  body: string;
  published: string | null;
  language: string | null;
}

export interface RelatedHit {
  id: number;
  /** 0..1: BM25 relative to the article's own score for the same words. */
  score: number;
}

export interface DistinctiveTerm {
  key: string;
  weight: number;
  df: number;
}

const quote = (key: string): string => `"${key.replace(/"/g, '""')}"`;

export class SimilarFinder {
  private readonly df;
  private readonly relatedQuery;
  private readonly self;
  /** Document frequencies (capped), until the corpus changes. */
  private readonly dfCache = new Map<string, number>();

  constructor(db: Db) {
    this.df = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? LIMIT ${DF_CAP})`).pluck();
    const bm25 = `bm25(${FTS_TABLE}, ${COLUMN_WEIGHTS})`;
    this.relatedQuery = db.prepare(`SELECT (rowid & ${MAX_ARTICLE_ID}) AS id, ${bm25} AS rank FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? ORDER BY rank LIMIT ?`);
    // `+rowid`: the bundled SQLite ignores a bound rowid next to an FTS5 MATCH (see search.ts).
    this.self = db.prepare(`SELECT ${bm25} AS rank FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH @match AND +rowid = ${ROWID_OF}`).pluck();
  }

  corpusChanged(): void {
    this.dfCache.clear();
  }

  private docFrequency(key: string): number {
    let n = this.dfCache.get(key);
    if (n === undefined) {
      n = this.df.get(`{headline body} : ${quote(key)}`) as number;
      if (this.dfCache.size > 200_000) this.dfCache.clear();
      this.dfCache.set(key, n);
    }
    return n;
  }

  /**
   * The article's most distinctive keys, best first. `total` is the number of articles;
   * `minDf` leaves out keys found in no more articles than the article and its near-duplicates.
   */
  distinctiveTerms(article: SimilarSource, total: number, minDf: number): DistinctiveTerm[] {
    const stemmer = stemmerFor(article.language);
    const tf = new Map<string, number>();
    const count = (text: string, weight: number): void => {
      for (const key of keyStream(text, stemmer).split(' ')) {
        // Very short keys and bare numbers are rarely what a story is about.
        if (key.length < 3 || STOP_KEYS.has(key) || /^\d+$/.test(key)) continue;
        tf.set(key, (tf.get(key) ?? 0) + weight);
      }
    };
    count(article.headline, HEADLINE_TF);
    count(article.body, 1);
    // Which keys to look up: the most used first, longer (usually rarer) words breaking ties.
    const examined = [...tf].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_EXAMINED);
    // In a small corpus every key is rare enough to count; idf weighs the common ones down.
    const cap = Math.min(DF_CAP, Math.max(20, Math.ceil(total * 0.1)));
    const terms: DistinctiveTerm[] = [];
    for (const [key, n] of examined) {
      const df = this.docFrequency(key);
      if (df <= minDf || df >= cap) continue;
      const weight = (1 + Math.log(n)) * Math.log(total / df);
      if (weight > 0) terms.push({ key, df, weight });
    }
    return terms.sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1)).slice(0, MAX_QUERY_TERMS);
  }

  /** Related articles (the article and `exclude` left out), best first, with the keys used. */
  related(article: SimilarSource, total: number, exclude: ReadonlySet<number>, limit: number): { hits: RelatedHit[]; terms: string[] } {
    const terms = this.distinctiveTerms(article, total, exclude.size + 1);
    if (terms.length === 0) return { hits: [], terms: [] };
    const match = `{headline body} : (${terms.map((t) => quote(t.key)).join(' OR ')})`;
    const rows = this.relatedQuery.all(match, limit + exclude.size + 1) as { id: number; rank: number }[];
    // BM25 in FTS5 is negative, better is lower. The article's own score for these words is
    // the natural top of the scale.
    let top = rows.find((r) => r.id === article.id)?.rank;
    if (top === undefined) {
      top = (this.self.get({ match, bucket: bucketOf(sortableTime(article.published)), id: article.id }) as number | undefined) ?? rows[0]?.rank ?? -1;
    }
    const hits: RelatedHit[] = [];
    for (const r of rows) {
      if (r.id === article.id || exclude.has(r.id)) continue;
      const score = Math.round(Math.min(1, top < 0 ? r.rank / top : 0) * 1000) / 1000;
      // Rows come best first: below this, an article shares a stray word, not a subject.
      if (score < MIN_SCORE) break;
      hits.push({ id: r.id, score });
      if (hits.length >= limit) break;
    }
    return { hits, terms: terms.map((t) => t.key) };
  }
}
