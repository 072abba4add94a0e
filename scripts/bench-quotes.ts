// Quote extraction speed, and what the quotes indexer adds to storing articles:
//
//   npm run bench:quotes -- [--corpus FILE.jsonl] [--articles N]
//
// FILE.jsonl holds one {"headline","body","published","place","agency"} per line, as
// `node ../shared/tools/make-corpus.mjs --format jsonl` writes (default: the shared
// /work/bench-cache/wire-1m-jsonl/articles.jsonl). Prints JSON: extraction alone (articles/s,
// MB/s, quotes found) and storing the articles through the ArticleStore into a temporary
// corpus with the full-text index alone, then with the quotes indexer too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { openCorpus } from '../src/engine/db/open.ts';
import { createQuoteIndexer } from '../src/engine/quotes/indexer.ts';
import { extractQuotes } from '../src/engine/quotes/extract.ts';
import { createFtsIndexer } from '../src/engine/search/fts-indexer.ts';
import { ArticleStore, type NewArticle } from '../src/engine/store/articles.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: '/work/bench-cache/wire-1m-jsonl/articles.jsonl' }, articles: { type: 'string', default: '100000' } } });
const limit = Number(values.articles);
if (!Number.isInteger(limit) || limit < 1) {
  process.stderr.write('bench-quotes: --articles must be a positive whole number\n');
  process.exit(2);
}
if (!fs.existsSync(values.corpus!)) {
  process.stderr.write(`bench-quotes: no corpus at ${values.corpus}; make one with node ../shared/tools/make-corpus.mjs --format jsonl\n`);
  process.exit(2);
}

const articles: NewArticle[] = [];
const lines = readline.createInterface({ input: fs.createReadStream(values.corpus!), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const a = JSON.parse(line) as { headline: string; body: string; published: string | null; place: string | null; agency: string | null };
  articles.push({ headline: a.headline, body: a.body, published: a.published?.slice(0, 16) ?? null, place: a.place, agency: a.agency, language: 'en', sourcePath: null, importRunId: null });
  if (articles.length >= limit) break;
}
lines.close();
const chars = articles.reduce((n, a) => n + a.body.length, 0);

// 1. Extraction alone.
let quotes = 0;
const t0 = performance.now();
for (const a of articles) quotes += extractQuotes(a.body).length;
const extractS = (performance.now() - t0) / 1000;

// 2. Storing, with and without the quotes indexer (batches of 2000 per transaction, as an import does).
function store(withQuotes: boolean): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirebench-bench-quotes-'));
  try {
    const db = openCorpus({ dataDir: dir });
    const s = new ArticleStore(db);
    s.addIndexer(createFtsIndexer(db));
    if (withQuotes) s.addIndexer(createQuoteIndexer(db));
    const t = performance.now();
    for (let i = 0; i < articles.length; i += 2000) {
      db.transaction(() => {
        for (const a of articles.slice(i, i + 2000)) s.insert(a);
      })();
    }
    const seconds = (performance.now() - t) / 1000;
    db.close();
    return seconds;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const ftsOnly = store(false);
const withQuotes = store(true);

process.stdout.write(
  `${JSON.stringify({
    corpus: values.corpus,
    articles: articles.length,
    megabytes: Math.round(chars / 1e5) / 10,
    quotesFound: quotes,
    extraction: { seconds: Math.round(extractS * 100) / 100, articlesPerSecond: Math.round(articles.length / extractS), megabytesPerSecond: Math.round((chars / 1e6 / extractS) * 10) / 10 },
    storeFtsOnly: { seconds: Math.round(ftsOnly * 100) / 100, articlesPerSecond: Math.round(articles.length / ftsOnly) },
    storeFtsAndQuotes: { seconds: Math.round(withQuotes * 100) / 100, articlesPerSecond: Math.round(articles.length / withQuotes) },
  })}\n`,
);
