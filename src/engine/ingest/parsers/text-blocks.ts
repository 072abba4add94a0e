// Splitting plain text into paragraphs: blocks separated by blank lines, with line endings
// normalised and the lines inside a block kept as the author wrote them.
//
// Every plain-text file goes through splitBlocks, so it scans by hand where the regexes it was
// written with (kept in the comments) would each take a pass, and gives exactly what they gave.

export function normaliseNewlines(text: string): string {
  // A replace scans the whole text even when there is nothing to replace; includes() is a memchr.
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (out.includes('\u2028') || out.includes('\u2029')) out = out.replace(/\u2028|\u2029/g, '\n');
  return out;
}

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const NBSP = 0xa0;

/**
 * The text's paragraphs, trimmed, empty ones left out: what
 *   normaliseNewlines(text).split(/\n[ \t\u00a0]*\n/).map((b) => b.replace(/^\s+|\s+$/g, '')).filter((b) => b.length > 0)
 * gives. A separator is a line break, spaces, tabs or no-break spaces, and a line break; the spaces
 * cannot be a line break, so the first line break after them ends the separator, as in the regex.
 * trim() removes what /^\s+|\s+$/ did: both are the spec's WhiteSpace and LineTerminator.
 */
export function splitBlocks(text: string): string[] {
  const normalised = normaliseNewlines(text);
  const blocks: string[] = [];
  const n = normalised.length;
  let blockStart = 0;
  let newline = normalised.indexOf('\n');
  while (newline >= 0) {
    let j = newline + 1;
    for (let c = normalised.charCodeAt(j); c === SPACE || c === TAB || c === NBSP; c = normalised.charCodeAt(++j));
    if (j < n && normalised.charCodeAt(j) === NEWLINE) {
      pushTrimmed(blocks, normalised.slice(blockStart, newline));
      blockStart = j + 1;
      newline = normalised.indexOf('\n', blockStart);
    } else newline = normalised.indexOf('\n', newline + 1);
  }
  pushTrimmed(blocks, normalised.slice(blockStart));
  return blocks;
}

function pushTrimmed(blocks: string[], block: string): void {
  const trimmed = block.trim();
  if (trimmed.length > 0) blocks.push(trimmed);
}

/** A headline is one line: inner whitespace folded. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
