// Saved searches and the search history, in a menu at the end of the search box: save the
// current search under a name, run a saved one or a recent one, delete, clear the history.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type HistoryEntry, type SavedSearch, type SearchOptions } from '../api/index.ts';
import { useDismiss } from '../hooks/use-dismiss.ts';

export interface SearchMenuProps {
  query: string;
  options: SearchOptions;
  onApply(query: string, options: SearchOptions): void;
  onExport(): void;
  reportError(title: string, error: unknown): void;
}

function describe(o: SearchOptions): string {
  return [o.agency, o.place, o.language, o.from || o.to ? `${o.from ?? '…'}–${o.to ?? '…'}` : null, o.sort === 'date' ? 'by date' : null].filter(Boolean).join(' · ');
}

export function SearchMenu({ query, options, onApply, onExport, reportError }: SearchMenuProps) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [name, setName] = useState('');
  const ref = useRef<HTMLDivElement>(null);

  const refresh = (): void => {
    api.call('searches.list', {}).then((r) => setSaved(r.searches), (e: unknown) => reportError('Could not list saved searches', e));
    api.call('history.list', { limit: 15 }).then((r) => setHistory(r.entries), (e: unknown) => reportError('Could not read the history', e));
  };

  useDismiss(open, ref, useCallback(() => setOpen(false), []));
  useEffect(() => {
    if (open) refresh();
    // refresh reads only stable things
  }, [open]);

  const pick = (q: string, o: SearchOptions): void => {
    onApply(q, o);
    setOpen(false);
  };

  return (
    <div className="popover-anchor" ref={ref}>
      <button type="button" className="button button-quiet search-menu-button" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        Searches
      </button>
      {open && (
        <div className="popover search-menu" role="dialog" aria-label="Saved searches and history" data-testid="search-menu">
          <form
            className="search-menu-save"
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim()) return;
              api.call('searches.save', { name: name.trim(), query: query.trim(), options }).then(
                () => {
                  setName('');
                  refresh();
                },
                (err: unknown) => reportError('Could not save the search', err),
              );
            }}
          >
            <input className="input" placeholder="Name this search…" aria-label="Name for the current search" value={name} onChange={(e) => setName(e.target.value)} disabled={!query.trim()} />
            <button type="submit" className="button" disabled={!query.trim() || !name.trim()}>
              Save
            </button>
          </form>
          <button type="button" className="button search-menu-export" onClick={() => { setOpen(false); onExport(); }}>
            Export all results…
          </button>
          <h3 className="popover-heading">Saved</h3>
          {saved.length === 0 ? (
            <p className="popover-empty">No saved searches yet.</p>
          ) : (
            <ul className="menu-list" data-testid="saved-searches">
              {saved.map((s) => (
                <li key={s.name} className="menu-item">
                  <button type="button" className="menu-item-main" onClick={() => pick(s.query, s.options)}>
                    <span className="menu-item-name">{s.name}</span>
                    <span className="menu-item-sub">
                      {s.query}
                      {describe(s.options) && ` · ${describe(s.options)}`}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="icon-button menu-item-delete"
                    aria-label={`Delete saved search ${s.name}`}
                    onClick={() => api.call('searches.delete', { name: s.name }).then(refresh, (e: unknown) => reportError('Could not delete', e))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3 className="popover-heading">
            Recent
            {history.length > 0 && (
              <button type="button" className="link-button" onClick={() => api.call('history.clear', {}).then(refresh, (e: unknown) => reportError('Could not clear', e))}>
                Clear
              </button>
            )}
          </h3>
          {history.length === 0 ? (
            <p className="popover-empty">Searches you run with Enter appear here.</p>
          ) : (
            <ul className="menu-list" data-testid="search-history">
              {history.map((h) => (
                <li key={`${h.at}${h.query}`} className="menu-item">
                  <button type="button" className="menu-item-main" onClick={() => pick(h.query, h.options)}>
                    <span className="menu-item-name">{h.query}</span>
                    {describe(h.options) && <span className="menu-item-sub">{describe(h.options)}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
