// Disk full during an import, for real: the corpus lives on a 3 MB tmpfs, the import brings
// several times that. The import must end with a clear message, the engine keep answering,
// a backup attempt fail cleanly, and the corpus stay whole: integrity_check and the FTS5
// check pass and the counts agree. Needs root (mount); skips with a message otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/api.ts';
import { openEngine } from '../../src/engine/engine.ts';
import { corpusPath } from '../../src/engine/db/open.ts';
import { MAX_ARTICLE_ID } from '../../src/engine/search/index-layout.ts';
import { fullCheck } from '../../src/engine/integrity/checks.ts';
import { suiteTempDir } from '../support/temp.ts';

let mountPoint = '';
let mounted = false;
let whyNot = '';

beforeAll(() => {
  mountPoint = suiteTempDir('wirebench-tmpfs-');
  if (process.platform !== 'linux') {
    whyNot = 'needs Linux tmpfs';
    return;
  }
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', mountPoint], { encoding: 'utf8' });
  mounted = result.status === 0;
  if (!mounted) whyNot = `cannot mount a tmpfs here (${(result.stderr || result.error?.message || '').trim()}); run as root to test disk-full handling`;
});

afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
});

/** Distinct article files totalling about `mb` megabytes (random words compress badly). */
function articles(mb: number): string {
  const dir = suiteTempDir('wirebench-bulk-');
  const words = (n: number): string => randomBytes(n * 4).toString('hex').replace(/(.{8})/g, '$1 ');
  const count = Math.ceil((mb * 1024 * 1024) / 2048);
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), `Headline ${i} ${words(4)}\n\n${words(220)}\n`);
  return dir;
}

describe('disk full during an import', () => {
  it('ends with a clear error and an intact corpus', async (ctx) => {
    if (!mounted) {
      console.warn(`disk-full test skipped: ${whyNot}`);
      ctx.skip();
      return;
    }
    const input = articles(6);
    const dataDir = path.join(mountPoint, 'data');
    const engine = await openEngine({ dataDir, log: () => {} });
    const api = createClient(engine);
    const summary = await api.call('import.run', { paths: [input] });
    expect(summary.status).toBe('failed');
    expect(summary.message).toBe('The disk is full; the import stopped. Articles stored before that are intact.');
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.imported).toBeLessThan(fs.readdirSync(input).length);

    // Still answering, and saying clearly why nothing more can be written.
    expect((await api.call('search.query', { query: 'Headline' })).total).toBeGreaterThan(0);
    await expect(api.call('backup.create', {})).rejects.toMatchObject({ message: expect.stringMatching(/^The backup could not be written: the disk is full\. The corpus itself is unchanged\.$/) });
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);
    await engine.close();

    // The corpus as it is on the full disk, checked on a disk with room.
    const copy = suiteTempDir('wirebench-after-full-');
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(corpusPath(dataDir) + suffix)) fs.copyFileSync(corpusPath(dataDir) + suffix, path.join(copy, `corpus.sqlite${suffix}`));
    const db = new Database(path.join(copy, 'corpus.sqlite'));
    expect(fullCheck(db)).toMatchObject({ ok: true, problems: [] });
    const stored = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    expect(stored).toBe(summary.imported);
    expect(db.prepare('SELECT coalesce(sum(articles), 0) FROM import_files').pluck().get()).toBe(stored);
    // Every stored article has its search index entry, and no entry lacks its article.
    expect(db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get()).toBe(stored);
    expect(db.prepare(`SELECT count(*) FROM search_fts_docsize WHERE (id & ${MAX_ARTICLE_ID}) NOT IN (SELECT id FROM articles)`).pluck().get()).toBe(0);
    db.close();
  }, 60_000);
});
