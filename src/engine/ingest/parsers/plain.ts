// Any other text file: the first line is the headline, the rest is the body. Markdown gets
// its heading marks taken off the headline. Wire-layout files are recognised first.
import { oneLine, splitBlocks } from './text-blocks.ts';
import { ParseError, type ParsedArticle, type ParseInput } from './types.ts';
import { bylineOf, splitVersion } from './markers.ts';
import { parseDateline, parseWire } from './wire.ts';

const MAX_HEADLINE = 300;

export function parsePlainText(input: ParseInput): ParsedArticle[] {
  return parsePlainString(input.text());
}

export function parsePlainString(text: string): ParsedArticle[] {
  const wire = parseWire(text);
  if (wire) return [wire];
  const blocks = splitBlocks(text);
  if (blocks.length === 0) throw new ParseError('empty: no text in the file');
  const lines = blocks[0]!.split('\n');
  let headline = oneLine(lines[0]!);
  const restOfFirst = lines.slice(1).join('\n').trim();
  let bodyBlocks = [...(restOfFirst ? [restOfFirst] : []), ...blocks.slice(1)];
  if (headline.length > MAX_HEADLINE) {
    // One long paragraph with no title: use its first sentence, keep the paragraph whole.
    const sentence = /^(.{20,}?[.!?])\s/u.exec(headline)?.[1] ?? headline.slice(0, MAX_HEADLINE);
    headline = sentence.length > MAX_HEADLINE ? `${sentence.slice(0, MAX_HEADLINE - 1)}…` : sentence;
    bodyBlocks = blocks;
  }
  const split = splitVersion(headline);
  const byline = bodyBlocks.length > 0 ? bylineOf(bodyBlocks[0]!) : null;
  const datelineBlock = byline ? bodyBlocks[1] : bodyBlocks[0];
  const dateline = datelineBlock ? parseDateline(datelineBlock) : null;
  return [
    {
      headline: split.headline,
      body: bodyBlocks.join('\n\n'),
      published: null,
      place: dateline?.place ?? null,
      agency: dateline?.agency ?? null,
      byline,
      versionNote: split.versionNote,
    },
  ];
}

export function parseMarkdown(input: ParseInput): ParsedArticle[] {
  const text = input.text().replace(/^\uFEFF?---\n[\s\S]*?\n---\n/, '');
  const articles = parsePlainString(text);
  return articles.map((a) => ({ ...a, headline: a.headline.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '') }));
}
