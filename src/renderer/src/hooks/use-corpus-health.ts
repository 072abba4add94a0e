// The corpus's health (damaged and set aside, repaired, read-only, unavailable) and restoring
// a backup: asked once at start, then kept current by onCorpusHealth.
import { useCallback, useEffect, useState } from 'react';
import { api, type CorpusHealth } from '../api/index.ts';
import { useApiEvent } from './use-api-event.ts';
import { useNotices } from './use-notices.ts';

export interface CorpusHealthState {
  health: CorpusHealth | null;
  restoring: boolean;
  restore(name: string): Promise<boolean>;
}

export function useCorpusHealth(onRestored: () => void): CorpusHealthState {
  const { notify, reportError } = useNotices();
  const [health, setHealth] = useState<CorpusHealth | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('corpus.health', {}).then(
      (h) => live && setHealth(h),
      () => {
        // An older engine without the method: no banner, nothing else lost.
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useApiEvent('onCorpusHealth', setHealth);

  const restore = useCallback(
    async (name: string) => {
      setRestoring(true);
      try {
        const h = await api.call('backup.restore', { name });
        setHealth(h);
        notify({ kind: 'success', title: 'Backup restored', detail: `The corpus is back as it was at ${name.slice(7, 11)}-${name.slice(11, 13)}-${name.slice(13, 15)}.` });
        onRestored();
        return true;
      } catch (error) {
        reportError('The backup could not be restored', error);
        return false;
      } finally {
        setRestoring(false);
      }
    },
    [notify, reportError, onRestored],
  );

  return { health, restoring, restore };
}
