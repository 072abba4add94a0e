// Word files (.docx) with mammoth: the paragraphs as plain text. Nexis Uni exports (many
// documents to a file) are split into their documents; any other file is one article read
// like a text file (first paragraph the headline, wire layout recognised). The zip is
// checked before anything is inflated, so a zip bomb named .docx is refused, not unpacked.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseNexisUni, isNexisUni } from './nexis.ts';
import { parsePlainString } from './plain.ts';
import { ParseError, type ParsedArticle, type ParseInput } from './types.ts';

/** Bigger than this once unpacked, a Word file is not an article export but an attack or an accident. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const MAX_RATIO = 200;

export async function checkZip(bytes: Uint8Array, what: string): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new ParseError(`not a ${what} file (it is not a valid zip archive)`);
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    // JSZip reads the sizes from the central directory without inflating anything.
    const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += size;
    if (total > MAX_UNPACKED_BYTES) throw new ParseError(`refused: it would unpack to more than ${MAX_UNPACKED_BYTES / 1048576} MB (a zip bomb?)`);
  }
  if (bytes.length > 0 && total / bytes.length > MAX_RATIO && total > 16 * 1024 * 1024) {
    throw new ParseError(`refused: it would unpack to ${Math.round(total / bytes.length)} times its size (a zip bomb?)`);
  }
  if (!zip.file('word/document.xml') && what === 'Word') throw new ParseError('not a Word file (no word/document.xml inside)');
}

export async function parseDocx(input: ParseInput): Promise<ParsedArticle[]> {
  await checkZip(input.bytes, 'Word');
  let text: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) });
    text = result.value;
  } catch (error) {
    throw new ParseError(`cannot read the Word file: ${(error as Error).message}`);
  }
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  if (paragraphs.length === 0) throw new ParseError('empty: no text in the Word file');
  if (isNexisUni(paragraphs)) return parseNexisUni(paragraphs);
  return parsePlainString(paragraphs.join('\n\n'));
}
