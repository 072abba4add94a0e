import path from 'node:path';
import type { ColumnMapping, ImportProgress } from '../../shared/api.ts';
import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { formatSummary, progressBar } from '../format.ts';

export const importCommand: Command = {
  name: 'import',
  usage: 'wirebench import PATH... [--columns headline=COL,body=COL,...]   import folders (recursively) and files',
  async run(argv) {
    const { values, positionals } = parse(argv, { columns: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('import needs at least one folder or file: wirebench import PATH...');
    const paths = positionals.map((p) => path.resolve(p));
    const columns = values.columns === undefined ? undefined : parseColumns(values.columns);
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
        const summary = await api.call('import.run', columns ? { paths, columns } : { paths });
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

const FIELDS = ['headline', 'body', 'published', 'source', 'url', 'byline', 'place', 'language'] as const;

/** "headline=title,body=text" → the column mapping for .csv/.tsv/.jsonl files. */
export function parseColumns(value: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of value.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || !column || !(FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--columns takes FIELD=COLUMN pairs separated by commas, FIELD one of ${FIELDS.join(', ')}`);
    }
    mapping[field as (typeof FIELDS)[number]] = column;
  }
  return mapping;
}
