// Collections: items with provenance, reordering and moving, undo and redo that survive a
// restart, and items that are flagged, never altered, when their article changes or goes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { createProvenanceIndexer } from '../../src/engine/collections/provenance.ts';
import { createQuoteIndexer } from '../../src/engine/quotes/indexer.ts';
import { createFtsIndexer } from '../../src/engine/search/fts-indexer.ts';
import { ArticleStore } from '../../src/engine/store/articles.ts';
import { REPO, tempDir } from '../support/temp.ts';

const QUOTES = path.join(REPO, 'tests/fixtures/quotes');

async function open<T>(dir: string, work: (api: Client, engine: ReturnType<typeof createEngine>) => Promise<T>): Promise<T> {
  const engine = createEngine({ dataDir: dir, log: () => {} });
  try {
    return await work(createClient(engine), engine);
  } finally {
    await engine.close();
  }
}

describe('collections', () => {
  it('creates, renames, adds quotes and passages with notes and tags, reorders, moves and deletes, each undoable across restarts', async () => {
    const dir = tempDir();
    await open(dir, async (api) => {
      await api.call('import.run', { paths: [QUOTES] });
      const peskov = await api.call('quotes.search', { query: 'speaker:Peskov', sort: 'article', limit: 3 });
      const a = await api.call('collections.create', { name: 'Peskov' });
      const b = await api.call('collections.create', { name: 'Other' });
      await expect(api.call('collections.create', { name: 'peskov' })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.call('collections.create', { name: '  ' })).rejects.toMatchObject({ code: 'bad_request' });
      const { items } = await api.call('collections.addItems', { collectionId: a.id, items: peskov.quotes.map((q) => ({ quoteId: q.id })), note: 'for the brief', tags: ['talks', ' talks ', 'kremlin'] });
      expect(items.map((i) => i.text)).toEqual(peskov.quotes.map((q) => q.text));
      expect(items[0]).toMatchObject({ speaker: 'Dmitry Peskov', note: 'for the brief', tags: ['talks', 'kremlin'], status: 'ok', agency: 'Interfax', position: 0 });
      // Any passage selected in the reader.
      const article = await api.call('article.get', { id: peskov.quotes[0]!.articleId });
      const start = article.body.indexOf('The delegations will keep');
      const [passage] = (await api.call('collections.addItems', { collectionId: b.id, items: [{ articleId: article.id, start, end: start + 60 }] })).items;
      expect(passage!.text).toBe(article.body.slice(start, start + 60));
      await expect(api.call('collections.addItems', { collectionId: b.id, items: [{ articleId: article.id, start: 5, end: 5 }] })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.call('collections.addItems', { collectionId: b.id, items: [{ articleId: article.id, start: 0, end: 10_000_000 }] })).rejects.toMatchObject({ code: 'bad_request' });

      // Reorder: the last item first.
      await api.call('collections.moveItem', { itemId: items[2]!.id, position: 0 });
      expect((await api.call('collections.get', { id: a.id })).itemList.map((i) => i.id)).toEqual([items[2]!.id, items[0]!.id, items[1]!.id]);
      // Move to the other collection, at its top.
      await api.call('collections.moveItem', { itemId: items[0]!.id, toCollectionId: b.id, position: 0 });
      expect((await api.call('collections.get', { id: b.id })).itemList.map((i) => i.id)).toEqual([items[0]!.id, passage!.id]);
      await api.call('collections.updateItem', { itemId: items[1]!.id, note: 'changed', section: 'Summit' });
      await api.call('collections.rename', { id: a.id, name: 'Peskov on the talks' });
      await api.call('collections.delete', { id: b.id });
      expect((await api.call('collections.list', {})).collections.map((c) => c.name)).toEqual(['Peskov on the talks']);
      expect((await api.call('collections.history', {})).undoLabel).toBe('Delete collection Other');
    });

    // Undo survives a restart of the engine.
    await open(dir, async (api) => {
      await api.call('collections.undo', {}); // delete
      const other = (await api.call('collections.list', {})).collections.find((c) => c.name === 'Other')!;
      expect(other.items).toBe(2);
      await api.call('collections.undo', {}); // rename
      await api.call('collections.undo', {}); // note
      const peskov = (await api.call('collections.list', {})).collections.find((c) => c.name === 'Peskov')!;
      expect((await api.call('collections.get', { id: peskov.id })).itemList.every((i) => i.note === 'for the brief' && i.section === '')).toBe(true);
      await api.call('collections.undo', {}); // move between collections
      await api.call('collections.undo', {}); // reorder
      const restored = await api.call('collections.get', { id: peskov.id });
      expect(restored.itemList.map((i) => i.position)).toEqual([0, 1, 2]);
      const ids = restored.itemList.map((i) => i.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      // Redo the reorder and the move; a new change then drops what is left to redo.
      await api.call('collections.redo', {});
      await api.call('collections.redo', {});
      expect((await api.call('collections.get', { id: other.id })).itemList).toHaveLength(2);
      await api.call('collections.removeItems', { itemIds: [restored.itemList[1]!.id] });
      expect((await api.call('collections.history', {})).canRedo).toBe(false);
      await api.call('collections.undo', {});
      expect((await api.call('collections.get', { id: peskov.id })).itemList).toHaveLength(2);
    });
  });

  it('flags items whose article was removed or changed on re-import, and never alters their text', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'in');
    fs.mkdirSync(source);
    const file = path.join(source, 'grain.txt');
    const original = fs.readFileSync(path.join(QUOTES, 'grain-deal-reuters.txt'), 'utf8');
    fs.writeFileSync(file, original);
    await open(path.join(dir, 'data'), async (api, engine) => {
      await api.call('import.run', { paths: [source] });
      const reed = await api.call('quotes.search', { query: 'speaker:Reed' });
      const weiss = await api.call('quotes.search', { query: 'speaker:Weiss' });
      const c = await api.call('collections.create', { name: 'Grain' });
      const { items } = await api.call('collections.addItems', { collectionId: c.id, items: [{ quoteId: reed.quotes[0]!.id }, { quoteId: weiss.quotes[0]!.id }] });
      const changed: number[][] = [];
      api.on('onCollectionsChanged', (e) => changed.push(e.collectionIds));

      // Issue 3's incremental re-import: the old article is removed, the edited one inserted.
      const store = new ArticleStore(engine.db);
      store.addIndexer(createFtsIndexer(engine.db));
      store.addIndexer(createQuoteIndexer(engine.db));
      store.addIndexer(createProvenanceIndexer(engine.db, () => {}));
      const old = await api.call('article.get', { id: items[0]!.articleId! });
      engine.db.transaction(() => store.remove(old.id))();
      let after = await api.call('collections.get', { id: c.id });
      expect(after.itemList.map((i) => i.status)).toEqual(['source_removed', 'source_removed']);
      expect(after.itemList.map((i) => i.text)).toEqual(items.map((i) => i.text));
      expect(after.flagged).toBe(2);

      // The new version keeps Reed's words (moved by an inserted paragraph) but drops Weiss's.
      const edited = old.body.replace('Reed said his company', 'Shipping data showed fewer departures.\n\nReed said his company').replace(/"Nobody in this market[^\n]*\n/, '');
      engine.db.transaction(() => store.insert({ headline: old.headline, body: edited, published: old.published, place: old.place, agency: old.agency, language: 'en', sourcePath: old.path, importRunId: null }))();
      after = await api.call('collections.get', { id: c.id });
      const [reedItem, weissItem] = after.itemList;
      expect(reedItem).toMatchObject({ status: 'source_changed', text: items[0]!.text });
      const newArticle = await api.call('article.get', { id: reedItem!.articleId! });
      expect(newArticle.body.slice(reedItem!.start, reedItem!.end)).toBe(items[0]!.text);
      expect(weissItem).toMatchObject({ status: 'source_removed', articleId: null, text: items[1]!.text, headline: old.headline, agency: 'Reuters' });
      // The export still cites the removed source and says so.
      const md = Buffer.from((await api.call('briefing.export', { collectionId: c.id, format: 'md' })).data!, 'base64').toString('utf8');
      expect(md).toContain('no longer in the corpus');
      expect(md).toContain(items[1]!.text.slice(0, 30));
    });
  });
});
