// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item an article with its link, date, author and
// the feed's title as its source. Item HTML (description, content:encoded) becomes text
// paragraphs. The XML parser expands only the standard entities (no DTD, no external entities).
import { XMLParser } from 'fast-xml-parser';
import { parseLooseDate } from '../dates.ts';
import { paragraphsOf, parseFragment } from './html-text.ts';
import { splitVersion } from './markers.ts';
import { ParseError, type ParsedArticle } from './types.ts';
import { parseDateline } from './wire.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
});

export function isFeed(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<rss\b|<feed\b[^>]*xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom|<rdf:RDF\b/i.test(head);
}

function str(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const node = value as Node;
    return str(node['#text'] ?? node.name ?? '');
  }
  return String(value).trim();
}

function htmlParagraphs(value: unknown): string[] {
  const html = str(value);
  if (!html) return [];
  if (!/[<&]/.test(html)) return html.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return paragraphsOf(parseFragment(html));
}

function linkOf(value: unknown): string | null {
  const links = Array.isArray(value) ? value : value ? [value] : [];
  for (const link of links) {
    if (typeof link === 'string' && /^https?:\/\//i.test(link.trim())) return link.trim();
    if (link && typeof link === 'object') {
      const node = link as Node;
      const rel = str(node['@rel']);
      const href = str(node['@href'] ?? node['#text']);
      if ((!rel || rel === 'alternate') && /^https?:\/\//i.test(href)) return href;
    }
  }
  return null;
}

function toArticle(item: Node, site: string | null, language: string | null): ParsedArticle | null {
  const title = str(item.title).replace(/\s+/g, ' ');
  const paragraphs = htmlParagraphs(item.encoded ?? item.content ?? item.description ?? item.summary);
  if (!title && paragraphs.length === 0) return null;
  const split = splitVersion(title || paragraphs[0]!.slice(0, 200));
  const source = str(item.source) || site;
  const author = str(item.creator ?? item.author);
  const dateline = paragraphs.length > 0 ? parseDateline(paragraphs[0]!) : null;
  return {
    headline: split.headline,
    body: paragraphs.join('\n\n'),
    published: parseLooseDate(str(item.pubDate ?? item.published ?? item.date ?? item.updated ?? item.issued)),
    place: dateline?.place ?? null,
    agency: dateline?.agency ?? source,
    site: source,
    byline: author || null,
    url: linkOf(item.link) ?? (/^https?:\/\//.test(str(item.guid)) ? str(item.guid) : null),
    versionNote: split.versionNote,
    language,
  };
}

export function parseFeed(text: string): ParsedArticle[] {
  let doc: Node;
  try {
    // Not validated: real feeds are sloppy (a stray & or HTML in a description), and the
    // parser recovers what a reader would.
    doc = parser.parse(text) as Node;
  } catch (error) {
    throw new ParseError(`malformed feed XML: ${String((error as Error).message ?? error).split('\n')[0]}`);
  }
  const articles: ParsedArticle[] = [];
  const rss = doc.rss as Node | undefined;
  const rdf = doc.RDF as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Node;
    const site = str(channel.title) || null;
    const lang = str(channel.language).slice(0, 2).toLowerCase() || null;
    const items = (channel.item ?? rdf?.item ?? []) as Node[];
    for (const item of items) {
      const a = toArticle(item, site, lang);
      if (a) articles.push(a);
    }
  } else if (atom) {
    const site = str(atom.title) || null;
    const lang = str(atom['@lang']).slice(0, 2).toLowerCase() || null;
    for (const entry of (atom.entry ?? []) as Node[]) {
      const a = toArticle(entry, site, lang);
      if (a) articles.push(a);
    }
  } else {
    throw new ParseError('not a feed (no <rss>, <rdf:RDF> or Atom <feed>)');
  }
  if (articles.length === 0) throw new ParseError('empty: the feed has no items');
  return articles;
}
