// About Wirebench: version, data folder and the demo corpus credits.
import type { Locator, Page } from '@playwright/test';

export class AboutDialog {
  readonly dialog: Locator;
  readonly dataDir: Locator;
  readonly attribution: Locator;
  readonly sources: Locator;
  readonly credits: Locator;
  readonly safety: Locator;
  readonly lastCheck: Locator;
  readonly newestBackup: Locator;
  readonly safetyStatus: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: 'About Wirebench' });
    this.dataDir = this.dialog.getByTestId('data-dir');
    this.attribution = this.dialog.getByTestId('attribution');
    this.sources = this.attribution.getByRole('table');
    this.credits = this.attribution.getByRole('list', { name: 'Article credits' });
    this.safety = this.dialog.getByTestId('corpus-safety');
    this.lastCheck = this.safety.getByTestId('last-check');
    this.newestBackup = this.safety.getByTestId('newest-backup');
    this.safetyStatus = this.safety.getByTestId('safety-status');
  }

  async backUpNow(): Promise<void> {
    await this.safety.getByRole('button', { name: 'Back up now' }).click();
  }

  async checkNow(): Promise<void> {
    await this.safety.getByRole('button', { name: 'Check the corpus now' }).click();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}
