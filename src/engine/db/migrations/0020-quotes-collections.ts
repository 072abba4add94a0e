// 0020: quotes with their speakers (derived from the articles, rebuilt when the extractor
// changes), collections of quotes and passages with an undo log, and `derived_versions`,
// which records the version of each kind of derived data so a newer Wirebench can rebuild
// what its predecessor derived (DESIGN.md, 5). Shipped: never edit; add a new migration.
import type { Database } from 'better-sqlite3';

export const version = 20;
export const name = 'quotes-collections';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE derived_versions (
      name    TEXT PRIMARY KEY,
      version INTEGER NOT NULL
    ) STRICT;

    -- One row per person quoted; aliases hold every spelling met (Latin, Cyrillic, surname alone).
    CREATE TABLE persons (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      key         TEXT NOT NULL UNIQUE,  -- folded name (quotes/names.ts foldName)
      surname_key TEXT NOT NULL,
      description TEXT
    ) STRICT;
    CREATE INDEX persons_by_surname ON persons(surname_key);
    CREATE TABLE person_aliases (
      alias_key TEXT NOT NULL,
      person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      alias     TEXT NOT NULL,
      PRIMARY KEY (alias_key, person_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE quotes (
      id            INTEGER PRIMARY KEY,
      article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      start         INTEGER NOT NULL,  -- UTF-16 offsets of the quoted words in the article body
      end           INTEGER NOT NULL,
      text          TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'continuation')),
      person_id     INTEGER REFERENCES persons(id) ON DELETE SET NULL,
      speaker       TEXT,              -- as resolved in the article ("Dmitry Peskov"), or a description when unnamed
      description   TEXT,
      mention_start INTEGER NOT NULL,
      mention_end   INTEGER NOT NULL,
      cue           TEXT NOT NULL,
      published_at  INTEGER            -- the article's, for timelines without a join
    ) STRICT;
    CREATE INDEX quotes_by_article ON quotes(article_id, start);
    CREATE INDEX quotes_by_person ON quotes(person_id, published_at);
    CREATE INDEX quotes_by_published ON quotes(published_at);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
      text, speaker,
      content = 'quotes', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TABLE collections (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
      briefing   TEXT NOT NULL DEFAULT '{}',  -- JSON: title, author, date, intro, grouping
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- An item keeps the verbatim text and a citation snapshot, so it survives its article.
    CREATE TABLE collection_items (
      id            INTEGER PRIMARY KEY,
      collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      position      INTEGER NOT NULL,
      quote_id      INTEGER,             -- informational: quotes are derived and may be rebuilt
      article_id    INTEGER,             -- null once the article is gone
      start         INTEGER NOT NULL,
      end           INTEGER NOT NULL,
      text          TEXT NOT NULL,       -- verbatim at capture; never rewritten
      speaker       TEXT,
      description   TEXT,
      note          TEXT NOT NULL DEFAULT '',
      tags          TEXT NOT NULL DEFAULT '[]',
      section       TEXT NOT NULL DEFAULT '',
      article_hash  TEXT NOT NULL,       -- content hash of the article at capture
      headline      TEXT NOT NULL,
      published     TEXT,
      place         TEXT,
      agency        TEXT,
      source_path   TEXT,
      status        TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'source_changed', 'source_removed')),
      created_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX collection_items_by_collection ON collection_items(collection_id, position);
    CREATE INDEX collection_items_by_article ON collection_items(article_id);
    CREATE INDEX collection_items_orphans ON collection_items(source_path) WHERE status = 'source_removed';

    -- The undo log: each user operation with the rows it changed, before and after.
    CREATE TABLE collection_ops (
      id      INTEGER PRIMARY KEY,
      label   TEXT NOT NULL,
      changes TEXT NOT NULL,  -- JSON [{table, id, before, after}]
      undone  INTEGER NOT NULL DEFAULT 0,
      at      TEXT NOT NULL
    ) STRICT;

    -- Quotes for the articles already stored are made at the next open (derived data, version 0 = never built).
    INSERT INTO derived_versions (name, version) VALUES ('quotes', 0);
  `);
}
