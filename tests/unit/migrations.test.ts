import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { corpusPath, openCorpus, PAGE_SIZE } from '../../src/engine/db/open.ts';
import { latestVersion, migrate, schemaVersion, type Migration } from '../../src/engine/db/migrate.ts';
import { MIGRATIONS } from '../../src/engine/db/migrations/index.ts';
import * as m0001 from '../../src/engine/db/migrations/0001-foundation.ts';
import * as m0010 from '../../src/engine/db/migrations/0010-search-index.ts';
import * as m0011 from '../../src/engine/db/migrations/0011-saved-searches.ts';
import { WbFailure } from '../../src/engine/errors.ts';
import { tempDir } from '../support/temp.ts';

const tables = (db: Database.Database): string[] =>
  (db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name`).pluck().all() as string[]);

describe('migrations', () => {
  it('numbers migrations uniquely and in file order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
  });

  it('makes a new corpus with PAGE_SIZE pages, and opens one made with 4 KB pages as it is', () => {
    const fresh = tempDir();
    const db = openCorpus({ dataDir: fresh });
    expect(PAGE_SIZE).toBe(16384);
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // A corpus from before: SQLite's default page size, already in WAL mode, with a table in it.
    const old = tempDir();
    const made = new Database(corpusPath(old));
    made.pragma('page_size = 4096');
    made.pragma('journal_mode = WAL');
    made.exec('CREATE TABLE kept (x INTEGER)');
    made.close();
    const reopened = openCorpus({ dataDir: old });
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(schemaVersion(reopened)).toBe(latestVersion(MIGRATIONS));
    expect(reopened.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'kept'`).pluck().get()).toBe(1);
    reopened.close();
  });

  it('0001 creates articles, import runs, per-file outcomes and an FTS5 index that works', () => {
    const db = new Database(':memory:');
    migrate(db, [m0001]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['articles', 'articles_fts', 'import_files', 'import_runs']);
    db.prepare(`INSERT INTO articles (id, headline, body, content_hash, imported_at) VALUES (1, 'Talks resume', 'Negotiators met in Geneva.', 'h', 'now')`).run();
    db.prepare(`INSERT INTO articles_fts (rowid, headline, body) VALUES (1, 'Talks resume', 'Negotiators met in Geneva.')`).run();
    expect(db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'geneva'`).pluck().all()).toEqual([1]);
    // STRICT tables refuse wrongly typed data instead of storing it.
    expect(() => db.prepare(`INSERT INTO import_files (run_id, path, outcome, articles) VALUES (1, 'x', 'imported', 'many')`).run()).toThrow();
    // Outcomes are one of the four kinds.
    db.prepare(`INSERT INTO import_runs (id, started_at, status, paths) VALUES (1, 'now', 'running', '[]')`).run();
    expect(() => db.prepare(`INSERT INTO import_files (run_id, path, outcome) VALUES (1, 'x', 'lost')`).run()).toThrow(/CHECK/);
  });

  it('0010 replaces articles_fts with the search index tables, marks the index for a rebuild and ships the variant groups', () => {
    const db = new Database(':memory:');
    migrate(db, [m0001]);
    db.prepare(`INSERT INTO articles (id, headline, body, content_hash, imported_at) VALUES (1, 'Talks resume', 'Negotiators met in Geneva.', 'h', 'now')`).run();
    migrate(db, [m0001, m0010]);
    expect(schemaVersion(db)).toBe(10);
    expect(tables(db)).toEqual(['articles', 'import_files', 'import_runs', 'search_fts', 'search_state', 'search_variants', 'search_vocab']);
    expect(db.prepare(`SELECT value FROM search_state WHERE name = 'index_version'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT variant FROM search_variants WHERE grp = 'Kyiv' ORDER BY id`).pluck().all()).toEqual(['Kyiv', 'Kiev', 'Kyyiv', 'Київ', 'Киев']);
    // The index takes key streams and metadata tokens, contentless, with rowids given by the engine.
    db.prepare(`INSERT INTO search_fts (rowid, headline, body, meta) VALUES (12345, 'talk resum', 'negoti met in geneva', 'x_all a_reuters')`).run();
    expect(db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH 'negoti AND a_reuters'`).pluck().all()).toEqual([12345]);
    expect(db.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH 'a'`).pluck().get()).toBe(0);
  });

  it('0032 puts the body first in the search index and has the engine build it again, searchable as before', async () => {
    const { createEngine } = await import('../../src/engine/engine.ts');
    const { createClient } = await import('../../src/shared/api.ts');
    const dataDir = tempDir();
    const before = MIGRATIONS.filter((m) => m.version < 32);
    const old = createEngine({ dataDir, migrations: before, log: () => {}, watch: false });
    const folder = tempDir('wirebench-input-');
    fs.writeFileSync(path.join(folder, 'a.txt'), 'Ceasefire talks resume in Geneva\n\nGENEVA, March 1 (Reuters) - Negotiators met again on Tuesday.\n');
    await createClient(old).call('import.run', { paths: [folder] });
    await old.close();
    const columns = (file: string): string[] => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('PRAGMA table_info(search_fts)').all() as Array<{ name: string }>).map((c) => c.name);
      } finally {
        db.close();
      }
    };
    expect(columns(corpusPath(dataDir))).toEqual(['headline', 'body', 'meta']);
    const engine = createEngine({ dataDir, log: () => {}, watch: false });
    await engine.indexReady();
    expect(columns(corpusPath(dataDir))).toEqual(['body', 'headline', 'meta']);
    const api = createClient(engine);
    expect((await api.call('search.query', { query: 'negotiators' })).total).toBe(1);
    // The headline still weighs more than the body, and a field still searches its own column.
    expect((await api.call('search.query', { query: 'headline:ceasefire' })).total).toBe(1);
    expect((await api.call('search.query', { query: 'headline:negotiators' })).total).toBe(0);
    await engine.close();
  });

  it('0033 rebuilds articles with a named unique index on content hashes, keeping ids, quotes and the other indexes', async () => {
    const { createEngine } = await import('../../src/engine/engine.ts');
    const { createClient } = await import('../../src/shared/api.ts');
    const dataDir = tempDir();
    const old = createEngine({ dataDir, migrations: MIGRATIONS.filter((m) => m.version < 33), log: () => {}, watch: false });
    const folder = tempDir('wirebench-input-');
    for (let i = 0; i < 20; i++) {
      fs.writeFileSync(path.join(folder, `${i}.txt`), `Talks resume, day ${i}\n\nGENEVA, March ${i + 1} (Reuters) - "We are ready to talk about item ${i}," Dmitry Peskov told reporters.\n`);
    }
    await createClient(old).call('import.run', { paths: [folder] });
    const snapshot = (db: Database.Database): unknown => ({
      articles: db.prepare('SELECT id, headline, content_hash, file_id, byline FROM articles ORDER BY id').all(),
      quotes: db.prepare('SELECT id, article_id FROM quotes ORDER BY id').all(),
    });
    const before = snapshot(old.db);
    expect((before as { quotes: unknown[] }).quotes.length).toBe(20);
    await old.close();
    const engine = createEngine({ dataDir, log: () => {}, watch: false });
    expect(snapshot(engine.db)).toEqual(before);
    const indexes = engine.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles' ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['articles_by_agency', 'articles_by_file', 'articles_by_hash', 'articles_by_published']);
    expect(engine.db.pragma('foreign_key_check')).toEqual([]);
    expect(engine.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Uniqueness holds: the same text again is a duplicate, not a second article.
    const again = tempDir('wirebench-input-');
    fs.copyFileSync(path.join(folder, '3.txt'), path.join(again, 'copy.txt'));
    expect(await createClient(engine).call('import.run', { paths: [again] })).toMatchObject({ imported: 0, duplicates: 1 });
    // The quotes' foreign key points at the new table: deleting a row cascades to its quotes.
    expect(engine.db.prepare('SELECT count(*) FROM quotes WHERE article_id = 1').pluck().get()).toBe(1);
    engine.db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(engine.db.prepare('SELECT count(*) FROM quotes WHERE article_id = 1').pluck().get()).toBe(0);
    await engine.close();
  });

  it('0011 adds saved searches with unique names (any case) and the history', () => {
    const db = new Database(':memory:');
    migrate(db, [m0001, m0010, m0011]);
    expect(tables(db)).toEqual(expect.arrayContaining(['saved_searches', 'search_history']));
    const add = db.prepare(`INSERT INTO saved_searches (name, query, options, created_at, updated_at) VALUES (?, 'q', '{}', 'now', 'now')`);
    add.run('Kyiv');
    expect(() => add.run('KYIV')).toThrow(/UNIQUE/);
  });

  it('opens a new corpus at the latest version with WAL and foreign keys', () => {
    const dir = tempDir();
    const db = openCorpus({ dataDir: dir });
    expect(schemaVersion(db)).toBe(latestVersion(MIGRATIONS));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(fs.existsSync(corpusPath(dir))).toBe(true);
  });

  it('reopening applies nothing twice', () => {
    const dir = tempDir();
    openCorpus({ dataDir: dir }).close();
    const db = openCorpus({ dataDir: dir });
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  it('refuses a corpus written by a newer Wirebench and leaves it untouched', () => {
    const dir = tempDir();
    const raw = new Database(path.join(dir, 'corpus.sqlite'));
    raw.pragma('user_version = 999');
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    let error: unknown;
    try {
      openCorpus({ dataDir: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WbFailure);
    expect((error as WbFailure).code).toBe('newer_database');
    expect((error as WbFailure).message).toMatch(/newer version of Wirebench/);
    const check = new Database(path.join(dir, 'corpus.sqlite'));
    expect(schemaVersion(check)).toBe(999);
    check.close();
  });

  it('a migration that throws leaves the schema and user_version as they were', () => {
    const db = new Database(':memory:');
    migrate(db, [m0001]);
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [m0001, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
  });

  it('marks an import left running by a dead process as interrupted', () => {
    const dir = tempDir();
    const db = openCorpus({ dataDir: dir });
    db.prepare(`INSERT INTO import_runs (started_at, status, paths, owner_pid) VALUES ('then', 'running', '[]', 2147483646)`).run();
    db.prepare(`INSERT INTO import_runs (started_at, status, paths, owner_pid) VALUES ('then', 'running', '[]', ?)`).run(process.pid);
    db.close();
    const reopened = openCorpus({ dataDir: dir });
    // A dead owner is marked; our own (live) pid would be marked too, since this process
    // just reopened the corpus and is not running that import.
    expect(reopened.prepare(`SELECT status FROM import_runs ORDER BY id`).pluck().all()).toEqual(['interrupted', 'interrupted']);
    reopened.close();
  });
});
