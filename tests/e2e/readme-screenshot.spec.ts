// The picture in the README: the demo corpus, a search, and an open article with its
// matches highlighted, at 1440x900. It is written to docs/ only when asked
// (WIREBENCH_UPDATE_SCREENSHOT=1 npx playwright test readme-screenshot), so `npm test` never
// changes tracked files.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { REPO_ROOT } from './support/server.ts';

test('docs/screenshot.png shows the search view with an open, highlighted article', async ({ app, page, shoot }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.loadDemo();
  await app.importDialog.close();

  await app.searchFor('sanctions');
  expect(await app.count()).toBeGreaterThan(1);
  await app.open(0);
  await expect(app.reader.marks.first()).toBeVisible();
  await app.reader.press('n');
  await expect(app.reader.counter).toHaveText(/^2 of \d+$/);
  await page.mouse.move(0, 899);
  await shoot('search-view');
  if (process.env.WIREBENCH_UPDATE_SCREENSHOT === '1') {
    fs.mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshot.png') });
  }
});
