// The desktop app, driven through the same page models as the web tests. Skips when no
// Electron binary is installed (see support/electron-app.ts).
import { CollectionsPage } from '../e2e/pages/collections-page.ts';
import { QuotesPage } from '../e2e/pages/quotes-page.ts';
import { FIXTURES, QUOTE_FIXTURES } from '../e2e/support/server.ts';
import { expect, test } from './support/electron-app.ts';

test('a fresh data folder opens on the welcome panel, and About names the data folder', async ({ app, dataDir, shoot }) => {
  await expect(app.emptyState).toBeVisible();
  await expect(app.emptyState.getByRole('button', { name: 'Import a folder…' })).toBeEnabled();
  await shoot('empty-state');
  const about = await app.openAbout();
  await expect(about.dataDir).toHaveText(dataDir);
  await expect(about.dialog).toContainText('Desktop app');
  await about.close();
});

test('folders chosen in the native picker are imported with progress and a summary', async ({ app, shoot }) => {
  const dialog = await app.openImportDialog();
  await expect(dialog.chooseButton).toBeVisible();
  await dialog.choose([FIXTURES]);
  await dialog.start();
  await dialog.waitForSummary();
  await shoot('import-summary');
  const counts = await dialog.counts();
  expect(counts.imported).toBeGreaterThan(5);
  expect(counts.duplicates).toBeGreaterThanOrEqual(1);
  await dialog.close();
  expect(await app.count()).toBe(counts.imported);
});

test('search, read with highlights, step through matches, and survive a malformed query', async ({ app }) => {
  await app.importFolders([FIXTURES]);
  await app.searchFor('"prime minister"');
  expect(await app.count()).toBeGreaterThanOrEqual(3);
  await expect(app.result(0).locator('mark').first()).toHaveText(/prime minister/i);

  await app.resultByHeadline(/Boris Johnson/).click();
  const { total } = await app.reader.matchPosition();
  await expect(app.reader.marks.first()).toHaveText(/prime minister/i);
  await app.reader.press('n');
  await expect(app.reader.counter).toHaveText(total > 1 ? `2 of ${total}` : `1 of ${total}`);
  await app.reader.press('Shift+N');
  await expect(app.reader.counter).toHaveText(`1 of ${total}`);

  await app.search('(peace AND');
  await expect(app.queryProblem).toBeVisible();
  await expect(app.results).toBeVisible();
});

test('the demo corpus loads and its attribution is shown', async ({ app }) => {
  await app.loadDemo();
  await app.importDialog.close();
  expect(await app.count()).toBeGreaterThan(50);
  const about = await app.openAbout();
  await expect(about.sources).toContainText('CC BY');
  await about.close();
});

test('quotes by speaker open their article at the quote, and can be collected for a briefing', async ({ app }) => {
  await app.importFolders([QUOTE_FIXTURES]);
  const quotes = new QuotesPage(app.page);
  await quotes.open();
  await quotes.search('speaker:Песков');
  await quotes.openQuote('the experts have exchanged new drafts');
  await expect(quotes.focused).toHaveText('the experts have exchanged new drafts');
  await quotes.collect('the experts have exchanged new drafts', { newName: 'Peskov' });
  const collections = new CollectionsPage(app.page);
  await collections.open();
  await expect(collections.items).toHaveCount(1);
  await expect(collections.briefing.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
});
