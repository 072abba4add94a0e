// Markers wire services print around a story and that researchers sort by: the version
// ("UPDATE 2", "CORRECTED", "REFILE") in front of a headline or on its own line, and the
// byline ("By Jane Smith") opening the body. They are kept as metadata; the headline loses
// the version prefix, the body keeps the byline line as printed.

const VERSION = String.raw`(?:UPDATE|UPDATED|CORRECTED|CORRECTION|REFILE|REPEAT|RPT|WRAPUP|ADVISORY|RECASTS?|CORRECTED\s+AND\s+REFILED|ОБНОВЛЕНО|ИСПРАВЛЕНО|ПОВТОР)(?:\s+\d{1,2})?`;
const PREFIX = new RegExp(String.raw`^((?:${VERSION})(?:\s*,\s*(?:${VERSION}))*)\s*(?:-|–|—|:)\s*(?=\S)`, 'iu');
const ALONE = new RegExp(String.raw`^\(?(${VERSION}(?:\s*,\s*${VERSION})*)\)?\.?$`, 'iu');
const BYLINE = /^(?:By|BY|От|Автор:?)\s+([\p{Lu}][\p{L}.'’\- ]{1,80}?)(?:\s*[,;|]\s*([\p{L}.'’\- ]{2,60}))?\s*$/u;

/** "UPDATE 2-Oil rises" → {headline: "Oil rises", versionNote: "UPDATE 2"}. */
export function splitVersion(headline: string): { headline: string; versionNote: string | null } {
  const m = PREFIX.exec(headline);
  if (!m) return { headline, versionNote: null };
  const rest = headline.slice(m[0].length).trim();
  // An all-caps prefix, or a capitalised "Update 2-": a sentence that merely starts "Update on…" has no dash.
  return rest ? { headline: rest, versionNote: normaliseVersion(m[1]!) } : { headline, versionNote: null };
}

/** A paragraph that is only a version marker ("UPDATE 1", "(CORRECTED)"), as the note, or null. */
export function versionLine(line: string): string | null {
  const m = ALONE.exec(line.trim());
  return m ? normaliseVersion(m[1]!) : null;
}

function normaliseVersion(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toUpperCase();
}

/** "By Jane Smith" or "By Jane Smith, Reuters" as a paragraph of its own: the name. */
export function bylineOf(paragraph: string): string | null {
  if (paragraph.length > 120 || paragraph.includes('\n')) return null;
  const m = BYLINE.exec(paragraph.trim());
  if (!m) return null;
  const name = m[1]!.trim();
  // A byline is a couple of capitalised words, not the start of a sentence ("By the way…").
  const words = name.split(/\s+/);
  if (words.length > 6 || !words.every((w) => /^[\p{Lu}]/u.test(w) || /^(?:and|de|van|von|der|al|bin|и)$/u.test(w))) return null;
  return name;
}
