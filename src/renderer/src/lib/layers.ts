// Painting text with several overlapping layers of marks (shared passages, word changes,
// quotes): the text is cut at every layer boundary and each piece carries the set of layer
// classes that cover it. Offsets are UTF-16 positions in the whole text; `offset` is where
// the painted piece starts within it.

export interface Layer {
  start: number;
  end: number;
  className: string;
  title?: string;
}

export interface Piece {
  text: string;
  classes: string[];
  title: string | undefined;
}

export function paint(text: string, offset: number, layers: readonly Layer[]): Piece[] {
  const end = offset + text.length;
  const cuts = new Set<number>([offset, end]);
  const relevant = layers.filter((l) => l.end > offset && l.start < end && l.end > l.start);
  for (const l of relevant) {
    cuts.add(Math.max(offset, l.start));
    cuts.add(Math.min(end, l.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const covering = relevant.filter((l) => l.start <= s && l.end >= e);
    const classes = [...new Set(covering.map((l) => l.className))];
    const title = covering.find((l) => l.title)?.title;
    const last = pieces.at(-1);
    if (last && last.classes.join(' ') === classes.join(' ') && last.title === title) last.text += text.slice(s - offset, e - offset);
    else pieces.push({ text: text.slice(s - offset, e - offset), classes, title });
  }
  return pieces;
}

/** Layers for one side of a word diff: the changed parts of that side, at their offsets. */
export function diffLayers(parts: readonly { op: 'equal' | 'delete' | 'insert'; text: string }[], side: 'a' | 'b', start: number): Layer[] {
  const mine = side === 'a' ? 'delete' : 'insert';
  const layers: Layer[] = [];
  let at = start;
  for (const part of parts) {
    if (part.op !== 'equal' && part.op !== mine) continue;
    if (part.op === mine && part.text.trim()) layers.push({ start: at, end: at + part.text.length, className: side === 'a' ? 'cmp-del' : 'cmp-ins' });
    at += part.text.length;
  }
  return layers;
}
