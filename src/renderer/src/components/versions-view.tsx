// Versions of a story: the members of a near-duplicate group in time order (the original,
// UPDATE 1, a rewrite …), each compared with the one before it, stepped through with
// previous/next. The comparison itself is the side-by-side view.
import { useEffect, useState } from 'react';
import { api, type NearDuplicate } from '../api/index.ts';
import { useHotkeys, isTypingTarget, modalOpen } from '../hooks/use-hotkeys.ts';
import { errorMessage } from '../hooks/use-notices.ts';
import { formatPublished } from '../lib/dates.ts';
import { CompareView } from './compare-view.tsx';
import { AlertIcon, ArrowLeftIcon, ChevronDownIcon, ChevronUpIcon } from './icons.tsx';

export interface VersionsViewProps {
  /** The article the versions were opened from: its step is shown first. */
  articleId: number;
  version: number;
  onClose(): void;
  onOpen(id: number): void;
}

/** What a member is called in the stepper: its marker ("UPDATE 1"), or its place in time. */
export function versionLabel(member: NearDuplicate, index: number): string {
  if (member.versionNote) return member.versionNote;
  return index === 0 ? 'Original' : `Version ${index + 1}`;
}

export function VersionsView({ articleId, version, onClose, onOpen }: VersionsViewProps) {
  const [state, setState] = useState<{ members: NearDuplicate[]; error: string | null } | null>(null);
  const [step, setStep] = useState(1);
  useEffect(() => {
    let live = true;
    api.call('article.nearDuplicates', { id: articleId }).then(
      ({ members }) => {
        if (!live) return;
        setState({ members, error: null });
        // The pair that ends in the opened article (or the first pair, for the original).
        setStep(Math.max(1, members.findIndex((m) => m.id === articleId)));
      },
      (error: unknown) => live && setState({ members: [], error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [articleId, version]);

  const members = state?.members ?? [];
  const count = members.length;
  const go = (next: number): void => setStep(Math.max(1, Math.min(count - 1, next)));
  useHotkeys((event) => {
    if (count < 2 || modalOpen() || isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === ']' || event.key === 'PageDown') go(step + 1);
    else if (event.key === '[' || event.key === 'PageUp') go(step - 1);
    else return;
    event.preventDefault();
  });

  if (!state || count < 2) {
    return (
      <section className="compare" aria-label="Versions">
        <header className="compare-bar">
          <button type="button" className="button" onClick={onClose}>
            <ArrowLeftIcon /> Back to results
          </button>
          <p className="compare-summary" role={state?.error ? 'alert' : 'status'}>
            {!state ? 'Finding the versions…' : state.error ? (
              <>
                <AlertIcon size={16} /> The versions could not be listed: {state.error}
              </>
            ) : (
              'This article has no other versions.'
            )}
          </p>
        </header>
      </section>
    );
  }

  const older = members[step - 1]!;
  const newer = members[step]!;
  return (
    <CompareView
      a={older.id}
      b={newer.id}
      version={version}
      onClose={onClose}
      onOpen={onOpen}
      above={
        <nav className="versions-bar" aria-label="Versions">
          <div className="versions-step">
            <button type="button" className="icon-button" aria-label="Previous version" title="Previous version ([)" disabled={step <= 1} onClick={() => go(step - 1)}>
              <ChevronUpIcon size={18} />
            </button>
            <p className="versions-position" data-testid="versions-position" aria-live="polite">
              Version {step + 1} of {count}
            </p>
            <button type="button" className="icon-button" aria-label="Next version" title="Next version (])" disabled={step >= count - 1} onClick={() => go(step + 1)}>
              <ChevronDownIcon size={18} />
            </button>
            <p className="versions-pair">
              <strong>{versionLabel(newer, step)}</strong> compared with <strong>{versionLabel(older, step - 1)}</strong>
            </p>
          </div>
          <ol className="versions-list">
            {members.map((m, i) => (
              <li key={m.id}>
                <button
                  type="button"
                  className={`versions-chip${i === step ? ' is-b' : i === step - 1 ? ' is-a' : ''}`}
                  aria-current={i === step ? 'step' : undefined}
                  title={m.headline}
                  onClick={() => go(i)}
                >
                  <span className="versions-chip-label">{versionLabel(m, i)}</span>
                  <span className="versions-chip-meta">{[formatPublished(m.published), m.agency].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      }
    />
  );
}
