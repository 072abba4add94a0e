// Launches the desktop app on a fresh data folder, when an Electron binary is installed.
// The npm `electron` package downloads its binary on first use, which cannot work offline,
// so we look for it on disk instead of calling require('electron'), and skip without one.
import { _electron, test as base, expect, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { SearchPage } from '../../e2e/pages/search-page.ts';
import { makeDataDir, removeDataDir, REPO_ROOT, SCREENSHOTS } from '../../e2e/support/server.ts';

function platformBinary(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron executable, or null when none is installed. */
export function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, platformBinary());
  const pathFile = path.join(REPO_ROOT, 'node_modules/electron/path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(REPO_ROOT, 'node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

export const NO_ELECTRON = 'No Electron binary installed (node_modules/electron/dist is empty and ELECTRON_OVERRIDE_DIST_PATH is not set).';

export interface ElectronFixtures {
  dataDir: string;
  electronApp: ElectronApplication;
  app: SearchPage;
  shoot: (name: string) => Promise<void>;
}

export const test = base.extend<ElectronFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = makeDataDir('electron');
    await use(dir);
    removeDataDir(dir);
  },
  electronApp: async ({ dataDir }, use, testInfo) => {
    const executablePath = electronBinary();
    testInfo.skip(executablePath === null, NO_ELECTRON);
    if (!fs.existsSync(path.join(REPO_ROOT, 'out/main/index.js'))) throw new Error('out/main is missing: run `npx electron-vite build` first.');
    const electronApp = await _electron.launch({
      executablePath: executablePath!,
      args: ['out/main/index.js', '--data-dir', dataDir],
      cwd: REPO_ROOT,
      env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: '1' },
    });
    try {
      await use(electronApp);
    } finally {
      await electronApp.close();
    }
  },
  app: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 1440, height: 900 }).catch(() => {});
    // The native folder picker cannot be clicked through; make it answer the given paths.
    const pickFolders = async (paths: string[]): Promise<void> => {
      await electronApp.evaluate(({ dialog }, chosen) => {
        const answer = { canceled: false, filePaths: chosen };
        dialog.showOpenDialog = (async () => answer) as unknown as typeof dialog.showOpenDialog;
        dialog.showOpenDialogSync = (() => chosen) as unknown as typeof dialog.showOpenDialogSync;
      }, paths);
    };
    const app = new SearchPage(page, { pickFolders });
    await app.ready();
    await use(app);
    expect(errors, 'uncaught errors in the window').toEqual([]);
  },
  shoot: async ({ app }, use) => {
    await use(async (name) => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await app.page.screenshot({ path: path.join(SCREENSHOTS, `electron-${name}.png`) });
    });
  },
});

export { expect };
