// The search index is derived data (DESIGN.md, 5): it records which version of the normaliser
// and layout built it, and when that is not the current one it is rebuilt from the articles, in
// batches, resumably (a restart carries on where the last run stopped). Articles stored while a
// rebuild runs are indexed by the indexer as usual; the rebuild only covers the ids that existed
// when it began.
import type { Db } from '../db/open.ts';
import type { StoredArticle } from '../store/indexers.ts';
import type { FtsIndexer } from './fts-indexer.ts';
import { FTS_TABLE } from './index-layout.ts';
import { forgetReportedWords, NORMALISER_VERSION } from './normalise.ts';

/** Layout version (index-layout.ts) times 1000 plus the normaliser's version. */
export const INDEX_VERSION = 2 * 1000 + NORMALISER_VERSION;

export interface RebuildProgress {
  done: number;
  total: number;
}

export class IndexState {
  private readonly db: Db;
  private readonly indexer: FtsIndexer;
  private readonly get;
  private readonly set;

  constructor(db: Db, indexer: FtsIndexer) {
    this.db = db;
    this.indexer = indexer;
    this.get = db.prepare('SELECT value FROM search_state WHERE name = ?').pluck();
    this.set = db.prepare('INSERT INTO search_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  }

  private value(name: string): number {
    return (this.get.get(name) as number | undefined) ?? 0;
  }

  get current(): boolean {
    return this.value('index_version') === INDEX_VERSION;
  }

  /** Starts a rebuild (or picks up the one in progress). Returns false if the index is current. */
  begin(force = false): boolean {
    if (this.current && !force) return false;
    if (force || this.value('building') !== INDEX_VERSION) {
      this.db.transaction(() => {
        this.db.prepare(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}) VALUES ('delete-all')`).run();
        this.db.prepare('DELETE FROM search_vocab').run();
        // Words this thread reported before are reported again as the rebuild meets them.
        forgetReportedWords();
        const until = this.db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck().get() as number;
        this.set.run('index_version', 0);
        this.set.run('building', INDEX_VERSION);
        this.set.run('rebuilt_upto', 0);
        this.set.run('rebuild_until', until);
      })();
    }
    return true;
  }

  progress(): RebuildProgress {
    const upto = this.value('rebuilt_upto');
    const until = this.value('rebuild_until');
    const count = this.db.prepare('SELECT (SELECT count(*) FROM articles WHERE id <= ?) AS total, (SELECT count(*) FROM articles WHERE id <= ?) AS done');
    const row = count.get(until, upto) as { total: number; done: number };
    return row;
  }

  /** Indexes the next batch of articles; returns true when the rebuild is complete. */
  step(batch = 2000): boolean {
    if (this.current) return true;
    const upto = this.value('rebuilt_upto');
    const until = this.value('rebuild_until');
    const rows = this.db
      .prepare('SELECT id, headline, body, published, place, agency, language FROM articles WHERE id > ? AND id <= ? ORDER BY id LIMIT ?')
      .all(upto, until, batch) as StoredArticle[];
    this.db.transaction(() => {
      for (const row of rows) this.indexer.add(row);
      const last = rows.length ? rows[rows.length - 1]!.id : until;
      this.set.run('rebuilt_upto', rows.length < batch ? until : last);
      if (rows.length < batch) {
        this.set.run('index_version', INDEX_VERSION);
        this.set.run('building', 0);
      }
    })();
    return rows.length < batch;
  }

  /** Marks a freshly filled index (every article went through the indexer) as current. */
  markCurrent(): void {
    this.db.transaction(() => {
      this.set.run('index_version', INDEX_VERSION);
      this.set.run('building', 0);
    })();
  }
}
