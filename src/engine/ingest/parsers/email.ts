// E-mail (.eml, one message) and mailboxes (.mbox, many): wire alerts and newsletters arrive
// this way. postal-mime decodes MIME, transfer encodings and encoded-word headers
// (=?koi8-r?Q?...?=). Subject is the headline, the date header the publication time, the
// sender the source; an HTML-only message is read as text paragraphs.
import PostalMime from 'postal-mime';
import { parseLooseDate } from '../dates.ts';
import { paragraphsOf, parseFragment } from './html-text.ts';
import { splitVersion } from './markers.ts';
import { splitBlocks } from './text-blocks.ts';
import { ParseError, type ParsedArticle, type ParseInput } from './types.ts';
import { parseDateline } from './wire.ts';

async function messageToArticle(raw: Uint8Array): Promise<ParsedArticle | null> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  let paragraphs: string[] = [];
  if (email.text?.trim()) paragraphs = splitBlocks(email.text);
  else if (email.html) paragraphs = paragraphsOf(parseFragment(email.html));
  const subject = (email.subject ?? '').replace(/^(?:(?:re|fw|fwd|aw|wg)\s*:\s*)+/i, '').trim();
  if (!subject && paragraphs.length === 0) return null;
  const split = splitVersion(subject || paragraphs[0]!.slice(0, 200));
  const from = email.from?.name?.trim() || email.from?.address || null;
  const dateline = paragraphs.length > 0 ? parseDateline(paragraphs[0]!) : null;
  return {
    headline: split.headline,
    body: paragraphs.join('\n\n'),
    // The Date header as written keeps the sender's offset; postal-mime's value is UTC.
    published: parseLooseDate(email.headers.find((h) => h.key === 'date')?.value ?? null) ?? isoFromDate(email.date),
    place: dateline?.place ?? null,
    agency: dateline?.agency ?? from,
    site: from,
    versionNote: split.versionNote,
  };
}

function isoFromDate(value: string | undefined): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function parseEml(input: ParseInput): Promise<ParsedArticle[]> {
  const head = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, Math.min(input.bytes.byteLength, 8192)).toString('latin1');
  if (!/^[\w-]+:/m.test(head)) throw new ParseError('not an e-mail message (no headers)');
  const article = await messageToArticle(input.bytes);
  if (!article) throw new ParseError('empty: the message has no subject and no text');
  return [article];
}

export async function parseMbox(input: ParseInput): Promise<ParsedArticle[]> {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  // Messages start at a line "From " at the very start of a line (mboxo/mboxrd).
  const starts: number[] = [];
  const text = bytes.toString('latin1');
  if (!text.startsWith('From ')) throw new ParseError('not an mbox mailbox (it does not start with a "From " line)');
  for (const m of text.matchAll(/^From .*$/gm)) starts.push(m.index!);
  const articles: ParsedArticle[] = [];
  for (let i = 0; i < starts.length; i++) {
    const lineEnd = text.indexOf('\n', starts[i]!);
    const end = i + 1 < starts.length ? starts[i + 1]! : bytes.length;
    if (lineEnd < 0 || lineEnd >= end) continue;
    const raw = Buffer.from(text.slice(lineEnd + 1, end).replace(/^>(>*From )/gm, '$1'), 'latin1');
    const article = await messageToArticle(raw);
    if (article) articles.push(article);
  }
  if (articles.length === 0) throw new ParseError('empty: the mailbox has no messages');
  return articles;
}
