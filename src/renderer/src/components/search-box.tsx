// The search box: results follow typing (debounced upstream); Enter runs at once, ArrowDown
// moves into the results, Escape clears. A query the engine cannot read is explained right
// under the box, with a caret under the character it refers to.
import { useId, type RefObject } from 'react';
import type { QueryProblem } from '../hooks/use-search.ts';
import { pointAt } from '../lib/query-error.ts';
import { AlertIcon, CloseIcon, SearchIcon } from './icons.tsx';

export interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  onArrowDown(): void;
  /** The engine's objection to the query, when it concerns what is in the box now. */
  problem: QueryProblem | null;
  busy: boolean;
  disabled?: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}

export function SearchBox({ value, onChange, onSubmit, onArrowDown, problem, busy, disabled, inputRef }: SearchBoxProps) {
  const problemId = useId();
  const pointer = problem ? pointAt(problem.query, problem.position) : null;
  return (
    <div className={`search-box${problem ? ' has-problem' : ''}${disabled ? ' is-disabled' : ''}`}>
      <SearchIcon className="search-box-icon" size={17} />
      <input
        ref={inputRef}
        type="search"
        className="search-box-input"
        aria-label="Search"
        placeholder={disabled ? 'Import articles to search them' : 'Search headlines and text — "exact phrase", OR, NOT, -word, prefix*'}
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onSubmit();
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            onArrowDown();
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
