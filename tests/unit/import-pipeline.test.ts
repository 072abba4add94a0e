// The import pipeline end to end on real files: incremental re-imports, moved and changed
// files, near-duplicate groups, the outcome history, watched folders, and bad input that
// must end in a clear per-file reason without stopping the import.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, type ImportSummary } from '../../src/shared/api.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { REPO, tempDir } from '../support/temp.ts';
import { fullCheck } from '../../src/engine/integrity/checks.ts';

function setup(options: { timeoutMs?: number; memoryMb?: number } = {}): { engine: Engine; api: ReturnType<typeof createClient>; folder: string; dataDir: string } {
  const dataDir = tempDir();
  const engine = createEngine({ dataDir, log: () => {}, watch: false, parsers: { size: 2, ...options } });
  return { engine, api: createClient(engine), folder: tempDir('wirebench-input-'), dataDir };
}

const PARAS = [
  'The two delegations met for five hours on Monday and agreed to meet again next week, officials from both sides said afterwards.',
  '"We have made progress on the humanitarian questions, but much remains to be done," the lead negotiator told reporters after the session ended.',
  'Neither side gave details of the draft agreement, which is expected to cover prisoner exchanges, grain shipments and the safety of the nuclear plant.',
];
const wire = (headline: string, paras: string[], time = '12:47'): string => `21 Mar 2022 ${time}\n\n${headline}\n\nISTANBUL, March 21 (Reuters) - ${paras.join('\n\n')}\n`;
const reason = (s: ImportSummary, folder: string): Record<string, string> =>
  Object.fromEntries([...s.errors, ...s.skippedFiles].map((e) => [path.relative(folder, e.path), e.reason]));

describe('incremental import', () => {
  it('reads only new or changed files again, recognises moved files and keeps ids of unchanged articles', async () => {
    const { engine, api, folder } = setup();
    fs.writeFileSync(path.join(folder, 'a.txt'), wire('Talks resume in Istanbul', PARAS));
    fs.writeFileSync(path.join(folder, 'b.txt'), 'Grain ships leave Odesa\n\nThree ships carrying maize left the port on Friday, the ministry said.');
    const first = await api.call('import.run', { paths: [folder] });
    expect(first).toMatchObject({ imported: 2, unchanged: 0, outcomes: { imported: 2, duplicate: 0, skipped: 0, failed: 0 } });
    const idOf = async (q: string): Promise<number> => (await api.call('search.query', { query: q })).hits[0]!.id;
    const talksId = await idOf('Istanbul');

    // Nothing changed: nothing is read.
    const again = await api.call('import.run', { paths: [folder] });
    expect(again).toMatchObject({ imported: 0, duplicates: 0, unchanged: 2, outcomes: { duplicate: 2 } });

    // Moved: same bytes at a new path; the article stays, now pointing at the new path.
    fs.mkdirSync(path.join(folder, 'archive'));
    fs.renameSync(path.join(folder, 'a.txt'), path.join(folder, 'archive', 'a.txt'));
    const moved = await api.call('import.run', { paths: [folder] });
    expect(moved).toMatchObject({ imported: 0, outcomes: { duplicate: 2 } });
    const movedRows = await api.call('import.outcomes', { runId: moved.runId, outcome: 'duplicate' });
    expect(movedRows.rows.find((r) => r.path.endsWith('archive/a.txt'))!.reason).toBe(`moved from ${path.join(folder, 'a.txt')} (already imported)`);
    expect((await api.call('article.get', { id: talksId })).path).toBe(path.join(folder, 'archive', 'a.txt'));
    expect((await api.call('corpus.stats', {})).articles).toBe(2);

    // Changed: a multi-article file loses one article and gains another; the unchanged one keeps its id.
    const multi = (items: string[]): string => items.map((h, i) => JSON.stringify({ title: h, text: `${h}. ${PARAS[i % 3]}` })).join('\n');
    fs.writeFileSync(path.join(folder, 'feed.jsonl'), multi(['Alpha story', 'Beta story']));
    await api.call('import.run', { paths: [folder] });
    const alphaId = await idOf('Alpha');
    const betaId = await idOf('Beta');
    fs.writeFileSync(path.join(folder, 'feed.jsonl'), multi(['Alpha story', 'Gamma story', 'Delta story']));
    fs.utimesSync(path.join(folder, 'feed.jsonl'), new Date(), new Date(Date.now() + 5000));
    const changed = await api.call('import.run', { paths: [folder] });
    expect(changed.imported).toBe(2);
    expect(await idOf('Alpha')).toBe(alphaId);
    await expect(api.call('article.get', { id: betaId })).rejects.toMatchObject({ code: 'not_found' });
    expect((await api.call('search.query', { query: 'Beta' })).total).toBe(0);
    // The index stays in step with the table after the removals.
    expect(fullCheck(engine.db)).toMatchObject({ ok: true, problems: [] });
    expect(engine.db.prepare('SELECT count(*) FROM article_minhash WHERE article_id NOT IN (SELECT id FROM articles)').pluck().get()).toBe(0);
    await engine.close();
  });
});

describe('near-duplicates', () => {
  it('groups republished wire copy and updates, and lists the group with similarities', async () => {
    const { engine, api, folder } = setup();
    const more = 'Officials said a further round was planned for Thursday in the same venue, and that observers from the United Nations would attend.';
    fs.writeFileSync(path.join(folder, '1.txt'), wire('Talks resume in Istanbul', PARAS, '12:47'));
    fs.writeFileSync(path.join(folder, '2.txt'), wire('UPDATE 1-Talks resume in Istanbul', [...PARAS, more], '14:05'));
    fs.writeFileSync(path.join(folder, '3.txt'), `22 Mar 2022 09:00\n\nTalks in Istanbul resume\n\nANKARA, March 22 (AFP) - ${PARAS.join('\n\n')}`);
    fs.writeFileSync(path.join(folder, '4.txt'), wire('Grain ships leave Odesa', ['Three ships carrying maize left the port of Odesa on Friday under a deal brokered by Turkey and the United Nations, the ministry said in a statement.']));
    const summary = await api.call('import.run', { paths: [folder] });
    expect(summary).toMatchObject({ imported: 4, nearDuplicateGroups: 1 });
    const hits = (await api.call('search.query', { query: 'Istanbul', sort: 'date' })).hits;
    const update = await api.call('article.get', { id: hits.find((h) => h.published === '2022-03-21T14:05')!.id });
    expect(update.versionNote).toBe('UPDATE 1');
    expect(update.nearDuplicateGroup).toMatchObject({ size: 3 });
    const group = await api.call('article.nearDuplicates', { id: update.id });
    expect(group.members.map((m) => m.agency)).toEqual(['Reuters', 'Reuters', 'AFP']);
    expect(group.members.find((m) => m.id === update.id)!.similarity).toBe(1);
    for (const m of group.members) expect(m.similarity).toBeGreaterThan(0.5);
    const grain = (await api.call('search.query', { query: 'maize' })).hits[0]!;
    expect((await api.call('article.get', { id: grain.id })).nearDuplicateGroup).toBeNull();
    expect(await api.call('article.nearDuplicates', { id: grain.id })).toEqual({ group: null, members: [] });
    await engine.close();
  });
});

describe('bad input', () => {
  // Also with the parser's read-ahead thread on from the first file (read-ahead.ts): it opens and
  // reads the same files first, named pipes and links included, and must change nothing.
  it.each([
    ['', false],
    [', with every file read ahead', true],
  ])('gives every bad file one clear outcome and imports the rest%s', async (_, readAhead) => {
    if (readAhead) process.env.WIREBENCH_TEST_READ_AHEAD = '1';
    const { engine, api, folder } = setup({ timeoutMs: 20_000 });
    try {
      fs.writeFileSync(path.join(folder, 'good.txt'), wire('Talks resume in Istanbul', PARAS));
      fs.writeFileSync(path.join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
      // 5 GB sparse file: never read.
      const sparse = path.join(folder, 'huge.txt');
      fs.closeSync(fs.openSync(sparse, 'w'));
      fs.truncateSync(sparse, 5 * 1024 ** 3);
      fs.writeFileSync(path.join(folder, 'invalid-utf8.txt'), Buffer.concat([Buffer.from('Headline here\n\nText with a broken byte '), Buffer.from([0xc3, 0x28]), Buffer.from(' in it.')]));
      fs.writeFileSync(path.join(folder, 'truncated.pdf'), Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa'));
      execFileSync('mkfifo', [path.join(folder, 'pipe.txt')]);
      fs.mkdirSync(path.join(folder, 'loop'));
      fs.symlinkSync(folder, path.join(folder, 'loop', 'back'));
      fs.symlinkSync(path.join(folder, 'self-a.txt'), path.join(folder, 'self-b.txt'));
      fs.symlinkSync(path.join(folder, 'self-b.txt'), path.join(folder, 'self-a.txt'));
      fs.symlinkSync(path.join(folder, 'nowhere.txt'), path.join(folder, 'dangling.txt'));
      const badName = Buffer.concat([Buffer.from(folder + '/bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]);
      fs.writeFileSync(badName, wire('Odd file name', PARAS.slice(0, 1)));
      const summary = await api.call('import.run', { paths: [folder] });
      const reasons = reason(summary, folder);
      expect(reasons).toMatchObject({
        'binary.txt': 'binary data, not text',
        'huge.txt': 'too large (5120 MB; the limit is 64 MB)',
        'pipe.txt': 'not a regular file (a named pipe)',
        'loop/back': 'folder already visited (a symbolic link loop or a second link to it)',
        'self-a.txt': 'symbolic link loop',
        'self-b.txt': 'symbolic link loop',
        'dangling.txt': 'dangling symbolic link: its target does not exist',
      });
      expect(reasons['truncated.pdf']).toMatch(/PDF|no text/);
      // Invalid UTF-8 is read in the encoding it most likely is, not refused.
      expect((await api.call('search.query', { query: 'broken' })).total).toBe(1);
      expect((await api.call('search.query', { query: 'odd' })).total).toBe(1);
      expect(summary.outcomes.imported + summary.outcomes.duplicate + summary.outcomes.skipped + summary.outcomes.failed).toBe(summary.files);
      expect(summary.status).toBe('completed');
    } finally {
      delete process.env.WIREBENCH_TEST_READ_AHEAD;
      await engine.close();
    }
  });

  it('stops a parser that hangs or runs out of memory, fails only that file, and goes on', async () => {
    // Fault injection (see parse-worker.ts): hang.csv loops forever, boom.csv allocates without end.
    process.env.WIREBENCH_TEST_PARSER_FAULTS = '1';
    try {
      for (const [fault, limits, expected] of [
        ['hang.csv', { timeoutMs: 1500 }, /^the parser took longer than 2 s and was stopped$/],
        ['boom.csv', { timeoutMs: 120_000, memoryMb: 48 }, /ran out of memory|crashed|stopped unexpectedly/],
      ] as const) {
        const { engine, api, folder } = setup(limits);
        for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(folder, `ok-${i}.txt`), wire(`Story ${i} from the talks`, [`${PARAS[i % 3]} Number ${i}.`]));
        fs.writeFileSync(path.join(folder, fault), 'title,text\n"x","y"\n');
        const summary = await api.call('import.run', { paths: [folder] });
        expect(reason(summary, folder)[fault]).toMatch(expected);
        expect(summary.imported).toBe(5);
        await engine.close();
      }
    } finally {
      delete process.env.WIREBENCH_TEST_PARSER_FAULTS;
    }
  }, 180_000);

  it.skipIf(spawnSync('which', ['setpriv']).status !== 0 || process.getuid?.() !== 0)(
    'reports a file it may not read, running as a user who may not (setpriv to nobody)',
    () => {
      const folder = tempDir('wirebench-perm-');
      const dataDir = tempDir('wirebench-perm-data-');
      fs.chmodSync(folder, 0o755);
      fs.chmodSync(dataDir, 0o777);
      fs.writeFileSync(path.join(folder, 'open.txt'), wire('Readable story', PARAS));
      fs.writeFileSync(path.join(folder, 'secret.txt'), wire('Secret story', PARAS.slice(1)));
      fs.chmodSync(path.join(folder, 'open.txt'), 0o644);
      fs.chmodSync(path.join(folder, 'secret.txt'), 0o600);
      const result = spawnSync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(REPO, 'src/cli/main.ts'), 'import', folder, '--data-dir', dataDir, '--json'],
        { encoding: 'utf8', env: { ...process.env, HOME: dataDir } },
      );
      const summary = JSON.parse(result.stdout) as ImportSummary;
      expect(summary.imported).toBe(1);
      expect(summary.errors).toEqual([{ path: path.join(folder, 'secret.txt'), reason: 'permission denied' }]);
    },
  );
});

describe('outcomes and history', () => {
  it('lists runs and pages through one run\'s outcomes by kind', async () => {
    const { engine, api, folder } = setup();
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(folder, `${String(i).padStart(2, '0')}.txt`), wire(`Story ${i}`, [`${PARAS[i % 3]} (${i})`]));
    fs.writeFileSync(path.join(folder, 'photo.jpg'), 'x');
    const summary = await api.call('import.run', { paths: [folder] });
    const runs = await api.call('import.runs', {});
    expect(runs.runs[0]).toMatchObject({ id: summary.runId, status: 'completed', files: 31, imported: 30, skipped: 1, paths: [folder] });
    const page = await api.call('import.outcomes', { runId: summary.runId, offset: 10, limit: 5 });
    expect(page.total).toBe(31);
    expect(page.counts).toEqual({ imported: 30, duplicate: 0, skipped: 1, failed: 0 });
    expect(page.rows).toHaveLength(5);
    const skipped = await api.call('import.outcomes', { runId: summary.runId, outcome: 'skipped' });
    expect(skipped.rows).toEqual([{ path: path.join(folder, 'photo.jpg'), outcome: 'skipped', articles: 0, duplicates: 0, reason: 'not an article format' }]);
    await expect(api.call('import.outcomes', { runId: 999, limit: 5 })).rejects.toMatchObject({ code: 'not_found' });
    await engine.close();
  });
});

describe('watched folders', () => {
  it('imports a watched folder now, new files as they appear, and resumes after a restart', async () => {
    const dataDir = tempDir();
    const folder = tempDir('wirebench-watch-');
    fs.writeFileSync(path.join(folder, 'first.txt'), wire('First story arrives', PARAS));
    let engine = createEngine({ dataDir, log: () => {} });
    let api = createClient(engine);
    const waitFor = async (query: string, n: number): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while ((await api.call('search.query', { query })).total < n) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${query}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const { folders } = await api.call('watch.add', { path: folder });
    expect(folders).toMatchObject([{ path: folder }]);
    await waitFor('first', 1);
    fs.writeFileSync(path.join(folder, 'second.txt'), wire('Second story arrives', PARAS.slice(1)));
    await waitFor('second', 1);
    await engine.close();
    // Written while Wirebench was closed: imported when it starts again.
    fs.writeFileSync(path.join(folder, 'third.txt'), wire('Third story arrives', PARAS.slice(2)));
    engine = createEngine({ dataDir, log: () => {} });
    api = createClient(engine);
    expect((await api.call('watch.list', {})).folders.map((f) => f.path)).toEqual([folder]);
    await waitFor('third', 1);
    expect((await api.call('watch.remove', { path: folder })).folders).toEqual([]);
    await expect(api.call('watch.add', { path: path.join(folder, 'first.txt') })).rejects.toMatchObject({ code: 'bad_request' });
    await engine.close();
  }, 60_000);
});
