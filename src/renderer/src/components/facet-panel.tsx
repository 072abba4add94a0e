// Facets beside the results: matches per month as a histogram the user can brush (drag across
// bars) to set the date range, and counts per agency, place and language that filter on a click.
import { useRef, useState } from 'react';
import type { FacetValue, MonthCount, SearchFacets } from '../api/index.ts';
import type { SearchControls } from '../hooks/use-search-filters.ts';
import { formatNumber } from '../lib/format.ts';
import { monthRange, selectedMonths } from '../lib/search-tools.ts';

const LANGUAGES: Record<string, string> = { en: 'English', ru: 'Russian', uk: 'Ukrainian' };

export function FacetPanel({ facets, loading, controls }: { facets: SearchFacets | null; loading: boolean; controls: SearchControls }) {
  const { filters, setFilter, setFilters } = controls;
  const about = facets && !facets.exact ? '≈ ' : '';
  return (
    <aside className={`facets${loading ? ' is-loading' : ''}`} aria-label="Refine the results" data-testid="facets">
      {facets && (
        <>
          <Histogram
            months={facets.months}
            selected={selectedMonths(filters.from, filters.to)}
            approximate={!facets.exact}
            onSelect={(a, b) => setFilters(monthRange(a, b))}
            onClear={() => setFilters({ from: '', to: '' })}
          />
          <FacetList title="Agency" testId="facet-agency" values={facets.agencies} about={about} selected={filters.agency} onPick={(v) => setFilter('agency', v === filters.agency ? '' : v)} />
          <FacetList title="Place" testId="facet-place" values={facets.places} about={about} selected={filters.place} onPick={(v) => setFilter('place', v === filters.place ? '' : v)} />
          <FacetList
            title="Language"
            testId="facet-language"
            values={facets.languages}
            about={about}
            label={(v) => LANGUAGES[v] ?? v}
            selected={filters.language}
            onPick={(v) => setFilter('language', v === filters.language ? '' : v)}
          />
          {!facets.exact && <p className="facets-note">≈ estimated from a sample of the matches</p>}
        </>
      )}
    </aside>
  );
}

function FacetList(props: { title: string; testId: string; values: FacetValue[]; about: string; selected: string; label?: (v: string) => string; onPick(value: string): void }) {
  const [all, setAll] = useState(false);
  const { values, selected } = props;
  if (values.length === 0 && !selected) return null;
  const shown = all ? values : values.slice(0, 8);
  return (
    <section className="facet" data-testid={props.testId}>
      <h3 className="facet-title">{props.title}</h3>
      <ul className="facet-values">
        {shown.map((v) => (
          <li key={v.value}>
            <button type="button" className={`facet-value${v.value === selected ? ' is-selected' : ''}`} aria-pressed={v.value === selected} onClick={() => props.onPick(v.value)}>
              <span className="facet-name">{props.label ? props.label(v.value) : v.value}</span>
              <span className="facet-count">
                {props.about}
                {formatNumber(v.count)}
              </span>
            </button>
          </li>
        ))}
        {selected && !values.some((v) => v.value === selected) && (
          <li>
            <button type="button" className="facet-value is-selected" aria-pressed onClick={() => props.onPick(selected)}>
              <span className="facet-name">{props.label ? props.label(selected) : selected}</span>
              <span className="facet-count">0</span>
            </button>
          </li>
        )}
      </ul>
      {values.length > 8 && (
        <button type="button" className="link-button facet-more" onClick={() => setAll(!all)}>
          {all ? 'Fewer' : `All ${values.length}`}
        </button>
      )}
    </section>
  );
}

interface HistogramProps {
  months: MonthCount[];
  selected: { first: string; last: string } | null;
  approximate: boolean;
  onSelect(first: string, last: string): void;
  onClear(): void;
}

/** Bars per month; press and drag across bars to choose a range of months. */
function Histogram({ months, selected, approximate, onSelect, onClear }: HistogramProps) {
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  if (months.length === 0) return null;
  const max = Math.max(1, ...months.map((m) => m.count));
  const indexAt = (clientX: number): number => {
    const box = ref.current!.getBoundingClientRect();
    return Math.max(0, Math.min(months.length - 1, Math.floor(((clientX - box.left) / box.width) * months.length)));
  };
  const inDrag = (i: number): boolean => drag !== null && i >= Math.min(drag.start, drag.end) && i <= Math.max(drag.start, drag.end);
  const inSelection = (m: MonthCount): boolean => selected !== null && m.month >= selected.first && m.month <= selected.last;
  const total = months.reduce((s, m) => s + m.count, 0);
  return (
    <section className="facet facet-histogram">
      <h3 className="facet-title">
        Published
        {selected && (
          <button type="button" className="link-button facet-clear" onClick={onClear}>
            Any time
          </button>
        )}
      </h3>
      <div
        ref={ref}
        className="histogram"
        data-testid="histogram"
        role="slider"
        aria-label="Matches per month; drag across months to filter by date"
        aria-valuetext={selected ? `${selected.first} to ${selected.last}` : 'any time'}
        aria-valuemin={0}
        aria-valuemax={months.length - 1}
        aria-valuenow={0}
        tabIndex={0}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const i = indexAt(e.clientX);
          setDrag({ start: i, end: i });
        }}
        onPointerMove={(e) => {
          if (drag) setDrag({ ...drag, end: indexAt(e.clientX) });
        }}
        onPointerUp={() => {
          if (!drag) return;
          onSelect(months[Math.min(drag.start, drag.end)]!.month, months[Math.max(drag.start, drag.end)]!.month);
          setDrag(null);
        }}
        onPointerCancel={() => setDrag(null)}
      >
        {months.map((m, i) => (
          <span
            key={m.month}
            className={`histogram-bar${inDrag(i) ? ' is-dragging' : ''}${!drag && inSelection(m) ? ' is-selected' : ''}`}
            style={{ height: `${m.count === 0 ? 0 : Math.max(4, (100 * m.count) / max)}%` }}
            title={`${m.month}: ${approximate ? 'about ' : ''}${formatNumber(m.count)}`}
          />
        ))}
      </div>
      <div className="histogram-axis" aria-hidden="true">
        <span>{months[0]!.month}</span>
        <span>{months[months.length - 1]!.month}</span>
      </div>
      <p className="facet-sub">
        {approximate ? 'about ' : ''}
        {formatNumber(total)} dated
      </p>
    </section>
  );
}
