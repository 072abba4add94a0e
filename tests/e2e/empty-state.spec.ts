import { expect, test } from './support/fixtures.ts';

test('a fresh data folder shows the welcome panel with both ways in', async ({ app, dataDir, shoot }) => {
  await expect(app.emptyState).toBeVisible();
  await expect(app.emptyState.getByRole('heading', { name: 'Your corpus is empty' })).toBeVisible();
  await expect(app.emptyState.getByRole('button', { name: 'Import a folder…' })).toBeEnabled();
  await expect(app.emptyState.getByRole('button', { name: 'Load the demo corpus' })).toBeEnabled();
  await expect(app.emptyState).toContainText(/licen[cs]e/i);
  await expect(app.searchBox).toBeDisabled();
  await shoot('empty-state');

  // The data folder is shown (discreetly) in About.
  const about = await app.openAbout();
  await expect(about.dataDir).toHaveText(dataDir);
  await about.close();
  await expect(about.dialog).toBeHidden();
});
