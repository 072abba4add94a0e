// Near-duplicates: articles that tell the same story (wire copy republished, "UPDATE 1", a
// light rewrite). Each article gets a MinHash signature of 48 values over its word 3-shingles;
// LSH bands of the signature (16 bands of 3 values, lsh-index.ts) find candidates without
// comparing every pair, and a candidate whose estimated Jaccard similarity reaches 0.6 joins
// the article's group. Signatures and groups are kept in `article_minhash`, in the same
// transaction as the article, by an ArticleIndexer; the whole lot is derived data, rebuilt
// from the articles when NEAR_DUPLICATES_VERSION changes (store/derived.ts).
import type { NearDuplicate, NearDuplicateGroup, NearDuplicatesResult } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import type { DerivedData } from '../store/derived.ts';
import type { ArticleIndexer, StoredArticle } from '../store/indexers.ts';
import { newWordHashes, stemmerFor, wordKeyHashes, type WordHashes } from '../search/normalise.ts';
import { LshIndex } from './lsh-index.ts';

/**
 * Bump when a signature could come out differently: stored signatures are then rebuilt.
 * 2: one-permutation MinHash (each shingle hashed once, not 48 times) with densification, over
 *    the words' search keys.
 */
export const NEAR_DUPLICATES_VERSION = 2;
export const BANDS = 16;
export const ROWS = 3;
export const HASHES = BANDS * ROWS;
/** Estimated Jaccard similarity from which two articles are the same story. */
export const THRESHOLD = 0.6;
/** Texts shorter than this many words are too short to compare meaningfully. */
const MIN_WORDS = 12;
/**
 * Candidates compared per new article. Templated texts (market reports, weather) can put
 * thousands of articles in one group; comparing with a few of its members is enough to join it.
 */
const MAX_CANDIDATES = 48;
/** Signature values two articles must share to be near-duplicates (similarity >= THRESHOLD). */
const MIN_SAME = Math.ceil(THRESHOLD * HASHES - 1e-9);
/** The in-memory LSH index is dropped this long after the last import that used it. */
const RELEASE_AFTER_MS = 120_000;
/** An LSH index bigger than this (~250,000 articles) is dropped right after an import. */
const KEEP_BYTES = 32 * 1024 * 1024;

// Hashes stay signed 32-bit integers throughout: V8 keeps those unboxed, where unsigned
// values above 2^31 would be heap numbers. MinHash only needs a consistent order.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Where an empty bin borrows its value from on its `attempt`-th try (optimal densification,
 * Shrivastava 2017): a fixed sequence per bin, the same for every text, so texts with the same
 * shingles get the same signature and similar texts mostly the same values.
 */
function borrowFrom(bin: number, attempt: number): number {
  return (fmix32(Math.imul(bin + 1, 0x9e3779b9) ^ Math.imul(attempt, 0x85ebca6b)) >>> 0) % HASHES;
}

/** The bins' own values before densification (signatureOf), kept from call to call. */
const ownValues = new Int32Array(HASHES);
/** Which bins received a shingle, for densification. */
const filled = new Uint8Array(HASHES);

/** Reused by `signature`: the key hashes of the article being signed. */
const words = newWordHashes();

/**
 * The MinHash signature of an article's text (headline and body read as one, so a shingle can run
 * from one into the other), or null when it is too short. Words are taken by their search index
 * keys (normalise.ts), so "talks" and "Talks", or "Песков" and "Пескова", are the same word.
 */
export function signature(article: { headline: string; body: string; language: string | null }): Int32Array | null {
  const stemmer = stemmerFor(article.language);
  words.n = 0;
  wordKeyHashes(article.headline, stemmer, words);
  wordKeyHashes(article.body, stemmer, words);
  return signatureOf(words);
}

/**
 * The MinHash signature of a sequence of word hashes, or null when it is too short.
 * One-permutation hashing: each word 3-shingle is hashed once, its hash picks one of 48 bins and
 * each bin keeps its smallest hash; the share of bins two signatures have in common estimates
 * the share of shingles their texts have in common (Jaccard similarity), as 48 separate hash
 * functions would, at a 48th of the cost.
 */
export function signatureOf(hashes: WordHashes, into?: Int32Array): Int32Array | null {
  const n = hashes.n;
  if (n < MIN_WORDS) return null;
  const w = hashes.buf;
  const sig = (into ?? new Int32Array(HASHES)).fill(0x7fffffff);
  filled.fill(0);
  for (let i = 0; i + 2 < n; i++) {
    const v = fmix32(Math.imul(w[i]!, 0x01000193) ^ Math.imul(w[i + 1]!, 0x5bd1e995) ^ w[i + 2]!);
    // The top bits choose the bin; comparing whole values within a bin is as good as comparing
    // the rest, and keeps the minimum a plain signed comparison.
    const bin = Math.floor(((v >>> 0) * HASHES) / 4294967296);
    filled[bin] = 1;
    if (v < sig[bin]!) sig[bin] = v;
  }
  const own = ownValues;
  own.set(sig);
  for (let bin = 0; bin < HASHES; bin++) {
    if (filled[bin]) continue;
    for (let attempt = 1; ; attempt++) {
      const from = borrowFrom(bin, attempt);
      if (filled[from]) {
        // The borrowed value is mixed with the bin, so two empty bins do not always agree.
        sig[bin] = fmix32(own[from]! ^ Math.imul(bin + 1, 0x27d4eb2d));
        break;
      }
    }
  }
  return sig;
}

export function similarity(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** The LSH keys of a signature: one unsigned 32-bit hash of each band's values. */
export function bandKeys(sig: Int32Array, into?: Uint32Array): Uint32Array {
  const keys = into ?? new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!);
    keys[b] = h >>> 0;
  }
  return keys;
}

const toBlob = (sig: Int32Array): Buffer => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
const fromBlob = (blob: Buffer): Int32Array => new Int32Array(new Uint8Array(blob).buffer);

export class NearDuplicates {
  private readonly db: Db;
  private readonly signatureOf;
  private readonly insertSig;
  private readonly deleteSig;
  private readonly regroup;
  private readonly groupOf;
  private readonly groupSize;
  private readonly members;
  private lsh: LshIndex | null = null;
  private readonly keys = new Uint32Array(BANDS);
  private releaseTimer: ReturnType<typeof setTimeout> | null = null;
  /** Groups that gained a member since the last reset: the import summary counts them. */
  readonly touched = new Set<number>();

  constructor(db: Db) {
    this.db = db;
    this.signatureOf = db.prepare('SELECT signature AS sig, group_id AS groupId FROM article_minhash WHERE article_id = ?');
    this.insertSig = db.prepare('INSERT INTO article_minhash (article_id, signature, group_id) VALUES (?, ?, ?)');
    this.deleteSig = db.prepare('DELETE FROM article_minhash WHERE article_id = ?');
    this.regroup = db.prepare('UPDATE article_minhash SET group_id = ? WHERE group_id = ?');
    this.groupOf = db.prepare('SELECT group_id FROM article_minhash WHERE article_id = ?').pluck();
    this.groupSize = db.prepare('SELECT count(*) FROM article_minhash WHERE group_id = ?').pluck();
    this.members = db.prepare(`
      SELECT a.id, a.headline, a.published, a.place, a.agency, a.language, a.version_note AS versionNote, m.signature AS sig
      FROM article_minhash m JOIN articles a ON a.id = m.article_id
      WHERE m.group_id = ? ORDER BY a.published_at IS NULL, a.published_at, a.id LIMIT 1000`);
  }

  /** The LSH index, built from the stored signatures on first use. */
  private index(): LshIndex {
    if (this.releaseTimer) {
      clearTimeout(this.releaseTimer);
      this.releaseTimer = null;
    }
    if (this.lsh) return this.lsh;
    // Fingerprints are kept by article id: room for the stored ones and some more.
    const maxId = (this.db.prepare('SELECT max(article_id) FROM article_minhash').pluck().get() as number | null) ?? 0;
    const lsh = new LshIndex(BANDS, HASHES, Math.ceil(maxId * 1.1));
    const all = this.db.prepare('SELECT article_id AS id, signature AS sig FROM article_minhash ORDER BY article_id');
    for (const row of all.iterate() as Iterable<{ id: number; sig: Buffer }>) {
      const sig = fromBlob(row.sig);
      lsh.add(row.id, bandKeys(sig), sig);
    }
    lsh.compact();
    this.lsh = lsh;
    return lsh;
  }

  /**
   * Lets the in-memory LSH index go after an import (imports call this when they end): at a
   * million articles it holds ~125 MB that searching and reading never need. A small one is kept
   * a while, for the next file of a watched folder; a big one goes at once (rebuilt in about a
   * second per million articles when the next import needs it).
   */
  release(): void {
    if (!this.lsh) return;
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.releaseTimer = null;
    if (this.lsh.bytes > KEEP_BYTES) {
      this.lsh = null;
      return;
    }
    this.releaseTimer = setTimeout(() => {
      this.lsh = null;
      this.releaseTimer = null;
    }, RELEASE_AFTER_MS);
    this.releaseTimer.unref();
  }

  add(article: StoredArticle): void {
    // The parser workers compute the signature off this thread; null there means "too short".
    const sig = article.minhash !== undefined ? article.minhash : signature(article);
    if (!sig) return;
    // One array for every article's keys: the index copies them.
    const keys = bandKeys(sig, this.keys);
    const lsh = this.index();
    let group = article.id;
    // The index lets through only candidates whose fingerprints say they may be similar enough
    // (most articles have none: no set is made for them).
    const candidates = lsh.candidates(keys, sig, MIN_SAME, MAX_CANDIDATES);
    let merged: Set<number> | null = null;
    for (const id of candidates) {
      // A candidate whose signature is gone was removed since the index was built.
      const c = this.signatureOf.get(id) as { sig: Buffer; groupId: number } | undefined;
      if (!c || similarity(sig, fromBlob(c.sig)) < THRESHOLD) continue;
      (merged ??= new Set()).add(c.groupId);
      if (c.groupId < group) group = c.groupId;
    }
    if (merged) for (const other of merged) if (other !== group) this.regroup.run(group, other);
    this.insertSig.run(article.id, toBlob(sig), group);
    lsh.add(article.id, keys, sig);
    if (merged) {
      for (const other of merged) this.touched.delete(other);
      this.touched.add(group);
    }
  }

  remove(article: StoredArticle): void {
    // The LSH entries stay (see lsh-index.ts); without its signature the article is no candidate.
    this.deleteSig.run(article.id);
  }

  /** The article's group when it has other members. */
  groupFor(id: number): NearDuplicateGroup | null {
    const group = this.groupOf.get(id) as number | undefined;
    if (group === undefined) return null;
    const size = this.groupSize.get(group) as number;
    return size > 1 ? { id: group, size } : null;
  }

  /** How many of the touched groups have two or more members now. */
  countTouched(): number {
    let n = 0;
    for (const group of this.touched) if ((this.groupSize.get(group) as number) > 1) n++;
    return n;
  }

  list(id: number): NearDuplicatesResult {
    const own = this.signatureOf.get(id) as { sig: Buffer; groupId: number } | undefined;
    const group = this.groupFor(id);
    if (!own || !group) return { group: null, members: [] };
    const mine = fromBlob(own.sig);
    const rows = this.members.all(own.groupId) as (Omit<NearDuplicate, 'similarity'> & { sig: Buffer })[];
    return {
      group,
      members: rows.map(({ sig, ...meta }) => ({ ...meta, similarity: meta.id === id ? 1 : Math.round(similarity(mine, fromBlob(sig)) * 100) / 100 })),
    };
  }

  indexer(): ArticleIndexer & DerivedData {
    return {
      name: 'near-duplicates',
      version: NEAR_DUPLICATES_VERSION,
      add: (a) => this.add(a),
      remove: (a) => this.remove(a),
      clear: () => {
        this.db.exec('DELETE FROM article_minhash');
        this.lsh = null;
      },
    };
  }
}
