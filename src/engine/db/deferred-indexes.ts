// Indexes whose keys arrive in random order during an import: content hashes, publication
// dates, agencies, speakers. Past a few hundred thousand articles they no longer fit in the page
// cache, and each new article then dirties a page of every one of them at a random place,
// which the WAL writes and the checkpoint writes again. A big import drops them when it
// starts and builds them again when it ends (CREATE INDEX sorts once: seconds at a million
// articles); an import killed in between leaves them missing, and the next open builds them.
// Queries stay correct without them, only slower, and only during that import.
import os from 'node:os';
import type { Db } from './open.ts';

export const DEFERRED_INDEXES: ReadonlyArray<{ name: string; on: string; unique?: boolean }> = [
  // The content hashes' uniqueness: while it is aside, the store finds duplicates in memory
  // (store/hash-directory.ts; ArticleStore.followHashIndex).
  { name: 'articles_by_hash', on: 'articles(content_hash)', unique: true },
  { name: 'articles_by_published', on: 'articles(published_at)' },
  { name: 'articles_by_agency', on: 'articles(agency, published_at)' },
  { name: 'quotes_by_person', on: 'quotes(person_id, published_at)' },
  { name: 'quotes_by_published', on: 'quotes(published_at)' },
];

/** The deferred indexes missing now. */
export function missingIndexes(db: Db): string[] {
  const present = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index'`).pluck().all() as string[]);
  return DEFERRED_INDEXES.filter((i) => !present.has(i.name)).map((i) => i.name);
}

/** Drops the deferred indexes, in one transaction. */
export function dropDeferredIndexes(db: Db): void {
  db.transaction(() => {
    for (const index of DEFERRED_INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`);
  })();
}

/**
 * Builds the deferred indexes that are missing, each in its own transaction; returns their names.
 * The sort spills to a temporary file, past a small page cache: at a million articles that
 * kept the build to ~15 MB more memory (instead of ~50) and was faster too (2.7 s, not 3.8).
 * It may also use helper threads (PRAGMA threads), one per other core up to four: when an import
 * ends and builds them, its parser workers are done, and at a million articles one helper took
 * the five builds from ~3.6 s to ~2.9 s on 2 cores.
 */
export function restoreDeferredIndexes(db: Db): string[] {
  const missing = new Set(missingIndexes(db));
  if (missing.size === 0) return [];
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma('cache_size = -8192');
  db.pragma('temp_store = FILE');
  db.pragma(`threads = ${Math.max(0, Math.min(4, os.availableParallelism() - 1))}`);
  try {
    for (const index of DEFERRED_INDEXES) {
      if (missing.has(index.name)) db.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${index.name} ON ${index.on}`);
    }
  } finally {
    db.pragma(`threads = ${threads}`);
    db.pragma(`temp_store = ${tempStore}`);
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return [...missing];
}
