// The search the user has asked for: the query as typed (debounced before it runs), the sort
// order and the filters. Filters apply at once; only typing is debounced.
import { useMemo, useState } from 'react';
import type { SearchArgs, SearchOptions, SortOrder } from '../api/index.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

export interface SearchFilters {
  sort: SortOrder;
  /** "YYYY-MM-DD" or "" for no bound. */
  from: string;
  to: string;
  /** "" for every agency, place, language. */
  agency: string;
  place: string;
  language: string;
  recency: boolean;
  /** Words side by side: all of them, or any of them (best matches first). */
  match: 'all' | 'any';
}

export const DEFAULT_FILTERS: SearchFilters = { sort: 'relevance', from: '', to: '', agency: '', place: '', language: '', recency: false, match: 'all' };

export interface SearchControls {
  /** The query as typed. */
  query: string;
  setQuery(query: string): void;
  /** Run the typed query now instead of after the debounce. */
  flush(): void;
  filters: SearchFilters;
  setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K]): void;
  setFilters(patch: Partial<SearchFilters>): void;
  resetFilters(): void;
  /** A saved search or history entry: its query and options replace the current ones. */
  apply(query: string, options: SearchOptions): void;
  /** Whether any filter differs from the default. */
  filtered: boolean;
  /** What to send to search.query (without paging). */
  args: SearchArgs;
  /** The options worth saving with the query. */
  options: SearchOptions;
}

export const TYPING_DEBOUNCE_MS = 180;

export function toOptions(f: SearchFilters): SearchOptions {
  const o: SearchOptions = { sort: f.sort };
  if (f.from) o.from = f.from;
  if (f.to) o.to = f.to;
  if (f.agency) o.agency = f.agency;
  if (f.place) o.place = f.place;
  if (f.language) o.language = f.language;
  if (f.recency) o.recency = true;
  if (f.match === 'any') o.match = 'any';
  return o;
}

export function useSearchFilters(): SearchControls {
  const [query, setQuery] = useState('');
  const [filters, setFiltersState] = useState<SearchFilters>(DEFAULT_FILTERS);
  const [debouncedQuery, flush] = useDebouncedValue(query, TYPING_DEBOUNCE_MS);

  const options = useMemo(() => toOptions(filters), [filters]);
  const args = useMemo<SearchArgs>(() => ({ query: debouncedQuery.trim(), ...options }), [debouncedQuery, options]);

  return {
    query,
    setQuery,
    flush,
    filters,
    setFilter: (key, value) => setFiltersState((f) => ({ ...f, [key]: value })),
    setFilters: (patch) => setFiltersState((f) => ({ ...f, ...patch })),
    resetFilters: () => setFiltersState((f) => ({ ...DEFAULT_FILTERS, sort: f.sort, match: f.match })),
    apply: (q, o) => {
      setQuery(q);
      setFiltersState({
        ...DEFAULT_FILTERS,
        sort: o.sort ?? 'relevance',
        from: o.from ?? '',
        to: o.to ?? '',
        agency: o.agency ?? '',
        place: o.place ?? '',
        language: o.language ?? '',
        recency: Boolean(o.recency),
        match: o.match ?? 'all',
      });
    },
    filtered: filters.from !== '' || filters.to !== '' || filters.agency !== '' || filters.place !== '' || filters.language !== '',
    args,
    options,
  };
}
