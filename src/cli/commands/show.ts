import { dataDir, intOption, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { formatArticle, styleFor } from '../format.ts';

export const showCommand: Command = {
  name: 'show',
  usage: 'wirebench show ID [--query QUERY]        print one article',
  async run(argv) {
    const { values, positionals } = parse(argv, { query: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('show needs exactly one article id: wirebench show ID');
    const id = intOption(positionals[0], 'id', 1, Number.MAX_SAFE_INTEGER)!;
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const article = await api.call('article.get', { id, ...(values.query !== undefined && { query: values.query }) });
      if (values.json) json(article);
      else out(formatArticle(article, styleFor(process.stdout.isTTY)));
      return 0;
    });
  },
};
