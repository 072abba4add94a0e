// Export every result of the current search (no cap) to a CSV or JSONL file the engine writes.
// The desktop app picks the file with the native save dialog; in web mode the user types a path
// on the machine running Wirebench. Progress comes from onSearchExportProgress.
import { useState } from 'react';
import { api, type SearchExportFormat, type SearchExportProgress, type SearchExportResult, type SearchQueryArgs, type Shell } from '../api/index.ts';
import { useApiEvent } from '../hooks/use-api-event.ts';
import { formatNumber } from '../lib/format.ts';
import { Modal } from './modal.tsx';

export function ExportDialog({ args, shell, onClose }: { args: SearchQueryArgs; shell: Shell; onClose(): void }) {
  const [format, setFormat] = useState<SearchExportFormat>('csv');
  const [includeBody, setIncludeBody] = useState(false);
  const [path, setPath] = useState('');
  const [progress, setProgress] = useState<SearchExportProgress | null>(null);
  const [result, setResult] = useState<SearchExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  useApiEvent('onSearchExportProgress', (p) => {
    if (running && p.path === path) setProgress(p);
  });

  const choose = (): void => {
    api.call('dialog.saveFile', { defaultName: `wirebench-results.${format}`, extensions: [format] }).then(
      (r) => r.path && setPath(r.path),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };

  const start = (): void => {
    setError(null);
    setResult(null);
    setRunning(true);
    api.call('search.export', { ...args, format, path: path.trim(), includeBody }).then(
      (r) => {
        setResult(r);
        setRunning(false);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setRunning(false);
      },
    );
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((100 * progress.rows) / progress.total)) : 0;
  return (
    <Modal
      title="Export all results"
      subtitle={args.query ? `Every match of ${args.query}, in the order shown` : 'Every article, newest first'}
      onClose={onClose}
      testId="export-dialog"
      className="export-dialog"
      focusKey={result ? 'done' : running ? 'running' : 'form'}
      footer={
        result ? (
          <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button button-quiet" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={running || !path.trim()} onClick={start}>
              {running ? 'Exporting…' : 'Export'}
            </button>
          </>
        )
      }
    >
      {!result && (
        <div className="export-form">
          <fieldset className="segmented">
            <legend className="filter-label">Format</legend>
            <div className="segmented-options">
              {(['csv', 'jsonl'] as const).map((f) => (
                <label key={f} className="segmented-option">
                  <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} disabled={running} />
                  <span>{f.toUpperCase()}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={includeBody} onChange={(e) => setIncludeBody(e.target.checked)} disabled={running} /> Include the full text of each article
          </label>
          <label className="filter-field export-path">
            <span className="filter-label">File</span>
            <span className="export-path-row">
              <input
                className="input"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                placeholder={shell === 'desktop' ? 'Choose where to save…' : `/home/me/results.${format}`}
                aria-label="File to write"
                disabled={running}
                data-autofocus
              />
              {shell === 'desktop' && (
                <button type="button" className="button" onClick={choose} disabled={running}>
                  Choose…
                </button>
              )}
            </span>
            {shell === 'web' && <span className="field-hint">A full path on the machine running Wirebench.</span>}
          </label>
          {running && (
            <div className="progress" role="progressbar" aria-label="Export progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <span className="progress-fill" style={{ width: `${percent}%` }} />
            </div>
          )}
          {running && progress && (
            <p className="export-status" data-testid="export-progress">
              {formatNumber(progress.rows)} of {formatNumber(progress.total)} rows
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {result && (
        <p className="export-status" role="status" data-testid="export-done">
          Wrote {formatNumber(result.rows)} {result.rows === 1 ? 'row' : 'rows'} to <code>{result.path}</code> in {(result.durationMs / 1000).toFixed(1)} s.
        </p>
      )}
    </Modal>
  );
}
