// Upkeep of the FTS5 indexes' segments (search_fts, quotes_fts). FTS5 writes what each import transaction adds as a new
// segment and merges segments only level by level (automerge), so a corpus built by many imports
// holds a dozen segments or more, and every query walks each term's postings in every one of
// them: measured on 96,000 imported wire articles, 14 segments against 1, common words in date
// order took 5.2 ms against 3.0, ranked queries 5-15% longer.
//
// Merging everything into one segment rewrites the whole index, so it is done only when the
// segments besides the largest hold a real share of it (a big import, not one file from a watched
// folder): the work is then at most a few times the index's size over the corpus's whole life.
// The merge runs in small steps (FTS5's incremental 'merge' command, a bounded number of pages
// each, each its own transaction), so calls and imports go on between them and a crash at any
// point leaves a consistent index.
import type { Db } from '../db/open.ts';

/**
 * How FTS5 writes during an import, and its own defaults, restored after. FTS5 keeps what a
 * transaction adds in memory only up to `hashsize` bytes (1 MB by default) and writes a segment
 * each time it fills, so an import batch (~15 MB of index data for 5,000 wire articles) became
 * fifteen small segments; with 16 MB a batch is one segment. FTS5 then merges segments level by
 * level as they come (`automerge`, four at a time by default, 64 at most), rewriting the index
 * once per level; but after a big import SegmentMerger merges every segment into one anyway
 * (the segments besides the largest hold most of the index), which rewrites all of it once
 * more. So during an import nothing is merged (automerge 0): each batch's segment waits for
 * that one merge. Measured on a million wire articles, FTS5 alone on one thread, batches of
 * 1,000: 30 µs per article instead of 45 with automerge 64 (61 at 16); the merge after takes
 * the same as before (~25 s, in the background, in small steps). The background merger does
 * not run while an import writes (ArticleStore.bulkWriting). Queries meanwhile read more
 * segments: at a million articles in 1,000 segments a rare word took 18 ms instead of 3.
 * An import of more than 1,998 batches (about two million wire articles) meets FTS5's cap on
 * segments: its "crisis" merge, at 1,999 (the most FTS5 takes), merges them all at once, inside
 * that batch's commit.
 */
const FTS5_DEFAULTS = { hashsize: 1024 * 1024, automerge: 4, crisismerge: 16 } as const;
export const BULK_WRITES = { hashsize: 16 * 1024 * 1024, automerge: 0, crisismerge: 1999 } as const;
/**
 * The quotes' index during an import: merged as it goes, 64 segments at a time, with the crisis
 * merge at 128. It is small (77 MB at a million wire articles, a twentieth of the search index),
 * so merging it costs little, and an import batch can leave it several segments, not one: left
 * unmerged it would meet FTS5's cap on segments at about a million articles.
 */
export const QUOTES_BULK_WRITES = { hashsize: 16 * 1024 * 1024, automerge: 64, crisismerge: 128 } as const;

/** Switches an FTS5 table between the import's write settings and FTS5's defaults. */
export function setBulkWrites(db: Db, table: string, on: boolean, bulk: { hashsize: number; automerge: number; crisismerge: number } = BULK_WRITES): void {
  // FTS5 takes a setting's name and value only as literals, not as bound parameters; both are
  // our own constants.
  const values = on ? bulk : FTS5_DEFAULTS;
  const set = (name: keyof typeof BULK_WRITES): string => `INSERT INTO "${table}" ("${table}", rank) VALUES ('${name}', ${Math.trunc(values[name])});`;
  db.transaction(() => db.exec(set('hashsize') + set('automerge') + set('crisismerge')))();
}

/** Quiet time after an import (or opening) before the segments are looked at. */
export const UPKEEP_DELAY_MS = 3000;

/** Merge when the segments besides the largest hold at least this share of the index. */
export const MERGE_SHARE = 0.1;
/** Pages of merged output written per step: a few milliseconds of work. */
export const MERGE_PAGES = 64;

export interface SegmentShape {
  segments: number;
  /** Share of the index (by leaf pages) outside the largest segment. */
  outside: number;
}

export class SegmentUpkeep {
  private readonly shape;
  private readonly merge;
  private readonly changes;
  private started = false;

  constructor(db: Db, table: string) {
    // %_idx holds a row per leaf page of each segment (its first term): a cheap size per segment.
    this.shape = db.prepare(`SELECT segid, count(*) AS pages FROM "${table}_idx" GROUP BY segid`);
    this.merge = db.prepare(`INSERT INTO "${table}" ("${table}", rank) VALUES ('merge', ?)`);
    this.changes = db.prepare('SELECT total_changes()').pluck();
  }

  /** How many segments the index has and how much of it lies outside the largest. */
  measure(): SegmentShape {
    const rows = this.shape.all() as Array<{ segid: number; pages: number }>;
    const total = rows.reduce((n, r) => n + r.pages, 0);
    const largest = rows.reduce((n, r) => Math.max(n, r.pages), 0);
    return { segments: rows.length, outside: total === 0 ? 0 : (total - largest) / total };
  }

  /** Whether merging into one segment is worth rewriting the index for. */
  needed(share = MERGE_SHARE): boolean {
    const s = this.measure();
    return s.segments > 1 && s.outside >= share;
  }

  /**
   * One step of merging every segment into one; true when there is nothing left to merge. The
   * first step starts the merge (a negative page count: all segments as one level), the next
   * ones continue it, until a step writes nothing.
   */
  step(pages = MERGE_PAGES): boolean {
    const before = this.changes.get() as number;
    this.merge.run(this.started ? pages : -pages);
    this.started = true;
    // The command itself counts as one change; any work done writes rows of the index.
    const done = (this.changes.get() as number) - before < 2;
    if (done) this.started = false;
    return done;
  }
}

export interface MergerOptions {
  log(message: string): void;
  /** Work that must not be interleaved with merging (a rebuild of the index): wait for it. */
  busy?(): boolean;
}

/**
 * Runs SegmentUpkeep for one index: a little after each import (`schedule`), or now
 * (`mergeNow`), in steps that yield to calls and imports in between; stops when closed.
 */
export class SegmentMerger {
  private readonly db: Db;
  private readonly table: string;
  private readonly upkeep: SegmentUpkeep;
  private readonly options: MergerOptions;
  private merging: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(db: Db, table: string, options: MergerOptions) {
    this.db = db;
    this.table = table;
    this.upkeep = new SegmentUpkeep(db, table);
    this.options = options;
  }

  /** Looks at the segments after a quiet moment (calls during it push the moment back). */
  schedule(delayMs = UPKEEP_DELAY_MS): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.mergeNow();
    }, delayMs);
    this.timer.unref();
  }

  /** Merges the segments now if worth it; resolves when done (or stopped). */
  mergeNow(): Promise<void> {
    if (this.merging) return this.merging;
    if (this.closed || this.db.readonly || this.options.busy?.() || !this.upkeep.needed()) return Promise.resolve();
    const current: Promise<void> = this.run()
      .catch((error: unknown) => this.options.log(`wirebench: merging the segments of ${this.table} stopped: ${String(error)}`))
      .finally(() => {
        if (this.merging === current) this.merging = null;
      });
    this.merging = current;
    return current;
  }

  private async run(): Promise<void> {
    const started = Date.now();
    const before = this.upkeep.measure().segments;
    let steps = 0;
    for (;;) {
      if (this.closed) return;
      // Never inside someone else's transaction (none spans an await today; stay safe), nor
      // during a rebuild.
      if (!this.db.inTransaction && !this.options.busy?.()) {
        if (this.upkeep.step()) break;
        steps++;
      }
      await new Promise<void>((resolve) => setTimeout(resolve, this.options.busy?.() ? 250 : 1));
    }
    this.options.log(`wirebench: merged the ${before} segments of ${this.table} into one (${steps} steps, ${Date.now() - started} ms)`);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.merging) await this.merging;
  }
}
