// Loads the open article with the matches of the current query, in reading order.
import { useEffect, useMemo, useState } from 'react';
import { api, type ArticleWithMatches } from '../api/index.ts';
import { orderMatches, type OrderedMatch } from '../lib/highlight.ts';
import { errorMessage } from './use-notices.ts';

export interface OpenArticle {
  article: ArticleWithMatches | null;
  /** The query `article.matches` are for (it lags behind while a new one loads). */
  query: string;
  matches: OrderedMatch[];
  loading: boolean;
  error: string | null;
}

export function useArticle(id: number | null, query: string, version: number): OpenArticle {
  const [state, setState] = useState<{ key: string; query: string; article: ArticleWithMatches | null; error: string | null }>({ key: '', query: '', article: null, error: null });
  const key = id === null ? '' : `${id}|${query}|${version}`;

  useEffect(() => {
    if (id === null) return;
    let live = true;
    const args = query ? { id, query } : { id };
    api.call('article.get', args).then(
      (article) => live && setState({ key, query, article, error: null }),
      (error: unknown) =>
        live && setState((s) => ({ key, query: s.query, article: s.article?.id === id ? s.article : null, error: errorMessage(error) })),
    );
    return () => {
      live = false;
    };
  }, [id, query, key]);

  const article = id !== null && state.article?.id === id ? state.article : null;
  const matches = useMemo(
    () => (article ? orderMatches(article.matches, { headline: article.headline.length, body: article.body.length }) : []),
    [article],
  );
  return { article, query: state.query, matches, loading: id !== null && state.key !== key, error: state.key === key ? state.error : null };
}
