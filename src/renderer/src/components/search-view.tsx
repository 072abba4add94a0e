// The search view: results on the left, the reader on the right. Owns which result has the
// keyboard cursor and which article is open.
import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import type { ArticleMeta, DemoAttribution, SearchHit } from '../api/index.ts';
import { isTypingTarget, modalOpen, useHotkeys } from '../hooks/use-hotkeys.ts';
import type { Search } from '../hooks/use-search.ts';
import { ReaderPane, type CollectOptions } from './reader-pane.tsx';
import { ResultList } from './result-list.tsx';

export interface SearchViewProps {
  search: Search;
  /** The facet column beside the results. */
  facets: ReactNode;
  version: number;
  attribution: DemoAttribution | null;
  listRef: RefObject<HTMLDivElement | null>;
  filtered: boolean;
  onClearFilters(): void;
  onShowSources(): void;
  /** Selecting text in the reader offers "Add to collection". */
  collect?: CollectOptions;
  /** Articles picked for comparison, and picking one (toggles). */
  picked: ArticleMeta[];
  onTogglePicked(article: ArticleMeta): void;
  onCompareWith(article: ArticleMeta): void;
  onCompare(a: number, b: number): void;
  onVersions(article: ArticleMeta): void;
  /** Open this article in the reader (from another view, or a headline suggestion). */
  openRequest: { id: number; at: number } | null;
}

export function SearchView({ search, facets, version, attribution, listRef, filtered, onClearFilters, onShowSources, collect, picked, onTogglePicked, onCompareWith, onCompare, onVersions, openRequest }: SearchViewProps) {
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  useEffect(() => {
    if (openRequest) setOpenId(openRequest.id);
  }, [openRequest]);
  const key = search.results?.argsKey;

  // A new search puts the cursor back on the first result; the open article stays open.
  useEffect(() => setActive(0), [key]);

  // j / k also work from outside the list (the reader, say), as long as no field has focus.
  const total = search.results?.total ?? 0;
  useHotkeys((event) => {
    if (modalOpen() || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    if ((event.key === 'j' || event.key === 'k') && total > 0 && listRef.current && event.target !== listRef.current) {
      event.preventDefault();
      listRef.current.focus({ preventScroll: true });
      setActive((a) => Math.max(0, Math.min(total - 1, a + (event.key === 'j' ? 1 : -1))));
    }
  });

  return (
    <div className="search-view">
      {facets}
      <ResultList
        search={search}
        activeIndex={active}
        onActiveChange={setActive}
        openId={openId}
        onOpen={(hit: SearchHit) => setOpenId(hit.id)}
        listRef={listRef}
        filtered={filtered}
        onClearFilters={onClearFilters}
        picked={picked}
        onTogglePicked={onTogglePicked}
      />
      <ReaderPane
        articleId={openId}
        query={search.results?.args.query ?? ''}
        version={version}
        attribution={attribution}
        onShowSources={onShowSources}
        collect={collect}
        compare={{ picked, onTogglePicked, onCompareWith, onCompare, onVersions }}
        onOpenArticle={setOpenId}
      />
    </div>
  );
}
