// The Collections view: the list of collections, the items of one, undo/redo, the briefing.
import { expect, type Locator, type Page } from '@playwright/test';

export class CollectionsPage {
  readonly page: Page;
  readonly tab: Locator;
  readonly list: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly items: Locator;
  readonly briefing: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tab = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Collections' });
    this.list = page.getByRole('navigation', { name: 'Collections' });
    this.undoButton = this.list.getByRole('button', { name: 'Undo' });
    this.redoButton = this.list.getByRole('button', { name: 'Redo' });
    this.items = page.locator('.item-list > li');
    this.briefing = page.getByRole('region', { name: 'Briefing' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.list).toBeVisible();
  }

  collection(name: string): Locator {
    return this.list.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  async itemTexts(): Promise<string[]> {
    return this.items.locator('.item-text').allInnerTexts();
  }

  handle(index: number): Locator {
    return this.items.nth(index).locator('.drag-handle');
  }

  /** Drags item `from` onto the place of item `to` with the mouse, as a user would. */
  async drag(from: number, to: number): Promise<void> {
    const source = await this.handle(from).boundingBox();
    const target = await this.items.nth(to).boundingBox();
    if (!source || !target) throw new Error('items not visible');
    await this.page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await this.page.mouse.down();
    // Several steps: dnd-kit starts dragging after a few pixels and tracks the pointer.
    const y = target.y + (to > from ? target.height - 8 : 8);
    await this.page.mouse.move(source.x + source.width / 2, source.y + 10, { steps: 4 });
    await this.page.mouse.move(source.x + source.width / 2, y, { steps: 12 });
    await this.page.mouse.up();
  }

  field(label: string): Locator {
    return this.briefing.getByLabel(label, { exact: true });
  }
}
