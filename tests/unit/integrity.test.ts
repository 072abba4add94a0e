// Corpus integrity: quick_check at every open, the full check after a real crash (a child
// process killed with SIGKILL), damaged corpora set aside with their -wal and -shm, backups
// (online backup API, checked, pruned, daily), restore, failed and newer-schema migrations,
// and an engine that always starts. Everything runs on real SQLite files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClient, type CorpusHealth } from '../../src/shared/api.ts';
import { createEngine, openEngine, type Engine } from '../../src/engine/engine.ts';
import { latestVersion, schemaVersion, type Migration } from '../../src/engine/db/migrate.ts';
import { MIGRATIONS } from '../../src/engine/db/migrations/index.ts';
import { corpusPath } from '../../src/engine/db/open.ts';
import { startEngineHost } from '../../src/engine/host/engine-host.ts';
import { createNodeEngineWorker } from '../../src/engine/host/node-worker.ts';
import { listBackups, pruneBackups, verifyBackupFile } from '../../src/engine/integrity/backups.ts';
import { fullCheck, ftsTables } from '../../src/engine/integrity/checks.ts';
import { quickCheckInChildProcess, quickCheckInWorkerThread } from '../../src/engine/integrity/background-check.ts';
import { SESSIONS_DIR } from '../../src/engine/integrity/sessions.ts';
import { FIXTURES, REPO, tempDir } from '../support/temp.ts';

const quiet = { log: () => {} };

async function corpusWithArticles(dir = tempDir()): Promise<{ dir: string; articles: number }> {
  const engine = createEngine({ dataDir: dir, ...quiet });
  const summary = await createClient(engine).call('import.run', { paths: [path.join(FIXTURES, 'wire'), path.join(FIXTURES, 'open-news')] });
  await engine.close();
  return { dir, articles: summary.imported };
}

/**
 * Opens the corpus in a child process, runs `sql` (or `js`, with `engine` in scope), and kills
 * it with SIGKILL: a real crash.
 */
function crashWhileOpen(dir: string, sql = '', js = ''): void {
  const script = `
    import { createEngine } from ${JSON.stringify(path.join(REPO, 'src/engine/engine.ts'))};
    const engine = createEngine({ dataDir: ${JSON.stringify(dir)}, log: () => {} });
    await engine.indexReady();
    engine.db.pragma('wal_autocheckpoint = 0');
    ${sql ? `engine.db.exec(${JSON.stringify(sql)});` : ''}
    ${js}
    process.kill(process.pid, 'SIGKILL');`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.signal, result.stderr).toBe('SIGKILL');
}

/** The page size a database file was made with (its header: two bytes at offset 16, 1 for 65,536). */
function pageSizeOf(file: string): number {
  const header = Buffer.alloc(18);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, header, 0, 18, 0);
  fs.closeSync(fd);
  const size = header.readUInt16BE(16);
  return size === 1 ? 65536 : size;
}

/** Overwrites `count` pages in the middle of the file with 0xFF (or `fill`), as a failing disk might. */
function damagePages(file: string, firstPage: number, count: number, fill = 0xff): void {
  const page = pageSizeOf(file);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(page * count, fill), 0, page * count, page * firstPage);
  fs.closeSync(fd);
}

function articleCount(engine: Engine): number {
  return engine.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
}

describe('checks at open', () => {
  it('runs quick_check at every open, and no full check after a clean close', async () => {
    const { dir } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    expect(engine.health).toMatchObject({ state: 'ok', uncleanShutdown: false, message: null, lastCheck: { kind: 'quick', ok: true, problems: [] } });
    await engine.close();
    expect(fs.readdirSync(path.join(dir, SESSIONS_DIR))).toEqual([]);
  });

  it('runs the full check (integrity_check and FTS5 integrity-check) after a crash', async () => {
    const { dir, articles } = await corpusWithArticles();
    // An article stored the engine's way (row, index entries, derived data), committed to the WAL.
    crashWhileOpen(dir, '', `engine.store.insert({ headline: 'After the crash', body: 'Written just before it.', published: null, place: null, agency: null, language: null, sourcePath: null, importRunId: null });`);
    expect(fs.readdirSync(path.join(dir, SESSIONS_DIR))).toHaveLength(1);
    expect(fs.existsSync(`${corpusPath(dir)}-wal`)).toBe(true);
    const engine = await openEngine({ dataDir: dir, ...quiet });
    expect(engine.health).toMatchObject({ state: 'ok', uncleanShutdown: true, lastCheck: { kind: 'full', ok: true } });
    // The committed transaction in the WAL survived the crash.
    expect(articleCount(engine)).toBe(articles + 1);
    await engine.close();
    // The stale marker is gone: the next open is an ordinary one.
    const again = await openEngine({ dataDir: dir, ...quiet });
    expect(again.health).toMatchObject({ uncleanShutdown: false, lastCheck: { kind: 'quick' } });
    await again.close();
  });

  it('rebuilds a damaged full-text index found after a crash, losing nothing', async () => {
    const { dir, articles } = await corpusWithArticles();
    // A ghost entry in the index with no article behind it.
    crashWhileOpen(dir, `INSERT INTO search_fts (rowid, headline, body, meta) VALUES (999999, 'ghost', 'phantom', 'x_all')`);
    const engine = await openEngine({ dataDir: dir, ...quiet });
    expect(engine.health.state).toBe('repaired');
    expect(engine.health.lastCheck).toMatchObject({ kind: 'full', ok: true, repaired: ['search_fts'] });
    // The search index is derived: it is rebuilt from the articles in the background.
    await engine.indexReady();
    expect(engine.health.message).toMatch(/rebuilt it from the articles; nothing was lost/);
    expect(fullCheck(engine.db).ok).toBe(true);
    expect(articleCount(engine)).toBe(articles);
    const api = createClient(engine);
    expect((await api.call('search.query', { query: 'phantom' })).total).toBe(0);
    expect((await api.call('search.query', { query: 'talks' })).total).toBeGreaterThan(0);
    await engine.close();
  });

  it('checks on demand (corpus.check): the full check, rebuilding a damaged full-text index', async () => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    const api = createClient(engine);
    expect(await api.call('corpus.check', {})).toMatchObject({ kind: 'full', ok: true, problems: [], repaired: [] });
    // An article the index has lost: searching would never find it.
    engine.db.prepare(`INSERT INTO articles (headline, body, content_hash, imported_at) VALUES ('Unindexed', 'zanzibar', 'h-unindexed', 'now')`).run();
    const healthEvents: unknown[] = [];
    engine.on('onCorpusHealth', (h) => healthEvents.push(h));
    const report = await api.call('corpus.check', {});
    expect(report).toMatchObject({ kind: 'full', ok: true, repaired: ['search_fts'] });
    await engine.indexReady();
    expect((await api.call('search.query', { query: 'zanzibar' })).total).toBe(1);
    expect(articleCount(engine)).toBe(articles + 1);
    expect(healthEvents).toHaveLength(1);
    await engine.close();
  });

  it('compares an external-content index with its table: a ghost quote in quotes_fts is found and rebuilt', async () => {
    const { dir } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    const api = createClient(engine);
    // An index entry with no quote behind it: FTS5 is consistent in itself, only the
    // comparison with the quotes table shows it.
    engine.db.prepare(`INSERT INTO quotes_fts (rowid, text, speaker) VALUES (999999, 'ghost words nobody said', 'Nobody')`).run();
    expect(await api.call('corpus.check', {})).toMatchObject({ kind: 'full', ok: true, repaired: ['quotes_fts'] });
    expect(engine.db.prepare(`SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ghost'`).pluck().get()).toBe(0);
    expect(await api.call('corpus.check', {})).toMatchObject({ ok: true, repaired: [] });
    await engine.close();
  });

  it('finds every FTS5 table, including ones other modules add', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE a_fts USING fts5(x); CREATE VIRTUAL TABLE "Quotes FTS" USING FTS5(y); CREATE TABLE plain (z)`);
    expect(ftsTables(db)).toEqual(['Quotes FTS', 'a_fts']);
    db.prepare(`INSERT INTO "Quotes FTS" (y) VALUES ('hello')`).run();
    expect(fullCheck(db).ok).toBe(true);
    db.close();
  });
});

describe('a big corpus', () => {
  // deferCheckAbove: 0 makes the fixtures corpus "big": it opens at once and is checked after.
  const big = { ...quiet, deferCheckAbove: 0 };
  const nextHealth = (engine: Engine): Promise<CorpusHealth> => new Promise((resolve) => engine.on('onCorpusHealth', (h) => resolve(h as CorpusHealth)));

  it('opens at once, answers meanwhile, and is quick_checked off the engine thread', async () => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...big });
    const checked = nextHealth(engine);
    expect(engine.health).toMatchObject({ state: 'ok', checking: true, lastCheck: null });
    expect((await createClient(engine).call('corpus.stats', {})).articles).toBe(articles);
    expect(await checked).toMatchObject({ state: 'ok', checking: false, lastCheck: { kind: 'quick', ok: true, problems: [] } });
    await engine.close();
  });

  it('found damaged by that check is set aside as at open, and the backup is offered and restores', async () => {
    const { dir, articles } = await corpusWithArticles();
    const first = await openEngine({ dataDir: dir, ...quiet });
    const backup = await createClient(first).call('backup.create', {});
    await first.close();
    damagePages(corpusPath(dir), 20, 3);
    const original = fs.readFileSync(corpusPath(dir));

    const engine = await openEngine({ dataDir: dir, ...big });
    const checked = nextHealth(engine);
    expect(engine.health.checking).toBe(true);
    const health = await checked;
    expect(health).toMatchObject({ state: 'recovered', checking: false });
    expect(health.message).toMatch(/The corpus was damaged \(.+\)\. It was moved, with its -wal and -shm files, to .+, and a new empty corpus is open\. Restore the backup of/);
    expect(fs.readFileSync(path.join(health.setAside!, 'corpus.sqlite')).equals(original)).toBe(true);
    expect(health.newestBackup?.name).toBe(backup.name);
    const api = createClient(engine);
    expect((await api.call('corpus.stats', {})).articles).toBe(0);
    await api.call('backup.restore', { name: backup.name });
    expect((await api.call('corpus.stats', {})).articles).toBe(articles);
    await engine.close();
  });

  it('is checked the same in a child process (Node shells) and in a worker thread (desktop app)', async () => {
    const { dir } = await corpusWithArticles();
    const file = corpusPath(dir);
    for (const run of [quickCheckInChildProcess, quickCheckInWorkerThread]) expect(await run(file).result).toMatchObject({ kind: 'quick', ok: true, problems: [] });
    damagePages(file, Math.floor(fs.statSync(file).size / pageSizeOf(file) / 2), 3, 0);
    for (const run of [quickCheckInChildProcess, quickCheckInWorkerThread]) {
      const report = await run(file).result;
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/Tree \d+ page \d+|never used|malformed/);
    }
  });

  it('is checked before opening when small, and always after a crash', async () => {
    const { dir } = await corpusWithArticles();
    const small = await openEngine({ dataDir: dir, ...quiet });
    expect(small.health).toMatchObject({ checking: false, lastCheck: { kind: 'quick', ok: true } });
    await small.close();
    crashWhileOpen(dir);
    const crashed = await openEngine({ dataDir: dir, ...big });
    expect(crashed.health).toMatchObject({ uncleanShutdown: true, checking: false, lastCheck: { kind: 'full', ok: true } });
    await crashed.close();
  });
});

describe('a damaged corpus', () => {
  it('is set aside with its -wal and -shm, a new corpus opens, and the newest good backup is offered and restores', async () => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    const backup = await createClient(engine).call('backup.create', {});
    await engine.close();
    // A crash leaves the -wal and -shm; then pages of the file are overwritten.
    crashWhileOpen(dir);
    damagePages(corpusPath(dir), 20, 3);
    const original = fs.readFileSync(corpusPath(dir));

    const damaged = await openEngine({ dataDir: dir, ...quiet });
    const health = damaged.health;
    expect(health.state).toBe('recovered');
    expect(health.setAside).toMatch(new RegExp(`^${dir}/damaged/`));
    expect(fs.readdirSync(health.setAside!).sort()).toEqual(['WHY.txt', 'corpus.sqlite', 'corpus.sqlite-shm', 'corpus.sqlite-wal']);
    // Set aside untouched: byte for byte what was there.
    expect(fs.readFileSync(path.join(health.setAside!, 'corpus.sqlite')).equals(original)).toBe(true);
    expect(health.message).toMatch(/The corpus was damaged \(.+\)\. It was moved, with its -wal and -shm files, to .+, and a new empty corpus is open\. Restore the backup of/);
    expect(health.newestBackup?.name).toBe(backup.name);

    const api = createClient(damaged);
    expect((await api.call('corpus.stats', {})).articles).toBe(0);
    expect(await api.call('corpus.health', {})).toEqual(health);
    const events: unknown[] = [];
    damaged.on('onCorpusHealth', (h) => events.push(h));
    const restored = await api.call('backup.restore', { name: backup.name });
    expect(restored).toMatchObject({ state: 'ok', lastCheck: { ok: true } });
    expect((await api.call('corpus.stats', {})).articles).toBe(articles);
    expect(events).toHaveLength(1);
    await damaged.close();
  });

  it('is found by the quick_check at open even where opening reads nothing (zeroed pages of article text)', async () => {
    const { dir } = await corpusWithArticles();
    // Zeroed pages in the middle: SQLite answers quick_check with a list of problems instead
    // of an error, and opening the corpus reads none of them.
    const pages = fs.statSync(corpusPath(dir)).size / pageSizeOf(corpusPath(dir));
    damagePages(corpusPath(dir), Math.floor(pages / 2), 3, 0);
    const engine = await openEngine({ dataDir: dir, ...quiet });
    expect(engine.health.state).toBe('recovered');
    expect(engine.health.message).toMatch(/^The corpus was damaged/);
    await engine.close();
  });

  it('whose header is overwritten (not a database any more) is set aside too', async () => {
    const { dir } = await corpusWithArticles();
    const fd = fs.openSync(corpusPath(dir), 'r+');
    fs.writeSync(fd, Buffer.from('this is not a database at all, just bytes'), 0, 40, 0);
    fs.closeSync(fd);
    const engine = await openEngine({ dataDir: dir, ...quiet });
    expect(engine.health.state).toBe('recovered');
    expect(engine.health.newestBackup).toBeNull();
    expect(engine.health.message).toMatch(/There is no backup to restore/);
    await engine.close();
  });

  it('never keeps the engine worker from starting (no crash loop)', async () => {
    const { dir } = await corpusWithArticles();
    damagePages(corpusPath(dir), 20, 3);
    for (let start = 0; start < 2; start++) {
      const host = await startEngineHost({ createWorker: createNodeEngineWorker, dataDir: dir, log: () => {} });
      const api = createClient(host);
      const health = await api.call('corpus.health', {});
      expect(health.state).toBe(start === 0 ? 'recovered' : 'ok');
      expect((await api.call('corpus.stats', {})).articles).toBe(0);
      await host.close();
    }
    expect(fs.readdirSync(path.join(dir, 'damaged'))).toHaveLength(1);
  });

  it('is not set aside when it merely cannot be opened (the engine answers with the reason)', async () => {
    const dir = tempDir();
    fs.mkdirSync(corpusPath(dir));
    const engine = await openEngine({ dataDir: dir, ...quiet });
    expect(engine.health.state).toBe('unavailable');
    const api = createClient(engine);
    await expect(api.call('corpus.stats', {})).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/cannot be opened/) });
    expect((await api.call('app.info', {})).dataDir).toBe(dir);
    expect(await api.call('backup.list', {})).toEqual({ folder: path.join(dir, 'backups'), backups: [] });
    expect(fs.existsSync(path.join(dir, 'damaged'))).toBe(false);
    expect(fs.statSync(corpusPath(dir)).isDirectory()).toBe(true);
    await engine.close();
  });
});

describe('backups', () => {
  it('are written with the online backup API while the corpus is in use, checked, and listed', async () => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    const api = createClient(engine);
    // A search and a backup at once: the backup copies in steps and lets calls through.
    const [backup, search] = await Promise.all([api.call('backup.create', {}), api.call('search.query', { query: 'talks' })]);
    expect(search.total).toBeGreaterThan(0);
    expect(backup).toMatchObject({ reason: 'manual', schemaVersion: latestVersion(MIGRATIONS), path: path.join(dir, 'backups', backup.name) });
    expect(verifyBackupFile(backup.path)).toEqual([]);
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(articles);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect((await api.call('backup.list', {})).backups.map((b) => b.name)).toEqual([backup.name]);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);
    await engine.close();
  });

  it('keep the newest N automatic backups, and every manual one', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'backups'));
    const names: string[] = [];
    for (let day = 1; day <= 9; day++) names.push(`corpus-202501${String(day).padStart(2, '0')}T120000000Z-daily.sqlite`);
    names.push('corpus-20241231T120000000Z-manual.sqlite', 'corpus-20241230T120000000Z-pre-migration.sqlite');
    for (const n of names) fs.writeFileSync(path.join(dir, 'backups', n), 'x');
    fs.writeFileSync(path.join(dir, 'backups', 'corpus-20250110T120000000Z-daily.sqlite.partial'), 'half');
    const removed = pruneBackups(dir, 3);
    expect(removed).toHaveLength(7);
    expect(listBackups(dir).map((b) => b.name)).toEqual([
      'corpus-20250109T120000000Z-daily.sqlite',
      'corpus-20250108T120000000Z-daily.sqlite',
      'corpus-20250107T120000000Z-daily.sqlite',
      'corpus-20241231T120000000Z-manual.sqlite',
    ]);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(4);
  });

  it('are made daily while in use, and not more often', async () => {
    const { dir } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, autoBackup: { firstCheckMs: 10, intervalMs: 50, maxAgeMs: 60_000 }, ...quiet });
    await expect.poll(() => listBackups(dir).length, { timeout: 5000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['daily']);
    await engine.close();
    // An old newest backup makes the next one due.
    const aged = await openEngine({ dataDir: dir, autoBackup: { firstCheckMs: 10, intervalMs: 50, maxAgeMs: 1 }, ...quiet });
    await expect.poll(() => listBackups(dir).length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    await aged.close();
  });

  it('refuse names that are not backups (no paths)', async () => {
    const engine = createEngine({ dataDir: tempDir(), ...quiet });
    for (const name of ['../corpus.sqlite', '/etc/passwd', 'corpus-1-daily.sqlite/../../x', 'corpus.sqlite']) {
      const r = await engine.call('backup.restore', { name });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await engine.call('backup.restore', { name: 'corpus-20250101T000000000Z-daily.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await engine.close();
  });
});

describe('restore', () => {
  it('replaces the corpus, keeping the one it replaced as a pre-restore backup', async () => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    const api = createClient(engine);
    const before = await api.call('backup.create', {});
    await api.call('import.run', { paths: [path.join(FIXTURES, 'notes')] });
    const grown = (await api.call('corpus.stats', {})).articles;
    expect(grown).toBeGreaterThan(articles);
    const changed: unknown[] = [];
    engine.on('onCorpusChanged', (p) => changed.push(p));
    const health = await api.call('backup.restore', { name: before.name });
    expect(health.state).toBe('ok');
    expect((await api.call('corpus.stats', {})).articles).toBe(articles);
    expect(changed).toEqual([{ articles }]);
    const preRestore = listBackups(dir).find((b) => b.reason === 'pre-restore')!;
    const kept = new Database(preRestore.path, { readonly: true });
    expect(kept.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(grown);
    kept.close();
    // Searching and importing work on the restored corpus.
    expect((await api.call('search.query', { query: 'talks' })).total).toBeGreaterThan(0);
    expect((await api.call('import.run', { paths: [path.join(FIXTURES, 'notes')] })).imported).toBeGreaterThan(0);
    await engine.close();
  });

  it('leaves the corpus as it was when the backup cannot be copied in', async () => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    const api = createClient(engine);
    const backup = await api.call('backup.create', {});
    // A folder where the copy must go makes the copy fail, as a full disk would.
    fs.mkdirSync(`${corpusPath(dir)}.restoring`);
    fs.writeFileSync(path.join(`${corpusPath(dir)}.restoring`, 'x'), 'x');
    await expect(api.call('backup.restore', { name: backup.name })).rejects.toMatchObject({ message: expect.stringMatching(/could not be restored .*the corpus is as it was/) });
    expect((await api.call('corpus.stats', {})).articles).toBe(articles);
    expect((await api.call('corpus.health', {})).state).toBe('ok');
    await engine.close();
  });

  it('waits for other processes to close the corpus', async () => {
    const { dir } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, ...quiet });
    const api = createClient(engine);
    const backup = await api.call('backup.create', {});
    // Another live process (our parent) has the corpus open.
    fs.writeFileSync(path.join(dir, SESSIONS_DIR, `${process.ppid}-other.json`), JSON.stringify({ pid: process.ppid, startedAt: 'then' }));
    await expect(api.call('backup.restore', { name: backup.name })).rejects.toMatchObject({ code: 'busy', message: expect.stringMatching(/Another Wirebench process \(pid \d+\) has this corpus open/) });
    expect((await api.call('corpus.stats', {})).articles).toBeGreaterThan(0);
    await engine.close();
  });
});

describe('migrations and the engine', () => {
  const addsNotes: Migration = { version: latestVersion(MIGRATIONS) + 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT') };
  const broken: Migration = {
    version: latestVersion(MIGRATIONS) + 1,
    name: 'broken',
    up(db) {
      db.exec('CREATE TABLE half_done (x)');
      throw new Error('boom');
    },
  };

  it.each([
    ['openEngine (online backup API)', (dir: string, migrations: readonly Migration[]) => openEngine({ dataDir: dir, migrations, ...quiet })],
    ['createEngine (VACUUM INTO)', async (dir: string, migrations: readonly Migration[]) => createEngine({ dataDir: dir, migrations, ...quiet })],
  ])('back the corpus up before every migration: %s', async (_how, open) => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await open(dir, [...MIGRATIONS, addsNotes]);
    expect(engine.health.state).toBe('ok');
    expect(schemaVersion(engine.db)).toBe(addsNotes.version);
    const backups = listBackups(dir);
    expect(backups.map((b) => [b.reason, b.schemaVersion])).toEqual([['pre-migration', latestVersion(MIGRATIONS)]]);
    const copy = new Database(backups[0]!.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(articles);
    copy.close();
    await engine.close();
    // A new corpus has nothing to back up.
    const fresh = await open(tempDir(), [...MIGRATIONS, addsNotes]);
    expect(listBackups(fresh.dataDir)).toEqual([]);
    await fresh.close();
  });

  it('a migration that throws leaves user_version and schema unchanged, and the corpus opens read-only', async () => {
    const { dir, articles } = await corpusWithArticles();
    const engine = await openEngine({ dataDir: dir, migrations: [...MIGRATIONS, broken], ...quiet });
    expect(engine.health.state).toBe('read-only');
    expect(engine.health.message).toMatch(/Upgrading the corpus failed \(migration \d+ \(broken\) failed: boom\)\. Nothing was changed: it is open read-only at schema \d+\. The backup taken before the upgrade is corpus-.+-pre-migration\.sqlite\./);
    expect(schemaVersion(engine.db)).toBe(latestVersion(MIGRATIONS));
    expect(engine.db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    const api = createClient(engine);
    expect((await api.call('corpus.stats', {})).articles).toBe(articles);
    expect((await api.call('search.query', { query: 'talks' })).total).toBeGreaterThan(0);
    await expect(api.call('import.run', { paths: [path.join(FIXTURES, 'notes')] })).rejects.toMatchObject({ code: 'read_only', message: expect.stringMatching(/open read-only; nothing can be changed/) });
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['pre-migration']);
    await engine.close();
    // Still the old version on disk, and the current Wirebench opens it normally.
    const again = await openEngine({ dataDir: dir, ...quiet });
    expect(again.health.state).toBe('ok');
    expect((await createClient(again).call('corpus.stats', {})).articles).toBe(articles);
    await again.close();
  });

  it('refuses a corpus from a newer Wirebench with a clear message, touching nothing', async () => {
    const dir = tempDir();
    const raw = new Database(corpusPath(dir));
    raw.exec('CREATE TABLE future (x)');
    raw.pragma('user_version = 999');
    raw.close();
    const before = fs.readFileSync(corpusPath(dir));
    const engine = await openEngine({ dataDir: dir, ...quiet });
    expect(engine.health.state).toBe('unavailable');
    const api = createClient(engine);
    await expect(api.call('search.query', { query: 'x' })).rejects.toMatchObject({ code: 'newer_database', message: expect.stringMatching(/written by a newer version of Wirebench \(schema 999;.*Update Wirebench/) });
    expect((await api.call('corpus.health', {})).message).toMatch(/newer version of Wirebench/);
    await engine.close();
    expect(fs.readFileSync(corpusPath(dir)).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'damaged'))).toBe(false);
  });
});
