// Searching quotes: the usual query syntax (search/query-parser.ts, compiled to FTS5) over the
// quoted words, plus speaker:NAME, which matches a person under any spelling or script.
import type { QuoteHit, QuoteSearchArgs, QuoteSearchResult, SpeakerCount, Timeline, TimelineArgs } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import { dateBound } from '../ingest/dates.ts';
import { compileFts } from '../search/fts-compile.ts';
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
const FILTERS = `(@speakerKey IS NULL OR q.person_id IN (
      SELECT id FROM persons WHERE key = @speakerKey OR surname_key = @speakerKey
      UNION SELECT person_id FROM person_aliases WHERE alias_key = @speakerKey)
    OR (q.person_id IS NULL AND q.speaker = @speakerText))
  AND (@personId IS NULL OR q.person_id = @personId)
  AND (@articleId IS NULL OR q.article_id = @articleId)
  AND (@from IS NULL OR q.published_at >= @from)
  AND (@to IS NULL OR q.published_at <= @to)`;

interface Params {
  speakerKey: string | null;
  speakerText: string | null;
  personId: number | null;
  articleId: number | null;
  from: number | null;
  to: number | null;
}

export class QuoteSearch {
  private readonly st;

  constructor(db: Db) {
    const fromFts = `FROM quotes_fts CROSS JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH @match AND ${FILTERS}`;
    const fromAll = `FROM quotes q JOIN articles a ON a.id = q.article_id WHERE ${FILTERS}`;
    const byDate = 'q.published_at DESC NULLS LAST, q.article_id DESC, q.start';
    const byArticle = 'q.article_id, q.start';
    this.st = {
      ftsRelevance: db.prepare(`SELECT ${COLUMNS} ${fromFts} ORDER BY bm25(quotes_fts), q.id LIMIT @limit OFFSET @offset`),
      ftsDate: db.prepare(`SELECT ${COLUMNS} ${fromFts} ORDER BY ${byDate} LIMIT @limit OFFSET @offset`),
      ftsArticle: db.prepare(`SELECT ${COLUMNS} ${fromFts} ORDER BY ${byArticle} LIMIT @limit OFFSET @offset`),
      ftsCount: db.prepare(`SELECT count(*) ${fromFts}`).pluck(),
      ftsSpeakers: db.prepare(`SELECT q.person_id AS personId, coalesce(p.name, q.speaker, '') AS speaker, count(*) AS count ${fromFts.replace('JOIN articles a ON a.id = q.article_id', 'LEFT JOIN persons p ON p.id = q.person_id')} GROUP BY coalesce(q.person_id, q.speaker) ORDER BY count DESC, speaker LIMIT 50`),
      allDate: db.prepare(`SELECT ${COLUMNS} ${fromAll} ORDER BY ${byDate} LIMIT @limit OFFSET @offset`),
      allArticle: db.prepare(`SELECT ${COLUMNS} ${fromAll} ORDER BY ${byArticle} LIMIT @limit OFFSET @offset`),
      allCount: db.prepare(`SELECT count(*) FROM quotes q WHERE ${FILTERS}`).pluck(),
      allSpeakers: db.prepare(`SELECT q.person_id AS personId, coalesce(p.name, q.speaker, '') AS speaker, count(*) AS count FROM quotes q LEFT JOIN persons p ON p.id = q.person_id WHERE ${FILTERS} GROUP BY coalesce(q.person_id, q.speaker) ORDER BY count DESC, speaker LIMIT 50`),
      get: db.prepare(`SELECT ${COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?`),
      person: db.prepare('SELECT name FROM persons WHERE id = ?').pluck(),
      ftsTimeline: db.prepare(`SELECT q.published_at AS t FROM quotes_fts CROSS JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH @match AND ${FILTERS}`),
      allTimeline: db.prepare(`SELECT q.published_at AS t FROM quotes q WHERE ${FILTERS}`),
    };
  }

  search(args: QuoteSearchArgs): QuoteSearchResult {
    const { match, notices, params } = this.prepare(args.query ?? '', args);
    const limit = args.limit ?? 50;
    const offset = args.offset ?? 0;
    const sort = args.sort ?? (match ? 'relevance' : 'date');
    let quotes: QuoteHit[];
    let total: number;
    let speakers: SpeakerCount[];
    try {
      if (match) {
        const st = sort === 'date' ? this.st.ftsDate : sort === 'article' ? this.st.ftsArticle : this.st.ftsRelevance;
        quotes = st.all({ ...params, match, limit, offset }) as QuoteHit[];
        total = this.st.ftsCount.get({ ...params, match }) as number;
        speakers = this.st.ftsSpeakers.all({ ...params, match }) as SpeakerCount[];
      } else {
        const st = sort === 'article' ? this.st.allArticle : this.st.allDate;
        quotes = st.all({ ...params, limit, offset }) as QuoteHit[];
        total = this.st.allCount.get(params) as number;
        speakers = this.st.allSpeakers.all(params) as SpeakerCount[];
      }
    } catch (error) {
      if (error instanceof Error && /fts5|syntax/i.test(error.message)) throw new WbFailure('bad_query', 'This query could not be run; try simpler words or quote the phrase.');
      throw error;
    }
    return { total, quotes, speakers: speakers.filter((s) => s.speaker !== ''), notice: notices.length ? `Query repaired: ${notices.join('; ')}.` : null };
  }

  get(id: number): QuoteHit {
    const row = this.st.get.get(id) as QuoteHit | undefined;
    if (!row) throw new WbFailure('not_found', `There is no quote ${id}.`);
    return row;
  }

  timeline(args: TimelineArgs): Timeline {
    const query = args.query ?? '';
    const { match, params } = this.prepare(query, { ...(args.speaker !== undefined && { speaker: args.speaker }), ...(args.personId !== undefined && { personId: args.personId }) });
    const times = (match ? this.st.ftsTimeline.all({ ...params, match }) : this.st.allTimeline.all(params)) as Array<{ t: number | null }>;
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

  private prepare(query: string, args: Pick<QuoteSearchArgs, 'speaker' | 'personId' | 'articleId' | 'from' | 'to'>): { match: string | null; notices: string[]; params: Params } {
    const split = splitSpeakerQuery(query);
    const speakers = [...split.speakers, ...(args.speaker?.trim() ? [args.speaker.trim()] : [])];
    if (speakers.length > 1 && new Set(speakers.map(foldName)).size > 1) {
      throw new WbFailure('bad_query', 'Give one speaker at a time (speaker:NAME).', query.search(/speaker:/i));
    }
    let match: string | null;
    let notices: string[];
    try {
      const parsed = parseQuery(split.rest);
      match = parsed.root ? compileFts(parsed.root) : null;
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
    const speaker = speakers[0] ?? null;
    return {
      match,
      notices,
      params: {
        speakerKey: speaker ? foldName(speaker) || '\u0000' : null,
        speakerText: speaker,
        personId: args.personId ?? null,
        articleId: args.articleId ?? null,
        from: bound(args.from, 'from'),
        to: bound(args.to, 'to'),
      },
    };
  }
}
