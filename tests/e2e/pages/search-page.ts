// The main window as a user sees it: top bar, search options, result list and the empty
// state. Locators go by role and label, so they describe the UI rather than its markup.
import { expect, type Locator, type Page } from '@playwright/test';
import { AboutDialog } from './about-dialog.ts';
import { ImportDialog, type ImportDialogOptions } from './import-dialog.ts';
import { ReaderPane } from './reader-pane.ts';

export class SearchPage {
  readonly searchBox: Locator;
  readonly results: Locator;
  readonly options: Locator;
  readonly resultCount: Locator;
  readonly queryProblem: Locator;
  readonly searchNotice: Locator;
  readonly emptyState: Locator;
  readonly importButton: Locator;
  readonly aboutButton: Locator;
  readonly sortRelevance: Locator;
  readonly sortDate: Locator;
  readonly fromDate: Locator;
  readonly toDate: Locator;
  readonly agency: Locator;
  readonly reader: ReaderPane;
  readonly importDialog: ImportDialog;
  readonly aboutDialog: AboutDialog;

  readonly page: Page;

  constructor(page: Page, options: ImportDialogOptions = {}) {
    this.page = page;
    // A combobox: the search box offers suggestions as you type.
    this.searchBox = page.getByRole('combobox', { name: 'Search', exact: true });
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.options = page.getByRole('toolbar', { name: 'Search options' });
    this.resultCount = page.getByTestId('result-count');
    this.queryProblem = page.getByTestId('query-problem');
    this.searchNotice = page.getByTestId('search-notice');
    this.emptyState = page.getByTestId('empty-state');
    this.importButton = page.getByRole('banner').getByRole('button', { name: /^Import/ });
    this.aboutButton = page.getByRole('button', { name: 'About & sources' });
    this.sortRelevance = this.options.getByRole('radio', { name: 'Relevance' });
    this.sortDate = this.options.getByRole('radio', { name: 'Date' });
    this.fromDate = this.options.getByLabel('From');
    this.toDate = this.options.getByLabel('To');
    this.agency = this.options.getByLabel('Agency');
    this.reader = new ReaderPane(page);
    this.importDialog = new ImportDialog(page, options);
    this.aboutDialog = new AboutDialog(page);
  }

  /** Waits until the window has asked the engine what is in the corpus. */
  async ready(): Promise<void> {
    await expect(this.searchBox).toBeVisible();
    await expect(this.emptyState.or(this.results)).toBeVisible();
  }

  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.searchBox.press('Enter');
  }

  /** Search and wait until the list shows the results of exactly this query. */
  async searchFor(query: string): Promise<void> {
    const before = await this.results.getAttribute('data-query').catch(() => null);
    await this.search(query);
    if (before !== query) await expect(this.results).toHaveAttribute('data-query', query);
  }

  /** The result count as a number ("1,234 results" → 1234, "No results" → 0). */
  async count(): Promise<number> {
    await expect(this.resultCount).toHaveText(/results?\b/);
    const text = (await this.resultCount.textContent()) ?? '';
    if (/^No results/.test(text)) return 0;
    const match = /^([\d,]+) results?/.exec(text);
    if (!match) throw new Error(`Unexpected result count: ${text}`);
    return Number(match[1]!.replaceAll(',', ''));
  }

  result(index: number): Locator {
    return this.results.getByRole('option').nth(index);
  }

  resultByHeadline(headline: string | RegExp): Locator {
    return this.results.getByRole('option').filter({ has: this.page.getByRole('heading', { name: headline }) });
  }

  async headlines(): Promise<string[]> {
    return this.results.getByRole('option').getByRole('heading').allTextContents();
  }

  /** The dates shown on the loaded result rows, as their ISO `datetime` values. */
  async dates(): Promise<string[]> {
    const values = await this.results.getByRole('option').locator('time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
    return values;
  }

  async open(index: number): Promise<void> {
    await this.result(index).click();
    await expect(this.reader.headline).toBeVisible();
  }

  async openImportDialog(): Promise<ImportDialog> {
    if (await this.emptyState.isVisible()) await this.emptyState.getByRole('button', { name: 'Import a folder…' }).click();
    else await this.importButton.click();
    await expect(this.importDialog.dialog).toBeVisible();
    return this.importDialog;
  }

  /** Imports folders through the dialog and closes it on the summary. */
  async importFolders(paths: string[]): Promise<void> {
    const dialog = await this.openImportDialog();
    await dialog.choose(paths);
    await dialog.start();
    await dialog.waitForSummary();
    await dialog.close();
    await expect(this.results).toBeVisible();
  }

  async loadDemo(): Promise<void> {
    await this.emptyState.getByRole('button', { name: 'Load the demo corpus' }).click();
    await expect(this.importDialog.dialog).toBeVisible();
    await this.importDialog.waitForSummary(120_000);
  }

  async openAbout(): Promise<AboutDialog> {
    await this.aboutButton.click();
    await expect(this.aboutDialog.dialog).toBeVisible();
    return this.aboutDialog;
  }
}
