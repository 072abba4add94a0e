import { dataDir, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { n } from '../format.ts';

export const statsCommand: Command = {
  name: 'stats',
  usage: 'wirebench stats                          what is in the corpus',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length) throw new UsageError(`stats takes no arguments (got ${positionals[0]})`);
    const dir = dataDir(values['data-dir']);
    return withEngine(dir, async (api) => {
      const stats = await api.call('corpus.stats', {});
      if (values.json) {
        json(stats);
        return 0;
      }
      out(`${n(stats.articles)} articles in ${dir}`);
      if (stats.earliest) out(`dated ${stats.earliest} to ${stats.latest}`);
      for (const a of stats.agencies.slice(0, 10)) out(`  ${a.value}: ${n(a.count)}`);
      return 0;
    });
  },
};
