// Load test of web mode on loopback: `wirebench serve` in its own process, N clients searching
// as fast as the server answers, and one client importing, for a fixed time. Reports every
// error response, latency percentiles, and the server's memory over time (RSS from /proc),
// as JSON on stdout.
//
//   npm run bench:load -- [--seconds 60] [--clients 50] [--base FOLDER] [--import FOLDER...] [--heap-mb N]
//
// --base is imported before the clock starts (the corpus searched); --import is what the
// importing client brings in while the searches run. Defaults use the generated wire corpus
// in /work/bench-cache/wire-1m (node ../shared/tools/make-corpus.mjs makes it).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LoadOptions {
  dataDir: string;
  /** Folders the importing client imports, one after the other, while the clients search. */
  importPaths: string[];
  clients: number;
  durationMs: number;
  queries?: string[];
  /** How often to sample the server's memory. */
  sampleMs?: number;
  /**
   * Caps the server's JavaScript heap (MB). Unconstrained, V8 grows its heap lazily and RSS
   * creeps up under load; with a cap, a leak would end in an out-of-memory crash instead.
   */
  heapMb?: number;
}

export interface LoadResult {
  clients: number;
  seconds: number;
  heapMb: number | null;
  /** How the server process ended: 0 (or SIGTERM) after a clean stop; anything else is a crash. */
  serverExit: string;
  searches: number;
  searchesPerSecond: number;
  errors: number;
  errorSamples: string[];
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  import: { runs: number; imported: number; duplicates: number; failed: number; errors: number };
  rssMb: { start: number; end: number; max: number; samples: number[] };
  /** RSS growth over the second half of the run (MB): near zero when memory is flat. */
  rssGrowthSecondHalfMb: number;
  articlesAtEnd: number;
}

export const DEFAULT_QUERIES = [
  'talks', 'minister', '"prime minister"', 'oil OR gas', 'bank* NOT loss', 'election', 'market -shares', '(trade OR tariff) china', 'profit*', 'government',
  'football', 'court', 'price', 'strike', 'company', '"interest rates"', 'film', 'music', 'police', 'war', 'peace', 'London', 'Reuters', 'exports', 'dollar',
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : 0;
  } catch {
    return 0;
  }
}

async function startServe(dataDir: string, heapMb?: number): Promise<{ child: ChildProcess; url: string }> {
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=2'] : [];
  const child = spawn(process.execPath, [...heap, 'src/cli/main.ts', 'serve', '--data-dir', dataDir, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /Listening at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

interface Session {
  origin: string;
  cookie: string;
  agent: http.Agent;
}

function post(s: Session, body: unknown): Promise<{ status: number; json: { ok: boolean; result?: unknown; error?: { code: string; message: string } } }> {
  const text = JSON.stringify(body);
  const url = new URL('/api/call', s.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: s.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), cookie: s.cookie, origin: s.origin } },
      (res) => {
        let data = '';
        res.setEncoding('utf8').on('data', (c: string) => (data += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) });
          } catch {
            resolve({ status: res.statusCode ?? 0, json: { ok: false, error: { code: 'unreadable', message: data.slice(0, 200) } } });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

async function login(launchUrl: string): Promise<Session> {
  const response = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (response.status !== 303 || !cookie) throw new Error(`login answered ${response.status}`);
  return { origin: new URL(launchUrl).origin, cookie, agent: new http.Agent({ keepAlive: true, maxSockets: 256 }) };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const queries = options.queries ?? DEFAULT_QUERIES;
  const { child, url } = await startServe(options.dataDir, options.heapMb);
  const pid = child.pid!;
  const session = await login(url);
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const imports = { runs: 0, imported: 0, duplicates: 0, failed: 0, errors: 0 };
  const samples: number[] = [rssMb(pid)];
  const sampler = setInterval(() => samples.push(rssMb(pid)), options.sampleMs ?? 1000);
  const started = Date.now();
  const deadline = started + options.durationMs;
  const fail = (what: string): void => {
    errors++;
    if (errorSamples.length < 10) errorSamples.push(what);
  };

  const searcher = async (n: number): Promise<void> => {
    let i = n;
    while (Date.now() < deadline) {
      const query = queries[i++ % queries.length]!;
      const args = { query, limit: 50, ...(i % 3 === 0 && { sort: 'date' }), ...(i % 7 === 0 && { offset: 50 }) };
      const t0 = performance.now();
      try {
        const r = await post(session, { method: 'search.query', args });
        latencies.push(performance.now() - t0);
        if (r.status !== 200 || !r.json.ok) fail(`search ${JSON.stringify(query)}: ${r.status} ${JSON.stringify(r.json.error)}`);
      } catch (error) {
        fail(`search ${JSON.stringify(query)}: ${(error as Error).message}`);
      }
    }
  };

  const importer = async (): Promise<void> => {
    for (let k = 0; Date.now() < deadline; k++) {
      const folder = options.importPaths[k % options.importPaths.length]!;
      try {
        const r = await post(session, { method: 'import.run', args: { paths: [folder] } });
        const s = r.json.result as { imported: number; duplicates: number; failed: number; status: string } | undefined;
        if (r.status !== 200 || !r.json.ok || !s) {
          imports.errors++;
          fail(`import: ${r.status} ${JSON.stringify(r.json.error)}`);
        } else {
          imports.runs++;
          imports.imported += s.imported;
          imports.duplicates += s.duplicates;
          imports.failed += s.failed;
        }
      } catch (error) {
        imports.errors++;
        fail(`import: ${(error as Error).message}`);
      }
      if (k + 1 >= options.importPaths.length && Date.now() < deadline) {
        // Everything imported: the rest of the run is searches only.
        break;
      }
    }
  };

  // The importer stops at the deadline by cancelling: its run ends with what it stored.
  const cancelAtDeadline = setTimeout(() => void post(session, { method: 'import.cancel', args: {} }).catch(() => {}), options.durationMs);
  await Promise.all([importer(), ...Array.from({ length: options.clients }, (_, n) => searcher(n))]);
  clearTimeout(cancelAtDeadline);
  clearInterval(sampler);
  samples.push(rssMb(pid));
  const seconds = (Date.now() - started) / 1000;
  const stats = await post(session, { method: 'corpus.stats', args: {} });
  session.agent.destroy();
  const exited = child.exitCode !== null ? `exited ${child.exitCode} during the run` : null;
  child.kill('SIGTERM');
  const exit = exited ?? (await new Promise<string>((r) => child.once('exit', (code, signal) => r(String(code ?? signal)))));

  latencies.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 10) / 10;
  const half = samples.slice(Math.floor(samples.length / 2));
  return {
    clients: options.clients,
    seconds: round(seconds),
    heapMb: options.heapMb ?? null,
    serverExit: exit,
    searches: latencies.length,
    searchesPerSecond: round(latencies.length / seconds),
    errors,
    errorSamples,
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
    import: imports,
    rssMb: { start: samples[0]!, end: samples.at(-1)!, max: Math.max(...samples), samples },
    rssGrowthSecondHalfMb: round((half.at(-1) ?? 0) - Math.min(...half)),
    articlesAtEnd: (stats.json.result as { articles: number } | undefined)?.articles ?? -1,
  };
}

function argList(name: string): string[] {
  const out: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) {
      while (argv[i + 1] && !argv[i + 1]!.startsWith('--')) out.push(argv[++i]!);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const seconds = Number(argList('seconds')[0] ?? 60);
  const clients = Number(argList('clients')[0] ?? 50);
  const cache = '/work/bench-cache/wire-1m';
  const base = argList('base')[0] ?? path.join(cache, '2024');
  const importPaths = argList('import').length ? argList('import') : [path.join(cache, '2023'), path.join(cache, '2022')];
  for (const p of [base, ...importPaths]) {
    if (!fs.existsSync(p)) throw new Error(`${p} is missing: make it with node ../shared/tools/make-corpus.mjs --articles 1000000 --out ${cache}`);
  }
  // The base corpus is imported once and kept; each run works on a copy.
  const baseData = path.join('/work/bench-cache', `load-base-${path.basename(base)}-v1`);
  if (!fs.existsSync(path.join(baseData, 'done'))) {
    fs.rmSync(baseData, { recursive: true, force: true });
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, ['src/cli/main.ts', 'import', base, '--data-dir', baseData], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    fs.writeFileSync(path.join(baseData, 'done'), new Date().toISOString());
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-load-'));
  fs.copyFileSync(path.join(baseData, 'corpus.sqlite'), path.join(dataDir, 'corpus.sqlite'));
  try {
    const heapMb = argList('heap-mb')[0] ? Number(argList('heap-mb')[0]) : undefined;
    const result = await runLoad({ dataDir, importPaths, clients, durationMs: seconds * 1000, heapMb });
    process.stdout.write(`${JSON.stringify({ bench: 'load', base, importPaths, ...result }, null, 2)}\n`);
    if (result.errors > 0 || !['0', 'SIGTERM'].includes(result.serverExit)) process.exitCode = 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
