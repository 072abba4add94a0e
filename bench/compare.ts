// npm run bench:compare -- [--corpus DIR] [--runs N]
// Times the comparison of two 10,000-word articles built from real paragraphs of a corpus
// (default ../shared/corpora/bbc-news-2225): B is A with paragraphs dropped, moved, edited
// and added, as an update or a rewrite would be. Prints JSON.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareArticles } from '../src/engine/compare/compare.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, runs: { type: 'string' }, words: { type: 'string' } } });
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
    },
    null,
    2,
  ),
);
