// The stored articles' content hashes, in memory, while their unique index (articles_by_hash)
// is set aside during a big import (db/deferred-indexes.ts): the store finds exact duplicates
// here instead. Each hash is kept by its first 32 bits with the article's id; a hit is checked
// against the full hash stored with that article, so two texts whose hashes merely share those
// bits are never taken for one. 8 bytes a slot, at most half full: 16 MB for a million.

/** Hash -> article ids, an open-addressing table keyed by a hash's first 32 bits. */
export class HashDirectory {
  private hi = new Int32Array(0);
  /** The article id in each slot; 0 marks a free slot (ids start at 1). */
  private ids = new Int32Array(0);
  private mask = -1;
  private count = 0;

  constructor(capacity = 1 << 16) {
    this.allocate(capacity);
  }

  get size(): number {
    return this.count;
  }

  add(hash: string, id: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.put(high(hash), id);
    this.count++;
  }

  /** The first article whose hash begins as `hash` does and for which `same` holds, or null. */
  find(hash: string, same: (id: number) => boolean): number | null {
    const h = high(hash);
    for (let slot = mix(h) & this.mask; this.ids[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hi[slot] === h && same(this.ids[slot]!)) return this.ids[slot]!;
    }
    return null;
  }

  private put(h: number, id: number): void {
    let slot = mix(h) & this.mask;
    while (this.ids[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hi[slot] = h;
    this.ids[slot] = id;
  }

  private allocate(capacity: number): void {
    let size = 1;
    while (size < capacity) size *= 2;
    this.hi = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.mask = size - 1;
  }

  private grow(): void {
    const { hi, ids } = this;
    this.allocate((this.mask + 1) * 2);
    for (let s = 0; s < ids.length; s++) if (ids[s] !== 0) this.put(hi[s]!, ids[s]!);
  }
}

// A content hash is 64 hex digits (SHA-256): its first 32 bits. Two hashes sharing them are
// told apart by the check against the stored hash (at a million articles, one new article in
// four thousand meets such a namesake).
const high = (hash: string): number => parseInt(hash.slice(0, 8), 16) | 0;

/** The slot of a key: its bits are random already; the multiply brings the high ones down. */
function mix(h: number): number {
  return Math.imul(h, 0x9e3779b1) ^ (h >>> 16);
}
