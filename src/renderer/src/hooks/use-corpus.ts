// What the app knows about its corpus and itself: app.info once, corpus.stats on start and
// whenever the engine says the articles changed. `version` increases on every refresh, so
// result lists can re-run their query.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type AppInfo, type CorpusStats, type DemoAttribution } from '../api/index.ts';
import { useApiEvent } from './use-api-event.ts';
import { useNotices } from './use-notices.ts';

export interface Corpus {
  info: AppInfo | null;
  stats: CorpusStats | null;
  /** Set when corpus.stats failed, so the app can say so instead of waiting forever. */
  statsError: string | null;
  attribution: DemoAttribution | null;
  /**
   * Whether app.info has answered (or failed) and, when there is a demo corpus, its credits
   * too: the welcome card waits for this, so its buttons do not move under the pointer.
   */
  welcomeReady: boolean;
  version: number;
  refresh(): void;
}

/** At most one refresh per this many ms while events stream in during an import. */
const REFRESH_INTERVAL = 800;

export function useCorpus(): Corpus {
  const { reportError } = useNotices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [stats, setStats] = useState<CorpusStats | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [attribution, setAttribution] = useState<DemoAttribution | null>(null);
  const [infoSettled, setInfoSettled] = useState(false);
  const [attributionSettled, setAttributionSettled] = useState(false);
  const [version, setVersion] = useState(0);
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const loadStats = useCallback(() => {
    api.call('corpus.stats', {}).then(
      (result) => {
        setStats(result);
        setStatsError(null);
        setVersion((v) => v + 1);
      },
      (error: unknown) => {
        setStatsError(error instanceof Error ? error.message : String(error));
        reportError('Could not read the corpus', error);
      },
    );
  }, [reportError]);

  const refresh = useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, lastRefresh.current + REFRESH_INTERVAL - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      lastRefresh.current = Date.now();
      loadStats();
    }, wait);
  }, [loadStats]);

  useEffect(() => {
    loadStats();
    api
      .call('app.info', {})
      .then(setInfo, (error: unknown) => reportError('Could not read the app information', error))
      .finally(() => setInfoSettled(true));
    return () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [loadStats, reportError]);

  useEffect(() => {
    if (!info?.demoAvailable) return;
    let live = true;
    api.call('demo.attribution', {}).then(
      (result) => {
        if (live) setAttribution(result);
      },
      () => {
        // The credits are optional decoration here; the About dialog reports its own failure.
      },
    ).finally(() => {
      if (live) setAttributionSettled(true);
    });
    return () => {
      live = false;
    };
  }, [info?.demoAvailable]);

  useApiEvent('onCorpusChanged', refresh);
  useApiEvent('onImportFinished', refresh);

  const welcomeReady = infoSettled && (info?.demoAvailable !== true || attributionSettled);
  return { info, stats, statsError, attribution, welcomeReady, version, refresh };
}
