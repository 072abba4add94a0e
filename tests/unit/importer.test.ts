import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, type ImportProgress } from '../../src/shared/api.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { newFiles } from '../../src/engine/ingest/importer.ts';
import { tempDir } from '../support/temp.ts';

function setup(): { engine: Engine; api: ReturnType<typeof createClient>; folder: string } {
  const engine = createEngine({ dataDir: tempDir(), log: () => {} });
  return { engine, api: createClient(engine), folder: tempDir('wirebench-input-') };
}

const wire = (n: number): string => `${(n % 28) + 1} Mar 2022 12:${String(n % 60).padStart(2, '0')}\n\nHeadline number ${n}\n\nMOSCOW. March 1 (Interfax) - Body of story ${n} about talks.\n`;

describe('import', () => {
  it('records one outcome per file and keeps going past bad files', async () => {
    const { engine, api, folder } = setup();
    fs.writeFileSync(path.join(folder, 'good.txt'), wire(1));
    fs.writeFileSync(path.join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    fs.writeFileSync(path.join(folder, 'empty.txt'), '');
    fs.writeFileSync(path.join(folder, 'blank.md'), '\n\n   \n');
    fs.writeFileSync(path.join(folder, 'photo.jpg'), 'x');
    fs.symlinkSync(path.join(folder, 'missing-target.txt'), path.join(folder, 'dangling.txt'));
    fs.mkdirSync(path.join(folder, 'loop'));
    fs.symlinkSync(folder, path.join(folder, 'loop', 'back-to-top'));
    execFileSync('mkfifo', [path.join(folder, 'pipe.txt')]);
    fs.writeFileSync(path.join(folder, 'latin1.txt'), Buffer.from('Caf\xe9 society\n\nA story written in Latin-1.\n', 'latin1'));
    fs.writeFileSync(path.join(folder, Buffer.from('bad-name-\xff.txt', 'latin1').toString('latin1')), wire(2));
    const summary = await api.call('import.run', { paths: [folder] });
    const byName = Object.fromEntries([...summary.errors, ...summary.skippedFiles].map((e) => [path.relative(folder, e.path), e.reason]));
    expect(byName).toMatchObject({
      'binary.txt': 'binary data, not text',
      'empty.txt': 'empty file',
      'blank.md': 'empty file',
      'photo.jpg': 'not an article format',
      'dangling.txt': 'dangling symbolic link: its target does not exist',
      'pipe.txt': 'not a regular file (a named pipe)',
      'loop/back-to-top': 'folder already visited (a symbolic link loop or a second link to it)',
    });
    expect(summary.imported).toBe(3); // good, latin1, bad-name
    expect(summary.files).toBe(10);
    expect(summary.imported + summary.duplicates + summary.failed + summary.skipped).toBe(summary.files);
    const latin = await api.call('search.query', { query: 'café' });
    expect(latin.hits[0]?.headline).toBe('Café society');
    const outcomes = engine.db.prepare('SELECT outcome, count(*) AS n FROM import_files GROUP BY outcome ORDER BY outcome').all();
    expect(outcomes).toEqual([
      { outcome: 'failed', n: 2 },
      { outcome: 'imported', n: 3 },
      { outcome: 'skipped', n: 5 },
    ]);
    await engine.close();
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read', async () => {
    const { engine, api, folder } = setup();
    fs.writeFileSync(path.join(folder, 'secret.txt'), wire(3));
    fs.chmodSync(path.join(folder, 'secret.txt'), 0o000);
    const summary = await api.call('import.run', { paths: [folder] });
    expect(summary.errors).toEqual([{ path: path.join(folder, 'secret.txt'), reason: 'permission denied' }]);
    await engine.close();
  });

  it('reports a path that does not exist without failing the rest', async () => {
    const { engine, api, folder } = setup();
    fs.writeFileSync(path.join(folder, 'a.txt'), wire(4));
    const summary = await api.call('import.run', { paths: [path.join(folder, 'nope'), folder] });
    expect(summary.status).toBe('completed');
    expect(summary.imported).toBe(1);
    expect(summary.errors).toEqual([{ path: path.join(folder, 'nope'), reason: 'no such file or folder' }]);
    await engine.close();
  });

  it('refuses relative paths and a second concurrent import', async () => {
    const { engine, api, folder } = setup();
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(folder, `${i}.txt`), wire(i));
    await expect(api.call('import.run', { paths: ['relative/path'] })).rejects.toMatchObject({ code: 'bad_request' });
    const first = api.call('import.run', { paths: [folder] });
    await expect(api.call('import.run', { paths: [folder] })).rejects.toMatchObject({ code: 'busy' });
    expect((await first).imported).toBe(300);
    await engine.close();
  });

  it('can be cancelled; what was stored stays whole, and a new import finishes the job', async () => {
    const { engine, api, folder } = setup();
    // Enough files that the import is far from done when its first batch is written (the
    // first progress with files done), however fast the machine: the cancel lands there.
    const count = 20_000;
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}.txt`), wire(i));
    let cancelled = false;
    api.on('onImportProgress', (p: ImportProgress) => {
      if (!cancelled && p.filesDone > 0) {
        cancelled = true;
        void api.call('import.cancel', {});
      }
    });
    const summary = await api.call('import.run', { paths: [folder] });
    expect(summary.status).toBe('cancelled');
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.imported).toBeLessThan(count);
    const stored = (await api.call('corpus.stats', {})).articles;
    expect(stored).toBe(summary.imported);
    // the index agrees with the table
    expect(engine.db.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH 'talk'`).pluck().get()).toBe(stored);
    const resumed = await api.call('import.run', { paths: [folder] });
    expect(resumed.imported + stored).toBe(count);
    // The files stored before the cancel are not read again.
    expect(resumed.unchanged).toBe(stored);
    expect(await api.call('import.cancel', {})).toEqual({ cancelled: false });
    await engine.close();
  });

  it('stores an article once even when it appears in many files, with different whitespace or case', async () => {
    const { engine, api, folder } = setup();
    fs.writeFileSync(path.join(folder, 'a.txt'), 'Talks resume\n\nThe talks resumed on Monday.');
    fs.writeFileSync(path.join(folder, 'b.txt'), 'Talks  resume\r\n\r\nThe talks   resumed on Monday.\r\n');
    fs.writeFileSync(path.join(folder, 'c.txt'), 'TALKS RESUME\n\nThe talks resumed on Monday.');
    const summary = await api.call('import.run', { paths: [folder] });
    expect(summary).toMatchObject({ imported: 1, duplicates: 2 });
    await engine.close();
  });

  it('looks no path up under a folder never imported, and every path once it overlaps or holds a known file', async () => {
    const { engine, api, folder } = setup();
    fs.mkdirSync(path.join(folder, 'old'));
    fs.mkdirSync(path.join(folder, 'new'));
    fs.writeFileSync(path.join(folder, 'old', 'a.txt'), wire(1));
    await api.call('import.run', { paths: [path.join(folder, 'old')] });
    const isNew = newFiles(engine.db, [path.join(folder, 'old'), path.join(folder, 'new')]);
    expect(isNew(path.join(folder, 'old', 'b.txt'))).toBe(false);
    expect(isNew(path.join(folder, 'new', 'b.txt'))).toBe(true);
    expect(isNew(path.join(folder, 'new', 'deep', 'c.txt'))).toBe(true);
    expect(isNew(path.join(folder, 'newer', 'b.txt'))).toBe(false);
    expect(isNew(path.join(folder, 'new', 'bad-\uFFFD.txt'))).toBe(false);
    // A folder that holds a known file, or a path given inside another, is looked up throughout.
    expect(newFiles(engine.db, [folder])(path.join(folder, 'new', 'b.txt'))).toBe(false);
    const nested = newFiles(engine.db, [path.join(folder, 'new'), path.join(folder, 'new', 'b.txt')]);
    expect(nested(path.join(folder, 'new', 'b.txt'))).toBe(false);
    expect(nested(path.join(folder, 'new', 'c.txt'))).toBe(false);
    // A known file given on its own.
    expect(newFiles(engine.db, [path.join(folder, 'old', 'a.txt')])(path.join(folder, 'old', 'a.txt'))).toBe(false);
    expect(newFiles(engine.db, [path.join(folder, 'new', 'x.txt')])(path.join(folder, 'new', 'x.txt'))).toBe(true);
    await engine.close();
  });

  it('reads a file once when it is given both alone and inside its folder, and two names shown alike both end', async () => {
    const { engine, api, folder } = setup();
    fs.writeFileSync(path.join(folder, 'a.txt'), wire(1));
    fs.writeFileSync(path.join(folder, 'b.txt'), wire(2));
    const summary = await api.call('import.run', { paths: [folder, path.join(folder, 'a.txt')] });
    expect(summary.status).toBe('completed');
    expect(summary.imported).toBe(2);
    expect(engine.db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(2);

    // Names that are not valid UTF-8 and show as the same path, in a folder never imported.
    const other = tempDir('wirebench-input-');
    fs.writeFileSync(path.join(other, Buffer.from('bad-\xff.txt', 'latin1').toString('latin1')), wire(3));
    fs.writeFileSync(path.join(other, Buffer.from('bad-\xfe.txt', 'latin1').toString('latin1')), wire(4));
    const odd = await api.call('import.run', { paths: [other] });
    expect(odd.status).toBe('completed');
    expect(odd.files).toBe(2);
    expect(odd.failed).toBe(0);
    await engine.close();
  });
});
