// 0033: the uniqueness of articles' content hashes kept by a named index, articles_by_hash,
// instead of the UNIQUE constraint of the articles table (an index SQLite makes itself and no
// statement can drop). A hash is random: each imported article put its key on a page of that
// index at a random place, and past a few hundred thousand articles every one of them cost a
// page written to the WAL and again at the checkpoint. A named index can be set aside during a
// big import like the other deferred indexes (db/deferred-indexes.ts), duplicates being found
// meanwhile in memory (store/hash-directory.ts); measured on a million wire files, the import
// ran at 7,923 articles/s without the index, 7,086 with it.
//
// SQLite cannot drop a constraint: the table is rebuilt, as its documentation prescribes
// (a new table, the rows copied, the old one dropped, the new one renamed, its indexes made
// again), with foreign keys off so that dropping the old table deletes no quotes, and checked
// before the migration commits. Ids, and so everything that refers to articles, stay as they
// were. Shipped: never edit.
import type { Database } from 'better-sqlite3';

export const version = 33;
export const name = 'articles-hash-index';
export const foreignKeysOff = true;

const COLUMNS =
  'id, headline, published, published_at, place, agency, language, body, source_path, content_hash, import_run_id, imported_at, byline, url, version_note, site, file_id';

export function up(db: Database): void {
  // Indexes an interrupted import had set aside stay aside (the engine builds them on opening).
  const indexes = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles'`).pluck().all() as string[]);
  db.exec(`
    CREATE TABLE articles_rebuilt (
      id            INTEGER PRIMARY KEY,
      headline      TEXT NOT NULL,
      published     TEXT,     -- ISO 8601 at the precision the source gave
      published_at  INTEGER,  -- seconds since 1970 (zone-less times read as UTC): ordering and ranges
      place         TEXT,
      agency        TEXT,
      language      TEXT,
      body          TEXT NOT NULL,
      source_path   TEXT,
      content_hash  TEXT NOT NULL,  -- of the normalised text: exact duplicates are stored once (articles_by_hash)
      import_run_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
      imported_at   TEXT NOT NULL,
      byline        TEXT,
      url           TEXT,
      version_note  TEXT,
      site          TEXT,
      file_id       INTEGER REFERENCES files(id) ON DELETE SET NULL
    ) STRICT;
    INSERT INTO articles_rebuilt (${COLUMNS}) SELECT ${COLUMNS} FROM articles ORDER BY id;
    DROP TABLE articles;
    ALTER TABLE articles_rebuilt RENAME TO articles;
    CREATE UNIQUE INDEX articles_by_hash ON articles(content_hash);
    CREATE INDEX articles_by_file ON articles(file_id);
  `);
  if (indexes.has('articles_by_published')) db.exec('CREATE INDEX articles_by_published ON articles(published_at)');
  if (indexes.has('articles_by_agency')) db.exec('CREATE INDEX articles_by_agency ON articles(agency, published_at)');
}
