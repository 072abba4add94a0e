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

  /**
   * Pairs of facet titles and values whose boxes overlap on screen, and pieces that spill out
   * of the panel (both should be none).
   */
  async facetLayoutProblems(): Promise<string[]> {
    return this.facets.evaluate((panel) => {
      const box = panel.getBoundingClientRect();
      const parts = [...panel.querySelectorAll('h3, button')].map((n) => ({ text: (n.textContent ?? '').trim(), r: n.getBoundingClientRect() }));
      const problems: string[] = [];
      for (const p of parts) if (p.r.left < box.left - 1 || p.r.right > box.right + 1) problems.push(`"${p.text}" spills out of the panel`);
      for (let i = 0; i < parts.length; i++)
        for (let j = i + 1; j < parts.length; j++) {
          const [a, b] = [parts[i]!.r, parts[j]!.r];
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) problems.push(`"${parts[i]!.text}" overlaps "${parts[j]!.text}"`);
        }
      return problems;
    });
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
