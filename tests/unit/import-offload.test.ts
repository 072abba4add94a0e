// The import's parser workers prepare the search index entries and extract the quotes, and the
// search index holds its rows to the end of each batch to write them in rowid order. These
// tests check that what the import stores is exactly what the in-thread path (each indexer
// doing its own work, row by row, as after a rebuild) stores for the same articles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { Db } from '../../src/engine/db/open.ts';
import { sortableTime } from '../../src/engine/ingest/dates.ts';
import { onto, parseFile } from '../../src/engine/ingest/parse-file.ts';
import { extractQuotes } from '../../src/engine/quotes/extract.ts';
import { foldName } from '../../src/engine/quotes/names.ts';
import { createQuoteIndexer } from '../../src/engine/quotes/indexer.ts';
import { createFtsIndexer, prepareEntry } from '../../src/engine/search/fts-indexer.ts';
import { MAX_ARTICLE_ID } from '../../src/engine/search/index-layout.ts';
import { newByteSink } from '../../src/engine/search/normalise.ts';
import { rebuildDerived } from '../../src/engine/store/derived.ts';
import type { StoredArticle } from '../../src/engine/store/indexers.ts';
import { tempDir } from '../support/temp.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

const SPEAKERS = ['Dmitry Peskov', 'Olena Kovalenko', 'Maria Zakharova', 'Антон Шевченко'];

/** Wire stories dated newest first, so import order runs against the index's rowid order. */
function writeStories(folder: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const day = 28 - (i % 28);
    const hour = String(23 - (i % 24)).padStart(2, '0');
    const speaker = SPEAKERS[i % SPEAKERS.length]!;
    const text = i % 4 === 3
      ? `${day} Mar 2022 ${hour}:15\n\nПереговоры в Стамбуле, выпуск ${i}\n\nМОСКВА, ${day} марта. /ТАСС/. «Прогресс есть, но его недостаточно», — заявил ${speaker} журналистам в выпуске ${i}.\n`
      : `${day} Mar 2022 ${hour}:15\n\nTalks on grain corridor, report ${i}\n\nKYIV. March ${day} (Interfax) - "We are not there yet on the corridor," ${speaker} told reporters on day ${day}, in report number ${i} about the shipping talks.\n\n"The ships must move before the harvest," ${speaker.split(' ')[1]} said.\n`;
    fs.writeFileSync(path.join(folder, `story-${String(i).padStart(3, '0')}.txt`), text);
  }
}

interface Snapshot {
  index: string[];
  quotes: unknown[];
}

/** The search index's every token occurrence, by article id, and the quotes by their text position. */
function snapshot(db: Db): Snapshot {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_instances USING fts5vocab(main, search_fts, 'instance')`);
  const index = (db.prepare('SELECT term, doc, col, offset FROM temp.search_instances').all() as Array<{ term: string; doc: number | bigint; col: string; offset: number }>)
    .map((r) => `${BigInt(r.doc) & BigInt(MAX_ARTICLE_ID)} ${BigInt(r.doc) >> 29n} ${r.col} ${r.offset} ${r.term}`)
    .sort();
  const quotes = db
    .prepare(
      `SELECT q.article_id, q.start, q.end, q.text, q.kind, q.speaker, q.description, q.mention_start, q.mention_end, q.cue, q.published_at, p.name AS person
       FROM quotes q LEFT JOIN persons p ON p.id = q.person_id ORDER BY q.article_id, q.start`,
    )
    .all();
  return { index, quotes };
}

describe('work done in the parser workers', () => {
  it('stores the same search index and quotes as the in-thread indexers', async () => {
    const folder = tempDir('wirebench-input-');
    writeStories(folder, 300);
    const engine = createEngine({ dataDir: tempDir(), watch: false, log: () => {} });
    const api = createClient(engine);
    const summary = await api.call('import.run', { paths: [folder, path.join(FIXTURES, 'articles'), path.join(FIXTURES, 'quotes')] });
    expect(summary.imported).toBeGreaterThan(300);
    const db = engine.db;
    const imported = snapshot(db);
    expect(imported.index.length).toBeGreaterThan(10_000);
    expect(imported.quotes.length).toBeGreaterThan(300);
    // The sortable times the workers read are the ones the store would have read.
    const times = db.prepare('SELECT published, published_at AS publishedAt FROM articles').all() as Array<{ published: string | null; publishedAt: number | null }>;
    expect(times.filter((t) => t.publishedAt !== null).length).toBeGreaterThan(300);
    for (const t of times) expect(t.publishedAt).toBe(sortableTime(t.published));

    // Build both again in this thread, article by article in id order, from the articles table.
    db.exec(`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`);
    const fts = createFtsIndexer(db);
    const rows = db.prepare('SELECT id, headline, body, published, place, agency, language FROM articles ORDER BY id').all() as StoredArticle[];
    db.transaction(() => {
      for (const row of rows) fts.add(row);
    })();
    rebuildDerived(db, createQuoteIndexer(db));
    const rebuilt = snapshot(db);
    expect(rebuilt.index.length).toBe(imported.index.length);
    expect(rebuilt.index).toEqual(imported.index);
    expect(rebuilt.quotes).toEqual(imported.quotes);

    // And search answers the same through the index the import wrote.
    const hits = await api.call('search.query', { query: 'corridor' });
    const withWord = db.prepare(`SELECT count(*) FROM articles WHERE headline || ' ' || body LIKE '%corridor%'`).pluck().get() as number;
    expect(withWord).toBeGreaterThanOrEqual(225);
    expect(hits.total).toBe(withWord);
    await engine.close();
  });

  it('prepares in the worker exactly what the indexers would compute', async () => {
    const folder = tempDir('wirebench-input-');
    writeStories(folder, 8);
    for (const name of fs.readdirSync(folder)) {
      const outcome = await parseFile({ path: path.join(folder, name) });
      if (outcome.status !== 'parsed') throw new Error(`${name}: ${outcome.status}`);
      for (const a of outcome.articles) {
        const fields: StoredArticle = { id: 1, headline: a.headline, body: a.body, published: a.published, place: a.place, agency: a.agency, language: a.language };
        const { vocabulary: _v1, ...entry } = a.searchEntry;
        const { vocabulary: _v2, ...expected } = prepareEntry(fields);
        expect(entry).toEqual(expected);
        expect(a.publishedAt).toBe(sortableTime(a.published));
        // With each named speaker's key, folded as the engine thread would fold it.
        expect(a.quotes.map(({ speakerKey: _k, ...q }) => q)).toEqual(extractQuotes(a.body));
        for (const q of a.quotes) expect(q.speakerKey).toBe(q.speaker.name ? foldName(q.speaker.name) : undefined);
        expect(a.quotes.some((q) => q.speakerKey)).toBe(true);
        expect(a.quotes.length).toBeGreaterThan(0);
      }
    }
  });

  it('hands over the same entries and signatures through one buffer per job', async () => {
    const folder = tempDir('wirebench-input-');
    writeStories(folder, 8);
    // As a parser worker does (parse-worker.ts): every file of a job into one sink, small at
    // first so that it grows, then one copy of it that the entries are pointed at.
    const sink = newByteSink(16);
    const names = fs.readdirSync(folder).sort();
    const viaSink = [];
    for (const name of names) viaSink.push(await parseFile({ path: path.join(folder, name) }, sink));
    const bytes = sink.bytes.slice(0, sink.length);
    for (const outcome of viaSink) onto(outcome, bytes);
    let signatures = 0;
    for (const [i, name] of names.entries()) {
      const outcome = viaSink[i]!;
      const plain = await parseFile({ path: path.join(folder, name) });
      if (outcome.status !== 'parsed' || plain.status !== 'parsed') throw new Error(`${name}: not parsed`);
      expect(outcome.articles.length).toBe(plain.articles.length);
      for (const [k, a] of outcome.articles.entries()) {
        const b = plain.articles[k]!;
        expect((a.searchEntry.body as Uint8Array).buffer).toBe(bytes.buffer);
        expect(Buffer.from(a.searchEntry.body as Uint8Array).toString('utf8')).toBe(b.searchEntry.body);
        expect(Buffer.from(a.searchEntry.headline as Uint8Array).toString('utf8')).toBe(b.searchEntry.headline);
        expect(a.minhash === null).toBe(b.minhash === null);
        if (a.minhash) {
          signatures++;
          expect(a.minhash.buffer).toBe(bytes.buffer);
          expect([...a.minhash]).toEqual([...b.minhash!]);
        }
        expect({ ...a, searchEntry: null, minhash: null }).toEqual({ ...b, searchEntry: null, minhash: null });
      }
    }
    expect(signatures).toBeGreaterThan(0);
  });

  it('writes nothing of a batch whose transaction fails', async () => {
    const engine = createEngine({ dataDir: tempDir(), watch: false, log: () => {} });
    const db = engine.db;
    const article = (n: number) => ({
      headline: `Held row ${n}`, body: `Body of held row ${n} about the corridor.`, published: `2022-03-${String(28 - n).padStart(2, '0')}`,
      place: null, agency: null, language: 'en', sourcePath: null, importRunId: null,
    });
    expect(() =>
      db.transaction(() =>
        engine.store.batched(() => {
          engine.store.insert(article(1));
          engine.store.insert(article(2));
          throw new Error('the batch fails');
        }),
      )(),
    ).toThrow('the batch fails');
    // The next batch writes only its own rows.
    db.transaction(() => engine.store.batched(() => engine.store.insert(article(3))))();
    const api = createClient(engine);
    const hits = await api.call('search.query', { query: 'held' });
    expect(hits.hits.map((h) => h.headline)).toEqual(['Held row 3']);
    await engine.close();
  });
});
