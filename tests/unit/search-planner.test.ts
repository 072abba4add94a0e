// The search planner's ways of ranking (search.ts): scoring the query itself with bm25(), or
// scoring only its words in the window's time range, must give the same order wherever the
// words are all the query scores by; words too common to rank by give date order, said so.
// Thresholds are lowered through SearchService's limits so a small corpus reaches every path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { COMMON_NOTICE, SearchService, topIndexes } from '../../src/engine/search/search.ts';
import { suiteTempDir } from '../support/temp.ts';

let engine: Engine;

// Our own wire-style copy: every article "said"; oil, gas and prices in varying amounts.
const TOPICS = [
  'Oil prices rose as oil traders weighed supply, and oil stocks fell',
  'Gas prices eased in Europe as storage filled',
  'The central bank kept interest rates on hold',
  'Oil output from the field was cut; prices of crude held',
  'Election results were delayed in two provinces',
  'Gas and oil exports grew, the ministry reported',
  'Prime minister visits the port; oil and gas on the agenda',
  'Shares in the oil company fell after the profit warning',
];
const AGENCIES = ['Reuters', 'AP', 'AFP'];
const PLACES = ['LONDON', 'PARIS', 'MOSCOW'];

function article(i: number): { headline: string; body: string; published: string; place: string; agency: string } {
  const topic = TOPICS[i % TOPICS.length]!;
  const day = String(1 + (i % 27)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 27) % 12)).padStart(2, '0');
  const place = PLACES[i % PLACES.length]!;
  const agency = AGENCIES[(i >> 1) % AGENCIES.length]!;
  const filler = 'Officials said the talks would go on. '.repeat(1 + (i % 3));
  return {
    headline: `${topic.split(',')[0]} (${i})`,
    body: `${place}, ${day} ${month} (${agency}) - ${topic}, an official said. ${filler}${i % 4 === 0 ? 'OPEC was not consulted.' : 'Traders said demand was steady.'}`,
    published: `2021-${month}-${day}T${String(i % 24).padStart(2, '0')}:00`,
    place,
    agency,
  };
}

beforeAll(() => {
  engine = createEngine({ dataDir: suiteTempDir('wirebench-planner-'), log: () => {} });
  engine.db.transaction(() => {
    for (let i = 0; i < 120; i++) engine.store.insert({ ...article(i), language: 'en', sourcePath: null, importRunId: null });
  })();
});
afterAll(async () => engine.close());

function byScore(hits: Array<{ id: number; score: number | null }>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const h of hits) (out[String(h.score)] ??= []).push(h.id);
  for (const ids of Object.values(out)) ids.sort((x, y) => x - y);
  return out;
}

const QUERIES = [
  'oil',
  'oil prices',
  '(oil OR gas) AND prices NOT opec',
  'agency:Reuters oil',
  'place:LONDON gas',
  'oil -opec',
  'headline:oil',
  'oil OR rates',
];

describe('scoring the words instead of the query', () => {
  it('gives the order bm25() over the query gives, with the same scores', () => {
    const byQuery = new SearchService(engine.db, { scoring: 'query' });
    const byUnits = new SearchService(engine.db, { scoring: 'units' });
    for (const query of QUERIES) {
      for (const extra of [{}, { recency: true }]) {
        const a = byQuery.query({ query, limit: 200, ...extra });
        const b = byUnits.query({ query, limit: 200, ...extra });
        expect(b.total, query).toBe(a.total);
        expect(b.hits.length, query).toBeGreaterThan(0);
        // The same scores in the same order; equal scores may come in either order.
        expect(b.hits.map((h) => h.score), query).toEqual(a.hits.map((h) => h.score));
        expect(byScore(b.hits), query).toEqual(byScore(a.hits));
      }
    }
  });

  it('ranks a phrase by its words: every match, scored, best first', () => {
    const byUnits = new SearchService(engine.db, { scoring: 'units' });
    const all = new Set(byUnits.query({ query: '"oil prices"', sort: 'date', limit: 500 }).hits.map((h) => h.id));
    const r = byUnits.query({ query: '"oil prices"', limit: 500 });
    expect(r.order).toBe('relevance');
    expect(new Set(r.hits.map((h) => h.id))).toEqual(all);
    const scores = r.hits.map((h) => h.score!);
    expect(scores.every((s) => s > 0)).toBe(true);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('keeps the window and the pages past it when the matches exceed the cap', () => {
    const small = new SearchService(engine.db, { rankCap: 10, scoring: 'units' });
    const exact = engine.db.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH '"oil"'`).pluck().get() as number;
    const first = small.query({ query: 'agency:Reuters oil', limit: 5 });
    expect(first.rankedAmong).toBe(10);
    const reuters = small.count({ query: 'agency:Reuters oil' }).total;
    expect(reuters).toBeGreaterThan(10);
    expect(reuters).toBeLessThan(exact);
    const every = small.query({ query: 'agency:Reuters oil', limit: 500 });
    expect(every.hits).toHaveLength(reuters);
    expect(new Set(every.hits.map((h) => h.id)).size).toBe(reuters);
    expect(every.hits.slice(0, 10).every((h) => h.score !== null)).toBe(true);
    expect(every.hits.slice(10).every((h) => h.score === null)).toBe(true);
    const paged = [0, 5, 10, 15].flatMap((offset) => small.query({ query: 'agency:Reuters oil', limit: 5, offset }).hits.map((h) => h.id));
    expect(paged).toEqual(every.hits.slice(0, 20).map((h) => h.id));
  });
});

describe('words too common to rank by', () => {
  it('lists the matches newest first and says why', () => {
    const service = new SearchService(engine.db, { commonDocs: 50 });
    const r = service.query({ query: 'said', limit: 500 });
    expect(r.order).toBe('date');
    expect(r.notice).toBe(COMMON_NOTICE);
    expect(r.total).toBe(120);
    expect(r.hits.every((h) => h.score === null)).toBe(true);
    const dates = r.hits.map((h) => h.published!);
    expect(dates).toEqual([...dates].sort().reverse());
    // With a word that does tell articles apart, the common one is ranked by it alone.
    const mixed = service.query({ query: 'said opec', limit: 500 });
    expect(mixed.order).toBe('relevance');
    expect(mixed.notice).toBeNull();
    expect(mixed.total).toBe(30);
    expect(mixed.hits.every((h) => h.score !== null && h.score > 0)).toBe(true);
    // Nothing changes below the threshold.
    expect(new SearchService(engine.db).query({ query: 'said' }).order).toBe('relevance');
  });

  it('reports nothing about ranking when nothing matches', () => {
    const r = new SearchService(engine.db, { commonDocs: 50 }).query({ query: 'said', from: '1990', to: '1991' });
    expect(r.total).toBe(0);
    expect(r.notice).toBeNull();
  });
});

describe('topIndexes', () => {
  it('is a stable sort cut to k, best first', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const n of [0, 1, 5, 100, 3000]) {
      const scores = Array.from({ length: n }, () => Math.round(random() * 20) / 4);
      const sorted = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b);
      for (const k of [1, 3, 20, 60, n]) expect(topIndexes(scores, k)).toEqual(sorted.slice(0, k));
    }
  });
});
