// The search view: results on the left, the reader on the right. Owns which result has the
// keyboard cursor and which article is open.
import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import type { DemoAttribution, SearchHit } from '../api/index.ts';
import { isTypingTarget, modalOpen, useHotkeys } from '../hooks/use-hotkeys.ts';
import type { Search } from '../hooks/use-search.ts';
import { ReaderPane } from './reader-pane.tsx';
import { ResultList } from './result-list.tsx';

export interface SearchViewProps {
  search: Search;
  /** The facet column beside the results. */
  facets: ReactNode;
  /** An article to open (a headline suggestion was chosen). */
  openRequest: { id: number; at: number } | null;
  version: number;
  attribution: DemoAttribution | null;
  listRef: RefObject<HTMLDivElement | null>;
  filtered: boolean;
  onClearFilters(): void;
  onShowSources(): void;
}

export function SearchView({ search, facets, openRequest, version, attribution, listRef, filtered, onClearFilters, onShowSources }: SearchViewProps) {
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const key = search.results?.argsKey;

  useEffect(() => {
    if (openRequest) setOpenId(openRequest.id);
  }, [openRequest]);

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
      />
      <ReaderPane articleId={openId} query={search.results?.args.query ?? ''} version={version} attribution={attribution} onShowSources={onShowSources} />
    </div>
  );
}
