// Near-duplicates: articles that tell the same story (wire copy republished, "UPDATE 1", a
// light rewrite). Each article gets a MinHash signature over its word 3-shingles; LSH bands
// of the signature (16 bands of 3 rows) find candidates in SQLite without comparing every
// pair, and a candidate whose estimated Jaccard similarity reaches 0.6 joins the article's
// group. Kept in step by an ArticleIndexer, in the same transaction as the article, and
// rebuildable from the articles table.
import type { NearDuplicate, NearDuplicateGroup, NearDuplicatesResult } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import type { ArticleIndexer, StoredArticle } from '../store/indexers.ts';

export const BANDS = 16;
export const ROWS = 3;
export const HASHES = BANDS * ROWS;
/** Estimated Jaccard similarity from which two articles are the same story. */
export const THRESHOLD = 0.6;
/** Texts shorter than this many words are too short to compare meaningfully. */
const MIN_WORDS = 12;
const SHINGLE = 3;
/**
 * Candidates compared per new article. Templated texts (market reports, weather) can put
 * thousands of articles in one group; comparing with a few of its members is enough to join it.
 */
const MAX_CANDIDATES = 48;

function fnv1a(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

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

/** The words of a text, folded: case, punctuation and the dateline's spacing do not count. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Per-hash seeds: h XOR seed, finalised, stands in for 48 independent hash functions. */
const SEEDS = Int32Array.from({ length: HASHES }, (_, k) => fmix32(Math.imul(k + 1, 0x9e3779b9)));

/** The MinHash signature of a text, or null when it is too short. */
export function signature(headline: string, body: string): Int32Array | null {
  const w = words(`${headline}\n${body}`);
  if (w.length < MIN_WORDS) return null;
  // Words become numbers once; a shingle's hash combines its three word hashes.
  const wh = new Int32Array(w.length);
  for (let i = 0; i < w.length; i++) wh[i] = fnv1a(w[i]!, 0);
  const sig = new Int32Array(HASHES).fill(0x7fffffff);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= wh.length; i++) {
    const h = fmix32(Math.imul(wh[i]!, 0x01000193) ^ Math.imul(wh[i + 1]!, 0x5bd1e995) ^ wh[i + 2]!);
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < HASHES; k++) {
      const v = fmix32(h ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

export function similarity(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** The LSH keys of a signature: band number in the high bits, the band's hash in the low 32. */
export function bandKeys(sig: Int32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!);
    keys.push(b * 0x100000000 + (h >>> 0));
  }
  return keys;
}

const toBlob = (sig: Int32Array): Buffer => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
const fromBlob = (blob: Buffer): Int32Array => new Int32Array(new Uint8Array(blob).buffer);

export class NearDuplicates {
  private readonly candidates;
  private readonly signatureOf;
  private readonly insertSig;
  private readonly insertKeys;
  private readonly deleteKeys;
  private readonly deleteSig;
  private readonly regroup;
  private readonly groupOf;
  private readonly groupSize;
  private readonly members;
  /** Groups that gained a member since the last reset: the import summary counts them. */
  readonly touched = new Set<number>();

  constructor(db: Db) {
    this.candidates = db.prepare(`
      SELECT DISTINCT m.article_id AS id, m.signature AS sig, m.group_id AS groupId
      FROM json_each(?) j JOIN article_lsh l ON l.band_key = j.value JOIN article_minhash m ON m.article_id = l.article_id
      LIMIT ${MAX_CANDIDATES}`);
    this.signatureOf = db.prepare('SELECT signature AS sig, group_id AS groupId FROM article_minhash WHERE article_id = ?');
    // Plain INSERTs on purpose: a statement that may change several rows (OR REPLACE, INSERT
    // … SELECT that can abort) opens a statement savepoint, and FTS5 flushes its pending index
    // data at every savepoint — per article, that tripled the cost of the full-text index.
    this.insertSig = db.prepare('INSERT INTO article_minhash (article_id, signature, group_id) VALUES (?, ?, ?)');
    this.insertKeys = db.prepare('INSERT OR IGNORE INTO article_lsh (band_key, article_id) SELECT value, ? FROM json_each(?)');
    this.deleteKeys = db.prepare('DELETE FROM article_lsh WHERE band_key IN (SELECT value FROM json_each(?)) AND article_id = ?');
    this.deleteSig = db.prepare('DELETE FROM article_minhash WHERE article_id = ?');
    this.regroup = db.prepare('UPDATE article_minhash SET group_id = ? WHERE group_id = ?');
    this.groupOf = db.prepare('SELECT group_id FROM article_minhash WHERE article_id = ?').pluck();
    this.groupSize = db.prepare('SELECT count(*) FROM article_minhash WHERE group_id = ?').pluck();
    this.members = db.prepare(`
      SELECT a.id, a.headline, a.published, a.place, a.agency, a.language, a.version_note AS versionNote, m.signature AS sig
      FROM article_minhash m JOIN articles a ON a.id = m.article_id
      WHERE m.group_id = ? ORDER BY a.published_at IS NULL, a.published_at, a.id LIMIT 1000`);
  }

  add(article: StoredArticle): void {
    // The parser workers compute the signature off this thread; null there means "too short".
    const sig = article.minhash !== undefined ? article.minhash : signature(article.headline, article.body);
    if (!sig) return;
    const keys = JSON.stringify(bandKeys(sig));
    let group = article.id;
    const merged = new Set<number>();
    for (const c of this.candidates.all(keys) as { id: number; sig: Buffer; groupId: number }[]) {
      if (similarity(sig, fromBlob(c.sig)) < THRESHOLD) continue;
      merged.add(c.groupId);
      if (c.groupId < group) group = c.groupId;
    }
    for (const other of merged) if (other !== group) this.regroup.run(group, other);
    this.insertSig.run(article.id, toBlob(sig), group);
    this.insertKeys.run(article.id, keys);
    if (merged.size > 0) {
      for (const other of merged) this.touched.delete(other);
      this.touched.add(group);
    }
  }

  remove(article: StoredArticle): void {
    const row = this.signatureOf.get(article.id) as { sig: Buffer } | undefined;
    if (!row) return;
    this.deleteKeys.run(JSON.stringify(bandKeys(fromBlob(row.sig))), article.id);
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

  indexer(): ArticleIndexer {
    return { name: 'near-duplicates', add: (a) => this.add(a), remove: (a) => this.remove(a) };
  }
}
