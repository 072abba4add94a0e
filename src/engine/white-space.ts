// White space as JavaScript's regexes (\s) and String.prototype.trim know it: the spec's
// WhiteSpace and LineTerminator, by char code, for the hand-written scanners that replace a
// regex pass over every imported article (tests compare it with /\s/ for every code unit).

export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
