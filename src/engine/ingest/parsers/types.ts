// What every parser produces: articles with the metadata the file carried. A parser throws
// ParseError with a reason a user can act on when the file is not what it claims to be.

export interface ParsedArticle {
  headline: string;
  body: string;
  /** ISO 8601 at the precision the source gave, or null. */
  published: string | null;
  place: string | null;
  agency: string | null;
  /** ISO 639-1, when the source declares it; otherwise the importer detects it. */
  language?: string | null;
}

export class ParseError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ParseError';
  }
}

export interface ParseInput {
  text: string;
  /** The file name, for parsers that take a hint from it. */
  fileName: string;
}

export type Parser = (input: ParseInput) => ParsedArticle[];
