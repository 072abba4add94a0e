// 0011: saved searches (named, with their options) and the search history. Shipped: never edit.
import type { Database } from 'better-sqlite3';

export const version = 11;
export const name = 'saved-searches';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE saved_searches (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
      query      TEXT NOT NULL,
      options    TEXT NOT NULL,  -- JSON: sort, filters
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE search_history (
      id      INTEGER PRIMARY KEY,
      query   TEXT NOT NULL,
      options TEXT NOT NULL,  -- JSON: sort, filters
      at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX search_history_by_query ON search_history(query, options);
  `);
}
