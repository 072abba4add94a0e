// Briefing exports open in the real programs: the DOCX is converted to text by LibreOffice
// (Debian libreoffice-writer), the PDF read back with pdftotext (poppler-utils); both texts
// must hold every quote and citation of the collection. Markdown and HTML are pure functions
// of the briefing model.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/shared/api.ts';
import { createClient } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { renderHtml } from '../../src/engine/briefings/html.ts';
import { renderMarkdown } from '../../src/engine/briefings/markdown.ts';
import { buildBriefing, citationLine } from '../../src/engine/briefings/model.ts';
import { chromiumPath } from '../../src/engine/briefings/pdf.ts';
import { REPO, suiteTempDir } from '../support/temp.ts';

const QUOTES = path.join(REPO, 'tests/fixtures/quotes');
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
// CI installs these (.ci/run); elsewhere a missing program skips its test, saying so.
const required = Boolean(process.env.CI);
const soffice = has('soffice') || required;
const pdftotext = has('pdftotext') || required;
const chromium = chromiumPath() !== null || required;

/** Whitespace-insensitive: line breaks in a PDF fall anywhere. */
const flat = (s: string): string => s.replace(/\s+/g, ' ').replace(/\u00ad/g, '').trim();

let dir: string;
let collection: Collection;

beforeAll(async () => {
  dir = suiteTempDir();
  const engine = createEngine({ dataDir: path.join(dir, 'data'), log: () => {} });
  const api = createClient(engine);
  await api.call('import.run', { paths: [QUOTES] });
  const quotes = await api.call('quotes.search', { query: 'speaker:Peskov', sort: 'article', limit: 20 });
  const c = await api.call('collections.create', { name: 'Peskov on the talks' });
  const { items } = await api.call('collections.addItems', { collectionId: c.id, items: quotes.quotes.map((q) => ({ quoteId: q.id })) });
  await api.call('collections.updateItem', { itemId: items[0]!.id, note: 'Compare with Friday <b>briefing</b> & notes', tags: ['summit'] });
  await api.call('collections.setBriefing', { id: c.id, briefing: { title: 'Peskov on the talks, March 2022', author: 'Research desk', date: '2022-03-24', intro: 'What the Kremlin said about the talks.\n\nAll quotes verbatim.', groupBy: 'date' } });
  for (const format of ['md', 'html', 'docx', 'pdf'] as const) {
    if (format === 'pdf' && !chromium) continue;
    await api.call('briefing.export', { collectionId: c.id, format, path: path.join(dir, `brief.${format}`) });
  }
  collection = await api.call('collections.get', { id: c.id });
  await engine.close();
}, 120_000);

function expectCollectionIn(text: string): void {
  const t = flat(text);
  expect(t).toContain('Peskov on the talks, March 2022');
  expect(t).toContain('Research desk');
  for (const item of collection.itemList) {
    expect(t).toContain(flat(item.text).replace(/"/g, '').slice(0, 60).trim() === '' ? '' : flat(item.text.split(/\n\s*\n/)[0]!).slice(0, 60));
    expect(t).toContain(flat(citationLine({ n: 0, agency: item.agency, headline: item.headline, published: item.published, place: item.place, articleId: item.articleId, link: null })));
  }
  expect(t).toContain('Sources');
  expect(t).toMatch(/1\. Interfax/);
  expect(t).toMatch(/2\. ТАСС/);
}

describe('briefing export', () => {
  it('writes Markdown and HTML as pure functions of the briefing, with every quote cited and all text escaped', () => {
    const briefing = buildBriefing(collection, new Date('2022-03-24T10:00:00Z'));
    expect(briefing.sections.map((s) => s.heading)).toEqual(['22 March 2022', '23 March 2022']);
    expect(renderMarkdown(briefing)).toBe(renderMarkdown(briefing));
    const md = fs.readFileSync(path.join(dir, 'brief.md'), 'utf8');
    expectCollectionIn(md.replace(/\\([\\`*_[\]<>#|])/g, '$1'));
    expect(md).toContain('\\<b\\>briefing\\</b\\>');
    const html = fs.readFileSync(path.join(dir, 'brief.html'), 'utf8');
    expect(html).toContain('&lt;b&gt;briefing&lt;/b&gt; &amp; notes');
    expect(html).not.toMatch(/<(?:script|link|img)\b/i); // self-contained, nothing to fetch
    expect(html).toContain(`wirebench://article/${collection.itemList[0]!.articleId}?start=${collection.itemList[0]!.start}&amp;end=${collection.itemList[0]!.end}`);
    expect(renderHtml(briefing)).toContain('<h2>22 March 2022</h2>');
    expectCollectionIn(html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
  });

  it.skipIf(!soffice)('writes a DOCX that LibreOffice opens, holding every quote and citation', () => {
    const out = path.join(dir, 'lo');
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, path.join(dir, 'brief.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(converted.status, converted.stderr).toBe(0);
    const text = fs.readFileSync(path.join(out, 'brief.txt'), 'utf8');
    expectCollectionIn(text);
    expect(text).toContain('Note: Compare with Friday <b>briefing</b> & notes');
  }, 150_000);

  it.skipIf(!pdftotext || !chromium)('writes a PDF through Chromium that pdftotext reads back, holding every quote and citation', () => {
    const pdf = path.join(dir, 'brief.pdf');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const read = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expectCollectionIn(read.stdout);
  });
});
