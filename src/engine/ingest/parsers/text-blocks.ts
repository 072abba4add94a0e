// Splitting plain text into paragraphs: blocks separated by blank lines, with line endings
// normalised and the lines inside a block kept as the author wrote them.

export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u2028|\u2029/g, '\n');
}

export function splitBlocks(text: string): string[] {
  return normaliseNewlines(text)
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) => block.replace(/^\s+|\s+$/g, ''))
    .filter((block) => block.length > 0);
}

/** A headline is one line: inner whitespace folded. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
