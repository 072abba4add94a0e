// Provenance of collected items across re-imports. An item points at its article and offsets
// and keeps its verbatim text. When the article is removed (deleted, or replaced by a changed
// version on re-import), the item is flagged source_removed and unlinked; when an article from
// the same file comes in, the item's verbatim text is looked for in it, and if found the item
// is re-linked there and flagged source_changed. The text itself is never altered.
import type { Db } from '../db/open.ts';
import type { ArticleIndexer } from '../store/indexers.ts';

export function createProvenanceIndexer(db: Db, changed: (collectionIds: number[]) => void): ArticleIndexer {
  const linked = db.prepare('SELECT DISTINCT collection_id FROM collection_items WHERE article_id = ?').pluck();
  const unlink = db.prepare(`UPDATE collection_items SET status = 'source_removed', article_id = NULL, quote_id = NULL WHERE article_id = ?`);
  const pathOf = db.prepare('SELECT source_path FROM articles WHERE id = ?').pluck();
  const orphans = db.prepare(`SELECT id, collection_id AS collectionId, text, start FROM collection_items WHERE status = 'source_removed' AND source_path = ?`);
  const relink = db.prepare(`UPDATE collection_items SET status = 'source_changed', article_id = ?, start = ?, end = ?,
      quote_id = (SELECT q.id FROM quotes q WHERE q.article_id = ? AND q.start = ? AND q.end = ?) WHERE id = ?`);
  const anyOrphan = db.prepare(`SELECT EXISTS (SELECT 1 FROM collection_items WHERE status = 'source_removed')`).pluck();
  // During an import batch: whether any item waits for its source, asked once per batch; when
  // none does, adding an article needs no query at all.
  let orphansExist: boolean | null = null;
  return {
    name: 'collection provenance',
    remove(article) {
      const ids = linked.all(article.id) as number[];
      if (ids.length === 0) return;
      unlink.run(article.id);
      if (orphansExist !== null) orphansExist = true;
      changed(ids);
    },
    begin() {
      orphansExist = anyOrphan.get() === 1;
    },
    flush() {
      orphansExist = null;
    },
    discard() {
      orphansExist = null;
    },
    add(article) {
      if (orphansExist === false) return;
      const path = pathOf.get(article.id) as string | null | undefined;
      if (!path) return;
      const items = orphans.all(path) as Array<{ id: number; collectionId: number; text: string; start: number }>;
      const ids = new Set<number>();
      for (const item of items) {
        const at = nearestOccurrence(article.body, item.text, item.start);
        if (at < 0) continue;
        relink.run(article.id, at, at + item.text.length, article.id, at, at + item.text.length, item.id);
        ids.add(item.collectionId);
      }
      if (ids.size) changed([...ids]);
    },
  };
}

/** The occurrence of `text` in `body` closest to where it used to start, or -1. */
export function nearestOccurrence(body: string, text: string, near: number): number {
  let best = -1;
  for (let i = body.indexOf(text); i >= 0; i = body.indexOf(text, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

/** Re-checks items against the articles as they are now (after undo/redo restored rows). */
export function recheckItems(db: Db, itemIds: number[]): void {
  const item = db.prepare('SELECT id, article_id AS articleId, start, end, text, article_hash AS hash, status FROM collection_items WHERE id = ?');
  const article = db.prepare('SELECT body, content_hash AS hash FROM articles WHERE id = ?');
  const set = db.prepare('UPDATE collection_items SET status = ?, article_id = ?, start = ?, end = ? WHERE id = ?');
  for (const id of itemIds) {
    const it = item.get(id) as { id: number; articleId: number | null; start: number; end: number; text: string; hash: string; status: string } | undefined;
    if (!it || it.articleId === null) continue;
    const a = article.get(it.articleId) as { body: string; hash: string } | undefined;
    if (!a) {
      set.run('source_removed', null, it.start, it.end, id);
    } else if (a.body.slice(it.start, it.end) !== it.text) {
      const at = nearestOccurrence(a.body, it.text, it.start);
      if (at < 0) set.run('source_removed', null, it.start, it.end, id);
      else set.run('source_changed', it.articleId, at, at + it.text.length, id);
    } else if (a.hash !== it.hash && it.status === 'ok') {
      set.run('source_changed', it.articleId, it.start, it.end, id);
    }
  }
}
