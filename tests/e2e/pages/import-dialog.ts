// The import dialog. In web mode folders are typed as absolute paths; in the desktop app a
// native folder picker opens, which the Electron tests replace through `pickFolders`.
import { expect, type Locator, type Page } from '@playwright/test';

export interface ImportDialogOptions {
  /** Desktop app: make the next native folder picker answer these paths. */
  pickFolders?: (paths: string[]) => Promise<void>;
}

export interface ImportCounts {
  files?: number;
  imported: number;
  duplicates: number;
  skipped: number;
  failed: number;
}

export class ImportDialog {
  readonly dialog: Locator;
  readonly pathsField: Locator;
  readonly chooseButton: Locator;
  readonly startButton: Locator;
  readonly cancelButton: Locator;
  readonly progressBar: Locator;
  readonly summary: Locator;
  readonly error: Locator;

  readonly page: Page;
  private readonly options: ImportDialogOptions;

  constructor(page: Page, options: ImportDialogOptions = {}) {
    this.page = page;
    this.options = options;
    this.dialog = page.getByRole('dialog', { name: /Import articles|Load the demo corpus/ });
    this.pathsField = this.dialog.getByLabel('Folders or files to import');
    this.chooseButton = this.dialog.getByRole('button', { name: 'Choose folder…' });
    this.startButton = this.dialog.getByRole('button', { name: /^Import( \d+ locations)?$/ });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel import' });
    this.progressBar = this.dialog.getByRole('progressbar', { name: 'Import progress' });
    this.summary = this.dialog.getByTestId('import-summary');
    this.error = this.dialog.getByTestId('import-error');
  }

  async choose(paths: string[]): Promise<void> {
    await expect(this.pathsField.or(this.chooseButton)).toBeVisible();
    if (await this.pathsField.isVisible()) {
      await this.pathsField.fill(paths.join('\n'));
      return;
    }
    if (!this.options.pickFolders) throw new Error('The desktop import dialog needs a pickFolders stub to choose folders.');
    await this.options.pickFolders(paths);
    await this.chooseButton.click();
    for (const p of paths) await expect(this.dialog.getByRole('list', { name: 'Chosen folders and files' })).toContainText(p);
  }

  async start(): Promise<void> {
    await this.startButton.click();
  }

  async waitForSummary(timeout = 60_000): Promise<void> {
    await expect(this.summary).toBeVisible({ timeout });
  }

  async counts(): Promise<ImportCounts> {
    const list = this.dialog.getByTestId('import-counts');
    const read = async (label: string): Promise<number | undefined> => {
      const item = list.locator('div').filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
      if ((await item.count()) === 0) return undefined;
      return Number(((await item.locator('dd').textContent()) ?? '').replaceAll(',', ''));
    };
    const counts: ImportCounts = {
      imported: (await read('Imported')) ?? 0,
      duplicates: (await read('Duplicates')) ?? 0,
      skipped: (await read('Skipped')) ?? 0,
      failed: (await read('Failed')) ?? 0,
    };
    const files = await read('Files');
    if (files !== undefined) counts.files = files;
    return counts;
  }

  /** Closes the summary ("Show the articles" / "Done"). */
  /** The folders listed as watched. */
  get watchedFolders(): Locator {
    return this.dialog.getByTestId('watched-folders').getByRole('list', { name: 'Watched folders' }).getByRole('listitem');
  }

  /** Web mode: types a folder path into the watch form and submits it. */
  async watch(folder: string): Promise<void> {
    const section = this.dialog.getByTestId('watched-folders');
    await section.getByLabel('Folder to watch').fill(folder);
    await section.getByRole('button', { name: 'Watch' }).click();
    await expect(this.watchedFolders.filter({ hasText: folder })).toBeVisible();
  }

  async stopWatching(folder: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Stop watching ${folder}` }).click();
    await expect(this.watchedFolders.filter({ hasText: folder })).toHaveCount(0);
  }

  /** Closes the dialog before any import (the window's close button). */
  async dismiss(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect(this.dialog).toBeHidden();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Show the articles|Done)$/ }).click();
    await expect(this.dialog).toBeHidden();
  }
}
