import path from 'node:path';
import type { Client } from '../../shared/api.ts';
import type { Engine } from '../../engine/engine.ts';
import type { SearchExportFormat, SearchArgs, SearchExportProgress, SearchOptions, SearchQueryArgs } from '../../shared/api.ts';
import { dataDir, intOption, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { formatSearch, n, styleFor } from '../format.ts';

export const searchCommand: Command = {
  name: 'search',
  usage: `wirebench search QUERY [--limit N] [--offset N] [--sort relevance|date] [--recency] [--any]
                         [--from DATE] [--to DATE] [--agency NAME] [--place NAME] [--lang CODE]
                         [--count] [--all --format csv|jsonl [--out FILE] [--body]]
                         [--save NAME] [--saved NAME]`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      limit: { type: 'string' },
      offset: { type: 'string' },
      sort: { type: 'string' },
      recency: { type: 'boolean', default: false },
      any: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      agency: { type: 'string' },
      place: { type: 'string' },
      lang: { type: 'string' },
      count: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      body: { type: 'boolean', default: false },
      save: { type: 'string' },
      saved: { type: 'string' },
    });
    if (values.sort !== undefined && values.sort !== 'relevance' && values.sort !== 'date') throw new UsageError('--sort must be relevance or date');
    if (values.format !== undefined && values.format !== 'csv' && values.format !== 'jsonl') throw new UsageError('--format must be csv or jsonl');
    if (values.all && values.format === undefined) throw new UsageError('--all needs --format csv or --format jsonl');
    if (!values.all && (values.format !== undefined || values.out !== undefined || values.body)) throw new UsageError('--format, --out and --body go with --all');
    if (values.saved !== undefined && positionals.length > 0) throw new UsageError('give either a QUERY or --saved NAME, not both');
    const options: SearchOptions = {
      ...(values.sort !== undefined && { sort: values.sort as 'relevance' | 'date' }),
      ...(values.recency && { recency: true }),
      ...(values.any && { match: 'any' as const }),
      ...(values.from !== undefined && { from: values.from }),
      ...(values.to !== undefined && { to: values.to }),
      ...(values.agency !== undefined && { agency: values.agency }),
      ...(values.place !== undefined && { place: values.place }),
      ...(values.lang !== undefined && { language: values.lang }),
    };
    const limit = intOption(values.limit, 'limit', 1, 500) ?? 20;
    const offset = intOption(values.offset, 'offset', 0, 10_000_000);

    return withEngine(
      dataDir(values['data-dir']),
      async (api, engine) => {
        let query = positionals.join(' ');
        let base: SearchQueryArgs = { query, ...options };
        if (values.saved !== undefined) {
          const found = (await api.call('searches.list', {})).searches.find((s) => s.name.toLowerCase() === values.saved!.toLowerCase());
          if (!found) throw new UsageError(`there is no saved search "${values.saved}" (wirebench searches lists them)`);
          query = found.query;
          // Options given on the command line win over the saved ones.
          base = { ...found.options, ...options, query };
        }
        if (values.save !== undefined) {
          const { query: _query, ...saveOptions } = base;
          const saved = await api.call('searches.save', { name: values.save, query, options: saveOptions });
          if (!values.json) process.stderr.write(`Saved as "${saved.name}".\n`);
        }
        if (values.all) return exportAll(api, engine, base, values.format as SearchExportFormat, values.out, values.body, values.json);
        if (values.count) {
          const { total } = await api.call('search.count', base);
          if (values.json) json({ total });
          else out(String(total));
          return 0;
        }
        const args: SearchArgs = { ...base, limit, remember: true, ...(offset !== undefined && { offset }) };
        const result = await api.call('search.query', args);
        if (values.json) json(result);
        else out(formatSearch(result, query, styleFor(process.stdout.isTTY)));
        return 0;
      },
      { waitForIndex: true },
    );
  },
};

/** Streams every match to a file (or stdout), with progress on stderr. */
async function exportAll(api: Client, engine: Engine, args: SearchQueryArgs, format: SearchExportFormat, outFile: string | undefined, includeBody: boolean, asJson: boolean): Promise<number> {
  const toStdout = outFile === undefined || outFile === '-';
  const tty = process.stderr.isTTY;
  let last = 0;
  const off = api.on('onSearchExportProgress', (p: SearchExportProgress) => {
    const now = Date.now();
    if (!p.done && now - last < 200) return;
    last = now;
    const line = `Exporting… ${n(p.rows)} of ${n(p.total)} rows`;
    process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  });
  try {
    let result;
    if (toStdout) {
      // Written as it is read, waiting whenever the reader (a pipe, a pager) is behind.
      const sink = {
        name: 'standard output',
        write: (text: string): Promise<void> | void => (process.stdout.write(text) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()))),
        close: () => {},
      };
      result = await engine.exportSearch({ ...args, format, includeBody }, sink);
    } else {
      result = await api.call('search.export', { ...args, format, path: path.resolve(outFile), includeBody });
    }
    if (tty) process.stderr.write('\r\x1b[2K');
    if (toStdout) process.stderr.write(`Wrote ${n(result.rows)} ${result.rows === 1 ? 'row' : 'rows'}.\n`);
    else if (asJson) json(result);
    else out(`Wrote ${n(result.rows)} ${result.rows === 1 ? 'row' : 'rows'} to ${result.path} in ${(result.durationMs / 1000).toFixed(1)} s.`);
    return 0;
  } finally {
    off();
  }
}
