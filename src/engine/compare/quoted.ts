// Quoted passages in a text (“…”, "…", «…», „…“), for telling which quotes two articles share.
// This finds the quoted words only; who said them is the quotes module's business.
import type { QuotedPassage, TextSpan } from '../../shared/api.ts';
import { words } from './text.ts';

const PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['"', '"'],
];
const MIN_WORDS = 3;

export interface Quoted extends TextSpan {
  text: string;
  norm: string[];
}

export function quotedPassages(text: string): Quoted[] {
  const found: Quoted[] = [];
  for (const [open, close] of PAIRS) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + 1);
      if (end < 0) break;
      const inner = text.slice(start + 1, end);
      from = end + 1;
      // A quote does not run across a paragraph break without reopening; skip such spans.
      if (/\n\s*\n/.test(inner)) {
        from = start + 1;
        continue;
      }
      const ws = words(inner);
      if (ws.length >= MIN_WORDS) found.push({ start: start + 1, end, text: inner, norm: ws.map((w) => w.norm) });
    }
  }
  return found.sort((x, y) => x.start - y.start).filter((q, i, all) => i === 0 || q.start >= all[i - 1]!.end);
}

function dice(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w);
    if (n) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

const CHANGED_THRESHOLD = 0.5;

/**
 * Quotes in only one side, and quotes on both sides with different wording ("changed").
 * A quote counts as present on the other side when its words appear there as a quote or
 * inside a longer one (a partial quote), in the same order.
 */
export function compareQuotes(a: Quoted[], b: Quoted[]): { aOnly: QuotedPassage[]; bOnly: QuotedPassage[]; changed: QuotedPassage[] } {
  const joined = new Map<Quoted, string>();
  for (const q of [...a, ...b]) joined.set(q, ` ${q.norm.join(' ')} `);
  const contains = (outer: Quoted, inner: Quoted): boolean => joined.get(outer)!.includes(joined.get(inner)!);
  const matchedB = new Set<number>();
  const aOnly: QuotedPassage[] = [];
  const changed: QuotedPassage[] = [];
  for (const qa of a) {
    const same = b.findIndex((qb) => contains(qb, qa) || contains(qa, qb));
    if (same >= 0) {
      matchedB.add(same);
      continue;
    }
    let best = -1;
    let bestScore = 0;
    b.forEach((qb, j) => {
      const s = dice(qa.norm, qb.norm);
      if (s > bestScore && !matchedB.has(j)) {
        best = j;
        bestScore = s;
      }
    });
    if (best >= 0 && bestScore >= CHANGED_THRESHOLD) {
      matchedB.add(best);
      changed.push({ start: qa.start, end: qa.end, text: qa.text, counterpart: b[best]!.text });
    } else aOnly.push({ start: qa.start, end: qa.end, text: qa.text, counterpart: null });
  }
  const bOnly = b
    .filter((qb, j) => !matchedB.has(j) && !a.some((qa) => contains(qa, qb) || contains(qb, qa)))
    .map((q) => ({ start: q.start, end: q.end, text: q.text, counterpart: null }));
  return { aOnly, bOnly, changed };
}
