// Two articles side by side: paragraphs aligned row by row (so both columns scroll as one),
// shared passages tinted in both, word changes marked inside changed paragraphs, moved and
// one-sided paragraphs labelled, quotes that differ called out, and a summary line.
import { useMemo, type ReactNode } from 'react';
import type { AlignedRow, CompareResult, CompareSide, QuotedPassage } from '../api/index.ts';
import { useComparison } from '../hooks/use-comparison.ts';
import { dateTimeAttribute, formatPublished } from '../lib/dates.ts';
import { diffLayers, paint, type Layer } from '../lib/layers.ts';
import { AlertIcon, ArrowLeftIcon, SwapIcon } from './icons.tsx';

export interface CompareViewProps {
  a: number;
  b: number;
  version: number;
  /** Without it (versions, which keep their time order) there is no swap button. */
  onSwap?(): void;
  onClose(): void;
  onOpen(id: number): void;
  /** A bar shown under the header (the versions stepper). */
  above?: ReactNode;
}

export function CompareView({ a, b, version, onSwap, onClose, onOpen, above }: CompareViewProps) {
  const { result, error } = useComparison(a, b, version);
  return (
    <section className="compare" aria-label="Comparison">
      <header className="compare-bar">
        <button type="button" className="button" onClick={onClose}>
          <ArrowLeftIcon /> Back to results
        </button>
        <p className="compare-summary" data-testid="compare-summary" aria-live="polite">
          {result ? result.summary.text : error ? '' : 'Comparing…'}
        </p>
        <Legend />
        {onSwap && (
          <button type="button" className="button" onClick={onSwap} title="Put B on the left and A on the right">
            <SwapIcon /> Swap sides
          </button>
        )}
      </header>
      {above}
      {error && (
        <p className="compare-error" role="alert">
          <AlertIcon size={16} /> These articles could not be compared: {error}
        </p>
      )}
      {result && <Comparison result={result} onOpen={onOpen} />}
    </section>
  );
}

function Legend() {
  return (
    <ul className="compare-legend" aria-label="Legend">
      <li><span className="swatch cmp-shared" /> shared</li>
      <li><span className="swatch cmp-del" /> only in A</li>
      <li><span className="swatch cmp-ins" /> only in B</li>
    </ul>
  );
}

function Comparison({ result, onOpen }: { result: CompareResult; onOpen(id: number): void }) {
  const layersA = useMemo(() => sideLayers(result.a, result.quotes.aOnly, result.quotes.changed, 'a'), [result]);
  const quotesB = useMemo(() => result.quotes.changed.map((q) => findIn(result.b.article.body, q.counterpart)).filter((q): q is QuotedPassage => q !== null), [result]);
  const layersB = useMemo(() => sideLayers(result.b, result.quotes.bOnly, quotesB, 'b'), [result, quotesB]);
  return (
    <div className="compare-scroll" data-testid="compare-scroll">
      {(result.quotes.aOnly.length > 0 || result.quotes.bOnly.length > 0 || result.quotes.changed.length > 0) && <QuotesPanel result={result} />}
      <div className="compare-grid" role="table" aria-label="Aligned paragraphs">
        <div className="compare-row compare-heads" role="row">
          <SideHead side={result.a} label="A" diff={result.headlineDiff} which="a" onOpen={onOpen} />
          <SideHead side={result.b} label="B" diff={result.headlineDiff} which="b" onOpen={onOpen} />
        </div>
        {result.rows.map((row, i) => (
          <Row key={i} row={row} result={result} layersA={layersA} layersB={layersB} />
        ))}
      </div>
    </div>
  );
}

function SideHead({ side, label, diff, which, onOpen }: { side: CompareSide; label: string; diff: CompareResult['headlineDiff']; which: 'a' | 'b'; onOpen(id: number): void }) {
  const a = side.article;
  const headlineLayers = diffLayers(diff, which, 0);
  const where = [a.place, a.agency].filter(Boolean).join(' · ');
  const share = side.words ? Math.round((side.sharedWords / side.words) * 100) : 100;
  return (
    <div className={`compare-cell compare-head is-${which}`} role="columnheader">
      <p className="compare-side-label">
        <span className="compare-badge">{label}</span> {share}% of its words shared
        {a.versionNote && <span className="compare-version">{a.versionNote}</span>}
      </p>
      <h2 className="compare-headline">
        <Painted text={a.headline || 'Untitled'} offset={0} layers={headlineLayers} />
      </h2>
      <p className="compare-meta">
        {a.published && <time dateTime={dateTimeAttribute(a.published)}>{formatPublished(a.published)}</time>}
        {where && <span>{where}</span>}
        <button type="button" className="link-button" onClick={() => onOpen(a.id)}>
          Open in reader
        </button>
      </p>
    </div>
  );
}

function Row({ row, result, layersA, layersB }: { row: AlignedRow; result: CompareResult; layersA: Layer[]; layersB: Layer[] }) {
  const cell = (side: CompareSide, index: number, which: 'a' | 'b', layers: Layer[], note: string | null, extra: Layer[] = []) => {
    const p = side.paragraphs[index]!;
    return (
      <div className={`compare-cell is-${which}`} role="cell">
        <p className="compare-para-meta">
          <span className="compare-para-number">¶{index + 1}</span>
          {note && <span className={`compare-note note-${row.kind}`}>{note}</span>}
        </p>
        <p className="compare-para">
          <Painted text={side.article.body.slice(p.start, p.end)} offset={p.start} layers={[...layers, ...extra]} />
        </p>
      </div>
    );
  };
  const empty = (which: 'a' | 'b', text: string) => (
    <div className={`compare-cell is-${which} is-empty`} role="cell">
      <p className="compare-gap">{text}</p>
    </div>
  );
  switch (row.kind) {
    case 'same':
      return (
        <div className="compare-row is-same" role="row">
          {cell(result.a, row.a, 'a', layersA, row.moved ? `moved · ¶${row.b + 1} in B` : null)}
          {cell(result.b, row.b, 'b', layersB, row.moved ? `moved · ¶${row.a + 1} in A` : null)}
        </div>
      );
    case 'changed': {
      const pa = result.a.paragraphs[row.a]!;
      const pb = result.b.paragraphs[row.b]!;
      const note = `changed${row.moved ? ' · moved' : ''}`;
      return (
        <div className="compare-row is-changed" role="row">
          {cell(result.a, row.a, 'a', layersA, note, diffLayers(row.diff, 'a', pa.start))}
          {cell(result.b, row.b, 'b', layersB, note, diffLayers(row.diff, 'b', pb.start))}
        </div>
      );
    }
    case 'a-only':
      return (
        <div className="compare-row is-a-only" role="row">
          {cell(result.a, row.a, 'a', layersA, 'only in A')}
          {empty('b', 'Not in B')}
        </div>
      );
    case 'b-only':
      return (
        <div className="compare-row is-b-only" role="row">
          {empty('a', 'Not in A')}
          {cell(result.b, row.b, 'b', layersB, 'only in B')}
        </div>
      );
  }
}

function Painted({ text, offset, layers }: { text: string; offset: number; layers: Layer[] }) {
  const pieces = useMemo(() => paint(text, offset, layers), [text, offset, layers]);
  return (
    <>
      {pieces.map((piece, i) =>
        piece.classes.length ? (
          <span key={i} className={piece.classes.join(' ')} title={piece.title}>
            {piece.text}
          </span>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}

function QuotesPanel({ result }: { result: CompareResult }) {
  return (
    <aside className="compare-quotes" aria-label="Quotes that differ">
      {result.quotes.changed.length > 0 && (
        <div>
          <h3>Quotes worded differently</h3>
          <ul>
            {result.quotes.changed.map((q, i) => (
              <li key={i}>
                <span className="cmp-quote-a">A: “{q.text}”</span>
                <span className="cmp-quote-b">B: “{q.counterpart}”</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.quotes.aOnly.length > 0 && (
        <div>
          <h3>Quotes only in A</h3>
          <ul>
            {result.quotes.aOnly.map((q, i) => (
              <li key={i} className="cmp-quote-a">“{q.text}”</li>
            ))}
          </ul>
        </div>
      )}
      {result.quotes.bOnly.length > 0 && (
        <div>
          <h3>Quotes only in B</h3>
          <ul>
            {result.quotes.bOnly.map((q, i) => (
              <li key={i} className="cmp-quote-b">“{q.text}”</li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}

/** Shared passages, and the quotes this side has alone or worded differently, as layers. */
function sideLayers(side: CompareSide, only: QuotedPassage[], changed: QuotedPassage[], which: 'a' | 'b'): Layer[] {
  return [
    ...side.shared.map((s) => ({ start: s.start, end: s.end, className: 'cmp-shared' })),
    ...only.map((q) => ({ start: q.start, end: q.end, className: 'cmp-quote-only', title: `This quote is only in ${which.toUpperCase()}` })),
    ...changed.map((q) => ({ start: q.start, end: q.end, className: 'cmp-quote-changed', title: 'This quote is worded differently in the other article' })),
  ];
}

function findIn(body: string, text: string | null): QuotedPassage | null {
  if (!text) return null;
  const start = body.indexOf(text);
  return start < 0 ? null : { start, end: start + text.length, text, counterpart: null };
}
