// Reading the dates news files carry ("21 Mar 2022 12:47", "4 Jan 2019", "21 марта 2022")
// into ISO 8601 at the precision given, and the sortable instant the index uses.

const MONTHS: Record<string, number> = {};
function addMonths(names: string[]): void {
  names.forEach((name, i) => (MONTHS[name] = i + 1));
}
addMonths(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
addMonths(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
MONTHS.sept = 9;
// Russian and Ukrainian month names as they appear in dates (genitive), and Russian nominative.
addMonths(['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']);
addMonths(['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь']);
// German and French, as database exports made in those interfaces print them.
addMonths(['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember']);
addMonths(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']);
MONTHS.maerz = 3;
MONTHS.fevrier = 2;
MONTHS.aout = 8;
MONTHS.decembre = 12;
addMonths(['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня']);

/** Every month name as written: lower-case, Capitalised and UPPER-CASE, longest first. */
export const MONTH_NAME_PATTERN = Object.keys(MONTHS)
  .flatMap((m) => [m, m[0]!.toUpperCase() + m.slice(1), m.toUpperCase()])
  .sort((a, b) => b.length - a.length)
  .join('|');

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number, hh?: number, mm?: number, ss?: number): string | null {
  if (!validDate(y, m, d)) return null;
  let out = `${y}-${pad(m)}-${pad(d)}`;
  if (hh !== undefined && mm !== undefined) {
    if (hh > 23 || mm > 59 || (ss !== undefined && ss > 59)) return null;
    out += `T${pad(hh)}:${pad(mm)}${ss !== undefined ? `:${pad(ss)}` : ''}`;
  }
  return out;
}

const TIME = String.raw`(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\.? (${MONTH_NAME_PATTERN})\.?,? (\d{4})(?: г\.?| р\.?)?${TIME}$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(String.raw`^(${MONTH_NAME_PATTERN})\.? (\d{1,2}),? (\d{4})${TIME}$`, 'iu');
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}(Z|[+-]\d{2}:?\d{2})?$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);

/**
 * Reads a line that is a date, with or without a time, into ISO 8601 ("2022-03-21T12:47",
 * "2019-01-04"), keeping a zone offset only when the line has one. Null if the line is not a date.
 */
export function parseDateLine(line: string): string | null {
  const s = line.trim().replace(/\s+/g, ' ');
  if (s.length > 40) return null;
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) return iso(+m[3]!, monthNumber(m[2]!)!, +m[1]!, opt(m[4]), opt(m[5]), opt(m[6]));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return iso(+m[3]!, monthNumber(m[1]!)!, +m[2]!, opt(m[4]), opt(m[5]), opt(m[6]));
  m = ISO_LIKE.exec(s);
  if (m) {
    const base = iso(+m[1]!, +m[2]!, +m[3]!, opt(m[4]), opt(m[5]), opt(m[6]));
    if (!base) return null;
    const zone = m[7];
    if (!zone || m[4] === undefined) return base;
    return base + (zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`);
  }
  m = DOTTED.exec(s);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!, opt(m[4]), opt(m[5]), opt(m[6]));
  return null;
}

function opt(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/**
 * An article's sortableTime: the one already read with it (`publishedAt`: the parser workers
 * read it, and the store passes it on to the indexers), else read now.
 */
export function sortableTimeOf(article: { published: string | null; publishedAt?: number | null }): number | null {
  return article.publishedAt !== undefined ? article.publishedAt : sortableTime(article.published);
}

/**
 * The instant used for ordering and date filters: the wall-clock date and time as the source
 * printed it, read as if it were UTC. A date filter then matches the date the reader sees,
 * whatever zone the source was in. Seconds since 1970, or null.
 */
export function sortableTime(published: string | null): number | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(published);
  if (!m) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 1000;
}

/**
 * A date bound typed by a user ("2022", "2022-03", "2022-03-21") as the first (or, for `to`,
 * the last) second it covers. Null if it is not such a date.
 */
export function dateBound(value: string, end: 'from' | 'to'): number | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const y = +m[1]!;
  const mo = m[2] === undefined ? undefined : +m[2];
  const d = m[3] === undefined ? undefined : +m[3];
  if (mo !== undefined && (mo < 1 || mo > 12)) return null;
  if (d !== undefined && !validDate(y, mo!, d)) return null;
  if (end === 'from') return Date.UTC(y, (mo ?? 1) - 1, d ?? 1) / 1000;
  const next = d !== undefined ? Date.UTC(y, mo! - 1, d + 1) : mo !== undefined ? Date.UTC(y, mo, 1) : Date.UTC(y + 1, 0, 1);
  return next / 1000 - 1;
}

const WEEKDAY = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b\.?,?/gi;
const CJK_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s+(\d{1,2}):(\d{2}))?/;
const DD_MON_YYYY = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const TIME_12H = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?/;

/**
 * Reads the looser dates that exports, feeds and e-mails carry: with weekday names
 * ("March 14, 2013 Thursday 11:21 AM GMT", "Mon, 21 Mar 2022 12:47:00 +0000"), an edition
 * after the date ("May 2, 2002, Thursday,, FINAL EDITION"), "2018 年 10 月 7 日 17:04",
 * "26-FEB-1987 15:01:01.79". Null when no date can be read.
 */
export function parseLooseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 120) return null;
  const exact = parseDateLine(s);
  if (exact) return exact;
  let m = CJK_DATE.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!, opt(m[4]), opt(m[5]));
  m = DD_MON_YYYY.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return iso(+m[3]!, month, +m[1]!, opt(m[4]), opt(m[5]), opt(m[6]));
  }
  // RFC 2822 (e-mail, RSS): keep the offset it states.
  m = /^(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-]\d{4})|(GMT|UT|UTC|Z))?/.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    const base = month ? iso(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, opt(m[6])) : null;
    if (base) {
      if (m[7]) return `${base}${m[7].slice(0, 3)}:${m[7].slice(3)}`;
      if (m[8]) return `${base}Z`;
      return base;
    }
  }
  // Drop weekdays and what follows the date (edition names), then find a 12-hour time.
  const noWeekday = s.replace(WEEKDAY, ' ').replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
  const time = TIME_12H.exec(noWeekday);
  const datePart = noWeekday.replace(/,?\s*\d{1,2}:\d{2}.*$/, '').replace(/,+\s*$/, '').trim();
  for (const candidate of [datePart, datePart.replace(/,?\s+[A-Za-z][A-Za-z ]*$/, ''), ...prefixes(datePart)]) {
    const date = parseDateLine(candidate.replace(/,+$/, ''));
    if (!date) continue;
    if (!time || date.includes('T')) return date;
    let hh = +time[1]! % 12;
    if (/p/i.test(time[4]!)) hh += 12;
    return `${date}T${pad(hh)}:${time[2]}`;
  }
  return null;
}

function* prefixes(text: string): Generator<string> {
  const words = text.split(' ');
  for (let n = Math.min(words.length - 1, 5); n >= 2; n--) yield words.slice(0, n).join(' ');
}
