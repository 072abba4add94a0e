// Comparison of articles: two side by side, or a matrix of pairwise shared text.
import type { EngineContext, EngineModule } from '../context.ts';
import { WbFailure } from '../errors.ts';
import { compareArticles, sharedShare } from './compare.ts';

export function createCompareModule(ctx: EngineContext): EngineModule {
  const load = (id: number) => {
    const article = ctx.store.get(id);
    if (!article) throw new WbFailure('not_found', `There is no article ${id}.`);
    return article;
  };
  return {
    handlers: {
      'compare.articles': ({ a, b }) => compareArticles(load(a), load(b)),
      'compare.matrix': ({ ids }) => {
        if (new Set(ids).size !== ids.length) throw new WbFailure('bad_request', 'Each article may appear only once in a comparison matrix.');
        const articles = ids.map(load);
        const shared = articles.map(() => articles.map(() => 1));
        for (let i = 0; i < articles.length; i++) {
          for (let j = i + 1; j < articles.length; j++) {
            const s = Math.round(sharedShare(articles[i]!.body, articles[j]!.body) * 1000) / 1000;
            shared[i]![j] = s;
            shared[j]![i] = s;
          }
        }
        return {
          articles: articles.map(({ id, headline, published, place, agency, language }) => ({ id, headline, published, place, agency, language })),
          shared,
        };
      },
    },
  };
}
