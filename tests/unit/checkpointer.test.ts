// The import's checkpoint thread (db/checkpointer.ts): while it runs, the engine's connection
// does not checkpoint, and yet the log's pages reach the database file; afterwards the engine
// checkpoints by itself again.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Checkpointer } from '../../src/engine/db/checkpointer.ts';
import { corpusPath, openCorpus } from '../../src/engine/db/open.ts';
import { tempDir } from '../support/temp.ts';

describe('Checkpointer', () => {
  it('checkpoints the log from its own thread while the engine writes, then hands checkpointing back', async () => {
    const dataDir = tempDir();
    const db = openCorpus({ dataDir, migrate: false });
    db.exec('CREATE TABLE t (x TEXT)');
    const file = corpusPath(dataDir);
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const checkpointer = new Checkpointer(db);
    checkpointer.start();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fs.statSync(file).size;
    // 8 MB in 32 transactions, with the engine's own checkpoints off: only the thread can move
    // these pages into the database file.
    for (let i = 0; i < 32; i++) {
      db.transaction(() => {
        for (let k = 0; k < 64; k++) insert.run('x'.repeat(4000));
      })();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect.poll(() => fs.statSync(file).size, { timeout: 10_000, interval: 100 }).toBeGreaterThan(before + 4 * 1024 * 1024);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(32 * 64);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('leaves an in-memory or read-only database alone', async () => {
    const dataDir = tempDir();
    openCorpus({ dataDir, migrate: false }).close();
    const db = openCorpus({ dataDir, migrate: false, readonly: true });
    const checkpointer = new Checkpointer(db);
    checkpointer.start();
    await checkpointer.stop();
    db.close();
  });
});
