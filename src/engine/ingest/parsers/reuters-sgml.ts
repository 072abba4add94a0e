// Reuters-21578 SGML (.sgm): up to 1,000 <REUTERS> stories per file, each with <DATE>,
// <TITLE>, <DATELINE> and <BODY>, and SGML character references.
import { parseLooseDate } from '../dates.ts';
import { splitVersion } from './markers.ts';
import { ParseError, type ParsedArticle, type ParseInput } from './types.ts';

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => {
      const code = Number(n);
      return code < 32 && code !== 9 && code !== 10 ? '' : String.fromCodePoint(code);
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function tag(story: string, name: string): string | null {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(story);
  return m ? decodeEntities(m[1]!) : null;
}

export function isReutersSgml(text: string): boolean {
  return /<REUTERS\b[^>]*NEWID=/.test(text.slice(0, 4096));
}

export function parseReutersSgml(input: ParseInput): ParsedArticle[] {
  const text = input.text();
  if (!isReutersSgml(text)) throw new ParseError('not Reuters-21578 SGML (no <REUTERS> story)');
  const articles: ParsedArticle[] = [];
  for (const m of text.matchAll(/<REUTERS\b[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
    const story = m[1]!;
    const title = (tag(story, 'TITLE') ?? '').replace(/\s+/g, ' ').trim();
    const rawBody = tag(story, 'BODY') ?? (story.includes('TYPE="UNPROC"') ? tag(story, 'TEXT') : null) ?? '';
    // Paragraphs in the 1987 wire start with an indent; other line breaks are line wrapping.
    const paragraphs = rawBody
      .replace(/\s*Reuter\s*$/, '')
      .split(/\n(?=\s{3,}\S)/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    if (!title && paragraphs.length === 0) continue;
    const dateline = (tag(story, 'DATELINE') ?? '').replace(/\s+/g, ' ').trim();
    const place = dateline ? dateline.replace(/,.*$/, '').replace(/\s*-\s*$/, '').trim() || null : null;
    if (dateline && paragraphs.length > 0) paragraphs[0] = `${dateline} ${paragraphs[0]}`;
    const split = splitVersion(title);
    articles.push({
      headline: split.headline || paragraphs[0]!.slice(0, 200),
      body: paragraphs.join('\n\n'),
      published: parseLooseDate(tag(story, 'DATE')),
      place,
      agency: 'Reuters',
      versionNote: split.versionNote,
      language: 'en',
    });
  }
  if (articles.length === 0) throw new ParseError('no stories in the file');
  return articles;
}
