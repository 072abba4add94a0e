// A small script-and-stopword language guess for English, Russian and Ukrainian, the
// languages of the corpora Wirebench is built for. Returns null when unsure.
//
// It runs for every imported article, so it counts by char code instead of with regexes. What
// it counts is defined by the regexes it used to run, and must stay so (a different guess would
// change the stemmer an article's keys are made with):
//   Ukrainian letters  /[іїєґІЇЄҐ]/g      Russian letters  /[ыэъёЫЭЪЁ]/g
//   words              /\s+/g runs, plus one (as many as split(/\s+/) gives)
//   English words      /\b(?:the|and|of|to|in|is|that|for|was|said|with|on|it|as|by)\b/gi: without
//                      the u flag, \b is an ASCII word boundary ([A-Za-z0-9_]) and /i matches ASCII
//                      letters only, so a match is exactly a run of [A-Za-z0-9_] that is one of the words.

import { isWhiteSpace } from '../white-space.ts';

const SAMPLE = 20000;
const ENGLISH_WORDS = ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'said', 'with', 'on', 'it', 'as', 'by'];
const LONGEST_ENGLISH_WORD = 4;

/** An ASCII word of letters as a number, five bits a letter (either case: c & 31 is 1..26). */
function letterCode(word: string): number {
  let code = 0;
  for (let i = 0; i < word.length; i++) code = code * 32 + (word.charCodeAt(i) & 31);
  return code;
}
const ENGLISH_CODES = new Set(ENGLISH_WORDS.map(letterCode));

// Per char code from 0 to 127: bit 1 an ASCII letter, bit 2 a word character of \b ([A-Za-z0-9_]),
// bit 4 white space of \s.
const LETTER = 1;
const BOUNDARY_WORD = 2;
const SPACE = 4;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ASCII[c] = LETTER | BOUNDARY_WORD;
  else if ((c >= 48 && c <= 57) || c === 95) ASCII[c] = BOUNDARY_WORD;
  else if (c === 32 || (c >= 9 && c <= 13)) ASCII[c] = SPACE;
}

// In the Cyrillic block: 1 for a letter only Ukrainian has, 2 for one only Russian has.
const CYRILLIC_MARK = new Uint8Array(0x100);
for (const ch of 'іїєґІЇЄҐ') CYRILLIC_MARK[ch.charCodeAt(0) - 0x400] = 1;
for (const ch of 'ыэъёЫЭЪЁ') CYRILLIC_MARK[ch.charCodeAt(0) - 0x400] = 2;

export function detectLanguage(text: string): string | null {
  const n = Math.min(text.length, SAMPLE);
  // First the scripts and the words, a pass with no branch on letters or spaces (such branches
  // go wrong at every word, and were most of the cost).
  let cyr = 0;
  let lat = 0;
  let uk = 0;
  let ru = 0;
  let spaceRuns = 0;
  let inSpace = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let space: number;
    if (c < 128) {
      const kind = ASCII[c]!;
      lat += kind & LETTER;
      space = (kind & SPACE) >> 2;
    } else {
      space = isWhiteSpace(c) ? 1 : 0;
      if (c >= 0x400 && c <= 0x4ff) {
        cyr++;
        const mark = CYRILLIC_MARK[c - 0x400]!;
        uk += mark & 1;
        ru += mark >> 1;
      }
    }
    spaceRuns += space & (inSpace ^ 1);
    inSpace = space;
  }
  if (cyr + lat < 20) return null;
  if (cyr > lat) {
    if (uk > ru * 2 && uk >= 3) return 'uk';
    if (ru >= uk) return 'ru';
    return null;
  }
  // Then the English words, only as far as needed: the count only grows, so once it is over the
  // threshold the whole text's is too (for English text, about a third of the way in).
  const words = Math.max(spaceRuns + 1, 1);
  let english = 0;
  // The current run of \b word characters: its length, and its first letters as a letterCode
  // (-1 when it has a digit or an underscore, and so can be none of the words).
  let runLength = 0;
  let runCode = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? ASCII[c]! : 0;
    if (kind & BOUNDARY_WORD) {
      if (!(kind & LETTER)) runCode = -1;
      else if (runCode >= 0 && runLength < LONGEST_ENGLISH_WORD) runCode = runCode * 32 + (c & 31);
      runLength++;
    } else if (runLength > 0) {
      if (isEnglishRun(runLength, runCode) && ++english / words > 0.08) return 'en';
      runLength = 0;
      runCode = 0;
    }
  }
  if (isEnglishRun(runLength, runCode)) english++;
  return english / words > 0.08 ? 'en' : null;
}

function isEnglishRun(length: number, code: number): boolean {
  return length > 0 && length <= LONGEST_ENGLISH_WORD && code >= 0 && ENGLISH_CODES.has(code);
}
