// The near-duplicate LSH bands move out of SQLite into memory (ingest/lsh-index.ts): the
// article_lsh table took 16 rows per article at random places, which at a million articles
// was most of the cost of an import. The signatures change too (one-permutation MinHash), so
// the stored ones are rebuilt at the next open: near-duplicates is a versioned derived kind
// (store/derived.ts), and a corpus without its row in derived_versions gets it built.
import type { Database } from 'better-sqlite3';

export const version = 30;
export const name = 'near-duplicates-in-memory';

export function up(db: Database): void {
  db.exec(`
    DROP TABLE article_lsh;
    DELETE FROM derived_versions WHERE name = 'near-duplicates';
  `);
}
