// The reading pane: the open article with the query's matches highlighted, and a match
// counter with previous/next (buttons, n / Shift+N, F3 / Shift+F3).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticleWithMatches, DemoArticleCredit, DemoAttribution } from '../api/index.ts';
import { useArticle } from '../hooks/use-article.ts';
import { isTypingTarget, modalOpen, useHotkeys } from '../hooks/use-hotkeys.ts';
import { dateTimeAttribute, formatPublished } from '../lib/dates.ts';
import { splitParagraphs, stepMatch, type OrderedMatch } from '../lib/highlight.ts';
import { baseName, languageName } from '../lib/format.ts';
import { HighlightedText } from './highlighted-text.tsx';
import { AlertIcon, BookIcon, ChevronDownIcon, ChevronUpIcon } from './icons.tsx';

export interface ReaderPaneProps {
  articleId: number | null;
  /** The query whose matches to highlight (the one the results are for). */
  query: string;
  version: number;
  attribution: DemoAttribution | null;
  onShowSources(): void;
}

export function ReaderPane({ articleId, query, version, attribution, onShowSources }: ReaderPaneProps) {
  const { article, query: matchedQuery, matches, loading, error } = useArticle(articleId, query, version);
  return (
    <section className="reader" aria-label="Reader" aria-busy={loading || undefined}>
      {articleId === null ? (
        <ReaderWelcome />
      ) : article ? (
        <ArticleView key={`${article.id}|${matchedQuery}`} article={article} matches={matches} query={matchedQuery} attribution={attribution} onShowSources={onShowSources} stale={loading} />
      ) : error ? (
        <div className="reader-message" role="alert">
          <AlertIcon size={20} />
          <p>This article could not be opened: {error}</p>
        </div>
      ) : (
        <div className="reader-loading" aria-label="Opening article">
          <span />
          <span />
          <span />
          <span />
        </div>
      )}
      {article && error && (
        <p className="reader-error-strip" role="alert">
          Could not refresh this article: {error}
        </p>
      )}
    </section>
  );
}

function ReaderWelcome() {
  return (
    <div className="reader-welcome">
      <BookIcon size={28} />
      <p className="reader-welcome-title">Select an article to read it</p>
      <dl className="shortcut-list">
        <div><dt><kbd>/</kbd></dt><dd>Search</dd></div>
        <div><dt><kbd>↑</kbd> <kbd>↓</kbd> or <kbd>j</kbd> <kbd>k</kbd></dt><dd>Move through results</dd></div>
        <div><dt><kbd>Enter</kbd></dt><dd>Open the selected article</dd></div>
        <div><dt><kbd>n</kbd> <kbd>Shift</kbd>+<kbd>n</kbd></dt><dd>Next / previous match</dd></div>
      </dl>
    </div>
  );
}

interface ArticleViewProps {
  article: ArticleWithMatches;
  matches: OrderedMatch[];
  query: string;
  attribution: DemoAttribution | null;
  onShowSources(): void;
  stale: boolean;
}

function ArticleView({ article, matches, query, attribution, onShowSources, stale }: ArticleViewProps) {
  const [current, setCurrent] = useState(matches.length > 0 ? 0 : -1);
  const scrollRef = useRef<HTMLDivElement>(null);
  const paragraphs = useMemo(() => splitParagraphs(article.body), [article.body]);
  const headlineMatches = useMemo(() => matches.filter((m) => m.field === 'headline'), [matches]);
  const bodyMatches = useMemo(() => matches.filter((m) => m.field === 'body'), [matches]);
  const credit = useMemo(() => findCredit(article.path, attribution), [article.path, attribution]);
  const navigated = useRef(false);

  const step = (delta: 1 | -1): void => {
    if (matches.length === 0) return;
    navigated.current = true;
    setCurrent((c) => stepMatch(c, matches.length, delta));
  };

  useHotkeys((event) => {
    if (modalOpen() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'F3') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
      return;
    }
    if (isTypingTarget(event.target)) return;
    if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  });

  // A new article opens at the top.
  useLayoutEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [article.id]);

  // Keep the current match in view: centred when it is off screen, left alone when visible.
  useEffect(() => {
    const container = scrollRef.current;
    if (!container || current < 0) return;
    const mark = container.querySelector<HTMLElement>(`[data-match-index="${current}"]`);
    if (!mark) return;
    const box = container.getBoundingClientRect();
    const rect = mark.getBoundingClientRect();
    const margin = 48;
    if (rect.top < box.top + margin || rect.bottom > box.bottom - margin) {
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      mark.scrollIntoView({ block: 'center', behavior: navigated.current && !reduce ? 'smooth' : 'auto' });
    }
  }, [current]);

  const where = [article.place, article.agency, article.site && article.site !== article.agency ? article.site : null].filter((w): w is string => Boolean(w));
  return (
    <>
      <div className="reader-toolbar">
        <MatchNavigator count={matches.length} current={current} query={query} onStep={step} />
        {stale && <span className="reader-refreshing" role="status" aria-label="Updating" />}
      </div>
      <div className="reader-scroll" ref={scrollRef} tabIndex={-1}>
        <article className="reader-article" aria-labelledby="reader-headline">
          {article.agency && <p className="reader-kicker">{article.agency}</p>}
          <h1 id="reader-headline" className="reader-headline">
            <HighlightedText text={article.headline || 'Untitled'} matches={headlineMatches} current={current} />
          </h1>
          <p className="reader-meta" data-testid="reader-meta">
            {article.published && (
              <time dateTime={dateTimeAttribute(article.published)}>{formatPublished(article.published, { withZone: true })}</time>
            )}
            {where.map((w) => (
              <span key={w}>{w}</span>
            ))}
            {article.byline && <span data-testid="reader-byline">By {article.byline}</span>}
            {article.versionNote && (
              <span className="reader-version" data-testid="reader-version">
                {article.versionNote}
              </span>
            )}
            {article.language && <span title={article.language}>{languageName(article.language)}</span>}
            {article.nearDuplicateGroup && (
              <span data-testid="reader-near-duplicates" title="Articles telling the same story (republished wire copy, updates, rewrites)">
                {article.nearDuplicateGroup.size - 1} near-{article.nearDuplicateGroup.size === 2 ? 'duplicate' : 'duplicates'}
              </span>
            )}
            {article.url && /^https?:\/\//.test(article.url) && (
              <a href={article.url} target="_blank" rel="noreferrer noopener" data-testid="reader-url">
                Original
              </a>
            )}
          </p>
          {article.path && (
            <p className="reader-path" title={article.path}>
              <span className="reader-path-label">Source file</span> <span className="reader-path-value">{article.path}</span>
            </p>
          )}
          <div className="reader-body">
            {paragraphs.length === 0 ? (
              <p className="reader-empty-body">This article has no body text.</p>
            ) : (
              paragraphs.map((p) => (
                <p key={p.start}>
                  <HighlightedText text={p.text} offset={p.start} matches={bodyMatches} current={current} />
                </p>
              ))
            )}
          </div>
          {credit && <CreditNote credit={credit} attribution={attribution} onShowSources={onShowSources} />}
        </article>
      </div>
    </>
  );
}

function MatchNavigator({ count, current, query, onStep }: { count: number; current: number; query: string; onStep(delta: 1 | -1): void }) {
  if (!query) return <p className="match-counter is-idle">Showing the whole article</p>;
  return (
    <div className="match-nav" role="group" aria-label="Matches">
      <p className="match-counter" data-testid="match-counter" aria-live="polite">
        {count === 0 ? 'No matches in this article' : `${current + 1} of ${count}`}
      </p>
      <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+N, Shift+F3)" disabled={count === 0} onClick={() => onStep(-1)}>
        <ChevronUpIcon size={18} />
      </button>
      <button type="button" className="icon-button" aria-label="Next match" title="Next match (N, F3)" disabled={count === 0} onClick={() => onStep(1)}>
        <ChevronDownIcon size={18} />
      </button>
    </div>
  );
}

/** The demo credit for an article imported from the demo corpus, matched on its file name. */
function findCredit(path: string | null, attribution: DemoAttribution | null): DemoArticleCredit | null {
  if (!path || !attribution) return null;
  const normalised = path.replaceAll('\\', '/');
  return (
    attribution.articles.find((a) => {
      const file = a.file.replaceAll('\\', '/');
      return normalised === file || normalised.endsWith(`/${file}`);
    }) ??
    attribution.articles.find((a) => !a.file.includes('/') && baseName(normalised) === a.file) ??
    null
  );
}

function CreditNote({ credit, attribution, onShowSources }: { credit: DemoArticleCredit; attribution: DemoAttribution | null; onShowSources(): void }) {
  const source = attribution?.sources.find((s) => s.name === credit.source);
  return (
    <aside className="reader-credit" aria-label="Source and licence">
      <p>
        From <strong>{credit.source}</strong>:{' '}
        <a href={credit.url} target="_blank" rel="noopener noreferrer">
          {credit.title}
        </a>
        {source && (
          <>
            {' '}
            · {source.licenceUrl ? <a href={source.licenceUrl} target="_blank" rel="noopener noreferrer">{source.licence}</a> : source.licence}
            {source.credit && <> · {source.credit}</>}
          </>
        )}
      </p>
      {attribution?.changes && <p className="reader-credit-changes">{attribution.changes}</p>}
      <button type="button" className="link-button" onClick={onShowSources}>
        All demo sources and licences
      </button>
    </aside>
  );
}
