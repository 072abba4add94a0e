// Passages two texts share: every run of SHINGLE consecutive words that appears in both marks
// its words as shared, wherever it sits (so moved and split paragraphs still count).
import type { TextSpan } from '../../shared/api.ts';
import type { Word } from './text.ts';

export const SHINGLE = 5;

function shingles(ws: Word[], k: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + k <= ws.length; i++) {
    let s = ws[i]!.norm;
    for (let j = 1; j < k; j++) s += ` ${ws[i + j]!.norm}`;
    out.push(s);
  }
  return out;
}

/** Which words of each side are shared with the other side. */
export function sharedWords(a: Word[], b: Word[]): { a: boolean[]; b: boolean[] } {
  const k = Math.max(1, Math.min(SHINGLE, a.length, b.length));
  const sa = shingles(a, k);
  const sb = shingles(b, k);
  const inB = new Set(sb);
  const inA = new Set(sa);
  const mark = (list: string[], other: Set<string>, n: number): boolean[] => {
    const flags = new Array<boolean>(n).fill(false);
    list.forEach((s, i) => {
      if (other.has(s)) for (let j = i; j < i + k; j++) flags[j] = true;
    });
    return flags;
  };
  return { a: mark(sa, inB, a.length), b: mark(sb, inA, b.length) };
}

/** Runs of shared words as spans, merged across the spaces and punctuation between them. */
export function spansOf(ws: Word[], flags: boolean[], text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!flags[i]) continue;
    const last = spans.at(-1);
    const w = ws[i]!;
    // Join with the previous span when only spaces and punctuation lie between (not a paragraph break).
    if (last && flags[i - 1] && !/\n\s*\n/.test(text.slice(last.end, w.start))) last.end = w.end;
    else spans.push({ start: w.start, end: w.end });
  }
  // Take in the punctuation that closes a shared run ("lake." rather than "lake").
  for (const span of spans) {
    while (span.end < text.length && CLOSING.test(text[span.end]!)) span.end++;
  }
  return spans;
}

const CLOSING = /[.,;:!?'"”’»)\]…]/;
