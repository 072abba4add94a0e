// The reading pane: headline, meta line, body, highlighted matches and the match counter.
import { expect, type Locator, type Page } from '@playwright/test';
import type { BrowserGlobals } from '../support/browser-types.ts';

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
  readonly paragraphs: Locator;
  readonly copy: Locator;
  readonly told: Locator;
  readonly source: Locator;
  readonly openSource: Locator;
  readonly showInFolder: Locator;
  readonly similar: Locator;
  readonly similarItems: Locator;
  readonly versions: Locator;

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
    this.paragraphs = this.article.locator('.reader-body p[data-n]');
    this.copy = this.region.getByRole('button', { name: 'Copy with citation' });
    this.told = this.region.getByTestId('reader-told');
    this.source = this.region.getByTestId('reader-source');
    this.openSource = this.region.getByRole('button', { name: 'Open source file' });
    this.showInFolder = this.region.getByRole('button', { name: 'Show in folder' });
    this.similar = this.region.getByRole('region', { name: 'Similar articles' });
    this.similarItems = this.similar.getByRole('listitem');
    this.versions = this.region.getByRole('button', { name: 'Versions' });
  }

  /** The similar-list row for a headline. */
  similarItem(headline: string | RegExp): Locator {
    return this.similarItems.filter({ hasText: headline });
  }

  /** Selects the text of paragraph n (1-based), from character `from` to `to`. */
  async selectInParagraph(n: number, from: number, to: number): Promise<string> {
    return this.paragraphs.nth(n - 1).evaluate(
      (p, [a, b]) => {
        const w = globalThis as unknown as BrowserGlobals;
        const walker = w.document.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
        const texts: { length: number }[] = [];
        while (walker.nextNode()) texts.push(walker.currentNode as { length: number });
        const at = (offset: number): [unknown, number] => {
          let left = offset;
          for (const t of texts) {
            if (left <= t.length) return [t, left];
            left -= t.length;
          }
          const last = texts[texts.length - 1]!;
          return [last, last.length];
        };
        const range = w.document.createRange();
        range.setStart(...at(a!));
        range.setEnd(...at(b!));
        const selection = w.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      },
      [from, to],
    );
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
