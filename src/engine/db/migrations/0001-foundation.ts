// 0001: articles with their metadata, import runs with one outcome row per file, and an FTS5
// index over headline and body. Shipped: never edit; add a new numbered migration instead.
import type { Database } from 'better-sqlite3';

export const version = 1;
export const name = 'foundation';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE import_runs (
      id          INTEGER PRIMARY KEY,
      started_at  TEXT NOT NULL,
      finished_at TEXT,
      status      TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
      paths       TEXT NOT NULL,               -- JSON array of what the user asked to import
      files       INTEGER NOT NULL DEFAULT 0,
      imported    INTEGER NOT NULL DEFAULT 0,  -- articles stored
      duplicates  INTEGER NOT NULL DEFAULT 0,  -- articles already present
      failed      INTEGER NOT NULL DEFAULT 0,  -- files
      skipped     INTEGER NOT NULL DEFAULT 0,  -- files
      message     TEXT,
      owner_pid   INTEGER                      -- the process running it, to tell a crash from a live import
    ) STRICT;

    CREATE TABLE import_files (
      id       INTEGER PRIMARY KEY,
      run_id   INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
      path     TEXT NOT NULL,
      outcome  TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'skipped', 'failed')),
      articles INTEGER NOT NULL DEFAULT 0,
      reason   TEXT
    ) STRICT;
    CREATE INDEX import_files_by_run ON import_files(run_id, outcome);

    CREATE TABLE articles (
      id            INTEGER PRIMARY KEY,
      headline      TEXT NOT NULL,
      published     TEXT,     -- ISO 8601 at the precision the source gave
      published_at  INTEGER,  -- seconds since 1970 (zone-less times read as UTC): ordering and ranges
      place         TEXT,
      agency        TEXT,
      language      TEXT,
      body          TEXT NOT NULL,
      source_path   TEXT,
      content_hash  TEXT NOT NULL UNIQUE,  -- of the normalised text: exact duplicates are stored once
      import_run_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
      imported_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX articles_by_published ON articles(published_at);
    CREATE INDEX articles_by_agency ON articles(agency, published_at);

    -- External-content FTS5 index: the text lives once, in articles; the engine writes both in
    -- the same transaction (see store/articles.ts), so the two never drift apart.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      headline, body,
      content = 'articles', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `);
}
