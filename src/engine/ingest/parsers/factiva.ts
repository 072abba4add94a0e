// Factiva exports: "Article Format" HTML pages (many <div class="article xxArticle"> in one
// page, in any interface language), the older coded-field HTML (HD, PD, SN, LP, TD, AN), and
// the XML of Factiva's API (<ppsarticle>). Each article keeps headline, date, source, byline.
import { XMLParser } from 'fast-xml-parser';
import { parseLooseDate } from '../dates.ts';
import { type DomElement, paragraphsOf, parseFragment, textOf } from './html-text.ts';
import { splitVersion } from './markers.ts';
import { ParseError, type ParsedArticle } from './types.ts';
import { parseDateline } from './wire.ts';

const WORD_COUNT = /^\d[\d,.\s]*\s*(?:words?|wörter|mots|palabras|parole|palavras|слов\p{L}*|字|語|단어)$/iu;

/**
 * Each article is parsed on its own: the pages are browser saves with unbalanced markup,
 * where a forgiving parser would nest one article inside the one before.
 */
export function splitAt(html: string, marker: RegExp): string[] {
  const starts = [...html.matchAll(marker)].map((m) => m.index!);
  return starts.map((start, i) => html.slice(start, starts[i + 1] ?? html.length));
}

export function parseFactivaHtml(html: string): ParsedArticle[] {
  const articles: ParsedArticle[] = [];
  for (const chunk of splitAt(html, /<div class="article \w\wArticle"/g)) {
    const el = parseFragment(chunk.replace(/<\/body>[\s\S]*$/i, '')).querySelector('div.article');
    if (!el) continue;
    const article = el.querySelector('td.index') ? codedArticle(el) : formattedArticle(el);
    if (article) articles.push(article);
  }
  if (articles.length === 0) throw new ParseError('a Factiva page with no articles in it');
  return articles;
}

function finish(fields: { headline: string; paragraphs: string[]; date: string | null; source: string | null; byline: string | null }): ParsedArticle | null {
  const split = splitVersion(fields.headline.replace(/\s+/g, ' ').trim());
  if (!split.headline && fields.paragraphs.length === 0) return null;
  const dateline = fields.paragraphs.length > 0 ? parseDateline(fields.paragraphs[0]!) : null;
  return {
    headline: split.headline || fields.paragraphs[0]!.slice(0, 200),
    body: fields.paragraphs.join('\n\n'),
    published: parseLooseDate(fields.date),
    place: dateline?.place ?? null,
    agency: fields.source,
    site: fields.source,
    byline: fields.byline ? fields.byline.replace(/^by\s+/i, '').trim() || null : null,
    versionNote: split.versionNote,
  };
}

/** The current layout: unlabelled divs in a fixed order around the word count. */
function formattedArticle(el: DomElement): ParsedArticle | null {
  const headline = textOf(el.querySelector('#hd'));
  const divs = Array.from(el.children).filter((c) => c.nodeName === 'DIV' && c.getAttribute('id') !== 'hd');
  const texts = divs.map((d) => textOf(d));
  const wc = texts.findIndex((t) => WORD_COUNT.test(t));
  let date: string | null = null;
  let source: string | null = null;
  if (wc >= 0) {
    date = texts[wc + 1] ?? null;
    source = texts[wc + 2] ?? null;
  } else {
    const at = texts.findIndex((t) => parseLooseDate(t) !== null);
    if (at >= 0) {
      date = texts[at]!;
      source = texts[at + 1] ?? null;
    }
  }
  const paragraphs = Array.from(el.querySelectorAll('p.articleParagraph')).map((p) => textOf(p)).filter(Boolean);
  return finish({ headline, paragraphs, date, source, byline: textOf(el.querySelector('div.author')) || null });
}

/** The older layout: a table of two-letter field codes. */
function codedArticle(el: DomElement): ParsedArticle | null {
  const fields = new Map<string, DomElement>();
  for (const row of Array.from(el.querySelectorAll('tr'))) {
    const code = textOf(row.querySelector('td.index'));
    const cells = Array.from(row.querySelectorAll('td'));
    if (code && cells.length >= 2) fields.set(code, cells[1]!);
  }
  const text = (code: string): string | null => textOf(fields.get(code)) || null;
  const paragraphs = ['LP', 'TD'].flatMap((code) => (fields.has(code) ? paragraphsOf(fields.get(code)!) : []));
  const time = text('ET');
  const date = text('PD');
  return finish({
    headline: text('HD') ?? '',
    paragraphs,
    date: date && time ? `${date} ${time}` : date,
    source: text('SN'),
    byline: text('BY'),
  });
}

// ---- XML ----

type XmlNode = Record<string, unknown>;

const xml = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: (name) => ['ppsarticle', 'paragraph'].includes(name), processEntities: true, htmlEntities: true });

/** Joins the text of an XML node and its children in document order (hlt highlights included). */
function xmlText(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node !== 'object') return String(node);
  if (Array.isArray(node)) return node.map(xmlText).join(' ');
  return Object.entries(node as XmlNode)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, v]) => xmlText(v))
    .join(' ');
}

function paragraphs(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const list = (node as XmlNode).paragraph;
  return (Array.isArray(list) ? list : list ? [list] : []).map((p) => xmlText(p).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function isFactivaXml(text: string): boolean {
  return /<ppsarticle\b/i.test(text.slice(0, 100_000));
}

export function parseFactivaXml(text: string): ParsedArticle[] {
  // The XML parser must not see the Factiva highlight tags as structure between words.
  let doc: XmlNode;
  try {
    doc = xml.parse(text.replace(/<\/?hlt>/g, '')) as XmlNode;
  } catch (error) {
    throw new ParseError(`malformed Factiva XML: ${String((error as Error).message ?? error).split('\n')[0]}`);
  }
  const found: XmlNode[] = [];
  const stack: unknown[] = [doc];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node as XmlNode)) {
      if (key === 'ppsarticle') for (const item of value as XmlNode[]) found.push(((item.article as XmlNode) ?? item) as XmlNode);
      else stack.push(value);
    }
  }
  const articles: ParsedArticle[] = [];
  for (const a of found) {
    const headline = paragraphs(a.headline).join(' ');
    const body = [...paragraphs(a.leadParagraph), ...paragraphs(a.tailParagraphs)];
    const pub = a.publicationDate as XmlNode | undefined;
    const date = pub ? xmlText(pub.dateTime ?? pub.date ?? pub).trim() : null;
    const byline = a.byline ? xmlText(a.byline).replace(/\s+/g, ' ').trim() : null;
    const result = finish({ headline, paragraphs: body, date, source: a.sourceName ? xmlText(a.sourceName).trim() : null, byline });
    if (result) {
      const lang = typeof a.baseLanguage === 'string' ? a.baseLanguage.toLowerCase() : null;
      if (lang && /^[a-z]{2}$/.test(lang)) result.language = lang;
      articles.push(result);
    }
  }
  if (articles.length === 0) throw new ParseError('a Factiva XML file with no articles in it');
  return articles;
}
