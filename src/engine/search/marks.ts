// Marks in the original text: the text is tokenised again with the index's normaliser and every
// word whose key the query matched is marked (every form: "negotiations" for negotiation,
// "Киев" for Kyiv), phrases as one span. From the marks come the contract's two forms: offsets
// for the reader, and an HTML-escaped snippet with <mark> tags for result lists.
import type { TextMatch } from '../../shared/api.ts';
import type { MarkSpec, TextField } from './fts-compile.ts';
import { tokenize, type CyrillicStemmer, type TextToken } from './normalise.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

interface Span {
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

function wordMatches(key: string, keys: Set<string>, prefixes: string[]): boolean {
  if (keys.has(key)) return true;
  for (const p of prefixes) if (key.startsWith(p)) return true;
  return false;
}

/** The spans of tokens the query matched in one field. */
function spansIn(tokens: TextToken[], marks: MarkSpec, field: TextField): Span[] {
  const covered = new Int8Array(tokens.length);
  const spans: Span[] = [];
  for (const seq of marks.sequences) {
    if (seq.field !== null && seq.field !== field) continue;
    const n = seq.steps.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = seq.steps[j]!.has(tokens[i + j]!.key);
      if (!ok) continue;
      let free = true;
      for (let j = 0; j < n; j++) if (covered[i + j]) free = false;
      if (free) {
        for (let j = 0; j < n; j++) covered[i + j] = 1;
        spans.push({ first: i, last: i + n - 1 });
      }
      i += n - 1;
    }
  }
  const words = marks.words.filter((w) => w.field === null || w.field === field);
  if (words.length) {
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i]) continue;
      const key = tokens[i]!.key;
      if (words.some((w) => wordMatches(key, w.keys, w.prefixes))) {
        covered[i] = 1;
        spans.push({ first: i, last: i });
      }
    }
  }
  return spans.sort((a, b) => a.first - b.first);
}

/** Offsets of every match in one field of an article. */
export function matchesIn(text: string, field: TextField, marks: MarkSpec, stemmer: CyrillicStemmer): TextMatch[] {
  const tokens = tokenize(text, stemmer);
  return spansIn(tokens, marks, field).map((s) => ({ field, start: tokens[s.first]!.start, end: tokens[s.last]!.end }));
}

export const SNIPPET_WORDS = 28;

/**
 * A passage of about `size` words around the densest cluster of matches (most distinct matched
 * words, then most matches), HTML-escaped, with the matches in <mark>. With no match in the text,
 * its opening words.
 */
export function snippetOf(text: string, marks: MarkSpec, stemmer: CyrillicStemmer, size = SNIPPET_WORDS): string {
  const tokens = tokenize(text, stemmer);
  if (tokens.length === 0) return '';
  const spans = spansIn(tokens, marks, 'body');
  let from = 0;
  if (spans.length) {
    let best = -1;
    let bestDistinct = -1;
    let bestCount = -1;
    // Windows start a few words before a match, so the match has some context on its left.
    for (let s = 0; s < spans.length; s++) {
      const start = Math.max(0, spans[s]!.first - 3);
      const end = start + size - 1;
      const keys = new Set<string>();
      let count = 0;
      for (let t = s; t < spans.length && spans[t]!.last <= end; t++) {
        count++;
        keys.add(tokens[spans[t]!.first]!.key);
      }
      if (keys.size > bestDistinct || (keys.size === bestDistinct && count > bestCount)) {
        best = start;
        bestDistinct = keys.size;
        bestCount = count;
      }
    }
    from = best;
  }
  const to = Math.min(tokens.length - 1, from + size - 1);
  // From just after the previous word, so an opening quote or bracket stays with its word.
  let startOffset = from === 0 ? 0 : tokens[from - 1]!.end;
  while (startOffset < tokens[from]!.start && /[\s,.;:!?)\]}…—–-]/u.test(text[startOffset]!)) startOffset++;
  const endOffset = to === tokens.length - 1 ? text.length : tokens[to]!.end;
  let out = '';
  let cursor = startOffset;
  for (const span of spans) {
    if (span.first < from || span.last > to) continue;
    const a = tokens[span.first]!.start;
    const b = tokens[span.last]!.end;
    out += escapeHtml(text.slice(cursor, a)) + '<mark>' + escapeHtml(text.slice(a, b)) + '</mark>';
    cursor = b;
  }
  out += escapeHtml(text.slice(cursor, endOffset));
  out = out.replace(/\s+/g, ' ').trim();
  if (from > 0) out = `…${out}`;
  if (to < tokens.length - 1) out = `${out}…`;
  return out;
}
