// Quotes in the corpus: written with each article, one person per speaker across scripts,
// searchable with speaker:, removed with their article, rebuilt when their version changes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { migrate } from '../../src/engine/db/migrate.ts';
import * as m0001 from '../../src/engine/db/migrations/0001-foundation.ts';
import { createQuoteIndexer, QUOTES_VERSION } from '../../src/engine/quotes/indexer.ts';
import { createFtsIndexer } from '../../src/engine/search/fts-indexer.ts';
import { ArticleStore } from '../../src/engine/store/articles.ts';
import { splitSpeakerQuery } from '../../src/engine/quotes/search.ts';
import { REPO, tempDir } from '../support/temp.ts';

const QUOTES = path.join(REPO, 'tests/fixtures/quotes');

async function withCorpus<T>(work: (api: ReturnType<typeof createClient>, engine: ReturnType<typeof createEngine>) => Promise<T>, dir = tempDir()): Promise<T> {
  const engine = createEngine({ dataDir: dir, log: () => {} });
  try {
    return await work(createClient(engine), engine);
  } finally {
    await engine.close();
  }
}

describe('quotes in the corpus', () => {
  it('stores quotes at import with offsets that hold the verbatim text', async () => {
    await withCorpus(async (api) => {
      await api.call('import.run', { paths: [QUOTES] });
      const all = await api.call('quotes.search', { limit: 500 });
      expect(all.total).toBeGreaterThanOrEqual(19);
      for (const q of all.quotes) {
        const article = await api.call('article.get', { id: q.articleId });
        expect(article.body.slice(q.start, q.end)).toBe(q.text);
      }
    });
  });

  it('treats "Dmitry Peskov", "Peskov" and "Песков" as one speaker and finds them with speaker:', async () => {
    await withCorpus(async (api) => {
      await api.call('import.run', { paths: [QUOTES] });
      const latin = await api.call('quotes.search', { query: 'speaker:Peskov', limit: 100 });
      const cyrillic = await api.call('quotes.search', { query: 'speaker:Песков', limit: 100 });
      const full = await api.call('quotes.search', { speaker: 'Dmitry Peskov', limit: 100 });
      expect(latin.total).toBe(13); // 9 in English, 4 in Russian
      expect(cyrillic.total).toBe(latin.total);
      expect(full.total).toBe(latin.total);
      expect(new Set(latin.quotes.map((q) => q.personId)).size).toBe(1);
      expect(latin.speakers).toHaveLength(1);
      expect(latin.speakers[0]).toMatchObject({ count: 13 });
      // Words and speaker together; the usual syntax for the words.
      const drafts = await api.call('quotes.search', { query: 'speaker:"Dmitry Peskov" drafts OR проектами' });
      expect(drafts.quotes.map((q) => q.text).sort()).toEqual(['the experts have exchanged new drafts', 'эксперты обменялись новыми проектами документов']);
      const none = await api.call('quotes.search', { query: 'speaker:Reed drafts' });
      expect(none.total).toBe(0);
      // Facets count every speaker of the matches, not only this page.
      const facets = await api.call('quotes.search', { limit: 1 });
      expect(facets.speakers.map((s) => s.speaker)).toEqual(expect.arrayContaining(['Dmitry Peskov', 'Thomas Reed', 'Anna Weiss']));
      expect(facets.speakers.reduce((n, s) => n + s.count, 0)).toBe(facets.total);
    });
  });

  it('answers a malformed quotes query with a clear message, and filters by article', async () => {
    await withCorpus(async (api) => {
      await api.call('import.run', { paths: [QUOTES] });
      await expect(api.call('quotes.search', { query: 'talks OR' })).rejects.toMatchObject({ code: 'bad_query' });
      await expect(api.call('quotes.search', { query: 'speaker:Peskov speaker:Reed' })).rejects.toMatchObject({ code: 'bad_query' });
      const some = await api.call('quotes.search', { query: 'speaker:Reed' });
      const byArticle = await api.call('quotes.search', { articleId: some.quotes[0]!.articleId, sort: 'article' });
      expect(byArticle.quotes.every((q) => q.articleId === some.quotes[0]!.articleId)).toBe(true);
      expect(byArticle.quotes.map((q) => q.start)).toEqual([...byArticle.quotes.map((q) => q.start)].sort((a, b) => a - b));
    });
  });

  it('draws a per-speaker timeline by publication day', async () => {
    await withCorpus(async (api) => {
      await api.call('import.run', { paths: [QUOTES] });
      const t = await api.call('quotes.timeline', { speaker: 'Песков' });
      expect(t.granularity).toBe('day');
      expect(t.buckets).toEqual([
        { period: '2022-03-22', count: 9 },
        { period: '2022-03-23', count: 4 },
      ]);
    });
  });

  it('removes an article’s quotes with the article', async () => {
    await withCorpus(async (api, engine) => {
      await api.call('import.run', { paths: [QUOTES] });
      const reed = await api.call('quotes.search', { query: 'speaker:Reed' });
      const articleId = reed.quotes[0]!.articleId;
      // Through the store with the engine's indexers, as an incremental re-import would.
      const db = engine.db;
      const s = new ArticleStore(db);
      s.addIndexer(createFtsIndexer(db));
      s.addIndexer(createQuoteIndexer(db));
      db.transaction(() => s.remove(articleId))();
      expect((await api.call('quotes.search', { articleId })).total).toBe(0);
      expect(db.prepare('SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?').pluck().get('tonne')).toBe(0);
    });
  });

  it('splits speaker: terms out of a query without moving the rest', () => {
    expect(splitSpeakerQuery('speaker:Peskov talks')).toEqual({ rest: '               talks', speakers: ['Peskov'] });
    const q = 'talks speaker:"Dmitry Peskov"';
    expect(splitSpeakerQuery(q)).toEqual({ rest: 'talks'.padEnd(q.length), speakers: ['Dmitry Peskov'] });
    expect(splitSpeakerQuery('“a b”')).toEqual({ rest: '“a b”', speakers: [] });
  });

  it('builds quotes at open for articles stored before quotes existed, and rebuilds when the version changes', async () => {
    const dir = tempDir();
    // A corpus from before migration 0020: articles only.
    const raw = new Database(path.join(dir, 'corpus.sqlite'));
    migrate(raw, [m0001]);
    const body = fs.readFileSync(path.join(QUOTES, 'kremlin-talks-interfax.txt'), 'utf8').split('\n\n').slice(2).join('\n\n');
    raw.prepare(`INSERT INTO articles (headline, body, published, published_at, content_hash, imported_at) VALUES ('Talks', ?, '2022-03-22T13:05', 1647954300, 'h1', 'now')`).run(body);
    raw.close();
    await withCorpus(async (api, engine) => {
      expect((await api.call('quotes.search', { query: 'speaker:Peskov' })).total).toBe(9);
      expect(engine.db.prepare(`SELECT version FROM derived_versions WHERE name = 'quotes'`).pluck().get()).toBe(QUOTES_VERSION);
      // An older version on disk: the next open rebuilds, keeping exactly one copy.
      engine.db.prepare(`UPDATE derived_versions SET version = 0 WHERE name = 'quotes'`).run();
    }, dir);
    await withCorpus(async (api, engine) => {
      expect((await api.call('quotes.search', { query: 'speaker:Peskov' })).total).toBe(9);
      expect(engine.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1); // the unnamed official has no person record
    }, dir);
  });
});
