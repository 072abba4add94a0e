// The banner that says what happened to the corpus and offers the newest good backup.
import { expect, type Locator, type Page } from '@playwright/test';

export class HealthBanner {
  readonly banner: Locator;
  readonly restoreButton: Locator;
  readonly confirmButton: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.banner = page.getByRole('alert', { name: 'Corpus health' });
    this.restoreButton = this.banner.getByRole('button', { name: /^Restore the backup of / });
    this.confirmButton = this.banner.getByRole('button', { name: 'Restore', exact: true });
  }

  async restoreNewestBackup(): Promise<void> {
    await this.restoreButton.click();
    await this.confirmButton.click();
    await expect(this.banner).toBeHidden();
  }
}
