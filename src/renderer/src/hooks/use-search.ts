// Runs search.query for the current arguments and pages through the results 50 at a time as
// the list scrolls. The previous results stay on screen until the new first page arrives, and
// a late answer to an older query is dropped, so typing never makes the list flicker or lie.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api, WirebenchError, type SearchArgs, type SearchHit } from '../api/index.ts';
import { useNotices } from './use-notices.ts';

export const PAGE_SIZE = 50;

export interface ResultSet {
  /** Identifies the arguments (and corpus version) these results are for. */
  key: string;
  /** Identifies the arguments alone: a corpus refresh keeps it, a new query changes it. */
  argsKey: string;
  args: SearchArgs;
  total: number;
  /** False when `total` is an estimate ("about N"). */
  totalExact: boolean;
  /** Relevance was computed among the newest this-many matches (very large result sets). */
  rankedAmong: number | null;
  pages: ReadonlyMap<number, SearchHit[]>;
  notice: string | null;
  tookMs: number;
}

export interface QueryProblem {
  query: string;
  message: string;
  position?: number;
}

export interface Search {
  results: ResultSet | null;
  /** A new query is running (the results shown are for the previous one). */
  loading: boolean;
  /** The last query the engine could not understand; cleared by the next good answer. */
  problem: QueryProblem | null;
  hitAt(index: number): SearchHit | undefined;
  /** Makes sure the pages covering these indexes are loaded (or loading). */
  ensureRange(first: number, last: number): void;
}

export function useSearch(args: SearchArgs, options: { enabled: boolean; version: number }): Search {
  const { reportError } = useNotices();
  const [results, setResults] = useState<ResultSet | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<QueryProblem | null>(null);
  const latestKey = useRef('');
  const inFlight = useRef(new Set<string>());
  const resultsRef = useRef<ResultSet | null>(null);
  useLayoutEffect(() => {
    resultsRef.current = results;
  });

  const argsKey = JSON.stringify(args);
  const key = `${options.version}|${argsKey}`;

  useEffect(() => {
    if (!options.enabled) return;
    latestKey.current = key;
    setLoading(true);
    api.call('search.query', { ...args, limit: PAGE_SIZE, offset: 0 }).then(
      (result) => {
        if (latestKey.current !== key) return;
        inFlight.current.clear();
        setResults({ key, argsKey, args, total: result.total, totalExact: result.totalExact, rankedAmong: result.rankedAmong, pages: new Map([[0, result.hits]]), notice: result.notice, tookMs: result.tookMs });
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (latestKey.current !== key) return;
        setLoading(false);
        if (error instanceof WirebenchError && error.code === 'bad_query') {
          const p: QueryProblem = { query: args.query, message: error.message };
          if (error.position !== undefined) p.position = error.position;
          setProblem(p);
        } else {
          setProblem(null);
          reportError('Search failed', error);
        }
      },
    );
    // `key` encodes `args` and the version, so it stands for them here.
  }, [key, options.enabled]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      const current = resultsRef.current;
      if (!current || current.total === 0) return;
      const lastIndex = Math.min(last, current.total - 1);
      for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= Math.floor(lastIndex / PAGE_SIZE); page++) {
        const flightKey = `${current.key}#${page}`;
        if (current.pages.has(page) || inFlight.current.has(flightKey)) continue;
        inFlight.current.add(flightKey);
        api.call('search.query', { ...current.args, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
          (result) => {
            inFlight.current.delete(flightKey);
            setResults((r) => {
              if (!r || r.key !== current.key) return r;
              const pages = new Map(r.pages);
              pages.set(page, result.hits);
              // An estimated total ("about N") was too high: the list ends where the matches do.
              if (!r.totalExact && result.hits.length < PAGE_SIZE) return { ...r, pages, total: page * PAGE_SIZE + result.hits.length, totalExact: true };
              return { ...r, pages };
            });
          },
          (error: unknown) => {
            inFlight.current.delete(flightKey);
            if (resultsRef.current?.key === current.key) reportError('Could not load more results', error);
          },
        );
      }
    },
    [reportError],
  );

  const hitAt = useCallback(
    (index: number) => results?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [results],
  );

  return { results, loading, problem, hitAt, ensureRange };
}
