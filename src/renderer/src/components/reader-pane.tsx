// The reading pane: the open article with the query's matches highlighted, a match counter
// with previous/next (buttons, n / Shift+N, F3 / Shift+F3), numbered paragraphs, copy with
// citation, the source file (opened or shown in its folder, desktop app), and the articles
// like it (near-duplicates and related) with one click to compare.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, shell, type ArticleMeta, type ArticleWithMatches, type CollectionSummary, type DemoArticleCredit, type DemoAttribution, type SimilarArticle } from '../api/index.ts';
import { useArticle } from '../hooks/use-article.ts';
import { errorMessage } from '../hooks/use-notices.ts';
import { useSimilar } from '../hooks/use-similar.ts';
import { textWithCitation } from '../lib/citation.ts';
import { isTypingTarget, modalOpen, useHotkeys } from '../hooks/use-hotkeys.ts';
import { dateTimeAttribute, formatPublished } from '../lib/dates.ts';
import { splitParagraphs, stepMatch, type OrderedMatch } from '../lib/highlight.ts';
import { baseName, languageName } from '../lib/format.ts';
import { CollectForm } from './collect-form.tsx';
import { FOCUS_INDEX, HighlightedText } from './highlighted-text.tsx';
import { AlertIcon, BookIcon, ChevronDownIcon, ChevronUpIcon, CompareIcon, CopyIcon, FolderIcon } from './icons.tsx';

export interface ReaderPaneProps {
  articleId: number | null;
  /** The query whose matches to highlight (the one the results are for). */
  query: string;
  version: number;
  attribution: DemoAttribution | null;
  onShowSources(): void;
  /** A passage of the body to highlight and scroll to (a quote opened from the quotes view). */
  focus?: { start: number; end: number } | null;
  /** When given, selecting text offers "Add to collection". */
  collect?: CollectOptions;
  /** When given, the toolbar offers "Compare with…" and "Add to comparison". */
  compare?: CompareOptions;
  /** Opens another article in the reader (from the similar list). */
  onOpenArticle?(id: number): void;
}

export interface CompareOptions {
  picked: ArticleMeta[];
  onTogglePicked(article: ArticleMeta): void;
  onCompareWith(article: ArticleMeta): void;
  /** Compares two articles side by side. */
  onCompare(a: number, b: number): void;
  /** Steps through the article's near-duplicate group in time order. */
  onVersions(article: ArticleMeta): void;
}

export interface CollectOptions {
  collections: CollectionSummary[];
  onDone(message: string): void;
  onError(title: string, error: unknown): void;
}

export function ReaderPane({ articleId, query, version, attribution, onShowSources, focus = null, collect, compare, onOpenArticle }: ReaderPaneProps) {
  const { article, query: matchedQuery, matches, loading, error } = useArticle(articleId, query, version);
  return (
    <section className="reader" aria-label="Reader" aria-busy={loading || undefined}>
      {articleId === null ? (
        <ReaderWelcome />
      ) : article ? (
        <ArticleView
          key={`${article.id}|${matchedQuery}`}
          article={article}
          matches={matches}
          query={matchedQuery}
          attribution={attribution}
          onShowSources={onShowSources}
          stale={loading}
          focus={focus}
          collect={collect}
          compare={compare}
          version={version}
          onOpenArticle={onOpenArticle}
        />
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
  focus: { start: number; end: number } | null;
  collect: CollectOptions | undefined;
  compare: CompareOptions | undefined;
  version: number;
  onOpenArticle: ((id: number) => void) | undefined;
}

interface Selected {
  start: number;
  end: number;
  top: number;
  left: number;
}

function ArticleView({ article, matches, query, attribution, onShowSources, stale, focus, collect, compare, version, onOpenArticle }: ArticleViewProps) {
  const [selected, setSelected] = useState<Selected | null>(null);
  const [told, setTold] = useState<{ text: string; error: boolean } | null>(null);
  const similarRef = useRef<HTMLElement>(null);
  const [current, setCurrent] = useState(matches.length > 0 ? 0 : -1);
  const scrollRef = useRef<HTMLDivElement>(null);
  const paragraphs = useMemo(() => splitParagraphs(article.body), [article.body]);
  const headlineMatches = useMemo(() => matches.filter((m) => m.field === 'headline'), [matches]);
  const bodyMatches = useMemo(() => {
    const body = matches.filter((m) => m.field === 'body');
    if (!focus || focus.end <= focus.start || focus.end > article.body.length) return body;
    // The focused quote is marked apart from the search matches; overlapping matches give way.
    return [...body.filter((m) => m.end <= focus.start || m.start >= focus.end), { field: 'body' as const, start: focus.start, end: focus.end, index: FOCUS_INDEX }].sort((a, b) => a.start - b.start);
  }, [matches, focus, article.body.length]);
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

  // A new article opens at the top, or at the quote it was opened for.
  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container) return;
    const mark = focus ? container.querySelector<HTMLElement>(`[data-match-index="${FOCUS_INDEX}"]`) : null;
    if (!mark) {
      container.scrollTo({ top: 0 });
      return;
    }
    mark.scrollIntoView({ block: 'center' });
    // Again once the paragraphs around it are laid out (their heights were estimates).
    const frame = requestAnimationFrame(() => mark.scrollIntoView({ block: 'center' }));
    return () => cancelAnimationFrame(frame);
  }, [article.id, focus]);

  const onSelect = (): void => {
    if (!collect) return;
    const selection = window.getSelection();
    const container = scrollRef.current;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !container) return setSelected(null);
    const range = selection.getRangeAt(0);
    const paragraphOf = (node: Node): HTMLElement | null => (node instanceof HTMLElement ? node : node.parentElement)?.closest<HTMLElement>('.reader-body p[data-offset]') ?? null;
    const offsets = selectionOffsets(range, paragraphOf);
    if (!offsets || !article.body.slice(offsets.start, offsets.end).trim()) return setSelected(null);
    const rect = range.getBoundingClientRect();
    const box = container.getBoundingClientRect();
    setSelected({ ...offsets, top: rect.bottom - box.top + container.scrollTop + 8, left: Math.max(8, Math.min(rect.left - box.left, box.width - 340)) });
  };

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
      // Paragraphs off screen have estimated heights (content-visibility), so a far jump is
      // made at once and corrected on the next frame, once the paragraphs there are laid out;
      // only a short step is animated.
      const near = Math.abs(rect.top - box.top) < box.height * 1.5;
      mark.scrollIntoView({ block: 'center', behavior: navigated.current && !reduce && near ? 'smooth' : 'auto' });
      if (!near) {
        const frame = requestAnimationFrame(() => mark.scrollIntoView({ block: 'center' }));
        return () => cancelAnimationFrame(frame);
      }
    }
  }, [current]);

  const say = (text: string, error = false): void => setTold({ text, error });
  useEffect(() => {
    if (!told) return;
    const timer = window.setTimeout(() => setTold(null), 4000);
    return () => window.clearTimeout(timer);
  }, [told]);

  // The selection inside the article body, if any; otherwise the whole article is copied.
  const copyWithCitation = (): void => {
    const selection = window.getSelection();
    const container = scrollRef.current;
    let passage: string | null = null;
    if (selection && !selection.isCollapsed && selection.rangeCount > 0 && container) {
      const range = selection.getRangeAt(0);
      const paragraphOf = (node: Node): HTMLElement | null => (node instanceof HTMLElement ? node : node.parentElement)?.closest<HTMLElement>('.reader-body p[data-offset]') ?? null;
      const offsets = selectionOffsets(range, paragraphOf);
      if (offsets) passage = article.body.slice(offsets.start, offsets.end);
      else if (container.contains(range.commonAncestorContainer)) passage = selection.toString();
    }
    navigator.clipboard.writeText(textWithCitation(article, passage)).then(
      () => say(passage ? 'Copied the selection with its citation' : 'Copied the article with its citation'),
      (error: unknown) => say(`Could not copy: ${errorMessage(error)}`, true),
    );
  };

  const source = (method: 'article.openSource' | 'article.revealSource'): void => {
    api.call(method, { id: article.id }).then(
      () => say(method === 'article.openSource' ? 'Opened the source file' : 'Showed the source file in its folder'),
      (error: unknown) => say(errorMessage(error), true),
    );
  };

  const where = [article.place, article.agency, article.site && article.site !== article.agency ? article.site : null].filter((w): w is string => Boolean(w));
  return (
    <>
      <div className="reader-toolbar">
        <MatchNavigator count={matches.length} current={current} query={query} onStep={step} />
        {stale && <span className="reader-refreshing" role="status" aria-label="Updating" />}
        <div className="reader-actions">
          {told && (
            <span className={`reader-told${told.error ? ' is-error' : ''}`} role={told.error ? 'alert' : 'status'} data-testid="reader-told">
              {told.text}
            </span>
          )}
          <button
            type="button"
            className="button button-small"
            aria-label="Copy with citation"
            title="Copy the selected text (or the whole article) with a citation line"
            // Keep the reader's selection: the button must not take it away before the click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={copyWithCitation}
          >
            <CopyIcon size={14} /> Copy
          </button>
          <button type="button" className="button button-small" title="Articles like this one" onClick={() => similarRef.current?.scrollIntoView({ block: 'start' })}>
            Similar
          </button>
          {compare && (
            <>
              <button type="button" className="button button-small" onClick={() => compare.onCompareWith(article)}>
                <CompareIcon size={14} /> Compare with…
              </button>
              <button
                type="button"
                className={`button button-small${compare.picked.some((p) => p.id === article.id) ? ' is-on' : ''}`}
                aria-pressed={compare.picked.some((p) => p.id === article.id)}
                onClick={() => compare.onTogglePicked(article)}
              >
                {compare.picked.some((p) => p.id === article.id) ? 'In comparison' : 'Add to comparison'}
              </button>
            </>
          )}
        </div>
      </div>
      <div className="reader-scroll" ref={scrollRef} tabIndex={-1} onMouseUp={onSelect} onKeyUp={(e) => e.shiftKey && onSelect()}>
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
                {compare && (
                  <>
                    {' '}
                    <button type="button" className="link-button reader-versions" onClick={() => compare.onVersions(article)}>
                      Versions
                    </button>
                  </>
                )}
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
              <span className="reader-path-label">Source file</span> <span className="reader-path-value" data-testid="reader-source">{article.path}</span>
              {shell === 'desktop' && (
                <span className="reader-path-actions">
                  <button type="button" className="link-button" onClick={() => source('article.openSource')}>
                    Open source file
                  </button>
                  <button type="button" className="link-button" onClick={() => source('article.revealSource')}>
                    <FolderIcon size={12} /> Show in folder
                  </button>
                </span>
              )}
            </p>
          )}
          <div className="reader-body">
            {paragraphs.length === 0 ? (
              <p className="reader-empty-body">This article has no body text.</p>
            ) : (
              paragraphs.map((p, i) => (
                // The number is drawn by CSS from data-n, so it is never selected or copied.
                <p key={p.start} data-offset={p.start} data-n={i + 1}>
                  <HighlightedText text={p.text} offset={p.start} matches={bodyMatches} current={current} />
                </p>
              ))
            )}
          </div>
          {credit && <CreditNote credit={credit} attribution={attribution} onShowSources={onShowSources} />}
          <SimilarList sectionRef={similarRef} article={article} version={version} compare={compare} onOpenArticle={onOpenArticle} />
        </article>
        {selected && collect && (
          <CollectForm
            key={`${selected.start}-${selected.end}`}
            item={{ articleId: article.id, start: selected.start, end: selected.end }}
            preview={article.body.slice(selected.start, selected.end)}
            collections={collect.collections}
            style={{ top: selected.top, left: selected.left }}
            onDone={(message) => {
              setSelected(null);
              window.getSelection()?.removeAllRanges();
              collect.onDone(message);
            }}
            onCancel={() => setSelected(null)}
            onError={collect.onError}
          />
        )}
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

/**
 * The offsets in the article body of a selection in the reader: every paragraph element
 * carries data-offset, the index of its first character in the body.
 */
function selectionOffsets(range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }, paragraphOf: (node: Node) => HTMLElement | null): { start: number; end: number } | null {
  const at = (node: Node, offset: number): number | null => {
    const p = paragraphOf(node);
    if (!p) return null;
    const r = document.createRange();
    r.setStart(p, 0);
    r.setEnd(node, offset);
    return Number(p.dataset.offset) + r.toString().length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function SimilarList({ sectionRef, article, version, compare, onOpenArticle }: { sectionRef: React.RefObject<HTMLElement | null>; article: ArticleMeta; version: number; compare: CompareOptions | undefined; onOpenArticle: ((id: number) => void) | undefined }) {
  const { result, error } = useSimilar(article.id, version);
  return (
    <section className="reader-similar" ref={sectionRef} aria-labelledby="reader-similar-title" aria-busy={!result && !error}>
      <h2 id="reader-similar-title" className="reader-similar-title">
        Similar articles
      </h2>
      {error ? (
        <p className="reader-similar-empty" role="alert">
          Similar articles could not be found: {error}
        </p>
      ) : !result ? (
        <p className="reader-similar-empty">Looking for articles like this one…</p>
      ) : result.articles.length === 0 ? (
        <p className="reader-similar-empty">No other article tells this story or shares its distinctive words.</p>
      ) : (
        <ol className="similar-list" aria-label="Similar articles">
          {result.articles.map((s) => (
            <SimilarItem key={s.id} item={s} onOpen={onOpenArticle} onCompare={compare ? () => compare.onCompare(article.id, s.id) : undefined} />
          ))}
        </ol>
      )}
    </section>
  );
}

function SimilarItem({ item, onOpen, onCompare }: { item: SimilarArticle; onOpen: ((id: number) => void) | undefined; onCompare: (() => void) | undefined }) {
  const percent = Math.round(item.score * 100);
  const where = [item.agency, item.place].filter(Boolean).join(' · ');
  return (
    <li className={`similar-item is-${item.kind}`}>
      <span className="similar-score" title={item.kind === 'near-duplicate' ? 'Share of word sequences in common' : 'How strongly it shares this article\'s distinctive words'}>
        <span className="similar-score-bar" style={{ width: `${percent}%` }} />
        <span className="similar-score-text">{percent}%</span>
      </span>
      <span className="similar-body">
        <span className="similar-kind">{item.kind === 'near-duplicate' ? 'Same story' : 'Related'}</span>
        {onOpen ? (
          <button type="button" className="link-button similar-headline" onClick={() => onOpen(item.id)}>
            {item.headline || 'Untitled'}
          </button>
        ) : (
          <span className="similar-headline">{item.headline || 'Untitled'}</span>
        )}
        <span className="similar-meta">
          {item.versionNote && <span className="similar-version">{item.versionNote}</span>}
          {item.published && <time dateTime={dateTimeAttribute(item.published)}>{formatPublished(item.published)}</time>}
          {where && <span>{where}</span>}
        </span>
      </span>
      {onCompare && (
        <button type="button" className="button button-small similar-compare" aria-label={`Compare with ${item.headline || 'Untitled'}`} onClick={onCompare}>
          <CompareIcon size={14} /> Compare
        </button>
      )}
    </li>
  );
}
