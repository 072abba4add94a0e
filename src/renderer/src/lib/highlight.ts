// Splitting article text into plain and highlighted segments from the engine's match offsets
// (UTF-16 code units, which is what JavaScript string indices are).

export interface Range {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** Index of the match (in reading order) this segment belongs to, or null for plain text. */
  match: number | null;
}

export interface MatchLike extends Range {
  field: 'headline' | 'body';
}

export interface OrderedMatch extends MatchLike {
  /** Position in reading order: headline matches first, then body, each by offset. */
  index: number;
}

/**
 * Puts matches in reading order, clamps them to the text they belong to, and drops empty or
 * overlapping ones (the later of two overlapping spans is merged into the earlier), so every
 * index can be shown and navigated.
 */
export function orderMatches(matches: readonly MatchLike[], lengths: { headline: number; body: number }): OrderedMatch[] {
  const fieldRank = (f: MatchLike['field']): number => (f === 'headline' ? 0 : 1);
  const sorted = matches
    .map((m) => ({ field: m.field, start: Math.max(0, m.start), end: Math.min(m.end, lengths[m.field]) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => fieldRank(a.field) - fieldRank(b.field) || a.start - b.start || a.end - b.end);
  const out: OrderedMatch[] = [];
  for (const m of sorted) {
    const last = out.at(-1);
    if (last && last.field === m.field && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      continue;
    }
    out.push({ ...m, index: out.length });
  }
  return out;
}

/**
 * Cuts `text` (which starts at `offset` within its field) into segments. `ranges` may extend
 * past the text on either side; they are clipped, so a match spanning two paragraphs is
 * highlighted in both with the same index.
 */
export function splitByRanges(text: string, ranges: readonly (Range & { index: number })[], offset = 0): Segment[] {
  const segments: Segment[] = [];
  const end = offset + text.length;
  let cursor = offset;
  for (const r of ranges) {
    const s = Math.max(r.start, cursor);
    const e = Math.min(r.end, end);
    if (e <= s) continue;
    if (s > cursor) segments.push({ text: text.slice(cursor - offset, s - offset), match: null });
    segments.push({ text: text.slice(s - offset, e - offset), match: r.index });
    cursor = e;
  }
  if (cursor < end || segments.length === 0) segments.push({ text: text.slice(cursor - offset), match: null });
  return segments.filter((seg, i) => seg.text !== '' || i === 0);
}

export interface Paragraph {
  text: string;
  /** Offset of the paragraph's first character in the body. */
  start: number;
}

/** Body paragraphs are separated by blank lines; offsets are kept so matches can be placed. */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const separator = /\n[ \t\r\f\v]*\n\s*/g;
  let cursor = 0;
  const push = (from: number, to: number): void => {
    const raw = body.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: from + lead });
  };
  for (let m = separator.exec(body); m; m = separator.exec(body)) {
    push(cursor, m.index);
    cursor = m.index + m[0].length;
  }
  push(cursor, body.length);
  return out;
}

/** Wraps a match index around: next from the last goes to the first, and back. */
export function stepMatch(current: number, count: number, delta: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0) return delta === 1 ? 0 : count - 1;
  return (current + delta + count) % count;
}
