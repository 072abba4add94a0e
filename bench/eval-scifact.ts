// Relevance check on BEIR SciFact: the 300 test claims run through the same search path as the
// window (search.query, relevance order, "any of the words"), scored by nDCG@10 against the
// qrels. BM25 scores 0.665 in the BEIR paper.
//
//   npm run eval:scifact -- [--corpus DIR] [--json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '../src/shared/api.ts';
import { openCorpus } from '../src/engine/db/open.ts';
import { createEngine } from '../src/engine/engine.ts';
import { createFtsIndexer } from '../src/engine/search/fts-indexer.ts';
import { IndexState } from '../src/engine/search/index-state.ts';
import { ArticleStore } from '../src/engine/store/articles.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, json: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
const corpus = path.resolve(values.corpus ?? path.join(import.meta.dirname, '../../shared/corpora/ir-beir-scifact'));
const log = (m: string): void => void process.stderr.write(`${m}\n`);
for (const f of ['corpus.jsonl', 'queries.jsonl', 'qrels/test.tsv']) {
  if (!fs.existsSync(path.join(corpus, f))) {
    log(`eval:scifact: ${path.join(corpus, f)} is missing; give the BEIR SciFact folder with --corpus DIR`);
    process.exit(2);
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-scifact-'));
const started = performance.now();
// Load through the store and the search indexer, as an import would.
const db = openCorpus({ dataDir });
const store = new ArticleStore(db);
const indexer = createFtsIndexer(db);
store.addIndexer(indexer);
const docOf = new Map<number, string>();
db.transaction(() => {
  for (const line of fs.readFileSync(path.join(corpus, 'corpus.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { _id: string; title: string; text: string };
    const id = store.insert({ headline: d.title, body: d.text, published: null, place: null, agency: null, language: 'en', sourcePath: null, importRunId: null });
    if (id !== null) docOf.set(id, d._id);
  }
})();
new IndexState(db, indexer).markCurrent();
db.close();
const loadedMs = performance.now() - started;

const queries = new Map<string, string>();
for (const line of fs.readFileSync(path.join(corpus, 'queries.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const q = JSON.parse(line) as { _id: string; text: string };
  queries.set(q._id, q.text);
}
const qrels = new Map<string, Map<string, number>>();
for (const line of fs.readFileSync(path.join(corpus, 'qrels/test.tsv'), 'utf8').split('\n').slice(1)) {
  const [qid, did, score] = line.trim().split('\t');
  if (!qid || !did) continue;
  if (!qrels.has(qid)) qrels.set(qid, new Map());
  qrels.get(qid)!.set(did, Number(score));
}

const engine = createEngine({ dataDir, log });
const api = createClient(engine);
let total = 0;
const times: number[] = [];
for (const [qid, rels] of qrels) {
  // A claim is a sentence: its words, any of them, ranked by BM25 (punctuation is not syntax here).
  const text = (queries.get(qid) ?? '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const t = performance.now();
  const result = await api.call('search.query', { query: text, match: 'any', limit: 10 });
  times.push(performance.now() - t);
  const ranked = result.hits.map((h) => docOf.get(h.id)!);
  let dcg = 0;
  ranked.forEach((doc, i) => (dcg += (rels.get(doc) ?? 0) / Math.log2(i + 2)));
  const ideal = [...rels.values()].sort((a, b) => b - a).slice(0, 10);
  let idcg = 0;
  ideal.forEach((r, i) => (idcg += r / Math.log2(i + 2)));
  total += idcg > 0 ? dcg / idcg : 0;
}
await engine.close();
if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
const ndcg10 = Math.round((total / qrels.size) * 10000) / 10000;
times.sort((a, b) => a - b);
if (values.json) process.stdout.write(`${JSON.stringify({ ndcg10 })}\n`);
else {
  process.stdout.write(`nDCG@10 = ${ndcg10} over ${qrels.size} test queries (BEIR BM25: 0.665)\n`);
  process.stdout.write(`documents: ${docOf.size}, loaded and indexed in ${(loadedMs / 1000).toFixed(1)} s; query p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms\n`);
}
