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

// FNV-1a over UTF-16 code units: the scanner below computes it as it reads a word's characters,
// so a word's cache slot is known the moment the word ends.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const FIRST_CAPACITY = 1 << 12;

/**
 * Words as written -> keys, an open-addressing table probed by the scanner's hash and verified
 * against the text in place. A Map keyed by strings would need the word cut out of the text
 * (a new string, then hashed again) for every word read, and that was most of the cost of
 * indexing an article: here only a word met for the first time is cut out. Behaves exactly as
 * that Map did: a word is a hit when it was stored since the cache last started over, and the
 * cache starts over when it holds MAX_CACHE words and another is to be added.
 *
 * A hit checks the word in typed arrays laid out to touch few cache lines: the slot (hash and
 * entry side by side), then the entry's characters; then it takes the key by entry number.
 * Entries are numbered in order of first sight, so the common words, met first, sit together.
 */
class KeyCache {
  /** Slot s: table[2s] is the hash, table[2s + 1] the entry + 1 (0: the slot is free). */
  private table = new Int32Array(FIRST_CAPACITY * 2);
  private mask = FIRST_CAPACITY - 1;
  /** Entry e's characters are chars[ends[e - 1] .. ends[e]) (from 0 for the first). */
  private chars = new Uint16Array(FIRST_CAPACITY * 8);
  private ends = new Int32Array(FIRST_CAPACITY);
  /** Entry e's key, and the same with a space in front: a key stream grows by one string per word. */
  keys: string[] = [];
  /** Entry e's key hashed (FNV-1a, mixed): near-duplicate signatures are taken over keys (wordKeyHashes). */
  keyHashes = new Int32Array(FIRST_CAPACITY);
  /**
   * 1 when entry e has been reported to an `onNew` listener (the indexer's prefix vocabulary):
   * a word first met by a snippet or a signature, which report nothing, is still reported the
   * first time an indexer meets it.
   */
  private reported = new Uint8Array(FIRST_CAPACITY);
  spacedKeys: string[] = [];
  /**
   * Entry e's key as UTF-8 with a space in front: keyBytes[keyEnds[e - 1] .. keyEnds[e]) (from 0
   * for the first). What keyStreamInto copies, a few bytes per word, where keyStream adds a string.
   */
  keyBytes = new Uint8Array(FIRST_CAPACITY * 8);
  keyEnds = new Int32Array(FIRST_CAPACITY);
  private readonly stemmer: CyrillicStemmer;

  constructor(stemmer: CyrillicStemmer) {
    this.stemmer = stemmer;
  }

  /** The entry of text[start, end), whose FNV-1a hash is `hash`; computes and stores its key on a miss. */
  entryAt(text: string, start: number, end: number, hash: number, onNew: ((word: string, key: string) => void) | undefined): number {
    const length = end - start;
    const table = this.table;
    let slot = mix(hash) & this.mask;
    for (;;) {
      const entry = table[2 * slot + 1]! - 1;
      if (entry < 0) break;
      if (table[2 * slot] === hash) {
        const from = entry === 0 ? 0 : this.ends[entry - 1]!;
        if (this.ends[entry]! - from === length && this.sameChars(from, text, start, length)) {
          if (onNew && this.reported[entry] === 0) {
            this.reported[entry] = 1;
            onNew(text.slice(start, end), this.keys[entry]!);
          }
          return entry;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const word = text.slice(start, end);
    const key = keyOfFolded(fold(word), this.stemmer);
    const entry = this.add(hash, text, start, length, key);
    if (onNew) {
      this.reported[entry] = 1;
      onNew(word, key);
    }
    return entry;
  }

  forgetReported(): void {
    this.reported.fill(0);
  }

  private sameChars(from: number, text: string, start: number, length: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (chars[from + k] !== text.charCodeAt(start + k)) return false;
    return true;
  }

  private add(hash: number, text: string, start: number, length: number, key: string): number {
    let entry = this.keys.length;
    if (entry >= MAX_CACHE) {
      this.clear();
      entry = 0;
    } else if ((entry + 1) * 2 > this.mask + 1) this.growTable();
    if (entry >= this.ends.length) {
      const ends = new Int32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
      const keyHashes = new Int32Array(this.ends.length);
      keyHashes.set(this.keyHashes);
      this.keyHashes = keyHashes;
      const reported = new Uint8Array(this.ends.length);
      reported.set(this.reported);
      this.reported = reported;
      const keyEnds = new Int32Array(this.ends.length);
      keyEnds.set(this.keyEnds);
      this.keyEnds = keyEnds;
    }
    this.reported[entry] = 0;
    this.keyHashes[entry] = mix(hashOf(key));
    const from = entry === 0 ? 0 : this.ends[entry - 1]!;
    if (from + length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, from + length));
      chars.set(this.chars);
      this.chars = chars;
    }
    for (let k = 0; k < length; k++) this.chars[from + k] = text.charCodeAt(start + k);
    this.ends[entry] = from + length;
    this.keys.push(key);
    this.spacedKeys.push(` ${key}`);
    const keyFrom = entry === 0 ? 0 : this.keyEnds[entry - 1]!;
    // At most three UTF-8 bytes per UTF-16 code unit, and the space.
    if (keyFrom + 1 + 3 * key.length > this.keyBytes.length) {
      const keyBytes = new Uint8Array(Math.max(this.keyBytes.length * 2, keyFrom + 1 + 3 * key.length));
      keyBytes.set(this.keyBytes);
      this.keyBytes = keyBytes;
    }
    this.keyBytes[keyFrom] = SPACE;
    this.keyEnds[entry] = keyFrom + 1 + utf8.encodeInto(key, this.keyBytes.subarray(keyFrom + 1)).written;
    let slot = mix(hash) & this.mask;
    while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = entry + 1;
    return entry;
  }

  private clear(): void {
    this.table = new Int32Array(FIRST_CAPACITY * 2);
    this.mask = FIRST_CAPACITY - 1;
    this.chars = new Uint16Array(FIRST_CAPACITY * 8);
    this.ends = new Int32Array(FIRST_CAPACITY);
    this.keyHashes = new Int32Array(FIRST_CAPACITY);
    this.reported = new Uint8Array(FIRST_CAPACITY);
    this.keyBytes = new Uint8Array(FIRST_CAPACITY * 8);
    this.keyEnds = new Int32Array(FIRST_CAPACITY);
    this.keys = [];
    this.spacedKeys = [];
  }

  /** Doubles the table, keeping it at most half full so that probe runs stay short. */
  private growTable(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    const table = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = mix(old[s]!) & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s]!;
      table[2 * slot + 1] = old[s + 1]!;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** Spreads FNV's low bits, which alone would pick the slot (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hashOf(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

const utf8 = new TextEncoder();
const SPACE = 0x20;

const caches: Record<CyrillicStemmer, KeyCache> = { ru: new KeyCache('ru'), uk: new KeyCache('uk') };

/**
 * The prefix vocabulary was emptied (the index is rebuilt): every word is to be reported to the
 * indexer again the next time it is met.
 */
export function forgetReportedWords(): void {
  for (const cache of Object.values(caches)) cache.forgetReported();
}

/**
 * The index key of a word as written. `onNew` hears of each word not met since the cache last
 * started over: the indexer's way to keep the prefix vocabulary complete without a lookup per word.
 */
export function keyOf(word: string, stemmer: CyrillicStemmer = 'ru', onNew?: (word: string, key: string) => void): string {
  const cache = caches[stemmer];
  return cache.keys[cache.entryAt(word, 0, word.length, hashOf(word), onNew)]!;
}

/** Which Cyrillic stemmer an article's words get, from its language. */
export function stemmerFor(language: string | null | undefined): CyrillicStemmer {
  return language === 'uk' ? 'uk' : 'ru';
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/**
 * Whether a UTF-16 code unit is a word character: 0 not known yet, 1 no, 2 yes. ASCII is filled
 * in here, every other code unit the first time it is met, so the regex runs once per distinct
 * character instead of once per character read. Surrogates stay 0: they depend on their neighbour.
 */
const WORD_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) WORD_UNIT[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 2 : 1;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const known = WORD_UNIT[c]!;
  return known === 0 ? learnWordChar(text, i, c) : known === 2;
}

/**
 * The slow path of isWordChar. The regex is not anchored, so for a surrogate the test is over
 * the pair it forms with its neighbour, and a lone surrogate counts as a word character when
 * that neighbour does: kept as it was, since the keys in existing indexes depend on it.
 */
function learnWordChar(text: string, i: number, c: number): boolean {
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return WORD_CHAR.test(text.slice(i - 1, i + 1));
  const yes = WORD_CHAR.test(text[i]!);
  WORD_UNIT[c] = yes ? 2 : 1;
  return yes;
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

/**
 * Calls `visit` for every word of a text with its offsets and its entry in `cache`: forEachWord
 * and keyOf in one, the word's hash taken as its characters are read.
 */
function forEachEntry(text: string, cache: KeyCache, onNew: ((word: string, key: string) => void) | undefined, visit: (entry: number, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text, i)) i++;
    if (i >= n) break;
    const start = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      i++;
    } while (i < n && isWordChar(text, i));
    visit(cache.entryAt(text, start, i, h, onNew), start, i);
  }
}

/** Every word of a text with its offsets and key. */
export function tokenize(text: string, stemmer: CyrillicStemmer = 'ru'): TextToken[] {
  const tokens: TextToken[] = [];
  const cache = caches[stemmer];
  forEachEntry(text, cache, undefined, (entry, start, end) => tokens.push({ start, end, key: cache.keys[entry]! }));
  return tokens;
}

/** The words of a text as written, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/** A growing list of 32-bit hashes, one per word (see wordKeyHashes). */
export interface WordHashes {
  buf: Int32Array;
  n: number;
}

export function newWordHashes(): WordHashes {
  return { buf: new Int32Array(1024), n: 0 };
}

function pushHash(out: WordHashes, h: number): void {
  if (out.n === out.buf.length) {
    const buf = new Int32Array(out.buf.length * 2);
    buf.set(out.buf);
    out.buf = buf;
  }
  out.buf[out.n++] = h;
}

/**
 * Appends the hash of every word's key to `out`: what near-duplicate signatures are taken
 * over, so that a text's words are looked up once for both (keyStream takes the same `out`).
 */
export function wordKeyHashes(text: string, stemmer: CyrillicStemmer, out: WordHashes): void {
  const cache = caches[stemmer];
  forEachEntry(text, cache, undefined, (entry) => pushHash(out, cache.keyHashes[entry]!));
}

/**
 * The key stream the index stores for a text: every word's key, space-separated. With `hashes`,
 * each word's key hash is appended to it too (wordKeyHashes).
 */
export function keyStream(text: string, stemmer: CyrillicStemmer = 'ru', onNew?: (word: string, key: string) => void, hashes?: WordHashes): string {
  // forEachEntry written out, without a callback per word: this is the loop every imported
  // word goes through.
  const cache = caches[stemmer];
  const n = text.length;
  let out = '';
  let first = true;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text, i)) i++;
    if (i >= n) break;
    const start = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      i++;
    } while (i < n && isWordChar(text, i));
    const entry = cache.entryAt(text, start, i, h, onNew);
    if (hashes) pushHash(hashes, cache.keyHashes[entry]!);
    // A key can be empty (a word of combining marks only): the separator still goes in.
    if (first) {
      out = cache.keys[entry]!;
      first = false;
    } else out += cache.spacedKeys[entry]!;
  }
  flatten(out);
  return out;
}

/** Bytes written one after another, in a buffer that grows as needed (keyStreamInto). */
export interface ByteSink {
  bytes: Uint8Array;
  length: number;
}

export function newByteSink(capacity = 1 << 16): ByteSink {
  return { bytes: new Uint8Array(capacity), length: 0 };
}

/** Makes room for `more` bytes after the sink's length (the buffer doubles, or more, when full). */
export function reserve(sink: ByteSink, more: number): void {
  const needed = sink.length + more;
  if (needed <= sink.bytes.length) return;
  const grown = new Uint8Array(Math.max(sink.bytes.length * 2, needed));
  grown.set(sink.bytes.subarray(0, sink.length));
  sink.bytes = grown;
}

/**
 * keyStream's output as UTF-8, appended to `sink` (the same bytes as the string's, with the same
 * `onNew` and `hashes` calls). The import's parser workers write their articles' key streams this
 * way: no string is built word by word, and the bytes go to the engine thread in one transferred
 * buffer, which SQLite takes as they are (fts-indexer.ts).
 */
export function keyStreamInto(text: string, stemmer: CyrillicStemmer, sink: ByteSink, onNew?: (word: string, key: string) => void, hashes?: WordHashes): void {
  const cache = caches[stemmer];
  const n = text.length;
  let first = true;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text, i)) i++;
    if (i >= n) break;
    const start = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      i++;
    } while (i < n && isWordChar(text, i));
    const entry = cache.entryAt(text, start, i, h, onNew);
    if (hashes) pushHash(hashes, cache.keyHashes[entry]!);
    // The entry's bytes, without their leading space for the first word (read after entryAt,
    // which may have grown the cache's arrays).
    const keyEnds = cache.keyEnds;
    let from = entry === 0 ? 0 : keyEnds[entry - 1]!;
    const to = keyEnds[entry]!;
    if (first) {
      from++;
      first = false;
    }
    reserve(sink, to - from);
    let out = sink.length;
    const bytes = sink.bytes;
    const keyBytes = cache.keyBytes;
    for (let k = from; k < to; k++) bytes[out++] = keyBytes[k]!;
    sink.length = out;
  }
}

/** Where flatten() keeps what it reads, so that the read is not optimised away. */
const flattened = { lastChar: 0 };

/**
 * A string grown with += is a chain of its pieces, which whoever reads it (postMessage from the
 * parser worker, SQLite's binding) first copies into one flat string. Reading a character makes
 * V8 do that copy at once, so that its cost is counted where the string is made. (Growing the
 * string and copying it once is still cheaper than collecting the pieces for join().)
 */
function flatten(text: string): void {
  flattened.lastChar = text.charCodeAt(0);
}

/** A metadata value (agency, place) as one token: folded, letters and digits only. */
export function slug(value: string): string {
  return fold(value).replace(/[^\p{L}\p{N}]+/gu, '');
}
