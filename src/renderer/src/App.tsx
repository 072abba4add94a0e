// The window: top bar, the current view, and the dialogs. State lives in hooks; views and
// dialogs live in components/. Later views (quotes, compare, collections) join `View`.
import { useCallback, useRef, useState } from 'react';
import { shell } from './api/index.ts';
import { AboutDialog } from './components/about-dialog.tsx';
import { EmptyState } from './components/empty-state.tsx';
import { FilterBar } from './components/filter-bar.tsx';
import { ImportDialog } from './components/import-dialog.tsx';
import { SearchBox } from './components/search-box.tsx';
import { SearchView } from './components/search-view.tsx';
import { StartupPanel } from './components/startup-panel.tsx';
import { CollectionsView } from './components/collections-view.tsx';
import { QuotesView } from './components/quotes-view.tsx';
import { TopBar, type ViewName } from './components/top-bar.tsx';
import { useCollections } from './hooks/use-collections.ts';
import { useApiEvent } from './hooks/use-api-event.ts';
import { useCorpus } from './hooks/use-corpus.ts';
import { isTypingTarget, modalOpen, useHotkeys } from './hooks/use-hotkeys.ts';
import { useImport } from './hooks/use-import.ts';
import { useImportReport } from './hooks/use-import-report.ts';
import { useNotices } from './hooks/use-notices.ts';
import { useSearch } from './hooks/use-search.ts';
import { useSearchFilters } from './hooks/use-search-filters.ts';

export type View = ViewName;

type Dialog = { kind: 'import'; paths: string[] } | { kind: 'about' } | null;

export function App() {
  const { notify, reportError } = useNotices();
  const corpus = useCorpus();
  const controls = useSearchFilters();
  const importer = useImport(reportError);
  const [view, setView] = useState<View>('search');
  const collections = useCollections(reportError);
  const [jumpTo, setJumpTo] = useState<{ articleId: number; start: number; end: number; quoteId: null } | null>(null);
  const told = useCallback((message: string) => notify({ kind: 'success', title: message }), [notify]);
  const collect = { collections: collections.collections, onDone: told, onError: reportError };
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const hasArticles = (corpus.stats?.articles ?? 0) > 0;
  const search = useSearch(controls.args, { enabled: hasArticles && view === 'search', version: corpus.version });

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

  // A wirebench://article/… link from an exported briefing (desktop app).
  useApiEvent('onOpenArticle', ({ articleId, start, end }) => {
    setJumpTo({ articleId, start: start ?? 0, end: end ?? 0, quoteId: null });
    setView('quotes');
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
        view={view}
        onView={hasArticles ? setView : null}
        importState={importer.state}
        importElsewhere={importer.elsewhere}
        onImport={() => openImport()}
        onAbout={showSources}
        search={
          <SearchBox
            inputRef={searchRef}
            value={controls.query}
            onChange={controls.setQuery}
            onSubmit={controls.flush}
            onArrowDown={() => listRef.current?.focus()}
            problem={problem}
            busy={search.loading}
            disabled={!hasArticles}
          />
        }
        filters={hasArticles && corpus.stats && view === 'search' ? <FilterBar controls={controls} stats={corpus.stats} /> : null}
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
        ) : view === 'quotes' ? (
          <QuotesView version={corpus.version} attribution={corpus.attribution} collections={collections} notify={told} reportError={reportError} onShowSources={showSources} jumpTo={jumpTo} />
        ) : view === 'collections' ? (
          <CollectionsView
            state={collections}
            notify={told}
            reportError={reportError}
            onOpenArticle={(articleId, start, end) => {
              setJumpTo({ articleId, start, end, quoteId: null });
              setView('quotes');
            }}
          />
        ) : (
          <SearchView
            search={search}
            version={corpus.version}
            attribution={corpus.attribution}
            listRef={listRef}
            filtered={controls.filtered}
            onClearFilters={controls.resetFilters}
            onShowSources={showSources}
            collect={collect}
          />
        )}
      </main>
      {dialog?.kind === 'import' && <ImportDialog shell={shell} importer={importer} initialPaths={dialog.paths} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'about' && <AboutDialog info={corpus.info} shell={shell} onClose={() => setDialog(null)} />}
    </div>
  );
}
