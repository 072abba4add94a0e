// From a folder of articles to a cited briefing about one speaker, in the window.
import fs from 'node:fs';
import path from 'node:path';
import { CollectionsPage } from './pages/collections-page.ts';
import { QuotesPage } from './pages/quotes-page.ts';
import { expect, test } from './support/fixtures.ts';
import { FIXTURES, QUOTE_FIXTURES } from './support/server.ts';

test('quotes: search by speaker in any script, facets, timeline, and a quote opens its article at the quote', async ({ app, page, shoot }) => {
  await app.importFolders([FIXTURES, QUOTE_FIXTURES]);
  const quotes = new QuotesPage(page);
  await quotes.open();
  await quotes.search('speaker:Песков');
  await expect(quotes.count).toHaveText(/^\d+ quotes$/);
  await expect(quotes.speakers.getByRole('button', { name: /Dmitry Peskov/ })).toBeVisible();
  await expect(quotes.timeline.locator('.timeline-bar')).not.toHaveCount(0);
  await quotes.search('speaker:Peskov drafts');
  await expect(quotes.list.getByRole('listitem')).toHaveCount(1);
  await quotes.openQuote('the experts have exchanged new drafts');
  await expect(quotes.focused).toHaveText('the experts have exchanged new drafts');
  await expect(quotes.focused).toBeInViewport();
  // A facet narrows to one speaker and back.
  await quotes.search('');
  await quotes.speakers.getByRole('button', { name: /Anna Weiss/ }).click();
  await expect(quotes.searchBox).toHaveValue('speaker:"Anna Weiss"');
  await expect(quotes.list.getByRole('listitem')).toHaveCount(2);
  await quotes.search('talks OR');
  await expect(page.locator('.quotes-problem')).toContainText('OR');
  await quotes.search('speaker:Peskov');
  await shoot('quotes-view');
});

test('collections: collect quotes and a selected passage, reorder by dragging, undo and redo, and export a briefing', async ({ app, page, shoot }) => {
  await app.importFolders([QUOTE_FIXTURES]);
  const quotes = new QuotesPage(page);
  await quotes.open();
  await quotes.search('speaker:Peskov');
  await quotes.collect('The work continues every day', { newName: 'Peskov on the talks', note: 'Lead quote', tags: 'talks, tempo' });
  await quotes.collect('There is no date');
  await quotes.collect('Сроков мы не ставим');

  // A passage selected in the reader, through the popover.
  await quotes.openQuote('There is no date');
  await quotes.selectParagraph(0);
  const popover = quotes.reader.getByRole('form', { name: 'Add to collection' });
  await expect(popover).toBeVisible();
  await popover.getByLabel('Note').fill('the lead paragraph');
  await popover.getByRole('button', { name: 'Add' }).click();
  await expect(popover).toBeHidden();

  const collections = new CollectionsPage(page);
  await collections.open();
  await expect(collections.items).toHaveCount(4);
  const before = await collections.itemTexts();
  expect(before[0]).toContain('The work continues every day');
  expect(before[3]).toMatch(/^MOSCOW\. March 22 \(Interfax\) - The delegations will keep working/);
  await expect(collections.items.first().getByLabel('Note')).toHaveValue('Lead quote');

  // Drag the last item to the top.
  await collections.drag(3, 0);
  await expect.poll(() => collections.itemTexts()).toEqual([before[3], before[0], before[1], before[2]]);
  // Undo with the keyboard, redo with the button; both survive a reload.
  await page.keyboard.press('Control+z');
  await expect.poll(() => collections.itemTexts()).toEqual(before);
  await page.reload();
  await collections.open();
  await expect(collections.redoButton).toBeEnabled();
  await collections.redoButton.click();
  await expect.poll(() => collections.itemTexts()).toEqual([before[3], before[0], before[1], before[2]]);

  // The briefing: title, author, sections by speaker, and exports as downloads.
  await collections.field('Title').fill('Peskov on the talks, March 2022');
  await collections.field('Author').fill('Research desk');
  await collections.briefing.getByLabel('Sections').selectOption('speaker');
  await shoot('collections-view');
  for (const [button, ext] of [['Export PDF', 'pdf'], ['Export Word', 'docx'], ['Export Markdown', 'md']] as const) {
    const download = page.waitForEvent('download');
    await collections.briefing.getByRole('button', { name: button }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`peskov-on-the-talks-march-2022.${ext}`);
    const saved = path.join(test.info().outputDir, file.suggestedFilename());
    await file.saveAs(saved);
    const head = fs.readFileSync(saved).subarray(0, 4).toString('latin1');
    expect(head).toBe(ext === 'pdf' ? '%PDF' : ext === 'docx' ? 'PK\u0003\u0004' : '# Pe');
    if (ext === 'md') {
      const md = fs.readFileSync(saved, 'utf8');
      expect(md).toContain('## Dmitry Peskov');
      expect(md).toContain('Research desk');
      expect(md).toContain('Lead quote');
    }
  }
});
