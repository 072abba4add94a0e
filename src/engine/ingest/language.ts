// A small script-and-stopword language guess for English, Russian and Ukrainian, the
// languages of the corpora Wirebench is built for. Returns null when unsure.

const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/g;
const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/g;
const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[A-Za-z]/g;
const ENGLISH_WORDS = /\b(?:the|and|of|to|in|is|that|for|was|said|with|on|it|as|by)\b/gi;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20000);
  const cyr = sample.match(CYRILLIC)?.length ?? 0;
  const lat = sample.match(LATIN)?.length ?? 0;
  if (cyr + lat < 20) return null;
  if (cyr > lat) {
    const uk = sample.match(UKRAINIAN_ONLY)?.length ?? 0;
    const ru = sample.match(RUSSIAN_ONLY)?.length ?? 0;
    if (uk > ru * 2 && uk >= 3) return 'uk';
    if (ru >= uk) return 'ru';
    return null;
  }
  const words = sample.split(/\s+/).length;
  const english = sample.match(ENGLISH_WORDS)?.length ?? 0;
  return english / Math.max(words, 1) > 0.08 ? 'en' : null;
}
