// The versioned derived-data mechanism any indexer may register with (store/derived.ts).
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/engine/db/open.ts';
import { ensureDerived, type DerivedData } from '../../src/engine/store/derived.ts';
import { tempDir } from '../support/temp.ts';

function lengths(version: number, seen: number[]): DerivedData {
  return {
    name: 'test-lengths',
    version,
    clear: () => seen.splice(0),
    add: (a) => void seen.push(a.body.length),
  };
}

describe('derived data versions', () => {
  it('builds a new kind from every article, skips it while current, and rebuilds it when its version changes', () => {
    const db = openCorpus({ dataDir: tempDir() });
    const insert = db.prepare(`INSERT INTO articles (headline, body, content_hash, imported_at) VALUES ('h', ?, ?, 'now')`);
    db.transaction(() => {
      for (let i = 1; i <= 4500; i++) insert.run('x'.repeat(i % 7), `h${i}`); // more than one batch
    })();
    const seen: number[] = [];
    const first = ensureDerived(db, [lengths(1, seen)]);
    expect(first).toMatchObject([{ name: 'test-lengths', from: null, to: 1, articles: 4500 }]);
    expect(seen).toHaveLength(4500);
    expect(ensureDerived(db, [lengths(1, seen)])).toEqual([]);
    expect(ensureDerived(db, [lengths(2, seen)])).toMatchObject([{ from: 1, to: 2, articles: 4500 }]);
    expect(seen).toHaveLength(4500); // cleared first, so never twice
    expect(db.prepare(`SELECT version FROM derived_versions WHERE name = 'test-lengths'`).pluck().get()).toBe(2);
    db.close();
  });
});
