// The query parser and the plain-table FTS5 compiler (the quotes index) fuzzed beyond
// search.test.ts: any Unicode (lone surrogates included), queries at the length limit,
// mutations of real queries, and every compiled expression run by SQLite's own FTS5 on a real
// table; and the corpus search path end to end through the engine. The only failure a user
// may see is a QueryError pointing inside the query, never an SQL error.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.ts';
import { tempDir } from '../support/temp.ts';
import { compilePlainFts } from '../../src/engine/search/plain-compile.ts';
import { MAX_QUERY_LENGTH, parseQuery, QueryError } from '../../src/engine/search/query-parser.ts';

const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')`);
db.prepare(`INSERT INTO t (headline, body) VALUES (?, ?)`).run('Peace talks in Kyiv', 'Переговоры о мире; «прекращение огня» — NOT AND OR "quoted"');
const match = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck();
afterAll(() => db.close());

const REAL_QUERIES = ['"prime minister" NOT budget', 'negotiat* (Kyiv OR Moscow)', '(grain OR wheat) exports', 'peace -war', '„мирные переговоры“', '«прекращение огня» OR ceasefire', 'a AND b OR NOT c'];

function mutate(query: string): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'duplicate'), fc.constantFrom('"', '(', ')', '*', '-', ' NOT ', ' OR ', ' AND ', '“', '»', '\\', ':', '^', '{', '}', 'NEAR(', '+', '\u0000', '\ud800')), { maxLength: 5 })
    .map((edits) => {
      let q = query;
      for (const [at, kind, piece] of edits) {
        const i = at % (q.length + 1);
        if (kind === 'delete') q = q.slice(0, i) + q.slice(i + 1);
        else if (kind === 'insert') q = q.slice(0, i) + piece + q.slice(i);
        else q = q.slice(0, i) + q.slice(Math.max(0, i - 3), i) + q.slice(i);
      }
      return q;
    });
}

function parsesOrExplains(query: string): void {
  let fts: string | null = null;
  try {
    const parsed = parseQuery(query);
    if (parsed.root) fts = compilePlainFts(parsed.root);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    expect(error.position).toBeGreaterThanOrEqual(0);
    expect(error.position).toBeLessThanOrEqual(query.length);
    expect(error.message.length).toBeGreaterThan(10);
    return;
  }
  // FTS5 itself must accept whatever we compiled.
  if (fts !== null) expect(() => match.get(fts)).not.toThrow();
}

describe('query parser fuzzing', () => {
  it('any Unicode, including lone surrogates and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), parsesOrExplains), { seed: 31337, numRuns: 3000 });
  });

  it('operator soup, in all quote styles', () => {
    const soup = fc.constantFrom('peace', 'war', 'мир', ' ', '"', '“', '”', '„', '«', '»', '‘', '’', '(', ')', '*', '-', '+', 'AND', 'OR', 'NOT', 'and', 'NEAR', ':', '^', '.', '\t');
    fc.assert(fc.property(fc.array(soup, { maxLength: 30 }).map((p) => p.join('')), parsesOrExplains), { seed: 4242, numRuns: 4000 });
  });

  it('mutations of real queries', () => {
    fc.assert(fc.property(fc.constantFrom(...REAL_QUERIES).chain(mutate), parsesOrExplains), { seed: 777, numRuns: 3000 });
  });

  it('queries at and over the length limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_QUERY_LENGTH - 5, max: MAX_QUERY_LENGTH + 5 }), fc.constantFrom('a ', '"', '(', 'peace OR ', '-x '), (length, unit) => {
        const query = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        parsesOrExplains(query);
        if (length > MAX_QUERY_LENGTH) expect(() => parseQuery(query)).toThrow(/too long/);
      }),
      { seed: 99, numRuns: 100 },
    );
  });

  it('through the engine: results or bad_query, never an internal error', async () => {
    const engine = createEngine({ dataDir: tempDir(), log: () => {} });
    await engine.indexReady();
    engine.store.insert({ headline: 'Peace talks', body: 'Переговоры о мире', published: null, place: null, agency: null, language: null, sourcePath: null, importRunId: null });
    expect(await engine.call('search.query', { query: '\u0000peace' })).toMatchObject({ ok: true, result: { total: 1 } });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...REAL_QUERIES).chain(mutate)), async (query) => {
        const envelope = await engine.call('search.query', { query });
        if (!envelope.ok) expect(envelope.error.code).toBe('bad_query');
      }),
      { seed: 2718, numRuns: 1500 },
    );
    await engine.close();
  });
});
