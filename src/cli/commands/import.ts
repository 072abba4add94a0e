import path from 'node:path';
import type { ImportProgress } from '../../shared/api.ts';
import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { formatSummary, progressBar } from '../format.ts';

export const importCommand: Command = {
  name: 'import',
  usage: 'wirebench import PATH...                 import folders (recursively) and files',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length === 0) throw new UsageError('import needs at least one folder or file: wirebench import PATH...');
    const paths = positionals.map((p) => path.resolve(p));
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const tty = process.stderr.isTTY && !values.json;
      let lastLine = 0;
      const off = api.on('onImportProgress', (p: ImportProgress) => {
        if (!tty) return;
        const now = Date.now();
        if (now - lastLine < 100 && p.phase === 'importing') return;
        lastLine = now;
        process.stderr.write(`\r\x1b[2K${progressBar(p, process.stderr.columns ?? 100)}`);
      });
      const onSigint = (): void => void api.call('import.cancel', {});
      process.on('SIGINT', onSigint);
      try {
        const summary = await api.call('import.run', { paths });
        if (tty) process.stderr.write('\r\x1b[2K');
        if (values.json) json(summary);
        else out(formatSummary(summary));
        if (summary.status === 'cancelled') return 130;
        return summary.status === 'failed' ? 1 : 0;
      } finally {
        off();
        process.off('SIGINT', onSigint);
      }
    });
  },
};
