// `wirebench compare` as a user runs it, on the fixtures' two versions of a story.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempDir } from '../support/temp.ts';

const BIN = path.join(REPO, 'bin/wirebench.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('wirebench compare', () => {
  it('compares two versions as JSON and as text, and three as a matrix', () => {
    const data = tempDir();
    expect(run(['import', FIXTURES, '--data-dir', data]).status).toBe(0);
    const hits = JSON.parse(run(['search', 'ferry crews', '--sort', 'date', '--data-dir', data, '--json']).stdout).hits as { id: number; published: string }[];
    // Newest first: the update (13:45), then the original (08:10).
    const update = hits[0]!.id;
    const original = hits[1]!.id;
    expect(hits.map((h) => h.published)).toEqual(['2022-04-14T13:45', '2022-04-14T08:10']);

    const result = run(['compare', String(original), String(update), '--data-dir', data, '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['shared', 'a_only', 'b_only', 'paragraphs', 'quotes']));
    expect(json.shared).toBeGreaterThan(0.8);
    expect(json.a_only).toEqual([]);
    expect(json.b_only).toEqual([{ paragraph: 2, text: expect.stringMatching(/^The island council said/) }]);
    expect(json.paragraphs.map((p: { kind: string }) => p.kind)).toEqual(['same', 'b_only', 'changed', 'changed', 'same', 'same']);
    expect(json.paragraphs.filter((p: { moved?: boolean }) => p.moved)).toHaveLength(1);
    expect(json.quotes).toMatchObject({ a_only: [], b_only: [], changed: [{ a: expect.stringContaining('are not going to accept'), b: expect.stringContaining('will not accept') }] });
    expect(json.summary).toBe('89% shared text, 2 paragraphs changed, 1 paragraph moved, 1 paragraph only in B, 1 quote changed');

    const text = run(['compare', String(original), String(update), '--data-dir', data]).stdout;
    expect(text).toContain('89% shared text');
    expect(text).toMatch(/~ ¶2 ~ ¶3: The union said the strike would last \[-48-\]\{\+72\+\} hours/);
    expect(text).toMatch(/\+ ¶2 only in B: The island council/);

    const belov = JSON.parse(run(['search', 'Belov', '--data-dir', data, '--json']).stdout).hits[0].id as number;
    const matrix = JSON.parse(run(['compare', String(original), String(update), String(belov), '--data-dir', data, '--json']).stdout);
    expect(matrix.shared[0][1]).toBeGreaterThan(0.8);
    expect(matrix.shared[0][2]).toBe(0);
    expect(matrix.shared[1][1]).toBe(1);
  });

  it('refuses bad ids clearly', () => {
    const data = tempDir();
    expect(run(['compare', '1', '--data-dir', data]).status).toBe(2);
    const missing = run(['compare', '1', '2', '--data-dir', data]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('wirebench: There is no article 1.\n');
  });
});

describe('wirebench similar', () => {
  it('lists the near-duplicate first, as JSON and as text, and obeys --limit', () => {
    const data = tempDir();
    expect(run(['import', FIXTURES, '--data-dir', data]).status).toBe(0);
    const hits = JSON.parse(run(['search', 'ferry crews', '--sort', 'date', '--data-dir', data, '--json']).stdout).hits as { id: number }[];
    const [update, original] = [hits[0]!.id, hits[1]!.id];
    const result = run(['similar', String(original), '--data-dir', data, '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.id).toBe(original);
    expect(json.articles[0]).toMatchObject({ id: update, kind: 'near_duplicate', version_note: 'UPDATE 1' });
    expect(json.articles[0].score).toBeGreaterThanOrEqual(0.6);
    expect(json.articles.map((a: { id: number }) => a.id)).not.toContain(original);
    for (const a of json.articles) {
      expect(a.score).toBeGreaterThan(0);
      expect(a.score).toBeLessThanOrEqual(1);
    }
    expect(json.terms.length).toBeGreaterThan(0);

    const one = JSON.parse(run(['similar', String(original), '--limit', '1', '--data-dir', data, '--json']).stdout);
    expect(one.articles).toHaveLength(1);
    const text = run(['similar', String(original), '--data-dir', data]).stdout;
    expect(text).toMatch(new RegExp(`^ *\\d+%  #${update}  Ferry crews walk out over pay, stranding island travellers \\[UPDATE 1\\]  .*near-duplicate$`, 'm'));
  });

  it('refuses bad arguments clearly', () => {
    const data = tempDir();
    expect(run(['similar', '--data-dir', data]).status).toBe(2);
    const bad = run(['similar', '1', '--limit', '0', '--data-dir', data]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--limit must be a whole number from 1 to 100/);
    const missing = run(['similar', '7', '--data-dir', data]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('wirebench: There is no article 7.\n');
  });
});
