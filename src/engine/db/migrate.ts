// Numbered migrations, each run in one transaction that also sets PRAGMA user_version, so a
// migration either lands completely or not at all. A database written by a newer Wirebench
// (user_version above the newest migration we know) is refused rather than guessed at.
import type { Database } from 'better-sqlite3';
import { WbFailure } from '../errors.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
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
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own module list.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
