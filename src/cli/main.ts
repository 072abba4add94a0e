// wirebench: the engine from a terminal.
//
//   wirebench import PATH...          wirebench search QUERY     wirebench show ID
//   wirebench stats                   wirebench serve [--port N]
//
// Every command takes --data-dir DIR and --json. Bad arguments end with a one-line message
// and exit code 2; a failed operation with exit code 1.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createClient, WirebenchError, type Client, type ImportProgress } from '../shared/api.ts';
import { createEngine } from '../engine/engine.ts';
import { startEngineHost } from '../engine/host/engine-host.ts';
import { createNodeEngineWorker } from '../engine/host/node-worker.ts';
import { defaultDataDir } from '../engine/paths.ts';
import { VERSION } from '../engine/version.ts';
import { startServer } from '../server/server.ts';
import { formatArticle, formatSearch, formatSummary, progressBar, styleFor } from './format.ts';

const USAGE = `Wirebench ${VERSION}: a research workbench for news.

Usage:
  wirebench import PATH...                 import folders (recursively) and files
  wirebench search QUERY [--limit N] [--offset N] [--sort relevance|date]
                         [--from DATE] [--to DATE] [--agency NAME]
  wirebench show ID [--query QUERY]        print one article
  wirebench stats                          what is in the corpus
  wirebench serve [--port N]               the window in a browser, on 127.0.0.1 only

Options for every command:
  --data-dir DIR   the data folder (default: ${defaultDataDir()})
  --json           machine-readable output
  -h, --help       this help

Queries: words (all must match), "exact phrases", OR, NOT or -word, prefix*, (grouping).
Dates: YYYY, YYYY-MM or YYYY-MM-DD.`;

class UsageError extends Error {}

const COMMON = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return parsed;
}

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

function dataDir(value: string | undefined): string {
  return value ? path.resolve(value) : defaultDataDir();
}

async function withEngine<T>(dir: string, work: (api: Client) => Promise<T>): Promise<T> {
  const engine = createEngine({ dataDir: dir });
  try {
    return await work(createClient(engine));
  } finally {
    await engine.close();
  }
}

async function cmdImport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) return help();
  if (positionals.length === 0) throw new UsageError('import needs at least one folder or file: wirebench import PATH...');
  const paths = positionals.map((p) => path.resolve(p));
  return withEngine(dataDir(values['data-dir']), async (api) => {
    const tty = process.stderr.isTTY && !values.json;
    let lastLine = 0;
    const off = api.on('onImportProgress', (p: ImportProgress) => {
      if (!tty) return;
      const now = Date.now();
      if (now - lastLine < 100 && p.phase === 'importing') return;
      lastLine = now;
      process.stderr.write(`\r\x1b[2K${progressBar(p, process.stderr.columns ?? 100)}`);
    });
    const onSigint = (): void => void api.call('import.cancel', {});
    process.on('SIGINT', onSigint);
    try {
      const summary = await api.call('import.run', { paths });
      if (tty) process.stderr.write('\r\x1b[2K');
      if (values.json) json(summary);
      else out(formatSummary(summary));
      if (summary.status === 'cancelled') return 130;
      return summary.status === 'failed' ? 1 : 0;
    } finally {
      off();
      process.off('SIGINT', onSigint);
    }
  });
}

async function cmdSearch(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    limit: { type: 'string' },
    offset: { type: 'string' },
    sort: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    agency: { type: 'string' },
  });
  if (values.help) return help();
  const query = positionals.join(' ');
  if (values.sort !== undefined && values.sort !== 'relevance' && values.sort !== 'date') throw new UsageError('--sort must be relevance or date');
  const args = {
    query,
    limit: intOption(values.limit, 'limit', 1, 500) ?? 20,
    ...(values.offset !== undefined && { offset: intOption(values.offset, 'offset', 0, 10_000_000)! }),
    ...(values.sort !== undefined && { sort: values.sort as 'relevance' | 'date' }),
    ...(values.from !== undefined && { from: values.from }),
    ...(values.to !== undefined && { to: values.to }),
    ...(values.agency !== undefined && { agency: values.agency }),
  };
  return withEngine(dataDir(values['data-dir']), async (api) => {
    const result = await api.call('search.query', args);
    if (values.json) json(result);
    else out(formatSearch(result, query, styleFor(process.stdout.isTTY)));
    return 0;
  });
}

async function cmdShow(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { query: { type: 'string' } });
  if (values.help) return help();
  if (positionals.length !== 1) throw new UsageError('show needs exactly one article id: wirebench show ID');
  const id = intOption(positionals[0], 'id', 1, Number.MAX_SAFE_INTEGER)!;
  return withEngine(dataDir(values['data-dir']), async (api) => {
    const article = await api.call('article.get', { id, ...(values.query !== undefined && { query: values.query }) });
    if (values.json) json(article);
    else out(formatArticle(article, styleFor(process.stdout.isTTY)));
    return 0;
  });
}

async function cmdStats(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) return help();
  if (positionals.length) throw new UsageError(`stats takes no arguments (got ${positionals[0]})`);
  return withEngine(dataDir(values['data-dir']), async (api) => {
    const stats = await api.call('corpus.stats', {});
    if (values.json) json(stats);
    else {
      out(`${stats.articles.toLocaleString('en-GB')} articles in ${dataDir(values['data-dir'])}`);
      if (stats.earliest) out(`dated ${stats.earliest} to ${stats.latest}`);
      for (const a of stats.agencies.slice(0, 10)) out(`  ${a.value}: ${a.count.toLocaleString('en-GB')}`);
    }
    return 0;
  });
}

async function cmdServe(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: 'string' } });
  if (values.help) return help();
  if (positionals.length) throw new UsageError(`serve takes no arguments (got ${positionals[0]})`);
  const port = intOption(values.port, 'port', 0, 65535) ?? 0;
  const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('The window is not built yet: run `npm run build` (npm install does it too), then try again.');
  }
  const engine = await startEngineHost({ createWorker: createNodeEngineWorker, dataDir: dataDir(values['data-dir']) });
  let server;
  try {
    server = await startServer({ engine, rendererDir, port });
  } catch (error) {
    await engine.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`Port ${port} is in use; choose another with --port, or --port 0 for any free one.`, { cause: error });
    throw error;
  }
  if (values.json) out(JSON.stringify({ url: `${server.url}?token=${server.token}`, port: server.port }));
  else out(`Listening at ${server.url}?token=${server.token}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await engine.close();
  return 0;
}

function help(): number {
  out(USAGE);
  return 0;
}

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  import: cmdImport,
  search: cmdSearch,
  show: cmdShow,
  stats: cmdStats,
  serve: cmdServe,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return help();
  if (command === '--version' || command === '-v') {
    out(VERSION);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"; try: ${Object.keys(COMMANDS).join(', ')} (wirebench --help)`);
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`wirebench: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof WirebenchError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`wirebench: ${message}\n`);
    return 1;
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
