// FTS5 marks matches with two control characters we choose; these helpers turn that into the
// contract's forms: an HTML-escaped snippet with <mark> tags, or offsets into the plain text.
import type { TextMatch } from '../../shared/api.ts';

export const OPEN = '\u0001';
export const CLOSE = '\u0002';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function markedToSnippet(marked: string): string {
  return escapeHtml(marked.replace(/\s+/g, ' ').trim()).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>');
}

/** Offsets of the marked spans in the text with the marks removed. */
export function markedToMatches(marked: string, field: TextMatch['field']): TextMatch[] {
  const matches: TextMatch[] = [];
  let plainIndex = 0;
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = plainIndex;
    else if (ch === CLOSE) {
      if (start >= 0 && plainIndex > start) matches.push({ field, start, end: plainIndex });
      start = -1;
    } else plainIndex += ch.length;
  }
  return matches;
}
