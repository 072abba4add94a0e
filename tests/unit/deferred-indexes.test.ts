// A big import sets the indexes whose keys arrive in random order aside while it runs, and
// builds them again before it reports done (db/deferred-indexes.ts); a process killed in
// between leaves them missing and the next open builds them. Moved files are recognised from
// their articles, without an index on file hashes (importer.ts, migration 0031).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, type ImportProgress } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { DEFERRED_INDEXES, dropDeferredIndexes, missingIndexes, restoreDeferredIndexes } from '../../src/engine/db/deferred-indexes.ts';
import { openCorpus } from '../../src/engine/db/open.ts';
import { fullCheck } from '../../src/engine/integrity/checks.ts';
import { tempDir } from '../support/temp.ts';

const SPEAKERS = ['Dmitry Peskov', 'Olaf Scholz', 'Antony Blinken'];
const wire = (n: number): string =>
  `${(n % 28) + 1} ${['Jan', 'Mar', 'Jul', 'Oct'][n % 4]} ${2015 + (n % 7)} 12:${String(n % 60).padStart(2, '0')}\n\nHeadline number ${n}\n\n` +
  `MOSCOW, March 1 (${n % 2 ? 'Reuters' : 'TASS'}) - "Story ${n} will not change our position on the talks," ${SPEAKERS[n % 3]} told reporters on Tuesday.\n`;

function writeFiles(folder: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const dir = path.join(folder, String(Math.floor(i / 500)));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${i}.txt`), wire(i));
  }
}

const plan = (db: { prepare(sql: string): { all(): unknown[] } }, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');

describe('deferred indexes', () => {
  it('are built with the sort settings of their own, and the connection keeps its settings', () => {
    const db = openCorpus({ dataDir: tempDir() });
    db.pragma('cache_size = -4000');
    db.pragma('temp_store = MEMORY');
    db.pragma('threads = 0');
    const insert = db.prepare(`INSERT INTO articles (headline, body, content_hash, imported_at, published_at, agency) VALUES ('h', 'b', ?, 'now', ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`hash-${(i * 7919) % 3001}`, (i * 104729) % 100000, i % 2 ? 'Reuters' : 'TASS');
    })();
    dropDeferredIndexes(db);
    expect(missingIndexes(db)).toEqual(DEFERRED_INDEXES.map((i) => i.name));
    expect(restoreDeferredIndexes(db).sort()).toEqual(DEFERRED_INDEXES.map((i) => i.name).sort());
    expect(missingIndexes(db)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('cache_size', { simple: true })).toBe(-4000);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('threads', { simple: true })).toBe(0);
    db.close();
  });

  it('a big import sets them aside while it writes and has them back, and used, when it reports done', async () => {
    const engine = createEngine({ dataDir: tempDir(), log: () => {}, watch: false, deferIndexesAt: 100 });
    const api = createClient(engine);
    const folder = tempDir('wirebench-input-');
    const count = 4000;
    writeFiles(folder, count);
    const missingDuring: number[] = [];
    // Progress is emitted between batches, on the thread that writes: what it sees is the
    // schema between two transactions of the import.
    api.on('onImportProgress', (p: ImportProgress) => {
      if (p.filesDone > 0 && p.filesDone < count) missingDuring.push(missingIndexes(engine.db).length);
    });
    const summary = await api.call('import.run', { paths: [folder] });
    expect(summary).toMatchObject({ status: 'completed', imported: count });
    expect(missingDuring).toContain(DEFERRED_INDEXES.length);
    expect(missingIndexes(engine.db)).toEqual([]);
    expect(plan(engine.db, 'SELECT id FROM articles WHERE published_at IS NOT NULL ORDER BY published_at LIMIT 1')).toContain('articles_by_published');
    expect(plan(engine.db, 'SELECT agency, count(*) FROM articles WHERE agency IS NOT NULL GROUP BY agency')).toContain('articles_by_agency');
    expect(plan(engine.db, 'SELECT id FROM quotes WHERE person_id = 1 ORDER BY published_at')).toContain('quotes_by_person');
    expect(plan(engine.db, 'SELECT id FROM quotes ORDER BY published_at DESC LIMIT 5')).toContain('quotes_by_published');
    // What they serve is right: the corpus range, agency counts, a speaker's quotes.
    const stats = await api.call('corpus.stats', {});
    expect(stats).toMatchObject({ articles: count, earliest: '2015-01-01T12:00', latest: expect.stringMatching(/^2021-/) });
    expect(stats.agencies).toEqual([
      { value: 'Reuters', count: count / 2 },
      { value: 'TASS', count: count / 2 },
    ]);
    const peskov = await api.call('quotes.search', { speaker: 'Peskov', limit: 5 });
    expect(peskov.total).toBe(Math.ceil(count / 3));
    expect(fullCheck(engine.db)).toMatchObject({ ok: true, problems: [] });
    await engine.close();
  }, 120_000);

  it('a small import leaves them in place', async () => {
    const engine = createEngine({ dataDir: tempDir(), log: () => {}, watch: false });
    const api = createClient(engine);
    const folder = tempDir('wirebench-input-');
    writeFiles(folder, 1500);
    let missing = 0;
    api.on('onImportProgress', () => void (missing = Math.max(missing, missingIndexes(engine.db).length)));
    expect((await api.call('import.run', { paths: [folder] })).imported).toBe(1500);
    expect(missing).toBe(0);
    await engine.close();
  }, 120_000);

  it('the next open builds the indexes an import killed mid-way left aside', async () => {
    const dataDir = tempDir();
    const first = createEngine({ dataDir, log: () => {}, watch: false });
    const folder = tempDir('wirebench-input-');
    writeFiles(folder, 30);
    await createClient(first).call('import.run', { paths: [folder] });
    // As a SIGKILL between the drop and the rebuild leaves them (the kill loop does it for real).
    dropDeferredIndexes(first.db);
    await first.close();
    const log: string[] = [];
    const second = createEngine({ dataDir, log: (m) => log.push(m), watch: false });
    expect(missingIndexes(second.db)).toEqual([]);
    expect(log.join('\n')).toContain('built the indexes an interrupted import had set aside: articles_by_hash, articles_by_published, articles_by_agency, quotes_by_person, quotes_by_published');
    expect((await createClient(second).call('quotes.search', { speaker: 'Scholz' })).total).toBe(10);
    // Duplicates are refused by the index again.
    expect(plan(second.db, "SELECT id FROM articles WHERE content_hash = 'x'")).toContain('articles_by_hash');
    await second.close();
  });

  it('while the content hashes\' index is aside, exact duplicates are found as with it: in the import, and of stored articles', async () => {
    // The same folder imported twice over, once with the indexes in place and once set aside.
    const outcome = async (deferIndexesAt: number): Promise<unknown> => {
      const engine = createEngine({ dataDir: tempDir(), log: () => {}, watch: false, deferIndexesAt });
      const api = createClient(engine);
      const stored = tempDir('wirebench-input-');
      writeFiles(stored, 300);
      await api.call('import.run', { paths: [stored] });
      const folder = tempDir('wirebench-input-');
      writeFiles(folder, 2000);
      // Copies in the same import (some in other folders), and of articles stored already (0-299),
      // with other white space and case: the same normalised text.
      fs.mkdirSync(path.join(folder, 'copies'));
      for (let i = 0; i < 2000; i += 7) fs.writeFileSync(path.join(folder, 'copies', `${i}.txt`), wire(i).replace('Headline', 'HEADLINE').replace(' will ', '   will '));
      let missing = 0;
      api.on('onImportProgress', () => void (missing = Math.max(missing, missingIndexes(engine.db).length)));
      const summary = await api.call('import.run', { paths: [folder] });
      expect(missing).toBe(deferIndexesAt < 1000 ? DEFERRED_INDEXES.length : 0);
      const duplicateHashes = engine.db.prepare('SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1)').pluck().get();
      const result = { imported: summary.imported, duplicates: summary.duplicates, articles: engine.store.total(), duplicateHashes, problems: fullCheck(engine.db).problems };
      await engine.close();
      return result;
    };
    const aside = await outcome(100);
    expect(aside).toEqual(await outcome(1_000_000));
    expect(aside).toEqual({ imported: 1700, duplicates: 300 + 286, articles: 2000, duplicateHashes: 0, problems: [] });
  }, 120_000);
});

describe('moved files without an index on file hashes', () => {
  it('a copy at a second path is a duplicate, a move is recognised, and a changed file at the old path of a moved one is new', async () => {
    const engine = createEngine({ dataDir: tempDir(), log: () => {}, watch: false });
    const api = createClient(engine);
    const folder = tempDir('wirebench-input-');
    fs.writeFileSync(path.join(folder, 'a.txt'), wire(1));
    await api.call('import.run', { paths: [folder] });
    expect(engine.db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'files_by_hash'`).pluck().get()).toBe(0);

    // A copy: the old path is still there, so it is not a move.
    fs.copyFileSync(path.join(folder, 'a.txt'), path.join(folder, 'copy.txt'));
    const copied = await api.call('import.run', { paths: [folder] });
    expect(copied).toMatchObject({ imported: 0, duplicates: 1, unchanged: 1 });
    const copyRow = (await api.call('import.outcomes', { runId: copied.runId, outcome: 'duplicate' })).rows.find((r) => r.path.endsWith('copy.txt'))!;
    expect(copyRow.reason).toBeNull();

    // A move: the same bytes, the old path gone; the article follows it.
    fs.renameSync(path.join(folder, 'a.txt'), path.join(folder, 'b.txt'));
    const moved = await api.call('import.run', { paths: [folder] });
    expect(moved).toMatchObject({ imported: 0, duplicates: 0 });
    const movedRow = (await api.call('import.outcomes', { runId: moved.runId, outcome: 'duplicate' })).rows.find((r) => r.path.endsWith('b.txt'))!;
    expect(movedRow.reason).toBe(`moved from ${path.join(folder, 'a.txt')} (already imported)`);
    const files = engine.db.prepare('SELECT path, articles FROM files ORDER BY path').all() as Array<{ path: string; articles: number }>;
    expect(files.map((f) => [path.basename(f.path), f.articles])).toEqual([
      ['b.txt', 1],
      ['copy.txt', 0],
    ]);
    expect(engine.db.prepare('SELECT source_path FROM articles').pluck().all()).toEqual([path.join(folder, 'b.txt')]);

    // New bytes at the old path are a new article.
    fs.writeFileSync(path.join(folder, 'a.txt'), wire(2));
    expect((await api.call('import.run', { paths: [folder] })).imported).toBe(1);
    expect(fullCheck(engine.db)).toMatchObject({ ok: true, problems: [] });
    await engine.close();
  });
});
