// Searching quotes: the usual query syntax (search/query-parser.ts, compiled to FTS5) over the
// quoted words, plus speaker:NAME, which matches a person under any spelling or script.
import type { QuoteHit, QuoteSearchArgs, QuoteSearchResult, SpeakerCount, Timeline, TimelineArgs } from '../../shared/api.ts';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import { dateBound } from '../ingest/dates.ts';
import { compilePlainFts } from '../search/plain-compile.ts';
import { parseQuery, QueryError } from '../search/query-parser.ts';
import { foldName } from './names.ts';

const SPEAKER_FILTER = /(^|\s)-?speaker:(?:"([^"]*)"?|“([^”]*)”?|(\S*))/giu;

export interface SpeakerQuery {
  /** The query with the speaker: terms blanked out (same length, so error positions hold). */
  rest: string;
  speakers: string[];
}

/** Pulls speaker:NAME and speaker:"Full Name" out of a quotes query. */
export function splitSpeakerQuery(query: string): SpeakerQuery {
  const speakers: string[] = [];
  const rest = query.replace(SPEAKER_FILTER, (whole, lead: string, q1?: string, q2?: string, bare?: string) => {
    const name = (q1 ?? q2 ?? bare ?? '').trim();
    if (name) speakers.push(name);
    return lead + ' '.repeat(whole.length - lead.length);
  });
  return { rest, speakers };
}

const COLUMNS = `q.id, q.article_id AS articleId, q.speaker, q.person_id AS personId, q.description, q.text, q.start, q.end, q.kind, q.cue,
  q.mention_start AS mentionStart, q.mention_end AS mentionEnd, a.headline, a.published, a.place, a.agency`;

/**
 * The filter's leading condition decides which index SQLite can use, so each has its own
 * statements: a speaker (resolved to person ids first, bound as a JSON array), an unnamed
 * speaker's description, one article, or none. The rest are optional conditions.
 */
type Primary = 'none' | 'person' | 'text' | 'article';
const PRIMARY: Record<Primary, string> = {
  none: '1',
  person: 'q.person_id IN (SELECT value FROM json_each(@personIds))',
  text: 'q.person_id IS NULL AND q.speaker = @speakerText',
  article: 'q.article_id = @articleId',
};
const REST = `(@articleId IS NULL OR q.article_id = @articleId)
  AND (@from IS NULL OR q.published_at >= @from)
  AND (@to IS NULL OR q.published_at <= @to)`;

interface Params {
  personIds: string | null;
  speakerText: string | null;
  articleId: number | null;
  from: number | null;
  to: number | null;
}

type Shape = 'relevance' | 'date' | 'article' | 'count' | 'speakers' | 'timeline';

export class QuoteSearch {
  private readonly db: Db;
  private readonly cache = new Map<string, Statement>();
  private readonly st;

  constructor(db: Db) {
    this.db = db;
    this.st = {
      get: db.prepare(`SELECT ${COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?`),
      person: db.prepare('SELECT name FROM persons WHERE id = ?').pluck(),
      // Every person a name may mean: its folded key, a surname, or any alias met.
      personIds: db.prepare(`SELECT id FROM persons WHERE key = @key UNION SELECT id FROM persons WHERE surname_key = @key
        UNION SELECT person_id FROM person_aliases WHERE alias_key = @key`).pluck(),
    };
  }

  /** The statement for a shape of query; SQL is assembled from the constant fragments above only. */
  private statement(fts: boolean, primary: Primary, shape: Shape): Statement {
    const key = `${fts}:${primary}:${shape}`;
    let st = this.cache.get(key);
    if (st) return st;
    const where = `${PRIMARY[primary]} AND ${REST}`;
    const from = fts ? `FROM quotes_fts CROSS JOIN quotes q ON q.id = quotes_fts.rowid` : 'FROM quotes q';
    const match = fts ? 'quotes_fts MATCH @match AND ' : '';
    const page = 'LIMIT @limit OFFSET @offset';
    const order = { relevance: 'bm25(quotes_fts), q.id', date: 'q.published_at DESC NULLS LAST, q.article_id DESC, q.start', article: 'q.article_id, q.start' };
    let sql: string;
    switch (shape) {
      case 'relevance':
      case 'date':
      case 'article':
        sql = `SELECT ${COLUMNS} ${from} JOIN articles a ON a.id = q.article_id WHERE ${match}${where} ORDER BY ${order[shape]} ${page}`;
        break;
      case 'count':
        sql = `SELECT count(*) ${from} WHERE ${match}${where}`;
        break;
      case 'speakers':
        sql = `SELECT q.person_id AS personId, coalesce(p.name, q.speaker, '') AS speaker, count(*) AS count ${from} LEFT JOIN persons p ON p.id = q.person_id
          WHERE ${match}${where} GROUP BY coalesce(q.person_id, q.speaker) ORDER BY count DESC, speaker LIMIT 50`;
        break;
      case 'timeline':
        sql = `SELECT q.published_at AS t ${from} WHERE ${match}${where}`;
        break;
    }
    st = this.db.prepare(sql);
    if (shape === 'count') st.pluck();
    this.cache.set(key, st);
    return st;
  }

  search(args: QuoteSearchArgs): QuoteSearchResult {
    const { match, notices, params, primary } = this.prepare(args.query ?? '', args);
    const limit = args.limit ?? 50;
    const offset = args.offset ?? 0;
    const fts = match !== null;
    const sort = args.sort === 'relevance' && !fts ? 'date' : (args.sort ?? (fts ? 'relevance' : 'date'));
    const bound = fts ? { ...params, match } : params;
    try {
      const quotes = this.statement(fts, primary, sort).all({ ...bound, limit, offset }) as QuoteHit[];
      const total = this.statement(fts, primary, 'count').get(bound) as number;
      const speakers = (this.statement(fts, primary, 'speakers').all(bound) as SpeakerCount[]).filter((sp) => sp.speaker !== '');
      return { total, quotes, speakers, notice: notices.length ? `Query repaired: ${notices.join('; ')}.` : null };
    } catch (error) {
      if (error instanceof Error && /fts5|syntax/i.test(error.message)) throw new WbFailure('bad_query', 'This query could not be run; try simpler words or quote the phrase.');
      throw error;
    }
  }

  get(id: number): QuoteHit {
    const row = this.st.get.get(id) as QuoteHit | undefined;
    if (!row) throw new WbFailure('not_found', `There is no quote ${id}.`);
    return row;
  }

  timeline(args: TimelineArgs): Timeline {
    const query = args.query ?? '';
    const { match, params, primary } = this.prepare(query, { ...(args.speaker !== undefined && { speaker: args.speaker }), ...(args.personId !== undefined && { personId: args.personId }) });
    const times = this.statement(match !== null, primary, 'timeline').all(match !== null ? { ...params, match } : params) as Array<{ t: number | null }>;
    const dated = times.map((r) => r.t).filter((t): t is number => t !== null);
    const span = dated.length ? Math.max(...dated) - Math.min(...dated) : 0;
    const granularity = span > 120 * 86400 ? 'month' : 'day';
    const counts = new Map<string, number>();
    for (const t of dated) {
      const iso = new Date(t * 1000).toISOString();
      const period = granularity === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
      counts.set(period, (counts.get(period) ?? 0) + 1);
    }
    const speaker = args.personId !== undefined ? ((this.st.person.get(args.personId) as string | undefined) ?? null) : (args.speaker ?? null);
    return {
      speaker,
      granularity,
      buckets: [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([period, count]) => ({ period, count })),
      undated: times.length - dated.length,
    };
  }

  private prepare(
    query: string,
    args: Pick<QuoteSearchArgs, 'speaker' | 'personId' | 'articleId' | 'from' | 'to'>,
  ): { match: string | null; notices: string[]; params: Params; primary: Primary } {
    const split = splitSpeakerQuery(query);
    const speakers = [...split.speakers, ...(args.speaker?.trim() ? [args.speaker.trim()] : [])];
    if (speakers.length > 1 && new Set(speakers.map(foldName)).size > 1) {
      throw new WbFailure('bad_query', 'Give one speaker at a time (speaker:NAME).', query.search(/speaker:/i));
    }
    let match: string | null;
    let notices: string[];
    try {
      const parsed = parseQuery(split.rest);
      match = parsed.root ? compilePlainFts(parsed.root) : null;
      notices = parsed.notices;
    } catch (error) {
      if (error instanceof QueryError) throw new WbFailure('bad_query', error.message, error.position);
      throw error;
    }
    const bound = (value: string | undefined, end: 'from' | 'to'): number | null => {
      if (value === undefined || value.trim() === '') return null;
      const t = dateBound(value, end);
      if (t === null) throw new WbFailure('bad_request', `"${value}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD.`);
      return t;
    };
    const params: Params = { personIds: null, speakerText: null, articleId: args.articleId ?? null, from: bound(args.from, 'from'), to: bound(args.to, 'to') };
    let primary: Primary = args.articleId !== undefined ? 'article' : 'none';
    const speaker = speakers[0] ?? null;
    if (args.personId !== undefined || speaker !== null) {
      let ids: number[] = args.personId !== undefined ? [args.personId] : (this.st.personIds.all({ key: foldName(speaker!) || '\u0000' }) as number[]);
      if (args.personId !== undefined && speaker !== null) {
        const named = new Set(this.st.personIds.all({ key: foldName(speaker) || '\u0000' }) as number[]);
        ids = ids.filter((i) => named.has(i));
      }
      if (ids.length > 0 || args.personId !== undefined) {
        primary = 'person';
        params.personIds = JSON.stringify(ids);
      } else {
        // No person of that name: an unnamed speaker as described ("a senior official").
        primary = 'text';
        params.speakerText = speaker;
      }
    }
    return { match, notices, params, primary };
  }
}
