// Showing where a malformed query went wrong: the query cut around `position`, so the message
// can point at the character with a caret.

export interface QueryPointer {
  before: string;
  /** The character at `position` (a space when the problem is at the very end). */
  at: string;
  after: string;
  /** True when the problem is past the last character ("the query ends too early"). */
  atEnd: boolean;
}

export function pointAt(query: string, position: number | undefined): QueryPointer | null {
  if (position === undefined || !Number.isFinite(position) || position < 0) return null;
  const pos = Math.min(Math.floor(position), query.length);
  const atEnd = pos >= query.length;
  return {
    before: query.slice(0, pos),
    at: atEnd ? ' ' : query.slice(pos, pos + 1),
    after: atEnd ? '' : query.slice(pos + 1),
    atEnd,
  };
}
