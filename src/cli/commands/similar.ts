import { dataDir, intOption, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { metaLine, styleFor } from '../format.ts';

export const similarCommand: Command = {
  name: 'similar',
  usage: 'wirebench similar ID [--limit N]         near-duplicates, then articles sharing its rarest words',
  async run(argv) {
    const { values, positionals } = parse(argv, { limit: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('similar needs exactly one article id: wirebench similar ID');
    const id = intOption(positionals[0], 'id', 1, Number.MAX_SAFE_INTEGER)!;
    const limit = intOption(values.limit, 'limit', 1, 100);
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const result = await api.call('article.similar', { id, ...(limit !== undefined && { limit }) });
      if (values.json) {
        json({
          id,
          articles: result.articles.map((a) => ({ id: a.id, headline: a.headline, published: a.published, agency: a.agency, place: a.place, version_note: a.versionNote, kind: a.kind === 'near-duplicate' ? 'near_duplicate' : 'related', score: a.score })),
          terms: result.terms,
          took_ms: result.tookMs,
        });
        return 0;
      }
      const style = styleFor(process.stdout.isTTY);
      if (result.articles.length === 0) out('No similar articles.');
      for (const a of result.articles) {
        const kind = a.kind === 'near-duplicate' ? 'near-duplicate' : 'related';
        out(`${`${Math.round(a.score * 100)}%`.padStart(5)}  #${a.id}  ${style.bold(a.headline)}${a.versionNote ? ` [${a.versionNote}]` : ''}  ${style.dim(`${metaLine(a)} · ${kind}`)}`);
      }
      if (result.terms.length) out(style.dim(`\nShared words searched: ${result.terms.join(', ')}`));
      return 0;
    });
  },
};
