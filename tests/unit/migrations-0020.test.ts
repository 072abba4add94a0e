import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/engine/db/migrate.ts';
import * as m0001 from '../../src/engine/db/migrations/0001-foundation.ts';
import * as m0020 from '../../src/engine/db/migrations/0020-quotes-collections.ts';

describe('migration 0020 (quotes, persons, collections, derived versions)', () => {
  it('adds the tables over a 0001 corpus, keeps its articles, and marks quotes as never built', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, [m0001]);
    db.prepare(`INSERT INTO articles (id, headline, body, content_hash, imported_at) VALUES (1, 'Talks', '"We will see," Peskov said.', 'h', 'now')`).run();
    expect(migrate(db, [m0001, m0020])).toEqual([20]);
    expect(schemaVersion(db)).toBe(20);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%_fts_%' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['collection_items', 'collection_ops', 'collections', 'derived_versions', 'person_aliases', 'persons', 'quotes', 'quotes_fts']));
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    expect(db.prepare(`SELECT version FROM derived_versions WHERE name = 'quotes'`).pluck().get()).toBe(0);

    // Quotes go with their article; collection items do not (they keep their own copy).
    db.prepare(`INSERT INTO quotes (article_id, start, end, text, kind, mention_start, mention_end, cue) VALUES (1, 1, 12, 'We will see', 'direct', 15, 21, 'said')`).run();
    db.prepare(`INSERT INTO collections (id, name, created_at, updated_at) VALUES (1, 'Peskov', 'now', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO collections (name, created_at, updated_at) VALUES ('PESKOV', 'now', 'now')`).run()).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO collection_items (collection_id, position, article_id, start, end, text, article_hash, headline, created_at) VALUES (1, 0, 1, 1, 12, 'We will see', 'h', 'Talks', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO collection_items (collection_id, position, start, end, text, article_hash, headline, status, created_at) VALUES (1, 1, 0, 1, 'x', 'h', 'T', 'lost', 'now')`).run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM quotes').pluck().get()).toBe(0);
    expect(db.prepare('SELECT text FROM collection_items').pluck().get()).toBe('We will see');
    // Deleting a collection deletes its items.
    db.prepare('DELETE FROM collections WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM collection_items').pluck().get()).toBe(0);
  });
});
