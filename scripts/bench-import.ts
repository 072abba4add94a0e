// The import benchmark: imports a corpus folder into a fresh data folder and reports, as JSON
// on stdout, articles/s and MB/s end to end, peak RSS (engine and parser threads: one
// process), the database size, the time spent in each article indexer, and then a re-import
// of the same folder with nothing changed.
//
//   npm run bench:import -- --corpus DIR [--data-dir DIR] [--keep] [--no-reimport] [--parsers N]
//
// Make big corpora with `node ../shared/tools/make-corpus.mjs --articles N --out DIR`; run it
// under `flock /work/bench-cache/bench.lock` on a shared machine.
//
// The engine runs in this process (so the indexers can be timed), but with the V8 heap limits
// the shells give their engine worker (ENGINE_HEAP_LIMITS): with V8's defaults the peak RSS
// would not be the app's (~100 MB more at 100,000 files). The script re-runs itself with those
// limits as V8 flags when it was started without them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ENGINE_HEAP_FLAGS } from '../src/engine/host/engine-host.ts';
import { createEngine } from '../src/engine/engine.ts';
import { corpusPath } from '../src/engine/db/open.ts';
import { createClient } from '../src/shared/api.ts';

if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size') || a.startsWith('--max-old-space-size'))) {
  const again = spawnSync(process.execPath, [...process.execArgv, ...ENGINE_HEAP_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    'data-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-reimport': { type: 'boolean', default: false },
    parsers: { type: 'string' },
  },
});
if (!values.corpus) {
  process.stderr.write('usage: npm run bench:import -- --corpus DIR [--data-dir DIR] [--keep] [--no-reimport] [--parsers N]\n');
  process.exit(2);
}
const corpus = path.resolve(values.corpus);
const dataDir = path.resolve(values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-bench-')));
fs.rmSync(corpusPath(dataDir), { force: true });
for (const suffix of ['-wal', '-shm']) fs.rmSync(corpusPath(dataDir) + suffix, { force: true });

function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) {
        files++;
        bytes += fs.statSync(p).size;
      }
    }
  }
  return { files, bytes };
}

const size = fs.statSync(corpus).isDirectory() ? folderBytes(corpus) : { files: 1, bytes: fs.statSync(corpus).size };
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

const engine = createEngine({ dataDir, watch: false, log: () => {}, ...(values.parsers ? { parsers: { size: Number(values.parsers) } } : {}) });
engine.store.profile = true;
const api = createClient(engine);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const engineCpu0 = engineThreadCpuSeconds();
const summary = await api.call('import.run', { paths: [corpus] });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time of the whole process (engine and parser threads): on a busy shared machine, a
// steadier measure than wall time.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const engineCpu1 = engineThreadCpuSeconds();
const engineCpuSeconds = engineCpu0 !== null && engineCpu1 !== null ? engineCpu1 - engineCpu0 : null;
const indexers = Object.fromEntries(
  [...engine.store.indexerTime].map(([name, ns]) => [name, { totalMs: Math.round(Number(ns) / 1e6), perArticleUs: summary.imported ? Math.round(Number(ns) / 1e3 / summary.imported) : 0 }]),
);
engine.store.profile = false;
let reimport: { seconds: number; files: number; unchanged: number } | null = null;
if (!values['no-reimport']) {
  const r0 = performance.now();
  const again = await api.call('import.run', { paths: [corpus] });
  reimport = { seconds: round((performance.now() - r0) / 1000), files: again.files, unchanged: again.unchanged };
}
await engine.close();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
const dbBytes = ['', '-wal'].reduce((n, s) => n + (fs.existsSync(corpusPath(dataDir) + s) ? fs.statSync(corpusPath(dataDir) + s).size : 0), 0);

/**
 * CPU time of the engine thread alone (Linux: /proc, in clock ticks of 10 ms), null elsewhere.
 * The engine thread writes every article, so on 2 cores it sets the pace; its CPU time per
 * article shows that pace even when other work on the machine slows the wall clock.
 */
function engineThreadCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5); the slice starts at field 3.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

process.stdout.write(
  `${JSON.stringify(
    {
      corpus,
      files: size.files,
      megabytes: round(size.bytes / 1048576),
      status: summary.status,
      imported: summary.imported,
      duplicates: summary.duplicates,
      failed: summary.failed,
      skipped: summary.skipped,
      nearDuplicateGroups: summary.nearDuplicateGroups,
      seconds: round(seconds),
      articlesPerSecond: Math.round(summary.imported / seconds),
      megabytesPerSecond: round(size.bytes / 1048576 / seconds),
      cpuSeconds: round(cpuSeconds),
      cpuMicrosecondsPerArticle: summary.imported ? Math.round((cpuSeconds * 1e6) / summary.imported) : null,
      engineThreadCpuSeconds: engineCpuSeconds === null ? null : round(engineCpuSeconds),
      engineThreadMicrosecondsPerArticle: engineCpuSeconds !== null && summary.imported ? Math.round((engineCpuSeconds * 1e6) / summary.imported) : null,
      loadAverage: os.loadavg().map((l) => round(l)),
      peakRssMegabytes: Math.round(peakRss / 1048576),
      nodeFlags: process.execArgv.filter((a) => a.startsWith('--max-')),
      databaseMegabytes: round(dbBytes / 1048576),
      indexers,
      reimport,
      cores: os.availableParallelism(),
    },
    null,
    2,
  )}\n`,
);
if (!values.keep && !values['data-dir']) fs.rmSync(dataDir, { recursive: true, force: true });
