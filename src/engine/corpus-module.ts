// The corpus as a whole and single articles.
import type { CorpusStats, SimilarArticle } from '../shared/api.ts';
import type { EngineContext, EngineModule } from './context.ts';
import { WbFailure } from './errors.ts';
import type { NearDuplicates } from './ingest/near-duplicates.ts';
import type { SearchService } from './search/search.ts';
import { SimilarFinder } from './search/similar.ts';

const DEFAULT_SIMILAR = 10;

export function createCorpusModule(ctx: EngineContext, search: SearchService, nearDuplicates: NearDuplicates): EngineModule {
  const agencies = ctx.db.prepare(`SELECT agency AS value, count(*) AS count FROM articles WHERE agency IS NOT NULL GROUP BY agency ORDER BY count DESC, agency LIMIT 200`);
  const range = ctx.db.prepare(`
    SELECT (SELECT published FROM articles WHERE published_at IS NOT NULL ORDER BY published_at LIMIT 1) AS earliest,
           (SELECT published FROM articles WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1) AS latest`);
  const meta = ctx.db.prepare('SELECT id, headline, published, place, agency, language, version_note AS versionNote FROM articles WHERE id = ?');
  const similar = new SimilarFinder(ctx.db);

  const article = (id: number) => {
    const found = ctx.store.get(id);
    if (!found) throw new WbFailure('not_found', `There is no article ${id}.`);
    return found;
  };

  return {
    handlers: {
      'corpus.stats': (): CorpusStats => {
        const { earliest, latest } = range.get() as { earliest: string | null; latest: string | null };
        return { articles: ctx.store.total(), agencies: agencies.all() as CorpusStats['agencies'], earliest, latest };
      },
      'article.get': ({ id, query }) => {
        const found = article(id);
        return { ...found, nearDuplicateGroup: nearDuplicates.groupFor(id), matches: query ? search.matches(id, query) : [] };
      },
      'article.nearDuplicates': ({ id }) => {
        article(id);
        return nearDuplicates.list(id);
      },
      'article.similar': ({ id, limit = DEFAULT_SIMILAR }) => {
        const started = performance.now();
        const source = article(id);
        const group = nearDuplicates.list(id).members.filter((m) => m.id !== id);
        const near: SimilarArticle[] = group
          .map(({ similarity, ...m }) => ({ ...m, score: similarity, kind: 'near-duplicate' as const }))
          .sort((x, y) => y.score - x.score || x.id - y.id)
          .slice(0, limit);
        const exclude = new Set(group.map((m) => m.id));
        const { hits, terms } = near.length < limit ? similar.related(source, ctx.store.total(), exclude, limit - near.length) : { hits: [], terms: [] };
        const related = hits.flatMap((h) => {
          const row = meta.get(h.id) as Omit<SimilarArticle, 'score' | 'kind'> | undefined;
          return row ? [{ ...row, score: h.score, kind: 'related' as const }] : [];
        });
        return { articles: [...near, ...related], terms, tookMs: Math.round((performance.now() - started) * 10) / 10 };
      },
      // The desktop shell answers these itself, with the path it reads from the engine.
      'article.openSource': () => {
        throw new WbFailure('unsupported', 'Opening the source file works only in the desktop app.');
      },
      'article.revealSource': () => {
        throw new WbFailure('unsupported', 'Showing the source file works only in the desktop app.');
      },
    },
    corpusChanged: () => similar.corpusChanged(),
  };
}
