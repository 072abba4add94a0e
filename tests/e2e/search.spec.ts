import { expect, test } from './support/fixtures.ts';
import { FIXTURES } from './support/server.ts';

test.beforeEach(async ({ app }) => {
  await app.importFolders([FIXTURES]);
});

test('a phrase search shows marked snippets, and the reader highlights every match', async ({ app, page, shoot }) => {
  await app.searchFor('"prime minister"');
  const total = await app.count();
  expect(total).toBeGreaterThanOrEqual(3);

  // Snippets mark the phrase (rendered as text nodes, un-escaped).
  const firstMark = app.result(0).locator('mark').first();
  await expect(firstMark).toHaveText(/prime minister/i);

  // Open the Johnson call: three mentions in its text.
  await app.resultByHeadline(/Boris Johnson/).click();
  const reader = app.reader;
  await expect(reader.headline).toContainText('Boris Johnson');
  await expect(reader.meta).toContainText('2021');
  const { current, total: matches } = await reader.matchPosition();
  expect(current).toBe(1);
  expect(matches).toBeGreaterThanOrEqual(2);
  await expect(reader.marks.first()).toHaveText(/prime minister/i);
  await expect(reader.currentMark).toHaveCount(1);
  await expect(reader.currentMark).toBeInViewport();
  await shoot('reader-highlights');

  // n / Shift+N, F3 / Shift+F3 and the buttons walk through the matches, wrapping around.
  await reader.press('n');
  await expect(reader.counter).toHaveText(`2 of ${matches}`);
  await expect(reader.currentMark).toHaveAttribute('data-match-index', '1');
  await reader.press('Shift+N');
  await expect(reader.counter).toHaveText(`1 of ${matches}`);
  await reader.press('Shift+N');
  await expect(reader.counter).toHaveText(`${matches} of ${matches}`);
  await expect(reader.currentMark).toBeInViewport();
  await page.keyboard.press('F3');
  await expect(reader.counter).toHaveText(`1 of ${matches}`);
  await page.keyboard.press('Shift+F3');
  await expect(reader.counter).toHaveText(`${matches} of ${matches}`);
  await reader.next.click();
  await expect(reader.counter).toHaveText(`1 of ${matches}`);
  await reader.previous.click();
  await expect(reader.counter).toHaveText(`${matches} of ${matches}`);

  // "n" typed in the search box is a letter, not a shortcut.
  await app.searchBox.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' n');
  await expect(app.searchBox).toHaveValue('"prime minister" n');
});

test('results follow typing, and the keyboard moves through them', async ({ app, page }) => {
  await app.searchBox.click();
  await page.keyboard.type('grain', { delay: 40 });
  await expect(app.results).toHaveAttribute('data-query', 'grain');
  const total = await app.count();
  expect(total).toBeGreaterThanOrEqual(1);

  // "/" focuses the search box from anywhere; ArrowDown goes to the list, Enter opens.
  await page.getByRole('region', { name: 'Reader' }).click();
  await page.keyboard.press('/');
  await expect(app.searchBox).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(app.results).toBeFocused();
  await expect(app.result(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const first = (await app.result(0).getByRole('heading').textContent()) ?? '';
  await expect(app.reader.headline).toHaveText(first);
  if (total > 1) {
    await page.keyboard.press('j');
    await expect(app.result(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('k');
    await expect(app.result(0)).toHaveAttribute('aria-selected', 'true');
    // From the reader, j moves the cursor too (and takes the focus back to the list).
    await app.reader.press('j');
    await expect(app.results).toBeFocused();
    await expect(app.result(1)).toHaveAttribute('aria-selected', 'true');
  }
});

test('a malformed query is explained under the search box, and nothing breaks', async ({ app, shoot }) => {
  await app.searchFor('talks');
  const before = await app.count();
  expect(before).toBeGreaterThan(0);

  await app.search('(peace AND');
  await expect(app.queryProblem).toBeVisible();
  await expect(app.queryProblem).toContainText('This query cannot be read.');
  await expect(app.searchBox).toHaveAttribute('aria-invalid', 'true');
  await shoot('bad-query');
  // The last good results stay.
  expect(await app.count()).toBe(before);
  await expect(app.results).toHaveAttribute('data-query', 'talks');

  // A query the engine can repair runs, with a quiet note on what was done.
  await app.searchFor('"grain corridor');
  await expect(app.queryProblem).toBeHidden();
  await expect(app.searchNotice).toBeVisible();
  expect(await app.count()).toBeGreaterThan(0);

  // Fixing it clears the message and searches again.
  await app.searchFor('(peace AND talks)');
  await expect(app.queryProblem).toBeHidden();
  await expect(app.searchBox).not.toHaveAttribute('aria-invalid', 'true');
});

test('the agency filter, date range and date sort change the results', async ({ app }) => {
  await app.searchFor('');
  const all = await app.count();

  // Agencies come from corpus.stats.
  const agencies = await app.agency.locator('option').allTextContents();
  expect(agencies[0]).toBe('All agencies');
  expect(agencies.length).toBeGreaterThan(1);
  const value = await app.agency.locator('option').nth(1).getAttribute('value');
  await app.agency.selectOption(value!);
  await expect.poll(() => app.count()).toBeLessThan(all);
  const filtered = await app.count();
  for (let i = 0; i < Math.min(filtered, 5); i++) await expect(app.result(i)).toContainText(value!);
  await app.options.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => app.count()).toBe(all);

  // A date range keeps only articles published inside it.
  await app.fromDate.fill('2022-01-01');
  await app.toDate.fill('2022-12-31');
  await expect.poll(() => app.count()).toBeLessThan(all);
  for (const date of await app.dates()) expect(date.startsWith('2022')).toBe(true);
  await app.options.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => app.count()).toBe(all);

  // Sorting by date puts the newest first; relevance puts the best match first.
  await app.searchFor('talks OR negotiations');
  await expect(app.result(0)).toBeVisible();
  await app.sortDate.check();
  await expect(app.resultCount).toContainText('by date');
  const dates = (await app.dates()).filter(Boolean);
  expect(dates.length).toBeGreaterThan(1);
  expect([...dates].sort().reverse()).toEqual(dates);
  await app.sortRelevance.check();
  await expect(app.resultCount).not.toContainText('by date');
});
