// The one place articles are written and read. Every write keeps the FTS index in the same
// transaction as the row, so the index can never disagree with the articles it describes.
import { createHash } from 'node:crypto';
import type { Article, ArticleMeta } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { sortableTime } from '../ingest/dates.ts';
import type { ArticleIndexer, StoredArticle } from './indexers.ts';

export interface NewArticle {
  headline: string;
  body: string;
  published: string | null;
  place: string | null;
  agency: string | null;
  language: string | null;
  sourcePath: string | null;
  importRunId: number | null;
}

/** The text two articles must share to be the same article: folded case and whitespace. */
export function contentHash(headline: string, body: string): string {
  const normalised = `${headline}\n${body}`.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
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
}

export const META_COLUMNS = 'a.id, a.headline, a.published, a.place, a.agency, a.language';

export function toMeta(row: ArticleMeta): ArticleMeta {
  return { id: row.id, headline: row.headline, published: row.published, place: row.place, agency: row.agency, language: row.language };
}

export class ArticleStore {
  private readonly insertRow;
  private readonly deleteRow;
  private readonly byId;
  private readonly count;
  private readonly indexers: ArticleIndexer[] = [];

  constructor(db: Db) {
    this.insertRow = db.prepare(`
      INSERT INTO articles (headline, published, published_at, place, agency, language, body, source_path, content_hash, import_run_id, imported_at)
      VALUES (@headline, @published, @publishedAt, @place, @agency, @language, @body, @sourcePath, @hash, @importRunId, @importedAt)
      ON CONFLICT (content_hash) DO NOTHING`);
    this.deleteRow = db.prepare('DELETE FROM articles WHERE id = ?');
    this.byId = db.prepare(`SELECT id, headline, published, place, agency, language, body, source_path, imported_at FROM articles WHERE id = ?`);
    this.count = db.prepare('SELECT count(*) AS n FROM articles').pluck();
  }

  /**
   * Stores an article unless an article with the same normalised text is already stored.
   * Returns the new id, or null for a duplicate. Call inside a transaction when batching.
   */
  insert(article: NewArticle): number | null {
    const result = this.insertRow.run({
      ...article,
      publishedAt: sortableTime(article.published),
      hash: contentHash(article.headline, article.body),
      importedAt: new Date().toISOString(),
    });
    if (result.changes === 0) return null;
    const id = Number(result.lastInsertRowid);
    const stored: StoredArticle = { id, headline: article.headline, body: article.body, published: article.published, place: article.place, agency: article.agency, language: article.language };
    for (const indexer of this.indexers) indexer.add(stored);
    return id;
  }

  /** Removes an article and everything derived from it. Returns false if there was none. */
  remove(id: number): boolean {
    const article = this.get(id);
    if (!article) return false;
    for (const indexer of this.indexers) indexer.remove(article);
    this.deleteRow.run(id);
    return true;
  }

  /** Registers derived data to keep in step with the articles (see indexers.ts). */
  addIndexer(indexer: ArticleIndexer): void {
    this.indexers.push(indexer);
  }

  get(id: number): Article | null {
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
    };
  }

  total(): number {
    return this.count.get() as number;
  }
}
