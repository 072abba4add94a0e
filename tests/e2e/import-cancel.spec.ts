import fs from 'node:fs';
import path from 'node:path';
import { SearchPage } from './pages/search-page.ts';
import { expect, SCREENSHOT_DIR, test } from './support/fixtures.ts';
import { FIXTURES, makeDataDir, removeDataDir } from './support/server.ts';

const FILES = 15_000;

// Writing and scanning the bulk folder takes a while on a busy machine.
test.setTimeout(120_000);

test('a long import shows a real progress bar, refuses a second import, and can be cancelled', async ({ app, page, server, shoot }) => {
  // Enough distinct small articles that the import is still running when we look.
  const folder = makeDataDir('bulk');
  try {
    for (let i = 0; i < FILES; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      fs.writeFileSync(
        path.join(folder, `item-${i}.txt`),
        `${day} Mar 2022 12:${String(i % 60).padStart(2, '0')}\n\nBulletin number ${i} on the grain corridor\n\nKYIV. March ${day} (Wire) - This is bulletin ${i}, written for the cancel test. Talks continued.\n`,
      );
    }

    // A second window, ready to start its own import while the first one runs.
    const other = await page.context().newPage();
    await other.goto(new URL('/', server.url).href);
    const second = new SearchPage(other);
    await second.ready();
    const secondDialog = await second.openImportDialog();
    await secondDialog.choose([FIXTURES]);

    const dialog = await app.openImportDialog();
    await dialog.choose([folder]);
    await dialog.start();
    await expect(dialog.progressBar).toBeVisible();

    // Hidden, the import carries on and the Import button shows how far it got.
    await dialog.dialog.getByRole('button', { name: 'Hide' }).click();
    await expect(dialog.dialog).toBeHidden();
    await expect(app.importButton).toHaveText(/Importing( \d+%|…)/);
    await app.importButton.click();
    await expect(dialog.progressBar).toBeVisible();

    // Only one import runs at a time, and the second window says so clearly.
    await secondDialog.start();
    await expect(secondDialog.error).toContainText('Another import is already running');
    await other.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-busy.png') });
    await other.close();

    // A determinate bar once scanning is over: filesDone of filesSeen.
    await expect(dialog.progressBar).toHaveAttribute('aria-valuemax', String(FILES), { timeout: 30_000 });
    await expect(dialog.dialog).toContainText(/of [\d,]+ files/);
    await shoot('import-progress');
    await dialog.cancelButton.click();
    await dialog.waitForSummary();
    await expect(dialog.summary).toContainText('Import cancelled');
    const counts = await dialog.counts();
    expect(counts.imported).toBeLessThan(FILES);
    await dialog.close();
  } finally {
    removeDataDir(folder);
  }
});
