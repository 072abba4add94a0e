// A small summary of the corpus the planner needs for estimates and facets: how many articles
// were published in each month and how many are undated. Computed from the published_at index
// when first needed after a change (a few hundred milliseconds at a million articles, no table
// scan) and kept until the corpus changes again.
import type { Db } from '../db/open.ts';
import { EPOCH_SHIFT } from './index-layout.ts';

export interface MonthSlot {
  /** "YYYY-MM" */
  month: string;
  /** First and last second of the month, as sortable times. */
  from: number;
  to: number;
  articles: number;
}

export interface CorpusProfile {
  total: number;
  undated: number;
  months: MonthSlot[];
}

/** Agency and place values with counts, from the newest articles (for suggestions). */
export function recentValues(db: Db, column: 'agency' | 'place', sample = 50_000, limit = 500): Array<{ value: string; count: number }> {
  // A sample by rowid: no index on these columns is needed (nor kept up at every import).
  return db
    .prepare(`SELECT ${column} AS value, count(*) AS count FROM (SELECT ${column} FROM articles ORDER BY id DESC LIMIT ?) WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, value LIMIT ?`)
    .all(sample, limit) as Array<{ value: string; count: number }>;
}

export class CorpusProfiles {
  private readonly db: Db;
  private cached: CorpusProfile | null = null;
  private version = 0;
  private cachedVersion = -1;

  constructor(db: Db) {
    this.db = db;
  }

  /** Call when articles were added or removed. */
  invalidate(): void {
    this.version++;
  }

  get(): CorpusProfile {
    if (this.cached && this.cachedVersion === this.version) return this.cached;
    const total = this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    // Days from the published_at index (it is in order, so no sorting), months in JS.
    const days = this.db.prepare('SELECT published_at / 86400 AS day, count(*) AS n FROM articles WHERE published_at IS NOT NULL GROUP BY 1').all() as { day: number; n: number }[];
    const byMonth = new Map<string, number>();
    for (const d of days) {
      const date = new Date(d.day * 86400_000);
      const key = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
      byMonth.set(key, (byMonth.get(key) ?? 0) + d.n);
    }
    const rows = [...byMonth.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, n]) => ({ month, n }));
    const months: MonthSlot[] = [];
    if (rows.length) {
      let [y, m] = rows[0]!.month.split('-').map(Number) as [number, number];
      const [ly, lm] = rows[rows.length - 1]!.month.split('-').map(Number) as [number, number];
      while (y < ly || (y === ly && m <= lm)) {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        const from = Date.UTC(y, m - 1, 1) / 1000;
        const to = Date.UTC(y, m, 1) / 1000 - 1;
        months.push({ month: key, from, to, articles: byMonth.get(key) ?? 0 });
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    }
    const undated = total - rows.reduce((s, r) => s + r.n, 0);
    this.cached = { total, undated, months };
    this.cachedVersion = this.version;
    return this.cached;
  }

  /** Articles published between two sortable times (inclusive), prorating partial months. */
  articlesBetween(from: number, to: number): number {
    const p = this.get();
    let n = 0;
    for (const slot of p.months) {
      if (slot.to < from || slot.from > to) continue;
      const a = Math.max(from, slot.from);
      const b = Math.min(to, slot.to);
      n += (slot.articles * (b - a + 1)) / (slot.to - slot.from + 1);
    }
    return n;
  }

  years(): { min: number; max: number } | null {
    const p = this.get();
    if (!p.months.length) return null;
    return { min: Number(p.months[0]!.month.slice(0, 4)), max: Number(p.months[p.months.length - 1]!.month.slice(0, 4)) };
  }
}

/** The sortable time (seconds since 1970) of a rowid time part; null for undated. */
export function timeOfBucket(bucket: number): number | null {
  return bucket === 0 ? null : bucket - EPOCH_SHIFT;
}
