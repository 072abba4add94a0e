// As-you-type suggestions: people's names, places, agencies and headlines that match what is
// being typed, fuzzily and by prefix, from a MiniSearch index. The index is derived data
// (DESIGN.md, 5): built from SQLite, saved next to the corpus with the version of its recipe and a
// fingerprint of the corpus, loaded when both still match, rebuilt when they do not. It covers
// the newest headlines and the names found in the newest articles, so its size stays bounded
// whatever the corpus size.
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { Suggestion, SuggestionKind } from '../../shared/api.ts';
import type { Db } from '../db/open.ts';
import { recentValues, type CorpusProfiles } from './corpus-profile.ts';
import { fold } from './normalise.ts';

/** Bump when what goes into the index changes, so saved indexes are rebuilt. */
export const SUGGEST_VERSION = 1;
export const SUGGEST_FILE = 'suggest-index.json';
const HEADLINES = 20_000;
const NAME_ARTICLES = 5_000;
const NAME_TEXT = 3_000;
const MAX_NAMES = 5_000;

interface Doc {
  id: number;
  kind: SuggestionKind;
  text: string;
  count: number | null;
  articleId: number | null;
}

const FIELDS = ['text'];
const STORE = ['kind', 'text', 'count', 'articleId'];
const options = () => ({ fields: FIELDS, storeFields: STORE, processTerm: (t: string) => fold(t) });

// Capitalised words that start sentences or are titles, not names.
const NOT_NAMES = new Set(
  ('The A An In On At But And Or If As By For From With Without After Before During Since This That These Those It He She They We I You His Her Their Its ' +
    'Mr Mrs Ms Dr Sir Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'President Prime Minister Minister Foreign Secretary General Chief Chairman Spokesman Spokeswoman Senator Governor King Queen Pope Reuters Interfax TASS Press ' +
    'Когда В На И Но Это Как По Для При После Президент Министр Премьер Глава').split(' '),
);
const NAME = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)){1,2}(?![\p{L}\p{N}])/gu;

/** Capitalised two- and three-word sequences that look like people's names. */
export function extractNames(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(NAME)) {
    const parts = m[0].split(/\s+/);
    while (parts.length && NOT_NAMES.has(parts[0]!)) parts.shift();
    while (parts.length && NOT_NAMES.has(parts[parts.length - 1]!)) parts.pop();
    if (parts.length >= 2 && parts.every((p) => !NOT_NAMES.has(p))) found.add(parts.join(' '));
  }
  return [...found];
}

export class Suggestions {
  private readonly db: Db;
  private readonly dataDir: string;
  private readonly profiles: CorpusProfiles;
  private index: MiniSearch<Doc> | null = null;
  private indexKey = '';
  private rebuildTimer: NodeJS.Timeout | null = null;
  /** Set when the corpus changed since the index was checked against it. */
  private stale = true;
  private readonly busy: () => boolean;

  /**
   * `busy`: while it says so (an import writing), the rebuild after a change waits. An import
   * changes the corpus throughout, and a rebuild in the middle of one (from a change just
   * before it, or at the first open) cost the import's thread ~150 ms for an index that was
   * stale again when it ended.
   */
  constructor(db: Db, dataDir: string, profiles: CorpusProfiles, busy: () => boolean = () => false) {
    this.db = db;
    this.dataDir = dataDir;
    this.profiles = profiles;
    this.busy = busy;
  }

  /** What the saved index must match: recipe version, corpus size and newest article. */
  private fingerprint(): string {
    const row = this.db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS max FROM articles').get() as { n: number; max: number };
    return `${SUGGEST_VERSION}:${row.n}:${row.max}`;
  }

  private get file(): string {
    return path.join(this.dataDir, SUGGEST_FILE);
  }

  /** The corpus changed: rebuild soon (once a burst of changes is over); until then the old index answers. */
  invalidate(): void {
    this.stale = true;
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = null;
      if (this.busy()) {
        this.invalidate();
        return;
      }
      try {
        this.ensure();
      } catch {
        // the next call to suggest() tries again
      }
    }, 2000);
    this.rebuildTimer.unref();
  }

  close(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
  }

  /** Loads or rebuilds the index when it is missing or stale. Returns whether it was rebuilt. */
  ensure(): boolean {
    // Counting the articles costs tens of milliseconds at a million: only after a change.
    if (this.index && !this.stale) return false;
    const key = this.fingerprint();
    this.stale = false;
    if (this.index && this.indexKey === key) return false;
    try {
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { key: string; index: unknown };
      if (saved.key === key) {
        this.index = MiniSearch.loadJS(saved.index as Parameters<typeof MiniSearch.loadJS>[0], options());
        this.indexKey = key;
        return false;
      }
    } catch {
      // missing or unreadable: rebuild
    }
    this.index = this.build();
    this.indexKey = key;
    try {
      const tmp = `${this.file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ key, index: this.index.toJSON() }), { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch {
      // a derived index that cannot be saved is rebuilt next time
    }
    return true;
  }

  private build(): MiniSearch<Doc> {
    const docs: Doc[] = [];
    let id = 0;
    for (const a of recentValues(this.db, 'agency')) docs.push({ id: ++id, kind: 'agency', text: a.value, count: a.count, articleId: null });
    for (const p of recentValues(this.db, 'place')) docs.push({ id: ++id, kind: 'place', text: p.value, count: p.count, articleId: null });
    const names = new Map<string, number>();
    const rows = this.db.prepare(`SELECT headline, substr(body, 1, ${NAME_TEXT}) AS body FROM articles ORDER BY id DESC LIMIT ${NAME_ARTICLES}`).all() as { headline: string; body: string }[];
    for (const r of rows) for (const name of extractNames(`${r.headline}\n${r.body}`)) names.set(name, (names.get(name) ?? 0) + 1);
    // In a large corpus a name seen once is mostly noise; in a small one it is all there is.
    const people = [...names.entries()].filter(([, n]) => n >= 2 || rows.length < 2000).sort((a, b) => b[1] - a[1]).slice(0, MAX_NAMES);
    for (const [name, n] of people) docs.push({ id: ++id, kind: 'person', text: name, count: n, articleId: null });
    const headlines = this.db.prepare(`SELECT max(id) AS id, headline FROM (SELECT id, headline FROM articles ORDER BY id DESC LIMIT ${HEADLINES}) GROUP BY headline`).all() as { id: number; headline: string }[];
    for (const h of headlines) docs.push({ id: ++id, kind: 'headline', text: h.headline, count: null, articleId: h.id });
    const index = new MiniSearch<Doc>(options());
    index.addAll(docs);
    return index;
  }

  suggest(text: string, limit = 8): Suggestion[] {
    const fragment = lastWords(text);
    if (fold(fragment).replace(/[^\p{L}\p{N}]/gu, '').length < 2) return [];
    this.ensure();
    const results = this.index!.search(fragment, {
      prefix: true,
      // Fuzzy only for longer words, one edit: a wide fuzzy search walks much of the tree.
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      combineWith: 'AND',
      boostDocument: (_id, _term, stored) => {
        const kind = stored?.kind as SuggestionKind | undefined;
        const count = (stored?.count as number | null | undefined) ?? 1;
        return (kind === 'headline' ? 0.6 : 1) * (1 + Math.log10(1 + count) / 2);
      },
    });
    const out: Suggestion[] = [];
    const perKind: Record<SuggestionKind, number> = { person: 0, place: 0, agency: 0, headline: 0 };
    for (const r of results) {
      const kind = r.kind as SuggestionKind;
      if (perKind[kind] >= Math.ceil(limit / 2)) continue;
      perKind[kind]++;
      const value = r.text as string;
      out.push({ kind, text: value, count: (r.count as number | null) ?? null, articleId: (r.articleId as number | null) ?? null, query: queryFor(kind, value) });
      if (out.length >= limit) break;
    }
    return out;
  }
}

/** The words being typed: the last one or two, without a field name or operator. */
export function lastWords(text: string): string {
  const words = text.replace(/[()"“”„«»]/g, ' ').trim().split(/\s+/).filter((w) => !/^(AND|OR|NOT|NEAR(\/\d+)?)$/.test(w));
  const tail = words.slice(-2).map((w) => w.replace(/^[-+]/, '').replace(/^[a-z]+:/i, '').replace(/\*$/, ''));
  return tail.join(' ').trim();
}

function quote(value: string): string {
  return /^[\p{L}\p{N}]+$/u.test(value) ? value : `"${value.replace(/"/g, '')}"`;
}

function queryFor(kind: SuggestionKind, value: string): string {
  switch (kind) {
    case 'agency':
      return `agency:${quote(value)}`;
    case 'place':
      return `place:${quote(value)}`;
    case 'person':
    case 'headline':
      return `"${value.replace(/"/g, '')}"`;
  }
}
