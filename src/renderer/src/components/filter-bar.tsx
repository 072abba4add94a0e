// Sort order, date range and agency for the search, plus a line on the corpus itself.
import type { CorpusStats, SortOrder } from '../api/index.ts';
import type { SearchControls } from '../hooks/use-search-filters.ts';
import { formatPublished } from '../lib/dates.ts';
import { countLabel, formatNumber } from '../lib/format.ts';

const SORTS: { value: SortOrder; label: string; title: string }[] = [
  { value: 'relevance', label: 'Relevance', title: 'Best matches first' },
  { value: 'date', label: 'Date', title: 'Newest first' },
];

export function FilterBar({ controls, stats }: { controls: SearchControls; stats: CorpusStats }) {
  const { filters, setFilter } = controls;
  const badRange = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  return (
    <div className="filter-bar" role="toolbar" aria-label="Search options">
      <fieldset className="segmented">
        <legend className="filter-label">Sort</legend>
        <div className="segmented-options">
          {SORTS.map((s) => (
            <label key={s.value} className="segmented-option" title={s.title}>
              <input type="radio" name="sort" value={s.value} checked={filters.sort === s.value} onChange={() => setFilter('sort', s.value)} />
              <span>{s.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="filter-group">
        <label className="filter-field">
          <span className="filter-label">From</span>
          <input type="date" className="input input-date" value={filters.from} max={filters.to || undefined} onChange={(e) => setFilter('from', e.target.value)} aria-invalid={badRange || undefined} />
        </label>
        <span className="filter-dash" aria-hidden="true">–</span>
        <label className="filter-field">
          <span className="filter-label">To</span>
          <input type="date" className="input input-date" value={filters.to} min={filters.from || undefined} onChange={(e) => setFilter('to', e.target.value)} aria-invalid={badRange || undefined} />
        </label>
      </div>

      <label className="filter-field">
        <span className="filter-label">Agency</span>
        <select className="input input-select" value={filters.agency} onChange={(e) => setFilter('agency', e.target.value)}>
          <option value="">All agencies</option>
          {stats.agencies.map((a) => (
            <option key={a.value} value={a.value}>
              {a.value} ({formatNumber(a.count)})
            </option>
          ))}
          {filters.agency !== '' && !stats.agencies.some((a) => a.value === filters.agency) && <option value={filters.agency}>{filters.agency}</option>}
        </select>
      </label>

      <label className="filter-field">
        <span className="filter-label">Language</span>
        <select className="input input-select" value={filters.language} onChange={(e) => setFilter('language', e.target.value)}>
          <option value="">All languages</option>
          <option value="en">English</option>
          <option value="ru">Russian</option>
          <option value="uk">Ukrainian</option>
        </select>
      </label>

      {filters.place !== '' && (
        <span className="filter-chip" data-testid="place-chip">
          Place: {filters.place}
          <button type="button" className="icon-button" aria-label="Any place" onClick={() => setFilter('place', '')}>
            ×
          </button>
        </span>
      )}

      <label className="checkbox filter-check" title="Words side by side: any of them, best matches first (for a sentence or a claim)">
        <input type="checkbox" checked={filters.match === 'any'} onChange={(e) => setFilter('match', e.target.checked ? 'any' : 'all')} /> Any word
      </label>
      {filters.sort === 'relevance' && (
        <label className="checkbox filter-check" title="Newer articles rank higher">
          <input type="checkbox" checked={filters.recency} onChange={(e) => setFilter('recency', e.target.checked)} /> Favour recent
        </label>
      )}

      {controls.filtered && (
        <button type="button" className="link-button" onClick={controls.resetFilters}>
          Clear filters
        </button>
      )}
      {badRange && <span className="filter-warning">“From” is after “To”</span>}

      <p className="corpus-line" data-testid="corpus-line">
        {countLabel(stats.articles, 'article')}
        {stats.earliest && stats.latest && (
          <>
            {' · '}
            {formatPublished(stats.earliest.slice(0, 10))} – {formatPublished(stats.latest.slice(0, 10))}
          </>
        )}
      </p>
    </div>
  );
}
