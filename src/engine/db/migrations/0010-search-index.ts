// 0010: the search index of issue 4 replaces the foundation's articles_fts. search_fts holds key
// streams written by the engine (stems, Cyrillic in a Latin skeleton, metadata tokens; see
// src/engine/search/index-layout.ts), search_vocab maps written words to keys for prefix queries,
// search_variants holds the editable name-variant groups (Kyiv/Kiev/Київ/Киев), and search_state
// records which normaliser built the index. The migration only creates the tables: the engine
// sees the index is behind (search_state) and rebuilds it from the articles, as it would after
// any change to the normaliser (DESIGN.md, 5). Shipped: never edit.
import type { Database } from 'better-sqlite3';

export const version = 10;
export const name = 'search-index';

/** Name-variant groups shipped with Wirebench; users edit them with `wirebench variants`. */
export const DEFAULT_VARIANTS: Record<string, string[]> = {
  Kyiv: ['Kyiv', 'Kiev', 'Kyyiv', 'Київ', 'Киев'],
  Zelensky: ['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Zelenskyi', 'Zelenskii', 'Zelenskij', 'Зеленский', 'Зеленський'],
  Kharkiv: ['Kharkiv', 'Kharkov', 'Харків', 'Харьков'],
  Odesa: ['Odesa', 'Odessa', 'Одеса', 'Одесса'],
  Lviv: ['Lviv', 'Lvov', "L'viv", 'Львів', 'Львов'],
  Dnipro: ['Dnipro', 'Dnepr', 'Dnipropetrovsk', 'Dnepropetrovsk', 'Дніпро', 'Днепр'],
  Mykolaiv: ['Mykolaiv', 'Nikolaev', 'Nikolayev', 'Миколаїв', 'Николаев'],
  Zaporizhzhia: ['Zaporizhzhia', 'Zaporizhia', 'Zaporozhye', 'Zaporizhzhya', 'Запоріжжя', 'Запорожье'],
  Navalny: ['Navalny', 'Navalnyy', 'Navalniy', 'Навальный'],
  Shoigu: ['Shoigu', 'Shoygu', 'Шойгу'],
  Chernihiv: ['Chernihiv', 'Chernigov', 'Чернігів', 'Чернигов'],
};

export function up(db: Database): void {
  db.exec(`
    DROP TABLE IF EXISTS articles_fts;

    CREATE VIRTUAL TABLE search_fts USING fts5(
      headline, body, meta,
      -- contentless: the text lives once, in articles; a row is deleted with the FTS5
      -- 'delete' command and its tokens, computed again from the article
      content = '',
      tokenize = "ascii tokenchars '_'"
    );

    CREATE TABLE search_vocab (
      word TEXT NOT NULL,  -- a word as folded (lower case, no diacritics), in its own script
      key  TEXT NOT NULL,  -- its key in search_fts, when that is not simply the word itself
      PRIMARY KEY (word, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE search_variants (
      id      INTEGER PRIMARY KEY,
      grp     TEXT NOT NULL,   -- the group's name, e.g. "Kyiv"
      variant TEXT NOT NULL,   -- one spelling, e.g. "Kiev" or "Киев"
      UNIQUE (grp, variant)
    ) STRICT;

    CREATE TABLE search_state (
      name  TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;
    -- 0 = the index is empty and must be built from the articles.
    INSERT INTO search_state (name, value) VALUES ('index_version', 0), ('rebuilt_upto', 0);
  `);
  const add = db.prepare('INSERT INTO search_variants (grp, variant) VALUES (?, ?)');
  for (const [group, variants] of Object.entries(DEFAULT_VARIANTS)) for (const v of variants) add.run(group, v);
}
