// The open article's similar articles (near-duplicates, then related), loaded beside it.
import { useEffect, useState } from 'react';
import { api, type SimilarResult } from '../api/index.ts';
import { errorMessage } from './use-notices.ts';

export function useSimilar(id: number, version: number): { result: SimilarResult | null; error: string | null } {
  const [state, setState] = useState<{ key: string; result: SimilarResult | null; error: string | null }>({ key: '', result: null, error: null });
  const key = `${id}|${version}`;
  useEffect(() => {
    let live = true;
    api.call('article.similar', { id, limit: 10 }).then(
      (result) => live && setState({ key, result, error: null }),
      (error: unknown) => live && setState({ key, result: null, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [id, key]);
  return state.key === key ? state : { result: null, error: null };
}
