// Migrations 0002 (import pipeline) and 0003 (near-duplicates), on a corpus written at 0001.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/engine/db/migrate.ts';
import * as m0001 from '../../src/engine/db/migrations/0001-foundation.ts';
import * as m0002 from '../../src/engine/db/migrations/0002-import-pipeline.ts';
import * as m0003 from '../../src/engine/db/migrations/0003-near-duplicates.ts';

const plan = (db: Database.Database, sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
const columns = (db: Database.Database, table: string): string[] => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);

describe('migrations 0002-0003', () => {
  it('0002 adds article metadata and file records to a corpus that has articles, keeping them', () => {
    const db = new Database(':memory:');
    migrate(db, [m0001]);
    db.prepare(`INSERT INTO import_runs (id, started_at, status, paths) VALUES (1, 'then', 'completed', '[]')`).run();
    db.prepare(`INSERT INTO articles (id, headline, body, content_hash, imported_at, import_run_id) VALUES (1, 'Talks resume', 'Body.', 'h', 'then', 1)`).run();
    migrate(db, [m0001, m0002]);
    expect(schemaVersion(db)).toBe(2);
    expect(columns(db, 'articles')).toEqual(expect.arrayContaining(['byline', 'url', 'version_note', 'site', 'file_id']));
    expect(columns(db, 'files')).toEqual(['id', 'path', 'size', 'mtime_ms', 'hash', 'encoding', 'articles', 'run_id', 'read_at']);
    expect(columns(db, 'import_runs')).toEqual(expect.arrayContaining(['unchanged', 'near_duplicate_groups']));
    expect(db.prepare('SELECT headline, byline FROM articles').get()).toEqual({ headline: 'Talks resume', byline: null });
    // A path is recorded once; STRICT refuses a size that is not a number.
    db.prepare(`INSERT INTO files (path, size, mtime_ms, hash, read_at) VALUES ('/a.txt', 10, 1.5, 'x', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO files (path, size, mtime_ms, hash, read_at) VALUES ('/a.txt', 10, 1.5, 'y', 'now')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO files (path, size, mtime_ms, hash, read_at) VALUES ('/b.txt', 'big', 1.5, 'y', 'now')`).run()).toThrow();
    expect(plan(db, `SELECT id FROM articles WHERE file_id = 1`)).toMatch(/articles_by_file/);
    expect(plan(db, `SELECT id FROM files WHERE hash = 'x'`)).toMatch(/files_by_hash/);
  });

  it('0003 creates the near-duplicate tables with band-key lookups by index', () => {
    const db = new Database(':memory:');
    migrate(db, [m0001, m0002, m0003]);
    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'article_minhash')).toEqual(['article_id', 'signature', 'group_id']);
    expect(columns(db, 'article_lsh')).toEqual(['band_key', 'article_id']);
    const lookup = plan(db, `SELECT l.article_id FROM json_each('[1,2]') j JOIN article_lsh l ON l.band_key = j.value`);
    expect(lookup).toMatch(/SEARCH l USING PRIMARY KEY \(band_key=\?\)/);
    expect(plan(db, `SELECT count(*) FROM article_minhash WHERE group_id = 5`)).toMatch(/article_minhash_by_group/);
  });
});
