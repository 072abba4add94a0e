// About Wirebench and the demo corpus credits: every source with its licence and the credit
// line it asks for, how the texts were changed, and each article with a link to its original.
import { useEffect, useState } from 'react';
import { api, type AppInfo, type DemoAttribution } from '../api/index.ts';
import type { Shell } from '../api/index.ts';
import { errorMessage } from '../hooks/use-notices.ts';
import { formatNumber } from '../lib/format.ts';
import { CorpusSafety } from './corpus-safety.tsx';
import { Modal } from './modal.tsx';

export interface AboutDialogProps {
  info: AppInfo | null;
  shell: Shell;
  onClose(): void;
}

export function AboutDialog({ info, shell, onClose }: AboutDialogProps) {
  const [attribution, setAttribution] = useState<DemoAttribution | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    if (!info?.demoAvailable) return;
    let live = true;
    api.call('demo.attribution', {}).then(
      (result) => live && setAttribution(result),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [info?.demoAvailable]);

  const needle = filter.trim().toLowerCase();
  const articles = attribution?.articles.filter((a) => !needle || a.title.toLowerCase().includes(needle) || a.source.toLowerCase().includes(needle)) ?? [];

  return (
    <Modal title="About Wirebench" subtitle="A research workbench for news." onClose={onClose} testId="about-dialog" className="about-dialog">
      <dl className="about-facts">
        <div>
          <dt>Version</dt>
          <dd>{info?.version ?? '…'}</dd>
        </div>
        <div>
          <dt>Running as</dt>
          <dd>{shell === 'desktop' ? 'Desktop app' : 'Local web server (wirebench serve)'}</dd>
        </div>
        <div>
          <dt>Data folder</dt>
          <dd>
            <code className="about-path" data-testid="data-dir">
              {info?.dataDir ?? '…'}
            </code>
          </dd>
        </div>
      </dl>

      <CorpusSafety />

      <section className="attribution" aria-labelledby="attribution-title" data-testid="attribution">
        <h3 id="attribution-title" className="section-title">
          Demo corpus: sources and licences
        </h3>
        {info && !info.demoAvailable && <p className="subtle">This build does not include the demo corpus.</p>}
        {error && (
          <p className="field-error" role="alert">
            The credits could not be loaded: {error}
          </p>
        )}
        {info?.demoAvailable && !attribution && !error && <p className="subtle">Loading the credits…</p>}
        {attribution && (
          <>
            <table className="sources-table">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Licence</th>
                  <th scope="col">Credit</th>
                  <th scope="col" className="num">
                    Articles
                  </th>
                </tr>
              </thead>
              <tbody>
                {attribution.sources.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td>
                      {s.licenceUrl ? (
                        <a href={s.licenceUrl} target="_blank" rel="noopener noreferrer">
                          {s.licence}
                        </a>
                      ) : (
                        s.licence
                      )}
                    </td>
                    <td>{s.credit}</td>
                    <td className="num">{formatNumber(s.articles)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {attribution.changes && (
              <p className="attribution-changes">
                <strong>Changes:</strong> {attribution.changes}
              </p>
            )}
            <div className="attribution-articles">
              <div className="attribution-articles-header">
                <h4 className="section-subtitle">Articles ({formatNumber(attribution.articles.length)})</h4>
                {attribution.articles.length > 12 && (
                  <input
                    type="search"
                    className="input input-small"
                    placeholder="Filter by title"
                    aria-label="Filter the article credits"
                    value={filter}
                    onChange={(e) => setFilter(e.target.value)}
                  />
                )}
              </div>
              <ol className="credit-list" aria-label="Article credits">
                {articles.map((a) => (
                  <li key={a.file}>
                    <a href={a.url} target="_blank" rel="noopener noreferrer">
                      {a.title}
                    </a>
                    <span className="credit-source">{a.source}</span>
                  </li>
                ))}
                {articles.length === 0 && <li className="subtle">No article matches “{filter}”.</li>}
              </ol>
            </div>
          </>
        )}
      </section>
    </Modal>
  );
}
