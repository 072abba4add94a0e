// wirebench check, backup and restore, as a user runs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../src/engine/db/open.ts';
import { FIXTURES, REPO, tempDir } from '../support/temp.ts';

const BIN = path.join(REPO, 'bin/wirebench.js');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('wirebench check, backup, restore', () => {
  it('checks, backs up, lists and restores', () => {
    const data = tempDir();
    expect(run(['import', path.join(FIXTURES, 'wire'), '--data-dir', data]).status).toBe(0);
    const check = run(['check', '--data-dir', data]);
    expect(check).toMatchObject({ status: 0, stdout: expect.stringMatching(/^The corpus is sound \(integrity check and full-text index check passed in [\d.]+ s\)\.\n$/) });
    expect(JSON.parse(run(['check', '--data-dir', data, '--json']).stdout)).toMatchObject({ ok: true, report: { kind: 'full', ok: true } });

    expect(run(['restore', '--data-dir', data]).stdout).toMatch(/^No backups in .+ yet\. Make one with: wirebench backup\n$/);
    const backup = run(['backup', '--data-dir', data, '--json']);
    expect(backup.status).toBe(0);
    const made = JSON.parse(backup.stdout);
    expect(made).toMatchObject({ reason: 'manual', path: path.join(data, 'backups', made.name) });
    expect(run(['backup', '--data-dir', data]).stdout).toMatch(/^Backed up to .+corpus-\d{8}T\d{9}Z-manual\.sqlite \(\d+ KB, checked\)\.\n$/);

    expect(run(['import', path.join(FIXTURES, 'notes'), '--data-dir', data]).status).toBe(0);
    const list = run(['restore', '--data-dir', data]);
    expect(list.stdout).toContain(made.name);
    const restored = run(['restore', made.name, '--data-dir', data]);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/^Restored corpus-.+-manual\.sqlite: 4 articles\. The corpus it replaced was saved as corpus-.+-pre-restore\.sqlite\.\n$/);
    expect(JSON.parse(run(['stats', '--data-dir', data, '--json']).stdout).articles).toBe(4);
  });

  it('restores a corpus file kept elsewhere, after checking it', () => {
    const source = tempDir();
    run(['import', path.join(FIXTURES, 'wire'), '--data-dir', source]);
    const made = JSON.parse(run(['backup', '--data-dir', source, '--json']).stdout);
    const elsewhere = path.join(tempDir(), 'my-copy.sqlite');
    fs.copyFileSync(made.path, elsewhere);
    const data = tempDir();
    const restored = run(['restore', elsewhere, '--data-dir', data, '--json']);
    expect(restored.status).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ articles: 4, health: { state: 'ok' } });
    const notDb = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notDb, 'not a database');
    const refused = run(['restore', notDb, '--data-dir', data]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not a Wirebench corpus/);
  });

  it('tells the user when the corpus was damaged, and how to restore', () => {
    const data = tempDir();
    run(['import', path.join(FIXTURES, 'wire'), path.join(FIXTURES, 'open-news'), '--data-dir', data]);
    const made = JSON.parse(run(['backup', '--data-dir', data, '--json']).stdout);
    const fd = fs.openSync(corpusPath(data), 'r+');
    // Three pages in the middle of the file (the page size is in the header: two bytes at offset 16).
    const page = fs.readFileSync(corpusPath(data)).readUInt16BE(16);
    const middle = Math.floor(fs.statSync(corpusPath(data)).size / page / 2);
    expect(middle).toBeGreaterThan(3);
    fs.writeSync(fd, Buffer.alloc(page * 3, 0xff), 0, page * 3, page * middle);
    fs.closeSync(fd);
    const check = run(['check', '--data-dir', data]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/The corpus was damaged .+ It was moved, with its -wal and -shm files, to .+damaged.+\nRestore it with: wirebench restore corpus-.+-manual\.sqlite\n$/s);
    expect(run(['restore', made.name, '--data-dir', data]).status).toBe(0);
    expect(run(['check', '--data-dir', data]).status).toBe(0);
  });

  it('refuses arguments it does not take', () => {
    const data = tempDir();
    expect(run(['check', 'now', '--data-dir', data])).toMatchObject({ status: 2, stderr: 'wirebench: check takes no arguments (got now)\n' });
    expect(run(['backup', 'x', '--data-dir', data])).toMatchObject({ status: 2 });
    expect(run(['restore', 'a', 'b', '--data-dir', data])).toMatchObject({ status: 2 });
    expect(run(['restore', 'corpus-20250101T000000000Z-daily.sqlite', '--data-dir', data])).toMatchObject({ status: 1, stderr: expect.stringMatching(/There is no backup named/) });
  });
});
