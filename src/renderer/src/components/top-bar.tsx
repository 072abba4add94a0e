// The bar across the top: brand, search, import and the about/sources entry; the search
// options sit in a second row under it while the search view is shown.
import type { ReactNode } from 'react';
import type { ImportProgress } from '../api/index.ts';
import type { ImportState } from '../hooks/use-import.ts';
import { ImportIcon, InfoIcon, WireIcon } from './icons.tsx';

export type ViewName = 'search' | 'quotes' | 'collections';

const VIEWS: Array<{ view: ViewName; label: string }> = [
  { view: 'search', label: 'Articles' },
  { view: 'quotes', label: 'Quotes' },
  { view: 'collections', label: 'Collections' },
];

export interface TopBarProps {
  view: ViewName;
  /** Null while there is nothing to switch between (an empty corpus). */
  onView: ((view: ViewName) => void) | null;
  search: ReactNode;
  filters: ReactNode;
  importState: ImportState;
  /** An import started from another window or the command line. */
  importElsewhere: ImportProgress | null;
  onImport(): void;
  onAbout(): void;
}

export function TopBar({ view, onView, search, filters, importState, importElsewhere, onImport, onAbout }: TopBarProps) {
  const p = importState.phase === 'running' ? importState.progress : importElsewhere;
  const running = importState.phase === 'running' || importElsewhere !== null;
  const percent = p && p.phase !== 'scanning' && p.filesSeen > 0 ? Math.round((100 * p.filesDone) / p.filesSeen) : null;
  return (
    <header className="top-bar">
      <div className="top-bar-row">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <WireIcon size={18} />
          </span>
          <span className="brand-name">Wirebench</span>
        </div>
        {onView && (
          <nav className="view-tabs" aria-label="Views">
            {VIEWS.map((v) => (
              <button key={v.view} type="button" className={`view-tab${view === v.view ? ' is-active' : ''}`} aria-current={view === v.view ? 'page' : undefined} onClick={() => onView(v.view)}>
                {v.label}
              </button>
            ))}
          </nav>
        )}
        <div className="top-bar-search" role="search">
          {view === 'search' && search}
        </div>
        <div className="top-bar-actions">
          <button
            type="button"
            className={`button${running ? ' is-running' : ''}`}
            onClick={onImport}
            title={importElsewhere ? 'An import started elsewhere (another window or the command line) is running' : undefined}
          >
            <ImportIcon />
            {running ? <span>{percent === null ? 'Importing…' : `Importing ${percent}%`}</span> : <span>Import</span>}
            {running && (
              <span className="button-progress" aria-hidden="true">
                <span className="button-progress-fill" style={{ width: percent === null ? '30%' : `${percent}%` }} />
              </span>
            )}
          </button>
          <button type="button" className="button button-quiet" onClick={onAbout}>
            <InfoIcon />
            <span>About &amp; sources</span>
          </button>
        </div>
      </div>
      {filters}
    </header>
  );
}
