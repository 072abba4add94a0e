// Integrity checks of the corpus. quick_check runs at every open (it reads every page but
// skips the index-to-table cross-checks, so it is the cheap one); the full check adds
// integrity_check and each FTS5 index's own 'integrity-check', and runs after an unclean
// shutdown and on demand. An FTS5 index is derived data: when only it is wrong it is
// rebuilt from the articles instead of setting the corpus aside.
import type { Database } from 'better-sqlite3';
import type { IntegrityReport } from '../../shared/api.ts';
import { FTS_TABLE, ID_OF_ROWID } from '../search/index-layout.ts';

const MAX_PROBLEMS = 20;

/** Every FTS5 table in the corpus (other modules may add their own): found, not listed. */
export function ftsTables(db: Database): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%' ORDER BY name`)
    .pluck()
    .all() as string[];
}

/** A table name as an SQL identifier (names come from sqlite_schema, never from users). */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function pragmaCheck(db: Database, pragma: 'quick_check' | 'integrity_check'): string[] {
  const rows = db.prepare(`PRAGMA ${pragma}(${MAX_PROBLEMS})`).pluck().all() as string[];
  if (rows.length === 1 && rows[0] === 'ok') return [];
  // One row may hold several lines; the "*** in database main ***" headers say nothing useful.
  const lines = rows.flatMap((r) => String(r).split('\n')).map((l) => l.trim()).filter((l) => l && !/^\*\*\* in database /.test(l));
  return lines.length ? lines : ['the check failed without details'];
}

/**
 * A contentless index (the search index keeps key streams, not text) cannot compare itself
 * with its articles, so its coverage is checked here: one entry per article, none for an
 * article that is gone. Skipped while the index is being rebuilt (it is incomplete on purpose).
 */
function contentlessCoverage(db: Database, table: string): string | null {
  if (table !== FTS_TABLE) return null;
  const state = db.prepare(`SELECT value FROM search_state WHERE name = 'index_version'`).pluck().get() as number | undefined;
  if (!state) return null;
  const entries = db.prepare(`SELECT count(*) FROM ${ident(`${table}_docsize`)}`).pluck().get() as number;
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  if (entries !== articles) return `${table}: ${entries} index entries for ${articles} articles`;
  const orphans = db.prepare(`SELECT count(*) FROM ${ident(`${table}_docsize`)} WHERE ${ID_OF_ROWID.replace('rowid', 'id')} NOT IN (SELECT id FROM articles)`).pluck().get() as number;
  return orphans ? `${table}: ${orphans} index entries for articles that are not there` : null;
}

function isContentless(db: Database, table: string): boolean {
  const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table) as string | undefined;
  return /content\s*=\s*''/i.test(sql ?? '');
}

/** The FTS5 tables whose own integrity-check fails, with the reason. */
export function checkFts(db: Database): { table: string; problem: string }[] {
  const bad: { table: string; problem: string }[] = [];
  for (const table of ftsTables(db)) {
    try {
      // rank = 1: also compare the index with its content table (an external-content index
      // is otherwise only checked for internal consistency, and a ghost entry would pass).
      db.prepare(`INSERT INTO ${ident(table)}(${ident(table)}, rank) VALUES ('integrity-check', 1)`).run();
      const coverage = contentlessCoverage(db, table);
      if (coverage) bad.push({ table, problem: coverage });
    } catch (error) {
      bad.push({ table, problem: `${table}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return bad;
}

/**
 * Rebuilds an FTS5 index from what it is derived from. An external-content index rebuilds
 * itself from its table; the contentless search index is emptied and marked stale, and the
 * search module rebuilds it from the articles in the background (search/index-state.ts).
 */
export function rebuildFts(db: Database, table: string): void {
  if (!isContentless(db, table)) {
    db.prepare(`INSERT INTO ${ident(table)}(${ident(table)}) VALUES ('rebuild')`).run();
    return;
  }
  if (table !== FTS_TABLE) throw new Error(`no way to rebuild the contentless index ${table}`);
  db.transaction(() => {
    db.prepare(`INSERT INTO ${ident(table)}(${ident(table)}) VALUES ('delete-all')`).run();
    db.prepare(`UPDATE search_state SET value = 0 WHERE name IN ('index_version', 'building')`).run();
  })();
}

export function quickCheck(db: Database): IntegrityReport {
  const started = Date.now();
  const problems = pragmaCheck(db, 'quick_check');
  return { kind: 'quick', ok: problems.length === 0, problems, repaired: [], checkedAt: new Date(started).toISOString(), durationMs: Date.now() - started };
}

/**
 * The FTS5 indexes' own checks. With `repair`, an index that fails is rebuilt from its
 * content table and checked again. Needs a writable connection: FTS5 takes its commands as
 * INSERTs, so on a read-only connection every index would seem to fail.
 */
export function checkAndRepairFts(db: Database, repair: boolean): { problems: string[]; repaired: string[] } {
  let bad = checkFts(db);
  const repaired: string[] = [];
  if (bad.length && repair) {
    for (const { table } of bad) {
      try {
        rebuildFts(db, table);
        repaired.push(table);
      } catch {
        // the recheck below reports it
      }
    }
    bad = checkFts(db);
  }
  return { problems: bad.map((b) => b.problem), repaired };
}

/**
 * integrity_check, then (unless `fts` is false) the FTS5 checks, rebuilding a failing index
 * when `repair` is set and the tables themselves are sound.
 */
export function fullCheck(db: Database, { repair = false, fts = true } = {}): IntegrityReport {
  const started = Date.now();
  const problems = pragmaCheck(db, 'integrity_check');
  let repaired: string[] = [];
  if (problems.length === 0 && fts) {
    const result = checkAndRepairFts(db, repair && !db.readonly);
    problems.push(...result.problems);
    repaired = result.repaired;
  }
  return { kind: 'full', ok: problems.length === 0, problems: problems.slice(0, MAX_PROBLEMS), repaired, checkedAt: new Date(started).toISOString(), durationMs: Date.now() - started };
}


/** SQLite's way of saying the file is not a sound database (as opposed to locked or unreadable). */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
