// Saved searches (named) and the search history (the last HISTORY_LIMIT searches, a repeated
// search moving to the top instead of appearing twice).
import type { HistoryEntry, SavedSearch, SearchOptions } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';

export const HISTORY_LIMIT = 500;

/** The options worth remembering, without empty values, in a stable key order. */
export function cleanOptions(o: SearchOptions): SearchOptions {
  const out: SearchOptions = {};
  if (o.sort) out.sort = o.sort;
  if (o.recency) out.recency = true;
  if (o.match === 'any') out.match = 'any';
  for (const k of ['from', 'to', 'agency', 'place', 'language'] as const) {
    const v = o[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

interface Row {
  name: string;
  query: string;
  options: string;
  created_at: string;
  updated_at: string;
}

export class SavedSearches {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  list(): SavedSearch[] {
    const rows = this.db.prepare('SELECT name, query, options, created_at, updated_at FROM saved_searches ORDER BY name COLLATE NOCASE').all() as Row[];
    return rows.map(toSaved);
  }

  save(name: string, query: string, options: SearchOptions = {}): SavedSearch {
    const now = new Date().toISOString();
    this.db
      .prepare(`
        INSERT INTO saved_searches (name, query, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET name = excluded.name, query = excluded.query, options = excluded.options, updated_at = excluded.updated_at`)
      .run(name.trim(), query, JSON.stringify(cleanOptions(options)), now, now);
    return toSaved(this.db.prepare('SELECT name, query, options, created_at, updated_at FROM saved_searches WHERE name = ?').get(name.trim()) as Row);
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM saved_searches WHERE name = ?').run(name.trim()).changes > 0;
  }

  remember(query: string, options: SearchOptions): void {
    const opts = JSON.stringify(cleanOptions(options));
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM search_history WHERE query = ? AND options = ?').run(query, opts);
      this.db.prepare('INSERT INTO search_history (query, options, at) VALUES (?, ?, ?)').run(query, opts, new Date().toISOString());
      this.db.prepare('DELETE FROM search_history WHERE id <= (SELECT id FROM search_history ORDER BY id DESC LIMIT 1 OFFSET ?)').run(HISTORY_LIMIT);
    })();
  }

  history(limit = 50): HistoryEntry[] {
    const rows = this.db.prepare('SELECT query, options, at FROM search_history ORDER BY id DESC LIMIT ?').all(limit) as { query: string; options: string; at: string }[];
    return rows.map((r) => ({ query: r.query, options: JSON.parse(r.options) as SearchOptions, at: r.at }));
  }

  clearHistory(): number {
    return this.db.prepare('DELETE FROM search_history').run().changes;
  }
}

function toSaved(r: Row): SavedSearch {
  return { name: r.name, query: r.query, options: JSON.parse(r.options) as SearchOptions, createdAt: r.created_at, updatedAt: r.updated_at };
}
