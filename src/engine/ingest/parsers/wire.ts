// The wire layout of agency copy, as in the Interfax item Wirebench started from:
//
//   21 Mar 2022 12:47
//
//   Not enough progress in Moscow-Kyiv talks for Putin-Zelensky meeting thus far - Peskov
//
//   MOSCOW. March 21 (Interfax) - Progress seen in negotiations ...
//
// A date line, a headline, then paragraphs; the first paragraph may open with a dateline
// (PLACE. Month D (Agency) - ) naming place and agency. The body keeps the dateline
// verbatim, so quotes and citations point at the text as published.
import { MONTH_NAME_PATTERN, parseDateLine } from '../dates.ts';
import { oneLine, splitBlocks } from './text-blocks.ts';
import { bylineOf, splitVersion, versionLine } from './markers.ts';
import type { ParsedArticle } from './types.ts';

const UPPER = String.raw`A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ`;
const PLACE = String.raw`[${UPPER}][${UPPER}0-9.'’\- ]*?[${UPPER}.]`;
const MONTH_DAY = String.raw`(?:(?:${MONTH_NAME_PATTERN})\.? \d{1,2}|\d{1,2} (?:${MONTH_NAME_PATTERN}))(?:,? \d{4})?`;
const AGENCY = String.raw`(?:\(([^()\n]{1,40})\)|/([^/\n]{1,40})/)`;
const DASH = String.raw`\s*(?:[-–—]+|\.)\s*`;

// "MOSCOW. March 21 (Interfax) - ", "NEW YORK, March 21 (Reuters) - ", "МОСКВА, 21 марта. /ТАСС/. "
const DATELINE_WITH_DATE = new RegExp(String.raw`^(${PLACE})(?:, [${UPPER}][\p{L}.]*)?[.,] (${MONTH_DAY})\.? ?${AGENCY}${DASH}`, 'u');
// "LONDON (Reuters) - "
const DATELINE_NO_DATE = new RegExp(String.raw`^(${PLACE}) ${AGENCY}${DASH}`, 'u');

export interface Dateline {
  place: string;
  agency: string | null;
  length: number;
}

export function parseDateline(paragraph: string): Dateline | null {
  const m = DATELINE_WITH_DATE.exec(paragraph) ?? DATELINE_NO_DATE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!.replace(/[.\s]+$/, '');
  // Upper-case words only: a sentence that happens to start "The (…)" is not a dateline.
  if (place.length < 2 || place !== place.toUpperCase()) return null;
  const agency = (m[m.length - 2] ?? m[m.length - 1] ?? '').trim();
  return { place, agency: agency || null, length: m[0].length };
}

/** The article if the text is in the wire layout (starts with a date line), else null. */
export function parseWire(text: string): ParsedArticle | null {
  const blocks = splitBlocks(text);
  if (blocks.length < 2) return null;
  const firstLines = blocks[0]!.split('\n');
  const published = parseDateLine(firstLines[0]!);
  if (!published) return null;
  // The headline is the next block, or the rest of the first block when there was no blank
  // line; a version marker ("UPDATE 1") may stand on its own line before or after it.
  const header = [...firstLines.slice(1).map((l) => l.trim()).filter(Boolean)];
  let rest = blocks.slice(1);
  if (header.length === 0) {
    header.push(...rest[0]!.split('\n'));
    rest = rest.slice(1);
  }
  let versionNote: string | null = null;
  const headlineLines: string[] = [];
  for (const line of header) {
    const marker = versionLine(line);
    if (marker && headlineLines.length === 0) versionNote = marker;
    else headlineLines.push(line);
  }
  if (headlineLines.length === 0 && rest.length > 0) {
    headlineLines.push(...rest[0]!.split('\n'));
    rest = rest.slice(1);
  }
  if (rest.length > 0 && !versionNote) {
    const marker = versionLine(rest[0]!);
    if (marker) {
      versionNote = marker;
      rest = rest.slice(1);
    }
  }
  const split = splitVersion(oneLine(headlineLines.join(' ')));
  const headline = split.headline;
  if (!headline) return null;
  versionNote ??= split.versionNote;
  const byline = rest.length > 0 ? bylineOf(rest[0]!) : null;
  const datelineBlock = byline ? rest[1] : rest[0];
  const dateline = datelineBlock ? parseDateline(datelineBlock) : null;
  return {
    headline,
    body: rest.join('\n\n'),
    published,
    place: dateline?.place ?? null,
    agency: dateline?.agency ?? null,
    byline,
    versionNote,
  };
}
