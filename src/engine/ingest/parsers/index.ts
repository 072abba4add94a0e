// Which parser reads which file, by extension. Files with other extensions are skipped as
// "not an article format" rather than read as text.
import { parseMarkdown, parsePlainText } from './plain.ts';
import type { Parser } from './types.ts';

const PARSERS: Record<string, Parser> = {
  '.txt': parsePlainText,
  '.text': parsePlainText,
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
};

export function parserFor(fileName: string): Parser | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return PARSERS[fileName.slice(dot).toLowerCase()] ?? null;
}

export const SUPPORTED_EXTENSIONS = Object.keys(PARSERS);
