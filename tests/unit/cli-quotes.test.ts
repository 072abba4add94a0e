// The quotes, collection and export commands as a user runs them (the real bin script).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/temp.ts';

const BIN = path.join(REPO, 'bin/wirebench.js');
const QUOTES = path.join(REPO, 'tests/fixtures/quotes');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('wirebench quotes, collection and export', () => {
  it('goes from a folder of articles to a cited briefing about one speaker', () => {
    const data = tempDir();
    const d = ['--data-dir', data];
    expect(run(['import', QUOTES, ...d]).status).toBe(0);

    const quotes = JSON.parse(run(['quotes', '--speaker', 'Песков', '--json', ...d]).stdout);
    expect(quotes.total).toBe(13);
    for (const q of quotes.quotes) expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'articleId', 'speaker', 'text', 'start', 'end']));
    const drafts = JSON.parse(run(['quotes', 'drafts', '--json', ...d]).stdout);
    expect(drafts.quotes.map((q: { speaker: string }) => q.speaker)).toEqual(['Dmitry Peskov']);
    const byArticle = JSON.parse(run(['quotes', '--article', String(drafts.quotes[0].articleId), '--json', ...d]).stdout);
    expect(byArticle.total).toBe(10);

    expect(run(['collection', 'create', 'Peskov', ...d]).stdout).toMatch(/Created collection "Peskov"/);
    const ids = quotes.quotes.slice(0, 4).map((q: { id: number }) => String(q.id));
    expect(run(['collection', 'add', 'Peskov', ...ids, '--note', 'key lines', '--tag', 'talks', ...d]).status).toBe(0);
    const list = JSON.parse(run(['collection', 'list', '--json', ...d]).stdout);
    expect(list.collections).toMatchObject([{ name: 'Peskov', items: 4, flagged: 0 }]);
    const shown = run(['collection', 'show', 'Peskov', ...d]);
    expect(shown.stdout).toContain('Peskov: 4 items');
    expect(shown.stdout).toContain(quotes.quotes[0].text.replace(/\s+/g, ' '));

    for (const format of ['md', 'html', 'docx']) {
      const out = path.join(data, `brief.${format}`);
      const r = run(['export', 'Peskov', '--format', format, '--out', out, ...d]);
      expect(r.status, r.stderr).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(500);
    }
    expect(fs.readFileSync(path.join(data, 'brief.docx')).subarray(0, 2).toString()).toBe('PK');

    // Undo from the command line.
    expect(run(['collection', 'undo', ...d]).stdout).toMatch(/Undid: Add 4 items to Peskov/);
    expect(JSON.parse(run(['collection', 'list', '--json', ...d]).stdout).collections[0].items).toBe(0);
  }, 180_000);

  it('refuses bad arguments with one line and exit code 2, and missing things with exit code 1', () => {
    const data = tempDir();
    expect(run(['collection', 'frobnicate', '--data-dir', data])).toMatchObject({ status: 2 });
    expect(run(['collection', 'add', 'X', '--data-dir', data])).toMatchObject({ status: 2 });
    expect(run(['collection', 'add', 'X', 'abc', '--data-dir', data])).toMatchObject({ status: 2 });
    expect(run(['export', 'X', '--format', 'odt', '--out', '/tmp/x.odt', '--data-dir', data])).toMatchObject({ status: 2 });
    const missing = run(['export', 'Nope', '--format', 'md', '--out', path.join(data, 'x.md'), '--data-dir', data]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no collection called "Nope"/);
    expect(run(['quotes', 'talks OR', '--data-dir', data]).status).toBe(1);
  }, 120_000);
});
