// Small text helpers for counts, file names and the import path field.

const NUMBER = new Intl.NumberFormat('en-US');

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** "1 result", "1,234 results", "No results". */
export function countLabel(n: number, singular: string, plural = `${singular}s`, zero = `No ${plural}`): string {
  if (n === 0) return zero;
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** The last segment of a POSIX or Windows path. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/** One path per line; blank lines and surrounding whitespace or quotes are ignored, duplicates dropped. */
export function parsePathList(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    let p = line.trim();
    if (p.length >= 2 && ((p.startsWith('"') && p.endsWith('"')) || (p.startsWith("'") && p.endsWith("'")))) p = p.slice(1, -1).trim();
    if (p) seen.add(p);
  }
  return [...seen];
}

/** Whether a path looks absolute on POSIX ("/srv/news") or Windows ("C:\\news", "\\\\host\\share"). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** "850 ms", "4.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const min = Math.floor(s / 60);
  return `${min} min ${Math.round(s - min * 60)} s`;
}

const LANGUAGES: Record<string, string> = {
  en: 'English', ru: 'Russian', uk: 'Ukrainian', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian',
  pt: 'Portuguese', nl: 'Dutch', pl: 'Polish', sv: 'Swedish', fi: 'Finnish', da: 'Danish', no: 'Norwegian',
  cs: 'Czech', tr: 'Turkish', ar: 'Arabic', zh: 'Chinese', ja: 'Japanese', ko: 'Korean', be: 'Belarusian',
};

/** "en" → "English"; unknown codes are shown upper-cased. */
export function languageName(code: string | null | undefined): string {
  if (!code) return '';
  return LANGUAGES[code.toLowerCase()] ?? code.toUpperCase();
}
