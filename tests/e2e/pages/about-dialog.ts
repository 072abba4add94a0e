// About Wirebench: version, data folder and the demo corpus credits.
import type { Locator, Page } from '@playwright/test';

export class AboutDialog {
  readonly dialog: Locator;
  readonly dataDir: Locator;
  readonly attribution: Locator;
  readonly sources: Locator;
  readonly credits: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: 'About Wirebench' });
    this.dataDir = this.dialog.getByTestId('data-dir');
    this.attribution = this.dialog.getByTestId('attribution');
    this.sources = this.attribution.getByRole('table');
    this.credits = this.attribution.getByRole('list', { name: 'Article credits' });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}
