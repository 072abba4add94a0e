// The search the user has asked for: the query as typed (debounced before it runs), the sort
// order and the filters. Filters apply at once; only typing is debounced.
import { useMemo, useState } from 'react';
import type { SearchArgs, SortOrder } from '../api/index.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

export interface SearchFilters {
  sort: SortOrder;
  /** "YYYY-MM-DD" or "" for no bound. */
  from: string;
  to: string;
  /** "" for every agency. */
  agency: string;
}

export const DEFAULT_FILTERS: SearchFilters = { sort: 'relevance', from: '', to: '', agency: '' };

export interface SearchControls {
  /** The query as typed. */
  query: string;
  setQuery(query: string): void;
  /** Run the typed query now instead of after the debounce. */
  flush(): void;
  filters: SearchFilters;
  setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K]): void;
  resetFilters(): void;
  /** Whether any filter differs from the default. */
  filtered: boolean;
  /** What to send to search.query (without paging). */
  args: SearchArgs;
}

export const TYPING_DEBOUNCE_MS = 180;

export function useSearchFilters(): SearchControls {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(DEFAULT_FILTERS);
  const [debouncedQuery, flush] = useDebouncedValue(query, TYPING_DEBOUNCE_MS);

  const args = useMemo<SearchArgs>(() => {
    const a: SearchArgs = { query: debouncedQuery.trim(), sort: filters.sort };
    if (filters.from) a.from = filters.from;
    if (filters.to) a.to = filters.to;
    if (filters.agency) a.agency = filters.agency;
    return a;
  }, [debouncedQuery, filters]);

  return {
    query,
    setQuery,
    flush,
    filters,
    setFilter: (key, value) => setFilters((f) => ({ ...f, [key]: value })),
    resetFilters: () => setFilters((f) => ({ ...DEFAULT_FILTERS, sort: f.sort })),
    filtered: filters.from !== '' || filters.to !== '' || filters.agency !== '',
    args,
  };
}
