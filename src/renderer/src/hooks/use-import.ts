// One import at a time, from the dialog or the demo button: its progress comes as
// onImportProgress events while import.run (or demo.load) is pending, and the call resolves
// with the summary at the end.
import { useCallback, useRef, useState } from 'react';
import { api, type ImportProgress, type ImportSummary, type WbErrorCode } from '../api/index.ts';
import { useApiEvent } from './use-api-event.ts';
import { errorCode, errorMessage } from './use-notices.ts';

export type ImportKind = 'folders' | 'demo';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: ImportKind; paths: string[]; progress: ImportProgress | null; cancelling: boolean }
  | { phase: 'done'; kind: ImportKind; paths: string[]; summary: ImportSummary }
  | { phase: 'error'; kind: ImportKind; paths: string[]; code: WbErrorCode | 'unknown'; message: string };

export interface Importer {
  state: ImportState;
  /** Progress of an import started elsewhere (another window, the command line), if one runs. */
  elsewhere: ImportProgress | null;
  start(paths: string[]): void;
  loadDemo(): void;
  cancel(): void;
  /** Forget a finished import (closing its summary). */
  reset(): void;
}

export function useImport(onError: (what: string, error: unknown) => void): Importer {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [elsewhere, setElsewhere] = useState<ImportProgress | null>(null);
  const running = useRef(false);

  useApiEvent('onImportProgress', (progress) => {
    if (!running.current) {
      setElsewhere(progress);
      return;
    }
    setState((s) => (s.phase === 'running' ? { ...s, progress } : s));
  });
  useApiEvent('onImportFinished', () => setElsewhere(null));

  const run = useCallback((kind: ImportKind, paths: string[]) => {
    if (running.current) return;
    running.current = true;
    setState({ phase: 'running', kind, paths, progress: null, cancelling: false });
    const call = kind === 'demo' ? api.call('demo.load', {}) : api.call('import.run', { paths });
    call.then(
      (summary) => {
        running.current = false;
        setState({ phase: 'done', kind, paths, summary });
      },
      (error: unknown) => {
        running.current = false;
        const code = (errorCode(error) ?? 'unknown') as WbErrorCode | 'unknown';
        setState({ phase: 'error', kind, paths, code, message: errorMessage(error) });
      },
    );
  }, []);

  const cancel = useCallback(() => {
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    api.call('import.cancel', {}).then(
      (result) => {
        if (!result.cancelled) setState((s) => (s.phase === 'running' ? { ...s, cancelling: false } : s));
      },
      (error: unknown) => {
        setState((s) => (s.phase === 'running' ? { ...s, cancelling: false } : s));
        onError('Could not cancel the import', error);
      },
    );
  }, [onError]);

  return {
    state,
    elsewhere: state.phase === 'running' ? null : elsewhere,
    start: useCallback((paths: string[]) => run('folders', paths), [run]),
    loadDemo: useCallback(() => run('demo', []), [run]),
    cancel,
    reset: useCallback(() => {
      if (!running.current) setState({ phase: 'idle' });
    }, []),
  };
}
