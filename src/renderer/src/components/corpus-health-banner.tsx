// Says what happened to the corpus when it is not simply fine (set aside after damage,
// repaired, read-only, unavailable), and offers the newest good backup.
import { useState } from 'react';
import type { CorpusHealth } from '../api/index.ts';
import type { CorpusHealthState } from '../hooks/use-corpus-health.ts';
import { AlertIcon, CloseIcon, InfoIcon } from './icons.tsx';

const TITLES: Record<CorpusHealth['state'], string> = {
  ok: '',
  repaired: 'The corpus was repaired',
  recovered: 'The corpus was damaged and has been set aside',
  'read-only': 'The corpus is open read-only',
  unavailable: 'The corpus cannot be opened',
};

function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}

export function CorpusHealthBanner({ state }: { state: CorpusHealthState }) {
  const { health, restoring, restore } = state;
  const [confirming, setConfirming] = useState(false);
  const [dismissed, setDismissed] = useState<CorpusHealth | null>(null);
  if (!health || health.state === 'ok' || dismissed === health) return null;
  const backup = health.state === 'repaired' ? null : health.newestBackup;
  const serious = health.state !== 'repaired';
  return (
    <section className={`health-banner ${serious ? 'is-serious' : 'is-info'}`} role="alert" aria-label="Corpus health" data-testid="health-banner">
      <span className="health-banner-icon">{serious ? <AlertIcon size={18} /> : <InfoIcon size={18} />}</span>
      <div className="health-banner-text">
        <strong>{TITLES[health.state]}</strong>
        {health.message && <span>{health.message}</span>}
      </div>
      <div className="health-banner-actions">
        {backup && !confirming && (
          <button type="button" className="button button-primary" onClick={() => setConfirming(true)} disabled={restoring}>
            Restore the backup of {when(backup.createdAt)}…
          </button>
        )}
        {backup && confirming && (
          <>
            <span className="health-banner-confirm">Replace the current corpus with this backup? The current one is kept as a backup.</span>
            <button
              type="button"
              className="button button-primary"
              disabled={restoring}
              onClick={() => void restore(backup.name).then((ok) => ok && setConfirming(false))}
            >
              {restoring ? 'Restoring…' : 'Restore'}
            </button>
            <button type="button" className="button" disabled={restoring} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        )}
        {!serious && (
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(health)}>
            <CloseIcon size={14} />
          </button>
        )}
      </div>
    </section>
  );
}
