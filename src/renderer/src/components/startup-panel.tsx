// Shown until the first corpus.stats answer: a quiet placeholder, or what went wrong.
import { AlertIcon } from './icons.tsx';

export function StartupPanel({ error, onRetry }: { error: string | null; onRetry(): void }) {
  if (!error) {
    return (
      <div className="startup" role="status">
        <span className="startup-spinner" aria-hidden="true" />
        Opening the corpus…
      </div>
    );
  }
  return (
    <div className="startup is-error" role="alert">
      <AlertIcon size={22} />
      <p>The corpus could not be opened: {error}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
