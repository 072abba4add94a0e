import type { CompareResult } from '../../shared/api.ts';
import { dataDir, intOption, json, out, parse, UsageError, withEngine, type Command } from '../args.ts';
import { metaLine, styleFor, type Style } from '../format.ts';

/** The CLI's JSON shape: `{shared, a_only, b_only, paragraphs, quotes:{a_only, b_only}}` plus context. */
export function compareJson(r: CompareResult): unknown {
  const text = (side: CompareResult['a'], i: number): string => side.article.body.slice(side.paragraphs[i]!.start, side.paragraphs[i]!.end);
  return {
    a: { id: r.a.article.id, headline: r.a.article.headline, words: r.a.words, shared_words: r.a.sharedWords },
    b: { id: r.b.article.id, headline: r.b.article.headline, words: r.b.words, shared_words: r.b.sharedWords },
    summary: r.summary.text,
    shared: r.summary.shared,
    a_only: r.rows.flatMap((row) => (row.kind === 'a-only' ? [{ paragraph: row.a + 1, text: text(r.a, row.a) }] : [])),
    b_only: r.rows.flatMap((row) => (row.kind === 'b-only' ? [{ paragraph: row.b + 1, text: text(r.b, row.b) }] : [])),
    paragraphs: r.rows.map((row) => {
      switch (row.kind) {
        case 'same':
          return { kind: 'same', a: row.a + 1, b: row.b + 1, moved: row.moved };
        case 'changed':
          return { kind: 'changed', a: row.a + 1, b: row.b + 1, moved: row.moved, similarity: row.similarity, diff: row.diff };
        case 'a-only':
          return { kind: 'a_only', a: row.a + 1 };
        case 'b-only':
          return { kind: 'b_only', b: row.b + 1 };
      }
    }),
    quotes: { a_only: r.quotes.aOnly.map((q) => q.text), b_only: r.quotes.bOnly.map((q) => q.text), changed: r.quotes.changed.map((q) => ({ a: q.text, b: q.counterpart })) },
    took_ms: r.tookMs,
  };
}

function formatCompare(r: CompareResult, style: Style): string {
  const para = (side: CompareResult['a'], i: number): string => side.article.body.slice(side.paragraphs[i]!.start, side.paragraphs[i]!.end).replace(/\s+/g, ' ');
  const lines = [
    `A #${r.a.article.id}  ${style.bold(r.a.article.headline)}  ${style.dim(metaLine(r.a.article))}`,
    `B #${r.b.article.id}  ${style.bold(r.b.article.headline)}  ${style.dim(metaLine(r.b.article))}`,
    '',
    r.summary.text,
    '',
  ];
  for (const row of r.rows) {
    if (row.kind === 'same') lines.push(style.dim(`  ¶${row.a + 1} = ¶${row.b + 1}${row.moved ? ' (moved)' : ''}`));
    else if (row.kind === 'a-only') lines.push(`- ¶${row.a + 1} only in A: ${para(r.a, row.a)}`);
    else if (row.kind === 'b-only') lines.push(`+ ¶${row.b + 1} only in B: ${para(r.b, row.b)}`);
    else {
      const diff = row.diff.map((d) => (d.op === 'equal' ? d.text : d.op === 'delete' ? `[-${d.text}-]` : `{+${d.text}+}`)).join('').replace(/\s+/g, ' ');
      lines.push(`~ ¶${row.a + 1} ~ ¶${row.b + 1}${row.moved ? ' (moved)' : ''}: ${diff}`);
    }
  }
  if (r.quotes.changed.length || r.quotes.aOnly.length || r.quotes.bOnly.length) lines.push('', 'Quotes:');
  for (const q of r.quotes.changed) lines.push(`  changed: “${q.text}” → “${q.counterpart}”`);
  for (const q of r.quotes.aOnly) lines.push(`  only in A: “${q.text}”`);
  for (const q of r.quotes.bOnly) lines.push(`  only in B: “${q.text}”`);
  return lines.join('\n');
}

export const compareCommand: Command = {
  name: 'compare',
  usage: `wirebench compare ID1 ID2                 two articles side by side: shared text, changes, quotes
  wirebench compare ID1 ID2 ID3...          a matrix of pairwise shared text`,
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    if (positionals.length < 2) throw new UsageError('compare needs at least two article ids: wirebench compare ID1 ID2');
    if (positionals.length > 20) throw new UsageError('compare takes at most 20 article ids');
    const ids = positionals.map((p) => intOption(p, 'id', 1, Number.MAX_SAFE_INTEGER)!);
    return withEngine(dataDir(values['data-dir']), async (api) => {
      const style = styleFor(process.stdout.isTTY);
      if (ids.length === 2) {
        const result = await api.call('compare.articles', { a: ids[0]!, b: ids[1]! });
        if (values.json) json(compareJson(result));
        else out(formatCompare(result, style));
        return 0;
      }
      const matrix = await api.call('compare.matrix', { ids });
      if (values.json) json(matrix);
      else {
        out(`      ${ids.map((id) => `#${id}`.padStart(7)).join('')}`);
        matrix.shared.forEach((row, i) => out(`${`#${ids[i]}`.padStart(6)}${row.map((s) => `${Math.round(s * 100)}%`.padStart(7)).join('')}  ${matrix.articles[i]!.headline.slice(0, 60)}`));
      }
      return 0;
    });
  },
};
