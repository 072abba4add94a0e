// Opening the corpus carefully, so a research corpus is never lost, never silently
// corrupted, and never keeps Wirebench from starting:
//
//   1. a marker left by a session that never closed means a crash: run the full check
//      (integrity_check + every FTS5 index's integrity-check) instead of quick_check;
//   2. a damaged corpus is moved aside with its -wal and -shm into damaged/<time>/, a new
//      empty corpus is opened, and the newest good backup is offered for restoring;
//   3. a corpus from a newer Wirebench is refused (nothing is touched);
//   4. before any migration the corpus is backed up; a migration that fails (or a backup
//      that cannot be written) leaves the corpus as it was, opened read-only;
//   5. whatever goes wrong, the result says so in words instead of throwing, so the engine
//      starts and the window can show it.
//
// The steps are one generator that asks its driver for the pre-migration backup: the
// asynchronous driver uses the online backup API, the synchronous one VACUUM INTO.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, CorpusHealth, WbError } from '../../shared/api.ts';
import { latestVersion, migrate, MigrationError, pendingMigrations, schemaVersion, type Migration } from '../db/migrate.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { corpusPath, markInterruptedRuns, openCorpus, type Db } from '../db/open.ts';
import { createBackup, createBackupSync, listBackups, newestGoodBackup, pruneBackups } from './backups.ts';
import { checkAndRepairFts, fullCheck, isCorruption, quickCheck } from './checks.ts';
import { removeMarkers, staleMarkers, writeMarker, type SessionMarker } from './sessions.ts';

export const DAMAGED_DIR = 'damaged';

export interface GuardOptions {
  dataDir: string;
  migrations?: readonly Migration[];
  /** How many automatic backups to keep. */
  keepBackups?: number;
  /**
   * A corpus file bigger than this (bytes) that was closed cleanly and needs no upgrade opens
   * at once, and its quick_check runs afterwards, in a worker thread (the engine starts it;
   * OpenedCorpus.deferredCheck): quick_check reads every page, some 10 s per GB here, and a
   * big corpus must still answer its first search within a second or two. Default 64 MiB.
   */
  deferCheckAbove?: number;
  /**
   * Problems a deferred check found in the corpus that was open: it is set aside and a new
   * one opened, as when the check at open finds damage.
   */
  knownDamage?: string[];
  log?: (message: string) => void;
}

export interface OpenedCorpus {
  /** Null when the corpus cannot be opened (health.state is 'unavailable'). */
  db: Db | null;
  health: CorpusHealth;
  /** The error every corpus method answers while db is null. */
  unavailable: WbError | null;
  marker: SessionMarker | null;
  /** quick_check was not run at open (see GuardOptions.deferCheckAbove): run it now, off the engine thread. */
  deferredCheck: boolean;
}

/** Below this a corpus is checked at open, before anything else (see GuardOptions.deferCheckAbove). */
export const DEFAULT_DEFER_CHECK_ABOVE = 64 * 1024 * 1024;

interface BackupRequest {
  db: Db;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stampFolder(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Moves corpus.sqlite and its -wal and -shm into damaged/<time>/ with a note; returns the folder. */
export function setAside(dataDir: string, why: string[]): string {
  const folder = path.join(dataDir, DAMAGED_DIR, stampFolder());
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const main = corpusPath(dataDir);
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (fs.existsSync(main + suffix)) fs.renameSync(main + suffix, path.join(folder, path.basename(main) + suffix));
  }
  fs.writeFileSync(path.join(folder, 'WHY.txt'), `Set aside by Wirebench on ${new Date().toISOString()}:\n${why.join('\n')}\n`);
  return folder;
}

function* openSteps(options: GuardOptions): Generator<BackupRequest, OpenedCorpus, BackupInfo> {
  const { dataDir, migrations = MIGRATIONS } = options;
  const latest = latestVersion(migrations);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = corpusPath(dataDir);
  const stale = staleMarkers(dataDir);
  const exists = fs.existsSync(file);
  const health: CorpusHealth = {
    state: 'ok',
    message: null,
    uncleanShutdown: exists && stale.length > 0,
    lastCheck: null,
    checking: false,
    setAside: null,
    newestBackup: null,
    schemaVersion: null,
  };
  let deferredCheck = false;

  const done = (db: Db): OpenedCorpus => {
    let marker: SessionMarker | null = null;
    try {
      marker = writeMarker(dataDir);
      removeMarkers(stale);
    } catch (error) {
      // Without a marker a crash of this session would go unnoticed; everything else works.
      options.log?.(`wirebench: could not write the open-session marker: ${describe(error)}`);
    }
    health.schemaVersion = schemaVersion(db);
    health.newestBackup ??= listBackups(dataDir)[0] ?? null;
    return { db, health, unavailable: null, marker, deferredCheck };
  };

  const unavailable = (error: WbError): OpenedCorpus => {
    health.state = 'unavailable';
    health.message = error.message;
    health.newestBackup = newestGoodBackup(dataDir, latest);
    return { db: null, health, unavailable: error, marker: null, deferredCheck: false };
  };

  const recover = (problems: string[]): OpenedCorpus => {
    let folder: string;
    try {
      folder = setAside(dataDir, problems);
    } catch (error) {
      return unavailable({ code: 'unavailable', message: `The corpus is damaged (${problems[0]}) and could not be moved aside: ${describe(error)}.` });
    }
    const backup = newestGoodBackup(dataDir, latest);
    const db = openCorpus({ dataDir, migrations });
    health.state = 'recovered';
    health.setAside = folder;
    health.newestBackup = backup;
    health.message =
      `The corpus was damaged (${problems[0]}${problems.length > 1 ? `, and ${problems.length - 1} more problems` : ''}). It was moved, with its -wal and -shm files, to ${folder}, and a new empty corpus is open. ` +
      (backup ? `Restore the backup of ${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC to get your articles back.` : 'There is no backup to restore.');
    return done(db);
  };

  const readOnly = (db: Db, message: string): OpenedCorpus => {
    db.close();
    let ro: Db;
    try {
      ro = openCorpus({ dataDir, migrations, readonly: true });
    } catch (error) {
      return unavailable({ code: 'unavailable', message: `${message} It could not be opened read-only either: ${describe(error)}` });
    }
    health.state = 'read-only';
    health.message = message;
    return done(ro);
  };

  if (exists && options.knownDamage?.length) return recover(options.knownDamage);

  if (!exists) {
    const db = openCorpus({ dataDir, migrations });
    health.lastCheck = quickCheck(db);
    return done(db);
  }

  // The check runs on a read-only connection: if the corpus is damaged, or from a newer
  // Wirebench, nothing (not even the checkpoint SQLite does when the last connection closes,
  // nor switching on WAL) has touched it or its -wal before it is set aside or refused.
  let version: number;
  try {
    const ro = new Database(file, { readonly: true, fileMustExist: true });
    try {
      version = schemaVersion(ro);
      const bytes = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
      deferredCheck = !health.uncleanShutdown && version === latest && bytes > (options.deferCheckAbove ?? DEFAULT_DEFER_CHECK_ABOVE);
      if (!deferredCheck) health.lastCheck = health.uncleanShutdown ? fullCheck(ro, { fts: false }) : quickCheck(ro);
    } finally {
      ro.close();
    }
  } catch (error) {
    if (isCorruption(error)) return recover([describe(error)]);
    return unavailable({ code: 'unavailable', message: `The corpus cannot be opened: ${describe(error)}. Nothing was changed.` });
  }
  if (health.lastCheck && !health.lastCheck.ok) return recover(health.lastCheck.problems);
  if (version > latest) {
    return unavailable({
      code: 'newer_database',
      message: `This corpus was written by a newer version of Wirebench (schema ${version}; this version knows up to ${latest}). Update Wirebench to open it; nothing was changed.`,
    });
  }

  let db: Db;
  try {
    db = openCorpus({ dataDir, migrations, migrate: false });
  } catch (error) {
    if (isCorruption(error)) return recover([describe(error)]);
    return unavailable({ code: 'unavailable', message: `The corpus cannot be opened: ${describe(error)}. Nothing was changed.` });
  }

  if (health.uncleanShutdown) {
    // The tables are sound; now the full-text indexes, which are derived data: one that is
    // wrong is rebuilt from the articles.
    const started = Date.now();
    const fts = checkAndRepairFts(db, true);
    const check = health.lastCheck!;
    health.lastCheck = { ...check, ok: fts.problems.length === 0, problems: fts.problems, repaired: fts.repaired, durationMs: check.durationMs + Date.now() - started };
    if (fts.problems.length) {
      db.close();
      return recover(fts.problems);
    }
    if (fts.repaired.length) {
      health.state = 'repaired';
      health.message = `Wirebench did not close properly last time. The full check found the full-text index (${fts.repaired.join(', ')}) damaged and rebuilt it from the articles; nothing was lost.`;
    }
  }

  if (pendingMigrations(db, migrations).length > 0) {
    let backup: BackupInfo | null = null;
    if (version > 0) {
      try {
        backup = yield { db };
        health.newestBackup = backup;
      } catch (error) {
        return readOnly(db, `The corpus needs an upgrade (schema ${version} to ${latest}), but it could not be backed up first (${describe(error)}), so it was not upgraded: it is open read-only. Free some disk space and restart Wirebench.`);
      }
    }
    try {
      migrate(db, migrations);
    } catch (error) {
      const what = error instanceof MigrationError ? error.message : describe(error);
      return readOnly(
        db,
        `Upgrading the corpus failed (${what}). Nothing was changed: it is open read-only at schema ${version}.` +
          (backup ? ` The backup taken before the upgrade is ${backup.name}.` : '') +
          ' Please report this to the Wirebench developers.',
      );
    }
  }
  markInterruptedRuns(db);
  return done(db);
}

function guard(options: GuardOptions, run: () => OpenedCorpus | Promise<OpenedCorpus>): Promise<OpenedCorpus> | OpenedCorpus {
  const fail = (error: unknown): OpenedCorpus => {
    options.log?.(`wirebench: opening the corpus failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      db: null,
      unavailable: { code: 'unavailable', message: `The corpus cannot be opened: ${describe(error)}.` },
      marker: null,
      deferredCheck: false,
      health: { state: 'unavailable', message: `The corpus cannot be opened: ${describe(error)}.`, uncleanShutdown: false, lastCheck: null, checking: false, setAside: null, newestBackup: null, schemaVersion: null },
    };
  };
  try {
    const result = run();
    return result instanceof Promise ? result.catch(fail) : result;
  } catch (error) {
    return fail(error);
  }
}

/** The careful open, with the pre-migration backup through SQLite's online backup API. */
export function openCorpusGuarded(options: GuardOptions): Promise<OpenedCorpus> {
  return Promise.resolve(
    guard(options, async () => {
      const steps = openSteps(options);
      let next = steps.next();
      while (!next.done) {
        let backup: BackupInfo;
        try {
          backup = await createBackup(next.value.db, options.dataDir, 'pre-migration');
          pruneBackups(options.dataDir, options.keepBackups);
        } catch (error) {
          next = steps.throw(error);
          continue;
        }
        next = steps.next(backup);
      }
      return next.value;
    }),
  );
}

/** The same, synchronously (createEngine): the pre-migration backup is written with VACUUM INTO. */
export function openCorpusGuardedSync(options: GuardOptions): OpenedCorpus {
  return guard(options, () => {
    const steps = openSteps(options);
    let next = steps.next();
    while (!next.done) {
      let backup: BackupInfo;
      try {
        backup = createBackupSync(next.value.db, options.dataDir, 'pre-migration');
        pruneBackups(options.dataDir, options.keepBackups);
      } catch (error) {
        next = steps.throw(error);
        continue;
      }
      next = steps.next(backup);
    }
    return next.value;
  }) as OpenedCorpus;
}
