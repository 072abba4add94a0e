// Exporting a whole result list (no cap) to CSV or JSONL, streaming: the matches are read from
// their own read-only connection (a snapshot, so the export is consistent while imports go on)
// in the order the window shows (relevance here is exact BM25 over every match), each article is
// written as soon as it is read, and the work yields between chunks so the engine stays
// responsive. Memory stays flat whatever the number of matches.
import fs from 'node:fs';
import path from 'node:path';
import type { SearchExportArgs, SearchExportProgress, SearchExportResult } from '../../shared/api.ts';
import { openCorpus } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import { FTS_TABLE, ID_BITS, ID_OF_ROWID, ROWID_RANGE } from './index-layout.ts';
import type { SearchService } from './search.ts';
import { COLUMN_WEIGHTS } from './search.ts';

const CHUNK_ROWS = 500;
const PROGRESS_MS = 250;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The contract's snippet (escaped, with <mark>) as plain text with the matches in [brackets]. */
export function plainSnippet(snippet: string): string {
  return snippet.replace(/<mark>/g, '[').replace(/<\/mark>/g, ']').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
}

const COLUMNS = ['id', 'published', 'headline', 'place', 'agency', 'language', 'score', 'snippet'] as const;

export interface ExportOptions {
  dataDir: string;
  onProgress(progress: SearchExportProgress): void;
  signal?: AbortSignal;
}

/** Where exported text goes: a file (the contract's search.export), or the CLI's stdout. */
export interface ExportSink {
  /** A name for progress and messages. */
  name: string;
  write(text: string): void | Promise<void>;
  close(): void;
}

/** A file on the machine running the engine, written synchronously in chunks. */
export function fileSink(target: string): ExportSink {
  if (!path.isAbsolute(target)) throw new WbFailure('bad_request', `The export path must be absolute: ${target}`);
  if (!fs.existsSync(path.dirname(target))) throw new WbFailure('not_found', `The folder ${path.dirname(target)} does not exist.`);
  let fd: number;
  try {
    fd = fs.openSync(target, 'w', 0o600);
  } catch (error) {
    throw describeWriteError(error, target, 0);
  }
  return {
    name: target,
    write(text) {
      const buffer = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buffer.length) off += fs.writeSync(fd, buffer, off);
    },
    close: () => fs.closeSync(fd),
  };
}

function describeWriteError(error: unknown, target: string, rows: number): unknown {
  if (error instanceof WbFailure) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new WbFailure('forbidden', `Wirebench may not write ${target}.`);
  if (code === 'ENOSPC') return new WbFailure('internal', `The disk is full; ${target} is incomplete (${rows} rows written).`);
  if (code === 'EISDIR') return new WbFailure('bad_request', `${target} is a folder; give a file name.`);
  return error;
}

export async function exportResults(search: SearchService, args: SearchExportArgs, options: ExportOptions): Promise<SearchExportResult> {
  const sink = fileSink(args.path);
  try {
    return await exportTo(search, args, sink, options);
  } finally {
    sink.close();
  }
}

export async function exportTo(search: SearchService, args: Omit<SearchExportArgs, 'path'>, sink: ExportSink, options: ExportOptions): Promise<SearchExportResult> {
  const started = Date.now();
  const q = search.prepare(args);
  const target = sink.name;

  const db = openCorpus({ dataDir: options.dataDir, readonly: true });
  let rows = 0;
  let iterator: IterableIterator<{ id: number; score: number | null }> | null = null;
  try {
    db.pragma('cache_size = -16384');
    const where = `${FTS_TABLE} MATCH @match AND ${ROWID_RANGE}`;
    // One read transaction for the count and the rows: both see the same snapshot.
    db.prepare('BEGIN').run();
    const total = q.params.lo > q.params.hi ? 0 : (db.prepare(`SELECT count(*) FROM ${FTS_TABLE} WHERE ${where}`).pluck().get(q.params) as number);
    const sql =
      q.order === 'date'
        ? `SELECT ${ID_OF_ROWID} AS id, NULL AS score FROM ${FTS_TABLE} WHERE ${where} ORDER BY rowid DESC`
        : q.recency
          ? `SELECT ${ID_OF_ROWID} AS id, -bm25(${FTS_TABLE}, ${COLUMN_WEIGHTS}) * (1.0 + 60.0 / (60.0 + max(0, @newest - (rowid >> ${ID_BITS})) / 86400.0)) AS score FROM ${FTS_TABLE} WHERE ${where} ORDER BY score DESC`
          : `SELECT ${ID_OF_ROWID} AS id, -bm25(${FTS_TABLE}, ${COLUMN_WEIGHTS}) AS score FROM ${FTS_TABLE} WHERE ${where} ORDER BY score DESC`;
    const newest = q.recency ? ((db.prepare(`SELECT max(rowid) >> ${ID_BITS} FROM ${FTS_TABLE} WHERE ${where}`).pluck().get(q.params) as number | null) ?? 0) : 0;
    iterator = q.params.lo > q.params.hi ? [][Symbol.iterator]() : (db.prepare(sql).iterate(q.recency ? { ...q.params, newest } : q.params) as IterableIterator<{ id: number; score: number | null }>);

    const write = async (text: string): Promise<void> => {
      await sink.write(text);
    };
    const columns = args.includeBody ? [...COLUMNS, 'body'] : [...COLUMNS];
    if (args.format === 'csv') await write(`\uFEFF${columns.join(',')}\r\n`);
    let lastProgress = 0;
    const progress = (done: boolean): void => options.onProgress({ path: target, rows, total, done });
    progress(false);
    let chunk = '';
    let inChunk = 0;
    for (const m of iterator) {
      if (options.signal?.aborted) throw new WbFailure('cancelled', `The export was cancelled after ${rows} rows; ${target} is incomplete.`);
      const article = search.articleRow(m.id);
      if (!article) continue;
      const hit = search.hit(m.id, m.score === null ? null : Math.round(m.score * 1000) / 1000, q.compiled.marks, article)!;
      const record = {
        id: hit.id,
        published: hit.published,
        headline: hit.headline,
        place: hit.place,
        agency: hit.agency,
        language: hit.language,
        score: hit.score,
        snippet: plainSnippet(hit.snippet),
        ...(args.includeBody && { body: article.body }),
      };
      chunk += args.format === 'csv' ? `${columns.map((c) => csvField((record as Record<string, string | number | null>)[c] ?? null)).join(',')}\r\n` : `${JSON.stringify(record)}\n`;
      rows++;
      if (++inChunk >= CHUNK_ROWS) {
        await write(chunk);
        chunk = '';
        inChunk = 0;
        if (Date.now() - lastProgress >= PROGRESS_MS) {
          lastProgress = Date.now();
          progress(false);
        }
        // Let other calls through; this connection's snapshot holds still meanwhile.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await write(chunk);
    progress(true);
    return { path: target, rows, durationMs: Date.now() - started };
  } catch (error) {
    throw describeWriteError(error, target, rows);
  } finally {
    iterator?.return?.();
    db.close();
  }
}
