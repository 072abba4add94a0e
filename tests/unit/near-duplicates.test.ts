// Near-duplicate detection's parts: the one-permutation MinHash signature (does it estimate the
// share of shared shingles?), the in-memory LSH index (does it find every key it was given,
// across merges?), migration 0030, and groups that survive the index being dropped and rebuilt
// from the stored signatures.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/engine/db/migrate.ts';
import { MIGRATIONS } from '../../src/engine/db/migrations/index.ts';
import * as m0030 from '../../src/engine/db/migrations/0030-near-duplicates-in-memory.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { LshIndex } from '../../src/engine/ingest/lsh-index.ts';
import { bandKeys, BANDS, HASHES, NEAR_DUPLICATES_VERSION, signature, similarity } from '../../src/engine/ingest/near-duplicates.ts';
import { createClient } from '../../src/shared/api.ts';
import { parseFile } from '../../src/engine/ingest/parse-file.ts';
import { REPO, tempDir } from '../support/temp.ts';

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
const text = (random: () => number, n: number): string[] => Array.from({ length: n }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);

function jaccard(a: string[], b: string[]): number {
  const shingles = (w: string[]): Set<string> => new Set(w.slice(0, -2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`));
  const sa = shingles(a);
  const sb = shingles(b);
  let both = 0;
  for (const s of sa) if (sb.has(s)) both++;
  return both / (sa.size + sb.size - both);
}

const sig = (headline: string, body: string, language: string | null = 'ru'): Int32Array | null => signature({ headline, body, language });

describe('signature', () => {
  it('is the same for the same words whatever the case, spacing and punctuation, and null for short texts', () => {
    const words = 'Talks between the two delegations resumed in Istanbul on Monday after a pause of two weeks officials said';
    const a = sig('Talks resume', words)!;
    const b = sig('TALKS  resume', `${words.toUpperCase().replaceAll(' ', ' , ')}.`)!;
    expect(a).toHaveLength(48);
    expect([...a]).toEqual([...b]);
    expect(similarity(a, b)).toBe(1);
    expect(sig('Short', 'only a few words here')).toBeNull();
    // Words are compared by their search keys: inflections of a word are the same word.
    expect([...sig('Talks resume', words.replace('delegations', 'delegation'))!]).toEqual([...a]);
    // Cyrillic words are words too, folded to lower case.
    const ru = 'Переговоры между делегациями возобновились в Стамбуле в понедельник после перерыва в две недели сообщили официальные лица';
    expect([...sig('Переговоры', ru)!]).toEqual([...sig('ПЕРЕГОВОРЫ', ru.toUpperCase())!]);
  });

  it('is what the parser workers compute for each article', async () => {
    for (const file of ['wire/talks-progress-interfax.txt', 'wire/energy-talks-tass-ru.txt', 'wire/grain-exports-ukrinform-uk.txt', 'versions/ferry-strike-reuters-update.txt']) {
      const parsed = await parseFile({ path: path.join(REPO, 'tests/fixtures/articles', file) });
      expect(parsed.status).toBe('parsed');
      if (parsed.status !== 'parsed') continue;
      for (const a of parsed.articles) expect([...a.minhash!]).toEqual([...signature(a)!]);
    }
  });

  it('estimates the share of word 3-shingles two texts have in common', () => {
    const random = rng(7);
    const errors: number[] = [];
    for (let trial = 0; trial < 200; trial++) {
      const base = text(random, 150 + Math.floor(random() * 400));
      // Replace a random share of the words, in runs, as an edit would.
      const edited = [...base];
      const share = random() * 0.5;
      for (let i = 0; i < edited.length; i++) if (random() < share / 3) for (let k = 0; k < 3 && i + k < edited.length; k++) edited[i + k] = VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
      const truth = jaccard(base, edited);
      const estimate = similarity(sig('', base.join(' '))!, sig('', edited.join(' '))!);
      errors.push(Math.abs(estimate - truth));
    }
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    // 48 values: the standard error of the estimate is at most sqrt(0.25 / 48) ~ 0.072.
    expect(mean).toBeLessThan(0.07);
    expect(Math.max(...errors)).toBeLessThan(0.3);
    // Unrelated texts look unrelated.
    const unrelated = similarity(sig('', text(random, 300).join(' '))!, sig('', text(random, 300).join(' '))!);
    expect(unrelated).toBeLessThan(0.1);
  });
});

describe('LshIndex', () => {
  const signatureOf = (random: () => number): Int32Array => Int32Array.from({ length: HASHES }, () => Math.floor(random() * 4294967296) | 0);

  it('finds every article that shares a band key, across many merges, each once', () => {
    const random = rng(11);
    // Band regions of 4,096 entries at first: they have to grow five times on the way.
    const lsh = new LshIndex(BANDS, HASHES, 0, 4096);
    const truth: Map<string, number[]> = new Map();
    const keysOf: Uint32Array[] = [];
    const sig = signatureOf(random);
    // 100,000 articles: three merges of the pending part per band; a tenth reuse an earlier
    // article's key in one band, as near-duplicates do. One signature for all, so the
    // fingerprints let every candidate through.
    for (let id = 1; id <= 100_000; id++) {
      const keys = new Uint32Array(BANDS);
      for (let b = 0; b < BANDS; b++) keys[b] = Math.floor(random() * 4294967296);
      if (id > 1 && random() < 0.1) {
        const other = keysOf[Math.floor(random() * keysOf.length)]!;
        const band = Math.floor(random() * BANDS);
        keys[band] = other[band]!;
      }
      // Keys differing only in their low or high 16 bits, to test the directory.
      if (id % 1000 === 0) keys[0] = (keysOf[id - 2]![0]! ^ 1) >>> 0;
      if (id % 1000 === 1 && id > 1) keys[1] = (keysOf[id - 2]![1]! ^ 0x10000) >>> 0;
      keysOf.push(keys);
      lsh.add(id, keys, sig);
      for (let b = 0; b < BANDS; b++) {
        const k = `${b}:${keys[b]}`;
        truth.set(k, [...(truth.get(k) ?? []), id]);
      }
    }
    const probes = [...Array.from({ length: 5000 }, () => 1 + Math.floor(random() * keysOf.length)), 999, 1000, 1001, 100_000];
    for (const id of probes) {
      const keys = keysOf[id - 1]!;
      const expected = new Set<number>();
      for (let b = 0; b < BANDS; b++) for (const other of truth.get(`${b}:${keys[b]}`)!) expected.add(other);
      const found = lsh.candidates(keys, sig, HASHES, 1000);
      expect(found).toHaveLength(expected.size);
      expect(new Set(found)).toEqual(expected);
    }
    // A key nobody has finds nothing; the limit holds.
    expect(lsh.candidates(new Uint32Array(BANDS).fill(123), sig, 0, 10)).toEqual([]);
    const crowded = new LshIndex(BANDS, HASHES);
    const same = new Uint32Array(BANDS).fill(42);
    for (let id = 1; id <= 100; id++) crowded.add(id, same, sig);
    expect(crowded.candidates(same, sig, HASHES, 48)).toHaveLength(48);
  });

  it('keeps articles that share a key in the order they came, across merges', () => {
    // Which candidates a crowded key gives (the first ones, up to a limit) must not depend on
    // how the merges sorted them: equal keys stay in the order they were added.
    const random = rng(3);
    const lsh = new LshIndex(BANDS, HASHES, 0, 4096);
    const sig = signatureOf(random);
    const shared: number[] = [];
    for (let id = 1; id <= 70_000; id++) {
      const keys = new Uint32Array(BANDS);
      for (let b = 0; b < BANDS; b++) keys[b] = Math.floor(random() * 4294967296);
      // The same key, and keys one above and below it, in the same bucket.
      if (id % 500 === 0) {
        keys[0] = 0x00420042;
        shared.push(id);
      } else if (id % 500 === 1) keys[0] = 0x00420043;
      else if (id % 500 === 2) keys[0] = 0x00420041;
      lsh.add(id, keys, sig);
    }
    const probe = new Uint32Array(BANDS).fill(1);
    probe[0] = 0x00420042;
    expect(lsh.candidates(probe, sig, 0, 1000)).toEqual(shared);
    expect(lsh.candidates(probe, sig, 0, 48)).toEqual(shared.slice(0, 48));
  });

  it('lets through exactly the candidates whose signatures may have enough values in common', () => {
    const random = rng(5);
    const lsh = new LshIndex(BANDS, HASHES);
    const keys = new Uint32Array(BANDS).fill(7);
    const base = signatureOf(random);
    const sameAs: number[] = [];
    for (let id = 1; id <= 2000; id++) {
      // A signature sharing a random number of values with the base one.
      const sig = signatureOf(random);
      const same = Math.floor(random() * (HASHES + 1));
      for (let k = 0; k < same; k++) sig[k] = base[k]!;
      sameAs[id] = similarity(sig, base) * HASHES;
      lsh.add(id, keys, sig);
    }
    const minSame = 29;
    const through = new Set(lsh.candidates(keys, base, minSame, 10_000));
    for (let id = 1; id <= 2000; id++) if (sameAs[id]! >= minSame) expect(through.has(id)).toBe(true);
    // Four bits per value: a different value passes as the same one time in 16, so those just
    // short of the bar are sometimes let through (about 55 expected here), those far short never.
    const wrongly = [...through].filter((id) => sameAs[id]! < minSame);
    expect(wrongly.length).toBeLessThan(120);
    expect(wrongly.filter((id) => sameAs[id]! <= 18)).toEqual([]);
  });

  it('takes band keys from signatures: the same text, the same keys', () => {
    const words = 'Talks between the two delegations resumed in Istanbul on Monday after a pause of two weeks officials said';
    expect([...bandKeys(sig('A', words)!)]).toEqual([...bandKeys(sig('a', words)!)]);
  });
});

describe('migration 0030', () => {
  it('drops the LSH table and marks the signatures for a rebuild, keeping everything else', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 30));
    db.prepare(`INSERT INTO articles (id, headline, body, content_hash, imported_at) VALUES (1, 'Talks', 'Body', 'h', 'now')`).run();
    db.prepare(`INSERT INTO article_minhash (article_id, signature, group_id) VALUES (1, x'00', 1)`).run();
    db.prepare(`INSERT INTO article_lsh (band_key, article_id) VALUES (5, 1)`).run();
    db.prepare(`INSERT INTO derived_versions (name, version) VALUES ('near-duplicates', 1)`).run();
    expect(migrate(db, [...MIGRATIONS.filter((m) => m.version < 30), m0030])).toEqual([30]);
    expect(schemaVersion(db)).toBe(30);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'article_lsh'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM derived_versions WHERE name = 'near-duplicates'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
  });
});

const PARAS = [
  'The two delegations met for five hours on Monday and agreed to meet again next week, officials from both sides said afterwards.',
  '"We have made progress on the humanitarian questions, but much remains to be done," the lead negotiator told reporters after the session ended.',
  'Neither side gave details of the draft agreement, which is expected to cover prisoner exchanges, grain shipments and the safety of the nuclear plant.',
];
const wire = (headline: string, paras: string[], time = '12:47'): string => `21 Mar 2022 ${time}\n\n${headline}\n\nISTANBUL, March 21 (Reuters) - ${paras.join('\n\n')}\n`;

describe('near-duplicate groups', () => {
  it('finds an update among articles stored before the index was dropped, and rebuilds old signatures at open', async () => {
    const dataDir = tempDir();
    const folder = tempDir('wirebench-input-');
    fs.writeFileSync(path.join(folder, '1.txt'), wire('Talks resume in Istanbul', PARAS));
    fs.writeFileSync(path.join(folder, '2.txt'), wire('Grain ships leave Odesa', ['Three ships carrying maize left the port of Odesa on Friday under a deal brokered by Turkey and the United Nations, the ministry said in a statement.']));
    let engine = createEngine({ dataDir, log: () => {}, watch: false });
    let api = createClient(engine);
    expect(await api.call('import.run', { paths: [folder] })).toMatchObject({ imported: 2, nearDuplicateGroups: 0 });
    await engine.close();

    // A new process: the index is built from the stored signatures when the next import needs it.
    engine = createEngine({ dataDir, log: () => {}, watch: false });
    api = createClient(engine);
    const more = 'Officials said a further round was planned for Thursday in the same venue, and that observers from the United Nations would attend.';
    fs.writeFileSync(path.join(folder, '3.txt'), wire('UPDATE 1-Talks resume in Istanbul', [...PARAS, more], '14:05'));
    expect(await api.call('import.run', { paths: [folder] })).toMatchObject({ imported: 1, nearDuplicateGroups: 1 });
    const hits = (await api.call('search.query', { query: 'delegations', sort: 'date' })).hits;
    expect(hits).toHaveLength(2);
    const group = await api.call('article.nearDuplicates', { id: hits[0]!.id });
    expect(group.members.map((m) => m.id).sort()).toEqual(hits.map((h) => h.id).sort());

    // Signatures of another version are rebuilt at open, and the groups come back.
    engine.db.prepare(`UPDATE derived_versions SET version = 1 WHERE name = 'near-duplicates'`).run();
    engine.db.prepare('UPDATE article_minhash SET signature = zeroblob(192), group_id = article_id').run();
    await engine.close();
    engine = createEngine({ dataDir, log: () => {}, watch: false });
    api = createClient(engine);
    expect(engine.db.prepare(`SELECT version FROM derived_versions WHERE name = 'near-duplicates'`).pluck().get()).toBe(NEAR_DUPLICATES_VERSION);
    expect((await api.call('article.get', { id: hits[1]!.id })).nearDuplicateGroup).toMatchObject({ size: 2 });
    await engine.close();
  });
});
