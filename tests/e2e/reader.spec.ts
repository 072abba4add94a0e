// The reader beyond search matches: the article's details, numbered paragraphs, copy with
// citation (the real clipboard of Chromium), the source file, similar articles with one
// click to compare, the versions of a story, and a 10,000-word article.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ComparePage } from './pages/compare-page.ts';
import { expect, test } from './support/fixtures.ts';
import type { BrowserElement, BrowserGlobals } from './support/browser-types.ts';
import { FIXTURES } from './support/server.ts';



const ORIGINAL = 'Ferry crews walk out over pay, stranding island travellers';

/** A folder of articles written for one test, removed afterwards. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-reader-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

// A third version of the fixtures' ferry story (written for this test): UPDATE 2 adds a
// paragraph and changes the figure of stranded travellers.
const UPDATE_2 = `14 Apr 2022 17:20

UPDATE 2-Ferry crews walk out over pay, stranding island travellers

ABERDEEN, April 14 (Reuters) - Ferry crews on the northern island routes walked out on Thursday in a dispute over pay, leaving about 900 travellers stranded at the start of the holiday weekend.

The island council said it would open its halls to stranded passengers overnight and asked residents to offer spare rooms.

The union said the strike would last 72 hours unless the operator returned to talks with an improved offer.

"Our members have had no real rise for three years and they will not accept another freeze," said Fiona McLeod, the union's regional organiser.

Two cargo sailings carrying fuel and medical supplies would go ahead under an agreement with the union, the operator said.

The operator said it had offered a 3 percent increase and called the walkout "deeply regrettable for the communities we serve".

Late on Thursday the operator said it would meet union officials on Saturday morning, the first talks since the walkout began.
`;

test.describe('reader', () => {
  let extra: string | null = null;
  test.afterEach(() => {
    if (extra) fs.rmSync(extra, { recursive: true, force: true });
    extra = null;
  });

  test('details, numbered paragraphs, copy with citation, and no source buttons in the browser', async ({ app, page, context, shoot }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.importFolders([FIXTURES]);
    const reader = app.reader;
    await app.searchFor('ferry 48');
    expect(await app.count()).toBe(1);
    await app.open(0);
    await expect(reader.headline).toHaveText(ORIGINAL);
    await expect(reader.meta).toContainText('14 Apr 2022 08:10');
    await expect(reader.meta).toContainText('ABERDEEN');
    await expect(reader.meta).toContainText('Reuters');
    await expect(reader.meta).toContainText('English');
    await expect(reader.source).toHaveText(/versions[\\/]ferry-strike-reuters\.txt$/);
    // The browser cannot open files on the server's machine: the buttons are the desktop app's.
    await expect(reader.openSource).toHaveCount(0);
    await expect(reader.showInFolder).toHaveCount(0);

    // Paragraph numbers come from CSS, so they are shown but never part of the text.
    await expect(reader.paragraphs).toHaveCount(5);
    await expect(reader.paragraphs.nth(1)).toHaveAttribute('data-n', '2');
    expect(await reader.paragraphs.nth(1).evaluate((p) => (globalThis as unknown as BrowserGlobals).getComputedStyle(p, '::before').content)).toBe('"2"');
    expect(await reader.paragraphs.nth(1).evaluate((p) => (globalThis as unknown as BrowserGlobals).getComputedStyle(p).contentVisibility)).toBe('auto');
    await expect(reader.paragraphs.nth(1)).toHaveText(/^The union said/);

    // Nothing selected: the whole article with its citation.
    await reader.copy.click();
    await expect(reader.told).toHaveText('Copied the article with its citation');
    const whole = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText());
    expect(whole.startsWith(`${ORIGINAL}\n\nABERDEEN, April 14 (Reuters) - Ferry crews`)).toBe(true);
    expect(whole.endsWith(`the operator said.\n\nReuters, ${ORIGINAL}, 14 Apr 2022 08:10`)).toBe(true);

    // A selection: just that passage, quoted, with the citation.
    const selected = await reader.selectInParagraph(2, 0, 41);
    expect(selected).toBe('The union said the strike would last 48 h');
    await reader.copy.click();
    await expect(reader.told).toHaveText('Copied the selection with its citation');
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText())).toBe(`“The union said the strike would last 48 h”\n\nReuters, ${ORIGINAL}, 14 Apr 2022 08:10`);
    await shoot('reader-citation');
  });

  test('similar articles: the other versions first, one click to compare, and opening one', async ({ app, page, shoot }) => {
    extra = folderWith({ 'ferry-strike-reuters-update-2.txt': UPDATE_2 });
    await app.importFolders([FIXTURES, extra]);
    const reader = app.reader;
    const compare = new ComparePage(page);
    await app.searchFor('ferry 48');
    await app.open(0);
    await expect(reader.meta).toContainText('2 near-duplicates');
    await reader.region.getByRole('button', { name: 'Similar', exact: true }).click();
    await expect(reader.similar).toBeInViewport();
    await expect(reader.similarItems.first()).toBeVisible();
    // The two updates are the same story, listed first with their share of text in common.
    const first = reader.similarItems.nth(0);
    const second = reader.similarItems.nth(1);
    await expect(first).toContainText('Same story');
    await expect(second).toContainText('Same story');
    await expect(reader.similarItems.filter({ hasText: 'UPDATE 1' })).toContainText('Same story');
    await expect(reader.similarItems.filter({ hasText: 'UPDATE 2' })).toContainText('Same story');
    const scores = await reader.similar.locator('.similar-score-text').allTextContents();
    expect(scores.length).toBeGreaterThanOrEqual(2);
    for (const s of scores) expect(s).toMatch(/^\d{1,3}%$/);
    // Related (not the same story) articles come after, if any, never before.
    const kinds = await reader.similar.locator('.similar-kind').allTextContents();
    expect(kinds.slice(0, 2)).toEqual(['Same story', 'Same story']);
    expect(kinds.slice(2).every((k) => k === 'Related')).toBe(true);
    await shoot('similar-list');

    // One click: the side-by-side comparison with UPDATE 1.
    await reader.similarItems.filter({ hasText: 'UPDATE 1' }).getByRole('button', { name: /^Compare with/ }).click();
    await expect(compare.view).toBeVisible();
    await expect(compare.headline('A')).toHaveText(ORIGINAL);
    await expect(compare.version('B')).toHaveText('UPDATE 1');
    await expect(compare.summary).toHaveText(/% shared text/);
    await compare.back.click();

    // A headline in the list opens that article in the reader.
    await reader.similarItems.filter({ hasText: 'UPDATE 2' }).getByRole('button', { name: ORIGINAL, exact: true }).click();
    await expect(reader.meta).toContainText('UPDATE 2');
    await expect(reader.meta).toContainText('14 Apr 2022 17:20');
  });

  test('versions: the story in time order, each version compared with the one before', async ({ app, page, shoot }) => {
    extra = folderWith({ 'ferry-strike-reuters-update-2.txt': UPDATE_2 });
    await app.importFolders([FIXTURES, extra]);
    const compare = new ComparePage(page);
    await app.searchFor('ferry 48');
    await app.open(0);
    await app.reader.versions.click();

    await expect(compare.versionsBar).toBeVisible();
    await expect(compare.versionPosition).toHaveText('Version 2 of 3');
    await expect(compare.versionsBar).toContainText('UPDATE 1 compared with Original');
    await expect(compare.headline('A')).toHaveText(ORIGINAL);
    await expect(compare.version('B')).toHaveText('UPDATE 1');
    await expect(compare.summary).toHaveText(/^\d+% shared text, 2 paragraphs changed, 1 paragraph moved, 1 paragraph only in B, 1 quote changed$/);
    await expect(compare.previousVersion).toBeDisabled();
    // Versions keep their time order: no swapping.
    await expect(compare.swap).toHaveCount(0);
    await shoot('versions-1');

    await compare.nextVersion.click();
    await expect(compare.versionPosition).toHaveText('Version 3 of 3');
    await expect(compare.versionsBar).toContainText('UPDATE 2 compared with UPDATE 1');
    await expect(compare.version('A')).toHaveText('UPDATE 1');
    await expect(compare.version('B')).toHaveText('UPDATE 2');
    await expect(compare.rowsNoted('only in B')).toContainText('first talks since the walkout');
    const changed = compare.rowsNoted('changed').filter({ hasText: 'travellers stranded' });
    await expect(changed.locator('.cmp-del')).toHaveText(['hundreds', 'of']);
    await expect(changed.locator('.cmp-ins')).toHaveText(['about', '900']);
    await expect(compare.nextVersion).toBeDisabled();
    await shoot('versions-2');

    // The keyboard steps too, and a version in the list jumps to it.
    await page.keyboard.press('[');
    await expect(compare.versionPosition).toHaveText('Version 2 of 3');
    await compare.versionsBar.getByRole('button', { name: /^UPDATE 2/ }).click();
    await expect(compare.versionPosition).toHaveText('Version 3 of 3');
    await compare.back.click();
    await expect(app.results).toBeVisible();
  });

  test('a 10,000-word article opens, scrolls to its end and steps through its matches', async ({ app, shoot }) => {
    // Written for this test: 200 paragraphs of 50 words, a rare word in the first and last.
    const words = ['council', 'harbour', 'ferry', 'weather', 'tender', 'ministry', 'budget', 'crossing', 'island', 'freight', 'timetable', 'pier'];
    const paragraphs = Array.from({ length: 200 }, (_, i) => {
      const w = Array.from({ length: 50 }, (__, k) => words[(i * 7 + k * 5) % words.length]!);
      if (i === 0 || i === 199) w[10] = 'quillwort';
      w[0] = `Paragraph${i + 1}`;
      return `${w.join(' ')}.`;
    });
    extra = folderWith({ 'long-report.txt': `1 May 2022 09:00\n\nA very long harbour report\n\n${paragraphs.join('\n\n')}\n` });
    await app.importFolders([extra]);
    const reader = app.reader;
    await app.searchFor('quillwort');
    const started = Date.now();
    await app.open(0);
    await expect(reader.paragraphs).toHaveCount(200);
    const openedMs = Date.now() - started;
    test.info().annotations.push({ type: 'open 10,000-word article (ms)', description: String(openedMs) });
    expect(await reader.matchPosition()).toEqual({ current: 1, total: 2 });

    // The last match is in the last paragraph: stepping there scrolls it into view.
    await reader.next.click();
    await expect(reader.currentMark).toBeInViewport();
    await expect(reader.currentMark).toHaveText('quillwort');
    expect(await reader.currentMark.evaluate((m) => (m as unknown as BrowserElement).closest?.('p')?.getAttribute('data-n'))).toBe('200');

    // Scroll back to the top and down to the end in steps, as a reader would.
    const scroller = reader.region.locator('.reader-scroll');
    const frames = await scroller.evaluate(async (node) => {
      const w = globalThis as unknown as BrowserGlobals;
      const el = node as unknown as BrowserElement;
      el.scrollTop = 0;
      const gaps: number[] = [];
      let last = w.performance.now();
      while (el.scrollTop + el.clientHeight < el.scrollHeight - 2) {
        el.scrollTop += 600;
        await new Promise((r) => w.requestAnimationFrame(() => r(null)));
        const now = w.performance.now();
        gaps.push(now - last);
        last = now;
      }
      return gaps.sort((a, b) => a - b);
    });
    test.info().annotations.push({ type: 'scroll frames (p50/max ms)', description: `${frames[Math.floor(frames.length / 2)]?.toFixed(1)}/${frames[frames.length - 1]?.toFixed(1)}` });
    expect(frames.length).toBeGreaterThan(10);
    await expect(reader.similar).toBeInViewport();
    await expect(reader.paragraphs.nth(199)).toBeInViewport();
    await shoot('reader-long-article');
  });
});
