// npm run bench:compare -- [--corpus DIR] [--runs N] [--db DIR] [--similar N]
// Times the comparison of two 10,000-word articles built from real paragraphs of a corpus
// (default ../shared/corpora/bbc-news-2225): B is A with paragraphs dropped, moved, edited
// and added, as an update or a rewrite would be. With --db (a corpus folder or its
// corpus.sqlite, opened read-only), also times article.similar's more-like-this for N
// articles spread over the corpus (default 60). Prints JSON.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { compareArticles } from '../src/engine/compare/compare.ts';
import { SimilarFinder, type SimilarSource } from '../src/engine/search/similar.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, runs: { type: 'string' }, words: { type: 'string' }, db: { type: 'string' }, similar: { type: 'string' } } });
const corpus = path.resolve(values.corpus ?? path.join(import.meta.dirname, '../../shared/corpora/bbc-news-2225'));
const runs = Number(values.runs ?? 30);
const targetWords = Number(values.words ?? 10000);

function* textFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* textFiles(p);
    else if (e.name.endsWith('.txt')) yield p;
  }
}

// Deterministic pseudo-random numbers, so every run compares the same texts.
let seed = 42;
const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const paragraphs: string[] = [];
let words = 0;
for (const file of textFiles(corpus)) {
  for (const p of fs.readFileSync(file, 'latin1').split(/\n\s*\n/).slice(1)) {
    const text = p.replace(/\s+/g, ' ').trim();
    if (text.split(' ').length < 12) continue;
    paragraphs.push(text);
    words += text.split(' ').length;
    if (words >= targetWords * 1.3) break;
  }
  if (words >= targetWords * 1.3) break;
}
if (paragraphs.length === 0) throw new Error(`no text found under ${corpus}`);

const a: string[] = [];
let aWords = 0;
let i = 0;
while (aWords < targetWords) {
  a.push(paragraphs[i % paragraphs.length]!);
  aWords += paragraphs[i % paragraphs.length]!.split(' ').length;
  i++;
}
const extra = paragraphs.slice(i, i + 20);
const b: string[] = [];
for (const p of a) {
  const r = rnd();
  if (r < 0.08) continue; // dropped
  if (r < 0.2) b.push(p.replace(/\b(\w+)\b/, 'Reportedly').replace(/ the /g, ' a ')); // edited
  else b.push(p);
  if (r > 0.95) b.push(extra.shift() ?? p); // added
}
for (let k = 0; k < 6; k++) {
  // moved
  const from = Math.floor(rnd() * b.length);
  const [moved] = b.splice(from, 1);
  b.splice(Math.floor(rnd() * b.length), 0, moved!);
}

const article = (id: number, body: string[]) => ({ id, headline: `Article ${id}`, published: null, place: null, agency: null, language: 'en', body: body.join('\n\n') });
const A = article(1, a);
const B = article(2, b);
compareArticles(A, B); // warm up
const times: number[] = [];
let result = compareArticles(A, B);
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  result = compareArticles(A, B);
  times.push(performance.now() - t);
}
times.sort((x, y) => x - y);
const pct = (p: number): number => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 10) / 10;
const similar = values.db ? benchSimilar(values.db, Number(values.similar ?? 60)) : null;

/** article.similar's related part (the index work) on a real corpus, read-only. */
function benchSimilar(dbPath: string, count: number): unknown {
  const file = fs.statSync(dbPath).isDirectory() ? path.join(dbPath, 'corpus.sqlite') : dbPath;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const total = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const maxId = db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
  const get = db.prepare('SELECT id, headline, body, published, language FROM articles WHERE id = ?');
  const meta = db.prepare('SELECT id, headline, published, place, agency, language, version_note AS versionNote FROM articles WHERE id = ?');
  const hasVersionNote = (db.prepare("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'version_note'").pluck().get() as number) > 0;
  const metaOf = hasVersionNote ? meta : db.prepare('SELECT id, headline, published, place, agency, language FROM articles WHERE id = ?');
  const finder = new SimilarFinder(db);
  const run = (id: number, clearCache: boolean): { ms: number; hits: number; terms: number } => {
    if (clearCache) finder.corpusChanged();
    const t = performance.now();
    const article = get.get(id) as SimilarSource | undefined;
    if (!article) return { ms: 0, hits: -1, terms: 0 };
    const { hits, terms } = finder.related(article, total, new Set(), 10);
    for (const h of hits) metaOf.get(h.id);
    return { ms: performance.now() - t, hits: hits.length, terms: terms.length };
  };
  const ids = Array.from({ length: count }, (_, k) => 1 + Math.floor(((k + 0.5) / count) * (maxId - 1)));
  run(ids[0]!, true); // warm up the statements
  const stats = (list: number[]) => {
    const sorted = [...list].sort((x, y) => x - y);
    const at = (p: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
    return { p50: at(0.5), p95: at(0.95), max: at(1) };
  };
  // Cold: no cached document frequencies (the first similar list after an import); warm: the
  // cache a session builds up as it opens articles.
  const cold = ids.map((id) => run(id, true));
  const warm = ids.map((id) => run(id, false));
  db.close();
  return {
    db: file,
    articles: total,
    runs: count,
    found: cold.filter((r) => r.hits > 0).length,
    meanTerms: Math.round((cold.reduce((s, r) => s + r.terms, 0) / count) * 10) / 10,
    coldMs: stats(cold.map((r) => r.ms)),
    warmMs: stats(warm.map((r) => r.ms)),
    targetMs: 100,
    pass: stats(cold.map((r) => r.ms)).p95 < 100,
  };
}

console.log(
  JSON.stringify(
    {
      benchmark: 'compare',
      corpus,
      wordsA: result.a.words,
      wordsB: result.b.words,
      paragraphsA: result.a.paragraphs.length,
      paragraphsB: result.b.paragraphs.length,
      summary: result.summary.text,
      runs,
      ms: { p50: pct(0.5), p95: pct(0.95), max: pct(1) },
      targetMs: 100,
      pass: pct(0.95) < 100,
      ...(similar !== null && { similar }),
    },
    null,
    2,
  ),
);
