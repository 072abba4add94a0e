// Full-text search over the corpus: the user's query parsed by our parser, compiled to FTS5,
// ranked by BM25 with the headline weighted above the body, or ordered by date; filters on
// date range and agency applied in SQL with bound parameters.
import type { ArticleMeta, SearchArgs, SearchHit, SearchResult, TextMatch } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import { dateBound } from '../ingest/dates.ts';
import { compileFts } from './fts-compile.ts';
import { CLOSE, markedToMatches, markedToSnippet, OPEN, escapeHtml } from './marks.ts';
import { parseQuery, QueryError } from './query-parser.ts';

/** BM25 column weights: a word in the headline counts as much as several in the body. */
export const HEADLINE_WEIGHT = 4;
export const BODY_WEIGHT = 1;
const SNIPPET_TOKENS = 28;
const DEFAULT_LIMIT = 50;

interface Filters {
  from: number | null;
  to: number | null;
  agency: string | null;
}

type HitRow = ArticleMeta & { snippet: string; score: number | null };

const FILTER_SQL = `(@from IS NULL OR a.published_at >= @from)
  AND (@to IS NULL OR a.published_at <= @to)
  AND (@agency IS NULL OR a.agency = @agency)`;

export class SearchService {
  private readonly statements;

  constructor(db: Db) {
    const meta = 'a.id, a.headline, a.published, a.place, a.agency, a.language';
    const ftsHits = (order: string): string => `
      SELECT ${meta},
        snippet(articles_fts, 1, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet,
        -bm25(articles_fts, ${HEADLINE_WEIGHT}, ${BODY_WEIGHT}) AS score
      FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
      WHERE articles_fts MATCH @match AND ${FILTER_SQL}
      ORDER BY ${order}
      LIMIT @limit OFFSET @offset`;
    this.statements = {
      relevance: db.prepare(ftsHits('bm25(articles_fts, ' + HEADLINE_WEIGHT + ', ' + BODY_WEIGHT + '), a.id')),
      date: db.prepare(ftsHits('a.published_at DESC NULLS LAST, a.id DESC')),
      count: db.prepare(`SELECT count(*) FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH @match AND ${FILTER_SQL}`).pluck(),
      browse: db.prepare(`
        SELECT ${meta}, substr(a.body, 1, 320) AS snippet, NULL AS score
        FROM articles a WHERE ${FILTER_SQL}
        ORDER BY a.published_at DESC NULLS LAST, a.id DESC
        LIMIT @limit OFFSET @offset`),
      browseCount: db.prepare(`SELECT count(*) FROM articles a WHERE ${FILTER_SQL}`).pluck(),
      // The SQLite bundled with better-sqlite3 13 (3.54.1) ignores a bound `rowid = ?` next to
      // an FTS5 MATCH and returns every matching row (tests/unit/search.test.ts pins this), so
      // the rowid is compared outside FTS5 (`+rowid`), and joins put FTS5 in the outer loop.
      highlight: db.prepare(`
        SELECT highlight(articles_fts, 0, '${OPEN}', '${CLOSE}') AS headline,
               highlight(articles_fts, 1, '${OPEN}', '${CLOSE}') AS body
        FROM articles_fts WHERE articles_fts MATCH @match AND +rowid = @id`),
    };
  }

  query(args: SearchArgs): SearchResult {
    const started = performance.now();
    const filters = readFilters(args);
    const limit = args.limit ?? DEFAULT_LIMIT;
    const offset = args.offset ?? 0;
    const { match, notices } = compile(args.query);
    let total: number;
    let rows: HitRow[];
    try {
      if (match === null) {
        total = this.statements.browseCount.get(filters) as number;
        rows = this.statements.browse.all({ ...filters, limit, offset }) as HitRow[];
        rows = rows.map((r) => ({ ...r, snippet: escapeHtml(shorten(r.snippet)) }));
      } else {
        total = this.statements.count.get({ ...filters, match }) as number;
        const statement = args.sort === 'date' ? this.statements.date : this.statements.relevance;
        rows = (statement.all({ ...filters, match, limit, offset }) as HitRow[]).map((r) => ({ ...r, snippet: markedToSnippet(r.snippet) }));
      }
    } catch (error) {
      throw asQueryFailure(error);
    }
    const hits: SearchHit[] = rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      published: r.published,
      place: r.place,
      agency: r.agency,
      language: r.language,
      snippet: r.snippet,
      score: r.score === null ? null : Math.round(r.score * 1000) / 1000,
    }));
    return { total, hits, notice: notices.length ? `Query repaired: ${notices.join('; ')}.` : null, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** Where the query matches in one article, as offsets into its headline and body. */
  matches(id: number, query: string): TextMatch[] {
    const { match } = compile(query);
    if (match === null) return [];
    let row: { headline: string; body: string } | undefined;
    try {
      row = this.statements.highlight.get({ match, id }) as typeof row;
    } catch (error) {
      throw asQueryFailure(error);
    }
    if (!row) return [];
    return [...markedToMatches(row.headline, 'headline'), ...markedToMatches(row.body, 'body')];
  }
}

function compile(query: string): { match: string | null; notices: string[] } {
  try {
    const parsed = parseQuery(query);
    return { match: parsed.root ? compileFts(parsed.root) : null, notices: parsed.notices };
  } catch (error) {
    if (error instanceof QueryError) throw new WbFailure('bad_query', error.message, error.position);
    throw error;
  }
}

function readFilters(args: SearchArgs): Filters {
  const bound = (value: string | undefined, end: 'from' | 'to'): number | null => {
    if (value === undefined || value.trim() === '') return null;
    const t = dateBound(value, end);
    if (t === null) throw new WbFailure('bad_request', `"${value}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD.`);
    return t;
  };
  const from = bound(args.from, 'from');
  const to = bound(args.to, 'to');
  if (from !== null && to !== null && from > to) throw new WbFailure('bad_request', 'The "from" date is after the "to" date.');
  return { from, to, agency: args.agency?.trim() ? args.agency.trim() : null };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 220) return flat;
  const cut = flat.lastIndexOf(' ', 220);
  return `${flat.slice(0, cut > 150 ? cut : 220)}…`;
}

/** Our compiler quotes every term, so FTS5 should never reject a query; if it does, say so plainly. */
function asQueryFailure(error: unknown): unknown {
  if (error instanceof Error && (error as { code?: string }).code?.startsWith('SQLITE_') && /fts5|syntax/i.test(error.message)) {
    return new WbFailure('bad_query', 'This query could not be run; try simpler words or quote the phrase.');
  }
  return error;
}
