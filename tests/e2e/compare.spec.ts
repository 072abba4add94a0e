import { ComparePage } from './pages/compare-page.ts';
import { expect, test } from './support/fixtures.ts';
import { FIXTURES } from './support/server.ts';

test.beforeEach(async ({ app }) => {
  await app.importFolders([FIXTURES]);
});

test('two versions of a story side by side: summary, aligned rows, changes, quotes, swap and back', async ({ app, page, shoot }) => {
  const compare = new ComparePage(page);
  await app.searchFor('ferry crews');
  expect(await app.count()).toBe(2);

  // Pick both from the results (the row button, then the keyboard shortcut "c").
  await app.result(0).hover();
  await app.result(0).getByRole('button', { name: 'Add to comparison' }).click();
  await app.results.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('c');
  await expect(compare.tray.getByRole('listitem')).toHaveCount(2);
  await compare.compareFromTray();

  await expect(compare.view).toBeVisible();
  await expect(compare.summary).toHaveText(/^\d+% shared text, 2 paragraphs changed, 1 paragraph moved, 1 paragraph only in [AB], 1 quote changed$/);
  // Whichever came first in the results is A; make the original A (the update carries its
  // version marker, which the importer keeps apart from the headline).
  if (await compare.version('A').isVisible()) await compare.swap.click();
  await expect(compare.version('B')).toHaveText('UPDATE 1');
  await expect(compare.version('A')).toHaveCount(0);
  await expect(compare.headline('A')).toHaveText('Ferry crews walk out over pay, stranding island travellers');
  await expect(compare.summary).toContainText('1 paragraph only in B');
  await expect(compare.rowsNoted('only in B')).toContainText('island council');
  await expect(compare.rowsNoted(/^¶\d+moved/).first()).toBeVisible();
  // Word changes inside the changed paragraph: 48 → 72.
  const changed = compare.rowsNoted('changed').filter({ hasText: 'strike would last' });
  await expect(changed.locator('.cmp-del')).toHaveText(['48']);
  await expect(changed.locator('.cmp-ins')).toHaveText(['72']);
  await expect(compare.quotes).toContainText('Quotes worded differently');
  await expect(compare.quotes).toContainText('they will not accept another freeze');
  await shoot('compare-versions');

  // The two columns scroll together: it is one scroll container.
  await expect(page.getByTestId('compare-scroll')).toHaveCount(1);

  await compare.back.click();
  await expect(app.results).toBeVisible();
  await expect(app.searchBox).toHaveValue('ferry crews');
});

test('compare with… from the reader, and a matrix for three articles', async ({ app, page, shoot }) => {
  const compare = new ComparePage(page);
  await app.searchFor('ferry crews');
  await app.open(0);
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await compare.pickInPicker('ferry', /Ferry crews walk out over pay, stranding island travellers/);
  await expect(compare.summary).toHaveText(/% shared text/);
  await compare.back.click();

  // Three articles: a matrix whose cells open a pair.
  for (const query of ['ferry crews', 'Belov']) {
    await app.searchFor(query);
    const n = Math.min(await app.count(), 2);
    for (let i = 0; i < n; i++) {
      await app.result(i).hover();
      await app.result(i).getByRole('button', { name: 'Add to comparison' }).click();
    }
  }
  await expect(compare.tray.getByRole('listitem')).toHaveCount(3);
  await compare.compareFromTray();
  await expect(compare.matrix).toBeVisible();
  const cells = compare.matrix.getByRole('button', { name: /% shared between/ });
  await expect(cells).toHaveCount(6);
  await shoot('compare-matrix');
  await cells.first().click();
  await expect(compare.summary).toHaveText(/% shared text/);
});
