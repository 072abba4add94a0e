// Aligning the paragraphs of two articles: pair each paragraph with its most similar
// counterpart (greedy on word-overlap similarity), keep the pairs that are in the same order
// on both sides as anchors (longest increasing subsequence), and mark the others as moved.
// Word-level differences inside a pair come from jsdiff.
import { diffWordsWithSpace } from 'diff';
import type { AlignedRow, DiffPart } from '../../shared/api.ts';
import type { Paragraph } from './text.ts';

/** Paragraphs at least this similar (0..1) are taken for versions of each other. */
export const PAIR_THRESHOLD = 0.5;

type Bag = Map<string, number>;

function bagOf(p: Paragraph): Bag {
  const bag: Bag = new Map();
  for (const w of p.words) bag.set(w.norm, (bag.get(w.norm) ?? 0) + 1);
  return bag;
}

function diceOfBags(a: Bag, sizeA: number, b: Bag, sizeB: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, n] of small) {
    const m = large.get(word);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (sizeA + sizeB);
}

/** Dice coefficient of the two paragraphs' word bags. */
export function similarity(a: Paragraph, b: Paragraph): number {
  const total = a.words.length + b.words.length;
  if (total === 0) return a.text === b.text ? 1 : 0;
  return diceOfBags(bagOf(a), a.words.length, bagOf(b), b.words.length);
}

export function pairParagraphs(a: Paragraph[], b: Paragraph[]): Array<{ a: number; b: number; similarity: number }> {
  const bagsA = a.map(bagOf);
  const bagsB = b.map(bagOf);
  // Candidates come through an index of B's words, leaving out the words in many paragraphs
  // ("the", "said"): two versions of a paragraph share their rarer words too.
  const byWord = new Map<string, number[]>();
  bagsB.forEach((bag, j) => {
    for (const word of bag.keys()) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = []));
      list.push(j);
    }
  });
  const common = Math.max(3, Math.ceil(b.length * 0.2));
  const candidates: Array<{ a: number; b: number; similarity: number }> = [];
  a.forEach((p, i) => {
    const seen = new Set<number>();
    let rare = false;
    for (const word of bagsA[i]!.keys()) {
      const list = byWord.get(word);
      if (!list || list.length > common) continue;
      rare = true;
      for (const j of list) seen.add(j);
    }
    if (!rare) for (const word of bagsA[i]!.keys()) for (const j of byWord.get(word) ?? []) seen.add(j);
    const n = p.words.length;
    for (const j of seen) {
      const m = b[j]!.words.length;
      // Dice can be at most 2·min/(n+m): skip pairs too different in length to reach the threshold.
      if ((2 * Math.min(n, m)) / (n + m) < PAIR_THRESHOLD) continue;
      const s = diceOfBags(bagsA[i]!, n, bagsB[j]!, m);
      if (s >= PAIR_THRESHOLD) candidates.push({ a: i, b: j, similarity: s });
    }
    // Paragraphs without words (a lone dash, say) pair only with an identical one.
    if (n === 0) b.forEach((q, j) => q.words.length === 0 && q.text === p.text && candidates.push({ a: i, b: j, similarity: 1 }));
  });
  // Best pairs first; ties prefer paragraphs at similar positions.
  candidates.sort((x, y) => y.similarity - x.similarity || Math.abs(x.a - x.b) - Math.abs(y.a - y.b));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Array<{ a: number; b: number; similarity: number }> = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
  return pairs.sort((x, y) => x.a - y.a);
}

/** Indexes (into `values`) of a longest strictly increasing subsequence. */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

export function wordDiff(a: string, b: string): DiffPart[] {
  return diffWordsWithSpace(a, b).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

export function alignParagraphs(a: Paragraph[], b: Paragraph[]): AlignedRow[] {
  const pairs = pairParagraphs(a, b);
  const inOrder = longestIncreasing(pairs.map((p) => p.b));
  const pairOfA = new Map<number, { b: number; similarity: number; moved: boolean }>();
  pairs.forEach((p, i) => pairOfA.set(p.a, { b: p.b, similarity: p.similarity, moved: !inOrder.has(i) }));
  const pairedB = new Set(pairs.map((p) => p.b));

  // B-only paragraphs go right after the row holding the B paragraph before them.
  const rows: AlignedRow[] = [];
  const rowOfB = new Map<number, number>();
  const pendingB = (upTo: number, emitted: Set<number>): void => {
    for (let j = 0; j < upTo; j++) {
      if (pairedB.has(j) || emitted.has(j)) continue;
      emitted.add(j);
      rows.push({ kind: 'b-only', b: j });
      rowOfB.set(j, rows.length - 1);
    }
  };
  const emittedB = new Set<number>();
  for (let i = 0; i < a.length; i++) {
    const pair = pairOfA.get(i);
    if (!pair) {
      rows.push({ kind: 'a-only', a: i });
      continue;
    }
    if (!pair.moved) pendingB(pair.b, emittedB);
    const same = a[i]!.text === b[pair.b]!.text;
    rows.push(
      same
        ? { kind: 'same', a: i, b: pair.b, moved: pair.moved }
        : { kind: 'changed', a: i, b: pair.b, moved: pair.moved, similarity: Math.round(pair.similarity * 1000) / 1000, diff: wordDiff(a[i]!.text, b[pair.b]!.text) },
    );
    rowOfB.set(pair.b, rows.length - 1);
  }
  pendingB(b.length, emittedB);
  return rows;
}
