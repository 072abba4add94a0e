// Keeps the quotes table (and its FTS index) in step with the articles: extracted in the same
// transaction as each new article, removed with it, rebuilt from the articles when the
// extractor's version changes (store/derived.ts).
import type { Db } from '../db/open.ts';
import { sortableTimeOf } from '../ingest/dates.ts';
import type { DerivedData } from '../store/derived.ts';
import type { ArticleIndexer, StoredArticle } from '../store/indexers.ts';
import { extractQuotes } from './extract.ts';
import { Persons } from './persons.ts';
import { QUOTES_BULK_WRITES, setBulkWrites } from '../search/segment-upkeep.ts';

/** Bump when extract.ts or person resolution changes what is stored: quotes are then rebuilt. */
export const QUOTES_VERSION = 1;

export function createQuoteIndexer(db: Db): ArticleIndexer & DerivedData {
  const persons = new Persons(db);
  const insert = db.prepare(`
    INSERT INTO quotes (article_id, start, end, text, kind, person_id, speaker, description, mention_start, mention_end, cue, published_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertFts = db.prepare('INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?, ?, ?)');
  const ofArticle = db.prepare('SELECT id, text, speaker FROM quotes WHERE article_id = ?');
  const deleteFts = db.prepare(`INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', ?, ?, ?)`);
  const deleteQuotes = db.prepare('DELETE FROM quotes WHERE article_id = ?');

  const add = (article: StoredArticle): void => {
    // The importer's workers extract them off this thread (parse-file.ts).
    const quotes = article.quotes ?? extractQuotes(article.body);
    if (quotes.length === 0) return;
    const publishedAt = sortableTimeOf(article);
    for (const q of quotes) {
      const name = q.speaker.name;
      const personId = name ? persons.resolve(name, q.speaker.description, q.speakerKey) : null;
      const speaker = name ?? q.speaker.description;
      const text = article.body.slice(q.start, q.end);
      const id = Number(
        insert.run(article.id, q.start, q.end, text, q.kind, personId, speaker, q.speaker.description, q.mentionStart, q.mentionEnd, q.cue, publishedAt).lastInsertRowid,
      );
      insertFts.run(id, text, speaker ?? '');
    }
  };

  return {
    name: 'quotes',
    version: QUOTES_VERSION,
    add,
    remove(article) {
      const rows = ofArticle.all(article.id) as Array<{ id: number; text: string; speaker: string | null }>;
      for (const r of rows) deleteFts.run(r.id, r.text, r.speaker ?? '');
      if (rows.length) deleteQuotes.run(article.id);
    },
    // Names already resolved are remembered from batch to batch (persons.ts).
    begin: () => persons.startBatch(),
    flush: () => persons.endBatch(),
    discard: () => persons.discard(),
    bulk: (on) => setBulkWrites(db, 'quotes_fts', on, QUOTES_BULK_WRITES),
    clear() {
      persons.discard();
      db.exec(`DELETE FROM quotes; INSERT INTO quotes_fts (quotes_fts) VALUES ('delete-all'); DELETE FROM person_aliases; DELETE FROM persons;`);
    },
    finish() {
      // Items collected before the rebuild point at the same text; give them the new quote ids.
      db.exec(`UPDATE collection_items SET quote_id = (
        SELECT q.id FROM quotes q WHERE q.article_id = collection_items.article_id AND q.start = collection_items.start AND q.end = collection_items.end)
        WHERE article_id IS NOT NULL`);
    },
  };
}
