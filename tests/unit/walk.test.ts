// The walk: every file under the folders given, once, in the order of the names' bytes, with
// paths that are plain strings while the names are valid UTF-8.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFiles, walk, type WalkEntry } from '../../src/engine/ingest/walk.ts';
import { tempDir } from '../support/temp.ts';

async function all(roots: string[]): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  for await (const entry of walk(roots)) out.push(entry);
  return out;
}

describe('walk', () => {
  it('lists files in the byte order of their names, folders included where they sort', async () => {
    const root = tempDir();
    // UTF-8 byte order is code point order: U+FB00 (EF AC 80) before U+1D538 (F0 9D 94 B8),
    // though as UTF-16 the second (a surrogate pair, D835 ...) would come first.
    const names = ['b.txt', 'B.txt', 'a.txt', 'é.txt', '\u{1D538}.txt', '\uFB00.txt', '10.txt', '9.txt'];
    for (const name of names) fs.writeFileSync(path.join(root, name), 'x');
    fs.mkdirSync(path.join(root, 'c'));
    fs.writeFileSync(path.join(root, 'c', 'inner.txt'), 'x');
    fs.mkdirSync(path.join(root, '.hidden'));
    fs.writeFileSync(path.join(root, '.hidden', 'secret.txt'), 'x');
    // A name that is not UTF-8 sorts by its bytes too (0xFF after everything else).
    const raw = Buffer.concat([Buffer.from(`${root}/`), Buffer.from([0xff, 0x2e, 0x74, 0x78, 0x74])]);
    fs.writeFileSync(raw, 'x');

    const entries = await all([root]);
    const shown = entries.map((e) => path.relative(root, e.path));
    expect(shown).toEqual(['10.txt', '9.txt', 'B.txt', 'a.txt', 'b.txt', 'c/inner.txt', 'é.txt', '\uFB00.txt', '\u{1D538}.txt', '\uFFFD.txt']);
    expect(entries.every((e) => e.kind === 'file')).toBe(true);
    const last = entries.at(-1) as Extract<WalkEntry, { kind: 'file' }>;
    expect(last.raw).toEqual(raw);
    expect(entries.slice(0, -1).every((e) => !('raw' in e) || e.raw === undefined)).toBe(true);
    // A root written with a trailing slash gives the same paths.
    expect((await all([`${root}/`])).map((e) => e.path)).toEqual(entries.map((e) => e.path));
    expect(await countFiles([root])).toBe(entries.length);
  });
});
