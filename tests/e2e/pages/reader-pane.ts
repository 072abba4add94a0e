// The reading pane: headline, meta line, body, highlighted matches and the match counter.
import { expect, type Locator, type Page } from '@playwright/test';

export class ReaderPane {
  readonly region: Locator;
  readonly article: Locator;
  readonly headline: Locator;
  readonly meta: Locator;
  readonly marks: Locator;
  readonly currentMark: Locator;
  readonly counter: Locator;
  readonly next: Locator;
  readonly previous: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.region = page.getByRole('region', { name: 'Reader' });
    this.article = this.region.getByRole('article');
    this.headline = this.article.getByRole('heading', { level: 1 });
    this.meta = this.region.getByTestId('reader-meta');
    this.marks = this.article.locator('mark');
    this.currentMark = this.article.locator('mark[aria-current="true"]');
    this.counter = this.region.getByTestId('match-counter');
    this.next = this.region.getByRole('button', { name: 'Next match' });
    this.previous = this.region.getByRole('button', { name: 'Previous match' });
  }

  /** "3 of 12" → { current: 3, total: 12 }. */
  async matchPosition(): Promise<{ current: number; total: number }> {
    await expect(this.counter).toHaveText(/^\d+ of \d+$/);
    const [current, total] = ((await this.counter.textContent()) ?? '').split(' of ').map(Number);
    return { current: current!, total: total! };
  }

  async currentMatchIndex(): Promise<string | null> {
    return this.currentMark.first().getAttribute('data-match-index');
  }

  /** Presses a key with the focus in the reader (outside any text field). */
  async press(key: string): Promise<void> {
    await this.region.locator('.reader-scroll').focus();
    await this.page.keyboard.press(key);
  }
}
