// From a word of a query to the index keys it should match: its own key, its key in the other
// script (Peskov -> Песков, Песков -> Peskov: names are written both ways in the same corpus),
// and the keys of every spelling in its name-variant group (Kyiv, Kiev, Київ, Киев). The index
// holds one key per word; all the widening happens here, at query time, so editing the variants
// table needs no reindexing.
import type { Db } from '../db/open.ts';
import { FTS_TABLE } from './index-layout.ts';
import { firstStem, fold, isCyrillic, keyOfFolded, skeleton } from './normalise.ts';

// Latin -> Cyrillic, longest first. Only used to find the Cyrillic stem a Latin spelling stands
// for; the skeleton (normalise.ts) then forgives most of what this gets wrong (й/и, е/є/э).
const TO_CYRILLIC: Array<[string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['tz', 'ц'], ['ch', 'ч'], ['sh', 'ш'],
  ['yu', 'ю'], ['ju', 'ю'], ['iu', 'ю'], ['ya', 'я'], ['ja', 'я'], ['ia', 'я'], ['yo', 'ё'], ['jo', 'ё'], ['ye', 'е'],
  ['yi', 'ї'], ['ck', 'к'], ['ph', 'ф'], ['x', 'кс'], ['w', 'в'], ['q', 'к'],
  ['a', 'а'], ['b', 'б'], ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'], ['i', 'и'], ['j', 'й'],
  ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'],
  ['v', 'в'], ['y', 'ы'], ['z', 'з'],
];

export function latinToCyrillic(folded: string): string {
  // Name endings first: Zelensky, Zelenskiy, Zelenskyy -> Зеленский.
  const w = folded.replace(/(?:iy|yy|yi|ij|ii|y)$/, (end, at: number) => (at > 0 && !/[aeiou]/.test(folded[at - 1]!) ? '\u0000' : end));
  let out = '';
  for (let i = 0; i < w.length; ) {
    if (w[i] === '\u0000') {
      out += 'ий';
      i++;
      continue;
    }
    const rule = TO_CYRILLIC.find(([latin]) => w.startsWith(latin, i));
    if (rule) {
      out += rule[1];
      i += rule[0].length;
    } else {
      out += w[i];
      i++;
    }
  }
  return out;
}

const TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** The ways a Cyrillic word is commonly written in English text (Зеленский: Zelensky, Zelenskiy). */
export function cyrillicToLatin(folded: string): string[] {
  const plain = [...folded].map((c) => TO_LATIN[c] ?? c).join('');
  const short = [...folded.replace(/(?:ий|ый|ій|ой)$/, '\u0000')].map((c) => (c === '\u0000' ? 'y' : (TO_LATIN[c] ?? c))).join('');
  return plain === short ? [plain] : [short, plain];
}

/** The keys of one folded word in every form the index may hold it: own script and the other. */
function scriptKeys(folded: string): string[] {
  if (isCyrillic(folded)) {
    const keys = [keyOfFolded(folded, 'ru'), keyOfFolded(folded, 'uk')];
    // As written, and without its case ending (Пескова -> Peskov).
    for (const form of new Set([folded, firstStem(folded, 'ru'), firstStem(folded, 'uk')])) for (const latin of cyrillicToLatin(form)) keys.push(keyOfFolded(latin));
    return keys;
  }
  const own = keyOfFolded(folded);
  if (!/^[a-z]+$/.test(folded)) return [own];
  const cyrillic = latinToCyrillic(folded);
  return [own, keyOfFolded(cyrillic, 'ru'), keyOfFolded(cyrillic, 'uk')];
}

export interface PrefixExpansion {
  /** Key prefixes for FTS5 prefix queries. */
  prefixes: string[];
  /** Whole keys. */
  keys: string[];
  /** Only the most common words with the prefix are searched. */
  truncated: boolean;
  /** The key prefix of each script, for marks and NEAR. */
  keyPrefixes: string[];
}

/** Beyond these, a prefix is searched by its most common words only (see prefix()). */
const MAX_LISTED_TERMS = 2000;
const MAX_PREFIX_POSTINGS = 2_000_000;

export interface VariantGroup {
  name: string;
  variants: string[];
}

export class KeyExpander {
  private readonly db: Db;
  private groupsByKey = new Map<string, Set<string>>();
  private groupsByFolded = new Map<string, VariantGroup>();
  private groups: VariantGroup[] = [];
  private loadedVersion = -1;
  private version = 0;
  private readonly vocabulary;
  private readonly exists;
  private readonly terms;
  private readonly termCounts;
  /** Whether a key occurs in the index at all; alternatives that do not are left out of queries. */
  private readonly present = new Map<string, boolean>();
  /** Prefix expansions, until the corpus changes (a short prefix takes a while to expand). */
  private readonly prefixes = new Map<string, PrefixExpansion>();

  constructor(db: Db) {
    this.db = db;
    this.exists = db.prepare(`SELECT 1 FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? LIMIT 1`).pluck();
    // The index's own term list, per connection (a temp table: nothing is stored).
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, ${FTS_TABLE}, 'row')`);
    this.terms = db.prepare('SELECT term FROM temp.search_terms WHERE term >= ? AND term < ? LIMIT ?').pluck();
    this.termCounts = db.prepare('SELECT term, doc FROM temp.search_terms WHERE term >= ? AND term < ? LIMIT ?');
    this.vocabulary = db.prepare(`
      SELECT DISTINCT key FROM search_vocab
      WHERE word >= @from AND word < @to AND NOT (key >= @keyFrom AND key < @keyTo)
      LIMIT @limit`).pluck();
  }

  /** Call after the variants table changed. */
  invalidate(): void {
    this.version++;
  }

  /** Call when articles were added or removed. */
  corpusChanged(): void {
    this.present.clear();
    this.prefixes.clear();
  }

  private occurs(key: string): boolean {
    let known = this.present.get(key);
    if (known === undefined) {
      known = this.exists.get(`"${key.replace(/"/g, '""')}"`) !== undefined;
      if (this.present.size > 50_000) this.present.clear();
      this.present.set(key, known);
    }
    return known;
  }

  private load(): void {
    if (this.loadedVersion === this.version) return;
    const rows = this.db.prepare('SELECT grp, variant FROM search_variants ORDER BY grp, id').all() as { grp: string; variant: string }[];
    const groups = new Map<string, VariantGroup>();
    for (const r of rows) {
      let g = groups.get(r.grp);
      if (!g) groups.set(r.grp, (g = { name: r.grp, variants: [] }));
      g.variants.push(r.variant);
    }
    this.groups = [...groups.values()];
    this.groupsByKey = new Map();
    this.groupsByFolded = new Map();
    for (const g of this.groups) {
      const keys = new Set<string>();
      for (const v of g.variants) for (const word of wordsOf(v)) for (const k of scriptKeys(word)) keys.add(k);
      for (const v of g.variants) {
        this.groupsByFolded.set(slugFold(v), g);
        // A group's keys are shared by every key of every member, so any spelling finds them all.
        const own = wordsOf(v);
        if (own.length === 1) for (const k of scriptKeys(own[0]!)) this.groupsByKey.set(k, keys);
      }
      this.groupsByFolded.set(slugFold(g.name), g);
    }
    this.loadedVersion = this.version;
  }

  variantGroups(): VariantGroup[] {
    this.load();
    return this.groups;
  }

  /** The group a whole value (a place name, say) belongs to, if any. */
  groupOf(value: string): VariantGroup | null {
    this.load();
    return this.groupsByFolded.get(slugFold(value)) ?? null;
  }

  /** Every key a query word matches, its own key first. */
  keysOf(word: string): string[] {
    this.load();
    const folded = fold(word);
    const keys = new Set(scriptKeys(folded));
    for (const k of [...keys]) {
      const group = this.groupsByKey.get(k);
      if (group) for (const g of group) keys.add(g);
    }
    // The word's own key always stays (so a query always has something to look for); the other
    // forms only when some article has them, which keeps "the" from dragging "_tkhe" along.
    const own = keyOfFolded(folded);
    return [...keys].filter((k) => k === own || this.occurs(k));
  }

  /** The key of a word in its own script only (for phrases that would otherwise multiply). */
  ownKeys(word: string): string[] {
    const folded = fold(word);
    if (isCyrillic(folded)) return [...new Set([keyOfFolded(folded, 'ru'), keyOfFolded(folded, 'uk')])];
    return [keyOfFolded(folded)];
  }

  /**
   * A prefix query: the key prefixes to hand FTS5 (keys start like the word does for most words)
   * and the whole keys of words that start with the prefix but whose key does not (a stem shorter
   * than the prefix: "negotiat*" must find "negotiations", whose key is "negoti").
   */
  prefix(text: string, limit = 200, expand = 48): PrefixExpansion {
    const cacheKey = `${limit}:${expand}:${fold(text)}`;
    let found = this.prefixes.get(cacheKey);
    if (!found) {
      found = this.expandPrefix(text, limit, expand);
      if (this.prefixes.size > 2000) this.prefixes.clear();
      this.prefixes.set(cacheKey, found);
    }
    return found;
  }

  private expandPrefix(text: string, limit: number, expand: number): PrefixExpansion {
    const folded = fold(text);
    const prefixes = new Set<string>();
    const keys = new Set<string>();
    let truncated = false;
    const forms: Array<{ word: string; keyPrefix: string }> = [];
    if (isCyrillic(folded)) forms.push({ word: folded, keyPrefix: skeleton(folded) });
    else {
      forms.push({ word: folded, keyPrefix: folded });
      if (/^[a-z]+$/.test(folded)) {
        const cyrillic = latinToCyrillic(folded).replace(/ий$/, 'и');
        forms.push({ word: cyrillic, keyPrefix: skeleton(cyrillic) });
      }
    }
    for (const { word, keyPrefix } of forms) {
      // The index's keys with this prefix, listed: an OR of a few keys is read lazily and stops
      // with the page, where an FTS5 prefix query first merges every posting of every key.
      const listed = this.terms.all(keyPrefix, `${keyPrefix}\uffff`, expand + 1) as string[];
      if (listed.length <= expand) for (const k of listed) keys.add(k);
      else {
        // A short prefix ("a*", "th*") starts thousands of words: an FTS5 prefix query over
        // them would merge millions of postings (seconds). The most common of them are searched.
        const counted = this.termCounts.all(keyPrefix, `${keyPrefix}\uffff`, MAX_LISTED_TERMS + 1) as Array<{ term: string; doc: number }>;
        if (counted.length <= MAX_LISTED_TERMS && counted.reduce((n, t) => n + t.doc, 0) <= MAX_PREFIX_POSTINGS) prefixes.add(keyPrefix);
        else {
          truncated = true;
          for (const t of counted.sort((a, b) => b.doc - a.doc).slice(0, expand)) keys.add(t.term);
        }
      }
      const found = this.vocabulary.all({ from: word, to: `${word}\uffff`, keyFrom: keyPrefix, keyTo: `${keyPrefix}\uffff`, limit: limit + 1 }) as string[];
      if (found.length > limit) truncated = true;
      for (const k of found.slice(0, limit)) keys.add(k);
    }
    return { prefixes: [...prefixes], keys: [...keys], truncated, keyPrefixes: forms.map((f) => f.keyPrefix) };
  }
}

/** The words of a variant as the normaliser sees them, folded. */
function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map(fold);
}

function slugFold(value: string): string {
  return fold(value).replace(/[^\p{L}\p{N}]+/gu, '');
}
