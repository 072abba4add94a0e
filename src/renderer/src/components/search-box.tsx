// The search box: results follow typing (debounced upstream); Enter runs at once, ArrowDown
// moves into the suggestions (when shown) or the results, Escape closes the suggestions or
// clears. A query the engine cannot read is explained right under the box, with a caret under
// the character it refers to.
import { useEffect, useId, useState, type ReactNode, type RefObject } from 'react';
import type { Suggestion } from '../api/index.ts';
import type { QueryProblem } from '../hooks/use-search.ts';
import { useSuggestions } from '../hooks/use-suggestions.ts';
import { formatNumber } from '../lib/format.ts';
import { pointAt } from '../lib/query-error.ts';
import { applySuggestion, fragmentLength } from '../lib/search-tools.ts';
import { AlertIcon, CloseIcon, SearchIcon } from './icons.tsx';
import { SearchHelp } from './search-help.tsx';

export interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  onArrowDown(): void;
  /** A headline suggestion was chosen: open that article. */
  onOpenArticle?(id: number): void;
  /** The engine's objection to the query, when it concerns what is in the box now. */
  problem: QueryProblem | null;
  busy: boolean;
  disabled?: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Extra controls at the right end (the saved-searches menu). */
  tools?: ReactNode;
}

const KIND_LABEL: Record<Suggestion['kind'], string> = { person: 'Person', place: 'Place', agency: 'Agency', headline: 'Headline' };

export function SearchBox({ value, onChange, onSubmit, onArrowDown, onOpenArticle, problem, busy, disabled, inputRef, tools }: SearchBoxProps) {
  const problemId = useId();
  const listId = useId();
  const pointer = problem ? pointAt(problem.query, problem.position) : null;
  const [focused, setFocused] = useState(false);
  // Suggestions follow typing: focusing the box (with / say) does not bring them back.
  const [dismissed, setDismissed] = useState(true);
  const [cursor, setCursor] = useState(-1);
  const suggestions = useSuggestions(value, focused && !disabled && !dismissed);
  const open = focused && !dismissed && suggestions.length > 0;
  useEffect(() => setCursor(-1), [suggestions]);

  const choose = (s: Suggestion): void => {
    if (s.kind === 'headline' && s.articleId !== null && onOpenArticle) onOpenArticle(s.articleId);
    else onChange(applySuggestion(value, fragmentLength(value), s.query));
    setDismissed(true);
  };

  return (
    <div className={`search-box${problem ? ' has-problem' : ''}${disabled ? ' is-disabled' : ''}`}>
      <SearchIcon className="search-box-icon" size={17} />
      <input
        ref={inputRef}
        type="search"
        className="search-box-input"
        aria-label="Search"
        placeholder={disabled ? 'Import articles to search them' : 'Search — "exact phrase", OR, NOT, prefix*, headline:, agency:, date:2022-03 …'}
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && cursor >= 0 ? `${listId}-${cursor}` : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onFocus={() => {
          setFocused(true);
          setDismissed(true);
        }}
        onBlur={() => setTimeout(() => setFocused(false), 120)}
        onChange={(event) => {
          setDismissed(false);
          onChange(event.target.value);
        }}
        onKeyDown={(event) => {
          if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            const next = cursor + (event.key === 'ArrowDown' ? 1 : -1);
            if (next >= suggestions.length) {
              setDismissed(true);
              onArrowDown();
            } else setCursor(Math.max(-1, next));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (open && cursor >= 0) choose(suggestions[cursor]!);
            else {
              setDismissed(true);
              onSubmit();
            }
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            onArrowDown();
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            setDismissed(true);
          } else if (event.key === 'Escape' && value) {
            event.preventDefault();
            onChange('');
          }
        }}
      />
      {busy && <span className="search-box-spinner" aria-hidden="true" />}
      {value ? (
        <button type="button" className="icon-button search-box-clear" aria-label="Clear search" onClick={() => { onChange(''); inputRef.current?.focus(); }}>
          <CloseIcon size={14} />
        </button>
      ) : (
        !disabled && <kbd className="search-box-key" title="Press / to search">/</kbd>
      )}
      {!disabled && <SearchHelp />}
      {tools}
      {open && (
        <ul id={listId} className="suggestions" role="listbox" aria-label="Suggestions" data-testid="suggestions">
          {suggestions.map((s, i) => (
            <li
              key={`${s.kind}:${s.text}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === cursor}
              className={`suggestion${i === cursor ? ' is-active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              <span className={`suggestion-kind kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span>
              <span className="suggestion-text">{s.text}</span>
              {s.count !== null && <span className="suggestion-count">{formatNumber(s.count)}</span>}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <div id={problemId} className="query-problem" role="alert" data-testid="query-problem">
          <AlertIcon size={16} className="query-problem-icon" />
          <div className="query-problem-text">
            <strong>This query cannot be read.</strong> <span className="query-problem-message">{problem.message}</span>
            {pointer && (
              <code className="query-pointer" aria-label={pointer.atEnd ? 'The problem is at the end of the query' : `The problem is at character ${(problem.position ?? 0) + 1}`}>
                {pointer.before}
                <span className={`query-pointer-at${pointer.atEnd ? ' at-end' : ''}`}>{pointer.at}</span>
                {pointer.after}
              </code>
            )}
            <span className="query-problem-hint">Showing the results of the last query that worked.</span>
          </div>
        </div>
      )}
    </div>
  );
}
