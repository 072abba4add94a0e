// The search tools around the search box: facets and the month histogram, the syntax help,
// suggestions, the saved-searches menu and the export dialog.
import type { Locator, Page } from '@playwright/test';

export class SearchTools {
  readonly facets: Locator;
  readonly histogram: Locator;
  readonly helpButton: Locator;
  readonly help: Locator;
  readonly suggestions: Locator;
  readonly menuButton: Locator;
  readonly menu: Locator;
  readonly exportDialog: Locator;

  constructor(page: Page) {
    this.facets = page.getByTestId('facets');
    this.histogram = page.getByTestId('histogram');
    this.helpButton = page.getByRole('button', { name: 'Search syntax' });
    this.help = page.getByRole('dialog', { name: 'Search syntax' });
    this.suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    this.menuButton = page.getByRole('button', { name: 'Searches' });
    this.menu = page.getByRole('dialog', { name: 'Saved searches and history' });
    this.exportDialog = page.getByTestId('export-dialog');
  }

  facetValue(facet: 'agency' | 'place' | 'language', name: string | RegExp): Locator {
    return this.facets.getByTestId(`facet-${facet}`).getByRole('button', { name });
  }

  /** Drags across the histogram from one fraction of its width to another. */
  async brush(page: Page, from: number, to: number): Promise<void> {
    const box = (await this.histogram.boundingBox())!;
    await page.mouse.move(box.x + box.width * from, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * to, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
  }
}
