// Tables of articles: .jsonl (one JSON object a line) and .csv/.tsv (a header row). Columns
// are matched to fields by their usual names (title → headline, text → body, date →
// published, ...), or by a mapping the user gives with the import (ImportArgs.columns).
import { parse as parseCsv } from 'csv-parse/sync';
import type { ColumnMapping } from '../../../shared/api.ts';
import { parseLooseDate } from '../dates.ts';
import { splitVersion } from './markers.ts';
import { ParseError, type ParsedArticle, type ParseInput } from './types.ts';
import { parseDateline } from './wire.ts';

type Field = keyof ColumnMapping;

const USUAL_NAMES: Record<Field, string[]> = {
  headline: ['headline', 'title', 'heading', 'subject', 'hd', 'заголовок'],
  body: ['body', 'text', 'content', 'article', 'story', 'fulltext', 'full_text', 'текст'],
  published: ['published', 'date', 'datetime', 'pubdate', 'pub_date', 'published_at', 'publication_date', 'time', 'timestamp', 'дата'],
  source: ['source', 'agency', 'publisher', 'publication', 'outlet', 'site', 'medium', 'источник'],
  url: ['url', 'link', 'href', 'permalink'],
  byline: ['byline', 'author', 'authors', 'by', 'автор'],
  place: ['place', 'dateline', 'location', 'city'],
  language: ['language', 'lang'],
};

function resolveColumns(header: string[], mapping: ColumnMapping | undefined): Partial<Record<Field, string>> {
  const lower = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const out: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(USUAL_NAMES) as Field[]) {
    const given = mapping?.[field];
    if (given) {
      const actual = header.includes(given) ? given : lower.get(given.toLowerCase());
      if (!actual) throw new ParseError(`the column "${given}" given for ${field} is not in the file (columns: ${header.slice(0, 12).join(', ')})`);
      out[field] = actual;
      continue;
    }
    const usual = USUAL_NAMES[field].map((n) => lower.get(n)).find(Boolean);
    if (usual) out[field] = usual;
  }
  if (!out.headline && !out.body) {
    throw new ParseError(`no headline or body column (columns: ${header.slice(0, 12).join(', ')}); name them with a column mapping`);
  }
  return out;
}

function value(row: Record<string, unknown>, column: string | undefined): string | null {
  if (!column) return null;
  const v = row[column];
  if (v === null || v === undefined) return null;
  const s = (typeof v === 'object' ? JSON.stringify(v) : String(v)).trim();
  return s || null;
}

function toArticle(row: Record<string, unknown>, cols: Partial<Record<Field, string>>): ParsedArticle | null {
  const body = (value(row, cols.body) ?? '').replace(/\r\n?/g, '\n').replace(/\n(?!\n)/g, '\n\n').replace(/\n{3,}/g, '\n\n');
  const rawHeadline = value(row, cols.headline) ?? body.split('\n')[0]!.slice(0, 200);
  if (!rawHeadline && !body) return null;
  const split = splitVersion(rawHeadline.replace(/\s+/g, ' ').trim());
  const dateline = body ? parseDateline(body) : null;
  const rawDate = value(row, cols.published);
  const source = value(row, cols.source);
  const url = value(row, cols.url);
  const lang = value(row, cols.language);
  return {
    headline: split.headline,
    body,
    published: rawDate ? (parseLooseDate(rawDate) ?? parseLooseDate(rawDate.slice(0, 10))) : null,
    place: value(row, cols.place) ?? dateline?.place ?? null,
    agency: source ?? dateline?.agency ?? null,
    site: source,
    byline: value(row, cols.byline),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    versionNote: split.versionNote,
    language: lang && /^[a-z]{2}$/i.test(lang) ? lang.toLowerCase() : null,
  };
}

export function parseJsonl(input: ParseInput): ParsedArticle[] {
  const lines = input.text().split('\n');
  const articles: ParsedArticle[] = [];
  let cols: Partial<Record<Field, string>> | null = null;
  let bad = 0;
  let firstBad = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      bad++;
      firstBad ||= `line ${i + 1}: ${(error as Error).message}`;
      continue;
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      bad++;
      firstBad ||= `line ${i + 1}: not a JSON object`;
      continue;
    }
    cols ??= resolveColumns(Object.keys(row), input.columns);
    const article = toArticle(row as Record<string, unknown>, cols);
    if (article) articles.push(article);
  }
  if (articles.length === 0) throw new ParseError(bad ? `no readable rows (${firstBad})` : 'empty: no rows');
  return articles;
}

export function parseCsvFile(input: ParseInput): ParsedArticle[] {
  const text = input.text();
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = input.fileName.toLowerCase().endsWith('.tsv') || (firstLine.split('\t').length > firstLine.split(',').length && firstLine.split('\t').length > firstLine.split(';').length) ? '\t' : firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, bom: true, trim: false }) as Record<string, string>[];
  } catch (error) {
    throw new ParseError(`malformed CSV: ${(error as Error).message.split('\n')[0]}`);
  }
  if (rows.length === 0) throw new ParseError('empty: no rows under the header');
  const cols = resolveColumns(Object.keys(rows[0]!), input.columns);
  const articles = rows.map((r) => toArticle(r, cols)).filter((a): a is ParsedArticle => a !== null);
  if (articles.length === 0) throw new ParseError('empty: no row has a headline or body');
  return articles;
}
