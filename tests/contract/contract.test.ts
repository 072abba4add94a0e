// One contract suite, run against the engine in-process and over HTTP (the real loopback
// server with the engine in its worker thread): both shells must behave the same.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, WirebenchError, type Client, type ImportProgress, type ImportSummary, type Transport } from '../../src/shared/api.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { startEngineHost } from '../../src/engine/host/engine-host.ts';
import { createNodeEngineWorker } from '../../src/engine/host/node-worker.ts';
import { startServer } from '../../src/server/server.ts';
import { httpSession } from '../support/http-client.ts';
import { FIXTURE_FILES, FIXTURES, REPO } from '../support/temp.ts';
import os from 'node:os';

interface Harness {
  client: Client;
  transport: Transport;
  close(): Promise<void>;
}

function freshDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-contract-'));
}

/** A minimal renderer folder, so the server can start without a build in this test. */
function rendererDir(): string {
  const built = path.join(REPO, 'out/renderer');
  if (fs.existsSync(path.join(built, 'index.html'))) return built;
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Wirebench</title>');
  return dir;
}

const harnesses: Record<string, () => Promise<Harness>> = {
  'in-process engine': async () => {
    const dir = freshDir();
    const engine = createEngine({ dataDir: dir });
    return {
      client: createClient(engine),
      transport: engine,
      close: async () => {
        await engine.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  'HTTP (loopback server, engine worker)': async () => {
    const dir = freshDir();
    const engine = await startEngineHost({ createWorker: createNodeEngineWorker, dataDir: dir });
    const server = await startServer({ engine, rendererDir: rendererDir(), port: 0, log: () => {} });
    const session = await httpSession(server.url, `${server.url}?token=${server.token}`);
    return {
      client: createClient(session),
      transport: session,
      close: async () => {
        session.close();
        await server.close();
        await engine.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

for (const [name, make] of Object.entries(harnesses)) {
  describe(`contract over ${name}`, () => {
    let h: Harness;
    let summary: ImportSummary;
    const progress: ImportProgress[] = [];
    const finished: ImportSummary[] = [];
    const changed: unknown[] = [];

    beforeAll(async () => {
      h = await make();
      h.client.on('onImportProgress', (p) => progress.push(p));
      h.client.on('onImportFinished', (s) => finished.push(s));
      h.client.on('onCorpusChanged', (c) => changed.push(c));
      expect((await h.client.call('corpus.stats', {})).articles).toBe(0);
      summary = await h.client.call('import.run', { paths: [FIXTURES] });
      // events travel separately from the call's answer; give the stream a moment
      await new Promise((r) => setTimeout(r, 200));
    });
    afterAll(async () => h?.close());

    it('imports the fixtures folder with one outcome per file', () => {
      expect(summary.status).toBe('completed');
      expect(summary.files).toBe(FIXTURE_FILES);
      // every file ends in exactly one outcome; here every article is in its own file
      expect(summary.imported + summary.duplicates + summary.failed + summary.skipped).toBe(summary.files);
      expect(summary.duplicates).toBe(1);
      expect(summary.failed).toBe(1);
      expect(summary.errors).toEqual([{ path: path.join(FIXTURES, 'bad/binary-named-as.txt'), reason: 'binary data, not text' }]);
      expect(summary.skippedFiles.map((s) => [path.relative(FIXTURES, s.path), s.reason])).toEqual([
        ['bad/empty.txt', 'empty file'],
        ['bad/spreadsheet.xls', 'not an article format'],
      ]);
    });

    it('reports progress and completion as events', () => {
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.some((p) => p.phase === 'importing')).toBe(true);
      const last = progress.at(-1)!;
      expect(last.filesDone).toBe(FIXTURE_FILES);
      expect(last.runId).toBe(summary.runId);
      expect(finished).toEqual([summary]);
      expect(changed).toEqual([{ articles: summary.imported }]);
    });

    it('counts the corpus and its agencies', async () => {
      const stats = await h.client.call('corpus.stats', {});
      expect(stats.articles).toBe(summary.imported);
      expect(stats.agencies.map((a) => a.value).sort()).toEqual(['Interfax', 'Reuters', 'Укрінформ', 'ТАСС'].sort());
      expect(stats.earliest).toBe('2019-01-04');
    });

    it('finds a phrase with marked snippets, headline matches ranked first', async () => {
      const result = await h.client.call('search.query', { query: '"prime minister"' });
      expect(result.total).toBeGreaterThanOrEqual(4);
      expect(result.hits[0]!.headline).toMatch(/prime minister/i);
      for (const hit of result.hits) expect(hit.snippet + hit.headline).toMatch(/prime minister/i);
      expect(result.hits.some((hit) => /<mark>prime minister<\/mark>/i.test(hit.snippet))).toBe(true);
    });

    it('shows the wire metadata of an article', async () => {
      const result = await h.client.call('search.query', { query: 'Belov' });
      expect(result.total).toBe(1);
      const article = await h.client.call('article.get', { id: result.hits[0]!.id, query: 'Belov' });
      expect(article).toMatchObject({ headline: "Not enough progress in talks for a leaders' meeting so far - negotiator", published: '2022-03-21T12:47', place: 'MOSCOW', agency: 'Interfax', language: 'en' });
      expect(article.path).toBe(path.join(FIXTURES, 'duplicates/talks-progress-copy.txt'));
      expect(article.matches.length).toBe(2);
      for (const m of article.matches) expect(article.body.slice(m.start, m.end)).toBe('Belov');
    });

    it('filters by agency and date, and sorts by date', async () => {
      const all = await h.client.call('search.query', { query: 'talks OR grain OR газа', sort: 'date' });
      const dates = all.hits.map((x) => x.published ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      const reuters = await h.client.call('search.query', { query: 'grain', agency: 'Reuters' });
      expect(reuters.hits.map((x) => x.agency)).toEqual(['Reuters']);
      const march = await h.client.call('search.query', { query: '', from: '2022-03-22', to: '2022-03-23' });
      expect(march.hits.map((x) => x.published)).toEqual(['2022-03-23T15:30', '2022-03-22T09:15']);
    });

    it('answers a malformed query with a clear message and a position, never an SQL error', async () => {
      const error = await h.client.call('search.query', { query: 'peace AND (war OR' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WirebenchError);
      expect(error).toMatchObject({ code: 'bad_query', position: 15 });
      expect((error as Error).message).toMatch(/OR at character 16/);
      expect((error as Error).message).not.toMatch(/sqlite|fts5|syntax error/i);
    });

    it('refuses arguments outside the contract', async () => {
      await expect(h.client.call('search.query', { query: 'x', limit: 100000 })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(h.client.call('article.get', { id: -1 })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(h.transport.call('nothing.here', {})).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
      await expect(h.client.call('article.get', { id: 999999 })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('reads nothing again on a second import of the same folder and stores nothing twice', async () => {
      const before = (await h.client.call('corpus.stats', {})).articles;
      const again = await h.client.call('import.run', { paths: [FIXTURES] });
      expect(again.imported).toBe(0);
      // Files already imported and unchanged are duplicate files, not read again.
      expect(again.unchanged).toBe(summary.outcomes.imported + summary.outcomes.duplicate);
      expect(again.outcomes.duplicate).toBe(again.unchanged);
      const outcomes = await h.client.call('import.outcomes', { runId: again.runId, outcome: 'duplicate', limit: 500 });
      expect(outcomes.rows.every((r) => r.reason === 'unchanged since the last import')).toBe(true);
      expect((await h.client.call('corpus.stats', {})).articles).toBe(before);
    });

    it('reports the app info and the demo attribution', async () => {
      const info = await h.client.call('app.info', {});
      expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(info.demoAvailable).toBe(true);
      const attribution = await h.client.call('demo.attribution', {});
      expect(attribution.sources.map((s) => s.licence)).toContain('CC BY 4.0');
      expect(attribution.articles.length).toBe(attribution.sources.reduce((n, s) => n + s.articles, 0));
    });

    it('finds quotes by speaker and keeps collections with undo, exporting a briefing over the contract', async () => {
      const belov = await h.client.call('quotes.search', { query: 'speaker:Belov' });
      expect(belov.total).toBe(2);
      expect(belov.quotes[0]).toMatchObject({ speaker: 'Anton Belov', headline: expect.stringContaining('progress') });
      const name = `Belov ${Math.random()}`;
      const c = await h.client.call('collections.create', { name });
      await h.client.call('collections.addItems', { collectionId: c.id, items: belov.quotes.map((q) => ({ quoteId: q.id })) });
      const exported = await h.client.call('briefing.export', { collectionId: c.id, format: 'md' });
      expect(exported).toMatchObject({ format: 'md', path: null, fileName: expect.stringMatching(/\.md$/) });
      expect(Buffer.from(exported.data!, 'base64').toString('utf8')).toContain(belov.quotes[0]!.text.slice(0, 40));
      expect((await h.client.call('collections.undo', {})).redoLabel).toMatch(/^Add 2 items/);
      expect((await h.client.call('collections.get', { id: c.id })).itemList).toHaveLength(0);
      await expect(h.client.call('collections.get', { id: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
      await expect(h.client.call('quotes.search', { query: 'a OR' })).rejects.toMatchObject({ code: 'bad_query' });
      await expect(h.client.call('dialog.saveFile', { defaultName: 'x.pdf', extensions: ['pdf'] })).rejects.toMatchObject({ code: 'unsupported' });
    });

    it('says the folder picker is not available outside the desktop app', async () => {
      await expect(h.client.call('dialog.pickFolders', {})).rejects.toMatchObject({ code: 'unsupported' });
    });

    // Last: it replaces the corpus.
    it('reports the corpus health, checks, backs up and restores', async () => {
      const health = await h.client.call('corpus.health', {});
      expect(health).toMatchObject({ state: 'ok', message: null, uncleanShutdown: false, lastCheck: { kind: 'quick', ok: true } });
      expect(await h.client.call('corpus.check', {})).toMatchObject({ kind: 'full', ok: true, problems: [], repaired: [] });
      const backup = await h.client.call('backup.create', {});
      expect(backup).toMatchObject({ reason: 'manual', schemaVersion: health.schemaVersion });
      expect((await h.client.call('backup.list', {})).backups.map((b) => b.name)).toEqual([backup.name]);
      await h.client.call('import.run', { paths: [path.join(REPO, 'resources/demo/articles/wikinews-en')] });
      expect((await h.client.call('corpus.stats', {})).articles).toBeGreaterThan(summary.imported);
      const healthEvents: unknown[] = [];
      const off = h.client.on('onCorpusHealth', (p) => healthEvents.push(p));
      const restored = await h.client.call('backup.restore', { name: backup.name });
      expect(restored.state).toBe('ok');
      expect((await h.client.call('corpus.stats', {})).articles).toBe(summary.imported);
      await expect(h.client.call('backup.restore', { name: '../corpus.sqlite' })).rejects.toMatchObject({ code: 'bad_request' });
      await new Promise((r) => setTimeout(r, 200));
      expect(healthEvents).toHaveLength(1);
      off();
    });
  });
}
