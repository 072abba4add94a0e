// An import run: walk the paths, read and parse each file, store new articles, and record
// exactly one outcome per file (imported, duplicate, skipped, failed). One bad file never
// stops the run; results are written in batches, each one transaction, so a crash leaves
// whole articles only and the next import of the same folder finishes the job.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportFileError, ImportProgress, ImportSummary } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import type { ArticleStore } from '../store/articles.ts';
import { decodeText } from './decode.ts';
import { detectLanguage } from './language.ts';
import { parserFor } from './parsers/index.ts';
import { ParseError, type ParsedArticle } from './parsers/types.ts';
import { describe, walk, type WalkEntry } from './walk.ts';

export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
const BATCH_FILES = 200;
const BATCH_MS = 40;
const PROGRESS_EVERY_MS = 100;
const MAX_LISTED_SKIPS = 1000;

type Outcome = 'imported' | 'duplicate' | 'skipped' | 'failed';

interface FileResult {
  path: string;
  outcome: Outcome | 'parsed';
  reason: string | null;
  articles: ParsedArticle[];
}

export interface ImporterEvents {
  progress(progress: ImportProgress): void;
  finished(summary: ImportSummary): void;
  corpusChanged(): void;
}

export class Importer {
  private readonly db: Db;
  private readonly store: ArticleStore;
  private readonly events: ImporterEvents;
  private current: AbortController | null = null;

  constructor(db: Db, store: ArticleStore, events: ImporterEvents) {
    this.db = db;
    this.store = store;
    this.events = events;
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
    if (!this.cancel()) return;
    const deadline = Date.now() + 10_000;
    while (this.current && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  async run(paths: readonly string[]): Promise<ImportSummary> {
    if (this.current) throw new WbFailure('busy', 'An import is already running; wait for it to finish or cancel it.');
    if (paths.length === 0) throw new WbFailure('bad_request', 'Give at least one folder or file to import.');
    for (const p of paths) {
      if (!path.isAbsolute(p)) throw new WbFailure('bad_request', `Paths to import must be absolute: ${p}`);
    }
    const controller = new AbortController();
    this.current = controller;
    try {
      return await this.execute(paths.map((p) => path.resolve(p)), controller.signal);
    } finally {
      this.current = null;
    }
  }

  private async execute(paths: string[], signal: AbortSignal): Promise<ImportSummary> {
    const started = Date.now();
    const runId = Number(
      this.db
        .prepare(`INSERT INTO import_runs (started_at, status, paths, owner_pid) VALUES (?, 'running', ?, ?)`)
        .run(new Date(started).toISOString(), JSON.stringify(paths), process.pid).lastInsertRowid,
    );
    const progress: ImportProgress = {
      runId, phase: 'scanning', filesSeen: 0, filesDone: 0, imported: 0, duplicates: 0, failed: 0, skipped: 0, currentFile: null,
    };
    const errors: ImportFileError[] = [];
    const skippedFiles: ImportFileError[] = [];
    let lastEmit = 0;
    const emit = (force = false): void => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      this.events.progress({ ...progress });
    };

    const recordOutcome = this.db.prepare('INSERT INTO import_files (run_id, path, outcome, articles, reason) VALUES (?, ?, ?, ?, ?)');
    // Counts are returned, not added to the progress inside the transaction: a batch whose
    // commit fails (disk full) must not be counted as stored.
    const writeBatch = this.db.transaction((batch: FileResult[]): { imported: number; duplicates: number } => {
      const counts = { imported: 0, duplicates: 0 };
      for (const file of batch) {
        let outcome: Outcome;
        let stored = 0;
        if (file.outcome === 'parsed') {
          let dupes = 0;
          for (const article of file.articles) {
            const id = this.store.insert({
              ...article,
              language: article.language ?? detectLanguage(`${article.headline}\n${article.body}`),
              sourcePath: file.path,
              importRunId: runId,
            });
            if (id === null) dupes++;
            else stored++;
          }
          counts.imported += stored;
          counts.duplicates += dupes;
          outcome = stored > 0 ? 'imported' : 'duplicate';
        } else {
          outcome = file.outcome;
        }
        recordOutcome.run(runId, file.path, outcome, stored, file.reason);
      }
      return counts;
    });

    let status: ImportSummary['status'] = 'completed';
    let message: string | null = null;
    try {
      // Pass 1 counts, so the progress bar has a real total; pass 2 imports. Two walks keep
      // memory flat where one list of a million paths would not.
      for await (const _ of walk(paths)) {
        progress.filesSeen++;
        if (signal.aborted) break;
        emit();
      }
      progress.phase = 'importing';
      emit(true);

      let batch: FileResult[] = [];
      let batchStarted = Date.now();
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const written = writeBatch(batch);
        progress.imported += written.imported;
        progress.duplicates += written.duplicates;
        batch = [];
        emit();
        // Let calls (searches, cancel) and events through between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
        batchStarted = Date.now();
      };

      let seenInPass2 = 0;
      for await (const entry of walk(paths)) {
        if (signal.aborted) break;
        seenInPass2++;
        if (seenInPass2 > progress.filesSeen) progress.filesSeen = seenInPass2;
        progress.currentFile = entry.path;
        const result = await readEntry(entry);
        progress.filesDone++;
        if (result.outcome === 'failed') {
          progress.failed++;
          errors.push({ path: result.path, reason: result.reason ?? 'failed' });
        } else if (result.outcome === 'skipped') {
          progress.skipped++;
          if (skippedFiles.length < MAX_LISTED_SKIPS) skippedFiles.push({ path: result.path, reason: result.reason ?? 'skipped' });
        }
        batch.push(result);
        if (batch.length >= BATCH_FILES || Date.now() - batchStarted >= BATCH_MS) await flush();
      }
      await flush();
      if (signal.aborted) status = 'cancelled';
    } catch (error) {
      status = 'failed';
      message = describeFatal(error);
    }

    progress.phase = 'finishing';
    progress.currentFile = null;
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
      errors,
      skippedFiles,
      durationMs: Date.now() - started,
      message,
    };
    try {
      this.db
        .prepare(`UPDATE import_runs SET finished_at = ?, status = ?, files = ?, imported = ?, duplicates = ?, failed = ?, skipped = ?, message = ? WHERE id = ?`)
        .run(new Date().toISOString(), status, summary.files, summary.imported, summary.duplicates, summary.failed, summary.skipped, message, runId);
    } catch (error) {
      // The articles are safe; only the run's bookkeeping could not be written (disk full).
      summary.status = 'failed';
      summary.message ??= describeFatal(error);
    }
    this.events.finished(summary);
    if (summary.imported > 0) this.events.corpusChanged();
    return summary;
  }
}

async function readEntry(entry: WalkEntry): Promise<FileResult> {
  if (entry.kind === 'problem') return { path: entry.path, outcome: entry.outcome, reason: entry.reason, articles: [] };
  const name = path.basename(entry.path);
  const parser = parserFor(name);
  if (name.startsWith('.')) return skipped(entry.path, 'hidden file');
  if (!parser) return skipped(entry.path, 'not an article format');
  if (entry.size === 0) return skipped(entry.path, 'empty file');
  if (entry.size > MAX_TEXT_FILE_BYTES) return skipped(entry.path, `too large (${Math.round(entry.size / 1048576)} MB; the limit is ${MAX_TEXT_FILE_BYTES / 1048576} MB)`);
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(entry.path);
  } catch (error) {
    return failed(entry.path, describe(error));
  }
  if (bytes.length > MAX_TEXT_FILE_BYTES) return skipped(entry.path, 'too large (it grew during the import)');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return failed(entry.path, decoded.reason);
  if (decoded.text.trim() === '') return skipped(entry.path, 'empty file');
  try {
    const articles = parser({ text: decoded.text, fileName: name }).filter((a) => a.headline.trim() || a.body.trim());
    if (articles.length === 0) return skipped(entry.path, 'no article found in the file');
    return { path: entry.path, outcome: 'parsed', reason: null, articles };
  } catch (error) {
    if (error instanceof ParseError) return failed(entry.path, error.message);
    return failed(entry.path, `parser error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function skipped(p: string, reason: string): FileResult {
  return { path: p, outcome: 'skipped', reason, articles: [] };
}

function failed(p: string, reason: string): FileResult {
  return { path: p, outcome: 'failed', reason, articles: [] };
}

function describeFatal(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL') return 'The disk is full; the import stopped. Articles stored before that are intact.';
  if (code === 'SQLITE_READONLY') return 'The corpus is read-only; nothing could be stored.';
  if (code === 'SQLITE_BUSY') return 'The corpus is locked by another Wirebench process; try again when it is done.';
  return `The import stopped: ${error instanceof Error ? error.message : String(error)}. Articles stored before that are intact.`;
}
