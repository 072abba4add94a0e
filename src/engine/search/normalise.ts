// The one normaliser behind the search index, the query compiler and the match marks: it turns
// a word as written into the key the index holds. The same function runs when an article is
// indexed and when a query or a snippet is computed, so whatever the index matched can be found
// again in the original text and marked there.
//
//   Latin words:    lower-cased, diacritics removed, Porter-stemmed ("negotiations" -> "negoti").
//   Cyrillic words: lower-cased, ё -> е, stemmed with the Russian or Ukrainian Snowball stemmer
//                   (twice, so "Песков" and "Пескова" both come to "песк"), then written in a
//                   Latin skeleton (й, и, і, ї -> i; є, е, э -> e; ...) with a leading "_", so
//                   Cyrillic and Latin keys never collide ("он" is not "on") while the query side
//                   can bridge them on purpose (see query-keys.ts): Песков <-> Peskov.
//   Other words:    lower-cased, as they are (digits, Greek, CJK ...).
//
// Keys contain only letters, digits and that leading "_" for Cyrillic; the index's metadata
// tokens (agency, place, language, dates) all contain "_" after a first letter or digit, so no
// word of a query can ever produce one of them.
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { stemmer as ukrainianStem } from '@orama/stemmers/ukrainian';

/** Bumped whenever a key could come out differently: the index is then rebuilt (DESIGN.md, 5). */
export const NORMALISER_VERSION = 1;

export type CyrillicStemmer = 'ru' | 'uk';

/** A word in a text: where it is (UTF-16 offsets) and its index key. */
export interface TextToken {
  start: number;
  end: number;
  key: string;
}

const CYRILLIC = /[\u0400-\u04FF]/;
// Anything outside ASCII and the Cyrillic block: Latin with diacritics, combining marks, other scripts.
const LATIN_DIACRITIC = /[^\p{ASCII}\u0400-\u04FF]/u;
const COMBINING = /\p{M}/gu;
const PURE_LATIN = /^[a-z]+$/;
/** Stems shorter than this are too ambiguous ("киев" -> "ки"); the folded word is kept instead. */
const MIN_CYRILLIC_STEM = 3;

const SKELETON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A Cyrillic stem in the Latin skeleton the index uses, with the leading "_". */
export function skeleton(cyrillic: string): string {
  let out = '_';
  for (const ch of cyrillic) out += SKELETON[ch] ?? ch;
  return out;
}

/** Lower case, Latin diacritics removed, ё -> е; Cyrillic letters otherwise kept as they are. */
export function fold(word: string): string {
  let w = word.toLowerCase();
  if (LATIN_DIACRITIC.test(w)) {
    // Decompose, drop the marks on Latin letters, and put Cyrillic letters back together (й, ї).
    w = w.normalize('NFD').replace(COMBINING, (mark, offset: number, whole: string) => {
      const base = whole[offset - 1] ?? '';
      return CYRILLIC.test(base) ? mark : '';
    });
    w = w.normalize('NFC');
  }
  return w.includes('ё') ? w.replaceAll('ё', 'е') : w;
}

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

function stemCyrillic(folded: string, stemmer: CyrillicStemmer): string {
  const stem = stemmer === 'uk' ? ukrainianStem : russianStem;
  const first = stem(folded);
  if (first.length < MIN_CYRILLIC_STEM) return folded;
  // Russian surnames and many nouns lose a different ending in each case (Песков -> песк,
  // Пескова -> песков); a second pass brings the forms together.
  if (first === folded || first.length < 4) return first;
  const second = stem(first);
  return second.length < MIN_CYRILLIC_STEM ? first : second;
}

/** A Cyrillic word's stem after one pass (Пескова -> песков), to write it in Latin letters. */
export function firstStem(folded: string, stemmer: CyrillicStemmer): string {
  const s = (stemmer === 'uk' ? ukrainianStem : russianStem)(folded);
  return s.length < MIN_CYRILLIC_STEM ? folded : s;
}

/** The key of an already folded word. */
export function keyOfFolded(folded: string, stemmer: CyrillicStemmer = 'ru'): string {
  if (isCyrillic(folded)) return skeleton(stemCyrillic(folded, stemmer));
  if (PURE_LATIN.test(folded) && folded.length > 2) return englishStem(folded);
  return folded;
}

// Keys are memoised: news vocabulary is Zipfian, so nearly every word is a hit. The caches are
// bounded and simply start over when full.
const MAX_CACHE = 200_000;
const caches: Record<CyrillicStemmer, Map<string, string>> = { ru: new Map(), uk: new Map() };

/**
 * The index key of a word as written. `onNew` hears of each word not met since the cache last
 * started over: the indexer's way to keep the prefix vocabulary complete without a lookup per word.
 */
export function keyOf(word: string, stemmer: CyrillicStemmer = 'ru', onNew?: (word: string, key: string) => void): string {
  const cache = caches[stemmer];
  let key = cache.get(word);
  if (key === undefined) {
    key = keyOfFolded(fold(word), stemmer);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, key);
    onNew?.(word, key);
  }
  return key;
}

/** Which Cyrillic stemmer an article's words get, from its language. */
export function stemmerFor(language: string | null | undefined): CyrillicStemmer {
  return language === 'uk' ? 'uk' : 'ru';
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** ASCII letters and digits by char code; everything else above ASCII through the regex. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return WORD_CHAR.test(text.slice(i - 1, i + 1));
  return WORD_CHAR.test(text[i]!);
}

/**
 * Calls `visit` for every word of a text (a run of letters, digits and combining marks), with
 * its offsets. A hand-written scanner: this runs over every article at import.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text, i)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordChar(text, i)) i++;
    visit(start, i);
  }
}

/** Every word of a text with its offsets and key. */
export function tokenize(text: string, stemmer: CyrillicStemmer = 'ru'): TextToken[] {
  const tokens: TextToken[] = [];
  forEachWord(text, (start, end) => tokens.push({ start, end, key: keyOf(text.slice(start, end), stemmer) }));
  return tokens;
}

/** The words of a text as written, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/** The key stream the index stores for a text: every word's key, space-separated. */
export function keyStream(text: string, stemmer: CyrillicStemmer = 'ru', onNew?: (word: string, key: string) => void): string {
  const keys: string[] = [];
  forEachWord(text, (start, end) => keys.push(keyOf(text.slice(start, end), stemmer, onNew)));
  return keys.join(' ');
}

/** A metadata value (agency, place) as one token: folded, letters and digits only. */
export function slug(value: string): string {
  return fold(value).replace(/[^\p{L}\p{N}]+/gu, '');
}
