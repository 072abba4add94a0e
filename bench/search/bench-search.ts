// Search benchmark: latency per query class on a make-corpus corpus of N articles, plus facets,
// suggestions, engine memory, cold start, and (with --indexer) the search indexer's own rate.
// Prints one JSON object on stdout; progress on stderr.
//
//   npm run bench:search -- [--articles 1000000] [--runs 7] [--indexer]
//
// Run it under `flock /work/bench-cache/bench.lock` on a shared machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from '../../src/shared/api.ts';
import { openCorpus } from '../../src/engine/db/open.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { createFtsIndexer } from '../../src/engine/search/fts-indexer.ts';
import { IndexState } from '../../src/engine/search/index-state.ts';
import { loadRankFunction } from '../../src/engine/search/rank-function.ts';
import { CACHE, ensureBenchDb } from './bench-corpus.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' }, indexer: { type: 'boolean', default: false } },
});
const articles = Number(values.articles);
const runs = Math.max(2, Number(values.runs));
const log = (m: string): void => void process.stderr.write(`bench: ${m}\n`);

const CLASSES: Record<string, Array<{ query: string; sort?: 'date'; [k: string]: unknown }>> = {
  'common words': [{ query: 'said' }, { query: 'the' }],
  'mid-frequency words': [{ query: 'oil' }, { query: 'government' }, { query: 'election' }, { query: 'shares' }, { query: 'profit' }],
  phrases: [{ query: '"prime minister"' }, { query: '"interest rates"' }, { query: '"oil prices"' }, { query: '"the company said"' }],
  boolean: [{ query: '(oil OR gas) AND prices NOT opec' }, { query: 'bank (rates OR inflation)' }, { query: 'election -labour' }, { query: 'said AND market' }],
  prefix: [{ query: 'negotiat*' }, { query: 'elect*' }, { query: 'compan*' }, { query: 'minist*' }],
  'field and date filters': [
    { query: 'headline:oil' },
    { query: 'agency:Reuters said' },
    { query: 'date:2020 oil' },
    { query: 'place:LONDON market' },
    { query: 'date:2018-03..2018-06 government' },
    { query: 'said', from: '2019-01', to: '2019-12' },
  ],
  'date order': [{ query: 'said', sort: 'date' }, { query: 'oil', sort: 'date' }, { query: '"prime minister"', sort: 'date' }],
  proximity: [{ query: 'oil NEAR/5 prices' }, { query: '"bank rates"~4' }],
};
const FACETS = [{ query: 'said' }, { query: 'the' }, { query: 'oil' }, { query: '"prime minister"' }, { query: 'election', agency: 'Reuters' }];
const SUGGEST = ['pri', 'minis', 'Lond', 'Tony Bl', 'reut', 'gov', 'elec', 'oil pr'];

function percentiles(samples: number[]): { p50: number; p95: number; p99: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

/**
 * Wall time, and the CPU time this process spent (the engine runs in it): on a shared machine
 * the wall time includes waiting for a core, the CPU time is the work itself.
 */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, value };
}

const cpuOf = (samples: number[]): { cpuP50: number; cpuP95: number } => {
  const p = percentiles(samples);
  return { cpuP50: p.p50, cpuP95: p.p95 };
};

async function measure(api: Client): Promise<Record<string, unknown>> {
  const classes: Record<string, unknown> = {};
  let peakRss = process.memoryUsage().rss;
  for (const [name, queries] of Object.entries(CLASSES)) {
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    const detail: unknown[] = [];
    for (const q of queries) {
      await api.call('search.query', { limit: 20, ...q }); // warm-up (page cache, statement cache)
      const own: number[] = [];
      let last: Awaited<ReturnType<Client['call']>> | null = null;
      for (let i = 0; i < runs; i++) {
        const r = await timed(() => api.call('search.query', { limit: 20, ...q }));
        own.push(r.ms);
        cpuSamples.push(r.cpuMs);
        last = r.value;
      }
      samples.push(...own);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const result = last as { total: number; totalExact: boolean; rankedAmong: number | null; hits: unknown[] };
      const order = (result as { order?: string }).order;
      detail.push({ ...q, ...percentiles(own), total: result.total, exact: result.totalExact, rankedAmong: result.rankedAmong, order, hits: result.hits.length });
    }
    classes[name] = { ...percentiles(samples), ...cpuOf(cpuSamples), queries: detail };
    log(`${name}: ${JSON.stringify({ ...percentiles(samples), ...cpuOf(cpuSamples) })}`);
  }
  const facetSamples: number[] = [];
  const facetCpu: number[] = [];
  const facetDetail: unknown[] = [];
  for (const q of FACETS) {
    await api.call('search.facets', q);
    const own: number[] = [];
    let exact = true;
    for (let i = 0; i < runs; i++) {
      const r = await timed(() => api.call('search.facets', q));
      own.push(r.ms);
      facetCpu.push(r.cpuMs);
      exact = r.value.exact;
    }
    facetSamples.push(...own);
    facetDetail.push({ ...q, ...percentiles(own), exact });
  }
  classes.facets = { ...percentiles(facetSamples), ...cpuOf(facetCpu), queries: facetDetail };
  log(`facets: ${JSON.stringify({ ...percentiles(facetSamples), ...cpuOf(facetCpu) })}`);
  // Suggestions: the first call builds (or loads) the derived index; timed separately.
  const build = await timed(() => api.call('search.suggest', { text: 'warm' }));
  const suggestSamples: number[] = [];
  const suggestCpu: number[] = [];
  for (const text of SUGGEST) {
    for (let i = 0; i < runs; i++) {
      const r = await timed(() => api.call('search.suggest', { text }));
      suggestSamples.push(r.ms);
      suggestCpu.push(r.cpuMs);
    }
  }
  classes.suggestions = { ...percentiles(suggestSamples), ...cpuOf(suggestCpu), firstCallMs: Math.round(build.ms) };
  log(`suggestions: ${JSON.stringify(classes.suggestions)}`);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { classes, rssMB: Math.round(peakRss / 1048576) };
}

/** A fresh process that opens the corpus and answers one query, as the CLI or the app would. */
function coldStart(dataDir: string): { ms: number; parts: unknown } {
  const script = path.join(import.meta.dirname, 'cold-start.ts');
  const t = performance.now();
  const r = spawnSync(process.execPath, [script, dataDir], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
  return { ms: Math.round(ms), parts: JSON.parse(r.stdout) as unknown };
}

/** The search indexer alone: reindex a copy of the corpus (read the articles, key them, write the index). */
function indexerRate(dataDir: string): { articles: number; seconds: number; articlesPerSecond: number } {
  const copy = path.join(CACHE, `search-indexer-copy-${articles}`);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.mkdirSync(copy, { recursive: true });
  fs.copyFileSync(path.join(dataDir, 'corpus.sqlite'), path.join(copy, 'corpus.sqlite'));
  const db = openCorpus({ dataDir: copy });
  db.pragma('cache_size = -65536');
  const state = new IndexState(db, createFtsIndexer(db));
  state.begin(true);
  const t = performance.now();
  while (!state.step(2000));
  const seconds = (performance.now() - t) / 1000;
  const n = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  db.close();
  fs.rmSync(copy, { recursive: true, force: true });
  return { articles: n, seconds: Math.round(seconds * 10) / 10, articlesPerSecond: Math.round(n / seconds) };
}

/**
 * How fast this machine is right now: raw FTS5 ranking of every match of "said", the figure the
 * issue gives as about 800 ms at a million articles on an idle machine. Shared machines are often
 * not idle; scale the figures above by this.
 */
function calibration(dataDir: string): number {
  const db = openCorpus({ dataDir, readonly: true });
  const statement = db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH '"said"' ORDER BY rank LIMIT 20`);
  statement.all();
  const t = performance.now();
  statement.all();
  const ms = performance.now() - t;
  db.close();
  return Math.round(ms);
}

const { dataDir, built } = await ensureBenchDb(articles);
// The first open may also rebuild derived data another version of the code left stale (the
// bench databases are shared); the median of three is the start-up a user sees.
// engineOpenMs is mostly the integrity quick_check, which reads every page of the corpus.
const coldStarts = [coldStart(dataDir), coldStart(dataDir), coldStart(dataDir)];
const coldStartMs = [...coldStarts].sort((a, b) => a.ms - b.ms)[1]!.ms;
log(`cold start: ${JSON.stringify(coldStarts)}`);
const engine = createEngine({ dataDir, log });
await engine.indexReady();
const measured = await measure(createClient(engine));
await engine.close();
const report: Record<string, unknown> = {
  articles,
  dataDir,
  databaseMB: Math.round(fs.statSync(path.join(dataDir, 'corpus.sqlite')).size / 1048576),
  built,
  runsPerQuery: runs,
  coldStartMs,
  coldStarts,
  ...measured,
  rawFts5RankSaidMs: calibration(dataDir),
  // Which ranking function the engine's connection gets (rank-function.ts).
  rankFunction: loadRankFunction(openCorpus({ dataDir, readonly: true })) ? 'wb_bm25 (src/native/wbrank.c)' : 'bm25() built in',
  loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 10) / 10),
};
if (values.indexer) report.indexer = indexerRate(dataDir);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
