// The result list: a virtualised listbox over all `total` results, whose pages are fetched
// as they scroll into view. The keyboard cursor (active option) and the open article are
// separate: arrows and j/k move the cursor, Enter or a click opens.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { api, type ArticleMeta, type SearchArgs, type SearchHit } from '../api/index.ts';
import type { Search } from '../hooks/use-search.ts';
import { dateTimeAttribute, formatPublished } from '../lib/dates.ts';
import { countLabel, formatNumber } from '../lib/format.ts';
import { CompareIcon, InfoIcon } from './icons.tsx';
import { SnippetText } from './snippet-text.tsx';

export interface ResultListProps {
  search: Search;
  activeIndex: number;
  onActiveChange(index: number): void;
  openId: number | null;
  onOpen(hit: SearchHit, index: number): void;
  listRef: RefObject<HTMLDivElement | null>;
  filtered: boolean;
  onClearFilters(): void;
  picked: ArticleMeta[];
  onTogglePicked(article: ArticleMeta): void;
}

const ESTIMATED_ROW = 118;

/** "1,234 results", or "about 960,000 results" with the exact figure on request. */
function TotalLabel({ total, exact, args }: { total: number; exact: boolean; args: SearchArgs }) {
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const [counting, setCounting] = useState(false);
  const key = JSON.stringify(args);
  if (exact) return <>{countLabel(total, 'result')}</>;
  if (counted?.key === key) return <>{countLabel(counted.total, 'result')}</>;
  return (
    <>
      about {countLabel(total, 'result')}{' '}
      <button
        type="button"
        className="link-button"
        disabled={counting}
        title="The figure is estimated from the newest matches; counting all of them takes longer"
        onClick={() => {
          setCounting(true);
          const { limit: _limit, offset: _offset, remember: _remember, ...countArgs } = args;
          api.call('search.count', countArgs).then(
            (r) => {
              setCounted({ key, total: r.total });
              setCounting(false);
            },
            () => setCounting(false),
          );
        }}
      >
        {counting ? 'counting…' : 'count exactly'}
      </button>
    </>
  );
}

export function ResultList({ search, activeIndex, onActiveChange, openId, onOpen, listRef, filtered, onClearFilters, picked, onTogglePicked }: ResultListProps) {
  const { results } = search;
  const total = results?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => listRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // Fetch the pages the visible rows need (and a little beyond, so scrolling rarely waits).
  const { ensureRange } = search;
  useEffect(() => {
    if (total > 0) ensureRange(first, last + 10);
  }, [first, last, total, ensureRange, results?.key]);

  // New search arguments start at the top; a refresh of the same search keeps the place.
  const key = results?.argsKey;
  const previousKey = useRef(key);
  useLayoutEffect(() => {
    if (previousKey.current === key) return;
    previousKey.current = key;
    virtualizer.scrollToOffset(0);
  }, [key, virtualizer]);

  const move = (index: number): void => {
    if (total === 0) return;
    onActiveChange(Math.max(0, Math.min(total - 1, index)));
  };

  // The keyboard cursor stays in view, however it moved.
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < total) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, total, virtualizer]);

  const pageRows = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 600) / ESTIMATED_ROW) - 1);

  const active = Math.min(activeIndex, total - 1);
  const activeHit = active >= 0 ? search.hitAt(active) : undefined;

  return (
    <section className="results" aria-label="Results">
      <div className="results-header">
        <p className="results-count" data-testid="result-count" aria-live="polite">
          {results ? <TotalLabel total={total} exact={results.totalExact} args={results.args} /> : 'Searching…'}
          {results && results.args.query === '' && total > 0 && <span className="results-sub"> · newest first</span>}
          {results && results.args.query !== '' && results.args.sort === 'date' && total > 0 && <span className="results-sub"> · by date</span>}
        </p>
        {results && <p className="results-took">{formatNumber(Math.max(0, Math.round(results.tookMs)))} ms</p>}
        {search.loading && <span className="results-loading" aria-label="Searching" role="status" />}
      </div>
      {results && results.rankedAmong !== null && (
        <p className="results-notice" data-testid="ranked-among">
          <InfoIcon size={14} /> Best matches among the newest {formatNumber(results.rankedAmong)}; the rest follow newest first. Narrow the search or sort by date to see every match in order.
        </p>
      )}
      {results?.notice && (
        <p className="results-notice" data-testid="search-notice">
          <InfoIcon size={14} /> {results.notice}
        </p>
      )}
      <div
        ref={listRef}
        className="results-scroll"
        role="listbox"
        aria-label="Search results"
        tabIndex={0}
        aria-activedescendant={activeHit ? `result-${active}` : undefined}
        aria-busy={search.loading || undefined}
        data-query={results?.args.query}
        onKeyDown={(event) => {
          if (event.altKey || event.ctrlKey || event.metaKey) return;
          const k = event.key;
          let handled = true;
          if (k === 'ArrowDown' || k === 'j') move(active + 1);
          else if (k === 'ArrowUp' || k === 'k') move(active - 1);
          else if (k === 'Home') move(0);
          else if (k === 'End') move(total - 1);
          else if (k === 'PageDown') move(active + pageRows);
          else if (k === 'PageUp') move(active - pageRows);
          else if (k === 'Enter' || k === 'o') {
            if (activeHit) onOpen(activeHit, active);
          } else if (k === 'c') {
            if (activeHit) onTogglePicked(activeHit);
          } else handled = false;
          if (handled) event.preventDefault();
        }}
      >
        {results && total === 0 && (
          <div className="results-empty" role="presentation">
            <p className="results-empty-title">No articles match.</p>
            <p>
              {results.args.query ? 'Try fewer words, a prefix like “negotiat*”, or OR between alternatives.' : 'Nothing in the corpus fits these filters.'}
            </p>
            {filtered && (
              <button type="button" className="button" onClick={onClearFilters}>
                Clear filters
              </button>
            )}
          </div>
        )}
        <div className="results-canvas" style={{ height: `${virtualizer.getTotalSize()}px` }} role="presentation">
          {items.map((item) => {
            const hit = search.hitAt(item.index);
            const isActive = item.index === active;
            const isOpen = hit !== undefined && hit.id === openId;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                id={`result-${item.index}`}
                role="option"
                aria-selected={isActive}
                aria-setsize={total}
                aria-posinset={item.index + 1}
                aria-busy={hit ? undefined : true}
                className={`result${isActive ? ' is-active' : ''}${isOpen ? ' is-open' : ''}${hit ? '' : ' is-placeholder'}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  listRef.current?.focus({ preventScroll: true });
                  onActiveChange(item.index);
                  if (hit) onOpen(hit, item.index);
                }}
              >
                {hit ? <ResultRow hit={hit} picked={picked.some((p) => p.id === hit.id)} onTogglePicked={onTogglePicked} /> : <PlaceholderRow />}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

function ResultRow({ hit, picked, onTogglePicked }: { hit: SearchHit; picked: boolean; onTogglePicked(article: ArticleMeta): void }) {
  const where = [hit.place, hit.agency].filter(Boolean).join(' · ');
  return (
    <>
      <button
        type="button"
        className={`result-pick${picked ? ' is-picked' : ''}`}
        aria-pressed={picked}
        aria-label={picked ? 'Remove from comparison' : 'Add to comparison'}
        title={picked ? 'Remove from comparison (c)' : 'Add to comparison (c)'}
        tabIndex={-1}
        onClick={(event) => {
          event.stopPropagation();
          onTogglePicked(hit);
        }}
      >
        <CompareIcon size={14} />
      </button>
      <p className="result-meta">
        {hit.published && (
          <time className="result-date" dateTime={dateTimeAttribute(hit.published)}>
            {formatPublished(hit.published)}
          </time>
        )}
        {where && <span className="result-where">{where}</span>}
        {hit.language && hit.language !== 'en' && <span className="result-lang">{hit.language.toUpperCase()}</span>}
      </p>
      <h3 className="result-headline">{hit.headline || 'Untitled'}</h3>
      {hit.snippet && (
        <p className="result-snippet">
          <SnippetText snippet={hit.snippet} />
        </p>
      )}
    </>
  );
}

function PlaceholderRow() {
  return (
    <div className="result-skeleton" aria-label="Loading">
      <span />
      <span />
      <span />
    </div>
  );
}
