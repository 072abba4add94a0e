// Collections: named lists of quotes and passages, each item keeping its verbatim text, the
// article and offsets it came from, and a citation snapshot. Every change is one entry in an
// operations log (collection_ops) holding the rows it changed before and after, so undo and
// redo are the same generic step in either direction and survive restarts.
import type {
  AddItemsArgs, BriefingSettings, Collection, CollectionItem, CollectionSummary, ItemStatus, UndoState,
} from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { WbFailure } from '../errors.ts';
import { recheckItems } from './provenance.ts';

type Table = 'collections' | 'collection_items';
type Row = Record<string, unknown>;
interface Change {
  table: Table;
  id: number;
  before: Row | null;
  after: Row | null;
}

const MAX_OPS = 1000;

interface ItemRow {
  id: number;
  collection_id: number;
  position: number;
  quote_id: number | null;
  article_id: number | null;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  description: string | null;
  note: string;
  tags: string;
  section: string;
  status: ItemStatus;
  headline: string;
  published: string | null;
  place: string | null;
  agency: string | null;
  created_at: string;
}

export const DEFAULT_BRIEFING: BriefingSettings = { title: '', author: '', date: '', intro: '', groupBy: 'none' };

export function toItem(r: ItemRow): CollectionItem {
  return {
    id: r.id,
    collectionId: r.collection_id,
    position: r.position,
    quoteId: r.quote_id,
    articleId: r.article_id,
    start: r.start,
    end: r.end,
    text: r.text,
    speaker: r.speaker,
    description: r.description,
    note: r.note,
    tags: JSON.parse(r.tags) as string[],
    section: r.section,
    status: r.status,
    headline: r.headline,
    published: r.published,
    place: r.place,
    agency: r.agency,
    createdAt: r.created_at,
  };
}

export class Collections {
  private readonly db: Db;
  private readonly st;
  /** Called with the ids of collections that changed, after each committed change. */
  onChange: (ids: number[]) => void = () => {};

  constructor(db: Db) {
    this.db = db;
    this.st = {
      list: db.prepare(`SELECT c.id, c.name, c.updated_at AS updatedAt,
          (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id) AS items,
          (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id AND i.status <> 'ok') AS flagged
        FROM collections c ORDER BY c.updated_at DESC, c.id DESC`),
      summary: db.prepare(`SELECT c.id, c.name, c.updated_at AS updatedAt,
          (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id) AS items,
          (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id AND i.status <> 'ok') AS flagged
        FROM collections c WHERE c.id = ?`),
      byName: db.prepare('SELECT id FROM collections WHERE name = ?').pluck(),
      briefing: db.prepare('SELECT briefing FROM collections WHERE id = ?').pluck(),
      items: db.prepare('SELECT * FROM collection_items WHERE collection_id = ? ORDER BY position, id'),
      item: db.prepare('SELECT * FROM collection_items WHERE id = ?'),
      row: { collections: db.prepare('SELECT * FROM collections WHERE id = ?'), collection_items: db.prepare('SELECT * FROM collection_items WHERE id = ?') },
      del: { collections: db.prepare('DELETE FROM collections WHERE id = ?'), collection_items: db.prepare('DELETE FROM collection_items WHERE id = ?') },
      insertCollection: db.prepare('INSERT INTO collections (name, briefing, created_at, updated_at) VALUES (?, ?, ?, ?)'),
      touch: db.prepare('UPDATE collections SET updated_at = ? WHERE id = ?'),
      rename: db.prepare('UPDATE collections SET name = ? WHERE id = ?'),
      setBriefing: db.prepare('UPDATE collections SET briefing = ? WHERE id = ?'),
      itemIdsOf: db.prepare('SELECT id FROM collection_items WHERE collection_id = ? ORDER BY position, id').pluck(),
      maxPosition: db.prepare('SELECT coalesce(max(position), -1) FROM collection_items WHERE collection_id = ?').pluck(),
      setPosition: db.prepare('UPDATE collection_items SET position = ?, collection_id = ? WHERE id = ?'),
      quote: db.prepare(`SELECT q.id, q.article_id, q.start, q.end, q.text, q.speaker, q.description FROM quotes q WHERE q.id = ?`),
      article: db.prepare('SELECT id, headline, body, published, place, agency, source_path, content_hash FROM articles WHERE id = ?'),
      insertItem: db.prepare(`INSERT INTO collection_items (collection_id, position, quote_id, article_id, start, end, text, speaker, description, note, tags, section,
          article_hash, headline, published, place, agency, source_path, status, created_at)
        VALUES (@collection_id, @position, @quote_id, @article_id, @start, @end, @text, @speaker, @description, @note, @tags, '',
          @article_hash, @headline, @published, @place, @agency, @source_path, 'ok', @created_at)`),
      updateItem: db.prepare('UPDATE collection_items SET note = ?, tags = ?, section = ? WHERE id = ?'),
      lastOp: db.prepare('SELECT id, label, changes FROM collection_ops WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
      firstUndone: db.prepare('SELECT id, label, changes FROM collection_ops WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
      dropRedo: db.prepare('DELETE FROM collection_ops WHERE undone = 1'),
      logOp: db.prepare('INSERT INTO collection_ops (label, changes, at) VALUES (?, ?, ?)'),
      trimOps: db.prepare('DELETE FROM collection_ops WHERE id <= (SELECT max(id) FROM collection_ops) - ?'),
      markOp: db.prepare('UPDATE collection_ops SET undone = ? WHERE id = ?'),
    };
  }

  // ---------- reading ----------

  list(): CollectionSummary[] {
    return this.st.list.all() as CollectionSummary[];
  }

  summary(id: number): CollectionSummary {
    const row = this.st.summary.get(id) as CollectionSummary | undefined;
    if (!row) throw new WbFailure('not_found', `There is no collection ${id}.`);
    return row;
  }

  get(id: number): Collection {
    const summary = this.summary(id);
    const briefing = { ...DEFAULT_BRIEFING, ...(JSON.parse(this.st.briefing.get(id) as string) as Partial<BriefingSettings>) };
    return { ...summary, briefing, itemList: (this.st.items.all(id) as ItemRow[]).map(toItem) };
  }

  idByName(name: string): number | null {
    return (this.st.byName.get(name.trim()) as number | undefined) ?? null;
  }

  item(id: number): CollectionItem {
    const row = this.st.item.get(id) as ItemRow | undefined;
    if (!row) throw new WbFailure('not_found', `There is no collection item ${id}.`);
    return toItem(row);
  }

  // ---------- changing (each one undoable) ----------

  create(name: string): CollectionSummary {
    const clean = name.trim();
    if (this.idByName(clean) !== null) throw new WbFailure('bad_request', `There is already a collection called "${clean}".`);
    const id = this.record(`Create collection ${clean}`, [], () => {
      const now = new Date().toISOString();
      const newId = Number(this.st.insertCollection.run(clean, '{}', now, now).lastInsertRowid);
      return { created: [['collections', newId]], result: newId, collections: [newId] };
    });
    return this.summary(id);
  }

  rename(id: number, name: string): CollectionSummary {
    const clean = name.trim();
    this.summary(id);
    const other = this.idByName(clean);
    if (other !== null && other !== id) throw new WbFailure('bad_request', `There is already a collection called "${clean}".`);
    this.record(`Rename collection to ${clean}`, [['collections', id]], () => {
      this.st.rename.run(clean, id);
      this.st.touch.run(new Date().toISOString(), id);
      return { created: [], result: id, collections: [id] };
    });
    return this.summary(id);
  }

  delete(id: number): boolean {
    const summary = this.summary(id);
    const items = this.st.itemIdsOf.all(id) as number[];
    this.record(`Delete collection ${summary.name}`, [['collections', id], ...items.map((i) => ['collection_items', i] as [Table, number])], () => {
      this.st.del.collections.run(id);
      return { created: [], result: id, collections: [id] };
    });
    return true;
  }

  addItems(args: AddItemsArgs): CollectionItem[] {
    const summary = this.summary(args.collectionId);
    const tags = JSON.stringify(normaliseTags(args.tags ?? []));
    const ids = this.record(`Add ${args.items.length === 1 ? 'an item' : `${args.items.length} items`} to ${summary.name}`, [['collections', args.collectionId]], () => {
      let position = (this.st.maxPosition.get(args.collectionId) as number) + 1;
      const now = new Date().toISOString();
      const created: number[] = [];
      for (const item of args.items) {
        let source: { quote_id: number | null; article_id: number; start: number; end: number; speaker: string | null; description: string | null };
        if ('quoteId' in item) {
          const q = this.st.quote.get(item.quoteId) as { id: number; article_id: number; start: number; end: number; speaker: string | null; description: string | null } | undefined;
          if (!q) throw new WbFailure('not_found', `There is no quote ${item.quoteId}.`);
          source = { quote_id: q.id, article_id: q.article_id, start: q.start, end: q.end, speaker: q.speaker, description: q.description };
        } else {
          if (item.end <= item.start) throw new WbFailure('bad_request', 'A passage must have at least one character (end after start).');
          source = { quote_id: null, article_id: item.articleId, start: item.start, end: item.end, speaker: item.speaker?.trim() || null, description: null };
        }
        const a = this.st.article.get(source.article_id) as
          | { id: number; headline: string; body: string; published: string | null; place: string | null; agency: string | null; source_path: string | null; content_hash: string }
          | undefined;
        if (!a) throw new WbFailure('not_found', `There is no article ${source.article_id}.`);
        if (source.end > a.body.length) throw new WbFailure('bad_request', `The passage runs past the end of article ${a.id} (${a.body.length} characters).`);
        const text = a.body.slice(source.start, source.end);
        if (!text.trim()) throw new WbFailure('bad_request', 'The passage is empty.');
        const id = Number(
          this.st.insertItem.run({
            collection_id: args.collectionId, position: position++, ...source, text, note: args.note ?? '', tags,
            article_hash: a.content_hash, headline: a.headline, published: a.published, place: a.place, agency: a.agency, source_path: a.source_path, created_at: now,
          }).lastInsertRowid,
        );
        created.push(id);
      }
      this.st.touch.run(now, args.collectionId);
      return { created: created.map((i) => ['collection_items', i] as [Table, number]), result: created, collections: [args.collectionId] };
    });
    return ids.map((i) => this.item(i));
  }

  updateItem(itemId: number, change: { note?: string; tags?: string[]; section?: string }): CollectionItem {
    const item = this.item(itemId);
    this.record('Edit item', [['collection_items', itemId]], () => {
      this.st.updateItem.run(change.note ?? item.note, JSON.stringify(change.tags ? normaliseTags(change.tags) : item.tags), change.section?.trim() ?? item.section, itemId);
      return { created: [], result: itemId, collections: [item.collectionId] };
    });
    return this.item(itemId);
  }

  removeItems(itemIds: number[]): number {
    const items = [...new Set(itemIds)].map((i) => this.item(i));
    const collections = [...new Set(items.map((i) => i.collectionId))];
    this.record(`Remove ${items.length === 1 ? 'an item' : `${items.length} items`}`, items.map((i) => ['collection_items', i.id] as [Table, number]), () => {
      for (const i of items) this.st.del.collection_items.run(i.id);
      return { created: [], result: items.length, collections };
    });
    return items.length;
  }

  moveItem(itemId: number, toCollectionId: number | undefined, position: number): CollectionItem {
    const item = this.item(itemId);
    const target = toCollectionId ?? item.collectionId;
    const targetName = this.summary(target).name;
    const affected = new Set<number>([...(this.st.itemIdsOf.all(item.collectionId) as number[]), ...(this.st.itemIdsOf.all(target) as number[])]);
    const label = target === item.collectionId ? 'Reorder items' : `Move an item to ${targetName}`;
    const rows: Array<[Table, number]> = [...new Set([item.collectionId, target])].map((c) => ['collections', c]);
    this.record(label, [...rows, ...[...affected].map((i) => ['collection_items', i] as [Table, number])], () => {
      const now = new Date().toISOString();
      // Renumber both lists densely, with the item at its new place.
      const source = (this.st.itemIdsOf.all(item.collectionId) as number[]).filter((i) => i !== itemId);
      const dest = target === item.collectionId ? source : (this.st.itemIdsOf.all(target) as number[]);
      dest.splice(Math.min(position, dest.length), 0, itemId);
      if (target !== item.collectionId) source.forEach((id, k) => this.st.setPosition.run(k, item.collectionId, id));
      dest.forEach((id, k) => this.st.setPosition.run(k, target, id));
      this.st.touch.run(now, target);
      if (target !== item.collectionId) this.st.touch.run(now, item.collectionId);
      return { created: [], result: itemId, collections: [...new Set([item.collectionId, target])] };
    });
    return this.item(itemId);
  }

  setBriefing(id: number, briefing: BriefingSettings): BriefingSettings {
    this.summary(id);
    this.record('Edit briefing', [['collections', id]], () => {
      this.st.setBriefing.run(JSON.stringify(briefing), id);
      this.st.touch.run(new Date().toISOString(), id);
      return { created: [], result: id, collections: [id] };
    });
    return briefing;
  }

  // ---------- undo / redo ----------

  history(): UndoState {
    const last = this.st.lastOp.get() as { label: string } | undefined;
    const next = this.st.firstUndone.get() as { label: string } | undefined;
    return { canUndo: Boolean(last), canRedo: Boolean(next), undoLabel: last?.label ?? null, redoLabel: next?.label ?? null };
  }

  undo(): UndoState {
    const op = this.st.lastOp.get() as { id: number; changes: string } | undefined;
    if (!op) throw new WbFailure('not_found', 'There is nothing to undo.');
    const changes = JSON.parse(op.changes) as Change[];
    const ids = this.db.transaction(() => {
      this.apply(changes, 'before');
      recheckItems(this.db, changes.filter((c) => c.table === 'collection_items' && c.before).map((c) => c.id));
      this.st.markOp.run(1, op.id);
      return collectionIdsOf(changes);
    })();
    this.onChange(ids);
    return this.history();
  }

  redo(): UndoState {
    const op = this.st.firstUndone.get() as { id: number; changes: string } | undefined;
    if (!op) throw new WbFailure('not_found', 'There is nothing to redo.');
    const changes = JSON.parse(op.changes) as Change[];
    const ids = this.db.transaction(() => {
      this.apply(changes, 'after');
      recheckItems(this.db, changes.filter((c) => c.table === 'collection_items' && c.after).map((c) => c.id));
      this.st.markOp.run(0, op.id);
      return collectionIdsOf(changes);
    })();
    this.onChange(ids);
    return this.history();
  }

  /**
   * Restores every changed row to one side of a change. Collections are written before their
   * items and items deleted before their collections, so foreign keys hold at every step.
   * Provenance (status, article link) is not part of the undoable state: an item keeps what
   * the articles say now.
   */
  private apply(changes: Change[], side: 'before' | 'after'): void {
    const order = (t: Table, deleting: boolean): number => (t === 'collections' ? (deleting ? 1 : 0) : deleting ? 0 : 1);
    const steps = changes.map((c) => ({ c, row: c[side] })).sort((a, b) => order(a.c.table, a.row === null) - order(b.c.table, b.row === null));
    for (const { c } of steps.filter((s) => s.row === null)) this.st.del[c.table].run(c.id);
    for (const { c, row } of steps.filter((s) => s.row !== null)) {
      const current = this.st.row[c.table].get(c.id) as Row | undefined;
      const values = { ...row! };
      if (c.table === 'collection_items' && current) {
        for (const k of ['status', 'article_id', 'start', 'end', 'quote_id']) values[k] = current[k];
      }
      const columns = Object.keys(values);
      // Column names come from our own rows (SELECT *), never from input.
      const sql = `INSERT INTO ${c.table} (${columns.join(', ')}) VALUES (${columns.map((k) => `@${k}`).join(', ')})
        ON CONFLICT (id) DO UPDATE SET ${columns.filter((k) => k !== 'id').map((k) => `${k} = excluded.${k}`).join(', ')}`;
      this.db.prepare(sql).run(values);
    }
  }

  /**
   * Runs one change in a transaction and logs it with the before and after images of the
   * rows it changed: those named up front (`touched`) and those it reports as new.
   */
  private record<T>(label: string, touched: Array<[Table, number]>, mutate: () => { created: Array<[Table, number]>; result: T; collections: number[] }): T {
    const { result, collections } = this.db.transaction(() => {
      const snap = (t: Table, id: number): Row | null => (this.st.row[t].get(id) as Row | undefined) ?? null;
      const changes: Change[] = touched.map(([table, id]) => ({ table, id, before: snap(table, id), after: null }));
      const out = mutate();
      for (const [table, id] of out.created) changes.push({ table, id, before: null, after: null });
      for (const c of changes) c.after = snap(c.table, c.id);
      this.st.dropRedo.run();
      this.st.logOp.run(label, JSON.stringify(changes), new Date().toISOString());
      this.st.trimOps.run(MAX_OPS);
      return out;
    })();
    this.onChange(collections);
    return result;
  }
}

function collectionIdsOf(changes: Change[]): number[] {
  const ids = new Set<number>();
  for (const c of changes) {
    if (c.table === 'collections') ids.add(c.id);
    else for (const row of [c.before, c.after]) if (row) ids.add(row.collection_id as number);
  }
  return [...ids];
}

function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}
