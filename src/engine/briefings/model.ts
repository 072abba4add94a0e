// The briefing as data: what every exporter renders. Built from a collection and its
// settings by a pure function, so the exporters are pure functions of this model.
import type { BriefingSettings, Collection, CollectionItem, ItemStatus } from '../../shared/api.ts';

export interface Citation {
  /** Number in the sources list. */
  n: number;
  agency: string | null;
  headline: string;
  published: string | null;
  place: string | null;
  articleId: number | null;
  /** A link that opens the article in Wirebench, at the quote when there is one. */
  link: string | null;
}

export interface BriefingEntry {
  text: string;
  speaker: string | null;
  description: string | null;
  note: string;
  tags: string[];
  status: ItemStatus;
  citation: Citation;
  /** Offsets in the article, for the link. */
  start: number;
  end: number;
}

export interface BriefingSection {
  heading: string | null;
  entries: BriefingEntry[];
}

export interface Briefing {
  title: string;
  author: string;
  date: string;
  intro: string;
  sections: BriefingSection[];
  sources: Citation[];
  /** "Exported from Wirebench on …": when the file was made (ISO 8601). */
  generatedAt: string;
  collectionName: string;
}

/**
 * Text every export format can carry: C0 controls (other than tab and line breaks), lone
 * surrogates and the non-characters U+FFFE/U+FFFF removed. XML (DOCX) cannot hold them at
 * all, CommonMark turns NUL into U+FFFD, and no reader would see them anyway.
 */
export function exportableText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}

/** The briefing with every piece of text made exportable (see exportableText). */
export function cleanBriefing(b: Briefing): Briefing {
  const t = exportableText;
  const tn = (s: string | null): string | null => (s === null ? null : t(s));
  const cites = new Map<Citation, Citation>();
  const cite = (c: Citation): Citation => {
    let out = cites.get(c);
    if (!out) cites.set(c, (out = { ...c, agency: tn(c.agency), headline: t(c.headline), published: tn(c.published), place: tn(c.place) }));
    return out;
  };
  return {
    ...b,
    title: t(b.title),
    author: t(b.author),
    date: t(b.date),
    intro: t(b.intro),
    collectionName: t(b.collectionName),
    sources: b.sources.map(cite),
    sections: b.sections.map((s) => ({
      heading: tn(s.heading),
      entries: s.entries.map((e) => ({ ...e, text: t(e.text), speaker: tn(e.speaker), description: tn(e.description), note: t(e.note), tags: e.tags.map(t), citation: cite(e.citation) })),
    })),
  };
}

export function articleLink(articleId: number, start?: number, end?: number): string {
  return `wirebench://article/${articleId}${start !== undefined && end !== undefined ? `?start=${start}&end=${end}` : ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022-03-21T12:47" → "21 March 2022, 12:47" (the source's own clock, unshifted). */
export function citationDate(published: string | null): string | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(published);
  if (!m) return published;
  const date = m[3] ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] ? `${date}, ${m[4]}:${m[5]}` : date;
}

/** "Interfax, “Headline”, Moscow, 21 March 2022, 12:47" */
export function citationLine(c: Citation): string {
  const place = c.place ? c.place.charAt(0) + c.place.slice(1).toLowerCase() : null;
  return [c.agency, `“${c.headline}”`, place, citationDate(c.published)].filter(Boolean).join(', ');
}

export function buildBriefing(collection: Pick<Collection, 'name' | 'itemList'> & { briefing: BriefingSettings }, generatedAt: Date = new Date()): Briefing {
  const settings = collection.briefing;
  const sources: Citation[] = [];
  const byKey = new Map<string, Citation>();
  const entries = collection.itemList.map((item): BriefingEntry => {
    const key = item.articleId !== null ? `a${item.articleId}` : `h${item.headline}\u0000${item.published ?? ''}\u0000${item.agency ?? ''}`;
    let citation = byKey.get(key);
    if (!citation) {
      citation = {
        n: sources.length + 1,
        agency: item.agency,
        headline: item.headline,
        published: item.published,
        place: item.place,
        articleId: item.articleId,
        link: item.articleId !== null ? articleLink(item.articleId) : null,
      };
      sources.push(citation);
      byKey.set(key, citation);
    }
    return { text: item.text, speaker: item.speaker, description: item.description, note: item.note, tags: item.tags, status: item.status, citation, start: item.start, end: item.end };
  });
  return {
    title: settings.title.trim() || collection.name,
    author: settings.author.trim(),
    date: settings.date.trim(),
    intro: settings.intro.trim(),
    sections: group(entries, collection.itemList, settings.groupBy),
    sources,
    generatedAt: generatedAt.toISOString(),
    collectionName: collection.name,
  };
}

function group(entries: BriefingEntry[], items: CollectionItem[], by: BriefingSettings['groupBy']): BriefingSection[] {
  if (by === 'none' || entries.length === 0) return [{ heading: null, entries }];
  const sections = new Map<string, BriefingEntry[]>();
  const push = (heading: string, e: BriefingEntry): void => {
    const list = sections.get(heading) ?? [];
    list.push(e);
    sections.set(heading, list);
  };
  entries.forEach((e, k) => {
    const item = items[k]!;
    if (by === 'section') push(item.section || 'Other', e);
    else if (by === 'speaker') push(e.speaker ?? 'Unattributed', e);
    else if (by === 'tag') push(e.tags[0] ?? 'Untagged', e);
    else push(citationDate(e.citation.published?.slice(0, 10) ?? null) ?? 'Undated', e);
  });
  let list = [...sections].map(([heading, es]) => ({ heading, entries: es }));
  // Dates read in order; the other groupings keep the order in which the collection has them.
  if (by === 'date') {
    const dateOf = (s: BriefingSection): string => s.entries[0]!.citation.published ?? '9999';
    list = list.sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  }
  return list;
}
