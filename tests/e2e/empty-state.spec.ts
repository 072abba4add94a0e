import { expect, test } from './support/fixtures.ts';
import { SearchPage } from './pages/search-page.ts';

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

test('the welcome buttons stay where they first appear while the app information and demo credits arrive', async ({ page, server }) => {
  // Slow answers make the old race certain: the card used to show the Import button, then grow
  // the demo button and the credits, and a click aimed at the first position hit the text below.
  await page.route('**/api/call', async (route) => {
    const method = (route.request().postDataJSON() as { method?: string } | null)?.method;
    if (method === 'app.info') await new Promise((resolve) => setTimeout(resolve, 400));
    if (method === 'demo.attribution') await new Promise((resolve) => setTimeout(resolve, 900));
    await route.continue();
  });
  await page.goto(server.url);
  const app = new SearchPage(page);
  const importButton = app.emptyState.getByRole('button', { name: 'Import a folder…' });
  await expect(importButton).toBeVisible();
  const first = await importButton.boundingBox();
  await expect(app.emptyState).toContainText('Wikinews');
  await expect(app.emptyState.getByRole('button', { name: 'Load the demo corpus' })).toBeVisible();
  expect(await importButton.boundingBox()).toEqual(first);
  await importButton.click();
  await expect(app.importDialog.dialog).toBeVisible();
});
