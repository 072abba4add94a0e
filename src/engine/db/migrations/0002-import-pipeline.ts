// 0002: what the import pipeline keeps. Articles get the metadata richer formats carry
// (byline, web address, version note such as "UPDATE 2", site) and the file they came from;
// `files` remembers every file read (size, mtime, content hash) so a re-import reads only new
// or changed files and recognises moved ones; runs count unchanged files and near-duplicate
// groups; watched folders are imported as files appear.
import type { Database } from 'better-sqlite3';

export const version = 2;
export const name = 'import-pipeline';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE files (
      id          INTEGER PRIMARY KEY,
      path        TEXT NOT NULL UNIQUE,
      size        INTEGER NOT NULL,
      mtime_ms    REAL NOT NULL,
      hash        TEXT NOT NULL,          -- sha-1 of the bytes: recognises moved and unchanged files
      encoding    TEXT,                   -- how the text was decoded, for text formats
      articles    INTEGER NOT NULL DEFAULT 0,  -- articles this file owns
      run_id      INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,  -- the run that last read it
      read_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX files_by_hash ON files(hash);

    ALTER TABLE articles ADD COLUMN byline TEXT;
    ALTER TABLE articles ADD COLUMN url TEXT;
    ALTER TABLE articles ADD COLUMN version_note TEXT;
    ALTER TABLE articles ADD COLUMN site TEXT;
    ALTER TABLE articles ADD COLUMN file_id INTEGER REFERENCES files(id) ON DELETE SET NULL;
    CREATE INDEX articles_by_file ON articles(file_id);

    ALTER TABLE import_runs ADD COLUMN unchanged INTEGER NOT NULL DEFAULT 0;             -- files
    ALTER TABLE import_runs ADD COLUMN near_duplicate_groups INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE import_files ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0;           -- articles

    CREATE TABLE watched_folders (
      id        INTEGER PRIMARY KEY,
      path      TEXT NOT NULL UNIQUE,
      added_at  TEXT NOT NULL
    ) STRICT;
  `);
}
