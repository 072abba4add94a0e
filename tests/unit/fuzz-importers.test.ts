// Every importer fuzzed with fixed seeds. The parsers come from the registry
// (SUPPORTED_EXTENSIONS in src/engine/ingest/parsers/index.ts), so a parser added there is
// fuzzed here without changing this file. Each gets random bytes and mutations of real files:
// the repository's fixtures, and samples from ../shared/corpora when that folder exists.
// Whatever the input: one outcome per file, never a parser crash, never an internal error, and
// only well-formed articles stored.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../src/shared/api.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { parserFor, SUPPORTED_EXTENSIONS } from '../../src/engine/ingest/parsers/index.ts';
import { ARTICLE_EXTENSIONS } from '../../src/engine/ingest/formats.ts';
import { ParseError } from '../../src/engine/ingest/parsers/types.ts';
import { checkSanitiser, mutatedBytes } from '../support/fuzz.ts';
import { FIXTURES, REPO, suiteTempDir } from '../support/temp.ts';

const SHARED_CORPORA = path.resolve(REPO, '../shared/corpora');
const SEED = 7070;

/** Up to `per` files for each extension under `root` (sorted, so the same ones every run). */
function samples(root: string, per: number, maxBytes = 2 * 1024 * 1024, budget = 20_000): Map<string, string[]> {
  const found = new Map<string, string[]>(SUPPORTED_EXTENSIONS.map((e) => [e, []]));
  const queue = [root];
  let visited = 0;
  while (queue.length && visited < budget) {
    const dir = queue.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      continue;
    }
    for (const e of entries) {
      visited++;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) queue.push(p);
      else if (e.isFile()) {
        const list = found.get(path.extname(e.name).toLowerCase());
        if (list && list.length < per && fs.statSync(p).size <= maxBytes) list.push(p);
      }
    }
  }
  return found;
}

let engine: Engine;
let api: Client;
let work: string;
let round = 0;

beforeAll(() => {
  // Fuzzing is all parsing (PDF.js above all): two workers, whatever the machine's default.
  engine = createEngine({ dataDir: suiteTempDir(), log: () => {}, parsers: { size: 2 } });
  api = createClient(engine);
  work = suiteTempDir('wirebench-fuzz-input-');
});
afterAll(async () => engine.close());

/** Imports the files as one folder and checks every invariant; returns the run's outcomes. */
async function importAll(ext: string, contents: Uint8Array[]): Promise<void> {
  const folder = path.join(work, `round-${round++}`);
  fs.mkdirSync(folder);
  contents.forEach((bytes, i) => fs.writeFileSync(path.join(folder, `f${i}${ext}`), bytes));
  const before = (await api.call('corpus.stats', {})).articles;
  const summary = await api.call('import.run', { paths: [folder] });
  expect(summary.status).toBe('completed');
  expect(summary.files).toBe(contents.length);
  const outcomes = engine.db.prepare('SELECT outcome, reason, articles FROM import_files WHERE run_id = ?').all(summary.runId) as { outcome: string; reason: string | null; articles: number }[];
  expect(outcomes).toHaveLength(contents.length);
  for (const o of outcomes) {
    expect(['imported', 'duplicate', 'skipped', 'failed']).toContain(o.outcome);
    // "parser error:" is how the importer reports an exception a parser did not mean to throw.
    expect(o.reason ?? '', `a parser crashed on a ${ext} file`).not.toMatch(/^parser error:/);
  }
  const stored = outcomes.reduce((n, o) => n + o.articles, 0);
  expect(stored).toBe(summary.imported);
  expect((await api.call('corpus.stats', {})).articles).toBe(before + summary.imported);
  const bad = engine.db.prepare(`SELECT count(*) FROM articles WHERE import_run_id = ? AND trim(headline) = '' AND trim(body) = ''`).pluck().get(summary.runId);
  expect(bad).toBe(0);
}

describe.each(SUPPORTED_EXTENSIONS)('the %s importer', (ext) => {
  it('survives random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 800 }).map((s) => new TextEncoder().encode(s))), { minLength: 1, maxLength: 12 }), (files) => importAll(ext, files)),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('survives mutated real files (fixtures, and ../shared/corpora when present)', async () => {
    const real = [...(samples(FIXTURES, 6).get(ext) ?? [])];
    if (fs.existsSync(SHARED_CORPORA)) real.push(...(samples(SHARED_CORPORA, 4).get(ext) ?? []));
    if (real.length === 0) {
      console.warn(`fuzz-importers: no ${ext} sample in the fixtures or ../shared/corpora; random bytes only`);
      return;
    }
    const originals = real.map((f) => new Uint8Array(fs.readFileSync(f)));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: originals.length - 1 }).chain((i) => mutatedBytes(originals[i]!)), { minLength: 1, maxLength: 10 }), (files) => importAll(ext, files)),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('parses any text into well-formed articles or says why not', async () => {
    const parse = parserFor(`fuzz${ext}`)!;
    // Text formats get many runs; binary ones (DOCX, PDF) only need to refuse text cleanly.
    const numRuns = ext === '.pdf' || ext === '.docx' ? 40 : 1000;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: fc.constantFrom('\n', ' ', '\t', 'a', 'Z', '1', '-', '.', ':', '(', ')', '"', '#', '*', 'Мар', 'March', '2022', '12:47', 'MOSCOW', 'Interfax', '—'), maxLength: 200 })), async (text) => {
        let articles;
        try {
          articles = await parse({ bytes: new TextEncoder().encode(text), text: () => text, fileName: `fuzz${ext}` });
        } catch (error) {
          if (error instanceof ParseError) return;
          throw error;
        }
        expect(Array.isArray(articles)).toBe(true);
        for (const a of articles) {
          expect(typeof a.headline).toBe('string');
          expect(typeof a.body).toBe('string');
          for (const f of [a.published, a.place, a.agency]) expect(f === null || typeof f === 'string').toBe(true);
          if (a.published !== null) expect(a.published).toMatch(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?)?)?$/);
        }
      }),
      { seed: SEED, numRuns },
    );
  });
});

it('the registry the fuzzing iterates is not empty', () => {
  expect(SUPPORTED_EXTENSIONS.length).toBeGreaterThanOrEqual(4);
  // The engine thread decides which files to read from formats.ts, without the parsers.
  expect([...SUPPORTED_EXTENSIONS].sort()).toEqual([...ARTICLE_EXTENSIONS].sort());
});

// Wirebench's HTML "sanitiser" is the HTML importer itself: pages are reduced to plain-text
// paragraphs at import, and the reader renders those as React text nodes. So the sanitiser
// fuzzed here is that whole path: hostile HTML in a page → the .html parser → paragraphs as
// escaped text (what a React text node is in the DOM). The output must hold no
// unsafe element, attribute or URL, and going through the path again must change nothing.
const escapeText = (t: string): string => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

describe('the HTML import path as a sanitiser', () => {
  const parse = parserFor('page.html')!;
  const sanitise = (fragment: string): string => {
    const html = `<!doctype html><html><head><title>Page</title></head><body><article>${fragment}</article></body></html>`;
    const articles = parse({ bytes: new TextEncoder().encode(html), text: () => html, fileName: 'page.html' }) as Awaited<ReturnType<typeof parse>>;
    if (!Array.isArray(articles)) throw new Error('the HTML parser is expected to be synchronous');
    return articles.map((a) => `<div>${a.body.split('\n\n').map((p) => `<p>${escapeText(p)}</p>`).join('')}</div>`).join('');
  };
  it('never lets markup through and is idempotent, for known vectors and generated hostile HTML', () => {
    checkSanitiser({
      sanitise: (fragment) => {
        try {
          return sanitise(fragment);
        } catch (err) {
          // An empty page is refused with a reason; that is a safe outcome.
          if (err instanceof ParseError) return '';
          throw err;
        }
      },
      numRuns: 400,
    });
  });
});
