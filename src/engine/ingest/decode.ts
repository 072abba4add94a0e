// Turning a file's bytes into text. A BOM decides (UTF-8, UTF-16 LE/BE). Otherwise bytes that
// are valid UTF-8 are UTF-8, whatever a meta tag claims (a declared charset that lies is
// caught that way). Anything else is detected with jschardet (a port of chardet) and decoded
// with iconv-lite; our own check then compares the legacy Cyrillic code pages on the text
// itself, because detectors guess wrong on short Cyrillic texts, where a few words decide.
// Binary data is refused instead of stored as garbage.
import iconv from 'iconv-lite';
import { detect } from 'jschardet';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const SNIFF_BYTES = 8192;
const DETECT_BYTES = 64 * 1024;

/** The legacy Cyrillic code pages Russian and Ukrainian files come in. */
const CYRILLIC_ENCODINGS = ['windows-1251', 'koi8-r', 'koi8-u', 'ibm866', 'iso-8859-5', 'maccyrillic', 'ibm855'] as const;

export function decodeText(bytes: Uint8Array, declared: string | null = null): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf(bytes.subarray(3), 'utf-8', 'utf-8 (BOM)');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf(bytes.subarray(2), 'utf-16be', 'utf-16be');
  if (looksBinary(bytes)) return { ok: false, reason: 'binary data, not text' };
  const utf8 = decodeUtf(bytes, 'utf-8', 'utf-8');
  if (utf8.ok) return utf8;
  const encoding = guessLegacyEncoding(bytes, declared);
  return { ok: true, text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding };
}

// One decoder per label, made once: every file is decoded, and a decode() that is not streaming
// starts afresh each time (a failed one too), so a decoder can be used again and again.
const DECODERS = new Map<string, InstanceType<typeof TextDecoder>>();

function decodeUtf(bytes: Uint8Array, label: string, name: string): Decoded {
  let decoder = DECODERS.get(label);
  if (!decoder) DECODERS.set(label, (decoder = new TextDecoder(label, { fatal: true })));
  try {
    return { ok: true, text: decoder.decode(bytes), encoding: name };
  } catch {
    return { ok: false, reason: `not valid ${name} text` };
  }
}

/** The charset named in an HTML meta tag or an XML declaration near the start, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  // The patterns start "<?xml" and "<meta" (in any case): most files have neither start, and
  // looking for it is cheaper than the two regexes failing (this runs for every file).
  if (!head.includes('<?') && !head.includes('<m') && !head.includes('<M')) return null;
  const m = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? normaliseEncoding(m[1]!) : null;
}

function normaliseEncoding(name: string): string | null {
  const lower = name.toLowerCase();
  const aliases: Record<string, string> = { 'x-mac-cyrillic': 'maccyrillic', cp866: 'ibm866', 'windows-1251': 'windows-1251', cp1251: 'windows-1251' };
  const mapped = aliases[lower] ?? lower;
  return iconv.encodingExists(mapped) ? mapped : null;
}

/** Picks the encoding of bytes that are not UTF-8. */
export function guessLegacyEncoding(bytes: Uint8Array, declared: string | null = null): string {
  const sample = bytes.subarray(0, DETECT_BYTES);
  const detected = detect(sample);
  const fromDetector = detected.encoding ? normaliseEncoding(detected.encoding) : null;
  const buf = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  // Score every plausible reading of the text itself; the detector's and the file's own
  // claim get a small head start, so they win whenever the text does not clearly disagree.
  const candidates = new Set<string>([...CYRILLIC_ENCODINGS, 'windows-1252']);
  // A low-confidence guess outside that set (windows-1250 for a few accented letters) is noise.
  if (fromDetector && fromDetector !== 'utf-8' && fromDetector !== 'ascii' && detected.confidence >= 0.5) candidates.add(fromDetector);
  if (declared && declared !== 'utf-8') candidates.add(declared);
  let best = 'windows-1252';
  let bestScore = -Infinity;
  for (const encoding of candidates) {
    let score = plausibility(iconv.decode(buf, encoding));
    if (encoding === fromDetector) score += 0.05 * Math.max(detected.confidence, 0.2);
    if (encoding === declared) score += 0.02;
    if (score > bestScore) {
      bestScore = score;
      best = encoding;
    }
  }
  return best;
}

// Relative frequencies (%) of Russian and Ukrainian letters in running text.
const CYRILLIC_FREQ: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49, м: 3.21, д: 2.98,
  п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73,
  ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.04, і: 5.0, ї: 0.6, є: 0.4, ґ: 0.05,
};

/**
 * How much a decoded text looks like real words: per word with non-ASCII letters, +1 for a
 * single-script word with a normal case pattern (lower, Capitalised, or UPPER) weighted by how
 * common its Cyrillic letters are, and -1 for mixed scripts, stray symbols or case soup. The
 * mean over such words, so long and short texts compare.
 */
export function plausibility(text: string): number {
  let total = 0;
  let words = 0;
  // Words are split at spaces and ASCII punctuation only: a typographic dash or symbol stuck to
  // a word ("–ены") is the mark of a wrong code page (MacCyrillic "Ц" read as windows-1251).
  for (const m of text.matchAll(/[^\s\d.,;:!?()"'/\\[\]<>=&-]+/gu)) {
    const word = m[0].replace(/^[«»„“”‘’]+|[«»„“”‘’]+$/gu, '');
    if (!word) continue;
    if (/^[ -~]*$/.test(word)) continue;
    words++;
    if (words > 4000) break;
    const hasLatin = /[A-Za-z]/.test(word);
    const hasCyrillic = /[\u0400-\u04ff]/.test(word);
    if (/[^\p{L}\p{M}'’]/u.test(word) || (hasLatin && hasCyrillic)) {
      total -= 1;
      continue;
    }
    const lower = word.toLowerCase();
    const caseOk = word === lower || word === word.toUpperCase() || word.slice(1) === lower.slice(1);
    if (!caseOk) {
      total -= 1;
      continue;
    }
    if (hasCyrillic) {
      let freq = 0;
      for (const ch of lower) freq += CYRILLIC_FREQ[ch] ?? 0;
      // Mostly-lower-case text is normal; a text that is all capitals is a sign of a code page
      // that swaps the cases (KOI8-R read as windows-1251).
      const upper = word.length > 1 && word === word.toUpperCase() ? 0.6 : 1;
      total += Math.min(1, freq / lower.length / 5) * upper;
    } else {
      total += 0.9;
    }
  }
  return words === 0 ? 0 : total / words;
}

/** NUL bytes, or many control characters, in the first few kilobytes mean this is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    // Only bytes below 0x20 count, and text has few: one test for all the others.
    if (b < 0x20) {
      if (b === 0) return true;
      if (b < 0x09 || (b > 0x0d && b !== 0x1b)) control++;
    }
  }
  return end > 0 && control / end > 0.1;
}
