// PDF text with unpdf (PDF.js built for servers, with no eval or Function in it; no fonts
// or network fetched). Each page's text is read as a text file: first line the headline, wire layout
// recognised. Scanned PDFs without a text layer are reported as such.
import { extractText, getDocumentProxy } from 'unpdf';
import { parsePlainString } from './plain.ts';
import { ParseError, type ParsedArticle, type ParseInput } from './types.ts';

export async function parsePdf(input: ParseInput): Promise<ParsedArticle[]> {
  const head = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, Math.min(1024, input.bytes.byteLength)).toString('latin1');
  if (!head.includes('%PDF-')) throw new ParseError('not a PDF file');
  let pages: string[];
  try {
    // PDF.js may detach the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(input.bytes), { useSystemFonts: false, disableFontFace: true, stopAtErrors: false, useWorkerFetch: false });
    pages = (await extractText(pdf, { mergePages: false })).text;
    await pdf.cleanup();
  } catch (error) {
    throw new ParseError(`cannot read the PDF: ${(error as Error).message ?? String(error)}`);
  }
  const text = pages
    .map((p) => p.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n'))
    .join('\n\n')
    .trim();
  if (!text) throw new ParseError('the PDF has no text layer (a scan?)');
  return parsePlainString(text);
}
