// The content hashes in memory while their unique index is aside (store/hash-directory.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashDirectory } from '../../src/engine/store/hash-directory.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { dropDeferredIndexes } from '../../src/engine/db/deferred-indexes.ts';
import { tempDir } from '../support/temp.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('the hash directory', () => {
  it('finds every hash it was given, past several doublings, and none it was not', () => {
    const directory = new HashDirectory(4);
    const stored = new Map<string, number>();
    for (let id = 1; id <= 50_000; id++) {
      const hash = sha(`article ${id}`);
      directory.add(hash, id);
      stored.set(hash, id);
    }
    expect(directory.size).toBe(50_000);
    for (const [hash, id] of stored) expect(directory.find(hash, (candidate) => candidate === id)).toBe(id);
    for (let i = 0; i < 1000; i++) expect(directory.find(sha(`never stored ${i}`), () => true)).toBeNull();
  });

  it('takes a hash that shares only its first bits with a stored one for a different text', () => {
    const directory = new HashDirectory();
    const full = new Map<number, string>();
    const a = `${'0123456789abcdef'}${'1'.repeat(48)}`;
    const b = `${'0123456789abcdef'}${'2'.repeat(48)}`;
    directory.add(a, 7);
    full.set(7, a);
    const same = (hash: string) => (id: number) => full.get(id) === hash;
    expect(directory.find(a, same(a))).toBe(7);
    expect(directory.find(b, same(b))).toBeNull();
    directory.add(b, 8);
    full.set(8, b);
    expect(directory.find(b, same(b))).toBe(8);
    expect(directory.find(a, same(a))).toBe(7);
  });

  it('in the store, while the index is aside: only the same full hash is a duplicate', async () => {
    const engine = createEngine({ dataDir: tempDir(), log: () => {}, watch: false });
    dropDeferredIndexes(engine.db);
    engine.store.followHashIndex();
    const article = (headline: string, contentHash: string) => ({ headline, body: `${headline}.`, published: null, place: null, agency: null, language: 'en', sourcePath: null, importRunId: null, contentHash });
    const a = `abcdef01${'a'.repeat(56)}`;
    const b = `abcdef01${'b'.repeat(56)}`;
    const first = engine.store.insert(article('First', a));
    expect(first).not.toBeNull();
    expect(engine.store.insert(article('Second', b))).not.toBeNull();
    expect(engine.store.insert(article('First again', a))).toBeNull();
    expect(engine.store.findByHash(a)?.id).toBe(first);
    expect(engine.store.total()).toBe(2);
    await engine.close();
  });
});
