import type { QuoteSearchResult } from '../../shared/api.ts';
import { dataDir, intOption, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { metaLine, n } from '../format.ts';

export const quotesCommand: Command = {
  name: 'quotes',
  usage: `wirebench quotes [QUERY] [--speaker NAME] [--article ID] [--limit N] [--offset N]
                         [--sort date|relevance|article] [--from DATE] [--to DATE]`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      speaker: { type: 'string' },
      article: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      sort: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    if (values.sort !== undefined && !['date', 'relevance', 'article'].includes(values.sort)) throw new UsageError('--sort must be date, relevance or article');
    const args = {
      query: positionals.join(' '),
      limit: intOption(values.limit, 'limit', 1, 500) ?? 50,
      ...(values.offset !== undefined && { offset: intOption(values.offset, 'offset', 0, 10_000_000)! }),
      ...(values.speaker !== undefined && { speaker: values.speaker }),
      ...(values.article !== undefined && { articleId: intOption(values.article, 'article', 1, Number.MAX_SAFE_INTEGER)! }),
      ...(values.sort !== undefined && { sort: values.sort as 'date' | 'relevance' | 'article' }),
      ...(values.from !== undefined && { from: values.from }),
      ...(values.to !== undefined && { to: values.to }),
    };
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const result = await api.call('quotes.search', args);
      if (values.json) {
        json({
          total: result.total,
          quotes: result.quotes.map((q) => ({ id: q.id, articleId: q.articleId, speaker: q.speaker, text: q.text, start: q.start, end: q.end, personId: q.personId, description: q.description, cue: q.cue, kind: q.kind, headline: q.headline, published: q.published, agency: q.agency })),
          speakers: result.speakers,
          notice: result.notice,
        });
      } else out(formatQuotes(result));
      return 0;
    });
  },
};

function formatQuotes(result: QuoteSearchResult): string {
  const lines = [`${n(result.total)} ${result.total === 1 ? 'quote' : 'quotes'}${result.quotes.length < result.total ? ` (showing ${n(result.quotes.length)})` : ''}`];
  if (result.notice) lines.push(result.notice);
  for (const q of result.quotes) {
    lines.push('', `#${q.id}  “${q.text.replace(/\s+/g, ' ')}”`, `      — ${[q.speaker ?? 'unattributed', q.description].filter(Boolean).join(', ')} (${q.cue})`, `      article #${q.articleId} ${q.headline} · ${metaLine(q)} · chars ${q.start}–${q.end}`);
  }
  if (result.speakers.length) lines.push('', `Speakers: ${result.speakers.slice(0, 10).map((s) => `${s.speaker} (${s.count})`).join(', ')}`);
  return lines.join('\n');
}
