// Versioned derived data (DESIGN.md, 5). Each kind of data derived from the articles (quotes,
// later signatures or term vectors) has a name and a version in `derived_versions`. When the
// code that derives it changes, its version goes up, and the next open rebuilds it from the
// articles table, in batches, each in its own transaction. A kind with no row is new: it is
// built from scratch. Any issue may register its own DerivedData.
import type { Db } from '../db/open.ts';
import type { StoredArticle } from './indexers.ts';

export interface DerivedData {
  /** Its row in derived_versions. */
  readonly name: string;
  /** Bump when the derivation changes; stored data of another version is rebuilt. */
  readonly version: number;
  /** Drops everything derived (called once, in the first batch's transaction). */
  clear(): void;
  /** Derives the data for one article (as an ArticleIndexer's add would). */
  add(article: StoredArticle): void;
  /** Runs after the last batch, in its transaction (re-linking, statistics). */
  finish?(): void;
}

export interface RebuildReport {
  name: string;
  from: number | null;
  to: number;
  articles: number;
  ms: number;
}

const BATCH = 2000;

/** Rebuilds every kind whose stored version differs from the code's. */
export function ensureDerived(db: Db, kinds: readonly DerivedData[], log?: (message: string) => void): RebuildReport[] {
  const read = db.prepare('SELECT version FROM derived_versions WHERE name = ?').pluck();
  const reports: RebuildReport[] = [];
  for (const kind of kinds) {
    const stored = read.get(kind.name) as number | undefined;
    if (stored === kind.version) continue;
    reports.push(rebuildDerived(db, kind, stored ?? null));
    if (reports.at(-1)!.articles > 0) log?.(`wirebench: rebuilt ${kind.name} (version ${stored ?? 'none'} → ${kind.version}) for ${reports.at(-1)!.articles} articles in ${reports.at(-1)!.ms} ms`);
  }
  return reports;
}

/** Rebuilds one kind from the articles table, whatever its stored version. */
export function rebuildDerived(db: Db, kind: DerivedData, from: number | null = null): RebuildReport {
  const started = performance.now();
  const page = db.prepare(`SELECT id, headline, body, published, place, agency, language FROM articles WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
  const setVersion = db.prepare('INSERT INTO derived_versions (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version');
  let last = 0;
  let count = 0;
  let first = true;
  // The version is written with the last batch; a crash part-way leaves the old version, so
  // the next open starts over (clear() makes that safe).
  for (;;) {
    const rows = page.all(last) as StoredArticle[];
    const done = rows.length < BATCH;
    db.transaction(() => {
      if (first) kind.clear();
      for (const row of rows) kind.add(row);
      if (done) {
        kind.finish?.();
        setVersion.run(kind.name, kind.version);
      }
    })();
    first = false;
    count += rows.length;
    if (rows.length) last = rows.at(-1)!.id;
    if (done) break;
  }
  return { name: kind.name, from, to: kind.version, articles: count, ms: Math.round(performance.now() - started) };
}
