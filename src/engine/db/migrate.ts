// Numbered migrations, each run in one transaction that also sets PRAGMA user_version, so a
// migration either lands completely or not at all. A database written by a newer Wirebench
// (user_version above the newest migration we know) is refused rather than guessed at.
import type { Database } from 'better-sqlite3';
import { WbFailure } from '../errors.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
  /**
   * Runs with foreign key enforcement off, as SQLite's procedure for rebuilding a table asks
   * (dropping the old table would otherwise delete the rows that reference it); the foreign
   * keys are checked before the migration commits, and a violation rolls it back.
   */
  foreignKeysOff?: boolean;
}

/** A migration that threw; its transaction was rolled back, so the corpus is as it was. */
export class MigrationError extends Error {
  readonly version: number;
  readonly migrationName: string;
  readonly from: number;
  constructor(migration: Migration, from: number, cause: unknown) {
    super(`migration ${migration.version} (${migration.name}) failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
    this.version = migration.version;
    this.migrationName = migration.name;
    this.from = from;
  }
}

/** Versions newer than the database's, in order (what migrate would apply). */
export function pendingMigrations(db: Database, migrations: readonly Migration[]): Migration[] {
  const current = schemaVersion(db);
  return [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Applies every migration newer than the database; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) throw new Error(`two migrations share version ${sorted[i]!.version}`);
  }
  const current = schemaVersion(db);
  const latest = latestVersion(sorted);
  if (current > latest) {
    throw new WbFailure(
      'newer_database',
      `This corpus was written by a newer version of Wirebench (schema ${current}; this version knows up to ${latest}). Update Wirebench to open it; nothing was changed.`,
    );
  }
  const applied: number[] = [];
  for (const migration of sorted) {
    if (migration.version <= current) continue;
    // foreign_keys cannot change inside a transaction: it is set around it.
    const keysWereOn = migration.foreignKeysOff === true && db.pragma('foreign_keys', { simple: true }) === 1;
    if (keysWereOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
          if (broken.length > 0) throw new Error(`it would leave ${broken.length} rows of ${broken[0]!.table} pointing at missing ${broken[0]!.parent} rows`);
        }
        // PRAGMA takes no bound parameters; the version is an integer from our own module list.
        db.pragma(`user_version = ${Math.trunc(migration.version)}`);
      })();
    } catch (error) {
      throw new MigrationError(migration, schemaVersion(db), error);
    } finally {
      if (keysWereOn) db.pragma('foreign_keys = ON');
    }
    applied.push(migration.version);
  }
  return applied;
}
