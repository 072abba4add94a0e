// `published` is ISO 8601 at whatever precision the source gave ("2019", "2019-01",
// "2019-01-04", "2022-03-21T12:47", "2021-01-26T14:26:27-05:00"). We format what is there and
// never convert time zones: the wall-clock time of the source is what a reporter quotes.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export interface DateParts {
  year: number;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  second: number | null;
  /** "Z" or "+02:00"-style offset as given, normalised to have a colon. */
  zone: string | null;
}

export function parseIsoParts(value: string): DateParts | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const num = (s: string | undefined): number | null => (s === undefined ? null : Number.parseInt(s, 10));
  const month = num(m[2]);
  const day = num(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  let zone = m[7] ?? null;
  if (zone && zone !== 'Z' && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return { year: Number.parseInt(m[1]!, 10), month, day, hour: num(m[4]), minute: num(m[5]), second: num(m[6]), zone };
}

export interface FormatDateOptions {
  /** Append the source's UTC offset when it gave one ("UTC−05:00"). */
  withZone?: boolean;
}

/**
 * "2022-03-21T12:47" → "21 Mar 2022 12:47"; "2019-01-04" → "4 Jan 2019"; "2019-01" → "Jan 2019".
 * Anything that is not ISO 8601 is returned unchanged rather than guessed at.
 */
export function formatPublished(value: string | null | undefined, options: FormatDateOptions = {}): string {
  if (!value) return '';
  const p = parseIsoParts(value);
  if (!p) return value;
  const pieces: string[] = [];
  if (p.day !== null) pieces.push(String(p.day));
  if (p.month !== null) pieces.push(MONTHS[p.month - 1]!);
  pieces.push(String(p.year));
  let text = pieces.join(' ');
  if (p.hour !== null && p.minute !== null) text += ` ${pad(p.hour)}:${pad(p.minute)}`;
  if (options.withZone && p.zone && p.hour !== null) {
    text += p.zone === 'Z' || p.zone === '+00:00' ? ' UTC' : ` UTC${p.zone.replace('-', '\u2212')}`;
  }
  return text;
}

/** The machine-readable value for a <time dateTime>: what was given, when it is valid ISO. */
export function dateTimeAttribute(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return parseIsoParts(value) ? value.trim() : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
