// Benchmark corpora for search: a make-corpus JSONL file (generated once, under a lock, in the
// bench cache) bulk-loaded through the same ArticleStore and search indexer the importer uses,
// into a database kept in the bench cache and reused while the index version is the same.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { openCorpus } from '../../src/engine/db/open.ts';
import { createFtsIndexer } from '../../src/engine/search/fts-indexer.ts';
import { INDEX_VERSION, IndexState } from '../../src/engine/search/index-state.ts';
import { detectLanguage } from '../../src/engine/ingest/language.ts';
import { ArticleStore } from '../../src/engine/store/articles.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CACHE = process.env.WIREBENCH_BENCH_CACHE ?? '/work/bench-cache';
const MAKE_CORPUS = path.resolve(REPO, '../shared/tools/make-corpus.mjs');

const log = (message: string): void => void process.stderr.write(`${message}\n`);

function label(articles: number): string {
  return articles % 1_000_000 === 0 ? `${articles / 1_000_000}m` : articles % 1000 === 0 ? `${articles / 1000}k` : String(articles);
}

/** Runs `work` holding an exclusive lock file (flock), so two benchmarks never build the same thing. */
function locked(lockFile: string, command: string[]): void {
  execFileSync('flock', [lockFile, ...command], { stdio: ['ignore', 'inherit', 'inherit'] });
}

export function ensureJsonl(articles: number): string {
  const dir = path.join(CACHE, `wire-${label(articles)}-jsonl`);
  const file = path.join(dir, 'articles.jsonl');
  if (fs.existsSync(path.join(dir, 'done'))) return file;
  if (!fs.existsSync(MAKE_CORPUS)) throw new Error(`make-corpus not found at ${MAKE_CORPUS}`);
  fs.mkdirSync(CACHE, { recursive: true });
  log(`bench: generating ${articles} articles into ${dir}`);
  locked(path.join(CACHE, 'gen.lock'), [
    'sh', '-c',
    `test -f "${dir}/done" || ("${process.execPath}" "${MAKE_CORPUS}" --articles ${articles} --out "${dir}" --format jsonl >&2 && touch "${dir}/done")`,
  ]);
  return file;
}

export interface LoadReport {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
}

interface JsonlArticle {
  id: number;
  published: string;
  headline: string;
  place: string;
  agency: string;
  body: string;
}

/** Loads a JSONL corpus into a data folder through the store and the search indexer. */
export async function loadJsonl(file: string, dataDir: string, options: { withIndexer?: boolean; limit?: number } = {}): Promise<LoadReport> {
  const db = openCorpus({ dataDir });
  db.pragma('cache_size = -65536');
  const store = new ArticleStore(db);
  const indexer = createFtsIndexer(db);
  if (options.withIndexer !== false) store.addIndexer(indexer);
  const state = new IndexState(db, indexer);
  state.begin();
  state.step();
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let batch: JsonlArticle[] = [];
  let n = 0;
  const started = performance.now();
  const write = db.transaction((items: JsonlArticle[]) => {
    for (const a of items) {
      store.insert({
        headline: a.headline,
        body: a.body,
        // make-corpus writes UTC instants; the wire files it also writes show minutes
        published: a.published.slice(0, 16),
        place: a.place,
        agency: a.agency,
        language: detectLanguage(`${a.headline}\n${a.body}`),
        sourcePath: null,
        importRunId: null,
      });
    }
  });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as JsonlArticle);
    n++;
    if (batch.length === 2000) {
      write(batch);
      batch = [];
      if (n % 100_000 === 0) log(`bench: loaded ${n} articles (${Math.round(n / ((performance.now() - started) / 1000))}/s)`);
    }
    if (options.limit && n >= options.limit) break;
  }
  write(batch);
  const seconds = (performance.now() - started) / 1000;
  if (options.withIndexer !== false) state.markCurrent();
  db.pragma('optimize');
  db.close();
  return { articles: n, seconds: Math.round(seconds * 10) / 10, articlesPerSecond: Math.round(n / seconds) };
}

/** A data folder holding `articles` make-corpus articles, indexed by the current index version. */
export async function ensureBenchDb(articles: number): Promise<{ dataDir: string; built: LoadReport | null }> {
  const dataDir = path.join(CACHE, `search-db-${label(articles)}-v${INDEX_VERSION}`);
  if (fs.existsSync(path.join(dataDir, 'done'))) return { dataDir, built: null };
  const file = ensureJsonl(articles);
  fs.rmSync(dataDir, { recursive: true, force: true });
  log(`bench: loading ${file} into ${dataDir}`);
  const built = await loadJsonl(file, dataDir);
  const db = openCorpus({ dataDir });
  // Merge the FTS5 segments into one, as the engine's upkeep does after a big import (segment-upkeep.ts).
  db.prepare(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`).run();
  db.close();
  fs.writeFileSync(path.join(dataDir, 'done'), JSON.stringify(built));
  return { dataDir, built };
}
