// Search: queries, counts, facets, suggestions, export, saved searches and history, the
// name-variant groups, and the upkeep of the index (rebuilt in the background when it was built
// by another version of the normaliser, or on request; its segments merged after big imports).
import type { SearchExportArgs, SearchExportResult, SearchOptions, SearchQueryArgs } from '../../shared/api.ts';
import type { EngineContext, EngineModule } from '../context.ts';
import { WbFailure } from '../errors.ts';
import { exportResults, exportTo, type ExportSink } from './export.ts';
import type { FtsIndexer } from './fts-indexer.ts';
import { FTS_TABLE } from './index-layout.ts';
import { IndexState } from './index-state.ts';
import { SavedSearches } from './saved.ts';
import type { SearchService } from './search.ts';
import { SegmentMerger } from './segment-upkeep.ts';
import { Suggestions } from './suggest.ts';

const REBUILD_BATCH = 2000;

function optionsOf(args: SearchQueryArgs): SearchOptions {
  const { query: _query, ...options } = args;
  return options;
}

export interface SearchModule extends EngineModule {
  /** Resolves when the index is current (at once when it already is). */
  indexReady(): Promise<void>;
  /** search.export to any sink (the CLI's stdout), with the same progress events. */
  exportTo(args: Omit<SearchExportArgs, 'path'>, sink: ExportSink): Promise<SearchExportResult>;
}

export function createSearchModule(ctx: EngineContext, search: SearchService, indexer: FtsIndexer): SearchModule {
  const saved = new SavedSearches(ctx.db);
  const suggestions = new Suggestions(ctx.db, ctx.dataDir, search.profiles, () => ctx.store.bulkWriting);
  const state = new IndexState(ctx.db, indexer);
  let rebuilding: Promise<void> | null = null;
  let closed = false;
  const exports = new Set<AbortController>();

  /** Rebuilds the index in batches, yielding between them so calls and events get through. */
  const rebuild = (force: boolean): Promise<void> => {
    if (rebuilding) return rebuilding;
    if (!state.begin(force)) return Promise.resolve();
    const run = async (): Promise<void> => {
      let last = 0;
      for (;;) {
        if (closed) return;
        const finished = state.step(REBUILD_BATCH);
        if (finished || Date.now() - last > 250) {
          last = Date.now();
          const p = state.progress();
          ctx.emit('onReindexProgress', { done: p.done, total: p.total, finished });
        }
        if (finished) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      search.corpusChanged();
      suggestions.invalidate();
    };
    // Cleared only if still the current run (a small index finishes before this assignment).
    const current: Promise<void> = run().finally(() => {
      if (rebuilding === current) rebuilding = null;
    });
    rebuilding = current;
    return rebuilding;
  };

  // Not while an import writes: it adds segments without merging them (segment-upkeep.ts).
  const merger = new SegmentMerger(ctx.db, FTS_TABLE, { log: ctx.log, busy: () => rebuilding !== null || ctx.store.bulkWriting });
  merger.schedule();

  if (!state.current) {
    rebuild(false).catch((error: unknown) => ctx.log(`wirebench: rebuilding the search index failed: ${String(error)}`));
  }

  const indexNotice = (): string | null => {
    if (state.current) return null;
    const p = state.progress();
    return `The search index is being rebuilt (${p.total ? Math.floor((100 * p.done) / p.total) : 0}% done); results are incomplete until it finishes.`;
  };

  return {
    handlers: {
      'search.query': (args) => {
        const result = search.query(args);
        if (args.remember && args.query.trim()) saved.remember(args.query.trim(), optionsOf(args));
        const notice = indexNotice();
        return notice ? { ...result, notice: result.notice ? `${result.notice} ${notice}` : notice } : result;
      },
      'search.count': (args) => search.count(args),
      'search.facets': (args) => search.facets(args),
      'search.suggest': ({ text, limit }) => ({ suggestions: suggestions.suggest(text, limit) }),
      'search.export': async (args) => {
        const controller = new AbortController();
        exports.add(controller);
        try {
          return await exportResults(search, args, {
            dataDir: ctx.dataDir,
            signal: controller.signal,
            onProgress: (p) => ctx.emit('onSearchExportProgress', p),
          });
        } finally {
          exports.delete(controller);
        }
      },
      'search.reindex': async () => {
        const started = Date.now();
        if (rebuilding) await rebuilding;
        await rebuild(true);
        return { articles: ctx.store.total(), durationMs: Date.now() - started };
      },
      'searches.list': () => ({ searches: saved.list() }),
      'searches.save': ({ name, query, options }) => {
        // The query must be one the engine can run; saving a broken one would only fail later.
        search.prepare({ query, ...(options ?? {}) });
        return saved.save(name, query, options ?? {});
      },
      'searches.delete': ({ name }) => ({ deleted: saved.delete(name) }),
      'history.list': ({ limit }) => ({ entries: saved.history(limit ?? 50) }),
      'history.clear': () => ({ cleared: saved.clearHistory() }),
      'variants.list': () => ({ groups: search.keys.variantGroups().map((g) => ({ name: g.name, variants: [...g.variants] })) }),
      'variants.set': ({ name, variants }) => {
        const clean = [...new Set(variants.map((v) => v.trim()).filter(Boolean))];
        if (clean.length === 0) throw new WbFailure('bad_request', 'A variant group needs at least one spelling.');
        ctx.db.transaction(() => {
          ctx.db.prepare('DELETE FROM search_variants WHERE grp = ?').run(name);
          const add = ctx.db.prepare('INSERT INTO search_variants (grp, variant) VALUES (?, ?)');
          for (const v of clean) add.run(name, v);
        })();
        search.keys.invalidate();
        return { name, variants: clean };
      },
      'variants.delete': ({ name }) => {
        const deleted = ctx.db.prepare('DELETE FROM search_variants WHERE grp = ?').run(name).changes > 0;
        search.keys.invalidate();
        return { deleted };
      },
    },
    corpusChanged: () => {
      search.corpusChanged();
      suggestions.invalidate();
      merger.schedule();
    },
    upkeep: () => merger.mergeNow(),
    exportTo: async (args, sink) => {
      const controller = new AbortController();
      exports.add(controller);
      try {
        return await exportTo(search, args, sink, { dataDir: ctx.dataDir, signal: controller.signal, onProgress: (p) => ctx.emit('onSearchExportProgress', p) });
      } finally {
        exports.delete(controller);
      }
    },
    indexReady: async () => {
      // An index found stale since (the integrity check repairs one by emptying it) is rebuilt now.
      if (!state.current && !rebuilding && !closed) void rebuild(false).catch((error: unknown) => ctx.log(`wirebench: rebuilding the search index failed: ${String(error)}`));
      while (rebuilding) await rebuilding;
    },
    close: async () => {
      closed = true;
      for (const c of exports) c.abort();
      suggestions.close();
      if (rebuilding) await rebuilding.catch(() => {});
      await merger.close();
    },
  };
}
