// Integrum (Russian news database) HTML exports: a table of contents, then each article with
// caret-coded fields (^ИС: source, ^РБ: rubric, ^НР: issue, ^ДТ: date DD.MM.YYYY, ^АВ: author,
// ^ЗГ: headline) and its text in a <pre> whose paragraphs start with an indent.
import { parseLooseDate } from '../dates.ts';
import { splitAt } from './factiva.ts';
import { parseFragment, textOf } from './html-text.ts';
import { ParseError, type ParsedArticle } from './types.ts';

export function parseIntegrumHtml(html: string): ParsedArticle[] {
  const articles: ParsedArticle[] = [];
  for (const chunk of splitAt(html, /<a name="?\d+"?>/g)) {
    const container = parseFragment(chunk.replace(/<\/body>[\s\S]*$/i, ''));
    if (!container) continue;
    const table = container.querySelector('table');
    const fieldsText = table?.textContent ?? '';
    if (!fieldsText.includes('^')) continue;
    const fields = new Map<string, string>();
    for (const m of fieldsText.matchAll(/\^([А-ЯA-Z]{2}):\s*([^^]*)/gu)) fields.set(m[1]!, m[2]!.replace(/\s+/g, ' ').trim());
    const pre = container.querySelector('pre');
    const raw = (pre?.textContent ?? '').replace(/\r\n?/g, '\n');
    // A new paragraph starts on an indented line; other line breaks are the export's wrapping.
    const body = raw
      .split(/\n(?=[ \t]{2,}\S)/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const headline = fields.get('ЗГ') || textOf(container.querySelector('h3')) || body[0]?.slice(0, 200) || '';
    if (!headline && body.length === 0) continue;
    articles.push({
      headline,
      body: body.join('\n\n'),
      published: parseLooseDate(fields.get('ДТ')),
      place: null,
      agency: fields.get('ИС') || null,
      site: fields.get('ИС') || null,
      byline: fields.get('АВ') || null,
    });
  }
  if (articles.length === 0) throw new ParseError('an Integrum export with no articles in it');
  return articles;
}
