// Our ranking function (src/native/wbrank.c, loaded by rank-function.ts): given each phrase's
// document frequency it must score exactly as FTS5's bm25() does, so search gives the same
// pages and scores with it as without it; given none (or nonsense) it counts as bm25() would.
// The library is built at install (scripts/build-native.mjs); this suite fails if it was not,
// unless WIREBENCH_RANK=bm25 says to rank without it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { ftsPhrases } from '../../src/engine/search/fts-compile.ts';
import { loadRankFunction, rankLibraryCandidates } from '../../src/engine/search/rank-function.ts';
import type { Db } from '../../src/engine/db/open.ts';
import { SearchService } from '../../src/engine/search/search.ts';
import { suiteTempDir } from '../support/temp.ts';

const expectLibrary = process.env.WIREBENCH_RANK !== 'bm25' && process.platform !== 'win32';
let engine: Engine;

// Our own wire-style copy: dated and undated articles, several places and agencies, headlines
// and bodies sharing words in different amounts, so that weights and lengths matter.
const TOPICS = [
  'Oil prices rose as traders weighed supply; oil stocks fell and prices of crude held',
  'Gas exports fell sharply, the ministry said, as storage filled',
  'The central bank kept interest rates on hold despite inflation',
  'Prime minister visits the port; oil and gas on the agenda of the prime minister',
  'Negotiators met again; negotiations on the grain corridor continue',
  'Election results delayed in two provinces, election officials said',
  'Shares in the oil company fell after the profit warning',
];
const PLACES = ['LONDON', 'PARIS', 'MOSCOW', 'KYIV'];

beforeAll(() => {
  engine = createEngine({ dataDir: suiteTempDir('wirebench-rankfn-'), log: () => {} });
  engine.db.transaction(() => {
    for (let i = 0; i < 160; i++) {
      const topic = TOPICS[i % TOPICS.length]!;
      const other = TOPICS[(i * 5 + 3) % TOPICS.length]!;
      const month = String(1 + (i % 12)).padStart(2, '0');
      engine.store.insert({
        headline: `${topic.split(/[;,]/)[0]} (${i})`,
        body: `${PLACES[i % 4]} (${i % 3 ? 'Reuters' : 'AP'}) - ${topic}. ${'More talks are planned. '.repeat(i % 5)}${other}. ${i % 6 === 0 ? 'OPEC was not consulted.' : 'Traders were calm.'}`,
        published: i % 9 === 0 ? null : `20${String(18 + (i % 5))}-${month}-1${i % 9}T10:00`,
        place: PLACES[i % 4]!,
        agency: i % 3 ? 'Reuters' : 'AP',
        language: 'en',
        sourcePath: null,
        importRunId: null,
      });
    }
  })();
});
afterAll(async () => engine.close());

const QUERIES = [
  'oil',
  'oil prices',
  '"prime minister"',
  '"oil company"',
  '(oil OR gas) AND prices NOT opec',
  'bank (rates OR inflation)',
  'oil -company',
  'headline:oil',
  'headline:(oil OR gas) body:prices',
  'negotiat*',
  'oil NEAR/4 prices',
  '"interest rates"~3',
  'agency:Reuters oil',
  'place:LONDON gas',
  'date:2019 oil',
  'minister OR shares',
];

describe('the ranking function', () => {
  it('is built and loads (set WIREBENCH_RANK=bm25 to rank without it); SQL still cannot load extensions', () => {
    expect(loadRankFunction(engine.db)).toBe(expectLibrary);
    const library = rankLibraryCandidates().find((f) => fs.existsSync(f)) ?? 'wbrank.so';
    expect(() => engine.db.prepare('SELECT load_extension(?)').get(library)).toThrow(/not authorized/);
  });

  it('gives the pages and scores bm25() gives, for every kind of query', () => {
    const withFunction = new SearchService(engine.db);
    const builtin = new SearchService(engine.db, { rankFunction: false });
    expect(withFunction.rankFunction).toBe(expectLibrary);
    expect(builtin.rankFunction).toBe(false);
    for (const query of QUERIES) {
      for (const extra of [{}, { recency: true }, { offset: 5 }]) {
        const a = builtin.query({ query, limit: 30, ...extra });
        const b = withFunction.query({ query, limit: 30, ...extra });
        expect(a.total, query).toBeGreaterThan(5);
        expect(b.total, query).toBe(a.total);
        expect(b.hits.map((h) => [h.id, h.score]), `${query} ${JSON.stringify(extra)}`).toEqual(a.hits.map((h) => [h.id, h.score]));
      }
    }
  });

  it.runIf(expectLibrary)('counts a phrase itself when no frequency (or nonsense) is given', () => {
    const sql = (score: string): string => `SELECT rowid, ${score} FROM search_fts WHERE search_fts MATCH '"oil" OR "ga"' ORDER BY rowid`;
    const expected = engine.db.prepare(sql('bm25(search_fts, 1, 4, 0)')).raw().all();
    for (const dfs of [null, '', 'x,y', '-1,-1', '3']) {
      const got = engine.db.prepare(sql('wb_bm25(search_fts, 1, 4, 0, ?)')).raw().all(dfs) as Array<[number, number]>;
      if (dfs === '3') {
        // The first phrase's figure is taken as given (wrong on purpose), the second counted.
        expect(got.map((r) => r[0])).toEqual((expected as Array<[number, number]>).map((r) => r[0]));
        expect(got).not.toEqual(expected);
      } else {
        expect(got, String(dfs)).toEqual(expected);
      }
    }
  });
});

describe('finding the library', () => {
  it('is off when asked, and a broken library means bm25(), not a failure', () => {
    expect(loadRankFunction(new Database(':memory:') as unknown as Db, { WIREBENCH_RANK: 'bm25' })).toBe(false);
    const dir = suiteTempDir('wirebench-rankfn-lib-');
    const [first] = rankLibraryCandidates({ WIREBENCH_NATIVE_DIR: dir });
    expect(path.dirname(first!)).toBe(dir);
    fs.writeFileSync(first!, 'not a shared library');
    const db = new Database(':memory:') as unknown as Db;
    expect(loadRankFunction(db, { WIREBENCH_NATIVE_DIR: dir })).toBe(false);
    // The connection still works (and SearchService ranks with bm25() on it).
    expect(db.prepare('SELECT 41 + 1').pluck().get()).toBe(42);
  });
});

describe('ftsPhrases', () => {
  it('lists the phrases in FTS5 order with the column filter that applies to each', () => {
    expect(ftsPhrases('((("oil" OR "ga") AND "price") NOT "opec")')).toEqual([
      { phrase: '"oil"', column: null },
      { phrase: '"ga"', column: null },
      { phrase: '"price"', column: null },
      { phrase: '"opec"', column: null },
    ]);
    expect(ftsPhrases('{headline} : ("oil" OR "gas say""s") AND {body} : "price" AND "negotiat"*')).toEqual([
      { phrase: '"oil"', column: 'headline' },
      { phrase: '"gas say""s"', column: 'headline' },
      { phrase: '"price"', column: 'body' },
      { phrase: '"negotiat"*', column: null },
    ]);
    expect(ftsPhrases('{body} : (NEAR("oil" "price", 5) OR NEAR("oil" "prices", 5)) AND "a_reuters"')).toEqual([
      { phrase: '"oil"', column: 'body' },
      { phrase: '"price"', column: 'body' },
      { phrase: '"oil"', column: 'body' },
      { phrase: '"prices"', column: 'body' },
      { phrase: '"a_reuters"', column: null },
    ]);
  });
});
