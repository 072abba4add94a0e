// LexisNexis / Nexis exports. Two layouts, each many documents to a file:
// - the classic one ("N of M DOCUMENTS", source, date line, headline, BYLINE:, SECTION:,
//   LENGTH:, DATELINE:, body, LOAD-DATE:, LANGUAGE:, copyright), as .txt or as Nexis HTML;
// - Nexis Uni / Nexis Advance (.docx): title, source, date line, copyright, Section:, Length:,
//   Byline:, Dateline:, "Body", paragraphs, Classification, Load-Date:, "End of Document",
//   after a cover page with a table of contents.
import { parseLooseDate } from '../dates.ts';
import { paragraphsOf, parseDocument } from './html-text.ts';
import { splitVersion } from './markers.ts';
import { normaliseNewlines, oneLine, splitBlocks } from './text-blocks.ts';
import { ParseError, type ParsedArticle } from './types.ts';
import { parseDateline } from './wire.ts';

const DOC_SEPARATOR = /^[ \t]*\d+\s+(?:of|OF)\s+\d+\s+DOCUMENTS?[ \t]*$/m;
const FIELD = /^(\p{Lu}[\p{L}]*(?:[- ]\p{Lu}[\p{L}]*)?):[ \t]*([\s\S]*)$/u;
/** Field names of exports made in the German and French interfaces, as their English names. */
const FIELD_ALIASES: Record<string, string> = {
  AUTOR: 'BYLINE', AUTEUR: 'BYLINE', SIGNATURE: 'BYLINE', RUBRIK: 'SECTION', RUBRIQUE: 'SECTION', LÄNGE: 'LENGTH', LONGUEUR: 'LENGTH',
  SPRACHE: 'LANGUAGE', LANGUE: 'LANGUAGE', PUBLIKATIONSTYP: 'PUBLICATION-TYPE', 'TYPE-DE-PUBLICATION': 'PUBLICATION-TYPE', ZEITSCHRIFTENCODE: 'JOURNAL-CODE',
};
const COPYRIGHT = /^(?:Copyright|©|\(c\))\s|All Rights Reserved\.?$/i;

export function isClassicNexis(text: string): boolean {
  // Every .txt file is asked this: a multiline regex over all of it costs a pass, includes() of
  // the word the separator must contain is a memchr.
  if (!text.includes('DOCUMENT')) return false;
  return DOC_SEPARATOR.test(text) && /^(?:LENGTH|LOAD-DATE|BYLINE|SECTION):/m.test(text);
}

interface Fields {
  [name: string]: string;
}

function fieldOf(block: string): [string, string] | null {
  const m = FIELD.exec(block);
  if (!m) return null;
  const name = FIELD_ALIASES[m[1]!.toUpperCase()] ?? m[1]!.toUpperCase();
  // Only the field names these exports use, so a body paragraph "Note: ..." stays text.
  if (!/^(?:BYLINE|SECTION|LENGTH|DATELINE|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|GRAPHIC|JOURNAL-CODE|TYPE|HIGHLIGHT|CORRECTION-DATE|DOCUMENT-TYPE|SUBJECT|COMPANY|PERSON|GEOGRAPHIC|ORGANIZATION|INDUSTRY|CITY|STATE|COUNTRY|TICKER|URL|NOTES|DISTRIBUTION|EDITION|SERIES|SOURCE|BODY)$/.test(name)) return null;
  return [name, oneLine(m[2]!)];
}

function article(headline: string, body: string[], date: string | null, source: string | null, fields: Fields): ParsedArticle | null {
  const split = splitVersion(oneLine(headline));
  if (!split.headline && body.length === 0) return null;
  const datelineField = fields.DATELINE ?? null;
  const dateline = body.length > 0 ? parseDateline(body[0]!) : null;
  const language = fields.LANGUAGE?.toLowerCase();
  const languages: Record<string, string> = {
    english: 'en', russian: 'ru', ukrainian: 'uk', german: 'de', french: 'fr', spanish: 'es', deutsch: 'de', englisch: 'en', français: 'fr', anglais: 'en', allemand: 'de',
  };
  const place = datelineField ? datelineField.replace(/,.*$/, '').trim() || null : (dateline?.place ?? null);
  return {
    headline: split.headline || body[0]!.slice(0, 200),
    body: body.join('\n\n'),
    published: parseLooseDate(date),
    place,
    agency: source,
    site: source,
    byline: fields.BYLINE ? fields.BYLINE.replace(/^by\s+/i, '') : null,
    url: fields.URL && /^https?:\/\//.test(fields.URL) ? fields.URL : null,
    versionNote: split.versionNote,
    language: (language && languages[language]) ?? null,
  };
}

/** The classic text layout (also what Nexis HTML becomes once its paragraphs are read). */
export function parseClassicNexis(text: string): ParsedArticle[] {
  const parts = normaliseNewlines(text).split(DOC_SEPARATOR).slice(1);
  const articles: ParsedArticle[] = [];
  for (const part of parts) {
    const blocks = splitBlocks(part).map((b) => b.replace(/^[ \t]+/gm, ''));
    const firstField = blocks.findIndex((b) => fieldOf(b) !== null);
    const header = firstField >= 0 ? blocks.slice(0, firstField) : blocks.slice(0, 3);
    const dateAt = header.findIndex((b) => parseLooseDate(oneLine(b)) !== null);
    const source = dateAt > 0 ? oneLine(header.slice(0, dateAt).join(' ')) : null;
    const date = dateAt >= 0 ? oneLine(header[dateAt]!) : null;
    let headline = header.slice(dateAt + 1).join(' ');
    const fields: Fields = {};
    const body: string[] = [];
    for (const block of blocks.slice(firstField >= 0 ? firstField : header.length)) {
      const field = fieldOf(block);
      if (field) {
        fields[field[0]] = field[1];
        continue;
      }
      if (COPYRIGHT.test(oneLine(block))) continue;
      body.push(block.split('\n').map((l) => l.trim()).join(' '));
    }
    if (!headline && body.length > 0) headline = body.shift()!;
    const result = article(headline, body, date, source, fields);
    if (result) articles.push(result);
  }
  if (articles.length === 0) throw new ParseError('a LexisNexis export with no documents in it');
  return articles;
}

export function parseNexisHtml(html: string): ParsedArticle[] {
  const doc = parseDocument(html);
  return parseClassicNexis(paragraphsOf(doc.body ?? doc.documentElement).join('\n\n'));
}

// ---- Nexis Uni (.docx) ----

export function isNexisUni(paragraphs: string[]): boolean {
  return paragraphs.includes('End of Document') && paragraphs.includes('Body');
}

const UNI_FIELD = /^(Section|Length|Byline|Dateline|Load-Date|Language|Highlight|Publication-Type|Subject|Geographic|Person|Company|Organization|Industry|Ticker|Graphic|Correction|Notes|Series|Edition|Document-Type|Journal-Code|Url):\s*(.*)$/i;

export function parseNexisUni(paragraphs: string[]): ParsedArticle[] {
  const articles: ParsedArticle[] = [];
  let chunk: string[] = [];
  const flush = (): void => {
    const result = uniDocument(chunk);
    if (result) articles.push(result);
    chunk = [];
  };
  for (const p of paragraphs) {
    if (p === 'End of Document') flush();
    else chunk.push(p);
  }
  if (articles.length === 0) throw new ParseError('a Nexis Uni export with no documents in it');
  return articles;
}

function uniDocument(paragraphs: string[]): ParsedArticle | null {
  const body = paragraphs.indexOf('Body');
  if (body < 0) return null;
  // Back from "Body" over the fields and the copyright line to the date line; the source
  // and the title stand right above it. Everything higher is the cover page.
  let i = body - 1;
  const fields: Fields = {};
  while (i >= 0 && (UNI_FIELD.test(paragraphs[i]!) || COPYRIGHT.test(paragraphs[i]!))) {
    const m = UNI_FIELD.exec(paragraphs[i]!);
    if (m) fields[m[1]!.toUpperCase()] = m[2]!.trim();
    i--;
  }
  const date = paragraphs[i] ?? null;
  const source = paragraphs[i - 1] ?? null;
  const title = paragraphs[i - 2] ?? '';
  const text: string[] = [];
  for (const p of paragraphs.slice(body + 1)) {
    if (p === 'Classification' || p === 'Graphic' || /^Load-Date:/.test(p)) break;
    text.push(p);
  }
  for (const p of paragraphs.slice(body + 1)) {
    const m = UNI_FIELD.exec(p);
    if (m) fields[m[1]!.toUpperCase()] ??= m[2]!.trim();
  }
  return article(title, text, date, source, fields);
}
