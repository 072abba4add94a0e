import { expect, test } from './support/fixtures.ts';

test('the demo corpus loads from the empty state and its sources and licences are shown', async ({ app, shoot }) => {
  await app.loadDemo();
  const counts = await app.importDialog.counts();
  expect(counts.imported).toBeGreaterThan(50);
  expect(counts.failed).toBe(0);
  await app.importDialog.close();
  await expect(app.emptyState).toBeHidden();
  expect(await app.count()).toBe(counts.imported);

  // The attribution the licences require: every source with its licence and credit, and
  // each article linked to its original.
  const about = await app.openAbout();
  await expect(about.sources).toBeVisible();
  await expect(about.sources).toContainText('CC BY');
  await expect(about.sources.getByRole('link', { name: /CC BY/ }).first()).toHaveAttribute('href', /creativecommons\.org/);
  const credits = about.credits.getByRole('listitem');
  expect(await credits.count()).toBe(counts.imported);
  await expect(credits.first().getByRole('link')).toHaveAttribute('href', /^https?:\/\//);
  await shoot('about-sources');
  await about.close();

  // The list is virtualised and pages of 50 are fetched as it scrolls: the last row loads too.
  await app.results.focus();
  await app.page.keyboard.press('End');
  const last = app.results.locator(`[role="option"][aria-posinset="${counts.imported}"]`);
  await expect(last.getByRole('heading')).toBeVisible();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  expect(await app.results.getByRole('option').count()).toBeLessThan(40);
  await app.page.keyboard.press('Home');
  await expect(app.result(0)).toHaveAttribute('aria-posinset', '1');

  // A demo article carries its own credit line in the reader.
  await app.open(0);
  const credit = app.reader.region.getByRole('complementary', { name: 'Source and licence' });
  await expect(credit).toBeVisible();
  await credit.scrollIntoViewIfNeeded();
  await shoot('reader-demo-credit');
});
