// The quotes view: search within quotes (speaker:NAME plus the usual syntax), speakers as
// facets, a per-speaker timeline, and every quote opening its article at the right place.
import { useEffect, useMemo, useState } from 'react';
import { api, WirebenchError, type DemoAttribution, type QuoteHit, type QuoteSearchResult, type Timeline } from '../api/index.ts';
import type { CollectionsState } from '../hooks/use-collections.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { formatPublished } from '../lib/dates.ts';
import { formatNumber } from '../lib/format.ts';
import { barHeights, speakerOf, timelineLabels, withSpeaker } from '../lib/quotes.ts';
import { CollectForm } from './collect-form.tsx';
import { SearchIcon } from './icons.tsx';
import { ReaderPane } from './reader-pane.tsx';

export interface QuotesViewProps {
  version: number;
  attribution: DemoAttribution | null;
  collections: CollectionsState;
  notify(message: string): void;
  reportError(title: string, error: unknown): void;
  onShowSources(): void;
  /** An article passage to open (from a collection item). */
  jumpTo: Opened | null;
}

interface Opened {
  articleId: number;
  start: number;
  end: number;
  quoteId: number | null;
}

const PAGE = 100;

export function QuotesView({ version, attribution, collections, notify, reportError, onShowSources, jumpTo }: QuotesViewProps) {
  const [query, setQuery] = useState('');
  const [debounced, flush] = useDebouncedValue(query, 200);
  const [result, setResult] = useState<QuoteSearchResult | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<Opened | null>(jumpTo);
  useEffect(() => setOpen(jumpTo), [jumpTo]);
  const [collecting, setCollecting] = useState<number | null>(null);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const speaker = speakerOf(debounced);

  useEffect(() => setLimit(PAGE), [debounced]);

  useEffect(() => {
    let live = true;
    api.call('quotes.search', { query: debounced, limit }).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setProblem(r.notice);
      },
      (error: unknown) => {
        if (!live) return;
        if (error instanceof WirebenchError && error.code === 'bad_query') setProblem(error.message);
        else reportError('Could not search the quotes', error);
      },
    );
    return () => {
      live = false;
    };
  }, [debounced, limit, version, reportError]);

  useEffect(() => {
    if (!speaker) return setTimeline(null);
    let live = true;
    api.call('quotes.timeline', { speaker, query: withSpeaker(debounced, null) }).then(
      (t) => live && setTimeline(t),
      () => live && setTimeline(null),
    );
    return () => {
      live = false;
    };
  }, [speaker, debounced, version]);

  const labels = useMemo(() => timelineLabels(timeline?.buckets.map((b) => b.period) ?? []), [timeline]);
  const heights = useMemo(() => barHeights(timeline?.buckets.map((b) => b.count) ?? []), [timeline]);
  const focus = useMemo(() => (open ? { start: open.start, end: open.end } : null), [open]);
  const collect = { collections: collections.collections, onDone: notify, onError: reportError };

  return (
    <div className="quotes-view">
      <section className="quotes-panel" aria-label="Quotes">
        <div className="quotes-search search-box">
          <SearchIcon className="search-box-icon" size={17} />
          <input
            className="search-box-input"
            type="search"
            aria-label="Search quotes"
            placeholder='Search quotes: speaker:Peskov talks, "exact words"…'
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && flush()}
            spellCheck={false}
          />
        </div>
        {problem && (
          <p className="quotes-problem" role="status">
            {problem}
          </p>
        )}
        {result && result.speakers.length > 0 && (
          <div className="speaker-facets" role="group" aria-label="Speakers">
            {speaker && (
              <button type="button" className="speaker-facet is-clear" onClick={() => setQuery(withSpeaker(query, null))}>
                All speakers
              </button>
            )}
            {result.speakers.slice(0, speaker ? 1 : 14).map((s) => (
              <button
                type="button"
                key={`${s.personId ?? s.speaker}`}
                className={`speaker-facet${speaker ? ' is-active' : ''}`}
                aria-pressed={Boolean(speaker)}
                onClick={() => setQuery(withSpeaker(query, speaker ? null : s.speaker))}
              >
                <span>{s.speaker}</span>
                <span className="facet-count">{formatNumber(s.count)}</span>
              </button>
            ))}
          </div>
        )}
        {timeline && timeline.buckets.length > 0 && (
          <figure className="timeline" aria-label={`Statements by ${timeline.speaker ?? 'speaker'} over time`}>
            <figcaption>
              Statements by <strong>{timeline.speaker}</strong>, by {timeline.granularity}
              {timeline.undated > 0 && ` (${timeline.undated} undated)`}
            </figcaption>
            <div className="timeline-bars" data-testid="timeline">
              {timeline.buckets.map((b, k) => (
                <div key={b.period} className="timeline-bar" title={`${b.period}: ${b.count}`}>
                  <span className="timeline-fill" style={{ height: `${Math.max(6, heights[k]! * 100)}%` }} />
                  <span className="timeline-label">
                    {labels[k]!.main}
                    <span className="timeline-year">{labels[k]!.year ?? '\u00a0'}</span>
                  </span>
                </div>
              ))}
            </div>
          </figure>
        )}
        <p className="quotes-count" aria-live="polite">
          {result ? `${formatNumber(result.total)} ${result.total === 1 ? 'quote' : 'quotes'}` : 'Searching…'}
        </p>
        <ol className="quote-list" aria-label="Quotes found">
          {result?.quotes.map((q) => (
            <li key={q.id} className={`quote-card${open?.quoteId === q.id ? ' is-open' : ''}`} data-quote-id={q.id}>
              <button type="button" className="quote-open" onClick={() => setOpen(openedOf(q))} aria-label={`Open the article at this quote of ${q.speaker ?? 'an unnamed speaker'}`}>
                <blockquote className="quote-text">{q.text}</blockquote>
                <span className="quote-speaker">
                  {q.speaker ?? 'Unattributed'}
                  {q.description && <span className="quote-description">, {q.description}</span>}
                </span>
                <span className="quote-source">
                  {[q.agency, q.published && formatPublished(q.published), q.headline].filter(Boolean).join(' · ')}
                </span>
              </button>
              <button type="button" className="button button-quiet button-small quote-collect" onClick={() => setCollecting(collecting === q.id ? null : q.id)} aria-expanded={collecting === q.id}>
                Collect
              </button>
              {collecting === q.id && (
                <CollectForm
                  item={{ quoteId: q.id }}
                  preview={q.text}
                  collections={collections.collections}
                  onDone={(m) => {
                    setCollecting(null);
                    notify(m);
                  }}
                  onCancel={() => setCollecting(null)}
                  onError={reportError}
                />
              )}
            </li>
          ))}
        </ol>
        {result && result.quotes.length < result.total && (
          <button type="button" className="button load-more" onClick={() => setLimit((l) => Math.min(500, l + PAGE))} disabled={limit >= 500}>
            {limit >= 500 ? 'Narrow the search to see more' : 'Show more'}
          </button>
        )}
      </section>
      <ReaderPane articleId={open?.articleId ?? null} query="" version={version} attribution={attribution} onShowSources={onShowSources} focus={focus} collect={collect} />
    </div>
  );
}

function openedOf(q: QuoteHit): Opened {
  return { articleId: q.articleId, start: q.start, end: q.end, quoteId: q.id };
}
