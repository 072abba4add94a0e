// In the About dialog: when the corpus was last checked and backed up, and the two actions
// the user may want before risky work: back up now, and run the full check.
import { useEffect, useState } from 'react';
import { api, type BackupInfo, type CorpusHealth, type IntegrityReport } from '../api/index.ts';
import { errorMessage } from '../hooks/use-notices.ts';

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function describeCheck(check: IntegrityReport): string {
  const kind = check.kind === 'full' ? 'Full check' : 'Quick check';
  const verdict = check.ok ? (check.repaired.length ? 'sound after rebuilding the full-text index' : 'sound') : `problems found: ${check.problems[0] ?? ''}`;
  return `${kind} on ${when(check.checkedAt)}: ${verdict} (${(check.durationMs / 1000).toFixed(1)} s)`;
}

export function CorpusSafety() {
  const [health, setHealth] = useState<CorpusHealth | null>(null);
  const [busy, setBusy] = useState<'backup' | 'check' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('corpus.health', {}).then(
      (h) => live && setHealth(h),
      (e: unknown) => live && setProblem(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const run = async (what: 'backup' | 'check'): Promise<void> => {
    setBusy(what);
    setProblem(null);
    setStatus(null);
    try {
      if (what === 'backup') {
        const b: BackupInfo = await api.call('backup.create', {});
        setStatus(`Backed up to ${b.path}.`);
      } else {
        const r = await api.call('corpus.check', {});
        setStatus(describeCheck(r));
      }
      setHealth(await api.call('corpus.health', {}));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="corpus-safety" aria-labelledby="safety-title" data-testid="corpus-safety">
      <h3 id="safety-title" className="section-title">
        Corpus safety
      </h3>
      <dl className="about-facts">
        <div>
          <dt>Last check</dt>
          <dd data-testid="last-check">{health ? (health.lastCheck ? describeCheck(health.lastCheck) : 'not checked yet') : '…'}</dd>
        </div>
        <div>
          <dt>Newest backup</dt>
          <dd data-testid="newest-backup">{health ? (health.newestBackup ? `${when(health.newestBackup.createdAt)} (${health.newestBackup.reason})` : 'none yet') : '…'}</dd>
        </div>
      </dl>
      <p className="subtle">Wirebench backs the corpus up before every upgrade and once a day while it runs, and keeps the last seven.</p>
      <div className="corpus-safety-actions">
        <button type="button" className="button" disabled={busy !== null || health?.state === 'unavailable'} onClick={() => void run('backup')}>
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" className="button" disabled={busy !== null || health?.state === 'unavailable'} onClick={() => void run('check')}>
          {busy === 'check' ? 'Checking…' : 'Check the corpus now'}
        </button>
      </div>
      {status && (
        <p className="subtle" role="status" data-testid="safety-status">
          {status}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
