// The corpus as a whole and single articles.
import type { CorpusStats } from '../shared/api.ts';
import type { EngineContext, EngineModule } from './context.ts';
import { WbFailure } from './errors.ts';
import type { NearDuplicates } from './ingest/near-duplicates.ts';
import type { SearchService } from './search/search.ts';

export function createCorpusModule(ctx: EngineContext, search: SearchService, nearDuplicates: NearDuplicates): EngineModule {
  const agencies = ctx.db.prepare(`SELECT agency AS value, count(*) AS count FROM articles WHERE agency IS NOT NULL GROUP BY agency ORDER BY count DESC, agency LIMIT 200`);
  const range = ctx.db.prepare(`
    SELECT (SELECT published FROM articles WHERE published_at IS NOT NULL ORDER BY published_at LIMIT 1) AS earliest,
           (SELECT published FROM articles WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1) AS latest`);
  return {
    handlers: {
      'corpus.stats': (): CorpusStats => {
        const { earliest, latest } = range.get() as { earliest: string | null; latest: string | null };
        return { articles: ctx.store.total(), agencies: agencies.all() as CorpusStats['agencies'], earliest, latest };
      },
      'article.get': ({ id, query }) => {
        const article = ctx.store.get(id);
        if (!article) throw new WbFailure('not_found', `There is no article ${id}.`);
        return { ...article, nearDuplicateGroup: nearDuplicates.groupFor(id), matches: query ? search.matches(id, query) : [] };
      },
      'article.nearDuplicates': ({ id }) => {
        if (!ctx.store.get(id)) throw new WbFailure('not_found', `There is no article ${id}.`);
        return nearDuplicates.list(id);
      },
    },
  };
}
