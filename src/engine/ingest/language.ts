// A small script-and-stopword language guess for English, Russian and Ukrainian, the
// languages of the corpora Wirebench is built for. Returns null when unsure.

const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/g;
const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/g;
const ENGLISH_WORDS = /\b(?:the|and|of|to|in|is|that|for|was|said|with|on|it|as|by)\b/gi;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20000);
  // Counted by char code: matching every letter with a regex made an array of them all, and
  // this runs for every imported article.
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) lat++;
  }
  if (cyr + lat < 20) return null;
  if (cyr > lat) {
    const uk = sample.match(UKRAINIAN_ONLY)?.length ?? 0;
    const ru = sample.match(RUSSIAN_ONLY)?.length ?? 0;
    if (uk > ru * 2 && uk >= 3) return 'uk';
    if (ru >= uk) return 'ru';
    return null;
  }
  // As many words as split(/\s+/) gives: one more than the runs of white space.
  const words = (sample.match(/\s+/g)?.length ?? 0) + 1;
  const english = sample.match(ENGLISH_WORDS)?.length ?? 0;
  return english / Math.max(words, 1) > 0.08 ? 'en' : null;
}
