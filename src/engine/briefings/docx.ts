// Briefing → DOCX bytes with the docx package: headings, quotes as indented paragraphs,
// citations with links back to Wirebench, and a numbered sources list. Pure (no files).
import { AlignmentType, BorderStyle, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { citationLine, cleanBriefing, type Briefing } from './model.ts';

const STATUS = { ok: '', source_changed: 'The source article has changed since this was collected.', source_removed: 'The source article is no longer in the corpus.' } as const;

export async function renderDocx(briefing: Briefing): Promise<Uint8Array> {
  const b = cleanBriefing(briefing);
  const children: Paragraph[] = [new Paragraph({ text: b.title, heading: HeadingLevel.TITLE })];
  const byline = [b.author && `By ${b.author}`, b.date].filter(Boolean).join(' · ');
  if (byline) children.push(new Paragraph({ children: [new TextRun({ text: byline, italics: true, color: '5C5A55' })], spacing: { after: 240 } }));
  for (const p of b.intro ? b.intro.split(/\n\s*\n/) : []) children.push(new Paragraph({ text: p.trim(), spacing: { after: 160 } }));
  for (const section of b.sections) {
    if (section.heading) children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 160 } }));
    for (const e of section.entries) {
      for (const p of e.text.split(/\n\s*\n/)) {
        children.push(
          new Paragraph({
            children: [new TextRun({ text: p.replace(/\s*\n\s*/g, ' ').trim(), size: 23 })],
            indent: { left: 360 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'B4532A', space: 8 } },
            spacing: { after: 80 },
          }),
        );
      }
      const who = e.speaker ? [new TextRun({ text: `— ${e.speaker}`, bold: true }), new TextRun({ text: `${e.description ? `, ${e.description}` : ''}; ` })] : [new TextRun({ text: '— ' })];
      const cite = new TextRun({ text: `${citationLine(e.citation)} ` });
      const n = `[${e.citation.n}]`;
      const ref = e.citation.articleId !== null
        ? new ExternalHyperlink({ link: `wirebench://article/${e.citation.articleId}?start=${e.start}&end=${e.end}`, children: [new TextRun({ text: n, style: 'Hyperlink' })] })
        : new TextRun({ text: n });
      children.push(new Paragraph({ children: [...who, cite, ref], indent: { left: 360 }, spacing: { after: e.note || STATUS[e.status] ? 60 : 240 } }));
      if (e.note) children.push(new Paragraph({ children: [new TextRun({ text: `Note: ${e.note}`, italics: true })], indent: { left: 360 }, spacing: { after: STATUS[e.status] ? 60 : 240 } }));
      if (STATUS[e.status]) children.push(new Paragraph({ children: [new TextRun({ text: STATUS[e.status], color: '9A3412' })], indent: { left: 360 }, spacing: { after: 240 } }));
    }
  }
  children.push(new Paragraph({ text: 'Sources', heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 160 } }));
  for (const c of b.sources) {
    const parts = [citationLine(c)].join(', ');
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${c.n}. ${parts}` }),
          ...(c.link ? [new TextRun({ text: ' — ' }), new ExternalHyperlink({ link: c.link, children: [new TextRun({ text: 'open in Wirebench', style: 'Hyperlink' })] })] : [new TextRun({ text: ' — no longer in the corpus' })]),
        ],
        spacing: { after: 80 },
      }),
    );
  }
  children.push(new Paragraph({ children: [new TextRun({ text: `Exported from Wirebench, collection “${b.collectionName}”, on ${b.generatedAt.slice(0, 10)}.`, size: 16, color: '77746D' })], alignment: AlignmentType.LEFT, spacing: { before: 480 } }));
  const doc = new Document({
    creator: b.author || 'Wirebench',
    title: b.title,
    description: `Briefing from the Wirebench collection “${b.collectionName}”`,
    styles: { default: { document: { run: { font: 'Georgia', size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
