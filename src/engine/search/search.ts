// Full-text search over the corpus: the user's query parsed by our parser, compiled to FTS5 over
// the key streams of search_fts (index-layout.ts), and run by a small planner whose job is to
// answer the first page fast however many articles match:
//
//   - Date order walks FTS5 rowids downwards (rowids are in publication order) and stops after
//     the page: a handful of rows whatever the query.
//   - Relevance ranks every match by BM25 (headline weighted above body, optional recency boost)
//     when there are at most RANK_CAP of them. Beyond that, ranking every match costs about a
//     microsecond a row (close to a second for "said" in a million articles), so the newest
//     RANK_CAP matches are ranked and the rest follow newest first; the result says so
//     (`rankedAmong`) and the window shows it.
//   - The newest matches are scored as they are read, in one pass (onePass) that also counts
//     them. FTS5's bm25() first counts, over the whole corpus, the articles holding each phrase
//     of the query (its IDF): the whole posting list of a common word or a filter token, and a
//     full evaluation of a phrase or NEAR, most of the cost at a million articles. Our ranking
//     function (rank-function.ts) gives the same scores from document frequencies the planner
//     estimates once per phrase (dfsFor). Where it is missing and bm25() ranks, the planner
//     scores either the query itself or only its positive words (a phrase by its words), each
//     the OR of its keys, over the window's time range, whichever its cost estimate (COST)
//     finds cheaper; the two give the same scores wherever the words are all the query scores
//     by (filters carry weight 0, excluded words score nothing). Words in so large a share of
//     the corpus that their IDF is close to nothing are not scored at all; a query of nothing
//     else is listed newest first, and says so.
//   - The total is exact up to COUNT_CAP matches; beyond, it is estimated from how far back in
//     time the newest COUNT_CAP matches reach (an "about N" the result labels as such), and
//     `search.count` gives the exact figure on demand.
//
// Snippets and the reader's marks are computed in JS from the original text (marks.ts).
import type {
  ArticleMeta, FacetValue, MonthCount, SearchArgs, SearchFacets, SearchFilters, SearchHit, SearchQueryArgs, SearchResult, TextMatch,
} from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import { dateBound } from '../ingest/dates.ts';
import { CorpusProfiles, timeOfBucket } from './corpus-profile.ts';
import { compileQuery, ftsPhrases, ftsString, type CompiledQuery, type MarkSpec, type TextField } from './fts-compile.ts';
import { bucketOf, FTS_TABLE, ID_BITS, ID_OF_ROWID, MAX_ARTICLE_ID, MAX_BUCKET, META_ALL, ROWID_RANGE } from './index-layout.ts';
import { matchesIn, snippetOf, escapeHtml } from './marks.ts';
import { stemmerFor } from './normalise.ts';
import { KeyExpander } from './query-keys.ts';
import { loadRankFunction } from './rank-function.ts';
import { parseQuery, QueryError } from './query-parser.ts';

/** BM25 column weights: a word in the headline counts as much as several in the body. */
export const HEADLINE_WEIGHT = 4;
export const BODY_WEIGHT = 1;
/** The weights as bm25() takes them: in search_fts's column order, body, headline, meta (migration 0032). */
export const COLUMN_WEIGHTS = `${BODY_WEIGHT}, ${HEADLINE_WEIGHT}, 0`;
const BM25_BUILTIN = `bm25(${FTS_TABLE}, ${COLUMN_WEIGHTS})`;
/** The same scores from our ranking function, given each phrase's document frequency (@dfs). */
const WB_BM25 = `wb_bm25(${FTS_TABLE}, ${COLUMN_WEIGHTS}, @dfs)`;
/**
 * Relevance ranks at most this many matches (the newest), and the total is counted exactly up to
 * this many: one bounded pass finds both, so a query costs about the same at any corpus size.
 */
export const RANK_CAP = 5_000;
/** The same for heavy queries (phrases, NEAR, broad prefixes), whose every match costs more. */
export const HEAVY_RANK_CAP = 1_000;
export const COUNT_CAP = RANK_CAP;
/** Facets over more matches than this are estimated from the newest this-many. */
export const FACET_SAMPLE = 2_000;
/** Per month of the histogram, matches counted before the month is estimated. */
const MONTH_CAP = 100;
/** Recency boost: an article this many days older than the newest match counts half as much extra. */
const RECENCY_DAYS = 60;
const DEFAULT_LIMIT = 50;
/**
 * A word in at least this many articles, and in COMMON_SHARE of all, is not scored: its IDF is
 * close to nothing, and bm25() would read its whole posting list (most of the index) to find it.
 */
export const COMMON_DOCS = 50_000;
const COMMON_SHARE = 0.5;
/** How many of a word's newest matches are counted to estimate how common it is. */
const COMMON_PROBE = 2_000;
/** Scoring by the units reads at most this many rows; beyond, the query itself is scored. */
const SCORE_ROWS = 20_000;
export const COMMON_NOTICE = 'Every word searched for is in a large share of the articles, so they cannot rank them: newest first.';

/**
 * The indexes of the `k` highest scores, best first; ties (and unscored matches) keep their
 * order, which is newest first. A page is a few dozen of thousands, so no full sort.
 */
export function topIndexes(scores: number[], k: number): number[] {
  const n = scores.length;
  if (k >= n / 4) return [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    if (best.length === k && !(score > scores[best[k - 1]!]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scores[best[mid]!]! >= score) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * Relative costs (about microseconds on the benchmark machine) the planner weighs to choose how
 * to score: reading one entry of a posting list (bm25()'s IDF pass), checking one candidate
 * article for a phrase or NEAR, scoring one row in SQL, and scoring one row handed to JS.
 */
const COST = { posting: 0.05, phraseCandidate: 0.02, scoredRow: 1, returnedRow: 2, windowRow: 0.3 };

function unitsCost(units: ScoringUnit[], rows: number, windowRows: number): number {
  return windowRows * COST.windowRow + units.reduce((n, u) => n + u.docs, 0) * COST.posting + rows * COST.returnedRow;
}

export interface ScoringUnit {
  /** An FTS5 expression: one word's keys, OR-ed. */
  unit: string;
  /** How many articles hold it (estimated when many). */
  docs: number;
  /** Too common to rank by. */
  common: boolean;
}

/**
 * Whether scoring the query itself with bm25() costs no more than scoring its words: no
 * metadata filters (their tokens are in a large share of the corpus), exclusions, phrases, NEAR
 * or wide prefixes, each of which bm25() would evaluate over the whole corpus for its IDF.
 */
function isPlain(match: string, heavy: boolean): boolean {
  return !heavy && !/"[a-z]_|\bNOT\b|NEAR\(/.test(match);
}

/**
 * The statement of the one-pass ranking: rows of [article id, score, window count, oldest and
 * newest time part of the window]. With `recent`, the score is boosted by recency relative to the
 * window's newest match, as recencyFactor() does.
 */
function onePassSql(where: string, score: string, recent = false): string {
  const newest = `((SELECT max(r) FROM w) >> ${ID_BITS})`;
  const scored = recent ? `s * (1.0 + ${RECENCY_DAYS}.0 / (${RECENCY_DAYS}.0 + max(0, ${newest} - (r >> ${ID_BITS})) / 86400.0))` : 's';
  return `WITH w AS MATERIALIZED (SELECT rowid AS r, ${score} AS s FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid DESC LIMIT @cap)
    SELECT r & ${MAX_ARTICLE_ID} AS id, ${scored} AS score, (SELECT count(*) FROM w), ((SELECT min(r) FROM w) >> ${ID_BITS}), ${newest}
    FROM w ORDER BY score DESC, r DESC LIMIT @limit OFFSET @offset`;
}

function recencyFactor(newest: number, bucket: number): number {
  return 1 + RECENCY_DAYS / (RECENCY_DAYS + Math.max(0, newest - bucket) / 86400);
}

interface Window {
  /** Matches counted (at most the cap). */
  n: number;
  /** Time part of the oldest and newest of them. */
  bucket: number | null;
  newest: number | null;
}

/** The window with its matches: [article id, time part], newest first. */
interface IdWindow extends Window {
  rows: Array<[number, number]>;
}

export interface ArticleRow extends ArticleMeta {
  body: string;
}

/** A query ready to run: the compiled form plus the bound parameters every statement takes. */
export interface PreparedQuery {
  compiled: CompiledQuery;
  params: { match: string; lo: number; hi: number };
  notices: string[];
  order: 'relevance' | 'date';
  recency: boolean;
  /** How many of the newest matches are counted exactly and ranked. */
  cap: number;
}

export class SearchService {
  readonly keys: KeyExpander;
  readonly profiles: CorpusProfiles;
  private readonly db: Db;
  private readonly statements;

  /** The bounds above; smaller ones let tests reach the paths for very large result sets. */
  private readonly rankCap: number;
  private readonly facetSample: number;
  private readonly monthCap: number;
  private readonly commonDocs: number;
  private readonly scoring: 'cost' | 'units' | 'query';
  /** Whether the connection has our ranking function (rank-function.ts), else bm25(). */
  readonly rankFunction: boolean;
  /** Document frequencies per phrase of an expression, as wb_bm25 takes them (cached). */
  private readonly phraseDocs = new Map<string, string>();
  /** Articles per scoring unit (estimated), until the corpus changes. */
  private readonly unitDocs = new Map<string, number>();

  /**
   * `commonDocs`: how many articles make a word too common to score (tests lower it); `scoring`:
   * let the planner choose how to score by cost, or force one way (tests compare the two).
   */
  constructor(
    db: Db,
    limits: { rankCap?: number; facetSample?: number; monthCap?: number; commonDocs?: number; scoring?: 'cost' | 'units' | 'query'; rankFunction?: boolean } = {},
  ) {
    this.db = db;
    this.rankFunction = limits.rankFunction === false ? false : loadRankFunction(db);
    const BM25 = this.rankFunction ? WB_BM25 : BM25_BUILTIN;
    this.scoring = limits.scoring ?? 'cost';
    this.commonDocs = limits.commonDocs ?? COMMON_DOCS;
    this.rankCap = limits.rankCap ?? RANK_CAP;
    this.facetSample = limits.facetSample ?? FACET_SAMPLE;
    this.monthCap = limits.monthCap ?? MONTH_CAP;
    this.keys = new KeyExpander(db);
    this.profiles = new CorpusProfiles(db);
    const where = `${FTS_TABLE} MATCH @match AND ${ROWID_RANGE}`;
    this.statements = {
      byDateIds: db.prepare(`SELECT ${ID_OF_ROWID} FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid DESC LIMIT @limit OFFSET @offset`).pluck(),
      /** The count of up to @cap newest matches and the oldest rowid's time part among them. */
      window: db.prepare(`SELECT count(*) AS n, min(rowid) >> ${ID_BITS} AS bucket, max(rowid) >> ${ID_BITS} AS newest FROM (SELECT rowid FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid DESC LIMIT @cap)`),
      count: db.prepare(`SELECT count(*) FROM ${FTS_TABLE} WHERE ${where}`).pluck(),
      /** The @cap newest matches: article id and time part. */
      windowIds: db.prepare(`SELECT ${ID_OF_ROWID}, rowid >> ${ID_BITS} FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid DESC LIMIT @cap`).raw(),
      /** Up to @limit newest rows holding a scoring unit: id, time part, score (higher is better). */
      scored: db.prepare(`SELECT ${ID_OF_ROWID}, rowid >> ${ID_BITS}, -${BM25} FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid DESC LIMIT @limit`).raw(),
      /**
       * One pass: the @cap newest matches, each scored as it is read, kept in a temporary
       * b-tree; from it the page (best first, ties newest first), the window's count and span.
       * Walking the matches once instead of counting them first and scoring them after is a
       * third to a half of a ranked query's time.
       */
      onePass: db.prepare(onePassSql(where, `-${BM25}`)).raw(),
      onePassRecent: db.prepare(onePassSql(where, `-${BM25}`, true)).raw(),
      /**
       * Up to @cap oldest matches in a range and the time part of the newest of them. FTS5 seeks
       * fast to a lower rowid bound going up, but walks to an upper bound going down, so the
       * months of the histogram are read upwards.
       */
      windowUp: db.prepare(`SELECT count(*) AS n, max(rowid) >> ${ID_BITS} AS bucket FROM (SELECT rowid FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid ASC LIMIT @cap)`),
      sample: db.prepare(`
        SELECT a.agency, a.place, a.language, m.rowid >> ${ID_BITS} AS bucket
        FROM (SELECT rowid FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid DESC LIMIT @cap) AS m
        CROSS JOIN articles a ON a.id = (m.rowid & ${MAX_ARTICLE_ID})`),
      article: db.prepare('SELECT id, headline, published, place, agency, language, body FROM articles WHERE id = ?'),
    };
  }

  /** Articles were added or removed: cached corpus figures must be recomputed. */
  corpusChanged(): void {
    this.profiles.invalidate();
    this.unitDocs.clear();
    this.phraseDocs.clear();
    this.keys.corpusChanged();
  }

  /** Parses and compiles a query with its filters; throws WbFailure('bad_query') with a position. */
  prepare(args: SearchQueryArgs): PreparedQuery {
    const filters = readFilters(args);
    let compiled: CompiledQuery;
    try {
      const parsed = parseQuery(args.query, { implicit: args.match === 'any' ? 'or' : 'and' });
      compiled = compileQuery(parsed.root, { keys: this.keys, years: () => this.profiles.years() }, filters, parsed.notices);
    } catch (error) {
      if (error instanceof QueryError) throw new WbFailure('bad_query', error.message, error.position);
      throw error;
    }
    return {
      compiled,
      // A query of no words and no filters lists every article: the token every article has.
      params: { match: compiled.match ?? `"${META_ALL}"`, lo: compiled.lo, hi: compiled.hi },
      notices: compiled.notices,
      order: args.sort === 'date' || !compiled.hasText ? 'date' : 'relevance',
      recency: Boolean(args.recency),
      cap: compiled.heavy ? Math.min(this.rankCap, HEAVY_RANK_CAP) : this.rankCap,
    };
  }

  query(args: SearchArgs): SearchResult {
    const started = performance.now();
    const q = this.prepare(args);
    const limit = args.limit ?? DEFAULT_LIMIT;
    const offset = args.offset ?? 0;
    return this.guard(() => {
      let total = 0;
      let totalExact = true;
      let ids: Array<{ id: number; score: number | null }> = [];
      let rankedAmong: number | null = null;
      let order = q.order;
      let common = false;
      if (q.params.lo <= q.params.hi) {
        const all = order === 'relevance' ? this.scoringUnits(q) : [];
        const units = all.filter((u) => !u.common);
        if (order === 'relevance' && units.length === 0) {
          // Every word is in a large share of the corpus: it cannot tell articles apart (its
          // IDF is near zero) and scoring it would mean reading its whole posting list.
          order = 'date';
          common = true;
        }
        if (order === 'date') {
          // The count of the newest matches is all the planner needs; the page is a short walk.
          const w = this.statements.window.get({ ...q.params, cap: q.cap }) as Window;
          ({ total, totalExact } = this.totalFrom(q, w));
          if (total > 0) ids = (this.statements.byDateIds.all({ ...q.params, limit, offset }) as number[]).map((id) => ({ id, score: null }));
        } else if (this.scoresQueryItself(q, all, units)) {
          // bm25() over the query itself costs no more than over its words: one pass ranks the
          // newest matches and counts them.
          const one = this.rankedInOnePass(q, limit, offset);
          ({ total, totalExact } = this.totalFrom(q, one.window));
          ({ rows: ids, rankedAmong } = one);
        } else {
          // One pass over at most `cap` newest matches gives the count (or the basis of an
          // estimate), the ids to rank, and where the ranking window starts.
          const window = this.windowOf(q);
          ({ total, totalExact } = this.totalFrom(q, window));
          if (total > 0) ({ rows: ids, rankedAmong } = this.ranked(q, window, all, limit, offset));
        }
      }
      const hits = ids.map(({ id, score }) => this.hit(id, score, q.compiled.marks)).filter((h): h is SearchHit => h !== null);
      const repaired = q.notices.length ? `Query repaired: ${q.notices.join('; ')}.` : null;
      return {
        total,
        totalExact,
        hits,
        order,
        rankedAmong,
        notice: [repaired, common && total > 0 ? COMMON_NOTICE : null].filter(Boolean).join(' ') || null,
        tookMs: Math.round((performance.now() - started) * 10) / 10,
      };
    });
  }

  /** The newest `cap` matches (ids and time parts, newest first) with their count and span. */
  private windowOf(q: PreparedQuery): IdWindow {
    const rows = this.statements.windowIds.all({ ...q.params, cap: q.cap }) as Array<[number, number]>;
    return { n: rows.length, bucket: rows.length ? rows[rows.length - 1]![1] : null, newest: rows.length ? rows[0]![1] : null, rows };
  }

  /**
   * What relevance is scored by: the positive words of the query (a phrase by its words), each
   * as the OR of its keys, without those that occur in so large a share of the corpus that they
   * rank nothing. Filters, exclusions and the phrase structure are left to the matching query:
   * FTS5's bm25() reads the whole posting list of every phrase it scores (for its IDF), which
   * for a phrase of common words means evaluating the phrase over the whole corpus.
   */
  scoringUnits(q: PreparedQuery): ScoringUnit[] {
    const units = new Set<string>();
    const add = (field: TextField | null, keys: Iterable<string>, prefixes: string[] = []): void => {
      const parts = [...prefixes.map((p) => `${ftsString(p)}*`), ...[...keys].map(ftsString)];
      if (parts.length === 0) return;
      const expr = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
      units.add(field ? `{${field}} : ${expr}` : expr);
    };
    for (const w of q.compiled.marks.words) add(w.field, w.keys, w.prefixes);
    for (const s of q.compiled.marks.sequences) for (const step of s.steps) add(s.field, step);
    const total = this.profiles.get().total;
    return [...units].map((unit) => {
      const docs = this.docsOf(unit);
      return { unit, docs, common: docs >= this.commonDocs && docs >= COMMON_SHARE * total };
    });
  }

  /**
   * What scoring the query itself costs (see COST): bm25() reads the posting list of every
   * word, filter token and excluded word for its IDF, evaluates every phrase and NEAR over the
   * whole corpus, and then scores the window's matches.
   */
  private queryCost(q: PreparedQuery, units: ScoringUnit[], matches: number): number {
    let cost = matches * COST.scoredRow;
    for (const u of units) cost += u.docs * COST.posting;
    for (const m of q.params.match.matchAll(/"([a-z]_[^"]*)"/g)) cost += this.docsOf(m[0]) * COST.posting;
    if (q.compiled.heavy && units.length) cost += Math.min(...units.map((u) => u.docs)) * COST.phraseCandidate;
    return cost;
  }

  /**
   * How many articles a scoring unit (or a phrase) is in: exact when few, else estimated from
   * its newest, or counted when they reach the undated articles (no time to estimate by); cached
   * until the corpus changes.
   */
  private docsOf(unit: string): number {
    let known = this.unitDocs.get(unit);
    if (known === undefined) {
      const params = { match: unit, lo: 0, hi: MAX_BUCKET };
      const w = this.statements.window.get({ ...params, cap: COMMON_PROBE }) as Window;
      const estimate = this.totalFrom({ params, cap: COMMON_PROBE } as PreparedQuery, w);
      known = !estimate.totalExact && !w.bucket ? (this.statements.count.get(params) as number) : estimate.total;
      if (this.unitDocs.size > 10_000) this.unitDocs.clear();
      this.unitDocs.set(unit, known);
    }
    return known;
  }

  /**
   * Relevance order. The window's matches are scored by bm25() over the scoring units in the
   * window's time range (newest first, bounded); matches with none of the units score 0. The
   * exact order of the old single-statement plan is kept when the units are every positive word.
   */
  private ranked(q: PreparedQuery, w: IdWindow, all: ScoringUnit[], limit: number, offset: number): { rows: Array<{ id: number; score: number | null }>; rankedAmong: number | null } {
    const units = all.filter((u) => !u.common);
    const capped = w.n >= q.cap && w.bucket !== null;
    const windowLo = capped ? Math.max(q.params.lo, w.bucket!) : q.params.lo;
    // Rows holding a scoring unit in the window's time range, expected.
    const profile = this.profiles.get();
    const from = timeOfBucket(Math.max(windowLo, 1));
    const to = timeOfBucket(Math.min(q.params.hi, bucketOf(8_000_000_000)));
    const share = profile.total === 0 || from === null || to === null ? 1 : Math.min(1, (this.profiles.articlesBetween(from, to) + (windowLo === 0 ? profile.undated : 0)) / profile.total);
    const expected = units.reduce((n, u) => n + u.docs, 0) * share;
    const byQuery = this.scoring === 'query' || (this.scoring === 'cost' && this.queryCost(q, all, w.n) <= unitsCost(units, expected, w.n));
    if (expected > SCORE_ROWS || byQuery) return this.rankedInOnePass(q, limit, offset);
    const match = units.map((u) => u.unit).join(' OR ');
    const scored = this.statements.scored.all({ match, lo: windowLo, hi: q.params.hi, limit: SCORE_ROWS, dfs: this.dfsFor(match) }) as Array<[number, number, number]>;
    // The scoring units are far more frequent in this time range than the query's matches:
    // score the query itself.
    if (scored.length >= SCORE_ROWS) return this.rankedInOnePass(q, limit, offset);
    const scores = new Map<number, number>();
    for (const [id, bucket, score] of scored) scores.set(id, q.recency ? score * recencyFactor(w.newest ?? 0, bucket) : score);
    const rows: Array<{ id: number; score: number | null }> = topIndexes(w.rows.map(([id]) => scores.get(id) ?? 0), offset + limit)
      .slice(offset)
      .map((i) => ({ id: w.rows[i]![0], score: Math.round((scores.get(w.rows[i]![0]) ?? 0) * 1000) / 1000 }));
    if (!capped) return { rows, rankedAmong: null };
    if (rows.length < limit) {
      // Past the end of the ranked window (paging far down): the older matches follow by date.
      const older = this.statements.byDateIds.all({ ...q.params, limit: limit - rows.length, offset: w.n + Math.max(0, offset - w.n) }) as number[];
      rows.push(...older.map((id) => ({ id, score: null })));
    }
    return { rows, rankedAmong: w.n };
  }

  /**
   * Whether to rank by bm25() over the query itself in one pass: always for words only (nothing
   * costly to score, every word worth scoring), else when its cost (COST) is no more than the
   * least that scoring the words could cost (the window read, and at least one scored row
   * handed over per match).
   */
  private scoresQueryItself(q: PreparedQuery, all: ScoringUnit[], units: ScoringUnit[]): boolean {
    if (this.scoring !== 'cost') return this.scoring === 'query';
    // Our ranking function takes the document frequencies the planner knows: scoring the query
    // itself reads no posting list beyond the window, and one pass beats two.
    if (this.rankFunction) return true;
    if (units.length === all.length && isPlain(q.params.match, q.compiled.heavy)) return true;
    return this.queryCost(q, all, q.cap) <= unitsCost(units, q.cap, q.cap);
  }

  /**
   * Relevance order in one pass over the newest `cap` matches (onePass); past the ranked
   * window (paging far down), the older matches follow by date.
   */
  private rankedInOnePass(q: PreparedQuery, limit: number, offset: number): { window: Window; rows: Array<{ id: number; score: number | null }>; rankedAmong: number | null } {
    const statement = q.recency ? this.statements.onePassRecent : this.statements.onePass;
    const found = statement.all({ ...q.params, cap: q.cap, limit, offset, dfs: this.dfsFor(q.params.match) }) as Array<[number, number, number, number, number]>;
    const rows: Array<{ id: number; score: number | null }> = found.map(([id, score]) => ({ id, score: Math.round(score * 1000) / 1000 }));
    // No row on this page (nothing matches, or the page is past the window): count separately.
    const window: Window = found.length ? { n: found[0]![2], bucket: found[0]![3], newest: found[0]![4] } : (this.statements.window.get({ ...q.params, cap: q.cap }) as Window);
    const capped = window.n >= q.cap && window.bucket !== null;
    if (!capped) return { window, rows, rankedAmong: null };
    if (rows.length < limit) {
      // The older matches in date order: global position p (p >= n) is the p-th newest match.
      const older = this.statements.byDateIds.all({ ...q.params, limit: limit - rows.length, offset: Math.max(offset, window.n) }) as number[];
      rows.push(...older.map((id) => ({ id, score: null })));
    }
    return { window, rows, rankedAmong: window.n };
  }

  /** Each phrase's document frequency for wb_bm25, in FTS5's order ('' when bm25() ranks). */
  private dfsFor(match: string): string {
    if (!this.rankFunction) return '';
    let known = this.phraseDocs.get(match);
    if (known === undefined) {
      // Metadata tokens sit in the meta column, whose weight is 0: their frequency does not count.
      known = ftsPhrases(match)
        .map(({ phrase, column }) => (/^"[a-z]_/.test(phrase) ? 0 : this.docsOf(column ? `{${column}} : ${phrase}` : phrase)))
        .join(',');
      if (this.phraseDocs.size > 10_000) this.phraseDocs.clear();
      this.phraseDocs.set(match, known);
    }
    return known;
  }

  /** Exact below the cap; beyond, scaled by the share of the corpus the newest matches span. */
  private totalFrom(q: PreparedQuery, w: Window): { total: number; totalExact: boolean } {
    if (w.n < q.cap || w.bucket === null) return { total: w.n, totalExact: true };
    const from = timeOfBucket(Math.max(q.params.lo, 1));
    const to = timeOfBucket(Math.min(q.params.hi, bucketOf(8_000_000_000)));
    const windowFrom = timeOfBucket(w.bucket);
    if (windowFrom === null || from === null || to === null) return { total: w.n, totalExact: false };
    const profile = this.profiles.get();
    const all = this.profiles.articlesBetween(from, to) + (q.params.lo === 0 ? profile.undated : 0);
    const recent = this.profiles.articlesBetween(windowFrom, to);
    const estimate = recent > 0 ? Math.round((w.n * all) / recent) : w.n;
    return { total: Math.max(w.n, Math.min(estimate, profile.total)), totalExact: false };
  }

  /** The exact number of matches, however long it takes. */
  count(args: SearchQueryArgs): { total: number } {
    const q = this.prepare(args);
    if (q.params.lo > q.params.hi) return { total: 0 };
    return this.guard(() => ({ total: this.statements.count.get(q.params) as number }));
  }

  facets(args: SearchQueryArgs): SearchFacets {
    const started = performance.now();
    const q = this.prepare(args);
    return this.guard(() => {
      const profile = this.profiles.get();
      const empty = q.params.lo > q.params.hi;
      // Agencies, places and languages from the newest FACET_SAMPLE matches, scaled when that is not all of them.
      const sample = empty ? [] : (this.statements.sample.all({ ...q.params, cap: this.facetSample }) as Array<{ agency: string | null; place: string | null; language: string | null; bucket: number }>);
      let exact = sample.length < this.facetSample;
      // Beyond the sample, the total is estimated from how far back in time the sample reaches,
      // as the result's "about N" is (without walking the matches again).
      const span: Window = { n: sample.length, bucket: sample.reduce((lo, r) => Math.min(lo, r.bucket), MAX_BUCKET), newest: sample[0]?.bucket ?? null };
      const { total } = exact ? { total: sample.length } : this.totalFrom({ ...q, cap: this.facetSample }, span);
      const scale = exact || sample.length === 0 ? 1 : total / sample.length;
      const tally = (pick: (r: (typeof sample)[number]) => string | null, limit: number): FacetValue[] => {
        const counts = new Map<string, number>();
        for (const r of sample) {
          const v = pick(r);
          if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        return [...counts.entries()]
          .map(([value, count]) => ({ value, count: Math.round(count * scale) }))
          .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
          .slice(0, limit);
      };
      // Months: each month counted up to MONTH_CAP matches (its oldest); a fuller month is estimated
      // from the part of it those matches span.
      const months: MonthCount[] = [];
      for (const slot of profile.months) {
        if (empty) {
          months.push({ month: slot.month, count: 0 });
          continue;
        }
        const lo = Math.max(q.params.lo, bucketOf(slot.from));
        const hi = Math.min(q.params.hi, bucketOf(slot.to));
        if (lo > hi || slot.articles === 0) {
          months.push({ month: slot.month, count: 0 });
          continue;
        }
        const w = this.statements.windowUp.get({ ...q.params, lo, hi, cap: this.monthCap }) as { n: number; bucket: number | null };
        if (w.n < this.monthCap || w.bucket === null) {
          months.push({ month: slot.month, count: w.n });
          continue;
        }
        exact = false;
        const covered = this.profiles.articlesBetween(timeOfBucket(lo)!, timeOfBucket(w.bucket)!);
        const all = this.profiles.articlesBetween(timeOfBucket(lo)!, timeOfBucket(hi)!);
        months.push({ month: slot.month, count: Math.round(covered > 0 ? (this.monthCap * all) / covered : this.monthCap) });
      }
      const undatedWindow = empty || q.params.lo > 0 ? { n: 0 } : (this.statements.windowUp.get({ ...q.params, lo: 0, hi: 0, cap: this.rankCap }) as { n: number });
      return {
        agencies: tally((r) => r.agency, 50),
        places: tally((r) => r.place, 50),
        languages: tally((r) => r.language, 20),
        months,
        undated: undatedWindow.n,
        exact,
        tookMs: Math.round((performance.now() - started) * 10) / 10,
      };
    });
  }

  /** Where the query matches in one article, as offsets into its headline and body. */
  matches(id: number, query: string): TextMatch[] {
    const q = this.prepare({ query });
    const row = this.statements.article.get(id) as ArticleRow | undefined;
    if (!row || !q.compiled.hasText) return [];
    const stemmer = stemmerFor(row.language);
    return [...matchesIn(row.headline, 'headline', q.compiled.marks, stemmer), ...matchesIn(row.body, 'body', q.compiled.marks, stemmer)];
  }

  articleRow(id: number): ArticleRow | null {
    return (this.statements.article.get(id) as ArticleRow | undefined) ?? null;
  }

  /** One result: the article's metadata and a snippet around its best match. */
  hit(id: number, score: number | null, marks: MarkSpec, known?: ArticleRow): SearchHit | null {
    const row = known ?? this.articleRow(id);
    if (!row) return null;
    const hasMarks = marks.words.length > 0 || marks.sequences.length > 0;
    return {
      id: row.id,
      headline: row.headline,
      published: row.published,
      place: row.place,
      agency: row.agency,
      language: row.language,
      snippet: hasMarks ? snippetOf(row.body, marks, stemmerFor(row.language)) : escapeHtml(shorten(row.body)),
      score,
    };
  }

  /** Runs work that executes FTS5 queries, turning an FTS5 complaint into a plain bad_query. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw asQueryFailure(error);
    }
  }
}

export function readFilters(args: SearchFilters): { from: number | null; to: number | null; agency: string | null; place: string | null; language: string | null } {
  const bound = (value: string | undefined, end: 'from' | 'to'): number | null => {
    if (value === undefined || value.trim() === '') return null;
    const t = dateBound(value, end);
    if (t === null) throw new WbFailure('bad_request', `"${value}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD.`);
    return t;
  };
  const from = bound(args.from, 'from');
  const to = bound(args.to, 'to');
  if (from !== null && to !== null && from > to) throw new WbFailure('bad_request', 'The "from" date is after the "to" date.');
  const text = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);
  return { from, to, agency: text(args.agency), place: text(args.place), language: text(args.language) };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 220) return flat;
  const cut = flat.lastIndexOf(' ', 220);
  return `${flat.slice(0, cut > 150 ? cut : 220)}…`;
}

/** Our compiler quotes every key, so FTS5 should never reject a query; if it does, say so plainly. */
function asQueryFailure(error: unknown): unknown {
  if (error instanceof Error && (error as { code?: string }).code?.startsWith('SQLITE_') && /fts5|syntax|MATCH/i.test(error.message)) {
    return new WbFailure('bad_query', 'This query could not be run; try simpler words or quote the phrase.');
  }
  return error;
}
