// Pure helpers for the quotes, collections and briefing views (unit-tested).

/** A query with its speaker: filter replaced (or removed, when name is null). */
export function withSpeaker(query: string, name: string | null): string {
  const rest = query.replace(/(^|\s)-?speaker:(?:"[^"]*"?|“[^”]*”?|\S*)/giu, ' ').replace(/\s+/g, ' ').trim();
  if (!name) return rest;
  const term = /\s/.test(name) ? `speaker:"${name.replace(/"/g, '')}"` : `speaker:${name}`;
  return rest ? `${term} ${rest}` : term;
}

/** The speaker: name in a query, if any. */
export function speakerOf(query: string): string | null {
  const m = /(?:^|\s)speaker:(?:"([^"]*)"?|“([^”]*)”?|(\S+))/iu.exec(query);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() || null : null;
}

/** Bar heights (0..1) for a timeline, scaled to its busiest period. */
export function barHeights(counts: readonly number[]): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((c) => (max === 0 ? 0 : c / max));
}

/** "a, b ,, c" → ["a", "b", "c"]: tags as typed in one field. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** Moves one element of a list to another index (drag and drop), returning a new list. */
export function moveInList<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item === undefined) return out;
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
}

/** Base64 (as an export comes over the contract) to bytes for a download. */
export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Labels for timeline bars that fit under a narrow bar: "23 Mar" for a day, "Mar" for a month,
 * with the year as a second line on the first bar and wherever the year changes.
 */
export function timelineLabels(periods: readonly string[]): Array<{ main: string; year: string | null }> {
  let lastYear: string | null = null;
  return periods.map((p) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(p);
    if (!m) return { main: p, year: null };
    const [, y, mo, d] = m;
    const year = y !== lastYear ? y! : null;
    lastYear = y!;
    if (!mo) return { main: y!, year: null };
    const month = MONTH_ABBR[Number(mo) - 1] ?? mo;
    return { main: d ? `${Number(d)} ${month}` : month, year };
  });
}
