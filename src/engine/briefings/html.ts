// Briefing → one self-contained HTML file (styles inline, no external resources), also the
// page the PDF is printed from. Pure, and every piece of text is escaped.
import { citationLine, cleanBriefing, type Briefing } from './model.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESC[c]!);

const STATUS = { ok: '', source_changed: 'The source article has changed since this was collected.', source_removed: 'The source article is no longer in the corpus.' } as const;

const STYLE = `
  @page { size: A4; margin: 22mm 20mm; }
  html { font-family: "Source Serif 4", "Georgia", "DejaVu Serif", serif; color: #1d1c1a; background: #fff; }
  body { max-width: 46em; margin: 2.5em auto; padding: 0 1.5em; line-height: 1.5; font-size: 11.5pt; }
  h1 { font-size: 24pt; line-height: 1.15; margin: 0 0 .3em; letter-spacing: -.01em; }
  h2 { font-size: 14pt; margin: 1.8em 0 .6em; padding-bottom: .25em; border-bottom: 1px solid #d9d5cc; }
  .byline { color: #5c5a55; margin: 0 0 1.6em; font-family: "Inter", "Helvetica", "DejaVu Sans", sans-serif; font-size: 10pt; }
  .intro p { margin: 0 0 .8em; }
  figure { margin: 0 0 1.4em; break-inside: avoid; }
  blockquote { margin: 0; padding: .1em 0 .1em 1em; border-left: 3px solid #b4532a; }
  blockquote p { margin: 0 0 .5em; }
  figcaption { margin: .35em 0 0 1.25em; font-size: 10pt; color: #45433f; font-family: "Inter", "Helvetica", "DejaVu Sans", sans-serif; }
  figcaption .speaker { font-weight: 600; color: #1d1c1a; }
  .note { margin: .35em 0 0 1.25em; font-size: 10pt; font-style: italic; }
  .flag { margin: .35em 0 0 1.25em; font-size: 9.5pt; color: #9a3412; }
  a { color: #8a3a17; }
  ol.sources { list-style: none; padding-left: 0; font-size: 10pt; }
  ol.sources li { margin-bottom: .35em; padding-left: 1.6em; text-indent: -1.6em; }
  ol.sources .n { display: inline-block; width: 1.6em; text-indent: 0; }
  footer { margin-top: 2.5em; font-size: 8.5pt; color: #77746d; font-family: "Inter", "Helvetica", "DejaVu Sans", sans-serif; }
`;

export function renderHtml(briefing: Briefing): string {
  const b = cleanBriefing(briefing);
  const body: string[] = [];
  body.push(`<h1>${esc(b.title)}</h1>`);
  const byline = [b.author && `By ${b.author}`, b.date].filter(Boolean) as string[];
  if (byline.length) body.push(`<p class="byline">${byline.map(esc).join(' · ')}</p>`);
  if (b.intro) body.push(`<div class="intro">${b.intro.split(/\n\s*\n/).map((p) => `<p>${esc(p.trim())}</p>`).join('')}</div>`);
  for (const section of b.sections) {
    if (section.heading) body.push(`<h2>${esc(section.heading)}</h2>`);
    for (const e of section.entries) {
      const paras = e.text.split(/\n\s*\n/).map((p) => `<p>${esc(p.replace(/\s*\n\s*/g, ' ').trim())}</p>`).join('');
      const who = e.speaker ? `<span class="speaker">${esc(e.speaker)}</span>${e.description ? `, ${esc(e.description)}` : ''}; ` : '';
      const link = e.citation.articleId !== null ? ` <a href="${esc(`wirebench://article/${e.citation.articleId}?start=${e.start}&end=${e.end}`)}">[${e.citation.n}]</a>` : ` [${e.citation.n}]`;
      body.push(
        `<figure><blockquote>${paras}</blockquote><figcaption>— ${who}${esc(citationLine(e.citation))}${link}</figcaption>` +
          (e.note ? `<p class="note">Note: ${esc(e.note)}</p>` : '') +
          (STATUS[e.status] ? `<p class="flag">${esc(STATUS[e.status])}</p>` : '') +
          `</figure>`,
      );
    }
  }
  body.push('<h2>Sources</h2><ol class="sources">');
  for (const c of b.sources) {
    const parts = [citationLine(c)] as string[];
    body.push(`<li><span class="n">${c.n}.</span>${esc(parts.join(', '))}${c.link ? ` — <a href="${esc(c.link)}">open in Wirebench</a>` : ' — no longer in the corpus'}</li>`);
  }
  body.push('</ol>');
  body.push(`<footer>Exported from Wirebench, collection “${esc(b.collectionName)}”, on ${esc(b.generatedAt.slice(0, 10))}.</footer>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Wirebench"><title>${esc(b.title)}</title><style>${STYLE}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
