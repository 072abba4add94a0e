import fs from 'node:fs';
import path from 'node:path';
import { SearchTools } from './pages/search-tools.ts';
import { expect, test } from './support/fixtures.ts';
import { FIXTURES } from './support/server.ts';

test.beforeEach(async ({ app }) => {
  await app.importFolders([FIXTURES]);
});

test('facets count the matches and filter on a click; the histogram brush sets the dates', async ({ app, page, shoot }) => {
  const tools = new SearchTools(page);
  await app.searchFor('grain OR talks OR зерна');
  const before = await app.count();
  await expect(tools.facetValue('agency', /Reuters/)).toBeVisible();
  await tools.facetValue('agency', /Reuters/).click();
  await expect(app.agency).toHaveValue('Reuters');
  await expect.poll(() => app.count()).toBeLessThan(before);
  await tools.facetValue('agency', /Reuters/).click();
  await expect(app.agency).toHaveValue('');
  await expect(tools.facetValue('language', /Ukrainian/)).toBeVisible();
  // Titles and values never overlap (styles of another view once squeezed them together).
  expect(await tools.facetLayoutProblems()).toEqual([]);
  await shoot('facets');
  await tools.brush(page, 0.02, 0.98);
  await expect(app.fromDate).not.toHaveValue('');
  await expect(app.toDate).not.toHaveValue('');
});

test('the syntax help, suggestions, saved searches, history and export work from the search box', async ({ app, page, dataDir }) => {
  const tools = new SearchTools(page);
  await tools.helpButton.click();
  await expect(tools.help).toContainText('NEAR/5');
  await expect(tools.help).toContainText('date:2022-03');
  await page.keyboard.press('Escape');
  await expect(tools.help).toBeHidden();

  await app.searchBox.fill('Reut');
  await expect(tools.suggestions).toBeVisible();
  await tools.suggestions.getByRole('option', { name: /Agency\s*Reuters/ }).click();
  await expect(app.searchBox).toHaveValue('agency:Reuters ');
  await app.searchBox.press('Enter');
  await expect.poll(() => app.count()).toBeGreaterThan(0);

  await tools.menuButton.click();
  await tools.menu.getByLabel('Name for the current search').fill('Reuters wires');
  await tools.menu.getByRole('button', { name: 'Save' }).click();
  await expect(tools.menu.getByTestId('saved-searches')).toContainText('Reuters wires');
  await expect(tools.menu.getByTestId('search-history')).toContainText('agency:Reuters');
  await page.keyboard.press('Escape');

  await app.searchBox.fill('');
  await tools.menuButton.click();
  await tools.menu.getByRole('button', { name: /^Reuters wires/ }).click();
  await expect(app.searchBox).toHaveValue('agency:Reuters');

  await tools.menuButton.click();
  await tools.menu.getByRole('button', { name: 'Export all results…' }).click();
  const file = path.join(dataDir, 'reuters.csv');
  await tools.exportDialog.getByLabel('File to write').fill(file);
  await tools.exportDialog.getByRole('button', { name: 'Export' }).click();
  await expect(tools.exportDialog.getByTestId('export-done')).toContainText(file);
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
  expect(lines.length - 1).toBe(await app.count());
});
