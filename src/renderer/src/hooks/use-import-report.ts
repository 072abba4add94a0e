// An import that ends while its dialog is hidden is reported as a notice in a corner, and
// forgotten, so the next Import opens on a fresh form rather than an old summary.
import { useEffect } from 'react';
import { countLabel, formatNumber } from '../lib/format.ts';
import type { Importer } from './use-import.ts';
import { useNotices } from './use-notices.ts';

export function useImportReport(importer: Importer, dialogOpen: boolean): void {
  const { notify } = useNotices();
  const { state, reset } = importer;
  useEffect(() => {
    if (dialogOpen) return;
    if (state.phase === 'done') {
      const { summary } = state;
      notify({
        kind: summary.status === 'completed' ? 'success' : 'info',
        title: summary.status === 'completed' ? `Import finished: ${countLabel(summary.imported, 'article')} imported` : `Import ${summary.status}`,
        detail: `${formatNumber(summary.duplicates)} duplicates, ${formatNumber(summary.skipped)} skipped, ${formatNumber(summary.failed)} failed.`,
      });
      reset();
    } else if (state.phase === 'error') {
      notify({ kind: 'error', title: 'The import could not run', detail: state.message });
      reset();
    }
  }, [dialogOpen, state, notify, reset]);
}
