// The window: top bar, the current view, and the dialogs. State lives in hooks; views and
// dialogs live in components/. Later views (quotes, compare, collections) join `View`.
import { useCallback, useRef, useState } from 'react';
import { api, shell, type ArticleMeta } from './api/index.ts';
import { AboutDialog } from './components/about-dialog.tsx';
import { CompareMatrixView } from './components/compare-matrix.tsx';
import { ComparePicker } from './components/compare-picker.tsx';
import { CompareTray } from './components/compare-tray.tsx';
import { CompareView } from './components/compare-view.tsx';
import { VersionsView } from './components/versions-view.tsx';
import { CorpusHealthBanner } from './components/corpus-health-banner.tsx';
import { EmptyState } from './components/empty-state.tsx';
import { ExportDialog } from './components/export-dialog.tsx';
import { FacetPanel } from './components/facet-panel.tsx';
import { FilterBar } from './components/filter-bar.tsx';
import { ImportDialog } from './components/import-dialog.tsx';
import { SearchBox } from './components/search-box.tsx';
import { SearchMenu } from './components/search-menu.tsx';
import { SearchView } from './components/search-view.tsx';
import { StartupPanel } from './components/startup-panel.tsx';
import { CollectionsView } from './components/collections-view.tsx';
import { QuotesView } from './components/quotes-view.tsx';
import { TopBar, type ViewName } from './components/top-bar.tsx';
import { useCollections } from './hooks/use-collections.ts';
import { useApiEvent } from './hooks/use-api-event.ts';
import { useCorpus } from './hooks/use-corpus.ts';
import { useCorpusHealth } from './hooks/use-corpus-health.ts';
import { useFacets } from './hooks/use-facets.ts';
import { isTypingTarget, modalOpen, useHotkeys } from './hooks/use-hotkeys.ts';
import { useImport } from './hooks/use-import.ts';
import { useImportReport } from './hooks/use-import-report.ts';
import { useNotices } from './hooks/use-notices.ts';
import { useSearch } from './hooks/use-search.ts';
import { useSearchFilters } from './hooks/use-search-filters.ts';

export type View = ViewName;

/** Within the articles view: the result list and reader, or a comparison opened from them. */
type ArticlesMode = { kind: 'list' } | { kind: 'compare'; a: number; b: number } | { kind: 'matrix'; ids: number[] } | { kind: 'versions'; id: number };

type Dialog = { kind: 'import'; paths: string[] } | { kind: 'about' } | { kind: 'export' } | { kind: 'compare-with'; article: ArticleMeta } | null;

/** At most this many articles in a comparison matrix. */
const MAX_COMPARED = 20;

export function App() {
  const { notify, reportError } = useNotices();
  const corpus = useCorpus();
  const health = useCorpusHealth(corpus.refresh);
  const controls = useSearchFilters();
  const importer = useImport(reportError);
  const [view, setView] = useState<View>('search');
  const [mode, setMode] = useState<ArticlesMode>({ kind: 'list' });
  const [picked, setPicked] = useState<ArticleMeta[]>([]);
  const [openRequest, setOpenRequest] = useState<{ id: number; at: number } | null>(null);
  const collections = useCollections(reportError);
  const [jumpTo, setJumpTo] = useState<{ articleId: number; start: number; end: number; quoteId: null } | null>(null);
  const told = useCallback((message: string) => notify({ kind: 'success', title: message }), [notify]);
  const collect = { collections: collections.collections, onDone: told, onError: reportError };
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const hasArticles = (corpus.stats?.articles ?? 0) > 0;
  const searching = hasArticles && view === 'search' && mode.kind === 'list';
  const search = useSearch(controls.args, { enabled: searching, version: corpus.version });
  const facets = useFacets({ ...controls.args }, { enabled: searching, version: corpus.version });

  const togglePicked = useCallback((article: ArticleMeta) => {
    setPicked((list) => (list.some((a) => a.id === article.id) ? list.filter((a) => a.id !== article.id) : list.length >= MAX_COMPARED ? list : [...list, article]));
  }, []);
  const compareWith = useCallback((article: ArticleMeta) => setDialog({ kind: 'compare-with', article }), []);
  const compare = useCallback((next: ArticlesMode) => {
    setView('search');
    setMode(next);
  }, []);
  const backToList = useCallback(() => setMode({ kind: 'list' }), []);
  const openInReader = useCallback((id: number) => {
    setView('search');
    setMode({ kind: 'list' });
    setOpenRequest({ id, at: Date.now() });
  }, []);

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
            onSubmit={() => {
              controls.flush();
              // Enter settles a search: it goes into the history.
              if (controls.query.trim()) api.call('search.query', { ...controls.options, query: controls.query.trim(), limit: 1, remember: true }).catch(() => {});
            }}
            onOpenArticle={openInReader}
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
        filters={hasArticles && corpus.stats && view === 'search' && mode.kind === 'list' ? <FilterBar controls={controls} stats={corpus.stats} /> : null}
      />
      <CorpusHealthBanner state={health} />
      <main className="main">
        {corpus.stats === null || (!hasArticles && !corpus.welcomeReady) ? (
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
          <>
            {/* The result list stays mounted under a comparison, so going back keeps its place. */}
            <div className="view-slot" hidden={mode.kind !== 'list'}>
              <SearchView
                search={search}
                facets={<FacetPanel facets={facets.facets} loading={facets.loading} controls={controls} />}
                version={corpus.version}
                attribution={corpus.attribution}
                listRef={listRef}
                filtered={controls.filtered}
                onClearFilters={controls.resetFilters}
                onShowSources={showSources}
                collect={collect}
                picked={picked}
                onTogglePicked={togglePicked}
                onCompareWith={compareWith}
                onCompare={(a, b) => compare({ kind: 'compare', a, b })}
                onVersions={(article) => compare({ kind: 'versions', id: article.id })}
                openRequest={openRequest}
              />
            </div>
            {mode.kind === 'compare' && (
              <CompareView a={mode.a} b={mode.b} version={corpus.version} onSwap={() => setMode({ kind: 'compare', a: mode.b, b: mode.a })} onClose={backToList} onOpen={openInReader} />
            )}
            {mode.kind === 'versions' && <VersionsView articleId={mode.id} version={corpus.version} onClose={backToList} onOpen={openInReader} />}
            {mode.kind === 'matrix' && <CompareMatrixView ids={mode.ids} version={corpus.version} onPair={(a, b) => setMode({ kind: 'compare', a, b })} onClose={backToList} />}
          </>
        )}
      </main>
      {dialog?.kind === 'import' && <ImportDialog shell={shell} importer={importer} initialPaths={dialog.paths} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'about' && <AboutDialog info={corpus.info} shell={shell} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'export' && <ExportDialog args={controls.args} shell={shell} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'compare-with' && (
        <ComparePicker
          article={dialog.article}
          onClose={() => setDialog(null)}
          onPick={(other) => {
            setDialog(null);
            compare({ kind: 'compare', a: dialog.article.id, b: other });
          }}
        />
      )}
      {hasArticles && (
        <CompareTray
          picked={picked}
          onRemove={(id) => setPicked((list) => list.filter((a) => a.id !== id))}
          onClear={() => setPicked([])}
          onCompare={() => compare(picked.length === 2 ? { kind: 'compare', a: picked[0]!.id, b: picked[1]!.id } : { kind: 'matrix', ids: picked.map((a) => a.id) })}
        />
      )}
    </div>
  );
}
