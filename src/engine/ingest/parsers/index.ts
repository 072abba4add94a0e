// Which parser reads which file: by extension first, then by what the content is (a Factiva
// or Nexis export saved as .html, an RSS feed saved as .xml, a LexisNexis export as .txt).
// Files with other extensions are skipped as "not an article format" rather than read as text.
import { parseDocx } from './docx.ts';
import { parseEml, parseMbox } from './email.ts';
import { isFactivaXml, parseFactivaXml } from './factiva.ts';
import { isFeed, parseFeed } from './feed.ts';
import { parseHtml } from './html.ts';
import { isClassicNexis, parseClassicNexis } from './nexis.ts';
import { parsePdf } from './pdf.ts';
import { parseMarkdown, parsePlainText } from './plain.ts';
import { isReutersSgml, parseReutersSgml } from './reuters-sgml.ts';
import { parseCsvFile, parseJsonl } from './tabular.ts';
import { ParseError, type ParsedArticle, type Parser, type ParseInput } from './types.ts';
import { articleExtension } from '../formats.ts';

function parseText(input: ParseInput): ParsedArticle[] {
  const text = input.text();
  if (isClassicNexis(text)) return parseClassicNexis(text);
  if (isReutersSgml(text)) return parseReutersSgml(input);
  return parsePlainText(input);
}

function parseXml(input: ParseInput): ParsedArticle[] {
  const text = input.text();
  if (isFactivaXml(text)) return parseFactivaXml(text);
  if (isFeed(text)) return parseFeed(text);
  if (isReutersSgml(text)) return parseReutersSgml(input);
  if (/<html\b/i.test(text.slice(0, 4096))) return parseHtml(input);
  throw new ParseError('an XML file that is neither a feed (RSS, Atom) nor a Factiva export');
}

const PARSERS: Record<string, Parser> = {
  '.txt': parseText,
  '.text': parseText,
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.xhtml': parseHtml,
  '.docx': parseDocx,
  '.pdf': parsePdf,
  '.eml': parseEml,
  '.mbox': parseMbox,
  '.xml': parseXml,
  '.rss': parseXml,
  '.atom': parseXml,
  '.sgm': parseReutersSgml,
  '.sgml': parseReutersSgml,
  '.jsonl': parseJsonl,
  '.ndjson': parseJsonl,
  '.csv': parseCsvFile,
  '.tsv': parseCsvFile,
};

export function parserFor(fileName: string): Parser | null {
  const ext = articleExtension(fileName);
  return ext ? (PARSERS[ext] ?? null) : null;
}

/** The extensions with a parser: formats.ts's ARTICLE_EXTENSIONS, which a test holds to these. */
export const SUPPORTED_EXTENSIONS = Object.keys(PARSERS);
