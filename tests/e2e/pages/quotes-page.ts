// The Quotes view: its search box, speaker facets, timeline, quote cards and the reader.
import { expect, type Locator, type Page } from '@playwright/test';

export class QuotesPage {
  readonly page: Page;
  readonly tab: Locator;
  readonly searchBox: Locator;
  readonly count: Locator;
  readonly list: Locator;
  readonly speakers: Locator;
  readonly timeline: Locator;
  readonly reader: Locator;
  readonly focused: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Quotes' });
    this.searchBox = page.getByRole('searchbox', { name: 'Search quotes' });
    this.count = page.locator('.quotes-count');
    this.list = page.getByRole('list', { name: 'Quotes found' });
    this.speakers = page.getByRole('group', { name: 'Speakers' });
    this.timeline = page.getByTestId('timeline');
    this.reader = page.getByRole('region', { name: 'Reader' });
    this.focused = this.reader.locator('mark.quote-focus');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.searchBox).toBeVisible();
  }

  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.searchBox.press('Enter');
  }

  /** Selects a paragraph of the open article by dragging the mouse over it, as a user would. */
  async selectParagraph(index: number): Promise<void> {
    const paragraph = this.reader.locator('.reader-body p').nth(index);
    // The reader may still be scrolling to the quote it was opened at: bring the paragraph to
    // the middle (clear of the sticky bar) until it stays where it is, then drag over it.
    await expect
      .poll(async () => {
        await paragraph.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const before = await paragraph.boundingBox();
        await this.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
        const after = await paragraph.boundingBox();
        return before !== null && after !== null && before.y === after.y;
      })
      .toBe(true);
    const box = await paragraph.boundingBox();
    if (!box) throw new Error('paragraph not visible');
    await this.page.mouse.move(box.x + 1, box.y + 4);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await this.page.mouse.move(box.x + box.width - 1, box.y + box.height - 4, { steps: 5 });
    await this.page.mouse.up();
  }

  card(text: string | RegExp): Locator {
    return this.list.getByRole('listitem').filter({ hasText: text });
  }

  async openQuote(text: string | RegExp): Promise<void> {
    await this.card(text).locator('.quote-open').click();
  }

  /** Collects a quote into a collection (a new one when `newName` is given). */
  async collect(text: string | RegExp, options: { newName?: string; note?: string; tags?: string } = {}): Promise<void> {
    const card = this.card(text);
    await card.getByRole('button', { name: 'Collect' }).click();
    const form = card.getByRole('form', { name: 'Add to collection' });
    if (options.newName) {
      await form.getByLabel('Collection').selectOption({ label: 'New collection…' });
      await form.getByLabel('Name').fill(options.newName);
    }
    if (options.note) await form.getByLabel('Note').fill(options.note);
    if (options.tags) await form.getByLabel('Tags').fill(options.tags);
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(form).toBeHidden();
  }
}
