// "Compare with…": find the other article by searching, then open the pair side by side.
import { useEffect, useState } from 'react';
import { api, type SearchHit } from '../api/index.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { formatPublished } from '../lib/dates.ts';
import { Modal } from './modal.tsx';
import { SnippetText } from './snippet-text.tsx';

export interface ComparePickerProps {
  /** The article to compare (A). */
  article: { id: number; headline: string };
  onPick(otherId: number): void;
  onClose(): void;
}

export function ComparePicker({ article, onPick, onClose }: ComparePickerProps) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.call('search.query', { query: debounced, limit: 30 }).then(
      (r) => {
        if (!live) return;
        setHits(r.hits.filter((h) => h.id !== article.id));
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [debounced, article.id]);
  return (
    <Modal title="Compare with…" subtitle={<>Choose the article to set beside “{article.headline}”.</>} onClose={onClose} testId="compare-picker" className="compare-picker">
      <label className="field">
        <span className="field-label">Find an article</span>
        <input
          className="input"
          type="search"
          value={query}
          data-autofocus
          placeholder="Words from its headline or text; empty lists the newest"
          onChange={(e) => setQuery(e.target.value)}
          aria-label="Find an article to compare with"
        />
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <ul className="picker-list" aria-label="Articles">
        {hits?.length === 0 && <li className="picker-empty">No other article matches.</li>}
        {hits?.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="picker-item" onClick={() => onPick(hit.id)}>
              <span className="picker-meta">{[formatPublished(hit.published), hit.place, hit.agency].filter(Boolean).join(' · ')}</span>
              <span className="picker-headline">{hit.headline || 'Untitled'}</span>
              <span className="picker-snippet">
                <SnippetText snippet={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
