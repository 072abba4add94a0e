// Keeps the FTS5 index (articles_fts, external content on articles) in step with the articles.
import type { Db } from '../db/open.ts';
import type { ArticleIndexer } from '../store/indexers.ts';

export function createFtsIndexer(db: Db): ArticleIndexer {
  const insert = db.prepare('INSERT INTO articles_fts (rowid, headline, body) VALUES (?, ?, ?)');
  // External-content FTS5 needs the old values to remove an entry.
  const remove = db.prepare(`INSERT INTO articles_fts (articles_fts, rowid, headline, body) VALUES ('delete', ?, ?, ?)`);
  return {
    name: 'full-text index',
    add: (a) => void insert.run(a.id, a.headline, a.body),
    remove: (a) => void remove.run(a.id, a.headline, a.body),
  };
}
