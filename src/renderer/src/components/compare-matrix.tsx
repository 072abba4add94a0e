// Three or more articles: the share of text each pair has in common, as a matrix whose cells
// open that pair side by side.
import { useMatrix } from '../hooks/use-comparison.ts';
import { formatPublished } from '../lib/dates.ts';
import { AlertIcon, ArrowLeftIcon } from './icons.tsx';

export interface CompareMatrixProps {
  ids: number[];
  version: number;
  onPair(a: number, b: number): void;
  onClose(): void;
}

export function CompareMatrixView({ ids, version, onPair, onClose }: CompareMatrixProps) {
  const { matrix, error } = useMatrix(ids, version);
  return (
    <section className="compare matrix" aria-label="Comparison matrix">
      <header className="compare-bar">
        <button type="button" className="button" onClick={onClose}>
          <ArrowLeftIcon /> Back to results
        </button>
        <p className="compare-summary">Shared text between {ids.length} articles: choose a pair to see it side by side.</p>
      </header>
      {error && (
        <p className="compare-error" role="alert">
          <AlertIcon size={16} /> {error}
        </p>
      )}
      {matrix && (
        <div className="matrix-scroll">
          <table className="matrix-table" data-testid="compare-matrix">
            <thead>
              <tr>
                <th scope="col" />
                {matrix.articles.map((_, j) => (
                  <th key={j} scope="col" className="matrix-col">
                    {String.fromCharCode(65 + (j % 26))}
                    {j >= 26 ? Math.floor(j / 26) : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.articles.map((article, i) => (
                <tr key={article.id}>
                  <th scope="row" className="matrix-row-head">
                    <span className="matrix-letter">
                      {String.fromCharCode(65 + (i % 26))}
                      {i >= 26 ? Math.floor(i / 26) : ''}
                    </span>
                    <span className="matrix-headline">{article.headline}</span>
                    <span className="matrix-meta">{[formatPublished(article.published), article.agency].filter(Boolean).join(' · ')}</span>
                  </th>
                  {matrix.shared[i]!.map((share, j) =>
                    i === j ? (
                      <td key={j} className="matrix-self" aria-label="same article">
                        —
                      </td>
                    ) : (
                      <td key={j}>
                        <button
                          type="button"
                          className="matrix-cell"
                          style={{ backgroundColor: `rgb(36 71 179 / ${(0.06 + share * 0.6).toFixed(2)})`, color: share > 0.55 ? '#fff' : undefined }}
                          aria-label={`${Math.round(share * 100)}% shared between ${article.headline} and ${matrix.articles[j]!.headline}; compare them`}
                          onClick={() => onPair(article.id, matrix.articles[j]!.id)}
                        >
                          {Math.round(share * 100)}%
                        </button>
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
