// The LSH lookup behind near-duplicate detection, kept in memory. Each article contributes one
// 32-bit key per band of its MinHash signature (near-duplicates.ts); two articles that share a
// key in some band are candidates. Beside the bands, each article's signature is kept as one
// byte per value (a fingerprint), which tells almost every candidate that is not a
// near-duplicate from one that may be, without reading its signature from the corpus.
//
// Why in memory and not an SQLite table: the keys are random, so an index of them takes every
// new key at a random place. At a million articles that was 16 million rows (~270 MB), and
// every import batch dirtied most of its pages; it cost ~400 µs per imported article, more
// than all the rest of the import together. Here a band key costs 6 bytes and a fingerprint
// 48 (a million articles: ~150 MB in all), an insert or lookup well under a microsecond. The
// index is derived data (DESIGN.md, 5): built from the signatures in `article_minhash` when an
// import first needs it, and dropped when imports stop (NearDuplicates.release).
//
// Layout, per band: a sorted main part, addressed by the key's top 16 bits through a directory
// and holding the low 16 bits and the article id of each entry, so a lookup scans a handful of
// entries; and a small pending part (an open-addressing hash of whole keys) for keys added
// since the last merge. When the pending part is full it is sorted and merged into a new main
// part of exactly the size needed.
//
// Entries are never removed: a removed article's entries stay until the index is next built,
// and the caller drops such candidates when their signature is gone from the table.

/** Keys added to a band between merges into its sorted part. */
const PENDING = 1 << 15;
const SLOTS = PENDING * 2;
const DIR = 1 << 16;
/** Band entries looked at per lookup of an article, at most. */
const MAX_FOUND = 4096;

class Band {
  /** Low 16 bits of each key and the article, sorted by key; dir[p] is where keys with top bits p start. */
  low = new Uint16Array(0);
  ids = new Int32Array(0);
  readonly dir = new Uint32Array(DIR + 1);
  readonly pendingKeys = new Uint32Array(PENDING);
  readonly pendingIds = new Int32Array(PENDING);
  pendingN = 0;
  /** Open addressing over the pending entries: index + 1, 0 = free. */
  readonly slots = new Int32Array(SLOTS);

  get size(): number {
    return this.ids.length + this.pendingN;
  }

  add(key: number, id: number): void {
    const i = this.pendingN++;
    this.pendingKeys[i] = key;
    this.pendingIds[i] = id;
    let s = slotOf(key);
    while (this.slots[s] !== 0) s = (s + 1) & (SLOTS - 1);
    this.slots[s] = i + 1;
    if (this.pendingN === PENDING) this.merge();
  }

  /** Adds the articles with this key to `out`, until it holds `max`. */
  lookup(key: number, out: number[], max: number): void {
    const top = key >>> 16;
    const low = key & 0xffff;
    for (let i = this.dir[top]!, end = this.dir[top + 1]!; i < end && out.length < max; i++) {
      const k = this.low[i]!;
      if (k === low) out.push(this.ids[i]!);
      else if (k > low) break;
    }
    let s = slotOf(key);
    for (let j = this.slots[s]!; j !== 0 && out.length < max; j = this.slots[s]!) {
      if (this.pendingKeys[j - 1] === key) out.push(this.pendingIds[j - 1]!);
      s = (s + 1) & (SLOTS - 1);
    }
  }

  /** Sorts the pending entries and merges them with the sorted part into a new one. */
  merge(): void {
    const m = this.pendingN;
    if (m === 0) return;
    // Sort the pending entries by key through one Float64Array: key * 2^21 + index is exact
    // (53 bits), and a typed array sorts numerically in native code.
    const order = new Float64Array(m);
    for (let i = 0; i < m; i++) order[i] = this.pendingKeys[i]! * 2097152 + i;
    order.sort();
    const total = this.ids.length + m;
    const low = new Uint16Array(total);
    const ids = new Int32Array(total);
    let w = 0;
    let b = 0;
    for (let p = 0; p < DIR; p++) {
      const start = w;
      let a = this.dir[p]!;
      const end = this.dir[p + 1]!;
      // The pending entries whose top bits are p, in key order, merged with the old ones.
      while (b < m) {
        const idx = order[b]! % 2097152;
        const key = this.pendingKeys[idx]!;
        if (key >>> 16 !== p) break;
        const k = key & 0xffff;
        while (a < end && this.low[a]! <= k) {
          low[w] = this.low[a]!;
          ids[w++] = this.ids[a++]!;
        }
        low[w] = k;
        ids[w++] = this.pendingIds[idx]!;
        b++;
      }
      while (a < end) {
        low[w] = this.low[a]!;
        ids[w++] = this.ids[a++]!;
      }
      this.dir[p] = start;
    }
    this.dir[DIR] = w;
    this.low = low;
    this.ids = ids;
    this.pendingN = 0;
    this.slots.fill(0);
  }

  get bytes(): number {
    return this.low.byteLength + this.ids.byteLength + this.dir.byteLength + this.pendingKeys.byteLength + this.pendingIds.byteLength + this.slots.byteLength;
  }
}

function slotOf(key: number): number {
  return (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 16) & (SLOTS - 1);
}

export class LshIndex {
  private readonly bands: Band[];
  private readonly width: number;
  /** One byte per signature value, `width` bytes per article id. */
  private prints: Uint8Array;

  /** `width`: values per signature; `capacity`: the highest article id expected. */
  constructor(bands: number, width: number, capacity = 0) {
    this.bands = Array.from({ length: bands }, () => new Band());
    this.width = width;
    this.prints = new Uint8Array(Math.max(capacity + 1, 1024) * width);
  }

  /** Adds an article: its band keys (one per band, unsigned 32-bit) and its signature. */
  add(id: number, keys: Uint32Array, signature: Int32Array): void {
    for (let b = 0; b < this.bands.length; b++) this.bands[b]!.add(keys[b]!, id);
    if ((id + 1) * this.width > this.prints.length) {
      const grown = new Uint8Array(Math.ceil((id + 1) * 1.25) * this.width);
      grown.set(this.prints);
      this.prints = grown;
    }
    const at = id * this.width;
    for (let k = 0; k < this.width; k++) this.prints[at + k] = fingerprint(signature[k]!);
  }

  /**
   * Articles sharing at least one band key whose fingerprints agree with `signature` in at
   * least `minSame` values, each once, at most `limit` of them. A value the same in both
   * signatures always has the same fingerprint, so no article with `minSame` equal values is
   * ever left out; one whose fingerprints agree by chance is (rarely) let through.
   */
  candidates(keys: Uint32Array, signature: Int32Array, minSame: number, limit: number): number[] {
    const found: number[] = [];
    // Templated texts (market reports, weather) can share a band key with thousands of
    // articles; a few thousand candidates are plenty to find the group.
    for (let b = 0; b < this.bands.length; b++) this.bands[b]!.lookup(keys[b]!, found, MAX_FOUND);
    if (found.length === 0) return found;
    const mine = new Uint8Array(this.width);
    for (let k = 0; k < this.width; k++) mine[k] = fingerprint(signature[k]!);
    const seen = new Set<number>();
    const out: number[] = [];
    for (const id of found) {
      if (seen.has(id)) continue;
      seen.add(id);
      const at = id * this.width;
      if (at + this.width > this.prints.length) continue;
      let same = 0;
      for (let k = 0; k < this.width; k++) if (this.prints[at + k] === mine[k]) same++;
      if (same < minSame) continue;
      out.push(id);
      if (out.length === limit) break;
    }
    return out;
  }

  /** Moves every pending key into the sorted parts (after a bulk build). */
  compact(): void {
    for (const band of this.bands) band.merge();
  }

  /** Memory held, in bytes (typed arrays only). */
  get bytes(): number {
    return this.bands.reduce((n, b) => n + b.bytes, 0) + this.prints.byteLength;
  }
}

/** One byte of a MinHash value (its bits are uniform: any byte will do, mixed for safety). */
function fingerprint(v: number): number {
  return (v ^ (v >>> 8) ^ (v >>> 16) ^ (v >>> 24)) & 0xff;
}
