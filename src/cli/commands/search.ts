import { dataDir, intOption, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { formatSearch, styleFor } from '../format.ts';

export const searchCommand: Command = {
  name: 'search',
  usage: `wirebench search QUERY [--limit N] [--offset N] [--sort relevance|date]
                         [--from DATE] [--to DATE] [--agency NAME]`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      limit: { type: 'string' },
      offset: { type: 'string' },
      sort: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      agency: { type: 'string' },
    });
    const query = positionals.join(' ');
    if (values.sort !== undefined && values.sort !== 'relevance' && values.sort !== 'date') throw new UsageError('--sort must be relevance or date');
    const args = {
      query,
      limit: intOption(values.limit, 'limit', 1, 500) ?? 20,
      ...(values.offset !== undefined && { offset: intOption(values.offset, 'offset', 0, 10_000_000)! }),
      ...(values.sort !== undefined && { sort: values.sort as 'relevance' | 'date' }),
      ...(values.from !== undefined && { from: values.from }),
      ...(values.to !== undefined && { to: values.to }),
      ...(values.agency !== undefined && { agency: values.agency }),
    };
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const result = await api.call('search.query', args);
      if (values.json) json(result);
      else out(formatSearch(result, query, styleFor(process.stdout.isTTY)));
      return 0;
    });
  },
};
