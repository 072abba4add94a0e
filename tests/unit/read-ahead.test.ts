// Reading ahead of the parser (read-ahead.ts): off while the parser's reads are fast, on when
// they are slow, for a span of files and never for those the parser has passed; and the thread
// it starts really reads the files it is handed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/engine/ingest/read-ahead.ts';
import { tempDir } from '../support/temp.ts';

const open: ReadAhead[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

function files(n: number, dir = '/nowhere'): Array<{ path: string }> {
  return Array.from({ length: n }, (_, i) => ({ path: path.join(dir, `${String(i).padStart(5, '0')}.txt`) }));
}

describe('read-ahead', () => {
  it('stays off while reads are fast: no thread, nothing handed out', () => {
    const ra = new ReadAhead({ sample: 8, coldMicros: 15, warmUp: 0 });
    open.push(ra);
    ra.add(files(100));
    for (let i = 0; i < 100; i++) ra.took(0.004);
    expect(ra.active).toBe(false);
    expect(ra.handedOut).toBe(0);
  });

  it('is not started by a few reads that took long because the parser was put aside (a quarter must be slow)', () => {
    const ra = new ReadAhead({ sample: 64, coldMicros: 25 });
    open.push(ra);
    ra.add(files(1000));
    // The first two samples' worth are not sampled (a new parser's code is not compiled yet).
    for (let i = 0; i < 128; i++) ra.took(0.1);
    expect(ra.active).toBe(false);
    // Five reads of 2 ms among 59 of 4 µs: their mean is 160 µs, but the files are cached.
    for (let i = 0; i < 64; i++) ra.took(i % 13 === 0 ? 2 : 0.004);
    expect(ra.active).toBe(false);
    // Sixteen slow ones in the next 64: a quarter, from disk.
    for (let i = 0; i < 64; i++) ra.took(i % 4 === 0 ? 0.07 : 0.004);
    expect(ra.active).toBe(true);
  });

  it('starts when the sampled reads are slow, reads a window ahead, and stops after its span to measure again', () => {
    const ra = new ReadAhead({ sample: 8, coldMicros: 15, window: 40, span: 100, warmUp: 0 });
    open.push(ra);
    ra.add(files(1000));
    // Files the parser skips by name (no read) are not sampled.
    for (let i = 0; i < 20; i++) ra.took(0);
    expect(ra.active).toBe(false);
    // Eight slow reads (70 µs each): on.
    for (let i = 0; i < 8; i++) ra.took(0.07);
    expect(ra.active).toBe(true);
    // Files up to the window ahead of the parser (file 28) are handed out, and no more.
    expect(ra.handedOut).toBe(40);
    for (let i = 0; i < 50; i++) ra.took(0.004);
    expect(ra.handedOut).toBeLessThanOrEqual(78 + 40 - 28);
    expect(ra.handedOut).toBeGreaterThanOrEqual(78 + 40 - 28 - 10);
    // After the span it stops; the next files were handed out already, and reads of those (fast
    // now) must not count as a sample that says the cache is warm.
    for (let i = 0; i < 50; i++) ra.took(0.004);
    expect(ra.active).toBe(false);
    const handed = ra.handedOut;
    // The files already handed out pass without counting; then eight slow reads turn it on again.
    let steps = 0;
    while (!ra.active && steps < 200) {
      ra.took(0.07);
      steps++;
    }
    expect(ra.active).toBe(true);
    expect(steps).toBeGreaterThan(8);
    expect(ra.handedOut).toBeGreaterThan(handed);
  });

  it('reads the files it hands out in a thread of its own (their access times move)', async () => {
    const dir = tempDir('wirebench-read-ahead-');
    const list = files(64, dir);
    const past = new Date('2001-01-01T00:00:00Z');
    for (const f of list) {
      fs.writeFileSync(f.path, 'A headline\n\nSome text of the article.\n');
      fs.utimesSync(f.path, past, new Date());
    }
    // Whether this file system keeps access times at all (relatime updates one older than the
    // modification time); where it does not, the test cannot see the reads.
    const control = path.join(dir, 'control.txt');
    fs.writeFileSync(control, 'x');
    fs.utimesSync(control, past, new Date());
    fs.readFileSync(control);
    const keepsAccessTimes = fs.statSync(control).atimeMs > past.getTime();
    const ra = new ReadAhead({ sample: 1, coldMicros: 0, window: 64, span: 1000, warmUp: 0 });
    open.push(ra);
    ra.add(list);
    ra.took(0.05);
    expect(ra.active).toBe(true);
    expect(ra.handedOut).toBe(63);
    if (!keepsAccessTimes) return;
    const read = (): number => list.slice(1).filter((f) => fs.statSync(f.path).atimeMs > past.getTime()).length;
    const deadline = Date.now() + 10_000;
    while (read() < 63 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(read()).toBe(63);
    // The file the parser took itself was not read ahead.
    expect(fs.statSync(list[0]!.path).atimeMs).toBe(past.getTime());
  });

  it('hands nothing more to a thread that is stuck, and goes on reading ahead once the files to hand out start after the cold spell', () => {
    const ra = new ReadAhead({ sample: 1, coldMicros: 0, window: 16, span: 10_000, warmUp: 0, url: new URL('../support/stuck-reader.ts', import.meta.url) });
    open.push(ra);
    ra.add(files(5000));
    ra.took(0.05);
    expect(ra.active).toBe(true);
    for (let i = 0; i < 2000; i++) ra.took(0.05);
    // At most eight windows beyond where the thread got (file 1, as it started), plus one handing out.
    expect(ra.handedOut).toBeLessThanOrEqual(8 * 16 + 16);
    expect(ra.handedOut).toBeGreaterThan(0);
  });

  it('starts its thread where the files handed out start, even deep into a folder', () => {
    const ra = new ReadAhead({ sample: 8, coldMicros: 15, window: 16, span: 10_000, warmUp: 0, url: new URL('../support/stuck-reader.ts', import.meta.url) });
    open.push(ra);
    ra.add(files(20_000));
    for (let i = 0; i < 10_000; i++) ra.took(0.004);
    expect(ra.handedOut).toBe(0);
    for (let i = 0; i < 8; i++) ra.took(0.07);
    expect(ra.active).toBe(true);
    // The stuck thread counts from file 10,008, where it started, not from 0: files are handed
    // out until eight windows past that.
    for (let i = 0; i < 200; i++) ra.took(0.004);
    expect(ra.handedOut).toBeGreaterThan(8 * 16);
    expect(ra.handedOut).toBeLessThanOrEqual(8 * 16 + 16);
  });
});
