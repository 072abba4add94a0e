// Any text a user collects — a quote, a note, a headline, a title — must come back whole and
// unchanged when the briefing is read in the program it was exported for: Markdown through a
// CommonMark renderer (markdown-it), HTML through an HTML parser, DOCX through mammoth.
// fast-check with the fixed seed of tests/support/fuzz.ts; the harness itself is proved able
// to fail in fuzz-harness.test.ts.
import { describe, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import mammoth from 'mammoth';
import { articleText, checkTextRoundTrip, htmlText } from '../support/fuzz.ts';
import type { Briefing, BriefingEntry, Citation } from '../../src/engine/briefings/model.ts';
import { renderMarkdown } from '../../src/engine/briefings/markdown.ts';
import { renderHtml } from '../../src/engine/briefings/html.ts';
import { renderDocx } from '../../src/engine/briefings/docx.ts';

type Field = 'quote' | 'note' | 'speaker' | 'headline' | 'agency' | 'title' | 'intro' | 'section';

/** A one-quote briefing with `text` in one field and plain words everywhere else. */
function briefingWith(field: Field, text: string): Briefing {
  const citation: Citation = {
    n: 1,
    agency: field === 'agency' ? text : 'Interfax',
    headline: field === 'headline' ? text : 'Kremlin comments',
    published: '2022-03-21T12:47',
    place: 'MOSCOW',
    articleId: 7,
    link: 'wirebench://article/7',
  };
  const entry: BriefingEntry = {
    text: field === 'quote' ? text : 'We are not going to comment.',
    speaker: field === 'speaker' ? text : 'Dmitry Peskov',
    description: 'Kremlin spokesman',
    note: field === 'note' ? text : '',
    tags: [],
    status: 'ok',
    citation,
    start: 10,
    end: 40,
  };
  return {
    title: field === 'title' ? text : 'Statements',
    author: 'A. Analyst',
    date: '21 March 2022',
    intro: field === 'intro' ? text : '',
    sections: [{ heading: field === 'section' ? text : 'Peskov', entries: [entry] }],
    sources: [citation],
    generatedAt: '2022-03-22T09:00:00.000Z',
    collectionName: 'Kremlin',
  };
}

// Titles, names and headings are one line in the app; quotes, notes and the introduction
// can hold paragraphs.
const ONE_LINE: Field[] = ['speaker', 'headline', 'agency', 'title', 'section'];
const FIELDS: Field[] = ['quote', 'note', 'intro', ...ONE_LINE];
const textFor = (field: Field) => (ONE_LINE.includes(field) ? articleText({ controls: true }).map((t) => t.replace(/[\r\n]+/g, ' ')) : articleText({ controls: true }));

const markdown = new MarkdownIt({ html: false, linkify: false });

describe('briefing exporters keep any text', () => {
  for (const field of FIELDS) {
    it(`Markdown: the ${field}`, async () => {
      await checkTextRoundTrip({ render: (t) => renderMarkdown(briefingWith(field, t)), extract: (md) => htmlText(markdown.render(md)), text: textFor(field), numRuns: 200 });
    });
    it(`HTML: the ${field}`, async () => {
      await checkTextRoundTrip({ render: (t) => renderHtml(briefingWith(field, t)), extract: htmlText, text: textFor(field), numRuns: 200 });
    });
    it(`DOCX: the ${field}`, async () => {
      await checkTextRoundTrip({
        render: (t) => renderDocx(briefingWith(field, t)),
        extract: async (bytes) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value,
        text: textFor(field),
        numRuns: 60,
      });
    }, 60_000);
  }
});
