// Pure helpers for the search tools of the window: month ranges from the histogram brush, and
// putting a chosen suggestion into the query in place of the words being typed.

/** The first and last day of the months a brush covers, for the filter bar's From and To. */
export function monthRange(a: string, b: string): { from: string; to: string } {
  const [first, last] = a <= b ? [a, b] : [b, a];
  const [y, m] = last.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${first}-01`, to: `${last}-${String(lastDay).padStart(2, '0')}` };
}

/** The months (YYYY-MM) a From/To range covers, or null for none. */
export function selectedMonths(from: string, to: string): { first: string; last: string } | null {
  if (!from && !to) return null;
  return { first: from ? from.slice(0, 7) : '0000-00', last: to ? to.slice(0, 7) : '9999-99' };
}

/**
 * The query with the words being typed (the last one or two, as the engine's suggester read
 * them) replaced by the suggestion's query text, and a space after it to go on typing.
 */
export function applySuggestion(text: string, fragmentWords: number, replacement: string): string {
  const trimmed = text.replace(/\s+$/, '');
  const parts = trimmed.split(/(\s+)/);
  let words = 0;
  let cut = parts.length;
  for (let i = parts.length - 1; i >= 0 && words < fragmentWords; i--) {
    if (/^\s+$/.test(parts[i]!)) continue;
    if (/^(AND|OR|NOT)$/.test(parts[i]!)) break;
    words++;
    cut = i;
  }
  const before = parts.slice(0, cut).join('');
  // A leading "-" or "(" typed before the fragment stays.
  const lead = /^[-(]+/.exec(parts[cut] ?? '')?.[0] ?? '';
  return `${before}${lead}${replacement} `;
}

/** How many of the trailing words the suggestion replaces: the words of the fragment it matched. */
export function fragmentLength(text: string): number {
  const words = text.trim().split(/\s+/).filter((w) => w && !/^(AND|OR|NOT)$/.test(w));
  return Math.min(2, words.length);
}
