// Which files an import reads, decided from the name and size alone. Kept apart from the parsers
// (parsers/index.ts maps each of these extensions to its parser) so that the engine thread,
// which only walks and writes, does not load the parser libraries (Readability, PDF.js, mammoth,
// ...) that only the parser workers run: ~10 MB of heap it held through every import.

/** Every extension a parser reads (parsers/index.ts has a parser for each, and a test checks). */
export const ARTICLE_EXTENSIONS: readonly string[] = [
  '.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.pdf', '.eml', '.mbox',
  '.xml', '.rss', '.atom', '.sgm', '.sgml', '.jsonl', '.ndjson', '.csv', '.tsv',
];
const ARTICLE = new Set(ARTICLE_EXTENSIONS);

/** Formats whose bytes are not text: the parser reads the bytes, never input.text(). */
export const BINARY_EXTENSIONS = new Set(['.docx', '.pdf', '.eml', '.mbox']);

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The extension a file is read by (lower case, with the dot), or null when none is. */
export function articleExtension(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot).toLowerCase();
  return ARTICLE.has(ext) ? ext : null;
}

export function isHidden(fileName: string): boolean {
  return fileName.startsWith('.');
}

/**
 * Why a file is not read at all, from its name and size alone; null when it should be read.
 * A size below 0 is not known yet: the parser worker checks it when it reads the file.
 */
export function precheck(fileName: string, size: number): string | null {
  if (isHidden(fileName)) return 'hidden file';
  if (!articleExtension(fileName)) return 'not an article format';
  if (size === 0) return 'empty file';
  if (size > MAX_FILE_BYTES) return `too large (${Math.round(size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`;
  return null;
}
