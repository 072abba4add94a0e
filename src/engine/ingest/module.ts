// Importing: runs, cancellation, the history with one outcome per file, watched folders.
import type { FileOutcome, ImportOutcomesResult, ImportRun } from '../../shared/api.ts';
import type { EngineContext, EngineModule } from '../context.ts';
import { WbFailure } from '../errors.ts';
import { Importer, type ImporterOptions } from './importer.ts';
import { FolderWatcher } from './watcher.ts';

export function createImporter(ctx: EngineContext, options: ImporterOptions = {}): Importer {
  return new Importer(
    ctx.db,
    ctx.store,
    {
      progress: (p) => ctx.emit('onImportProgress', p),
      finished: (s) => ctx.emit('onImportFinished', s),
      corpusChanged: () => ctx.emit('onCorpusChanged', { articles: ctx.store.total() }),
    },
    options,
  );
}

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: ImportRun['status'];
  paths: string;
  files: number;
  imported: number;
  duplicates: number;
  failed: number;
  skipped: number;
  unchanged: number;
  near_duplicate_groups: number;
  message: string | null;
}

export function createImportModule(ctx: EngineContext, importer: Importer, options: { watch?: boolean } = {}): EngineModule {
  const db = ctx.db;
  const runs = db.prepare('SELECT * FROM import_runs ORDER BY id DESC LIMIT ? OFFSET ?');
  const runCount = db.prepare('SELECT count(*) FROM import_runs').pluck();
  const runExists = db.prepare('SELECT 1 FROM import_runs WHERE id = ?').pluck();
  const outcomeCounts = db.prepare('SELECT outcome, count(*) AS n FROM import_files WHERE run_id = ? GROUP BY outcome');
  const outcomeRows = db.prepare('SELECT path, outcome, articles, duplicates, reason FROM import_files WHERE run_id = ? ORDER BY id LIMIT ? OFFSET ?');
  const outcomeRowsOf = db.prepare('SELECT path, outcome, articles, duplicates, reason FROM import_files WHERE run_id = ? AND outcome = ? ORDER BY id LIMIT ? OFFSET ?');
  const watcher = new FolderWatcher(db, importer, ctx.log);
  if (options.watch !== false) watcher.resume();

  return {
    handlers: {
      'import.run': ({ paths, columns }) => importer.run(paths, columns ? { columns } : {}),
      'import.cancel': () => ({ cancelled: importer.cancel() }),
      'import.runs': ({ limit = 20, offset = 0 }) => ({
        total: runCount.get() as number,
        runs: (runs.all(limit, offset) as RunRow[]).map((r) => ({
          id: r.id,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          status: r.status,
          paths: JSON.parse(r.paths) as string[],
          files: r.files,
          imported: r.imported,
          duplicates: r.duplicates,
          failed: r.failed,
          skipped: r.skipped,
          unchanged: r.unchanged,
          nearDuplicateGroups: r.near_duplicate_groups,
          message: r.message,
        })),
      }),
      'import.outcomes': ({ runId, outcome, offset = 0, limit = 100 }): ImportOutcomesResult => {
        if (!runExists.get(runId)) throw new WbFailure('not_found', `There is no import ${runId}.`);
        const counts: Record<FileOutcome, number> = { imported: 0, duplicate: 0, skipped: 0, failed: 0 };
        for (const row of outcomeCounts.all(runId) as { outcome: FileOutcome; n: number }[]) counts[row.outcome] = row.n;
        const total = outcome ? counts[outcome] : counts.imported + counts.duplicate + counts.skipped + counts.failed;
        const rows = (outcome ? outcomeRowsOf.all(runId, outcome, limit, offset) : outcomeRows.all(runId, limit, offset)) as ImportOutcomesResult['rows'];
        return { total, counts, rows };
      },
      'watch.add': ({ path }) => ({ folders: watcher.add(path) }),
      'watch.remove': ({ path }) => ({ folders: watcher.remove(path) }),
      'watch.list': () => ({ folders: watcher.list() }),
    },
    close: async () => {
      await watcher.close();
      await importer.stop();
    },
  };
}
