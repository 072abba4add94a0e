// The LSH lookup behind near-duplicate detection, kept in memory. Each article contributes one
// 32-bit key per band of its MinHash signature (near-duplicates.ts); two articles that share a
// key in some band are candidates, which the caller confirms by comparing signatures.
//
// Why in memory and not an SQLite table: the keys are random, so an index of them takes every
// new key at a random place. At a million articles that was 16 million rows (~270 MB), and
// every import batch dirtied most of its pages; it cost ~400 µs per imported article, more
// than all the rest of the import together. Here a key costs 8 bytes (a million articles:
// ~130 MB) and an insert or lookup well under a microsecond. The index is derived data
// (DESIGN.md, 5): built from the signatures in `article_minhash` when an import first needs
// it, and dropped when imports stop (NearDuplicates.release).
//
// Layout, per band: a sorted main part (keys and ids in two typed arrays, with a directory by
// the top 16 bits of the key so a lookup scans a handful of entries), and a small pending part
// (an open-addressing hash) for keys added since the last merge; when the pending part is
// full it is sorted and merged into the main part from the back, in place.
//
// Entries are never removed: a removed article's entries stay until the index is next built,
// and the caller drops such candidates when their signature is gone from the table.

/** Keys added to a band between merges into its sorted part. */
const PENDING = 1 << 15;
const SLOTS = PENDING * 2;
const DIR = 1 << 16;

class Band {
  /** Sorted by key; `ids[i]` is the article of `keys[i]`. Capacity may exceed `n`. */
  keys: Uint32Array;
  ids: Int32Array;
  n = 0;
  /** dir[p] = the first index whose key's top 16 bits are >= p; dir[DIR] = n. */
  readonly dir = new Uint32Array(DIR + 1);
  readonly pendingKeys = new Uint32Array(PENDING);
  readonly pendingIds = new Int32Array(PENDING);
  pendingN = 0;
  /** Open addressing over the pending entries: index + 1, 0 = free. */
  readonly slots = new Int32Array(SLOTS);

  constructor(capacity: number) {
    this.keys = new Uint32Array(Math.max(capacity, 1024));
    this.ids = new Int32Array(this.keys.length);
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

  lookup(key: number, out: number[]): void {
    const top = key >>> 16;
    for (let i = this.dir[top]!, end = this.dir[top + 1]!; i < end; i++) {
      const k = this.keys[i]!;
      if (k === key) out.push(this.ids[i]!);
      else if (k > key) break;
    }
    let s = slotOf(key);
    for (let j = this.slots[s]!; j !== 0; j = this.slots[s]!) {
      if (this.pendingKeys[j - 1] === key) out.push(this.pendingIds[j - 1]!);
      s = (s + 1) & (SLOTS - 1);
    }
  }

  /** Sorts the pending entries and merges them into the sorted part. */
  merge(): void {
    const m = this.pendingN;
    if (m === 0) return;
    // Sort the pending entries by key through one Float64Array: key * 2^21 + index is exact
    // (53 bits), and a typed array sorts numerically in native code.
    const order = new Float64Array(m);
    for (let i = 0; i < m; i++) order[i] = this.pendingKeys[i]! * 2097152 + i;
    order.sort();
    const total = this.n + m;
    if (total > this.keys.length) {
      const capacity = Math.max(total, Math.ceil(this.keys.length * 1.5));
      const keys = new Uint32Array(capacity);
      const ids = new Int32Array(capacity);
      keys.set(this.keys.subarray(0, this.n));
      ids.set(this.ids.subarray(0, this.n));
      this.keys = keys;
      this.ids = ids;
    }
    // Merge from the back: the sorted part's free tail takes the larger entries first.
    let a = this.n - 1;
    let b = m - 1;
    for (let w = total - 1; b >= 0; w--) {
      const p = order[b]! % 2097152;
      const pk = this.pendingKeys[p]!;
      if (a >= 0 && this.keys[a]! > pk) {
        this.keys[w] = this.keys[a]!;
        this.ids[w] = this.ids[a]!;
        a--;
      } else {
        this.keys[w] = pk;
        this.ids[w] = this.pendingIds[p]!;
        b--;
      }
    }
    this.n = total;
    this.pendingN = 0;
    this.slots.fill(0);
    this.buildDirectory();
  }

  private buildDirectory(): void {
    let i = 0;
    for (let p = 0; p < DIR; p++) {
      while (i < this.n && this.keys[i]! >>> 16 < p) i++;
      this.dir[p] = i;
    }
    this.dir[DIR] = this.n;
  }

  get bytes(): number {
    return this.keys.byteLength + this.ids.byteLength + this.dir.byteLength + this.pendingKeys.byteLength + this.pendingIds.byteLength + this.slots.byteLength;
  }
}

function slotOf(key: number): number {
  return (Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 16) & (SLOTS - 1);
}

export class LshIndex {
  private readonly bands: Band[];

  /** `capacity`: the number of articles expected, to size the arrays once. */
  constructor(bands: number, capacity = 0) {
    this.bands = Array.from({ length: bands }, () => new Band(capacity));
  }

  /** Adds an article's band keys (one per band, unsigned 32-bit). */
  add(id: number, keys: Uint32Array): void {
    for (let b = 0; b < this.bands.length; b++) this.bands[b]!.add(keys[b]!, id);
  }

  /** Articles sharing at least one band key, each once, at most `limit` of them. */
  candidates(keys: Uint32Array, limit: number): number[] {
    const found: number[] = [];
    for (let b = 0; b < this.bands.length; b++) this.bands[b]!.lookup(keys[b]!, found);
    if (found.length <= 1) return found;
    const unique = [...new Set(found)];
    return unique.length > limit ? unique.slice(0, limit) : unique;
  }

  /** Moves every pending key into the sorted parts (after a bulk build). */
  compact(): void {
    for (const band of this.bands) band.merge();
  }

  /** Memory held, in bytes (typed arrays only). */
  get bytes(): number {
    return this.bands.reduce((n, b) => n + b.bytes, 0);
  }
}
