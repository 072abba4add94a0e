// Facet counts for the current search, fetched after the results (they are slower and less
// urgent); an older answer never replaces a newer one.
import { useEffect, useRef, useState } from 'react';
import { api, type SearchFacets, type SearchQueryArgs } from '../api/index.ts';

export function useFacets(args: SearchQueryArgs, options: { enabled: boolean; version: number }): { facets: SearchFacets | null; loading: boolean } {
  const [facets, setFacets] = useState<SearchFacets | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef('');
  const key = `${options.version}|${JSON.stringify(args)}`;
  useEffect(() => {
    if (!options.enabled) return;
    latest.current = key;
    setLoading(true);
    const timer = setTimeout(() => {
      api.call('search.facets', args).then(
        (f) => {
          if (latest.current !== key) return;
          setFacets(f);
          setLoading(false);
        },
        () => {
          if (latest.current !== key) return;
          // A query the engine cannot read is reported by the search box; facets just stay.
          setLoading(false);
        },
      );
    }, 120);
    return () => clearTimeout(timer);
    // `key` encodes `args` and the version.
  }, [key, options.enabled]);
  return { facets, loading };
}
