// Briefing → Markdown. Pure: the same briefing always gives the same text.
import { citationLine, cleanBriefing, type Briefing } from './model.ts';

const STATUS_NOTE = { ok: '', source_changed: ' (the source article has changed since this was collected)', source_removed: ' (the source article is no longer in the corpus)' } as const;

/** Text that Markdown would read as markup is escaped. */
export function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|&~!])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

export function renderMarkdown(briefing: Briefing): string {
  const b = cleanBriefing(briefing);
  const out: string[] = [`# ${mdEscape(b.title)}`, ''];
  const byline = [b.author && `By ${b.author}`, b.date].filter(Boolean).map((s) => mdEscape(s as string));
  if (byline.length) out.push(`*${byline.join(' · ')}*`, '');
  if (b.intro) out.push(...b.intro.split(/\n\s*\n/).flatMap((p) => [mdEscape(p.trim()), '']));
  for (const section of b.sections) {
    if (section.heading) out.push(`## ${mdEscape(section.heading)}`, '');
    for (const e of section.entries) {
      const quote = e.text.split(/\n\s*\n/).map((p) => `> ${mdEscape(p.replace(/\s*\n\s*/g, ' ').trim())}`).join('\n>\n');
      out.push(quote);
      const who = [e.speaker, e.description].filter(Boolean).map((s) => mdEscape(s!)).join(', ');
      const cite = `${mdEscape(citationLine(e.citation))} [${e.citation.n}]`;
      out.push('>', `> — ${who ? `${who}; ` : ''}${cite}${STATUS_NOTE[e.status]}`, '');
      if (e.note) out.push(`Note: ${mdEscape(e.note)}`, '');
      if (e.tags.length) out.push(`Tags: ${e.tags.map(mdEscape).join(', ')}`, '');
    }
  }
  out.push('## Sources', '');
  for (const c of b.sources) {
    const parts = [citationLine(c)].map((s) => mdEscape(s!));
    out.push(`${c.n}. ${parts.join(', ')}${c.link ? ` — <${c.link}>` : ' — no longer in the corpus'}`);
  }
  out.push('', `*Exported from Wirebench, collection “${mdEscape(b.collectionName)}”, on ${b.generatedAt.slice(0, 10)}.*`, '');
  return out.join('\n');
}
