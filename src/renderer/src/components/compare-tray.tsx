// The articles picked for comparison, at the foot of the window: two open side by side, three
// or more open as a matrix.
import type { ArticleMeta } from '../api/index.ts';
import { CloseIcon, CompareIcon } from './icons.tsx';

export interface CompareTrayProps {
  picked: ArticleMeta[];
  onRemove(id: number): void;
  onClear(): void;
  onCompare(): void;
}

export function CompareTray({ picked, onRemove, onClear, onCompare }: CompareTrayProps) {
  if (picked.length === 0) return null;
  return (
    <aside className="compare-tray" aria-label="Articles to compare" data-testid="compare-tray">
      <CompareIcon />
      <ol className="compare-tray-list">
        {picked.map((a, i) => (
          <li key={a.id} className="compare-chip">
            <span className="compare-chip-letter">{String.fromCharCode(65 + (i % 26))}</span>
            <span className="compare-chip-title" title={a.headline}>
              {a.headline || 'Untitled'}
            </span>
            <button type="button" className="icon-button" aria-label={`Remove ${a.headline} from the comparison`} onClick={() => onRemove(a.id)}>
              <CloseIcon size={14} />
            </button>
          </li>
        ))}
      </ol>
      <span className="compare-tray-hint">{picked.length === 1 ? 'Pick one more article' : null}</span>
      <button type="button" className="button button-primary" disabled={picked.length < 2} onClick={onCompare}>
        {picked.length > 2 ? `Compare ${picked.length}` : 'Compare'}
      </button>
      <button type="button" className="button" onClick={onClear}>
        Clear
      </button>
    </aside>
  );
}
