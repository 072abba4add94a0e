import { expect, test } from './support/fixtures.ts';
import { FIXTURES } from './support/server.ts';

test('importing the fixtures folder through the dialog shows progress, a summary and then the articles', async ({ app, shoot }) => {
  const dialog = await app.openImportDialog();
  // Web mode asks for paths on the serving machine, in a field that has the focus.
  await expect(dialog.dialog).toContainText('absolute path');
  await expect(dialog.pathsField).toBeFocused();
  await expect(dialog.startButton).toBeDisabled();

  await dialog.pathsField.fill('relative/folder');
  await dialog.pathsField.blur();
  await expect(dialog.dialog.getByRole('alert')).toContainText('Not an absolute path');
  await expect(dialog.startButton).toBeDisabled();

  await dialog.choose([FIXTURES]);
  await shoot('import-choose');
  await dialog.start();
  // The progress view or, on a fast machine, already the summary.
  await expect(dialog.progressBar.or(dialog.summary)).toBeVisible();
  await dialog.waitForSummary();
  await expect(dialog.dialog.getByRole('button', { name: 'Show the articles' })).toBeFocused();
  await shoot('import-summary');

  const counts = await dialog.counts();
  expect(counts.imported).toBeGreaterThan(5);
  expect(counts.duplicates).toBeGreaterThanOrEqual(1);
  expect(counts.files).toBe(counts.imported + counts.duplicates + counts.skipped + counts.failed);
  // Files that are not articles are listed with a reason.
  expect(counts.skipped + counts.failed).toBeGreaterThanOrEqual(1);
  await expect(dialog.summary).toContainText(/empty\.txt|binary-named-as\.txt|spreadsheet\.xls/);

  await dialog.close();
  await expect(app.emptyState).toBeHidden();
  await expect(app.resultCount).toHaveText(`${counts.imported} results · newest first`);
  await expect(app.result(0)).toBeVisible();
});

test('importing the same folder twice finds only duplicates', async ({ app }) => {
  await app.importFolders([FIXTURES]);
  const dialog = await app.openImportDialog();
  await dialog.choose([FIXTURES]);
  await dialog.start();
  await dialog.waitForSummary();
  const counts = await dialog.counts();
  expect(counts.imported).toBe(0);
  await expect(dialog.summary).toContainText('Nothing new to import');
});
