// An import run: walk the paths, hand new and changed files to the parser workers, store
// their articles, and record exactly one outcome per file (imported, duplicate, skipped,
// failed). Parsing runs in worker threads while this thread walks and writes; results are
// written in batches, each one transaction that holds the articles, their derived data, the
// file records and the outcomes together, so a crash at any moment leaves whole articles
// only and the next import of the same folder finishes the job.
import fs from 'node:fs';
import path from 'node:path';
import type { ColumnMapping, FileOutcome, ImportFileError, ImportProgress, ImportSummary } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { dropDeferredIndexes, restoreDeferredIndexes } from '../db/deferred-indexes.ts';
import { WbFailure } from '../errors.ts';
import type { ArticleStore } from '../store/articles.ts';
import type { NearDuplicates } from './near-duplicates.ts';
import { articleExtension, BINARY_EXTENSIONS, precheck } from './formats.ts';
import type { ParseOutcome, ParseRequest } from './parse-file.ts';
import { ParserPool, type PoolOptions } from './parser-pool.ts';
import { countFiles, statOf, walk, type WalkEntry } from './walk.ts';

const PROGRESS_EVERY_MS = 100;
/** A write transaction ends after this long, so calls (searches, cancel) get through between batches. */
const BATCH_MS = 200;
/**
 * The most files written in one batch, and parsed ahead of the writes. An engine thread that
 * writes faster than the parser fills its queue finds more files ready at each batch: at 5,000
 * a million-file import's peak RSS went past 500 MB (~3,000 files a batch on average, their
 * parse results and index data held at once); 2,500 keeps it at ~475 MB, at the same speed.
 */
const BATCH_FILES = 2500;
/** Walk entries looked up in one read transaction. */
const TAKE_AT_ONCE = 256;
/** Files ready before a batch is written without waiting for BATCH_MS. */
const MIN_BATCH_FILES = 1000;
const MAX_LISTED = 1000;
/** Files up to this size travel to a worker in groups. */
const SMALL_FILE = 256 * 1024;
const GROUP_FILES = 64;
const GROUP_BYTES = 1024 * 1024;

/**
 * New articles an import expects, from which it sets the deferred indexes aside while it runs
 * (db/deferred-indexes.ts). At 100,000 articles they still fit in the page cache and setting
 * them aside gained nothing; at 1,000,000 it took the import from 4,400 to 5,700 articles/s.
 */
const DEFER_INDEXES_AT = 150_000;

export const UNCHANGED = 'unchanged since the last import';

interface Result {
  path: string;
  /** A final outcome decided without parsing, or the parser's answer. */
  decided?: { outcome: FileOutcome; reason: string | null; unchanged?: boolean };
  parsed?: ParseOutcome;
}

interface FileRow {
  id: number;
  path: string;
  size: number;
  mtime_ms: number;
  hash: string;
}

export interface ImporterEvents {
  progress(progress: ImportProgress): void;
  finished(summary: ImportSummary): void;
  corpusChanged(): void;
}

export interface ImporterOptions {
  pool?: PoolOptions;
  nearDuplicates?: NearDuplicates;
  /** Expected new articles from which the deferred indexes are set aside (default DEFER_INDEXES_AT). */
  deferIndexesAt?: number;
}

export interface RunOptions {
  columns?: ColumnMapping;
}

export class Importer {
  private readonly db: Db;
  private readonly store: ArticleStore;
  private readonly events: ImporterEvents;
  private readonly options: ImporterOptions;
  private current: AbortController | null = null;
  private pool: ParserPool | null = null;

  constructor(db: Db, store: ArticleStore, events: ImporterEvents, options: ImporterOptions = {}) {
    this.db = db;
    this.store = store;
    this.events = events;
    this.options = options;
  }

  get running(): boolean {
    return this.current !== null;
  }

  cancel(): boolean {
    if (!this.current) return false;
    this.current.abort();
    return true;
  }

  /** Cancels a running import and waits (up to 10 s) until its last batch is written. */
  async stop(): Promise<void> {
    if (this.cancel()) {
      const deadline = Date.now() + 10_000;
      while (this.current && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    }
    await this.pool?.close();
    this.pool = null;
  }

  async run(paths: readonly string[], options: RunOptions = {}): Promise<ImportSummary> {
    if (this.current) throw new WbFailure('busy', 'An import is already running; wait for it to finish or cancel it.');
    if (paths.length === 0) throw new WbFailure('bad_request', 'Give at least one folder or file to import.');
    for (const p of paths) {
      if (!path.isAbsolute(p)) throw new WbFailure('bad_request', `Paths to import must be absolute: ${p}`);
    }
    const controller = new AbortController();
    this.current = controller;
    try {
      this.pool ??= new ParserPool(this.options.pool);
      // A bigger page cache for the writes: index B-trees (FTS5's, content hashes) are updated
      // at random places, and SQLite's default 2 MB cache thrashes on a large corpus.
      // 32 MB, not 64: the cache fills up on any corpus past a few thousand articles, so this
      // is resident memory for the whole import; at 100,000 files half of it cost no speed
      // (the pages it no longer holds are in the OS file cache).
      this.db.pragma('cache_size = -32768');
      // The write-ahead log is checkpointed at SQLite's default size, 1,000 pages (16 MB with
      // the 16 KB pages of db/open.ts), every batch or two, and not held back to larger, rarer
      // checkpoints. A small log is written over again while its pages are still in memory, and
      // each checkpoint has little to copy and sync. A million wire files, one run after another:
      // 10,314 and 10,447 articles/s at 1,000 pages, 10,556 and 10,828 at 1,024, 10,153 at
      // 4,096, against 9,613-9,830 at 16,384 (a 256 MB log, checkpointed in 0.6-0.9 s with the
      // engine thread doing nothing else). At 100,000 files ~3% slower (9,192 and 9,541 against
      // 9,674 and 9,752): most of a 256 MB log was left to be checkpointed after that import.
      try {
        this.store.bulk(true);
      } catch {
        // only a speed-up: a corpus that cannot take it now (a full disk) is written as usual
      }
      return await this.execute(paths.map((p) => path.resolve(p)), options, controller.signal);
    } finally {
      this.current = null;
      try {
        this.store.bulk(false);
      } catch {
        // the corpus is closing, or cannot be written (a full disk): the settings wait for the next import
      }
    }
  }

  private async execute(paths: string[], options: RunOptions, signal: AbortSignal): Promise<ImportSummary> {
    const started = Date.now();
    const pool = this.pool!;
    const db = this.db;
    const runId = Number(
      db
        .prepare(`INSERT INTO import_runs (started_at, status, paths, owner_pid) VALUES (?, 'running', ?, ?)`)
        .run(new Date(started).toISOString(), JSON.stringify(paths), process.pid).lastInsertRowid,
    );
    const progress: ImportProgress = {
      runId, phase: 'scanning', filesSeen: 0, filesDone: 0, imported: 0, duplicates: 0, failed: 0, skipped: 0, unchanged: 0, currentFile: null,
    };
    const outcomes: Record<FileOutcome, number> = { imported: 0, duplicate: 0, skipped: 0, failed: 0 };
    const errors: ImportFileError[] = [];
    const skippedFiles: ImportFileError[] = [];
    const nearDuplicates = this.options.nearDuplicates;
    nearDuplicates?.touched.clear();
    const deferAt = this.options.deferIndexesAt ?? (Number(process.env.WIREBENCH_DEFER_INDEXES_AT) || DEFER_INDEXES_AT);
    // The corpus's size before this run, counted only when an import is big enough to ask
    // (a watched folder's imports, one file each, never do).
    let articlesBefore: number | null = null;
    let deferred = false;
    // Once the file count is known: the files left, at the share of new articles met so far.
    const maybeDefer = (): void => {
      if (deferred || progress.phase !== 'importing' || progress.filesDone === 0) return;
      const expected = ((progress.filesSeen - progress.filesDone) * progress.imported) / progress.filesDone;
      if (expected < deferAt) return;
      articlesBefore ??= this.store.total() - progress.imported;
      if (expected < (articlesBefore + progress.imported) / 4) return;
      try {
        dropDeferredIndexes(db);
        deferred = true;
        // What is left to write goes mostly in order (rows, index segments): half the page
        // cache does, and the content hashes held in memory meanwhile take its place.
        db.pragma('cache_size = -16384');
      } catch {
        // only a speed-up (a full disk, say): the import goes on with them
      }
      // Duplicates are found in memory while the content hashes' index is aside.
      this.store.followHashIndex(expected);
    };
    let lastEmit = 0;
    const emit = (force = false): void => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      this.events.progress({ ...progress });
    };

    const fileByPath = db.prepare('SELECT id, path, size, mtime_ms, hash FROM files WHERE path = ?');
    const isNew = newFiles(db, paths);
    const fileById = db.prepare('SELECT id, path, size, mtime_ms, hash FROM files WHERE id = ?');
    const deleteFile = db.prepare('DELETE FROM files WHERE id = ?');
    const insertFile = db.prepare('INSERT INTO files (path, size, mtime_ms, hash, encoding, articles, run_id, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const updateFile = db.prepare('UPDATE files SET path = ?, size = ?, mtime_ms = ?, hash = ?, encoding = coalesce(?, encoding), articles = ?, run_id = ?, read_at = ? WHERE id = ?');
    const touchFile = db.prepare('UPDATE files SET size = ?, mtime_ms = ?, run_id = ? WHERE id = ?');
    const moveArticles = db.prepare('UPDATE articles SET source_path = ? WHERE file_id = ?');
    const articlesOfFile = db.prepare('SELECT id FROM articles WHERE file_id = ?').pluck();
    const setFileArticles = db.prepare('UPDATE files SET articles = ? WHERE id = ?');
    const recordOutcome = db.prepare('INSERT INTO import_files (run_id, path, outcome, articles, duplicates, reason) VALUES (?, ?, ?, ?, ?, ?)');
    // One timestamp per write batch is precise enough for "read at", and spares a Date per file.
    let batchTime = new Date().toISOString();
    const now = (): string => batchTime;

    const count = (outcome: FileOutcome, p: string, reason: string | null): void => {
      outcomes[outcome]++;
      if (outcome === 'failed') {
        progress.failed++;
        if (errors.length < MAX_LISTED) errors.push({ path: p, reason: reason ?? 'failed' });
      } else if (outcome === 'skipped') {
        progress.skipped++;
        if (skippedFiles.length < MAX_LISTED) skippedFiles.push({ path: p, reason: reason ?? 'skipped' });
      }
    };

    // Same bytes at a path that is gone: the file was moved or renamed, not added. Only a file
    // all of whose articles are stored already can be one, and the files that own those
    // articles are the candidates (no index on file hashes to keep up during an import).
    const movedFrom = (parsed: Extract<ParseOutcome, { status: 'parsed' }>): FileRow | undefined => {
      const owners = new Set<number>();
      for (const article of parsed.articles) {
        const owner = this.store.findByHash(article.contentHash)?.fileId;
        if (owner !== null && owner !== undefined) owners.add(owner);
      }
      for (const id of owners) {
        const file = fileById.get(id) as FileRow | undefined;
        if (file && file.hash === parsed.hash && file.path !== parsed.path && !fs.existsSync(file.path)) return file;
      }
      return undefined;
    };

    const storeParsed = (parsed: Extract<ParseOutcome, { status: 'parsed' }>): void => {
      const p = parsed.path;
      const known = isNew(p) ? undefined : (fileByPath.get(p) as FileRow | undefined);
      if (known && known.hash === parsed.hash) {
        touchFile.run(parsed.size, parsed.mtimeMs, runId, known.id);
        recordOutcome.run(runId, p, 'duplicate', 0, 0, UNCHANGED);
        count('duplicate', p, null);
        progress.unchanged++;
        return;
      }
      const fileId = known
        ? (updateFile.run(p, parsed.size, parsed.mtimeMs, parsed.hash, parsed.encoding, 0, runId, now(), known.id), known.id)
        : // Most new files keep every article they hold: their count is written now, and corrected below when not.
          Number(insertFile.run(p, parsed.size, parsed.mtimeMs, parsed.hash, parsed.encoding, parsed.articles.length, runId, now()).lastInsertRowid);
      const before = known ? (articlesOfFile.all(fileId) as number[]) : [];
      const keep = new Set<number>();
      let stored = 0;
      let dupes = 0;
      for (const article of parsed.articles) {
        const existing = known ? this.store.findByHash(article.contentHash) : null;
        if (existing) {
          // A changed file keeps the ids of the articles whose text did not change.
          if (existing.fileId === fileId) keep.add(existing.id);
          else dupes++;
          continue;
        }
        // The parsed object itself becomes the new article (no copy of its fields per article).
        const id = this.store.insert(Object.assign(article, { sourcePath: p, fileId, importRunId: runId, importedAt: batchTime }));
        if (id === null) dupes++;
        else {
          stored++;
          keep.add(id);
        }
      }
      const moved = !known && stored === 0 ? movedFrom(parsed) : undefined;
      if (moved) {
        deleteFile.run(fileId);
        updateFile.run(p, parsed.size, parsed.mtimeMs, parsed.hash, parsed.encoding, (articlesOfFile.all(moved.id) as number[]).length, runId, now(), moved.id);
        moveArticles.run(p, moved.id);
        recordOutcome.run(runId, p, 'duplicate', 0, 0, `moved from ${moved.path} (already imported)`);
        count('duplicate', p, null);
        return;
      }
      for (const id of before) if (!keep.has(id)) this.store.remove(id);
      if (known || keep.size !== parsed.articles.length) setFileArticles.run(keep.size, fileId);
      progress.imported += stored;
      progress.duplicates += dupes;
      const outcome: FileOutcome = stored > 0 ? 'imported' : 'duplicate';
      recordOutcome.run(runId, p, outcome, stored, dupes, stored > 0 || dupes > 0 ? null : 'the articles were already stored from this file');
      count(outcome, p, null);
    };

    // store.batched: the indexers may hold their writes to the end of the batch (the search
    // index writes in rowid order then; see ArticleStore.batched).
    const writeBatch = db.transaction((batch: Result[]) => this.store.batched(() => {
      batchTime = new Date().toISOString();
      for (const result of batch) {
        progress.filesDone++;
        if (result.decided) {
          const { outcome, reason } = result.decided;
          recordOutcome.run(runId, result.path, outcome, 0, 0, reason);
          count(outcome, result.path, reason);
          if (result.decided.unchanged) progress.unchanged++;
        } else if (result.parsed) {
          const parsed = result.parsed;
          if (parsed.status === 'parsed') storeParsed(parsed);
          else {
            recordOutcome.run(runId, parsed.path, parsed.status, 0, 0, parsed.reason);
            count(parsed.status, parsed.path, parsed.reason);
          }
        }
      }
    }));

    let status: ImportSummary['status'] = 'completed';
    let message: string | null = null;
    let ready: Result[] = [];
    let lastFlush = Date.now();
    const flush = (): void => {
      if (ready.length === 0) return;
      const batch = ready.length > BATCH_FILES ? ready.splice(0, BATCH_FILES) : ready;
      if (batch === ready) ready = [];
      // The counts are updated as the batch is written; a batch whose commit fails (disk
      // full) was not stored, so its counts are taken back before the error goes on.
      const before = { progress: { ...progress }, outcomes: { ...outcomes }, errors: errors.length, skipped: skippedFiles.length };
      try {
        writeBatch(batch);
      } catch (error) {
        this.store.discardBatch();
        Object.assign(progress, before.progress);
        Object.assign(outcomes, before.outcomes);
        errors.length = before.errors;
        skippedFiles.length = before.skipped;
        throw error;
      }
      lastFlush = Date.now();
      emit();
    };
    // A batch is written once enough files are ready for one (FTS5 writes a segment per
    // transaction, so tiny batches cost merges later), or once the oldest waited BATCH_MS.
    const maybeFlush = async (): Promise<boolean> => {
      if (ready.length >= MIN_BATCH_FILES || (ready.length > 0 && Date.now() - lastFlush >= BATCH_MS)) {
        flush();
        maybeDefer();
        // Let calls (searches, cancel) and events through between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
        return true;
      }
      return false;
    };

    // Files on their way to the workers, grouped; jobs in flight, bounded so memory stays flat.
    let group: ParseRequest[] = [];
    let groupBytes = 0;
    const inFlight = new Set<Promise<void>>();
    // Enough queued work that the workers keep parsing while this thread writes a batch.
    const maxInFlight = 64;
    const dispatch = (requests: ParseRequest[]): void => {
      const job = pool.parse(requests).then(
        (results) => {
          // After a cancel, files still being parsed are left for the next import.
          if (signal.aborted) return;
          for (const parsed of results) ready.push({ path: parsed.path, parsed });
        },
        (error: Error) => {
          if (signal.aborted) return;
          for (const r of requests) ready.push({ path: r.path, decided: { outcome: 'failed', reason: error.message } });
        },
      );
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    };
    const sendGroup = (): void => {
      if (group.length === 0) return;
      dispatch(group);
      group = [];
      groupBytes = 0;
    };

    try {
      // The total for the progress bar comes from a quick count (no stat per file) running
      // alongside the import.
      const counting = countFiles(paths, signal).then((n) => {
        progress.filesSeen = Math.max(progress.filesSeen, n);
        progress.phase = 'importing';
        emit(true);
      });
      // The engine thread walks and hands out work only between batches, so before each batch
      // the workers get as much work queued as the limit allows (they parse while it writes),
      // and a batch is written as soon as one is ready rather than after a fixed wait (the
      // engine thread is the busier one: time it spends waiting is lost).
      const files = walk(paths)[Symbol.asyncIterator]();
      let walking = true;
      // The walk's lookups of known files, a few hundred in one read transaction: each statement
      // run on its own is a transaction of its own, which takes and drops the WAL's read lock
      // (two fcntl calls per file).
      const takeAll = db.transaction((entries: WalkEntry[]) => {
        for (const entry of entries) take(entry);
      });
      const take = (entry: WalkEntry): void => {
        if (progress.phase === 'scanning') progress.filesSeen++;
        progress.currentFile = entry.path;
        if (entry.kind === 'problem') {
          ready.push({ path: entry.path, decided: { outcome: entry.outcome, reason: entry.reason } });
        } else {
          const name = path.basename(entry.path);
          let skip = precheck(name, entry.size);
          let failure: string | null = null;
          const known = skip || isNew(entry.path) ? undefined : (fileByPath.get(entry.path) as FileRow | undefined);
          // The walk does not stat plain files (walk.ts): a file read before needs its size and
          // time for the unchanged check, and a binary format its size to travel alone if big.
          let { size, mtimeMs } = entry;
          if (!skip && size < 0 && (known || BINARY_EXTENSIONS.has(articleExtension(name) ?? ''))) {
            const stat = statOf(entry);
            if ('problem' in stat) failure = stat.problem;
            else {
              ({ size, mtimeMs } = stat);
              skip = precheck(name, size);
            }
          }
          if (failure) {
            ready.push({ path: entry.path, decided: { outcome: 'failed', reason: failure } });
          } else if (skip) {
            ready.push({ path: entry.path, decided: { outcome: 'skipped', reason: skip } });
          } else if (known && known.size === size && known.mtime_ms === mtimeMs) {
            ready.push({ path: entry.path, decided: { outcome: 'duplicate', reason: UNCHANGED, unchanged: true } });
          } else {
            const request: ParseRequest = { path: entry.path };
            if (options.columns) request.columns = options.columns;
            if (entry.raw) request.raw = entry.raw;
            if (size > SMALL_FILE) dispatch([request]);
            else {
              // A file not stat'ed counts as small: the group's worker reads text files one at a
              // time, the group has four files' worth of time (parser-pool.ts), and a group that
              // fails is retried file by file, so a big text file costs time, not an outcome.
              group.push(request);
              groupBytes += Math.max(size, 0);
              if (group.length >= GROUP_FILES || groupBytes >= GROUP_BYTES) sendGroup();
            }
          }
        }
      };
      while (!signal.aborted) {
        while (walking && inFlight.size < maxInFlight && ready.length < BATCH_FILES && !signal.aborted) {
          const entries: WalkEntry[] = [];
          while (entries.length < TAKE_AT_ONCE) {
            const next = await files.next();
            if (next.done) {
              walking = false;
              break;
            }
            entries.push(next.value);
          }
          takeAll(entries);
          if (!walking) sendGroup();
        }
        if (signal.aborted) break;
        if (await maybeFlush()) continue;
        if (inFlight.size === 0) {
          if (walking) continue;
          break;
        }
        // The next parsed job; files already ready are written after BATCH_MS even if it is slow.
        const waits: Promise<unknown>[] = [Promise.race(inFlight)];
        if (ready.length > 0) waits.push(new Promise((resolve) => setTimeout(resolve, Math.max(0, lastFlush + BATCH_MS - Date.now()))));
        await Promise.race(waits);
      }
      if (signal.aborted) pool.dropQueued();
      while (inFlight.size > 0) {
        await Promise.race(inFlight);
        await maybeFlush();
      }
      flush();
      await counting;
      if (signal.aborted) status = 'cancelled';
    } catch (error) {
      status = 'failed';
      message = describeFatal(error);
      await Promise.allSettled([...inFlight]);
      try {
        flush();
      } catch {
        // what could be written was; the run is marked failed below
      }
    }

    progress.phase = 'finishing';
    progress.currentFile = null;
    // Files end in the order their parsers finish; the lists read in the order of the folders.
    const byPath = (a: ImportFileError, b: ImportFileError): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    errors.sort(byPath);
    skippedFiles.sort(byPath);
    progress.filesSeen = Math.max(progress.filesSeen, progress.filesDone);
    emit(true);
    const summary: ImportSummary = {
      runId,
      status,
      files: progress.filesDone,
      imported: progress.imported,
      duplicates: progress.duplicates,
      failed: progress.failed,
      skipped: progress.skipped,
      unchanged: progress.unchanged,
      nearDuplicateGroups: 0,
      outcomes,
      errors,
      skippedFiles,
      durationMs: 0,
      message,
    };
    try {
      summary.nearDuplicateGroups = nearDuplicates?.countTouched() ?? 0;
      nearDuplicates?.release();
      // After the release: the near-duplicate bands of a big import are ~100 MB, and building
      // the indexes needs memory for its sort (deferred-indexes.ts).
      if (deferred) {
        this.store.releaseHashDirectory();
        try {
          restoreDeferredIndexes(db);
        } catch {
          // cannot be written now (a full disk): the next open builds them (engine.ts)
        }
        this.store.followHashIndex();
      }
      summary.durationMs = Date.now() - started;
      db.prepare(
        `UPDATE import_runs SET finished_at = ?, status = ?, files = ?, imported = ?, duplicates = ?, failed = ?, skipped = ?, unchanged = ?, near_duplicate_groups = ?, message = ? WHERE id = ?`,
      ).run(new Date().toISOString(), status, summary.files, summary.imported, summary.duplicates, summary.failed, summary.skipped, summary.unchanged, summary.nearDuplicateGroups, message, runId);
    } catch (error) {
      // The articles are safe; only the run's bookkeeping could not be written (disk full).
      summary.status = 'failed';
      summary.message ??= describeFatal(error);
    }
    summary.durationMs = Date.now() - started;
    this.events.finished(summary);
    if (summary.imported > 0) this.events.corpusChanged();
    return summary;
  }
}

/**
 * Which paths of this import are certainly not in `files` yet, so that neither the walk nor the
 * write has to look them up (a b-tree search per file on the thread that writes): those under a
 * folder (or the file) given to the import below which no file has ever been read, when no other
 * path given overlaps it (the walk then meets each of its files once). A name that was not valid
 * UTF-8 is always looked up: two such names can show as the same path.
 */
export function newFiles(db: Db, roots: readonly string[]): (p: string) => boolean {
  const anyUnder = db.prepare('SELECT 1 FROM files WHERE path = ? OR (path >= ? AND path < ?) LIMIT 1').pluck();
  const prefixOf = (root: string): string => (root.endsWith('/') ? root : `${root}/`);
  const within = (p: string, root: string): boolean => p === root || p.startsWith(prefixOf(root));
  const fresh: Array<{ root: string; prefix: string }> = [];
  roots.forEach((root, i) => {
    if (roots.some((other, j) => j !== i && (within(other, root) || within(root, other)))) return;
    const prefix = prefixOf(root);
    // Every path that starts with the prefix sorts from it up to the prefix with its last
    // character ("/") one higher ("0").
    if (anyUnder.get(root, prefix, `${prefix.slice(0, -1)}0`) === undefined) fresh.push({ root, prefix });
  });
  if (fresh.length === 0) return () => false;
  return (p) => !p.includes('\uFFFD') && fresh.some(({ root, prefix }) => p.startsWith(prefix) || p === root);
}

function describeFatal(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL') return 'The disk is full; the import stopped. Articles stored before that are intact.';
  if (code === 'SQLITE_READONLY') return 'The corpus is read-only; nothing could be stored.';
  if (code === 'SQLITE_BUSY') return 'The corpus is locked by another Wirebench process; try again when it is done.';
  return `The import stopped: ${error instanceof Error ? error.message : String(error)}. Articles stored before that are intact.`;
}
