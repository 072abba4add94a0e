// Compiling a query tree to an FTS5 MATCH expression over the key streams of search_fts, plus the
// date range the planner applies as a rowid range, plus what to mark in snippets and the reader.
//
// Every key is emitted as an FTS5 string ("…"), so nothing the user types can be read by FTS5 as
// syntax. A word becomes the OR of the keys it may be indexed under (query-keys.ts); filters
// become metadata tokens (index-layout.ts); FTS5's NOT is binary (a NOT b), so exclusions are
// attached to what they exclude from.
import { dateBound } from '../ingest/dates.ts';
import { agencyToken, bucketOf, dayToken, languageToken, MAX_BUCKET, monthToken, placeToken, yearToken } from './index-layout.ts';
import { words as wordsOf } from './normalise.ts';
import type { KeyExpander } from './query-keys.ts';
import { QueryError, type PhraseNode, type QueryNode, type TermNode } from './query-parser.ts';

export type TextField = 'headline' | 'body';

/** One word to mark wherever its key is one of `keys` or starts with one of `prefixes`. */
export interface WordMark {
  keys: Set<string>;
  prefixes: string[];
  field: TextField | null;
}

/** Consecutive words to mark together (a phrase). */
export interface SequenceMark {
  steps: Array<Set<string>>;
  field: TextField | null;
}

export interface MarkSpec {
  words: WordMark[];
  sequences: SequenceMark[];
}

export interface CompiledQuery {
  /** The FTS5 expression, or null when the query has no text and no filter (list everything). */
  match: string | null;
  /** Bounds on the rowid time part (index-layout.ts) from top-level date filters; inclusive. */
  lo: number;
  hi: number;
  /** Whether the query looks for text (else relevance means nothing and date order is used). */
  hasText: boolean;
  /**
   * Whether matching or ranking costs more per article than single words do (phrases, NEAR,
   * prefixes of many words): the planner then ranks fewer of the newest matches.
   */
  heavy: boolean;
  marks: MarkSpec;
  notices: string[];
}

export interface CompileContext {
  keys: KeyExpander;
  /** The years the corpus spans, to bound open date ranges inside OR and NOT. */
  years(): { min: number; max: number } | null;
}

/** Filters from outside the query (the window's filter bar, CLI options). */
export interface ExtraFilters {
  from?: number | null;
  to?: number | null;
  agency?: string | null;
  place?: string | null;
  language?: string | null;
}

const MAX_ALTERNATIVES = 24;
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', russian: 'ru', ukrainian: 'uk', eng: 'en', rus: 'ru', ukr: 'uk', en: 'en', ru: 'ru', uk: 'uk',
  английский: 'en', русский: 'ru', украинский: 'uk', англійська: 'en', російська: 'ru', українська: 'uk',
};

export function ftsString(text: string): string {
  // A NUL would end the expression early inside SQLite ("unterminated string"): drop it.
  return `"${text.replaceAll('\u0000', '').replace(/"/g, '""')}"`;
}

const orOf = (parts: string[]): string => (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`);

/** The cartesian product of per-position alternatives, or null when it would be too large. */
function combinations(steps: string[][]): string[][] | null {
  let total = 1;
  for (const s of steps) total *= s.length;
  if (total > MAX_ALTERNATIVES) return null;
  let out: string[][] = [[]];
  for (const s of steps) out = out.flatMap((prefix) => s.map((k) => [...prefix, k]));
  return out;
}

export function compileQuery(root: QueryNode | null, ctx: CompileContext, extra: ExtraFilters = {}, notices: string[] = []): CompiledQuery {
  const marks: MarkSpec = { words: [], sequences: [] };
  let lo = 0;
  let hi = MAX_BUCKET;
  let hasText = false;
  let heavy = false;

  const narrow = (from: number | null, to: number | null): void => {
    if (from !== null) lo = Math.max(lo, bucketOf(from));
    if (to !== null) hi = Math.min(hi, bucketOf(to));
  };
  narrow(extra.from ?? null, extra.to ?? null);

  // Top-level date filters (ANDed with everything) become a rowid range; others stay in the tree.
  let rest: QueryNode | null = root;
  if (root?.kind === 'date') {
    narrow(root.from, root.to);
    rest = null;
  } else if (root?.kind === 'and') {
    const kept: QueryNode[] = [];
    for (const child of root.children) {
      if (child.kind === 'date') narrow(child.from, child.to);
      else kept.push(child);
    }
    rest = kept.length === 0 ? null : kept.length === 1 ? kept[0]! : { kind: 'and', children: kept };
  }

  // Per word: the keys the index may hold it under, as FTS5 strings.
  const wordAlternatives = (word: string, own: boolean): string[] => (own ? ctx.keys.ownKeys(word) : ctx.keys.keysOf(word));

  /** A run of words as FTS5 phrases (OR-ed alternatives), marking them as a sequence. */
  function phraseOf(text: string, field: TextField | null, positive: boolean, lastIsPrefix = false): string[] {
    const ws = wordsOf(text);
    if (ws.length === 0) return [];
    if (ws.length > 1) heavy = true;
    let steps = ws.map((w) => wordAlternatives(w, false));
    let combos = combinations(steps);
    if (!combos) {
      steps = ws.map((w) => wordAlternatives(w, true));
      combos = combinations(steps) ?? [steps.map((s) => s[0]!)];
    }
    if (positive) marks.sequences.push({ steps: steps.map((s) => new Set(s)), field });
    return combos.map((c) => ftsString(c.join(' ')) + (lastIsPrefix ? '*' : ''));
  }

  function term(node: TermNode, field: TextField | null, positive: boolean): string {
    const ws = wordsOf(node.text);
    if (ws.length > 1) return orOf(phraseOf(node.text, field, positive, node.prefix));
    if (ws.length === 0) throw new QueryError(`Nothing to search for at character ${node.pos + 1}.`, node.pos);
    if (node.prefix) {
      const { prefixes, keys, truncated } = ctx.keys.prefix(ws[0]!);
      if (truncated) notices.push(`${node.text}* starts very many words; only the most common of them are searched`);
      if (positive) marks.words.push({ keys: new Set(keys), prefixes, field });
      if (keys.length > 8 || prefixes.length > 0) heavy = true;
      const parts = [...prefixes.map((p) => `${ftsString(p)}*`), ...keys.map(ftsString)];
      // A prefix nothing in the index starts with: a key no article has.
      return orOf(parts.length ? parts : [ftsString(`${ws[0]!.toLowerCase()}_none`)]);
    }
    const keys = ctx.keys.keysOf(ws[0]!);
    if (positive) marks.words.push({ keys: new Set(keys), prefixes: [], field });
    return orOf(keys.map(ftsString));
  }

  /** FTS5 phrases for a NEAR operand. */
  function nearOperand(node: TermNode | PhraseNode, field: TextField | null, positive: boolean): string[] {
    const ws = wordsOf(node.text);
    if (ws.length === 1 && !(node.kind === 'term' && node.prefix)) {
      const keys = ctx.keys.keysOf(ws[0]!);
      if (positive) marks.words.push({ keys: new Set(keys), prefixes: [], field });
      return keys.map(ftsString);
    }
    if (ws.length === 1) {
      // FTS5 allows a prefix phrase in NEAR, but not an OR: use the prefix itself.
      // NEAR takes phrases, not an OR of many keys: the FTS5 prefix form of each script.
      const { keyPrefixes, keys } = ctx.keys.prefix(ws[0]!);
      if (positive) marks.words.push({ keys: new Set(keys), prefixes: keyPrefixes, field });
      return keyPrefixes.map((p) => `${ftsString(p)}*`);
    }
    return phraseOf(node.text, field, positive);
  }

  function near(children: Array<TermNode | PhraseNode>, distance: number, pos: number, field: TextField | null, positive: boolean): string {
    heavy = true;
    const operands = children.map((c) => nearOperand(c, field, positive));
    const combos = combinations(operands) ?? combinations(operands.map((o) => o.slice(0, 1)))!;
    if (combos.length === 0) throw new QueryError(`Nothing to search for at character ${pos + 1}.`, pos);
    return orOf(combos.map((c) => `NEAR(${c.join(' ')}, ${distance})`));
  }

  function filter(field: string, value: string, pos: number): string {
    switch (field) {
      case 'agency':
        return ftsString(agencyToken(value));
      case 'place': {
        const group = ctx.keys.groupOf(value);
        const names = group ? [...new Set([value, group.name, ...group.variants])] : [value];
        return orOf([...new Set(names.map(placeToken))].map(ftsString));
      }
      case 'lang': {
        const code = LANGUAGE_NAMES[value.toLowerCase()] ?? value.toLowerCase();
        return ftsString(languageToken(code));
      }
      default:
        throw new QueryError(`${field}: at character ${pos + 1} cannot be searched here.`, pos);
    }
  }

  /** A date range inside OR or NOT, as the union of year, month and day tokens that cover it. */
  function dateTokens(from: number | null, to: number | null, pos: number): string {
    const years = ctx.years();
    const start = from ?? (years ? dateBound(String(years.min), 'from')! : 0);
    const end = to ?? (years ? dateBound(String(years.max), 'to')! : 0);
    const tokens: string[] = [];
    if (years && start <= end) {
      let day = new Date(Math.floor(start / 86400) * 86400 * 1000);
      const last = new Date(Math.floor(end / 86400) * 86400 * 1000);
      while (day <= last && tokens.length <= 400) {
        const y = day.getUTCFullYear();
        const m = day.getUTCMonth();
        if (day.getUTCMonth() === 0 && day.getUTCDate() === 1 && Date.UTC(y, 11, 31) <= last.getTime()) {
          tokens.push(yearToken(y));
          day = new Date(Date.UTC(y + 1, 0, 1));
        } else if (day.getUTCDate() === 1 && Date.UTC(y, m + 1, 0) <= last.getTime()) {
          tokens.push(monthToken(y, m + 1));
          day = new Date(Date.UTC(y, m + 1, 1));
        } else {
          tokens.push(dayToken(y, m + 1, day.getUTCDate()));
          day = new Date(day.getTime() + 86400_000);
        }
      }
      if (tokens.length > 400) throw new QueryError(`The dates at character ${pos + 1} are too fine-grained inside OR or NOT; use whole months or years there.`, pos);
    }
    // A range with no day in the corpus: a token no article has.
    return orOf(tokens.length ? tokens.map(ftsString) : [ftsString('d_none')]);
  }

  function compile(node: QueryNode, field: TextField | null, positive: boolean): string {
    switch (node.kind) {
      case 'term':
        hasText ||= positive;
        return term(node, field, positive);
      case 'phrase':
        hasText ||= positive;
        if (node.slop !== undefined) {
          const terms: TermNode[] = wordsOf(node.text).map((w) => ({ kind: 'term', text: w, prefix: false, pos: node.pos }));
          if (terms.length === 1) return term(terms[0]!, field, positive);
          return near(terms, node.slop, node.pos, field, positive);
        }
        return orOf(phraseOf(node.text, field, positive));
      case 'near':
        hasText ||= positive;
        return near(node.children, node.distance, node.pos, field, positive);
      case 'field': {
        if (field !== null && field !== node.field) throw new QueryError(`${node.field}: at character ${node.pos + 1} sits inside ${field}:; use one or the other.`, node.pos);
        assertTextOnly(node.child, node.field);
        return `{${node.field}} : (${compile(node.child, node.field as TextField, positive)})`;
      }
      case 'filter':
        return filter(node.field, node.value, node.pos);
      case 'date':
        return dateTokens(node.from, node.to, node.pos);
      case 'or': {
        for (const child of node.children) {
          if (child.kind === 'not') {
            throw new QueryError(`NOT at character ${child.pos + 1} sits alone inside an OR; say what to exclude it from, e.g. (peace NOT war).`, child.pos);
          }
        }
        return `(${node.children.map((c) => compile(c, field, positive)).join(' OR ')})`;
      }
      case 'and': {
        const positives = node.children.filter((c) => c.kind !== 'not');
        const negatives = node.children.filter((c): c is Extract<QueryNode, { kind: 'not' }> => c.kind === 'not');
        if (positives.length === 0) {
          throw new QueryError(`The query only excludes words (character ${negatives[0]!.pos + 1}); add a word to look for.`, negatives[0]!.pos);
        }
        const include = positives.length === 1 ? compile(positives[0]!, field, positive) : `(${positives.map((c) => compile(c, field, positive)).join(' AND ')})`;
        if (negatives.length === 0) return include;
        const exclude = negatives.length === 1 ? compile(negatives[0]!.child, field, !positive) : `(${negatives.map((n) => compile(n.child, field, !positive)).join(' OR ')})`;
        return `(${include} NOT ${exclude})`;
      }
      case 'not':
        throw new QueryError(`The query only excludes words (character ${node.pos + 1}); add a word to look for.`, node.pos);
    }
  }

  const parts: string[] = [];
  if (rest) parts.push(compile(rest, null, true));
  if (extra.agency) parts.push(filter('agency', extra.agency, 0));
  if (extra.place) parts.push(filter('place', extra.place, 0));
  if (extra.language) parts.push(filter('lang', extra.language, 0));
  const match = parts.length === 0 ? null : parts.length === 1 ? parts[0]! : parts.map((p) => (p.startsWith('(') ? p : `(${p})`)).join(' AND ');
  return { match, lo, hi, hasText, heavy, marks, notices };
}

/** Filters make no sense inside headline:(…) or body:(…); say so instead of matching nothing. */
function assertTextOnly(node: QueryNode, field: string): void {
  switch (node.kind) {
    case 'filter':
    case 'date':
      throw new QueryError(`${node.kind === 'date' ? 'date' : node.field}: at character ${node.pos + 1} cannot go inside ${field}:(…); put it outside the parentheses.`, node.pos);
    case 'and':
    case 'or':
      node.children.forEach((c) => assertTextOnly(c, field));
      return;
    case 'not':
    case 'field':
      assertTextOnly(node.child, field);
      return;
    default:
      return;
  }
}

/** One phrase of an FTS5 expression, with the column filter that applies to it. */
export interface FtsPhrase {
  /** The phrase as written, e.g. `"oil"`, `"prime minister"` or `"negotiat"*`. */
  phrase: string;
  column: string | null;
}

/**
 * The phrases of an expression this compiler wrote, in FTS5's order (as they appear, each
 * phrase inside NEAR counted on its own), each with the column filter ({headline} : …) that
 * applies to it. The ranking function takes one document frequency per phrase in this order.
 */
export function ftsPhrases(match: string): FtsPhrase[] {
  const out: FtsPhrase[] = [];
  // The column filter of each open parenthesis (NEAR's too), and one waiting for what follows.
  const scopes: Array<string | null> = [null];
  let pending: string | null = null;
  const token = /"(?:[^"]|"")*"\*?|\{(\w+)\}\s*:|NEAR\(|\(|\)/g;
  for (const m of match.matchAll(token)) {
    const t = m[0];
    if (m[1] !== undefined) {
      pending = m[1];
    } else if (t === '(' || t === 'NEAR(') {
      scopes.push(pending ?? scopes[scopes.length - 1]!);
      pending = null;
    } else if (t === ')') {
      if (scopes.length > 1) scopes.pop();
    } else {
      out.push({ phrase: t, column: pending ?? scopes[scopes.length - 1]! });
      pending = null;
    }
  }
  return out;
}
