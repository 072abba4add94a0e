// How the search index is laid out, shared by the indexer, the query compiler and the planner.
//
// search_fts is a contentless FTS5 table (the text lives once, in `articles`) whose columns hold
// key streams we write ourselves (normalise.ts): body keys, headline keys (the body first: see
// migration 0032), and `meta`, a handful of tokens per article for its agency, place, language
// and date, so that filters are part of the FTS5 query itself and never need a join per
// matching row.
//
// Its rowid is not the article id: it is the article's publication time followed by its id,
//
//     rowid = ((published_at + EPOCH_SHIFT) << ID_BITS) | id        (undated: time part 0)
//
// so FTS5's own rowid order is date order. "Newest first" is then a walk down the rowids that
// stops after one page, and a date range is a rowid range FTS5 applies while it reads.
import { slug, skeleton, isCyrillic } from './normalise.ts';

export const FTS_TABLE = 'search_fts';
export const ID_BITS = 29;
/** Article ids must stay below this (536,870,912) to fit beside the time in a rowid. */
export const MAX_ARTICLE_ID = 2 ** ID_BITS - 1;
/** Seconds from 1800-01-01 to 1970-01-01, plus one so that 0 can mean "undated". */
export const EPOCH_SHIFT = 5_364_662_401;
/** The largest time part: 2200-12-31 (the last date ingest accepts) fits in 34 bits. */
export const MAX_BUCKET = 2 ** 34 - 1;

/** SQL for the article id of an FTS rowid. */
export const ID_OF_ROWID = `(rowid & ${MAX_ARTICLE_ID})`;
/** SQL for the rowid of an article; takes @bucket (time part) and @id. */
export const ROWID_OF = `((@bucket << ${ID_BITS}) | @id)`;
/** SQL bounds on rowid for @lo..@hi time buckets (inclusive). */
export const ROWID_RANGE = `rowid BETWEEN (@lo << ${ID_BITS}) AND ((@hi << ${ID_BITS}) | ${MAX_ARTICLE_ID})`;

export function bucketOf(publishedAt: number | null): number {
  return publishedAt === null ? 0 : publishedAt + EPOCH_SHIFT;
}

/** Metadata tokens. Each has an "_" after its first character, which no word key can have. */
export const META_ALL = 'x_all';
export const metaValue = (value: string): string => (isCyrillic(value) ? skeleton(slug(value)).slice(1) : slug(value));
export const agencyToken = (agency: string): string => `a_${metaValue(agency)}`;
export const placeToken = (place: string): string => `p_${metaValue(place)}`;
export const languageToken = (language: string): string => `l_${metaValue(language)}`;
export const yearToken = (y: number): string => `y_${y}`;
export const monthToken = (y: number, m: number): string => `m_${y}_${String(m).padStart(2, '0')}`;
export const dayToken = (y: number, m: number, d: number): string => `d_${y}_${String(m).padStart(2, '0')}_${String(d).padStart(2, '0')}`;

export interface MetaFields {
  agency: string | null;
  place: string | null;
  language: string | null;
  /** Seconds since 1970 (the sortable time), or null. */
  publishedAt: number | null;
}

/** The meta column of one article. */
export function metaTokens(a: MetaFields): string {
  const tokens = [META_ALL];
  // Each value folded once (agencyToken and the others would fold it again): this runs for every article.
  const agency = a.agency ? metaValue(a.agency) : '';
  const place = a.place ? metaValue(a.place) : '';
  const language = a.language ? metaValue(a.language) : '';
  if (agency) tokens.push(`a_${agency}`);
  if (place) tokens.push(`p_${place}`);
  if (language) tokens.push(`l_${language}`);
  if (a.publishedAt !== null) {
    const d = new Date(a.publishedAt * 1000);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    tokens.push(yearToken(y), monthToken(y, m), dayToken(y, m, d.getUTCDate()));
  }
  return tokens.join(' ');
}
