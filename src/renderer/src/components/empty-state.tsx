// What a fresh corpus shows: an invitation to import a folder or to load the demo corpus,
// with a word on where the demo's articles come from and under which licences.
import type { AppInfo, DemoAttribution, Shell } from '../api/index.ts';
import { countLabel } from '../lib/format.ts';
import { BookIcon, FolderIcon, WireIcon } from './icons.tsx';

export interface EmptyStateProps {
  info: AppInfo | null;
  shell: Shell;
  attribution: DemoAttribution | null;
  importRunning: boolean;
  onImport(): void;
  onLoadDemo(): void;
  onShowSources(): void;
}

export function EmptyState({ info, shell, attribution, importRunning, onImport, onLoadDemo, onShowSources }: EmptyStateProps) {
  const demo = info?.demoAvailable === true;
  return (
    <section className="empty-state" aria-labelledby="empty-title" data-testid="empty-state">
      <div className="empty-card">
        <span className="empty-mark" aria-hidden="true">
          <WireIcon size={28} />
        </span>
        <h1 id="empty-title" className="empty-title">
          Your corpus is empty
        </h1>
        <p className="empty-lead">
          Wirebench keeps your articles in a local, searchable corpus. Bring in a folder of wire copy, saved web pages, e-mails, database exports, PDFs
          or Word files{demo ? ' — or start with the demo corpus to look around.' : '.'}
        </p>
        <div className="empty-actions">
          <button type="button" className="button button-primary button-large" onClick={onImport} disabled={importRunning}>
            <FolderIcon size={18} /> Import a folder…
          </button>
          {demo && (
            <button type="button" className="button button-large" onClick={onLoadDemo} disabled={importRunning}>
              <BookIcon size={18} /> Load the demo corpus
            </button>
          )}
        </div>
        {shell === 'desktop' && <p className="empty-hint">You can also drop folders onto this window.</p>}
        {demo && (
          <p className="empty-sources">
            {attribution && attribution.sources.length > 0 ? (
              <>
                The demo corpus is {countLabel(attribution.articles.length, 'article')} of openly licensed news from{' '}
                {attribution.sources.map((s, i) => (
                  <span key={s.name}>
                    {i > 0 && (i === attribution.sources.length - 1 ? ' and ' : ', ')}
                    {s.name} ({s.licence})
                  </span>
                ))}
                .{' '}
              </>
            ) : (
              <>The demo corpus is a selection of openly licensed news. </>
            )}
            <button type="button" className="link-button" onClick={onShowSources}>
              Sources and licences
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
