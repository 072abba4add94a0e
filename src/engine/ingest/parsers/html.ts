// Web pages (.html/.htm): the main article text and its metadata (title, byline, published
// time, site) with Mozilla's Readability on a linkedom DOM. News-database exports saved as
// HTML (Factiva, Nexis, Integrum) are recognised first and split into their articles.
import { Readability } from '@mozilla/readability';
import { parseLooseDate } from '../dates.ts';
import { parseFactivaHtml } from './factiva.ts';
import { type DomDocument, nestingDepth, paragraphsOf, parseDocument, parseFragment, textOf } from './html-text.ts';
import { parseIntegrumHtml } from './integrum.ts';
import { splitVersion } from './markers.ts';
import { parseNexisHtml } from './nexis.ts';
import { ParseError, type ParsedArticle, type ParseInput } from './types.ts';
import { parseDateline } from './wire.ts';

/** Deeper than this, a page is not an article a person wrote; its text is read flat. */
const MAX_DEPTH = 1500;

export function parseHtml(input: ParseInput): ParsedArticle[] {
  const html = input.text();
  if (/<div class="article \w\wArticle"/.test(html)) return parseFactivaHtml(html);
  if (/\d+ (?:of|OF) \d+ DOCUMENTS/.test(html) && /DOCFULL|LOAD-DATE|LENGTH:/i.test(html)) return parseNexisHtml(html);
  if (html.includes('^ИС:') || html.includes('^ЗГ:')) return parseIntegrumHtml(html);
  if (nestingDepth(html, MAX_DEPTH) >= MAX_DEPTH) return flatPage(html);
  return [readablePage(html)];
}

function meta(doc: DomDocument, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

function readablePage(source: string): ParsedArticle {
  // A fragment (no <html>/<body>) gets a document around it: Readability needs a body.
  const html = /<body[\s>]/i.test(source) ? source : `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  const doc = parseDocument(html);
  const published = parseLooseDate(
    meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'date', 'DC.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null,
  );
  const url = meta(doc, 'og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const lang = doc.documentElement.getAttribute('lang');
  // Readability changes the DOM it reads; metadata was read first.
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(doc as never, { charThreshold: 200 }).parse();
  } catch {
    // Readability gives up on some odd pages; the page's own text paragraphs are used below.
  }
  let headline = (article?.title ?? '').trim() || textOf(doc.querySelector('h1')) || doc.title.trim();
  let body: string[] = [];
  if (article?.content) body = paragraphsOf(parseFragment(article.content));
  if (body.join('').length < 40) body = paragraphsOf(parseDocument(html).body ?? parseDocument(html).documentElement);
  if (!headline && body.length > 0) headline = body.shift()!.slice(0, 300);
  if (!headline && body.length === 0) throw new ParseError('no article text in the page');
  const split = splitVersion(headline);
  const dateline = body.length > 0 ? parseDateline(body[0]!) : null;
  const site = article?.siteName?.trim() || meta(doc, 'og:site_name', 'application-name') || null;
  return {
    headline: split.headline,
    body: body.join('\n\n'),
    published,
    place: dateline?.place ?? null,
    agency: dateline?.agency ?? site,
    byline: cleanByline(article?.byline ?? meta(doc, 'author', 'article:author', 'byl') ?? null),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    site,
    versionNote: split.versionNote,
    language: lang && /^[a-z]{2}\b/i.test(lang) ? lang.slice(0, 2).toLowerCase() : null,
  };
}

function cleanByline(text: string | null): string | null {
  if (!text) return null;
  const s = text.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  return s && s.length <= 200 ? s : null;
}

/** A pathological page (absurdly deep nesting): its text without structure. */
function flatPage(html: string): ParsedArticle[] {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(?:p|div|br|h\d|li|tr)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const headline = title || paragraphs.shift()?.slice(0, 300) || '';
  if (!headline) throw new ParseError('no article text in the page');
  return [{ headline, body: paragraphs.join('\n\n'), published: null, place: null, agency: null }];
}
