import type { ColumnMapping } from '../../../shared/api.ts';

// What every parser produces: articles with the metadata the file carried. Parsers are pure
// functions of (bytes, file name), so they can run in a worker thread (see parser-pool.ts).
// A parser throws ParseError with a reason a user can act on when the file is not what it
// claims to be.

export interface ParsedArticle {
  headline: string;
  /** Plain text; paragraphs separated by a blank line. */
  body: string;
  /** ISO 8601 at the precision the source gave, or null. */
  published: string | null;
  place: string | null;
  /** The agency or source (newspaper, site) the article is from. */
  agency: string | null;
  /** ISO 639-1, when the source declares it; otherwise the importer detects it. */
  language?: string | null;
  byline?: string | null;
  /** The article's address on the web, when the file gives it. */
  url?: string | null;
  /** A version marker the source printed: "UPDATE 2", "CORRECTED", "REFILE". */
  versionNote?: string | null;
  /** Where the file says the article was published (site name, publication, database). */
  site?: string | null;
}

export class ParseError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ParseError';
  }
}

export interface ParseInput {
  /** The file as read. */
  bytes: Uint8Array;
  /** The file name, for parsers that take a hint from it. */
  fileName: string;
  /**
   * The bytes as text, decoded on first use (BOM, declared charset checked against the bytes,
   * legacy Cyrillic and Western encodings detected). Throws ParseError for binary data.
   */
  text(): string;
  /** For tables (.csv, .jsonl): which column holds which field, when the user said so. */
  columns?: ColumnMapping;
}

export type ParseResult = ParsedArticle[] | Promise<ParsedArticle[]>;

export type Parser = (input: ParseInput) => ParseResult;
