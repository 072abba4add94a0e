// Window responsiveness during an import: serves the built window (`wirebench serve`), opens
// it in Chromium, starts an import of the corpus through the import dialog, and records every
// long task (a main-thread task over 50 ms, PerformanceObserver 'longtask') until the summary
// shows. JSON on stdout: the longest task, how many exceeded 100 ms, and the import figures.
//
//   npx electron-vite build && npm run bench:window -- --corpus DIR
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../tests/e2e/support/server.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, timeout: { type: 'string' } } });
if (!values.corpus) {
  process.stderr.write('usage: npm run bench:window -- --corpus DIR [--timeout SECONDS]\n');
  process.exit(2);
}
const corpus = path.resolve(values.corpus);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-window-'));
const server = await startServer(dataDir);
const browser = await chromium.launch({ executablePath: process.env.WIREBENCH_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Runs in the page (a string, as this file is compiled for Node, without the DOM's types).
  await page.addInitScript(`
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  `);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Import a folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await dialog.getByLabel('Folders or files to import').fill(corpus);
  // Long tasks of loading the page are not the import's.
  await page.evaluate('window.longTasks = []');
  const t0 = Date.now();
  await dialog.getByRole('button', { name: /^Import/ }).click();
  await dialog.getByTestId('import-summary').waitFor({ timeout: Number(values.timeout ?? 1800) * 1000 });
  const seconds = (Date.now() - t0) / 1000;
  const tasks = (await page.evaluate('window.longTasks')) as number[];
  const imported = await dialog.getByTestId('import-summary-line').textContent();
  process.stdout.write(
    `${JSON.stringify({ corpus, seconds: Math.round(seconds * 10) / 10, summary: imported, longTasks: tasks.length, over100ms: tasks.filter((d) => d > 100).length, longestMs: Math.round(Math.max(0, ...tasks)) }, null, 2)}\n`,
  );
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
