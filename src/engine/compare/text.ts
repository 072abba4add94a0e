// Words and paragraphs of an article body with their offsets, the units comparison works on.

export interface Word {
  /** Lower-cased, for matching. */
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ norm: m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

export interface Paragraph {
  start: number;
  end: number;
  text: string;
  words: Word[];
}

/** Paragraphs are separated by blank lines, as the importer stores bodies. */
export function paragraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const separator = /\n[ \t]*\n+/g;
  let start = 0;
  const push = (end: number): void => {
    const raw = body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ start: start + lead, end: start + lead + text.length, text, words: words(text, start + lead) });
  };
  for (const m of body.matchAll(separator)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(body.length);
  return out;
}
