// The LSH lookup behind near-duplicate detection, kept in memory. Each article contributes one
// 32-bit key per band of its MinHash signature (near-duplicates.ts); two articles that share a
// key in some band are candidates. Beside the bands, each article's signature is kept as four
// bits per value (a fingerprint), which tells almost every candidate that is not a
// near-duplicate from one that may be, without reading its signature from the corpus.
//
// Why in memory and not an SQLite table: the keys are random, so an index of them takes every
// new key at a random place. At a million articles that was 16 million rows (~270 MB), and
// every import batch dirtied most of its pages; it cost ~400 µs per imported article, more
// than all the rest of the import together. Here a band key costs 6 bytes and a fingerprint
// 24 (a million articles: ~125 MB in all), an insert or lookup well under a microsecond. The
// index is derived data (DESIGN.md, 5): built from the signatures in `article_minhash` when an
// import first needs it, and dropped when imports stop (NearDuplicates.release).
//
// Layout, per band: a sorted main part, addressed by the key's top 16 bits through a directory
// and holding the low 16 bits and the article id of each entry, so a lookup scans a handful of
// entries; and a small pending part (an open-addressing hash of whole keys) for keys added
// since the last merge. Every article has one key in every band, so all bands hold the same
// number of entries: their main parts share two big arrays, a region of `capacity` entries per
// band, merged into in place. The arrays grow by doubling, rarely; at that size the C library
// maps them from the system directly, so memory not yet written costs nothing, and an old array
// given back goes back to the system. (Reallocating a band's arrays at every merge left ~90 MB
// of freed-but-kept heap behind at a million articles.)
//
// Entries are never removed: a removed article's entries stay until the index is next built,
// and the caller drops such candidates when their signature is gone from the table.

/** Keys added to each band between merges into its sorted part. */
const PENDING = 1 << 15;
const SLOTS = PENDING * 2;
const DIR = 1 << 16;
/** Band entries looked at per lookup of an article, at most. */
const MAX_FOUND = 4096;
/**
 * Entries per band region at first: the two arrays are 16 bands x 2^20 x 6 bytes = 96 MB of
 * address space, written (and resident) only as entries arrive.
 */
const FIRST_CAPACITY = 1 << 20;

export class LshIndex {
  private readonly bands: number;
  /** Entries per band region of `low` and `ids`. */
  private capacity: number;
  /** Entries in each band's sorted part. */
  private n = 0;
  /** Band b's sorted part: low 16 bits of each key and its article, at [b * capacity, b * capacity + n). */
  private low: Uint16Array;
  private ids: Int32Array;
  /** Band b's directory at [b * (DIR + 1), ...): where keys with top 16 bits p start, relative to the region. */
  private readonly dirs: Uint32Array;
  /** Band b's pending keys and articles at [b * PENDING, b * PENDING + pendingN). */
  private readonly pendingKeys: Uint32Array;
  private readonly pendingIds: Int32Array;
  private pendingN = 0;
  /** Band b's open addressing over its pending entries at [b * SLOTS, ...): index + 1, 0 = free. */
  private readonly slots: Int32Array;
  /** Four bits per signature value, two values a byte: `printBytes` bytes per article id. */
  private prints: Uint8Array;
  private readonly printBytes: number;
  /** The same fingerprints as 32-bit words (`printBytes` is a multiple of 4), compared eight values at a time. */
  private printWords: Uint32Array;
  /** Per article id, the number of the `candidates` call that last met it (a Set per call cost more). */
  private seenIn: Uint8Array;
  private call = 0;
  /** The fingerprint of the signature being looked up (candidates), kept from call to call. */
  private readonly mine: Uint32Array;
  private readonly mineBytes: Uint8Array;
  /** Where each band's lookup starts (warm), and what warm read, kept so the reads are not optimised away. */
  private readonly starts: Int32Array;
  private touched = 0;

  /**
   * `width`: values per signature (even); `capacity`: the highest article id expected;
   * `firstCapacity`: entries per band region to start with (tests make it small to make it grow).
   */
  constructor(bands: number, width: number, capacity = 0, firstCapacity = FIRST_CAPACITY) {
    this.bands = bands;
    this.capacity = Math.max(firstCapacity, nextPowerOfTwo(capacity));
    this.low = new Uint16Array(bands * this.capacity);
    this.ids = new Int32Array(bands * this.capacity);
    this.dirs = new Uint32Array(bands * (DIR + 1));
    this.pendingKeys = new Uint32Array(bands * PENDING);
    this.pendingIds = new Int32Array(bands * PENDING);
    this.slots = new Int32Array(bands * SLOTS);
    this.printBytes = width / 2;
    if (this.printBytes % 4 !== 0) throw new Error('LshIndex: the signature width must be a multiple of 8');
    // Twice the band regions' articles: 48 MB, so that it too is mapped, not carved from the heap.
    this.prints = new Uint8Array(Math.max(2 * firstCapacity, nextPowerOfTwo(capacity + 1)) * this.printBytes);
    this.printWords = new Uint32Array(this.prints.buffer);
    this.seenIn = new Uint8Array(this.prints.length / this.printBytes);
    this.mine = new Uint32Array(this.printBytes / 4);
    this.mineBytes = new Uint8Array(this.mine.buffer);
    this.starts = new Int32Array(bands);
  }

  /** Adds an article: its band keys (one per band, unsigned 32-bit) and its signature. */
  add(id: number, keys: Uint32Array, signature: Int32Array): void {
    const i = this.pendingN++;
    for (let b = 0; b < this.bands; b++) {
      const key = keys[b]!;
      this.pendingKeys[b * PENDING + i] = key;
      this.pendingIds[b * PENDING + i] = id;
      const base = b * SLOTS;
      let s = slotOf(key);
      while (this.slots[base + s] !== 0) s = (s + 1) & (SLOTS - 1);
      this.slots[base + s] = i + 1;
    }
    if ((id + 1) * this.printBytes > this.prints.length) {
      const grown = new Uint8Array(nextPowerOfTwo(id + 1) * this.printBytes);
      grown.set(this.prints);
      this.prints = grown;
      this.printWords = new Uint32Array(grown.buffer);
      const seen = new Uint8Array(grown.length / this.printBytes);
      seen.set(this.seenIn);
      this.seenIn = seen;
    }
    printInto(signature, this.prints, id * this.printBytes, this.printBytes);
    if (this.pendingN === PENDING) this.compact();
  }

  /**
   * Articles sharing at least one band key whose fingerprints agree with `signature` in at
   * least `minSame` values, each once, at most `limit` of them. A value the same in both
   * signatures always has the same fingerprint, so no article with `minSame` equal values is
   * ever left out; one whose fingerprints agree by chance is (rarely) let through.
   */
  candidates(keys: Uint32Array, signature: Int32Array, minSame: number, limit: number): number[] {
    const found: number[] = [];
    this.warm(keys);
    // Templated texts (market reports, weather) can share a band key with thousands of
    // articles; a few thousand candidates are plenty to find the group.
    for (let b = 0; b < this.bands; b++) this.lookup(b, keys[b]!, found, MAX_FOUND);
    if (found.length === 0) return found;
    const words = this.printBytes / 4;
    const mine = this.mine;
    printInto(signature, this.mineBytes, 0, this.printBytes);
    if (++this.call === 256) {
      this.call = 1;
      this.seenIn.fill(0);
    }
    const call = this.call;
    const seen = this.seenIn;
    const prints = this.printWords;
    const out: number[] = [];
    for (const id of found) {
      if (id >= seen.length || seen[id] === call) continue;
      seen[id] = call;
      const at = id * words;
      // Values whose fingerprints differ, eight per word: a nibble of x is non-zero when they
      // differ; y keeps one bit per such nibble, and the multiply adds those bits up in the top nibble.
      let differ = 0;
      for (let k = 0; k < words; k++) {
        const x = prints[at + k]! ^ mine[k]!;
        const y = (x | (x >>> 1) | (x >>> 2) | (x >>> 3)) & 0x11111111;
        differ += Math.imul(y, 0x11111111) >>> 28;
      }
      if (2 * this.printBytes - differ < minSame) continue;
      out.push(id);
      if (out.length === limit) break;
    }
    return out;
  }

  /**
   * Reads the first memory each band's lookup will read, every band at once. The index is far
   * bigger than the CPU's caches and the keys are random, so each band's lookup starts with cache
   * misses (its directory entry, its pending slot, then its first sorted entry), and taken band
   * after band, each lookup waited for its own. Here the loads do not depend on one another and
   * the CPU overlaps their misses: the lookups then find their memory in the cache. In an import
   * of a million articles this took ~3 µs per article off the engine thread (A/B: 94 -> 90 and
   * 91 -> 88 µs).
   */
  private warm(keys: Uint32Array): void {
    const starts = this.starts;
    let touched = 0;
    for (let b = 0; b < this.bands; b++) {
      const key = keys[b]!;
      starts[b] = b * this.capacity + this.dirs[b * (DIR + 1) + (key >>> 16)]!;
      touched ^= this.slots[b * SLOTS + slotOf(key)]!;
    }
    const low = this.low;
    for (let b = 0; b < this.bands; b++) {
      const at = starts[b]!;
      if (at < low.length) touched ^= low[at]!;
    }
    this.touched = touched;
  }

  /** Adds band b's articles with this key to `out`, until it holds `max`. */
  private lookup(b: number, key: number, out: number[], max: number): void {
    const top = key >>> 16;
    const low = key & 0xffff;
    const region = b * this.capacity;
    const dir = b * (DIR + 1);
    for (let i = region + this.dirs[dir + top]!, end = region + this.dirs[dir + top + 1]!; i < end && out.length < max; i++) {
      const k = this.low[i]!;
      if (k === low) out.push(this.ids[i]!);
      else if (k > low) break;
    }
    const pending = b * PENDING;
    const slots = b * SLOTS;
    let s = slotOf(key);
    for (let j = this.slots[slots + s]!; j !== 0 && out.length < max; j = this.slots[slots + s]!) {
      if (this.pendingKeys[pending + j - 1] === key) out.push(this.pendingIds[pending + j - 1]!);
      s = (s + 1) & (SLOTS - 1);
    }
  }

  /** Merges every band's pending keys into its sorted part. */
  compact(): void {
    const m = this.pendingN;
    if (m === 0) return;
    if (this.n + m > this.capacity) this.grow(nextPowerOfTwo(this.n + m));
    const order = new Int32Array(m);
    const counts = new Uint32Array(DIR + 1);
    const next = new Uint32Array(DIR + 1);
    for (let b = 0; b < this.bands; b++) this.mergeBand(b, m, order, counts, next);
    this.n += m;
    this.pendingN = 0;
    this.slots.fill(0);
  }

  /**
   * Merges band b's m pending entries into its sorted part, in place: bucket by bucket (top 16
   * bits) from the highest down, each from the back, so nothing is overwritten before it is read.
   */
  private mergeBand(b: number, m: number, order: Int32Array, counts: Uint32Array, next: Uint32Array): void {
    const pending = b * PENDING;
    const keys = this.pendingKeys;
    // The pending entries in key order, ties in the order they came: a counting sort by bucket
    // (top 16 bits), then each bucket by its low bits. A bucket gets about one pending entry in
    // two (PENDING entries over DIR buckets), so the insertion sort has next to nothing to do.
    // counts[p + 1] ends up as bucket p's count, counts[p] as where its entries start in `order`.
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[(keys[pending + i]! >>> 16) + 1]!++;
    for (let p = 1; p <= DIR; p++) counts[p]! += counts[p - 1]!;
    next.set(counts);
    for (let i = 0; i < m; i++) order[next[keys[pending + i]! >>> 16]!++] = i;
    for (let p = 0; p < DIR; p++) {
      for (let j = counts[p]! + 1, end = counts[p + 1]!; j < end; j++) {
        const idx = order[j]!;
        const k = keys[pending + idx]! & 0xffff;
        let at = j;
        while (at > counts[p]! && (keys[pending + order[at - 1]!]! & 0xffff) > k) {
          order[at] = order[at - 1]!;
          at--;
        }
        order[at] = idx;
      }
    }
    const region = b * this.capacity;
    const dir = b * (DIR + 1);
    const low = this.low;
    const ids = this.ids;
    for (let p = DIR - 1; p >= 0; p--) {
      const oldStart = this.dirs[dir + p]!;
      let a = region + this.dirs[dir + p + 1]! - 1;
      const aEnd = region + oldStart;
      const pStart = counts[p]!;
      let q = counts[p + 1]! - 1;
      // The bucket's new place: after the old entries and pending entries of lower buckets.
      let w = region + this.dirs[dir + p + 1]! + counts[p + 1]! - 1;
      while (q >= pStart) {
        const idx = order[q]!;
        const k = this.pendingKeys[pending + idx]! & 0xffff;
        if (a >= aEnd && low[a]! > k) {
          low[w] = low[a]!;
          ids[w--] = ids[a--]!;
        } else {
          low[w] = k;
          ids[w--] = this.pendingIds[pending + idx]!;
          q--;
        }
      }
      while (a >= aEnd) {
        low[w] = low[a]!;
        ids[w--] = ids[a--]!;
      }
      this.dirs[dir + p + 1] = this.dirs[dir + p + 1]! + counts[p + 1]!;
    }
  }

  /** Moves the band regions into arrays of `capacity` entries each. */
  private grow(capacity: number): void {
    const low = new Uint16Array(this.bands * capacity);
    const ids = new Int32Array(this.bands * capacity);
    for (let b = 0; b < this.bands; b++) {
      low.set(this.low.subarray(b * this.capacity, b * this.capacity + this.n), b * capacity);
      ids.set(this.ids.subarray(b * this.capacity, b * this.capacity + this.n), b * capacity);
    }
    this.low = low;
    this.ids = ids;
    this.capacity = capacity;
  }

  /** Memory written so far, in bytes (the arrays' untouched tails are not resident). */
  get bytes(): number {
    const entries = this.bands * this.n * 6;
    // Fingerprints by article id: about one per article, ids being dense.
    const fixed = this.dirs.byteLength + this.pendingKeys.byteLength + this.pendingIds.byteLength + this.slots.byteLength;
    return entries + fixed + (this.n + this.pendingN) * this.printBytes;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function slotOf(key: number): number {
  return (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 16) & (SLOTS - 1);
}

/** Four bits of each MinHash value (their bits are uniform: any four will do), two to a byte. */
function printInto(signature: Int32Array, out: Uint8Array, at: number, bytes: number): void {
  for (let k = 0; k < bytes; k++) {
    const a = signature[2 * k]!;
    const b = signature[2 * k + 1]!;
    out[at + k] = ((a ^ (a >>> 12) ^ (a >>> 24)) & 0xf) | (((b ^ (b >>> 12) ^ (b >>> 24)) & 0xf) << 4);
  }
}
