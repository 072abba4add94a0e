// Watched folders from the window (web mode: the folder is on the serving machine): the
// folder is imported at once, a file that appears later is imported without asking, and the
// folder can be unwatched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';

const article = (day: number, headline: string, body: string): string => `${day} Mar 2022 10:00\n\n${headline}\n\nLONDON, March ${day} (Wirebench Test Wire) - ${body}\n`;

test('a watched folder is imported now and again whenever a file arrives in it', async ({ app, shoot }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-watched-'));
  try {
    fs.writeFileSync(path.join(folder, 'first.txt'), article(1, 'Harbour cranes idle as dockers walk out', 'Dockers at the container terminal walked out on Tuesday over a pay offer.'));
    const dialog = await app.openImportDialog();
    await dialog.watch(folder);
    await shoot('watched-folder');
    await dialog.dismiss();
    await expect(app.resultCount).toHaveText(/^1 result/);

    // A file that arrives later is imported without anyone asking.
    fs.writeFileSync(path.join(folder, 'second.txt'), article(2, 'Port reopens after dockers accept new pay deal', 'The container terminal reopened on Wednesday after dockers accepted a revised offer.'));
    await expect(app.resultCount).toHaveText(/^2 results/, { timeout: 30_000 });
    await app.searchFor('"revised offer"');
    await expect(app.resultCount).toHaveText(/^1 result/);

    const again = await app.openImportDialog();
    await again.stopWatching(folder);
    await again.dismiss();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
