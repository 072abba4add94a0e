// The files of one import with their outcomes, a page at a time from `import.outcomes`, in a
// virtualised list (an import of a million files has a million rows), filtered by outcome.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { api, type FileOutcome, type FileOutcomeRow } from '../api/index.ts';
import { useNotices } from '../hooks/use-notices.ts';
import { baseName, formatNumber } from '../lib/format.ts';

const PAGE = 200;
const ROW = 44;
const FILTERS: { value: FileOutcome | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'imported', label: 'Imported' },
  { value: 'duplicate', label: 'Duplicate' },
  { value: 'skipped', label: 'Skipped' },
  { value: 'failed', label: 'Failed' },
];

/** Opens on the files that need attention: failed ones, else skipped ones, else all. */
export function ImportOutcomes({ runId, initial = null }: { runId: number; initial?: FileOutcome | null }) {
  const { reportError } = useNotices();
  const [filter, setFilter] = useState<FileOutcome | null>(initial);
  const [counts, setCounts] = useState<Record<FileOutcome, number> | null>(null);
  const [total, setTotal] = useState(0);
  const [rows, setRows] = useState<Map<number, FileOutcomeRow>>(new Map());
  const loading = useRef(new Set<number>());
  const listRef = useRef<HTMLDivElement>(null);

  const loadPage = (page: number, which: FileOutcome | null): void => {
    if (loading.current.has(page)) return;
    loading.current.add(page);
    api.call('import.outcomes', { runId, offset: page * PAGE, limit: PAGE, ...(which ? { outcome: which } : {}) }).then(
      (result) => {
        setCounts(result.counts);
        setTotal(result.total);
        setRows((current) => {
          const next = new Map(current);
          result.rows.forEach((row, i) => next.set(page * PAGE + i, row));
          return next;
        });
      },
      (error: unknown) => reportError('Could not list the files of this import', error),
    );
  };

  useEffect(() => {
    loading.current = new Set();
    setRows(new Map());
    loadPage(0, filter);
  }, [runId, filter]);

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => listRef.current, estimateSize: () => ROW, overscan: 8, useFlushSync: false });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const item of items) if (!rows.has(item.index)) loadPage(Math.floor(item.index / PAGE), filter);
  });

  return (
    <section className="import-outcomes" aria-label="Files of this import" data-testid="import-outcomes">
      <div className="outcome-filters" role="tablist" aria-label="Show files">
        {FILTERS.map((f) => {
          const n = counts ? (f.value ? counts[f.value] : counts.imported + counts.duplicate + counts.skipped + counts.failed) : null;
          return (
            <button
              key={f.label}
              type="button"
              role="tab"
              aria-selected={filter === f.value}
              className={`outcome-filter${filter === f.value ? ' is-selected' : ''}`}
              onClick={() => setFilter(f.value)}
            >
              {f.label}
              {n !== null && <span className="outcome-count">{formatNumber(n)}</span>}
            </button>
          );
        })}
      </div>
      <div className="outcome-list" ref={listRef} role="list" aria-label="Files and outcomes">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows.get(item.index);
            return (
              <div key={item.key} role="listitem" className="outcome-row" style={{ position: 'absolute', top: item.start, height: ROW, left: 0, right: 0 }}>
                {row ? (
                  <>
                    <span className={`outcome-badge is-${row.outcome}`}>{row.outcome}</span>
                    <span className="outcome-name" title={row.path}>
                      {baseName(row.path)}
                    </span>
                    <span className="outcome-detail">
                      {row.outcome === 'imported' ? `${formatNumber(row.articles)} ${row.articles === 1 ? 'article' : 'articles'}${row.duplicates ? `, ${formatNumber(row.duplicates)} already stored` : ''}` : (row.reason ?? '')}
                    </span>
                    <span className="outcome-path">{row.path}</span>
                  </>
                ) : (
                  <span className="outcome-loading">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
