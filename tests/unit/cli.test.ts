// The CLI as a user runs it: the real bin script in a child process, on a temporary data folder.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_FILES, FIXTURES, REPO, tempDir } from '../support/temp.ts';

const BIN = path.join(REPO, 'bin/wirebench.js');

function run(args: string[], options: { cwd?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('wirebench CLI', () => {
  it('imports, searches, shows and counts, in JSON and for people', () => {
    const data = tempDir();
    const imported = run(['import', FIXTURES, '--data-dir', data, '--json']);
    expect(imported.status).toBe(0);
    const summary = JSON.parse(imported.stdout);
    expect(summary).toMatchObject({ imported: expect.any(Number), duplicates: 1, failed: 1 });
    expect(summary.imported + summary.duplicates + summary.failed + summary.skipped).toBe(FIXTURE_FILES);
    expect(summary.errors).toEqual([{ path: path.join(FIXTURES, 'bad/binary-named-as.txt'), reason: 'binary data, not text' }]);

    const search = JSON.parse(run(['search', '"prime minister"', '--data-dir', data, '--json']).stdout);
    expect(search.total).toBeGreaterThan(0);
    for (const hit of search.hits) expect(Object.keys(hit)).toEqual(expect.arrayContaining(['id', 'headline', 'published', 'place', 'agency', 'snippet']));
    expect(search.hits.some((h: { snippet: string }) => h.snippet.includes('<mark>'))).toBe(true);

    const belov = JSON.parse(run(['search', 'Belov', '--data-dir', data, '--json']).stdout);
    const shown = JSON.parse(run(['show', String(belov.hits[0].id), '--data-dir', data, '--json']).stdout);
    expect(shown).toMatchObject({ published: '2022-03-21T12:47', place: 'MOSCOW', agency: 'Interfax' });
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['id', 'headline', 'published', 'place', 'agency', 'body', 'path']));

    expect(JSON.parse(run(['stats', '--data-dir', data, '--json']).stdout).articles).toBe(summary.imported);

    const human = run(['search', '"prime minister"', '--data-dir', data, '--limit', '3']);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^\d+ results for "prime minister" \(showing 3\)/);
    expect(human.stdout).toMatch(/\*\*prime minister\*\*/i);
    const dated = run(['search', '', '--sort', 'date', '--from', '2022-03-21', '--to', '2022-03-21', '--data-dir', data]);
    expect(dated.stdout).toMatch(/21 Mar 2022 12:47 · MOSCOW · Interfax/);
  });

  it('searches with the full syntax, exports every match, and keeps saved searches, history and variants', () => {
    const data = tempDir();
    expect(run(['import', FIXTURES, '--data-dir', data, '--json']).status).toBe(0);
    const field = JSON.parse(run(['search', 'headline:grain agency:Reuters', '--data-dir', data, '--json']).stdout);
    expect(field.total).toBe(1);
    expect(field.totalExact).toBe(true);
    const count = run(['search', 'grain OR зерна', '--count', '--data-dir', data]);
    expect(Number(count.stdout.trim())).toBeGreaterThan(1);

    const csv = run(['search', 'grain OR зерна', '--all', '--format', 'csv', '--data-dir', data]);
    expect(csv.status).toBe(0);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('\uFEFFid,published,headline,place,agency,language,score,snippet');
    expect(rows).toHaveLength(Number(count.stdout.trim()) + 1);
    const out = path.join(tempDir(), 'all.jsonl');
    const jsonl = run(['search', 'grain OR зерна', '--all', '--format', 'jsonl', '--out', out, '--body', '--data-dir', data, '--json']);
    expect(JSON.parse(jsonl.stdout)).toMatchObject({ path: out, rows: rows.length - 1 });

    expect(run(['search', 'grain', '--lang', 'en', '--save', 'Grain', '--data-dir', data]).status).toBe(0);
    expect(run(['searches', '--data-dir', data]).stdout).toMatch(/^Grain: grain {2}--lang en$/m);
    const again = JSON.parse(run(['search', '--saved', 'grain', '--data-dir', data, '--json']).stdout);
    expect(again.hits.every((h: { language: string }) => h.language === 'en')).toBe(true);
    expect(run(['history', '--data-dir', data]).stdout).toMatch(/grain {2}--lang en/);
    expect(run(['searches', '--delete', 'Grain', '--data-dir', data]).status).toBe(0);

    expect(run(['variants', '--set', 'Geneva', 'Genf', 'Genève', '--data-dir', data]).stdout.trim()).toBe('Geneva: Geneva, Genf, Genève');
    expect(run(['variants', '--data-dir', data]).stdout).toMatch(/^Kyiv: Kyiv, Kiev/m);
    expect(JSON.parse(run(['reindex', '--data-dir', data, '--json']).stdout).articles).toBeGreaterThan(0);
    expect(run(['search', 'x', '--all', '--data-dir', data]).stderr).toMatch(/--all needs --format/);
  }, 120_000);

  it('resolves relative import paths against the working folder', () => {
    const data = tempDir();
    const result = run(['import', 'wire', '--data-dir', data, '--json'], { cwd: FIXTURES });
    expect(JSON.parse(result.stdout).imported).toBe(4);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['search', 'x', '--limit', 'many'], /--limit must be a whole number/],
    [['search', 'x', '--sort', 'random'], /--sort must be relevance or date/],
    [['search', 'x', '--colour'], /Unknown option '--colour'/],
    [['import'], /import needs at least one folder or file/],
    [['show'], /show needs exactly one article id/],
  ])('exits 2 with one line for bad arguments %j', (args, message) => {
    const result = run([...args, '--data-dir', tempDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 with a clear message for a malformed query or a missing article', () => {
    const data = tempDir();
    const bad = run(['search', 'peace AND', '--data-dir', data]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('wirebench: AND at character 7 needs something to its right.\n');
    const missing = run(['show', '42', '--data-dir', data]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('wirebench: There is no article 42.\n');
  });

  it('serve prints exactly one line with the URL and token, then serves until stopped', async () => {
    const data = tempDir();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', data], { cwd: REPO });
    let stdout = '';
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line in time: ${stdout}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(line).toMatch(/^Listening at http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}\n$/);
    const url = line.trim().replace('Listening at ', '');
    const refused = await fetch(new URL('/api/call', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"method":"corpus.stats","args":{}}' });
    expect(refused.status).toBe(401);
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(303);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
