// The list of collections and the undo state, kept fresh by onCollectionsChanged (changes from
// this window, another one, or the command line).
import { useCallback, useEffect, useState } from 'react';
import { api, type CollectionSummary, type UndoState } from '../api/index.ts';
import { useApiEvent } from './use-api-event.ts';

export interface CollectionsState {
  collections: CollectionSummary[];
  undo: UndoState;
  /** Bumped on every change, so views showing one collection reload it. */
  version: number;
  refresh(): void;
}

const NO_UNDO: UndoState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export function useCollections(reportError: (title: string, error: unknown) => void): CollectionsState {
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [undo, setUndo] = useState<UndoState>(NO_UNDO);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => {
    Promise.all([api.call('collections.list', {}), api.call('collections.history', {})]).then(
      ([list, history]) => {
        setCollections(list.collections);
        setUndo(history);
        setVersion((v) => v + 1);
      },
      (error: unknown) => reportError('Could not load the collections', error),
    );
  }, [reportError]);
  useEffect(refresh, [refresh]);
  useApiEvent('onCollectionsChanged', refresh);
  return { collections, undo, version, refresh };
}
