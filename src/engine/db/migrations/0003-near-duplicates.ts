// 0003: near-duplicate detection. Each article's MinHash signature, the group it belongs to
// (articles telling the same story: wire copy republished, "UPDATE 1", a light rewrite), and
// LSH band keys to find candidates without comparing every pair. Written only by the
// near-duplicate indexer (ingest/near-duplicates.ts), so it is rebuildable from the articles.
import type { Database } from 'better-sqlite3';

export const version = 3;
export const name = 'near-duplicates';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE article_minhash (
      article_id INTEGER PRIMARY KEY,
      signature  BLOB NOT NULL,     -- 48 x int32 minimum hashes of the text's word shingles
      group_id   INTEGER NOT NULL   -- the id of the group's first article; alone = its own id
    ) STRICT;
    CREATE INDEX article_minhash_by_group ON article_minhash(group_id);

    CREATE TABLE article_lsh (
      band_key   INTEGER NOT NULL,  -- band number * 2^32 + hash of the band's rows
      article_id INTEGER NOT NULL,
      PRIMARY KEY (band_key, article_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
