// The one place articles are written and read. Every write keeps the derived data (the FTS
// index, near-duplicate signatures, and whatever later indexers add) in the same transaction
// as the row, so derived data can never disagree with the articles it describes.
import { hash } from 'node:crypto';
import type { Article, ArticleMeta } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { sortableTimeOf } from '../ingest/dates.ts';
import type { ExtractedQuote } from '../quotes/extract.ts';
import type { PreparedEntry } from '../search/fts-indexer.ts';
import { HashDirectory } from './hash-directory.ts';
import type { ArticleIndexer, StoredArticle } from './indexers.ts';

export interface NewArticle {
  headline: string;
  body: string;
  published: string | null;
  place: string | null;
  agency: string | null;
  language: string | null;
  byline?: string | null;
  url?: string | null;
  versionNote?: string | null;
  site?: string | null;
  sourcePath: string | null;
  /** The `files` row of the file the article came from. */
  fileId?: number | null;
  importRunId: number | null;
  /** When it was stored (default: now); an import gives one time per batch. */
  importedAt?: string;
  /** contentHash(headline, body), when the caller computed it already (the parser workers do). */
  contentHash?: string;
  /** sortableTime(published), when the caller computed it already (the parser workers do). */
  publishedAt?: number | null;
  /** The near-duplicate signature, when the caller computed it already (see StoredArticle). */
  minhash?: Int32Array | null;
  /** The search index entry, when the caller prepared it already (see StoredArticle). */
  searchEntry?: PreparedEntry;
  /** The extracted quotes, when the caller extracted them already (see StoredArticle). */
  quotes?: ExtractedQuote[];
}

/** An article as stored, without what other modules derive from it. */
export type ArticleRecord = Omit<Article, 'nearDuplicateGroup'>;

// Every run of white space that is not already a single space: the same text as replacing every
// /\s+/ run with " ", but news text is mostly single spaces between words, and leaving those
// alone makes the replacement a few pieces instead of one per word (this runs for every article).
const SPACE_TO_FOLD = /[^\S ]\s*| \s+/g;

/** The text two articles must share to be the same article: folded case and whitespace. */
export function contentHash(headline: string, body: string): string {
  const ascii = asciiContentHash(headline, body);
  if (ascii !== null) return ascii;
  const normalised = `${headline}\n${body}`.normalize('NFC').toLowerCase().replace(SPACE_TO_FOLD, ' ').trim();
  // The one-shot hash: the same digest as createHash().update().digest(), without the Hash object.
  return hash('sha256', normalised, 'hex');
}

const ASCII_SCRATCH_MAX = 1 << 20;
/** Where asciiContentHash folds the text, grown as needed (up to ASCII_SCRATCH_MAX) and kept. */
let asciiScratch = Buffer.allocUnsafe(1 << 16);

/**
 * contentHash of a text that is all ASCII (most English wire copy), or null for any other. For
 * ASCII, NFC changes nothing, lower case is A-Z to a-z, white space is tab to carriage return
 * and the space, and the UTF-8 the digest is taken over is the characters' own bytes: so the
 * text is folded byte by byte in place, where the general path makes three new strings and runs
 * a regex over the whole text (~10 µs against ~4 for a wire article, for every one imported).
 */
function asciiContentHash(headline: string, body: string): string | null {
  const length = headline.length + 1 + body.length;
  // A very long text takes the general path rather than a scratch buffer kept at its size.
  if (length > ASCII_SCRATCH_MAX) return null;
  // Four bytes to spare: a write that runs out of room stops at most three bytes short of the
  // end, so with them a text that is not all ASCII always writes more bytes than it has
  // characters, even when it does not fit.
  if (length + 4 > asciiScratch.length) asciiScratch = Buffer.allocUnsafe(Math.max(length + 4, asciiScratch.length * 2));
  const bytes = asciiScratch;
  // Every character outside ASCII takes two bytes or more in UTF-8 (a lone surrogate three).
  const head = bytes.write(headline, 0, 'utf8');
  if (head !== headline.length) return null;
  bytes[head] = 0x0a;
  if (bytes.write(body, head + 1, 'utf8') !== body.length) return null;
  // Lower case, every run of white space to one space, and no white space at either end.
  let out = 0;
  let space = false;
  for (let i = 0; i < length; i++) {
    const c = bytes[i]!;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      space = out > 0;
      continue;
    }
    if (space) {
      bytes[out++] = 0x20;
      space = false;
    }
    bytes[out++] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  }
  return hash('sha256', bytes.subarray(0, out), 'hex');
}

interface ArticleRow {
  id: number;
  headline: string;
  published: string | null;
  place: string | null;
  agency: string | null;
  language: string | null;
  body: string;
  source_path: string | null;
  imported_at: string;
  byline: string | null;
  url: string | null;
  version_note: string | null;
  site: string | null;
}

export const META_COLUMNS = 'a.id, a.headline, a.published, a.place, a.agency, a.language';

export function toMeta(row: ArticleMeta): ArticleMeta {
  return { id: row.id, headline: row.headline, published: row.published, place: row.place, agency: row.agency, language: row.language };
}

export class ArticleStore {
  private readonly db: Db;
  private readonly insertRow;
  private readonly insertPlain;
  private readonly hashOf;
  private readonly deleteRow;
  private readonly byId;
  private readonly byHash;
  private readonly byIdFile;
  private readonly count;
  private readonly indexers: ArticleIndexer[] = [];
  /**
   * Nanoseconds spent in each indexer, when profiling is on (the import benchmark reads it).
   * Kept per indexer in an array of milliseconds while it runs: two reads of a double clock per
   * indexer and article, not a BigInt clock and a map update (~1 µs an article of the pace it measures).
   */
  get indexerTime(): Map<string, number> {
    return new Map(this.indexers.map((indexer, i) => [indexer.name, Math.round((this.indexerMs[i] ?? 0) * 1e6)]));
  }
  profile = false;
  private indexerMs: number[] = [];
  private bulkOn = false;

  constructor(db: Db) {
    this.db = db;
    // Positional parameters: binding 16 named ones from an object cost a lookup each, per article.
    const insert = `
      INSERT INTO articles (headline, published, published_at, place, agency, language, body, source_path, content_hash, import_run_id, imported_at,
                            byline, url, version_note, site, file_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    // Prepared when first run: SQLite refuses the ON CONFLICT clause while articles_by_hash,
    // the index it names, is set aside, and the plain one is for that time only.
    this.insertRow = lazy(() => db.prepare(`${insert} ON CONFLICT (content_hash) DO NOTHING`));
    this.insertPlain = lazy(() => db.prepare(insert));
    this.hashOf = db.prepare('SELECT content_hash FROM articles WHERE id = ?').pluck();
    this.deleteRow = db.prepare('DELETE FROM articles WHERE id = ?');
    this.byId = db.prepare(`SELECT id, headline, published, place, agency, language, body, source_path, imported_at, byline, url, version_note, site FROM articles WHERE id = ?`);
    this.byHash = db.prepare('SELECT id, file_id AS fileId FROM articles WHERE content_hash = ?');
    this.byIdFile = db.prepare('SELECT id, file_id AS fileId FROM articles WHERE id = ?');
    this.count = db.prepare('SELECT count(*) AS n FROM articles').pluck();
    // Not followHashIndex() here: the engine calls it once it has built any indexes an
    // interrupted import left aside (reading every hash first would be for nothing), and an
    // import calls it as it starts (bulk). Until then a missing index makes inserts fail, never
    // store a duplicate.
  }

  /** The content hashes in memory while their unique index is set aside (hash-directory.ts); null while it is there. */
  private directory: HashDirectory | null = null;

  /**
   * Finds duplicates the way the corpus allows now: by the unique index on content hashes, or,
   * while a big import has set it aside (db/deferred-indexes.ts), by the stored hashes read into
   * memory, sized for `expectedArticles` more. Call after the index was dropped or built again,
   * and once the corpus is open; the store also looks when an import starts (bulk).
   */
  followHashIndex(expectedArticles = 0): void {
    // A read-only corpus stores nothing (and may predate the index: migrations wait for a writer).
    if (this.db.readonly) return;
    const indexed = this.db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'articles_by_hash'`).get() !== undefined;
    if (indexed) {
      this.directory = null;
      return;
    }
    if (this.directory) return;
    // Sized for the import to come, so that it need not grow (for a while, twice the memory).
    const directory = new HashDirectory(Math.max(1 << 16, (this.total() + expectedArticles) * 2));
    for (const row of this.db.prepare('SELECT id, content_hash AS hash FROM articles').raw().iterate() as Iterable<[number, string]>) directory.add(row[1], row[0]);
    this.directory = directory;
  }

  /**
   * Lets the in-memory hashes go before the index is built again (its sort needs the memory);
   * no article may be stored until followHashIndex is called.
   */
  releaseHashDirectory(): void {
    this.directory = null;
  }

  /** The stored article whose hash this is, when the hashes are in memory. */
  private inDirectory(hash: string): number | null {
    return this.directory!.find(hash, (id) => this.hashOf.get(id) === hash);
  }

  /**
   * Stores an article unless an article with the same normalised text is already stored.
   * Returns the new id, or null for a duplicate. Call inside a transaction when batching.
   */
  insert(article: NewArticle): number | null {
    const hash = article.contentHash ?? contentHash(article.headline, article.body);
    if (this.directory && this.inDirectory(hash) !== null) return null;
    const publishedAt = sortableTimeOf(article);
    const result = (this.directory ? this.insertPlain() : this.insertRow()).run(
      article.headline,
      article.published,
      publishedAt,
      article.place,
      article.agency,
      article.language,
      article.body,
      article.sourcePath,
      hash,
      article.importRunId,
      article.importedAt ?? new Date().toISOString(),
      article.byline ?? null,
      article.url ?? null,
      article.versionNote ?? null,
      article.site ?? null,
      article.fileId ?? null,
    );
    if (result.changes === 0) return null;
    const id = Number(result.lastInsertRowid);
    this.directory?.add(hash, id);
    const stored: StoredArticle = {
      id,
      headline: article.headline,
      body: article.body,
      published: article.published,
      place: article.place,
      agency: article.agency,
      language: article.language,
      byline: article.byline ?? null,
      versionNote: article.versionNote ?? null,
      publishedAt,
    };
    if (article.minhash !== undefined) stored.minhash = article.minhash;
    if (article.searchEntry !== undefined) stored.searchEntry = article.searchEntry;
    if (article.quotes !== undefined) stored.quotes = article.quotes;
    this.runIndexers('add', stored);
    return id;
  }

  /** The stored article with this normalised text, if any. */
  findByHash(hash: string): { id: number; fileId: number | null } | null {
    if (this.directory) {
      const id = this.inDirectory(hash);
      return id === null ? null : (this.byIdFile.get(id) as { id: number; fileId: number | null });
    }
    return (this.byHash.get(hash) as { id: number; fileId: number | null } | undefined) ?? null;
  }

  /** Removes an article and everything derived from it. Returns false if there was none. */
  remove(id: number): boolean {
    const article = this.get(id);
    if (!article) return false;
    this.runIndexers('remove', {
      id: article.id,
      headline: article.headline,
      body: article.body,
      published: article.published,
      place: article.place,
      agency: article.agency,
      language: article.language,
      byline: article.byline,
      versionNote: article.versionNote,
    });
    this.deleteRow.run(id);
    return true;
  }

  private runIndexers(op: 'add' | 'remove', article: StoredArticle): void {
    if (!this.profile) {
      for (const indexer of this.indexers) indexer[op](article);
      return;
    }
    const ms = this.indexerMs;
    for (let i = 0; i < this.indexers.length; i++) {
      const t = performance.now();
      this.indexers[i]![op](article);
      ms[i] = (ms[i] ?? 0) + (performance.now() - t);
    }
  }

  /**
   * Runs `fn`, which writes articles inside the caller's transaction, with the indexers allowed
   * to hold their writes until it returns (see ArticleIndexer.begin). The import writes each
   * batch this way: the search index then inserts in rowid order, and FTS5 keeps its pending
   * data in memory only while rowids go up (it writes a segment each time one goes down).
   */
  batched<T>(fn: () => T): T {
    for (const indexer of this.indexers) indexer.begin?.();
    let done = false;
    try {
      const result = fn();
      this.indexers.forEach((indexer, i) => {
        if (!indexer.flush) return;
        const t = this.profile ? performance.now() : 0;
        indexer.flush();
        if (this.profile) this.indexerMs[i] = (this.indexerMs[i] ?? 0) + (performance.now() - t);
      });
      done = true;
      return result;
    } finally {
      if (!done) for (const indexer of this.indexers) indexer.discard?.();
    }
  }

  /**
   * The transaction a batch was written in did not commit (the commit itself can fail, after
   * `batched` returned): indexers forget what they remembered from it.
   */
  discardBatch(): void {
    for (const indexer of this.indexers) indexer.discard?.();
  }

  /** Whether an import is writing (between bulk(true) and bulk(false)): background index upkeep waits. */
  get bulkWriting(): boolean {
    return this.bulkOn;
  }

  /** An import starts or ends (see ArticleIndexer.bulk). */
  bulk(on: boolean): void {
    this.bulkOn = on;
    if (on) this.followHashIndex();
    for (const indexer of this.indexers) indexer.bulk?.(on);
  }

  /** Registers derived data to keep in step with the articles (see indexers.ts). */
  addIndexer(indexer: ArticleIndexer): void {
    this.indexers.push(indexer);
  }

  get(id: number): ArticleRecord | null {
    const row = this.byId.get(id) as ArticleRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      headline: row.headline,
      published: row.published,
      place: row.place,
      agency: row.agency,
      language: row.language,
      body: row.body,
      path: row.source_path,
      importedAt: row.imported_at,
      byline: row.byline,
      url: row.url,
      versionNote: row.version_note,
      site: row.site,
    };
  }

  total(): number {
    return this.count.get() as number;
  }
}

/** A statement prepared when first used. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
