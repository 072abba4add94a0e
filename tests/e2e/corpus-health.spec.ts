// A damaged corpus, as the user meets it: the app starts anyway, says what happened and
// where the damaged files went, and restores the newest good backup in two clicks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { test as appTest } from './support/fixtures.ts';
import { HealthBanner } from './pages/health-banner.ts';
import { SearchPage } from './pages/search-page.ts';
import { FIXTURES, makeDataDir, removeDataDir, REPO_ROOT, SCREENSHOTS, startServer } from './support/server.ts';

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['src/cli/main.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

test('a damaged corpus is set aside, the window says so, and the backup restores it', async ({ page }) => {
  const dataDir = makeDataDir('health');
  try {
    cli('import', FIXTURES, '--data-dir', dataDir);
    const articles = JSON.parse(cli('stats', '--data-dir', dataDir, '--json')).articles as number;
    cli('backup', '--data-dir', dataDir);
    // Pages in the middle of the file overwritten, as a failing disk might.
    const fd = fs.openSync(path.join(dataDir, 'corpus.sqlite'), 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xff), 0, 4096 * 3, 4096 * 20);
    fs.closeSync(fd);

    const server = await startServer(dataDir);
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      const app = new SearchPage(page);
      await app.ready();
      const health = new HealthBanner(page);
      await expect(health.banner).toContainText('The corpus was damaged and has been set aside');
      await expect(health.banner).toContainText(path.join(dataDir, 'damaged'));
      await expect(app.emptyState).toBeVisible();
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'corpus-damaged.png') });

      await health.restoreNewestBackup();
      await expect(page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
      await expect(app.results).toBeVisible();
      expect(await app.count()).toBe(articles);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'corpus-restored.png') });
      expect(errors).toEqual([]);
    } finally {
      await server.stop();
    }
    expect(fs.readdirSync(path.join(dataDir, 'damaged'))).toHaveLength(1);
  } finally {
    removeDataDir(dataDir);
  }
});

appTest('About shows when the corpus was checked and backed up, and does both on demand', async ({ app, shoot }) => {
  await app.importFolders([FIXTURES]);
  const about = await app.openAbout();
  await expect(about.lastCheck).toHaveText(/^Quick check on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: sound/);
  await expect(about.newestBackup).toHaveText('none yet');
  await about.backUpNow();
  await expect(about.safetyStatus).toHaveText(/^Backed up to .+corpus-\d{8}T\d{9}Z-manual\.sqlite\.$/);
  await expect(about.newestBackup).toHaveText(/UTC \(manual\)$/);
  await about.checkNow();
  await expect(about.safetyStatus).toHaveText(/^Full check on .+: sound \(/);
  await expect(about.lastCheck).toHaveText(/^Full check on .+: sound/);
  await shoot('about-corpus-safety');
  await about.close();
});
