// Temporary data folders for tests: every test gets its own, removed afterwards, so no test
// ever touches a user's corpus.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

const made: string[] = [];
const suiteMade: string[] = [];

/** A folder removed after the current test. */
export function tempDir(prefix = 'wirebench-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A folder removed after the whole file, for corpora set up in beforeAll. */
export function suiteTempDir(prefix = 'wirebench-suite-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  suiteMade.push(dir);
  return dir;
}

afterAll(() => remove(suiteMade));
afterEach(() => remove(made));

function remove(dirs: string[]): void {
  for (const dir of dirs.splice(0)) {
    try {
      fs.chmodSync(dir, 0o700);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO, 'tests/fixtures/articles');
export const FIXTURE_FILES = countFiles(FIXTURES);

function countFiles(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}
