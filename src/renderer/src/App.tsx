// The window: top bar, the current view, and the dialogs. State lives in hooks; views and
// dialogs live in components/. Later views (quotes, compare, collections) join `View`.
import { useCallback, useRef, useState } from 'react';
import { api, shell } from './api/index.ts';
import { AboutDialog } from './components/about-dialog.tsx';
import { EmptyState } from './components/empty-state.tsx';
import { ExportDialog } from './components/export-dialog.tsx';
import { FacetPanel } from './components/facet-panel.tsx';
import { FilterBar } from './components/filter-bar.tsx';
import { ImportDialog } from './components/import-dialog.tsx';
import { SearchBox } from './components/search-box.tsx';
import { SearchMenu } from './components/search-menu.tsx';
import { SearchView } from './components/search-view.tsx';
import { StartupPanel } from './components/startup-panel.tsx';
import { TopBar } from './components/top-bar.tsx';
import { useApiEvent } from './hooks/use-api-event.ts';
import { useCorpus } from './hooks/use-corpus.ts';
import { useFacets } from './hooks/use-facets.ts';
import { isTypingTarget, modalOpen, useHotkeys } from './hooks/use-hotkeys.ts';
import { useImport } from './hooks/use-import.ts';
import { useImportReport } from './hooks/use-import-report.ts';
import { useNotices } from './hooks/use-notices.ts';
import { useSearch } from './hooks/use-search.ts';
import { useSearchFilters } from './hooks/use-search-filters.ts';

export type View = 'search';

type Dialog = { kind: 'import'; paths: string[] } | { kind: 'about' } | { kind: 'export' } | null;

export function App() {
  const { notify, reportError } = useNotices();
  const corpus = useCorpus();
  const controls = useSearchFilters();
  const importer = useImport(reportError);
  const [view] = useState<View>('search');
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const hasArticles = (corpus.stats?.articles ?? 0) > 0;
  const search = useSearch(controls.args, { enabled: hasArticles && view === 'search', version: corpus.version });
  const { args: searchArgs } = controls;
  const facets = useFacets({ ...searchArgs }, { enabled: hasArticles && view === 'search', version: corpus.version });
  const [openRequest, setOpenRequest] = useState<{ id: number; at: number } | null>(null);

  const openImport = useCallback((paths: string[] = []) => setDialog({ kind: 'import', paths }), []);
  const showSources = useCallback(() => setDialog({ kind: 'about' }), []);

  useImportReport(importer, dialog?.kind === 'import');

  useApiEvent('onPathsDropped', ({ paths }) => {
    if (importer.state.phase === 'running') notify({ kind: 'info', title: 'An import is already running', detail: 'Drop the folders again when it has finished.' });
    else {
      importer.reset();
      openImport(paths);
    }
  });

  useHotkeys((event) => {
    if (event.key === '/' && !modalOpen() && !isTypingTarget(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  // The problem is shown while the box still holds the query it is about.
  const problem = search.problem && search.problem.query === controls.query.trim() ? search.problem : null;

  return (
    <div className="app">
      <TopBar
        importState={importer.state}
        importElsewhere={importer.elsewhere}
        onImport={() => openImport()}
        onAbout={showSources}
        search={
          <SearchBox
            inputRef={searchRef}
            value={controls.query}
            onChange={controls.setQuery}
            onSubmit={() => {
              controls.flush();
              // Enter settles a search: it goes into the history.
              if (controls.query.trim()) api.call('search.query', { ...controls.options, query: controls.query.trim(), limit: 1, remember: true }).catch(() => {});
            }}
            onOpenArticle={(id) => setOpenRequest({ id, at: Date.now() })}
            tools={
              hasArticles ? (
                <SearchMenu query={controls.query} options={controls.options} onApply={controls.apply} onExport={() => setDialog({ kind: 'export' })} reportError={reportError} />
              ) : null
            }
            onArrowDown={() => listRef.current?.focus()}
            problem={problem}
            busy={search.loading}
            disabled={!hasArticles}
          />
        }
        filters={hasArticles && corpus.stats ? <FilterBar controls={controls} stats={corpus.stats} /> : null}
      />
      <main className="main">
        {corpus.stats === null ? (
          <StartupPanel error={corpus.statsError} onRetry={corpus.refresh} />
        ) : !hasArticles ? (
          <EmptyState
            info={corpus.info}
            shell={shell}
            attribution={corpus.attribution}
            importRunning={importer.state.phase === 'running'}
            onImport={() => openImport()}
            onLoadDemo={() => {
              importer.loadDemo();
              openImport();
            }}
            onShowSources={showSources}
          />
        ) : (
          view === 'search' && (
            <SearchView
              search={search}
              facets={<FacetPanel facets={facets.facets} loading={facets.loading} controls={controls} />}
              openRequest={openRequest}
              version={corpus.version}
              attribution={corpus.attribution}
              listRef={listRef}
              filtered={controls.filtered}
              onClearFilters={controls.resetFilters}
              onShowSources={showSources}
            />
          )
        )}
      </main>
      {dialog?.kind === 'import' && <ImportDialog shell={shell} importer={importer} initialPaths={dialog.paths} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'about' && <AboutDialog info={corpus.info} shell={shell} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'export' && <ExportDialog args={controls.args} shell={shell} onClose={() => setDialog(null)} />}
    </div>
  );
}
