// Keeps the search index (search_fts, see index-layout.ts) in step with the articles, inside the
// store's transaction. The costly part, turning text into key streams, is `prepareEntry`: a pure
// function of the article that needs no database, so an import pipeline can run it in its parser
// workers and hand the result to `addPrepared`.
import type { Db } from '../db/open.ts';
import { sortableTimeOf } from '../ingest/dates.ts';
import type { ArticleIndexer, StoredArticle } from '../store/indexers.ts';
import { bucketOf, FTS_TABLE, MAX_ARTICLE_ID, metaTokens, ROWID_OF } from './index-layout.ts';
import { fold, isCyrillic, keyStream, keyStreamInto, skeleton, stemmerFor, type ByteSink, type WordHashes } from './normalise.ts';
import { setBulkWrites } from './segment-upkeep.ts';

/**
 * A key stream: a string, or its UTF-8 bytes (keyStreamInto). The index takes either as the
 * same text (the insert casts bytes to TEXT).
 */
export type KeyText = string | Uint8Array;

export interface PreparedEntry {
  /** Time part of the rowid (index-layout.ts). */
  bucket: number;
  headline: KeyText;
  body: KeyText;
  meta: string;
  /**
   * Words (folded) with their keys, for the prefix vocabulary: those this thread had not met
   * lately and whose key is not simply the word itself.
   */
  vocabulary: Array<[string, string]>;
}

/**
 * The prefix vocabulary holds a word only when its key is not simply the word's own form: for
 * the others, a prefix query on the keys already finds them (see query-keys.ts).
 */
export function needsVocabulary(folded: string, key: string): boolean {
  return key !== (isCyrillic(folded) ? skeleton(folded) : folded);
}

/**
 * Everything the index stores for an article. Pure: safe to run in a worker thread. With
 * `hashes`, the words' key hashes are collected on the way (for the near-duplicate signature).
 * With `sink`, the key streams are written there as UTF-8 and the entry holds views of the
 * sink's buffer as it is now: a sink that grows later moves its bytes to a new buffer, so whoever
 * hands the entries on points them at the final one (parse-worker.ts, keysOnto).
 */
export function prepareEntry(article: StoredArticle, hashes?: WordHashes, sink?: ByteSink): PreparedEntry {
  const stemmer = stemmerFor(article.language);
  const vocabulary: Array<[string, string]> = [];
  const onNew = (word: string, key: string): void => {
    const folded = fold(word);
    if (needsVocabulary(folded, key)) vocabulary.push([folded, key]);
  };
  const publishedAt = sortableTimeOf(article);
  let headline: KeyText;
  let body: KeyText;
  if (sink) {
    const start = sink.length;
    keyStreamInto(article.headline, stemmer, sink, onNew, hashes);
    const split = sink.length;
    keyStreamInto(article.body, stemmer, sink, onNew, hashes);
    headline = sink.bytes.subarray(start, split);
    body = sink.bytes.subarray(split, sink.length);
  } else {
    headline = keyStream(article.headline, stemmer, onNew, hashes);
    body = keyStream(article.body, stemmer, onNew, hashes);
  }
  return {
    bucket: bucketOf(publishedAt),
    headline,
    body,
    meta: metaTokens({ agency: article.agency, place: article.place, language: article.language, publishedAt }),
    vocabulary,
  };
}

export interface FtsIndexer extends ArticleIndexer {
  addPrepared(article: StoredArticle, entry: PreparedEntry): void;
}

export function createFtsIndexer(db: Db): FtsIndexer {
  // CAST: key streams given as UTF-8 bytes are bound as blobs; as TEXT they are the same text.
  const insert = db.prepare(`INSERT INTO ${FTS_TABLE} (rowid, headline, body, meta) VALUES (${ROWID_OF}, CAST(@headline AS TEXT), CAST(@body AS TEXT), @meta)`);
  // A contentless FTS5 table forgets a row given the same tokens it was indexed with; the
  // normaliser is deterministic, so they are computed again from the article.
  const remove = db.prepare(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}, rowid, headline, body, meta) VALUES ('delete', ${ROWID_OF}, @headline, @body, @meta)`);
  const addWord = db.prepare('INSERT OR IGNORE INTO search_vocab (word, key) VALUES (?, ?)');

  const write = (row: Row): void => void insert.run(row);
  // Rows held during a batch (begin .. flush), written in rowid order at the end: FTS5 writes
  // its pending data out as a new segment whenever a rowid is lower than the one before, and
  // the rowid's time part (index-layout.ts) makes import order far from rowid order.
  let held: Row[] | null = null;
  const writeHeld = (): void => {
    if (!held || held.length === 0) return;
    held.sort((a, b) => a.bucket - b.bucket || a.id - b.id);
    for (const row of held) write(row);
    held.length = 0;
  };

  const addPrepared = (article: StoredArticle, entry: PreparedEntry): void => {
    if (article.id > MAX_ARTICLE_ID) throw new Error(`article id ${article.id} is beyond what the search index can hold`);
    const row = { bucket: entry.bucket, id: article.id, headline: entry.headline, body: entry.body, meta: entry.meta };
    if (held) held.push(row);
    else write(row);
    for (const [word, key] of entry.vocabulary) addWord.run(word, key);
  };

  return {
    name: 'search index',
    // The importer's workers prepare the entry off this thread (parse-file.ts).
    add: (article) => addPrepared(article, article.searchEntry ?? prepareEntry(article)),
    addPrepared,
    remove: (article) => {
      // Held rows go first, so a row added and removed in one batch is gone at the end.
      writeHeld();
      const entry = prepareEntry(article);
      remove.run({ bucket: entry.bucket, id: article.id, headline: entry.headline, body: entry.body, meta: entry.meta });
    },
    begin: () => {
      held = [];
    },
    flush: () => {
      writeHeld();
      held = null;
    },
    discard: () => {
      held = null;
    },
    bulk: (on) => setBulkWrites(db, FTS_TABLE, on),
  };
}

/**
 * Points entries whose key streams are views of a sink's buffer (prepareEntry with a sink) at
 * `bytes`, a copy of that buffer's first bytes: the same offsets, in a buffer of its own.
 */
export function keysOnto(entry: PreparedEntry, bytes: Uint8Array): void {
  if (typeof entry.headline !== 'string') entry.headline = bytes.subarray(entry.headline.byteOffset, entry.headline.byteOffset + entry.headline.length);
  if (typeof entry.body !== 'string') entry.body = bytes.subarray(entry.body.byteOffset, entry.body.byteOffset + entry.body.length);
}

interface Row {
  bucket: number;
  id: number;
  headline: KeyText;
  body: KeyText;
  meta: string;
}
