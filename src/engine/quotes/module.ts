// Quotes, collections and briefings as engine methods.
import type { EngineContext, EngineModule } from '../context.ts';
import { exportCollection } from '../briefings/export.ts';
import type { Collections } from '../collections/service.ts';
import { SegmentMerger } from '../search/segment-upkeep.ts';
import type { QuoteSearch } from './search.ts';

export function createQuotesModule(ctx: EngineContext, quotes: QuoteSearch): EngineModule {
  // The quotes index gets new segments with every import, as the search index does.
  // Not while an import writes: it adds segments without merging them (segment-upkeep.ts).
  const merger = new SegmentMerger(ctx.db, 'quotes_fts', { log: ctx.log, busy: () => ctx.store.bulkWriting });
  merger.schedule();
  return {
    handlers: {
      'quotes.search': (args) => quotes.search(args),
      'quotes.get': ({ id }) => quotes.get(id),
      'quotes.timeline': (args) => quotes.timeline(args),
    },
    corpusChanged: () => merger.schedule(),
    upkeep: () => merger.mergeNow(),
    close: () => merger.close(),
  };
}

export function createCollectionsModule(_ctx: EngineContext, collections: Collections): EngineModule {
  return {
    handlers: {
      'collections.list': () => ({ collections: collections.list() }),
      'collections.get': ({ id }) => collections.get(id),
      'collections.create': ({ name }) => collections.create(name),
      'collections.rename': ({ id, name }) => collections.rename(id, name),
      'collections.delete': ({ id }) => ({ deleted: collections.delete(id) }),
      'collections.addItems': (args) => ({ items: collections.addItems(args) }),
      'collections.updateItem': ({ itemId, ...change }) => collections.updateItem(itemId, change),
      'collections.removeItems': ({ itemIds }) => ({ removed: collections.removeItems(itemIds) }),
      'collections.moveItem': ({ itemId, toCollectionId, position }) => collections.moveItem(itemId, toCollectionId, position),
      'collections.setBriefing': ({ id, briefing }) => collections.setBriefing(id, briefing),
      'collections.undo': () => collections.undo(),
      'collections.redo': () => collections.redo(),
      'collections.history': () => collections.history(),
      'briefing.export': ({ collectionId, format, path }) => exportCollection(collections.get(collectionId), format, path),
    },
  };
}
