// Moved files are recognised from their articles (ingest/importer.ts: a new path whose
// articles are all stored already, owned by a file with the same bytes whose path is gone),
// so the index on file hashes goes: at a million files, keeping it up took a random b-tree
// insert and lookup per imported file.
import type { Database } from 'better-sqlite3';

export const version = 31;
export const name = 'no-file-hash-index';

export function up(db: Database): void {
  db.exec('DROP INDEX IF EXISTS files_by_hash');
}
