// The comparison views: two articles side by side, the matrix, the tray and the picker.
import { expect, type Locator, type Page } from '@playwright/test';

export class ComparePage {
  readonly page: Page;
  readonly view: Locator;
  readonly summary: Locator;
  readonly rows: Locator;
  readonly swap: Locator;
  readonly back: Locator;
  readonly quotes: Locator;
  readonly tray: Locator;
  readonly matrix: Locator;
  readonly picker: Locator;
  readonly versionsBar: Locator;
  readonly versionPosition: Locator;
  readonly nextVersion: Locator;
  readonly previousVersion: Locator;

  constructor(page: Page) {
    this.page = page;
    this.view = page.getByRole('region', { name: 'Comparison', exact: true });
    this.summary = page.getByTestId('compare-summary');
    this.rows = this.view.getByRole('table', { name: 'Aligned paragraphs' }).getByRole('row');
    this.swap = page.getByRole('button', { name: 'Swap sides' });
    this.back = page.getByRole('button', { name: 'Back to results' });
    this.quotes = page.getByRole('complementary', { name: 'Quotes that differ' });
    this.tray = page.getByTestId('compare-tray');
    this.matrix = page.getByTestId('compare-matrix');
    this.picker = page.getByTestId('compare-picker');
    this.versionsBar = page.getByRole('navigation', { name: 'Versions' });
    this.versionPosition = page.getByTestId('versions-position');
    this.nextVersion = page.getByRole('button', { name: 'Next version' });
    this.previousVersion = page.getByRole('button', { name: 'Previous version' });
  }

  /** The headline shown at the top of side A or B. */
  headline(side: 'A' | 'B'): Locator {
    return this.view.getByRole('columnheader').nth(side === 'A' ? 0 : 1).getByRole('heading');
  }

  /** The version marker ("UPDATE 1") shown above side A's or B's headline, if any. */
  version(side: 'A' | 'B'): Locator {
    return this.view.getByRole('columnheader').nth(side === 'A' ? 0 : 1).locator('.compare-version');
  }

  /** The row whose cells carry this note ("only in A", "changed", "moved · ¶3 in B"). */
  rowsNoted(note: string | RegExp): Locator {
    return this.rows.filter({ hasText: note });
  }

  async compareFromTray(): Promise<void> {
    await this.tray.getByRole('button', { name: /^Compare/ }).click();
  }

  async pickInPicker(query: string, headline: string | RegExp): Promise<void> {
    await expect(this.picker).toBeVisible();
    await this.picker.getByRole('searchbox').fill(query);
    await this.picker.getByRole('button', { name: headline }).first().click();
  }
}
