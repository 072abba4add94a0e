// End-to-end tests of the window. `web` drives the renderer in headless Chromium (the OS
// package, Playwright cannot download one offline) against `wirebench serve`; `electron`
// drives the desktop app and skips when no Electron binary is installed. Both use the page
// models in tests/e2e/pages. The renderer must be built first (`npm run build`).
import { defineConfig } from '@playwright/test';

const chromium = process.env.WIREBENCH_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  outputDir: 'test-results/output',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : 4,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'tests/e2e',
      testMatch: '**/*.spec.ts',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          executablePath: chromium,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-quic',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
      testMatch: '**/*.spec.ts',
    },
  ],
});
