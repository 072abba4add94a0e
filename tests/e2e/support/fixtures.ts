// Test fixtures for the web project: each test gets its own data folder, its own
// `wirebench serve` and a window opened on the URL it printed.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { SearchPage } from '../pages/search-page.ts';
import { makeDataDir, removeDataDir, SCREENSHOTS, startServer, type RunningServer } from './server.ts';

export interface WebFixtures {
  dataDir: string;
  server: RunningServer;
  app: SearchPage;
  /** Saves a screenshot of the page as test-results/screenshots/NAME.png. */
  shoot: (name: string) => Promise<void>;
}

export const test = base.extend<WebFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = makeDataDir('web');
    await use(dir);
    removeDataDir(dir);
  },
  server: async ({ dataDir }, use) => {
    const server = await startServer(dataDir);
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  app: async ({ page, server }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A Content-Security-Policy violation (an inline style, say) shows up as a console error.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()} ${message.location().url}`);
    });
    await page.goto(server.url);
    const app = new SearchPage(page);
    await app.ready();
    await use(app);
    // An uncaught exception in the window is a failure even when the UI looked fine.
    expect(errors, 'uncaught errors in the window').toEqual([]);
  },
  shoot: async ({ page }, use) => {
    await use(async (name) => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
    });
  },
});

export { expect, SCREENSHOTS as SCREENSHOT_DIR };
