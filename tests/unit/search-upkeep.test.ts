// Merging the full-text indexes' segments (segment-upkeep.ts): after imports written in many
// transactions search_fts and quotes_fts have many segments; merging them into one keeps every
// result and every score, passes FTS5's integrity-check, happens by itself after an import, and
// is left alone when only a small tail was added.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../src/shared/api.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { SegmentUpkeep, setBulkWrites } from '../../src/engine/search/segment-upkeep.ts';
import { suiteTempDir } from '../support/temp.ts';

let engine: Engine;
let api: Client;
let upkeep: SegmentUpkeep;
let quotesUpkeep: SegmentUpkeep;
const QUERIES = ['oil', 'prices NOT opec', '"central bank"', 'minist*', 'place:LONDON gas', 'said'];

// Our own wire-style copy, varied enough that the index has many terms.
function article(i: number): { headline: string; body: string; published: string; place: string; agency: string; language: string; sourcePath: null; importRunId: null } {
  const topics = ['Oil prices rose', 'Gas exports fell', 'The central bank held rates', 'Ministers met on trade', 'OPEC kept output steady'];
  const places = ['LONDON', 'PARIS', 'MOSCOW', 'KYIV'];
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  return {
    headline: `${topics[i % topics.length]} (${i})`,
    body: `${topics[(i * 3) % topics.length]} on day ${i}, an official said. Word${i} term${i % 97} item${i % 13} ${topics[(i + 1) % topics.length]}. "We will watch item${i % 13} closely," said Minister Olena Kovalenko.`,
    published: `2020-${month}-${day}T${String(i % 24).padStart(2, '0')}:00`,
    place: places[i % places.length]!,
    agency: i % 2 ? 'Reuters' : 'AP',
    language: 'en',
    sourcePath: null,
    importRunId: null,
  };
}

async function results(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const query of QUERIES) {
    for (const sort of ['relevance', 'date'] as const) {
      const r = await api.call('search.query', { query, sort, limit: 500 });
      out.push({ query, sort, total: r.total, hits: r.hits.map((h) => [h.id, h.score]) });
    }
  }
  const quotes = await api.call('quotes.search', { query: 'item7', limit: 500 });
  out.push({ quotes: quotes.total, ids: quotes.quotes.map((q) => q.id) });
  return out;
}

const ftsIntegrity = (): void => {
  for (const table of ['search_fts', 'quotes_fts']) engine.db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run();
};

beforeAll(() => {
  engine = createEngine({ dataDir: suiteTempDir('wirebench-upkeep-'), log: () => {} });
  api = createClient(engine);
  upkeep = new SegmentUpkeep(engine.db, 'search_fts');
  quotesUpkeep = new SegmentUpkeep(engine.db, 'quotes_fts');
});
afterAll(async () => engine.close());

describe('merging the search index segments', () => {
  it('merges many segments into one and changes no result', async () => {
    // Each insert its own transaction: FTS5 writes a segment per commit and merges only by levels.
    for (let i = 0; i < 300; i++) engine.store.insert(article(i));
    const before = upkeep.measure();
    expect(before.segments).toBeGreaterThan(3);
    expect(upkeep.needed()).toBe(true);
    expect(quotesUpkeep.measure().segments).toBeGreaterThan(3);
    expect(quotesUpkeep.needed()).toBe(true);
    const expected = await results();
    expect((expected.at(-1) as { quotes: number }).quotes).toBeGreaterThan(0);
    await engine.mergeIndexSegments();
    expect(upkeep.measure()).toEqual({ segments: 1, outside: 0 });
    expect(quotesUpkeep.measure()).toEqual({ segments: 1, outside: 0 });
    expect(upkeep.needed()).toBe(false);
    ftsIntegrity();
    expect(await results()).toEqual(expected);
  });

  it('leaves one big segment alone when only a small tail was added', async () => {
    engine.store.insert(article(1000));
    const shape = upkeep.measure();
    expect(shape.segments).toBe(2);
    expect(shape.outside).toBeLessThan(0.1);
    expect(upkeep.needed()).toBe(false);
    await engine.mergeIndexSegments();
    expect(upkeep.measure().segments).toBe(2);
  });

  it('writes an import batch as one segment, not one per megabyte, with the bulk settings', () => {
    const count = (): number => upkeep.measure().segments;
    // Articles with many words of their own: a few megabytes of index data per thousand.
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...article(10_000 + i), body: `${article(10_000 + i).body} ${Array.from({ length: 100 }, (_, k) => `own${i}w${k}`).join(' ')}` }));
    const write = (): number => {
      const before = count();
      engine.db.transaction(() => engine.store.batched(() => many.splice(0, 1000).forEach((a) => engine.store.insert(a))))();
      return count() - before;
    };
    // FTS5's defaults (merging held back, to count what is written): the batch's megabytes of
    // index data become several segments.
    setBulkWrites(engine.db, 'search_fts', false);
    engine.db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)`);
    const plain = write();
    setBulkWrites(engine.db, 'search_fts', true);
    expect(write()).toBe(1);
    expect(plain).toBeGreaterThan(1);
    setBulkWrites(engine.db, 'search_fts', false);
  });

  it('merges none of an import\'s segments while it writes, with the bulk settings, nor in the background meanwhile', async () => {
    // FTS5's defaults merge segments four at a time, or sixteen at once in a "crisis", and the
    // most it merges as it goes is 64 at a time: each rewrote what the merge after an import
    // rewrites once more. In bulk nothing is merged, past 64 segments too.
    const small = Array.from({ length: 140 }, (_, i) => article(20_000 + i));
    const write = (): void => engine.db.transaction(() => engine.store.batched(() => small.splice(0, 2).forEach((a) => engine.store.insert(a))))();
    engine.store.bulk(true);
    // The quotes' small index still merges as it goes (segment-upkeep.ts, QUOTES_BULK_WRITES).
    const automerge = (table: string): unknown => engine.db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get();
    expect([automerge('search_fts'), automerge('quotes_fts')]).toEqual([0, 64]);
    const before = upkeep.measure().segments;
    for (let i = 0; i < 70; i++) write();
    expect(upkeep.measure().segments).toBe(before + 70);
    // The background merge waits while an import writes (ArticleStore.bulkWriting) ...
    expect(engine.store.bulkWriting).toBe(true);
    await engine.mergeIndexSegments();
    expect(upkeep.measure().segments).toBe(before + 70);
    engine.store.bulk(false);
    // ... which is owed once it is done (the next test sees it happen after an import).
    expect(upkeep.needed()).toBe(true);
    ftsIntegrity();
  });

  it('merges by itself a little after an import that added a large share', async () => {
    const folder = suiteTempDir('wirebench-upkeep-files-');
    for (let i = 0; i < 120; i++) {
      const a = article(2000 + i);
      fs.writeFileSync(path.join(folder, `a${i}.txt`), `${a.headline}\n\n${a.place}, ${a.published.slice(0, 10)} (${a.agency}) - ${a.body}\n`);
    }
    const summary = await api.call('import.run', { paths: [folder] });
    expect(summary.imported).toBe(120);
    expect(upkeep.needed()).toBe(true);
    expect(quotesUpkeep.needed()).toBe(true);
    await expect.poll(() => [upkeep.measure().segments, quotesUpkeep.measure().segments], { timeout: 15_000, interval: 200 }).toEqual([1, 1]);
    ftsIntegrity();
    // The import wrote with the bulk settings (setBulkWrites) and put FTS5's defaults back.
    for (const table of ['search_fts', 'quotes_fts']) {
      expect(engine.db.prepare(`SELECT k, v FROM ${table}_config WHERE k IN ('automerge', 'crisismerge', 'hashsize') ORDER BY k`).all()).toEqual([
        { k: 'automerge', v: 4 },
        { k: 'crisismerge', v: 16 },
        { k: 'hashsize', v: 1024 * 1024 },
      ]);
    }
    expect((await api.call('search.query', { query: 'term5', limit: 500 })).total).toBeGreaterThan(0);
  });
});
