// Importing folders: choose them (a native picker in the desktop app, absolute paths on the
// serving machine in web mode), then follow a real progress bar, cancel if need be, and read
// the summary with every file that was skipped or failed and why.
import { useId, useState } from 'react';
import { api, type ImportProgress, type ImportSummary } from '../api/index.ts';
import type { Shell } from '../api/index.ts';
import type { Importer, ImportState } from '../hooks/use-import.ts';
import { useNotices } from '../hooks/use-notices.ts';
import { baseName, countLabel, formatDuration, formatNumber, isAbsolutePath, parsePathList } from '../lib/format.ts';
import { AlertIcon, CheckIcon, CloseIcon, FolderIcon } from './icons.tsx';
import { ImportOutcomes } from './import-outcomes.tsx';
import { Modal } from './modal.tsx';
import { WatchedFolders } from './watched-folders.tsx';

export interface ImportDialogProps {
  shell: Shell;
  importer: Importer;
  initialPaths: string[];
  onClose(): void;
}

export function ImportDialog({ shell, importer, initialPaths, onClose }: ImportDialogProps) {
  const { state } = importer;
  const kind = state.phase === 'idle' ? 'folders' : state.kind;
  const title = kind === 'demo' ? 'Load the demo corpus' : 'Import articles';
  const close = (): void => {
    if (state.phase === 'done' || state.phase === 'error') importer.reset();
    onClose();
  };

  if (state.phase === 'running') {
    return (
      <Modal
        title={title}
        subtitle={kind === 'demo' ? 'Importing the bundled selection of openly licensed news.' : 'You can hide this window; the import carries on.'}
        onClose={onClose}
        testId="import-dialog"
        className="import-dialog"
        focusKey={state.phase}
        footer={
          <>
            <button type="button" className="button" onClick={onClose}>
              Hide
            </button>
            <button type="button" className="button button-danger" onClick={importer.cancel} disabled={state.cancelling}>
              {state.cancelling ? 'Cancelling…' : 'Cancel import'}
            </button>
          </>
        }
      >
        <ProgressView progress={state.progress} cancelling={state.cancelling} />
      </Modal>
    );
  }

  if (state.phase === 'done') {
    return (
      <Modal
        title={title}
        onClose={close}
        testId="import-dialog"
        className="import-dialog"
        focusKey={state.phase}
        footer={
          <>
            {kind === 'folders' && (
              <button type="button" className="button" onClick={importer.reset}>
                Import more…
              </button>
            )}
            <button type="button" className="button button-primary" onClick={close} data-autofocus>
              {state.summary.imported > 0 ? 'Show the articles' : 'Done'}
            </button>
          </>
        }
      >
        <SummaryView summary={state.summary} />
      </Modal>
    );
  }

  if (state.phase === 'error') {
    return <ErrorView title={title} state={state} importer={importer} onClose={close} />;
  }

  return <ChoosePaths shell={shell} initialPaths={initialPaths} onStart={importer.start} onClose={onClose} />;
}

function ChoosePaths({ shell, initialPaths, onStart, onClose }: { shell: Shell; initialPaths: string[]; onStart(paths: string[]): void; onClose(): void }) {
  const { reportError } = useNotices();
  const fieldId = useId();
  const hintId = useId();
  const [picked, setPicked] = useState<string[]>(initialPaths);
  const [text, setText] = useState(initialPaths.join('\n'));
  const [touched, setTouched] = useState(false);

  const paths = shell === 'desktop' ? picked : parsePathList(text);
  const relative = shell === 'web' ? paths.filter((p) => !isAbsolutePath(p)) : [];
  const canStart = paths.length > 0 && relative.length === 0;

  const pick = (): void => {
    api.call('dialog.pickFolders', {}).then(
      (result) => setPicked((current) => [...new Set([...current, ...result.paths])]),
      (error: unknown) => reportError('Could not open the folder picker', error),
    );
  };

  return (
    <Modal
      title="Import articles"
      subtitle="Folders are read recursively. Every file ends up imported, recognised as a duplicate, or listed as skipped or failed with the reason."
      onClose={onClose}
      testId="import-dialog"
      className="import-dialog"
      focusKey="form"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="import-form"
            className="button button-primary"
            disabled={!canStart}
          >
            {paths.length > 1 ? `Import ${paths.length} locations` : 'Import'}
          </button>
        </>
      }
    >
      <form
        id="import-form"
        className="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (canStart) onStart(paths);
        }}
      >
        {shell === 'desktop' ? (
          <>
            <div className="picked-header">
              <button type="button" className="button" onClick={pick} data-autofocus>
                <FolderIcon /> Choose folder…
              </button>
              <span className="field-hint">or drop folders and files onto the window.</span>
            </div>
            {picked.length > 0 ? (
              <ul className="picked-list" aria-label="Chosen folders and files">
                {picked.map((p) => (
                  <li key={p}>
                    <FolderIcon size={15} />
                    <span className="picked-path" title={p}>
                      {p}
                    </span>
                    <button type="button" className="icon-button" aria-label={`Remove ${baseName(p)}`} onClick={() => setPicked((list) => list.filter((x) => x !== p))}>
                      <CloseIcon size={13} />
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="picked-empty">No folder chosen yet.</p>
            )}
          </>
        ) : (
          <>
            <label className="field-label" htmlFor={fieldId}>
              Folders or files to import
            </label>
            <textarea
              id={fieldId}
              className="input textarea"
              rows={4}
              value={text}
              placeholder={'/home/me/news/wire-2022\n/srv/archive/exports/march.xml'}
              spellCheck={false}
              data-autofocus
              aria-describedby={hintId}
              aria-invalid={touched && relative.length > 0 ? true : undefined}
              onChange={(e) => setText(e.target.value)}
              onBlur={() => setTouched(true)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <p id={hintId} className="field-hint">
              One absolute path per line, on the machine running <code>wirebench serve</code> — the server reads them from its own disk, not from this
              browser.
            </p>
            {touched && relative.length > 0 && (
              <p className="field-error" role="alert">
                Not an absolute path: {relative.join(', ')}
              </p>
            )}
          </>
        )}
      </form>
      <WatchedFolders shell={shell} />
    </Modal>
  );
}

function ProgressView({ progress, cancelling }: { progress: ImportProgress | null; cancelling: boolean }) {
  const scanning = !progress || progress.phase === 'scanning';
  const percent = !scanning && progress.filesSeen > 0 ? Math.min(100, (100 * progress.filesDone) / progress.filesSeen) : 0;
  const status = cancelling
    ? 'Cancelling — articles already stored stay in the corpus…'
    : !progress
      ? 'Starting…'
      : progress.phase === 'scanning'
        ? `Looking for files… ${countLabel(progress.filesSeen, 'file', 'files', 'no files')} found so far`
        : progress.phase === 'finishing'
          ? 'Finishing — updating the search index…'
          : `${formatNumber(progress.filesDone)} of ${countLabel(progress.filesSeen, 'file')}`;
  return (
    <div className="import-progress" data-testid="import-progress">
      <p className="import-status" aria-live="polite">
        {status}
      </p>
      {scanning ? (
        <div key="scanning" className="progress is-indeterminate" role="progressbar" aria-label="Import progress" aria-valuetext="Scanning for files">
          <span className="progress-fill" />
        </div>
      ) : (
        <div
          key="importing"
          className="progress"
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={progress.filesSeen}
          aria-valuenow={progress.filesDone}
          aria-valuetext={`${progress.filesDone} of ${progress.filesSeen} files`}
        >
          <span className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      <p className="import-current" title={progress?.currentFile ?? undefined}>
        {progress?.currentFile ? (
          <>
            <span className="import-current-name">{baseName(progress.currentFile)}</span>
            <span className="import-current-dir">{progress.currentFile}</span>
          </>
        ) : (
          '\u00a0'
        )}
      </p>
      <Counts imported={progress?.imported ?? 0} duplicates={progress?.duplicates ?? 0} skipped={progress?.skipped ?? 0} failed={progress?.failed ?? 0} />
    </div>
  );
}

function Counts({ files, imported, duplicates, skipped, failed }: { files?: number; imported: number; duplicates: number; skipped: number; failed: number }) {
  return (
    <dl className="import-counts" data-testid="import-counts">
      {files !== undefined && (
        <div>
          <dt>Files</dt>
          <dd>{formatNumber(files)}</dd>
        </div>
      )}
      <div className="is-good">
        <dt>Imported</dt>
        <dd>{formatNumber(imported)}</dd>
      </div>
      <div>
        <dt>Duplicates</dt>
        <dd>{formatNumber(duplicates)}</dd>
      </div>
      <div>
        <dt>Skipped</dt>
        <dd>{formatNumber(skipped)}</dd>
      </div>
      <div className={failed > 0 ? 'is-bad' : undefined}>
        <dt>Failed</dt>
        <dd>{formatNumber(failed)}</dd>
      </div>
    </dl>
  );
}

function SummaryView({ summary }: { summary: ImportSummary }) {
  const headline =
    summary.status === 'completed'
      ? summary.imported > 0
        ? `Imported ${countLabel(summary.imported, 'article')}`
        : 'Nothing new to import'
      : summary.status === 'cancelled'
        ? 'Import cancelled'
        : 'The import stopped';
  const detail =
    summary.status === 'cancelled'
      ? `The ${countLabel(summary.imported, 'article', 'articles', 'no articles')} stored before you cancelled stay in the corpus.`
      : summary.status === 'failed'
        ? (summary.message ?? 'An error stopped the import.')
        : `${countLabel(summary.files, 'file')} looked at in ${formatDuration(summary.durationMs)}.` +
          (summary.unchanged > 0 ? ` ${countLabel(summary.unchanged, 'file was', 'files were')} unchanged since the last import and not read again.` : '');
  return (
    <div className="import-summary" data-testid="import-summary">
      <div className={`summary-banner is-${summary.status}`} role="status">
        {summary.status === 'completed' ? <CheckIcon size={20} /> : <AlertIcon size={20} />}
        <div>
          <p className="summary-headline">{headline}</p>
          <p className="summary-detail">{detail}</p>
        </div>
      </div>
      <Counts files={summary.files} imported={summary.imported} duplicates={summary.duplicates} skipped={summary.skipped} failed={summary.failed} />
      <p className="summary-line" data-testid="import-summary-line">
        {formatNumber(summary.imported)} imported, {countLabel(summary.duplicates, 'exact duplicate', 'exact duplicates', 'no exact duplicates')}, {countLabel(summary.nearDuplicateGroups, 'near-duplicate group', 'near-duplicate groups', 'no near-duplicate groups')}
      </p>
      <ImportOutcomes runId={summary.runId} initial={summary.outcomes.failed > 0 ? 'failed' : summary.outcomes.skipped > 0 ? 'skipped' : null} />
    </div>
  );
}

function ErrorView({ title, state, importer, onClose }: { title: string; state: Extract<ImportState, { phase: 'error' }>; importer: Importer; onClose(): void }) {
  const busy = state.code === 'busy';
  const retry = (): void => {
    if (state.kind === 'demo') importer.loadDemo();
    else importer.start(state.paths);
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      testId="import-dialog"
      className="import-dialog"
      focusKey={state.phase}
      footer={
        <>
          {busy && (
            <button type="button" className="button button-danger" onClick={importer.cancel}>
              Cancel the running import
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
        </>
      }
    >
      <div className="summary-banner is-failed" role="alert" data-testid="import-error">
        <AlertIcon size={20} />
        <div>
          <p className="summary-headline">{busy ? 'Another import is already running' : 'The import could not start'}</p>
          <p className="summary-detail">
            {busy
              ? 'Only one import runs at a time (it may have been started from another window or from the command line). Wait for it to finish, or cancel it, then try again.'
              : state.message}
          </p>
        </div>
      </div>
    </Modal>
  );
}
